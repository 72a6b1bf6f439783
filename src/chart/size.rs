//! The pixel size each chart wants so that every row, bar and label has room.

use super::compare_areas::suggested_compare_areas_height;
use super::kpi_summary::suggested_kpi_summary_height;
use super::prevalence::suggested_prevalence_height;
use crate::view::ViewModel;

/// Width and height in pixels at which a view's chart reads well.
pub fn preferred_size(view: &ViewModel) -> (u32, u32) {
    match view {
        ViewModel::CompareAreas(v) => (960, suggested_compare_areas_height(v)),
        ViewModel::Overview(v) => {
            let width = (320 + 16 + v.columns.len() as u32 * 56).clamp(640, 4000);
            let height = (130 + 8 + 32 + v.rows.len() as u32 * 28).clamp(240, 4000);
            (width, height)
        }
        ViewModel::Spine(v) => (1100, (40 + 8 + 32 + v.rows.len() as u32 * 32).clamp(200, 4000)),
        ViewModel::Prevalence(v) => (960, suggested_prevalence_height(v)),
        ViewModel::Access(v) => ((200 + v.points.len() as u32 * 110).clamp(640, 4000), 420),
        ViewModel::Trend(v) => (960, 460 + 18 * (v.series.len() as u32 + 2)),
        ViewModel::Spc(_) => (960, 520),
        ViewModel::Scatter(_) => (900, 640),
        ViewModel::Funnel(_) => (960, 620),
        ViewModel::Map(_) => (760, 900),
        ViewModel::Inequalities(v) => (960, super::inequalities::suggested_inequalities_height(v)),
        ViewModel::BoardSummary(_) => (960, 200),
        ViewModel::KpiSummary(v) => (1100, suggested_kpi_summary_height(v)),
    }
}
