//! View models: plain structs holding exactly what a chart or table needs (no statistics computed here).

mod compare_areas;
mod legend;
pub mod selection;
mod spec;
pub mod table;

pub use compare_areas::{CompareAreasBar, CompareAreasView};
pub use legend::{legend_for, LegendEntry};
pub use spec::{benchmark_options, build_view, polarity_overrides, selected_area, SortOrder, ViewError, ViewModel, ViewSpec};
pub use table::{csv_cell, ViewTable};
