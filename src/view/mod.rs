//! View models: plain structs holding exactly what a chart or table needs (no statistics computed here).

pub mod access;
mod area_values;
mod board_summary;
mod compare_areas;
mod funnel;
mod inequalities;
mod legend;
mod map;
mod overview;
pub mod prevalence;
pub mod selection;
mod spec;
mod spine;
pub mod table;
mod scatter;
mod spc;
mod trend;

pub use compare_areas::{CompareAreasBar, CompareAreasView};
pub use legend::{legend_for, LegendEntry};
pub use spec::{benchmark_options, build_view, polarity_overrides, selected_area, SortOrder, ViewError, ViewModel, ViewSpec};
pub use table::{csv_cell, ViewTable};
pub use overview::{ColumnRole, OverviewCell, OverviewColumn, OverviewRow, OverviewView, PLAIN_CELL_COLOUR};
pub use spine::{SpineRow, SpineView};
pub use access::AccessView;
pub use prevalence::PrevalenceView;
pub use trend::{trend_view, PlanPointView, TargetStepView, TrendPointView, TrendSeriesView, TrendView};
pub use spc::{spc_view, SpcPointView, SpcView};
pub use scatter::{scatter_view, ScatterPoint, ScatterView};
pub use funnel::{funnel_view, position_colour, FunnelPoint, FunnelView};
pub use map::{map_view, MapArea, MapView, UnmatchedArea};
pub use inequalities::{inequalities_view, IndexEstimate, InequalitiesView, InequalityGroup, SiiPeriod};
pub use board_summary::{board_summary_view, BoardSummaryView, DirectionCount};
