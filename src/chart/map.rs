//! The hex-map chart: background hexes, each area's hexes filled by category, thick outlines around multi-hex
//! areas (counties), the chosen area ringed, a legend and the map's attribution.

use super::colour::parse_hex;
use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::geo::{hex_centre, hex_corners, outline};
use crate::view::format::format_number;
use crate::view::{MapArea, MapView};
use plotters::coord::Shift;
use plotters::prelude::*;

/// An area's tooltip: name and code, period and value, category and why.
fn area_tooltip(view: &MapView, area: &MapArea) -> String {
    let name = if area.code.is_empty() { area.name.clone() } else { format!("{} ({})", area.name, area.code) };
    let value = area.value.filter(|v| v.is_finite()).map(format_number).unwrap_or_else(|| "no value".into());
    let why =
        if area.reason.is_empty() || area.reason.starts_with(&area.category) { area.reason.clone() } else { format!("{}: {}", area.category, area.reason) };
    tooltip(&[name, format!("{}: {value}", view.period), if why.is_empty() { area.category.clone() } else { why }])
}

/// Draws a map view on any plotters backend.
pub fn draw_map<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &MapView) -> Result<(), ChartError> {
    draw_map_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the map as `draw_map` does, recording a mark per filled hex (its bounding box) in `sink`.
pub fn draw_map_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &MapView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let (plot_area, bottom) = root.split_vertically(height.saturating_sub(60.min(height / 3)));
    let (note_area, legend_area) = bottom.split_vertically(26);
    let layout = view.layout.as_str();
    let all = view.areas.iter().flat_map(|a| a.hexes.iter()).chain(view.background.iter());
    let centres: Vec<(f64, f64)> = all.map(|&[q, r]| hex_centre(layout, q, r)).collect();
    let (x0, x1, y0, y1) = centres
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY), |(a, b, c, d), &(x, y)| (a.min(x), b.max(x), c.min(y), d.max(y)));
    let (x0, x1, y0, y1) = if x0.is_finite() { (x0 - 1.0, x1 + 1.0, y0 - 1.0, y1 + 1.0) } else { (0.0, 1.0, 0.0, 1.0) };
    let caption = super::text_fit::shorten(&format!("{} ({})", view.indicator, view.period), 90);
    // Equal scales on both axes so hexes stay regular: pad the shorter side.
    let (w, h) = plot_area.dim_in_pixel();
    let (span_x, span_y) = (x1 - x0, y1 - y0);
    let scale = (w as f64 / span_x).min((h.saturating_sub(40)) as f64 / span_y).max(1e-6);
    let (extra_x, extra_y) = ((w as f64 / scale - span_x).max(0.0) / 2.0, ((h.saturating_sub(40)) as f64 / scale - span_y).max(0.0) / 2.0);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(4)
        .build_cartesian_2d((x0 - extra_x)..(x1 + extra_x), (y0 - extra_y)..(y1 + extra_y))
        .map_err(ChartError::from_drawing)?;
    let grey = RGBColor(0xEE, 0xEE, 0xEE);
    let hexagon = |q: i64, r: i64| hex_corners(layout, q, r).to_vec();
    chart.draw_series(view.background.iter().map(|&[q, r]| Polygon::new(hexagon(q, r), grey.filled()))).map_err(ChartError::from_drawing)?;
    for area in view.areas.iter().filter(|a| !a.outline_only) {
        let fill = parse_hex(&area.colour);
        chart.draw_series(area.hexes.iter().map(|&[q, r]| Polygon::new(hexagon(q, r), fill.filled()))).map_err(ChartError::from_drawing)?;
        for &[q, r] in &area.hexes {
            let mut ring = hexagon(q, r);
            let pixels: Vec<(i32, i32)> = ring.iter().map(|corner| chart.backend_coord(corner)).collect();
            let (x0, y0, x1, y1) =
                pixels.iter().fold((i32::MAX, i32::MAX, i32::MIN, i32::MIN), |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)));
            sink.push_area((&area.code, &area.name), (x0, y0), (x1, y1), || area_tooltip(view, area));
            ring.push(ring[0]);
            chart.draw_series(std::iter::once(PathElement::new(ring, WHITE.stroke_width(1)))).map_err(ChartError::from_drawing)?;
        }
    }
    for area in view.areas.iter().filter(|a| a.hexes.len() > 1 || a.selected) {
        let style = if area.selected { RGBColor(0xC0, 0, 0).stroke_width(3) } else { BLACK.stroke_width(2) };
        chart.draw_series(outline(layout, &area.hexes).into_iter().map(|[a, b]| PathElement::new(vec![a, b], style))).map_err(ChartError::from_drawing)?;
    }
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    let unmatched = if view.unmatched.is_empty() { String::new() } else { format!(" | {} areas not on the map (see table)", view.unmatched.len()) };
    let note = format!("{}: {}{unmatched} | {}", view.level.text(), view.colouring, view.attribution);
    note_area.draw(&Text::new(note, (10, 6), font)).map_err(ChartError::from_drawing)?;
    draw_legend(&legend_area, "Colour:", &view.legend)
}
