//! The KPI summary chart: a table of KPIs with the comparison drawn as a coloured labelled box, the recent-trend
//! arrow and the variation and assurance icons, and a tooltip mark on every cell carrying the label's why.

use super::colour::{parse_hex, text_colour_on};
use super::icons::{draw_assurance_icon, draw_trend_arrow, draw_variation_icon};
use super::marks::{tooltip, MarkSink};
use super::text_fit::fit_text;
use super::ChartError;
use crate::view::format::format_number;
use crate::view::{KpiRow, KpiSummaryView};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Height of one KPI row in pixels.
pub const ROW_HEIGHT: i32 = 28;
/// Height of the heading row.
const HEADER_HEIGHT: i32 = 30;
/// Pixels per note line under the table.
const NOTE_HEIGHT: i32 = 16;

/// Fixed column widths after the indicator column: area, period, value, comparison, trend, direction, target, variation, assurance.
const FIXED: [(&str, i32); 9] = [
    ("Area", 130),
    ("Period", 80),
    ("Value (95% CI)", 130),
    ("Compared", 95),
    ("Trend", 50),
    ("Direction", 105),
    ("Target", 90),
    ("Variation", 65),
    ("Assurance", 70),
];

/// Height at which every row and note of the summary has room.
pub fn suggested_kpi_summary_height(view: &KpiSummaryView) -> u32 {
    (HEADER_HEIGHT + 16 + view.rows.len().max(1) as i32 * ROW_HEIGHT + (view.notes.len() as i32 + 1) * NOTE_HEIGHT + 10).clamp(160, 8000) as u32
}

/// Left edge of each column (indicator first) and the right edge of the last, for a canvas `width` wide.
fn column_edges(width: i32) -> Vec<i32> {
    let fixed: i32 = FIXED.iter().map(|(_, w)| w).sum();
    let indicator_width = (width - 16 - fixed).max(120);
    let mut edges = vec![8, 8 + indicator_width];
    for (_, w) in FIXED {
        let last = *edges.last().unwrap_or(&8);
        edges.push(last + w);
    }
    edges
}

fn value_tooltip(row: &KpiRow) -> String {
    let unit = if row.unit.is_empty() { String::new() } else { format!(" {}", row.unit) };
    let value = row.value.map(|v| format!("{}{unit}", format_number(v))).unwrap_or_else(|| "no value".into());
    let interval = match (row.lower, row.upper) {
        (Some(l), Some(u)) => format!(" (95% CI {}–{})", format_number(l), format_number(u)),
        _ => String::new(),
    };
    let counts = match (row.count, row.denominator) {
        (Some(c), Some(d)) => format!("Count {} / denominator {}", format_number(c), format_number(d)),
        (Some(c), None) => format!("Count {}", format_number(c)),
        _ => String::new(),
    };
    let notes: Vec<String> = row.annotations.iter().map(|a| format!("Annotation ({}): {}", a.period, a.text)).collect();
    let mut parts = vec![
        format!("{} — {}", row.area_name, row.indicator),
        format!("{}: {value}{interval}", row.period),
        counts,
        row.why.comparison.clone(),
        if row.note.is_empty() { String::new() } else { format!("Note: {}", row.note) },
    ];
    parts.extend(notes);
    tooltip(&parts)
}

