//! The compare-indicators chart: one point per area, the chosen area highlighted, the least-squares line and R².

use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::{ScatterPoint, ScatterView};
use plotters::coord::Shift;
use plotters::prelude::*;

const POINT: RGBColor = RGBColor(0x1F, 0x5F, 0xA8);
const HIGHLIGHT: RGBColor = RGBColor(0xC0, 0x00, 0x00);

/// (min, max) of `values` padded by 5%, or (0, 1) when there are none.
fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.05).max(1e-9);
    (lo - pad, hi + pad)
}

fn axis_name(name: &str, period: &str, unit: &str) -> String {
    let text = super::text_fit::shorten(name, 73);
    if unit.is_empty() {
        format!("{text} ({period})")
    } else {
        format!("{text} ({period}, {unit})")
    }
}

/// A point's tooltip: area, then each indicator's period and value.
fn point_tooltip(view: &ScatterView, point: &ScatterPoint) -> String {
    let value = |v: f64, unit: &str| if unit.is_empty() { format_number(v) } else { format!("{} {unit}", format_number(v)) };
    let name = if point.code.is_empty() { point.name.clone() } else { format!("{} ({})", point.name, point.code) };
    tooltip(&[
        name,
        format!("{} ({}): {}", view.indicator_x, view.period_x, value(point.x, &view.unit_x)),
        format!("{} ({}): {}", view.indicator_y, view.period_y, value(point.y, &view.unit_y)),
    ])
}

/// Draws a compare-indicators view on any plotters backend.
pub fn draw_scatter<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &ScatterView) -> Result<(), ChartError> {
    draw_scatter_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_scatter` does, recording a mark per point (in the view's order) in `sink`.
pub fn draw_scatter_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &ScatterView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let (plot_area, note_area) = root.split_vertically(height.saturating_sub(26.min(height / 4)));
    let (x_min, x_max) = padded(view.points.iter().map(|p| p.x));
    let (y_min, y_max) = padded(view.points.iter().map(|p| p.y));
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(format!("Compare indicators: {} areas ({})", view.points.len(), view.area_type), ("sans-serif", 15))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(x_min..x_max, y_min..y_max)
        .map_err(ChartError::from_drawing)?;
    chart
        .configure_mesh()
        .x_desc(axis_name(&view.indicator_x, &view.period_x, &view.unit_x))
        .y_desc(axis_name(&view.indicator_y, &view.period_y, &view.unit_y))
        .axis_desc_style(("sans-serif", 13))
        .draw()
        .map_err(ChartError::from_drawing)?;
    let line = [(x_min, view.fitted(x_min)), (x_max, view.fitted(x_max))];
    chart.draw_series(LineSeries::new(line, BLACK.stroke_width(2))).map_err(ChartError::from_drawing)?;
    chart
        .draw_series(view.points.iter().filter(|p| !p.selected).map(|p| Circle::new((p.x, p.y), 4, POINT.mix(0.8).filled())))
        .map_err(ChartError::from_drawing)?;
    for p in view.points.iter().filter(|p| p.selected) {
        chart.draw_series(std::iter::once(Circle::new((p.x, p.y), 7, HIGHLIGHT.filled()))).map_err(ChartError::from_drawing)?;
        let label = Text::new(p.name.clone(), (p.x, p.y), ("sans-serif", 13).into_font().color(&HIGHLIGHT));
        chart.draw_series(std::iter::once(label)).map_err(ChartError::from_drawing)?;
    }
    for p in &view.points {
        let radius = if p.selected { 7 } else { 4 };
        sink.push_area_point((&p.code, &p.name), chart.backend_coord(&(p.x, p.y)), radius, || point_tooltip(view, p));
    }
    let font: TextStyle = ("sans-serif", 13).into_font().into();
    let note = format!("Line: {}", view.line_text());
    note_area.draw(&Text::new(note, (12, 4), font)).map_err(ChartError::from_drawing)?;
    Ok(())
}
