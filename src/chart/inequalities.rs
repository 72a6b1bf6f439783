//! The inequalities chart: one horizontal bar per category (published order) with whiskers, coloured by the
//! comparison with the area's value (the vertical line), and the SII / RII (and its course over time) as text.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::{InequalitiesView, InequalityGroup, LegendEntry};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Height that gives every group a row: 18 px per group plus axes, notes and legend.
pub fn suggested_inequalities_height(view: &InequalitiesView) -> u32 {
    (view.groups.len() as u32 * 18 + 200 + 16 * view.sii_over_time.len().min(12) as u32).clamp(280, 4000)
}

/// A bar's tooltip: category, period, value and interval, denominator, comparison with the area's value.
fn group_tooltip(view: &InequalitiesView, group: &InequalityGroup) -> String {
    let unit = if view.unit.is_empty() { String::new() } else { format!(" {}", view.unit) };
    let value = group.value.map(|v| format!("{}{unit}", format_number(v))).unwrap_or_else(|| "no value".into());
    let interval = match (group.lower, group.upper) {
        (Some(l), Some(u)) => format!(" ({} CI {}–{})", view.level, format_number(l), format_number(u)),
        _ => String::new(),
    };
    let area = match view.area_value {
        Some(v) => format!("{} {}{unit}", view.area_name, format_number(v)),
        None => view.area_name.clone(),
    };
    let why = if group.reason.is_empty() || group.reason.starts_with(&group.compared_to_area) {
        group.reason.clone()
    } else {
        format!("{}: {}", group.compared_to_area, group.reason)
    };
    tooltip(&[
        format!("{} ({})", group.category, group.category_type),
        format!("{} — {}: {value}{interval}", view.area_name, view.period),
        group.denominator.map(|d| format!("Denominator {}", format_number(d))).unwrap_or_default(),
        format!("Compared with {area}: {}", if why.is_empty() { group.compared_to_area.clone() } else { why }),
    ])
}

/// Draws an inequalities view on any plotters backend.
pub fn draw_inequalities<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &InequalitiesView) -> Result<(), ChartError> {
    draw_inequalities_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_inequalities` does, recording a mark per category bar (top to bottom) in `sink`;
/// a category with no value gets a narrow mark at the axis so its blank row still explains itself.
pub fn draw_inequalities_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &InequalitiesView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let mut notes: Vec<String> = Vec::new();
    match (&view.sii, &view.rii) {
        (Some(sii), Some(rii)) => {
            notes.push(format!("SII {:.3}, RII {:.3} ({}); no interval: see the table", sii.value, rii.value, view.sii_category_type.as_deref().unwrap_or("")))
        }
        _ => notes.push(view.sii_note.chars().take(120).collect()),
    }
    if view.sii_over_time.len() > 1 {
        let course: Vec<String> = view.sii_over_time.iter().map(|p| format!("{} {:.2}", p.period, p.sii)).collect();
        for chunk in course.chunks(6) {
            notes.push(format!("SII over time: {}", chunk.join(", ")));
        }
    }
    let note_height = (notes.len() as u32 * 16 + 36).min(height / 2);
    let (plot_area, bottom) = root.split_vertically(height.saturating_sub(note_height));
    let (note_area, legend_area) = bottom.split_vertically(note_height.saturating_sub(30));
    let count = view.groups.len().max(1) as i32;
    let numbers = view.groups.iter().flat_map(|g| [g.value, g.lower, g.upper]).chain(std::iter::once(view.area_value)).flatten();
    let (lo, hi) = numbers.fold((0.0f64, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let x_max = if hi.is_finite() && hi > lo { hi + (hi - lo) * 0.05 } else { lo + 1.0 };
    let longest = view.groups.iter().map(|g| g.category.chars().count() as u32).max().unwrap_or(0);
    let caption = super::text_fit::shorten(&format!("{}: {} ({})", view.area_name, view.indicator, view.period), 90);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size((longest * 7 + 12).clamp(55, width * 2 / 5))
        .build_cartesian_2d(lo..x_max, (0..count).into_segmented())
        .map_err(ChartError::from_drawing)?;
    let names: Vec<String> = view.groups.iter().map(|g| g.category.clone()).collect();
    let name_of = move |segment: &SegmentValue<i32>| -> String {
        match segment {
            SegmentValue::Exact(i) | SegmentValue::CenterOf(i) => names.get((count - 1 - *i) as usize).cloned().unwrap_or_default(),
            SegmentValue::Last => String::new(),
        }
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(view.groups.len().max(1))
        .y_label_formatter(&name_of)
        .x_desc(if view.unit.is_empty() { "Value".to_owned() } else { format!("Value ({})", view.unit) })
        .draw()
        .map_err(ChartError::from_drawing)?;
    for (from_top, group) in view.groups.iter().enumerate() {
        let segment = count - 1 - from_top as i32;
        let area = (view.area_code.as_str(), view.area_name.as_str());
        let Some(value) = group.value else {
            let base = lo.max(0.0).min(x_max);
            let (x, y0) = chart.backend_coord(&(base, SegmentValue::Exact(segment + 1)));
            let (_, y1) = chart.backend_coord(&(base, SegmentValue::Exact(segment)));
            sink.push_area(area, (x, y0), (x + 12, y1), || group_tooltip(view, group));
            continue;
        };
        let corners = || [(lo.max(0.0).min(value), SegmentValue::Exact(segment + 1)), (value, SegmentValue::Exact(segment))];
        let [a, b] = corners();
        sink.push_area(area, chart.backend_coord(&a), chart.backend_coord(&b), || group_tooltip(view, group));
        chart.draw_series(std::iter::once(Rectangle::new(corners(), parse_hex(&group.colour).filled()))).map_err(ChartError::from_drawing)?;
        chart.draw_series(std::iter::once(Rectangle::new(corners(), WHITE.stroke_width(2)))).map_err(ChartError::from_drawing)?;
        if let (Some(lower), Some(upper)) = (group.lower, group.upper) {
            let whisker = ErrorBar::new_horizontal(SegmentValue::CenterOf(segment), lower, value, upper, BLACK.stroke_width(1), 6);
            chart.draw_series(std::iter::once(whisker)).map_err(ChartError::from_drawing)?;
        }
    }
    if let Some(reference) = view.area_value {
        let line = [(reference, SegmentValue::Exact(0)), (reference, SegmentValue::Exact(count))];
        chart.draw_series(LineSeries::new(line, BLACK.stroke_width(2))).map_err(ChartError::from_drawing)?;
    }
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    for (i, line) in notes.into_iter().enumerate() {
        note_area.draw(&Text::new(line, (10, 4 + 16 * i as i32), font.clone())).map_err(ChartError::from_drawing)?;
    }
    let mut entries: Vec<LegendEntry> = Vec::new();
    for g in &view.groups {
        if !entries.iter().any(|e| e.label == g.compared_to_area) {
            entries.push(LegendEntry { label: g.compared_to_area.clone(), colour: g.colour.clone() });
        }
    }
    let title = match view.area_value {
        Some(v) => format!("Line: {} {} | {} CI vs area:", view.area_name, format_number(v), view.level),
        None => format!("{} CI vs area:", view.level),
    };
    draw_legend(&legend_area, &title, &entries)
}
