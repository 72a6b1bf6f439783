//! The compare-areas chart: horizontal bars coloured by comparison, interval whiskers, a benchmark line, a text legend.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::CompareAreasView;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Pixels per character assumed when sizing the area-name axis.
const NAME_CHAR_WIDTH: u32 = 7;

/// A chart size that gives every bar room for its name: `width` × (14 px per bar + axes and legend).
pub fn suggested_compare_areas_height(view: &CompareAreasView) -> u32 {
    (view.bars.len() as u32 * 14 + 130).clamp(200, 4000)
}

/// The value range to show: zero (or the lowest limit), up to the highest limit or benchmark, padded.
fn value_range(view: &CompareAreasView) -> (f64, f64) {
    let numbers = view.bars.iter().flat_map(|b| [b.value, b.lower, b.upper]).chain(std::iter::once(view.benchmark_value)).flatten().filter(|v| v.is_finite());
    let (low, high) = numbers.fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !high.is_finite() || high <= low {
        return (low.min(0.0), low.max(0.0) + 1.0);
    }
    let pad = (high - low) * 0.05;
    (if low < 0.0 { low - pad } else { 0.0 }, high + pad)
}

/// A bar's tooltip: area, period, value and interval, count / denominator, comparison and why, note.
fn bar_tooltip(view: &CompareAreasView, bar: &crate::view::CompareAreasBar) -> String {
    let number = format_number;
    let unit = if view.unit.is_empty() { String::new() } else { format!(" {}", view.unit) };
    let value = bar.value.map(|v| format!("{}{unit}", number(v))).unwrap_or_else(|| "no value".into());
    let interval = match (bar.lower, bar.upper) {
        (Some(l), Some(u)) => format!(" ({} CI {}–{})", view.level.text(), number(l), number(u)),
        _ => String::new(),
    };
    let counts = match (bar.count, bar.denominator) {
        (Some(c), Some(d)) => format!("Count {} / denominator {}", number(c), number(d)),
        (Some(c), None) => format!("Count {}", number(c)),
        _ => String::new(),
    };
    let mut parts = vec![
        format!("{} ({})", bar.area_name, bar.area_code),
        format!("{}: {value}{interval}", view.period),
        counts,
        if bar.comparison_text.starts_with(&bar.label) { bar.comparison_text.clone() } else { format!("{}: {}", bar.label, bar.comparison_text) },
        if bar.note.is_empty() { String::new() } else { format!("Note: {}", bar.note) },
    ];
    parts.extend(view.annotations.iter().filter(|a| a.period == view.period).map(|a| format!("Annotation: {}", a.text)));
    tooltip(&parts)
}

/// Draws a compare-areas view on any plotters backend.
pub fn draw_compare_areas<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &CompareAreasView) -> Result<(), ChartError> {
    draw_compare_areas_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_compare_areas` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_compare_areas_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &CompareAreasView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let legend_height = 32.min(height / 4);
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_height));
    let longest_name = view.bars.iter().map(|b| b.area_name.chars().count() as u32).max().unwrap_or(0);
    let y_label_width = (longest_name * NAME_CHAR_WIDTH + 12).clamp(55, (width * 2 / 5).max(55));
    let bar_count = view.bars.len().max(1) as i32;
    let (x_min, x_max) = value_range(view);
    let mut caption = format!("{} ({})", view.indicator, view.period);
    for note in view.annotations.iter().filter(|a| a.period == view.period) {
        caption.push_str(&format!(" — Note: {}", note.text));
    }
    let caption = super::text_fit::shorten(&caption, 90);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(y_label_width)
        .build_cartesian_2d(x_min..x_max, (0..bar_count).into_segmented())
        .map_err(ChartError::from_drawing)?;
    let names: Vec<String> = view.bars.iter().map(|b| b.area_name.clone()).collect();
    let name_of = move |segment: &SegmentValue<i32>| -> String {
        let index = match segment {
            SegmentValue::Exact(i) | SegmentValue::CenterOf(i) => *i,
            SegmentValue::Last => return String::new(),
        };
        let from_top = bar_count - 1 - index;
        names.get(from_top as usize).cloned().unwrap_or_default()
    };
    let x_desc = if view.unit.is_empty() { "Value".to_owned() } else { format!("Value ({})", view.unit) };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(view.bars.len().clamp(1, (height / 12).max(1) as usize))
        .y_label_formatter(&name_of)
        .x_desc(x_desc)
        .axis_desc_style(("sans-serif", 13))
        .draw()
        .map_err(ChartError::from_drawing)?;
    for (from_top, bar) in view.bars.iter().enumerate() {
        let segment = bar_count - 1 - from_top as i32;
        let fill = parse_hex(&bar.colour);
        if let Some(value) = bar.value {
            let base = 0.0f64.clamp(x_min, x_max);
            let corners = || [(base.min(value), SegmentValue::Exact(segment + 1)), (base.max(value), SegmentValue::Exact(segment))];
            chart.draw_series(std::iter::once(Rectangle::new(corners(), fill.filled()))).map_err(ChartError::from_drawing)?;
            let edge = if bar.selected { BLACK.stroke_width(2) } else { WHITE.stroke_width(3) };
            chart.draw_series(std::iter::once(Rectangle::new(corners(), edge))).map_err(ChartError::from_drawing)?;
            if let (Some(lower), Some(upper)) = (bar.lower, bar.upper) {
                let whisker = ErrorBar::new_horizontal(SegmentValue::CenterOf(segment), lower, value, upper, BLACK.stroke_width(1), 6);
                chart.draw_series(std::iter::once(whisker)).map_err(ChartError::from_drawing)?;
            }
            let [a, b] = corners();
            sink.push_area((&bar.area_code, &bar.area_name), chart.backend_coord(&a), chart.backend_coord(&b), || bar_tooltip(view, bar));
        } else {
            // No bar: the row's mark sits at the axis so the blank still has a tooltip saying why.
            let base = 0.0f64.clamp(x_min, x_max);
            let (x, y0) = chart.backend_coord(&(base, SegmentValue::Exact(segment + 1)));
            let (_, y1) = chart.backend_coord(&(base, SegmentValue::Exact(segment)));
            sink.push_area((&bar.area_code, &bar.area_name), (x, y0), (x + 12, y1), || bar_tooltip(view, bar));
        }
    }
    if let Some(benchmark) = view.benchmark_value {
        let line = [(benchmark, SegmentValue::Exact(0)), (benchmark, SegmentValue::Exact(bar_count))];
        chart.draw_series(LineSeries::new(line, BLACK.stroke_width(2))).map_err(ChartError::from_drawing)?;
    }
    let basis = if view.comparison_basis.is_empty() { format!("{} CI vs {}", view.level.text(), view.benchmark_name) } else { view.comparison_basis.clone() };
    let legend_title = match view.benchmark_value {
        Some(value) => format!("Line: {} {} | {basis}:", view.benchmark_name, format_number(value)),
        None => format!("{basis}:"),
    };
    draw_legend(&legend_area, &legend_title, &view.legend)
}
