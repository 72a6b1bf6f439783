//! The spine chart: per indicator the area's figures, then an England-centred bar with the area's marker.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::text_fit::fit_text;
use super::ChartError;
use crate::view::SpineView;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Light band: worst to best area.
const RANGE_COLOUR: RGBColor = RGBColor(0xE1, 0xE1, 0xE1);
/// Dark band: 25th to 75th percentile.
const QUARTILE_COLOUR: RGBColor = RGBColor(0x9E, 0x9E, 0x9E);

/// Draws a spine chart on any plotters backend.
pub fn draw_spine<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &SpineView) -> Result<(), ChartError> {
    draw_spine_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_spine` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_spine_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &SpineView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let legend_height = 32.min(height / 4);
    let (area, legend_area) = root.split_vertically((height - legend_height).max(1) as u32);
    let margin = 8;
    let header = 40;
    let rows = view.rows.len().max(1) as i32;
    let row_height = ((height - legend_height - header - margin) / rows).clamp(6, 36);
    let style: TextStyle = ("sans-serif", 11).into_font().into();
    let bold: TextStyle = ("sans-serif", 12).into_font().into();
    // Columns: indicator, period, count, value, England, left end, [bar], right end.
    let fixed = [60, 50, 55, 55, 55];
    let right_end_width = 55;
    let bar_width = (width / 3).max(60);
    let indicator_width = (width - 2 * margin - fixed.iter().sum::<i32>() - bar_width - right_end_width).max(40);
    let mut columns = vec![margin, margin + indicator_width];
    for w in fixed {
        let last = *columns.last().unwrap_or(&margin);
        columns.push(last + w);
    }
    let bar_x = *columns.last().unwrap_or(&margin);
    let right_x = bar_x + bar_width + 6;
    let title = format!("{} compared with {}", view.area_name, view.benchmark);
    area.draw(&Text::new(fit_text(&area, &title, &bold, width - 2 * margin), (margin, 4), bold.clone())).map_err(ChartError::from_drawing)?;
    let headings = ["Indicator", "Period", "Count", "Value", "England", "Worst/Low"];
    for (heading, x) in headings.iter().zip(columns.iter()) {
        area.draw(&Text::new(heading.to_string(), (*x, header - 16), style.clone())).map_err(ChartError::from_drawing)?;
    }
    area.draw(&Text::new("Best/High".to_owned(), (right_x, header - 16), style.clone())).map_err(ChartError::from_drawing)?;
    let to_x = |position: f64| bar_x + ((position.clamp(-1.05, 1.05) + 1.0) / 2.0 * bar_width as f64).round() as i32;
    for (index, row) in view.rows.iter().enumerate() {
        let top = header + index as i32 * row_height;
        let text_y = top + row_height / 2 - 6;
        let cells = [&row.indicator, &row.period, &row.local_count, &row.local_value, &row.england_value, &row.left_value];
        for (column, text) in cells.iter().enumerate() {
            let width = columns.get(column + 1).copied().unwrap_or(bar_x) - columns[column] - 4;
            let fitted = fit_text(&area, text, &style, width);
            area.draw(&Text::new(fitted, (columns[column], text_y), style.clone())).map_err(ChartError::from_drawing)?;
        }
        area.draw(&Text::new(row.right_value.clone(), (right_x, text_y), style.clone())).map_err(ChartError::from_drawing)?;
        let (band_top, band_bottom) = (top + row_height / 5, top + row_height - row_height / 5);
        if let (Some(from), Some(to)) = (row.range_from, row.range_to) {
            let (a, b) = (to_x(from.min(to)), to_x(from.max(to)));
            area.draw(&Rectangle::new([(a, band_top), (b, band_bottom)], RANGE_COLOUR.filled())).map_err(ChartError::from_drawing)?;
        }
        if let (Some(from), Some(to)) = (row.band_from, row.band_to) {
            area.draw(&Rectangle::new([(to_x(from), band_top), (to_x(to), band_bottom)], QUARTILE_COLOUR.filled())).map_err(ChartError::from_drawing)?;
        }
        let centre = to_x(0.0);
        area.draw(&PathElement::new(vec![(centre, top + 1), (centre, top + row_height - 1)], BLACK.stroke_width(2))).map_err(ChartError::from_drawing)?;
        let (bx, by) = area.get_base_pixel();
        let marker_x = to_x(row.marker.unwrap_or(0.0));
        let half = (row_height / 3).clamp(2, 8);
        sink.push_area(
            (&view.area_code, &view.area_name),
            (bx + marker_x - half, by + top + row_height / 2 - half),
            (bx + marker_x + half, by + top + row_height / 2 + half),
            || {
                let why =
                    if row.comparison_text.starts_with(&row.label) { row.comparison_text.clone() } else { format!("{}: {}", row.label, row.comparison_text) };
                let count = if row.local_count.is_empty() { String::new() } else { format!("Count {}", row.local_count) };
                let value = if row.local_value.is_empty() { "no value".to_owned() } else { row.local_value.clone() };
                tooltip(&[format!("{} — {}", view.area_name, row.indicator), format!("{}: {value} (England {})", row.period, row.england_value), count, why])
            },
        );
        if let Some(marker) = row.marker {
            let radius = (row_height / 3).clamp(2, 8);
            let fill = parse_hex(&row.colour);
            area.draw(&Circle::new((to_x(marker), top + row_height / 2), radius, fill.filled())).map_err(ChartError::from_drawing)?;
            area.draw(&Circle::new((to_x(marker), top + row_height / 2), radius, BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        }
    }
    draw_legend(&legend_area, "Marker compared:", &view.legend)
}
