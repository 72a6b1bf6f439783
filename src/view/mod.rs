//! View models: plain structs holding exactly what a chart or table needs (no statistics computed here).

pub mod access;
pub mod annotation;
mod board_summary;
mod compare_areas;
pub mod kpi_options;
pub mod kpi_summary;
mod legend;
mod overview;
pub mod prevalence;
pub mod selection;
mod spec;
mod spine;
pub mod table;
mod spc;
mod trend;

pub use compare_areas::{CompareAreasBar, CompareAreasView};
pub use legend::{legend_for, LegendEntry};
pub use spec::{benchmark_options, build_view, polarity_overrides, selected_area, SortOrder, ViewError, ViewModel, ViewSpec};
pub use table::{csv_cell, ViewTable};
pub use overview::{ColumnRole, OverviewCell, OverviewColumn, OverviewRow, OverviewView, PLAIN_CELL_COLOUR};
pub use spine::{SpineRow, SpineView};
pub use access::AccessView;
pub use annotation::{annotations_for, Annotation, AnnotationView};
pub use prevalence::PrevalenceView;
pub use trend::{trend_view, PlanPointView, TargetStepView, TrendPointView, TrendSeriesView, TrendView};
pub use spc::{spc_view, SpcPointView, SpcView};
pub use kpi_options::{KpiFilter, KpiOptions, KpiSort};
pub use kpi_summary::{kpi_summary_view, KpiRow, KpiSummaryView, KpiWhy, TrendArrow};
pub use board_summary::{board_summary_view, BoardSummaryView, DirectionCount};
