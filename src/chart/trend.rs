//! The trend chart: each area's values over time with 95% whiskers, gaps left open, England and region
//! lines, stepped targets and the planned trajectory, with a text legend of recent trends.

use super::colour::parse_hex;
use super::marks::{tooltip, MarkSink};
use super::time_axis::{draw_time_ticks, padded_range};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::{TrendSeriesView, TrendView};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Target colour (Making Data Count's target red) and plan colour (its trajectory purple).
const TARGET_COLOUR: RGBColor = RGBColor(0xDE, 0x1B, 0x1B);
const PLAN_COLOUR: RGBColor = RGBColor(0x49, 0x00, 0x92);

fn value_range(view: &TrendView) -> (f64, f64) {
    let numbers = view
        .series
        .iter()
        .flat_map(|s| s.points.iter().flat_map(|p| [p.value, p.lower, p.upper]))
        .chain(view.targets.iter().map(|t| t.value))
        .chain(view.plan.iter().map(|p| Some(p.value)))
        .flatten()
        .filter(|v| v.is_finite());
    let (low, high) = numbers.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !low.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((high - low) * 0.08).max(high.abs() * 0.02).max(1e-6);
    (low - pad, high + pad)
}

/// Runs of consecutive points that all have values: a missing or suppressed point breaks the line.
fn segments(series: &TrendSeriesView) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for point in &series.points {
        match point.value {
            Some(v) => runs.last_mut().map(|r: &mut Vec<(f64, f64)>| r.push((point.x, v))).unwrap_or(()),
            None => runs.push(Vec::new()),
        }
    }
    runs.into_iter().filter(|r| !r.is_empty()).collect()
}

/// A point's tooltip: area, period, value and interval (or why it is blank), note, annotations.
fn point_tooltip(view: &TrendView, series: &TrendSeriesView, point: &crate::view::TrendPointView) -> String {
    let number = format_number;
    let value = match point.value {
        Some(v) => format!("{}{}", number(v), if view.unit.is_empty() { String::new() } else { format!(" {}", view.unit) }),
        None if !point.note.is_empty() => format!("no value (marked `{}` in the file)", point.note),
        None => "no value in the file".into(),
    };
    let interval = match (point.lower, point.upper) {
        (Some(l), Some(u)) => format!(" (95% CI {}–{})", number(l), number(u)),
        _ => String::new(),
    };
    let mut parts = vec![format!("{} — {}", series.area_name, view.indicator), format!("{}: {value}{interval}", point.period)];
    if series.latest_period.as_deref() == Some(point.period.as_str()) {
        parts.push(format!("Recent trend {}: {}", series.recent_trend.label(), series.recent_trend_reason));
        parts.push(format!("Direction {}: {}", series.direction.text(), series.direction_reason));
    }
    parts.extend(view.annotations.iter().filter(|a| a.period == point.period).map(|a| format!("Annotation: {}", a.text)));
    tooltip(&parts)
}

