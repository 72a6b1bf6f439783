//! View models: plain structs holding exactly what a chart or table needs (no statistics computed here).

pub mod access;
mod compare_areas;
mod legend;
mod overview;
pub mod prevalence;
pub mod selection;
mod spec;
mod spine;
pub mod table;

pub use compare_areas::{CompareAreasBar, CompareAreasView};
pub use legend::{legend_for, LegendEntry};
pub use spec::{benchmark_options, build_view, polarity_overrides, selected_area, SortOrder, ViewError, ViewModel, ViewSpec};
pub use table::{csv_cell, ViewTable};
pub use overview::{ColumnRole, OverviewCell, OverviewColumn, OverviewRow, OverviewView, PLAIN_CELL_COLOUR};
pub use spine::{SpineRow, SpineView};
pub use access::AccessView;
pub use prevalence::PrevalenceView;
