//! A text legend row (colour swatch + label per entry), shared by the charts.

use super::colour::parse_hex;
use super::ChartError;
use crate::view::LegendEntry;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws `entries` left to right in `area`, each a swatch and its label text, prefixed by `title`.
pub fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, title: &str, entries: &[LegendEntry]) -> Result<(), ChartError> {
    let font: TextStyle = ("sans-serif", 13).into_font().into();
    let (_, height) = area.dim_in_pixel();
    let middle = (height as i32 / 2).max(7);
    let mut x = 10;
    if !title.is_empty() {
        area.draw(&Text::new(title.to_owned(), (x, middle - 7), font.clone())).map_err(ChartError::from_drawing)?;
        x += area.estimate_text_size(title, &font).map(|(w, _)| w as i32).unwrap_or(60) + 12;
    }
    for entry in entries {
        let swatch = parse_hex(&entry.colour);
        area.draw(&Rectangle::new([(x, middle - 7), (x + 14, middle + 7)], swatch.filled())).map_err(ChartError::from_drawing)?;
        area.draw(&Rectangle::new([(x, middle - 7), (x + 14, middle + 7)], BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        x += 18;
        area.draw(&Text::new(entry.label.clone(), (x, middle - 7), font.clone())).map_err(ChartError::from_drawing)?;
        x += area.estimate_text_size(&entry.label, &font).map(|(w, _)| w as i32).unwrap_or(60) + 14;
    }
    Ok(())
}
