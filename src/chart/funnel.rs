//! The funnel chart: points by denominator coloured by position, 95% and 99.8% limit curves, the target line.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::{FunnelPoint, FunnelView};
use plotters::coord::Shift;
use plotters::prelude::*;

const LIMIT_95: RGBColor = RGBColor(0x80, 0x80, 0x80);
const LIMIT_998: RGBColor = RGBColor(0x20, 0x20, 0x20);

/// A point's tooltip: area, period and value, count / denominator, position against the limits and target.
fn point_tooltip(view: &FunnelView, point: &FunnelPoint) -> String {
    let unit = if view.unit.is_empty() { String::new() } else { format!(" {}", view.unit) };
    let name = if point.code.is_empty() { point.name.clone() } else { format!("{} ({})", point.name, point.code) };
    let position = point.position.text();
    let mut first = position.chars();
    let position = first.next().map(|c| c.to_uppercase().chain(first).collect::<String>()).unwrap_or_default();
    tooltip(&[
        name,
        format!("{}: {}{unit}", view.period, format_number(point.value)),
        format!("Count {} / {} {}", format_number(point.count), view.denominator_label, format_number(point.denominator)),
        format!("{position} around {} {}", view.target_name, format_number(view.target)),
    ])
}

/// Draws a funnel view on any plotters backend.
pub fn draw_funnel<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &FunnelView) -> Result<(), ChartError> {
    draw_funnel_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_funnel` does, recording a mark per point (in the view's order) in `sink`.
pub fn draw_funnel_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &FunnelView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let (plot_area, bottom) = root.split_vertically(height.saturating_sub(56.min(height / 3)));
    let (note_area, legend_area) = bottom.split_vertically(24);
    let x_max = view.points.iter().map(|p| p.denominator).chain(view.limits.iter().map(|l| l.denominator)).fold(1.0f64, f64::max) * 1.02;
    let ys = view.points.iter().map(|p| p.value).chain(std::iter::once(view.target));
    // The y range covers the points and the limits over the points' denominators.
    let min_point = view.points.iter().map(|p| p.denominator).fold(f64::INFINITY, f64::min);
    let limit_ys = view.limits.iter().filter(|l| l.denominator >= min_point * 0.9).flat_map(|l| [l.lower_99_8, l.upper_99_8]).flatten();
    let (lo, hi) = ys.chain(limit_ys).filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let pad = ((hi - lo) * 0.06).max(1e-6);
    let (y_min, y_max) = if lo.is_finite() { (lo - pad, hi + pad) } else { (0.0, 1.0) };
    let caption = super::text_fit::shorten(&format!("{} ({})", view.indicator, view.period), 90);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(65)
        .build_cartesian_2d(0.0..x_max, y_min..y_max)
        .map_err(ChartError::from_drawing)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(view.denominator_label.clone())
        .y_desc(if view.unit.is_empty() { "Value".to_owned() } else { format!("Value ({})", view.unit) })
        .axis_desc_style(("sans-serif", 13))
        .draw()
        .map_err(ChartError::from_drawing)?;
    let inside = |points: Vec<(f64, f64)>| points.into_iter().map(|(x, y)| (x, y.clamp(y_min, y_max))).collect::<Vec<_>>();
    for curve in view.limit_curves() {
        let colour = if curve.outer { LIMIT_998 } else { LIMIT_95 };
        chart.draw_series(LineSeries::new(inside(curve.points), colour.stroke_width(1))).map_err(ChartError::from_drawing)?;
    }
    chart
        .draw_series(LineSeries::new([(0.0, view.target), (x_max, view.target)], RGBColor(0x1F, 0x5F, 0xA8).stroke_width(2)))
        .map_err(ChartError::from_drawing)?;
    for p in &view.points {
        let fill = parse_hex(&p.colour);
        chart.draw_series(std::iter::once(Circle::new((p.denominator, p.value), 5, fill.filled()))).map_err(ChartError::from_drawing)?;
        let edge = if p.selected { BLACK.stroke_width(3) } else { BLACK.stroke_width(1) };
        chart.draw_series(std::iter::once(Circle::new((p.denominator, p.value), if p.selected { 8 } else { 5 }, edge))).map_err(ChartError::from_drawing)?;
        if p.selected {
            let label = Text::new(p.name.clone(), (p.denominator, p.value), ("sans-serif", 13).into_font());
            chart.draw_series(std::iter::once(label)).map_err(ChartError::from_drawing)?;
        }
        let radius = if p.selected { 8 } else { 5 };
        sink.push_area_point((&p.code, &p.name), chart.backend_coord(&(p.denominator, p.value)), radius, || point_tooltip(view, p));
    }
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    let note = format!("Line: {} {} | grey 95%, black 99.8% limits: {}", view.target_name, format_number(view.target), view.method);
    note_area.draw(&Text::new(note, (10, 4), font)).map_err(ChartError::from_drawing)?;
    draw_legend(&legend_area, "Areas:", &view.position_legend())
}
