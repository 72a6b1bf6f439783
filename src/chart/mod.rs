//! Chart drawing with plotters, generic over the backend (canvas in the page, SVG for export).

mod access;
mod board_summary;
mod colour;
mod compare_areas;
mod funnel;
mod icons;
mod inequalities;
mod kpi_summary;
mod legend;
mod map;
mod marks;
mod overview;
mod prevalence;
mod scatter;
mod size;
mod spc;
mod spine;
mod text_fit;
mod time_axis;
mod trend;

pub use access::draw_access;
pub use board_summary::draw_board_summary;
pub use colour::parse_hex;
pub use compare_areas::{draw_compare_areas, suggested_compare_areas_height};
pub use funnel::draw_funnel;
pub use inequalities::{draw_inequalities, suggested_inequalities_height};
pub use kpi_summary::{draw_kpi_summary_marked, suggested_kpi_summary_height};
pub use map::draw_map;
pub use marks::{area_key, marks, ChartMark, MarkSink};
pub use overview::draw_overview;
pub use prevalence::{draw_prevalence, suggested_prevalence_height};
pub use scatter::draw_scatter;
pub use size::preferred_size;
pub use spc::draw_spc;
pub use spine::draw_spine;
pub use trend::draw_trend;

use crate::view::ViewModel;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Why a chart could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The backend or layout failed (message from plotters).
    Drawing(String),
    /// The requested size is unusable (zero or larger than 10,000 px).
    BadSize(u32, u32),
}

impl ChartError {
    /// Wraps a plotters drawing error.
    pub fn from_drawing<E: std::error::Error + Send + Sync>(error: DrawingAreaErrorKind<E>) -> ChartError {
        ChartError::Drawing(error.to_string())
    }
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Drawing(message) => write!(f, "chart drawing failed: {message}"),
            ChartError::BadSize(w, h) => write!(f, "chart size {w}×{h} is not usable"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Draws any view model on any plotters backend.
pub fn draw_view<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &ViewModel) -> Result<(), ChartError> {
    draw_view_marked(root, view, &mut MarkSink::ignore())
}

/// Draws any view model, recording every mark's pixel box and tooltip text in `sink` (see `marks`).
pub fn draw_view_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &ViewModel, sink: &mut MarkSink) -> Result<(), ChartError> {
    match view {
        ViewModel::CompareAreas(compare) => compare_areas::draw_compare_areas_marked(root, compare, sink),
        ViewModel::Overview(overview) => overview::draw_overview_marked(root, overview, sink),
        ViewModel::Spine(spine) => spine::draw_spine_marked(root, spine, sink),
        ViewModel::Prevalence(prevalence) => prevalence::draw_prevalence_marked(root, prevalence, sink),
        ViewModel::Access(access) => access::draw_access_marked(root, access, sink),
        ViewModel::Trend(trend) => trend::draw_trend_marked(root, trend, sink),
        ViewModel::Spc(spc) => spc::draw_spc_marked(root, spc, sink),
        ViewModel::BoardSummary(summary) => board_summary::draw_board_summary_marked(root, summary, sink),
        ViewModel::KpiSummary(kpi) => draw_kpi_summary_marked(root, kpi, sink),
        ViewModel::Scatter(scatter) => scatter::draw_scatter_marked(root, scatter, sink),
        ViewModel::Funnel(funnel) => funnel::draw_funnel_marked(root, funnel, sink),
        ViewModel::Map(map) => map::draw_map_marked(root, map, sink),
        ViewModel::Inequalities(inequalities) => inequalities::draw_inequalities_marked(root, inequalities, sink),
    }
}

/// Renders a view model as SVG text of `width` × `height` pixels.
pub fn render_svg(view: &ViewModel, width: u32, height: u32) -> Result<String, ChartError> {
    if width == 0 || height == 0 || width > 10_000 || height > 10_000 {
        return Err(ChartError::BadSize(width, height));
    }
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw_view(&root, view)?;
        root.present().map_err(ChartError::from_drawing)?;
    }
    Ok(svg)
}