/// Draws a KPI summary on any plotters backend, recording a mark per cell in `sink`.
pub fn draw_kpi_summary_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &KpiSummaryView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let (base_x, base_y) = root.get_base_pixel();
    let edges = column_edges(width);
    let text: TextStyle = ("sans-serif", 12).into_font().into();
    let bold: TextStyle = ("sans-serif", 12).into_font().style(FontStyle::Bold).into();
    let headings: Vec<&str> = std::iter::once("Indicator").chain(FIXED.iter().map(|(h, _)| *h)).collect();
    for (i, heading) in headings.iter().enumerate() {
        let room = edges.get(i + 1).copied().unwrap_or(width) - edges[i] - 4;
        root.draw(&Text::new(fit_text(root, heading, &bold, room), (edges[i], 8), bold.clone())).map_err(ChartError::from_drawing)?;
    }
    root.draw(&PathElement::new(vec![(4, HEADER_HEIGHT - 4), (width - 4, HEADER_HEIGHT - 4)], BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
    let mut bottom = HEADER_HEIGHT;
    for (index, row) in view.rows.iter().enumerate() {
        let top = HEADER_HEIGHT + index as i32 * ROW_HEIGHT;
        if top + ROW_HEIGHT > height {
            break;
        }
        bottom = top + ROW_HEIGHT;
        let middle = top + ROW_HEIGHT / 2;
        let cell = |i: usize| (edges[i], edges.get(i + 1).copied().unwrap_or(width));
        let mut mark = |i: usize, text: &dyn Fn() -> String| {
            let (left, right) = cell(i);
            sink.push_area((&row.area_code, &row.area_name), (base_x + left, base_y + top), (base_x + right - 2, base_y + top + ROW_HEIGHT - 1), text);
        };
        if index % 2 == 1 {
            root.draw(&Rectangle::new([(4, top), (width - 4, top + ROW_HEIGHT)], RGBColor(0xF4, 0xF4, 0xF4).filled())).map_err(ChartError::from_drawing)?;
        }
        let value_text = match row.value {
            Some(v) => match (row.lower, row.upper) {
                (Some(l), Some(u)) => format!("{} ({}–{})", format_number(v), format_number(l), format_number(u)),
                _ => format_number(v),
            },
            None if !row.note.is_empty() => format!("{} (no value)", row.note),
            None => "no value".into(),
        };
        let target_text = match row.target_status {
            Some(status) => status.text().to_owned(),
            None => "no target".into(),
        };
        let plain = [
            (0, row.indicator.clone()),
            (1, row.area_name.clone()),
            (2, row.period.clone()),
            (3, value_text),
            (6, row.direction.text().to_owned()),
            (7, target_text),
        ];
        for (i, content) in plain {
            let (left, right) = cell(i);
            let style = text.clone().pos(Pos::new(HPos::Left, VPos::Center));
            let shown = fit_text(root, &content, &style, right - left - 6);
            root.draw(&Text::new(shown, (left, middle), style)).map_err(ChartError::from_drawing)?;
        }
        mark(0, &|| {
            tooltip(&[
                row.indicator.clone(),
                format!("Unit: {}", if row.unit.is_empty() { "not given" } else { &row.unit }),
                format!("Polarity: {}", row.polarity),
            ])
        });
        mark(1, &|| tooltip(&[row.area_name.clone(), row.area_code.clone()]));
        mark(2, &|| format!("Period shown: {}", row.period));
        mark(3, &|| value_tooltip(row));
        let (left, right) = cell(4);
        let fill = parse_hex(&row.comparison_colour);
        root.draw(&Rectangle::new([(left, top + 4), (right - 6, top + ROW_HEIGHT - 4)], fill.filled())).map_err(ChartError::from_drawing)?;
        let ink = text_colour_on(fill);
        let style = text.clone().color(&ink).pos(Pos::new(HPos::Center, VPos::Center));
        let label = fit_text(root, &row.comparison, &style, right - left - 10);
        root.draw(&Text::new(label, ((left + right - 6) / 2, middle), style)).map_err(ChartError::from_drawing)?;
        mark(4, &|| row.why.comparison.clone());
        let centre = |i: usize| (cell(i).0 + (cell(i).1 - cell(i).0) / 2 - 3, middle);
        draw_trend_arrow(root, row.trend_arrow, &row.trend_colour, centre(5), ROW_HEIGHT / 2 - 4)?;
        mark(5, &|| row.why.recent_trend.clone());
        mark(6, &|| row.why.direction.clone());
        mark(7, &|| tooltip(&[if row.target.is_empty() { String::new() } else { format!("Target: {}", row.target) }, row.why.target_status.clone()]));
        draw_variation_icon(root, row.variation_icon(), centre(8), ROW_HEIGHT / 2 - 3)?;
        mark(8, &|| row.why.variation.clone());
        draw_assurance_icon(root, row.assurance_icon(), centre(9), ROW_HEIGHT / 2 - 3)?;
        mark(9, &|| row.why.assurance.clone());
    }
    let small: TextStyle = ("sans-serif", 11).into_font().into();
    let mut lines = Vec::new();
    if view.rows.len() < view.total_rows {
        lines.push(format!("Showing {} of {} rows (filtered).", view.rows.len(), view.total_rows));
    }
    if view.rows.is_empty() {
        lines.push("No rows: nothing matches the filter.".into());
    }
    lines.extend(view.notes.iter().cloned());
    for (i, line) in lines.iter().enumerate() {
        let y = bottom + 8 + i as i32 * NOTE_HEIGHT;
        if y + NOTE_HEIGHT > height {
            break;
        }
        root.draw(&Text::new(fit_text(root, line, &small, width - 16), (8, y), small.clone())).map_err(ChartError::from_drawing)?;
    }
    Ok(())
}
