//! The prevalence chart: horizontal grouped bars, one group per age band and disorder, areas side by side, whiskers when intervals exist.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::text_fit::fit_text;
use super::ChartError;
use crate::view::{LegendEntry, PrevalenceView};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Pixels per bar (each area's bar in a group).
const BAR_PIXELS: u32 = 12;

/// The groups drawn (band, disorder), band by band; totals are left to the table (they would flatten the bars).
fn groups(view: &PrevalenceView) -> Vec<(String, String)> {
    let mut groups = Vec::new();
    for band in &view.bands {
        for disorder in &view.disorders {
            if view.estimates.iter().any(|e| &e.age_band == band && &e.disorder == disorder && !e.total) {
                groups.push((band.clone(), disorder.clone()));
            }
        }
    }
    groups
}

/// A height giving every bar room: groups × areas × 12 px, plus gaps, axes and legend.
pub fn suggested_prevalence_height(view: &PrevalenceView) -> u32 {
    let bars = groups(view).len() as u32 * (view.areas.len().max(1) as u32 * BAR_PIXELS + 8);
    (bars + 140).clamp(240, 4000)
}

/// Draws a prevalence view on any plotters backend.
pub fn draw_prevalence<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &PrevalenceView) -> Result<(), ChartError> {
    draw_prevalence_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_prevalence` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_prevalence_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &PrevalenceView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let groups = groups(view);
    let legend_height = 32.min(height / 4);
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_height));
    let label_width = (width * 2 / 5).clamp(55, 330);
    let x_max =
        view.estimates.iter().filter(|e| !e.total).map(|e| e.upper.unwrap_or(e.estimate).max(e.estimate)).filter(|v| v.is_finite()).fold(0.0f64, f64::max);
    let x_max = if x_max > 0.0 { x_max * 1.08 } else { 1.0 };
    let count = groups.len().max(1) as f64;
    let caption = format!("Estimated numbers: {} rates × {} populations", view.rates_period, view.population_period);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0.0..x_max, 0.0..count)
        .map_err(ChartError::from_drawing)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_desc("Estimated number of people")
        .axis_desc_style(("sans-serif", 13))
        .draw()
        .map_err(ChartError::from_drawing)?;
    let areas = view.areas.len().max(1) as f64;
    let slot = 0.8 / areas;
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    let base = root.get_base_pixel();
    for (g, (band, disorder)) in groups.iter().enumerate() {
        // Group g sits from the top: its band is [count-1-g, count-g).
        let top = count - g as f64 - 0.1;
        for (a, area) in view.areas.iter().enumerate() {
            let Some(e) = view.estimates.iter().find(|e| &e.area == area && &e.age_band == band && &e.disorder == disorder && !e.total) else {
                continue;
            };
            let (y1, y0) = (top - a as f64 * slot, top - (a as f64 + 1.0) * slot);
            let colour = parse_hex(view.area_colours.get(a).map(String::as_str).unwrap_or(""));
            sink.push(chart.backend_coord(&(0.0, y0)), chart.backend_coord(&(e.estimate.max(0.0), y1)), || {
                let interval = match (e.lower, e.upper) {
                    (Some(l), Some(u)) => format!(" (95% interval {l:.0}–{u:.0})"),
                    _ => " (no interval)".into(),
                };
                tooltip(&[
                    format!("{} — {band}, {disorder}", e.area),
                    format!("Estimated {:.0} people{interval}", e.estimate),
                    format!("{}% × population {:.0}", e.rate_percent, e.population),
                ])
            });
            let bar = Rectangle::new([(0.0, y0), (e.estimate, y1)], colour.filled());
            chart.draw_series(std::iter::once(bar)).map_err(ChartError::from_drawing)?;
            if let (Some(lower), Some(upper)) = (e.lower, e.upper) {
                let whisker = ErrorBar::new_horizontal((y0 + y1) / 2.0, lower, e.estimate, upper, BLACK.stroke_width(1), 5);
                chart.draw_series(std::iter::once(whisker)).map_err(ChartError::from_drawing)?;
            }
            let value = Text::new(format!("{:.0}", e.estimate), (e.upper.unwrap_or(e.estimate), y1), font.clone());
            chart.draw_series(std::iter::once(value)).map_err(ChartError::from_drawing)?;
        }
        let (px, py) = chart.backend_coord(&(0.0, count - g as f64 - 0.5));
        let label = fit_text(root, &format!("{band} · {disorder}"), &font, label_width as i32 - 12);
        let text_width = root.estimate_text_size(&label, &font).map(|(w, _)| w as i32).unwrap_or(0);
        let at = (px - base.0 - text_width - 6, py - base.1 - 6);
        root.draw(&Text::new(label, at, font.clone())).map_err(ChartError::from_drawing)?;
    }
    let entries: Vec<LegendEntry> =
        view.areas.iter().zip(&view.area_colours).map(|(area, colour)| LegendEntry { label: area.clone(), colour: colour.clone() }).collect();
    let title = if view.has_intervals() { "Areas (whiskers: 95% interval):" } else { "Areas (point estimates, no intervals):" };
    draw_legend(&legend_area, title, &entries)
}
