//! Chart drawing with plotters, generic over the backend (canvas in the page, SVG for export).

mod access;
mod board_summary;
mod colour;
mod compare_areas;
mod funnel;
mod inequalities;
mod legend;
mod map;
mod overview;
mod prevalence;
mod size;
mod scatter;
mod spc;
mod spine;
mod text_fit;
mod time_axis;
mod trend;

pub use board_summary::draw_board_summary;
pub use colour::parse_hex;
pub use compare_areas::{draw_compare_areas, suggested_compare_areas_height};
pub use access::draw_access;
pub use overview::draw_overview;
pub use prevalence::{draw_prevalence, suggested_prevalence_height};
pub use size::preferred_size;
pub use spine::draw_spine;
pub use funnel::draw_funnel;
pub use map::draw_map;
pub use inequalities::{draw_inequalities, suggested_inequalities_height};
pub use scatter::draw_scatter;
pub use spc::draw_spc;
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
    match view {
        ViewModel::CompareAreas(compare) => draw_compare_areas(root, compare),
        ViewModel::Overview(overview) => draw_overview(root, overview),
        ViewModel::Spine(spine) => draw_spine(root, spine),
        ViewModel::Prevalence(prevalence) => draw_prevalence(root, prevalence),
        ViewModel::Access(access) => draw_access(root, access),
        ViewModel::Trend(trend) => draw_trend(root, trend),
        ViewModel::Spc(spc) => draw_spc(root, spc),
        ViewModel::BoardSummary(summary) => draw_board_summary(root, summary),
        ViewModel::Scatter(scatter) => draw_scatter(root, scatter),
        ViewModel::Funnel(funnel) => draw_funnel(root, funnel),
        ViewModel::Map(map) => draw_map(root, map),
        ViewModel::Inequalities(inequalities) => draw_inequalities(root, inequalities),
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
