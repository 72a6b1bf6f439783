//! The overview ("tartan rug") chart: a grid of cells coloured by comparison with the values printed.

use super::colour::{parse_hex, text_colour_on};
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::text_fit::fit_text;
use super::ChartError;
use crate::view::OverviewView;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws an overview grid on any plotters backend.
pub fn draw_overview<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &OverviewView) -> Result<(), ChartError> {
    draw_overview_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_overview` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_overview_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &OverviewView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (width as i32, height as i32);
    let legend_height = 32.min(height / 4);
    let (grid_area, legend_area) = root.split_vertically((height - legend_height).max(1) as u32);
    let margin = 8;
    let label_width = (width * 3 / 10).clamp(80, 320);
    let header_height = (height / 4).clamp(40, 130);
    let columns = view.columns.len().max(1) as i32;
    let rows = view.rows.len().max(1) as i32;
    let cell_width = ((width - label_width - 2 * margin) / columns).max(4);
    let cell_height = ((height - legend_height - header_height - margin) / rows).clamp(4, 40);
    let label_style: TextStyle = ("sans-serif", 11).into_font().into();
    let header_style: TextStyle = ("sans-serif", 11).into_font().transform(FontTransform::Rotate270).into();
    for (index, column) in view.columns.iter().enumerate() {
        let x = margin + label_width + index as i32 * cell_width + cell_width / 2 - 6;
        let name = fit_text(&grid_area, &column.area_name, &label_style, header_height - 6);
        grid_area.draw(&Text::new(name, (x, header_height - 4), header_style.clone())).map_err(ChartError::from_drawing)?;
    }
    for (row_index, row) in view.rows.iter().enumerate() {
        let y = header_height + row_index as i32 * cell_height;
        let title = format!("{} ({})", row.indicator, row.period);
        let title = fit_text(&grid_area, &title, &label_style, label_width - 6);
        grid_area.draw(&Text::new(title, (margin, y + cell_height / 2 - 6), label_style.clone())).map_err(ChartError::from_drawing)?;
        for (column_index, cell) in row.cells.iter().enumerate() {
            let x = margin + label_width + column_index as i32 * cell_width;
            let fill = parse_hex(&cell.colour);
            let corners = [(x, y), (x + cell_width, y + cell_height)];
            grid_area.draw(&Rectangle::new(corners, fill.filled())).map_err(ChartError::from_drawing)?;
            let (bx, by) = grid_area.get_base_pixel();
            let column = view.columns.get(column_index).map(|c| (c.area_code.as_str(), c.area_name.as_str())).unwrap_or_default();
            sink.push_area(column, (bx + x, by + y), (bx + x + cell_width, by + y + cell_height), || {
                let area = view.columns.get(column_index).map(|c| c.area_name.clone()).unwrap_or_default();
                let value = if cell.value_text.is_empty() { "no value".to_owned() } else { cell.value_text.clone() };
                let why = if cell.comparison_text.starts_with(&cell.label) {
                    cell.comparison_text.clone()
                } else {
                    format!("{}: {}", cell.label, cell.comparison_text)
                };
                tooltip(&[format!("{area} — {}", row.indicator), format!("{}: {value}", row.period), why])
            });
            grid_area.draw(&Rectangle::new(corners, RGBColor(0x80, 0x80, 0x80).stroke_width(1))).map_err(ChartError::from_drawing)?;
            if !cell.value_text.is_empty() && cell_height >= 10 {
                let style: TextStyle = ("sans-serif", 10).into_font().color(&text_colour_on(fill)).pos(Pos::new(HPos::Center, VPos::Center));
                let value = fit_text(&grid_area, &cell.value_text, &style, cell_width - 2);
                grid_area.draw(&Text::new(value, (x + cell_width / 2, y + cell_height / 2), style)).map_err(ChartError::from_drawing)?;
            }
        }
    }
    let title = format!("Compared with {} ({}):", view.benchmark, view.level.map(|l| l.text()).unwrap_or("each indicator's level"));
    draw_legend(&legend_area, &title, &view.legend)
}