/// Draws a trend view on any plotters backend.
pub fn draw_trend<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &TrendView) -> Result<(), ChartError> {
    draw_trend_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_trend` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_trend_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &TrendView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let legend_rows = view.series.len() as u32 + u32::from(!view.targets.is_empty()) + u32::from(!view.plan.is_empty());
    let legend_height = (legend_rows * 18 + 8).min(height / 3);
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_height));
    let xs = view
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.x))
        .chain(view.plan.iter().map(|p| p.x))
        .chain(view.targets.iter().flat_map(|t| [t.from_x, t.to_x]));
    let (x_min, x_max) = padded_range(xs);
    let (y_min, y_max) = value_range(view);
    let title = super::text_fit::shorten(&view.indicator, 90);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(title, ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(60)
        .build_cartesian_2d(x_min..x_max, y_min..y_max)
        .map_err(ChartError::from_drawing)?;
    let y_desc = if view.unit.is_empty() { "Value".to_owned() } else { format!("Value ({})", view.unit) };
    chart.configure_mesh().x_labels(0).y_desc(y_desc).axis_desc_style(("sans-serif", 13)).draw().map_err(ChartError::from_drawing)?;
    draw_time_ticks(&plot_area, &chart, x_min, x_max, y_min, y_max)?;
    for step in &view.targets {
        if let Some(value) = step.value {
            let line = [(step.from_x.max(x_min), value), (step.to_x.min(x_max), value)];
            chart.draw_series(LineSeries::new(line, TARGET_COLOUR.stroke_width(2))).map_err(ChartError::from_drawing)?;
        }
    }
    if !view.plan.is_empty() {
        let line: Vec<(f64, f64)> = view.plan.iter().map(|p| (p.x, p.value)).collect();
        chart.draw_series(LineSeries::new(line.clone(), PLAN_COLOUR.stroke_width(2))).map_err(ChartError::from_drawing)?;
        chart.draw_series(line.into_iter().map(|(x, y)| Cross::new((x, y), 4, PLAN_COLOUR.stroke_width(2)))).map_err(ChartError::from_drawing)?;
    }
    for series in &view.series {
        let colour = parse_hex(&series.colour);
        let width = if series.role == "area" { 2 } else { 1 };
        for run in segments(series) {
            chart.draw_series(LineSeries::new(run, colour.stroke_width(width))).map_err(ChartError::from_drawing)?;
        }
        for point in &series.points {
            let Some(value) = point.value else { continue };
            if let (Some(lower), Some(upper)) = (point.lower, point.upper) {
                let whisker = ErrorBar::new_vertical(point.x, lower, value, upper, colour.stroke_width(1), 6);
                chart.draw_series(std::iter::once(whisker)).map_err(ChartError::from_drawing)?;
            }
            chart.draw_series(std::iter::once(Circle::new((point.x, value), 4, colour.filled()))).map_err(ChartError::from_drawing)?;
        }
    }
    let font: TextStyle = ("sans-serif", 11).into_font().into();
    for note in &view.annotations {
        let Some(x) = note.x.filter(|x| (x_min..=x_max).contains(x)) else { continue };
        chart.draw_series(DashedLineSeries::new([(x, y_min), (x, y_max)], 4, 3, BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        let label: String = note.text.chars().take(40).collect();
        chart.draw_series(std::iter::once(Text::new(label, (x, y_max), font.clone()))).map_err(ChartError::from_drawing)?;
        let (px, top) = chart.backend_coord(&(x, y_max));
        let (_, bottom) = chart.backend_coord(&(x, y_min));
        sink.push((px - 3, top), (px + 3, bottom), || format!("Annotation ({}): {}", note.period, note.text));
    }
    for series in &view.series {
        let area = (series.area_code.as_str(), series.area_name.as_str());
        for point in &series.points {
            match point.value {
                Some(value) => sink.push_area_point(area, chart.backend_coord(&(point.x, value)), 5, || point_tooltip(view, series, point)),
                None => {
                    let (px, py) = chart.backend_coord(&(point.x, y_min));
                    sink.push_area(area, (px - 5, py - 12), (px + 5, py), || point_tooltip(view, series, point));
                }
            }
        }
    }
    draw_trend_legend(&legend_area, view)
}

fn draw_trend_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &TrendView) -> Result<(), ChartError> {
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    let mut y = 4;
    let mut row = |colour: RGBColor, text: String| -> Result<(), ChartError> {
        area.draw(&Rectangle::new([(10, y + 2), (24, y + 12)], colour.filled())).map_err(ChartError::from_drawing)?;
        area.draw(&Text::new(text, (30, y), font.clone())).map_err(ChartError::from_drawing)?;
        y += 18;
        Ok(())
    };
    for series in &view.series {
        let mut text = format!("{}: recent trend {}", series.area_name, series.recent_trend.label());
        if let Some(comparator) = &series.comparator_period {
            text.push_str(&format!("; {} since {}", series.direction.text(), comparator));
        } else {
            text.push_str(&format!("; direction: {}", series.direction.text()));
        }
        row(parse_hex(&series.colour), text)?;
    }
    if !view.targets.is_empty() {
        row(TARGET_COLOUR, "Target (per contract year)".into())?;
    }
    if !view.plan.is_empty() {
        row(PLAN_COLOUR, "Planned trajectory".into())?;
    }
    Ok(())
}
