//! The SPC (XmR) chart: values joined in grey, points coloured by variation, mean and limits per rebase
//! group, the target in red, and the variation and assurance icons as text.

use super::colour::parse_hex;
use super::marks::{tooltip, MarkSink};
use super::time_axis::{draw_time_ticks, padded_range};
use super::ChartError;
use crate::view::format::format_number;
use crate::view::SpcView;
use plotters::coord::Shift;
use plotters::prelude::*;

const GREY: RGBColor = RGBColor(0xA6, 0xA6, 0xA6);
const TARGET: RGBColor = RGBColor(0xDE, 0x1B, 0x1B);

/// A point's tooltip: area, period, value, the limits and why its variation is what it is.
fn point_tooltip(view: &SpcView, p: &crate::view::SpcPointView) -> String {
    let number = format_number;
    let mut parts = vec![
        format!("{} — {}", view.area, view.indicator),
        format!("{}: {}{}", p.period, number(p.value), if view.unit.is_empty() { String::new() } else { format!(" {}", view.unit) }),
        format!("Mean {}, limits {}–{}", number(p.mean), number(p.lower), number(p.upper)),
        p.why.clone(),
    ];
    parts.extend(view.annotations.iter().filter(|a| a.period == p.period).map(|a| format!("Annotation: {}", a.text)));
    tooltip(&parts)
}

/// Dashed vertical lines at annotated periods (labelled with the note) and at a suggested rebase.
fn draw_period_notes<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>,
    view: &SpcView,
    (y_min, y_max): (f64, f64),
) -> Result<(), ChartError> {
    let font: TextStyle = ("sans-serif", 11).into_font().into();
    for note in &view.annotations {
        let Some(x) = note.x else { continue };
        chart.draw_series(DashedLineSeries::new([(x, y_min), (x, y_max)], 4, 3, BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        let label: String = note.text.chars().take(40).collect();
        chart.draw_series(std::iter::once(Text::new(label, (x, y_max), font.clone()))).map_err(ChartError::from_drawing)?;
    }
    if let Some(rebase) = &view.suggested_rebase {
        if let Some(p) = view.points.get(rebase.index) {
            let colour = RGBColor(0x49, 0x00, 0x92);
            chart.draw_series(DashedLineSeries::new([(p.x, y_min), (p.x, y_max)], 2, 4, colour.stroke_width(1))).map_err(ChartError::from_drawing)?;
        }
    }
    Ok(())
}

/// Draws an SPC view on any plotters backend.
pub fn draw_spc<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &SpcView) -> Result<(), ChartError> {
    draw_spc_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_spc` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_spc_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &SpcView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let notes =
        2 + view.warnings.len() as u32 + u32::from(!view.rules_note.is_empty()) + u32::from(view.suggested_rebase.is_some()) + view.annotations.len() as u32;
    let (plot_area, note_area) = root.split_vertically(height.saturating_sub((notes * 17 + 6).min(height / 3)));
    let (x_min, x_max) = padded_range(view.points.iter().map(|p| p.x));
    let ys = view.points.iter().flat_map(|p| [p.value, p.upper, p.lower]).chain(view.target).filter(|v| v.is_finite());
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    let (y_min, y_max) = if lo.is_finite() { (lo - (hi - lo).max(1e-6) * 0.08, hi + (hi - lo).max(1e-6) * 0.08) } else { (0.0, 1.0) };
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(format!("{} — {}", view.indicator, view.area), ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(60)
        .build_cartesian_2d(x_min..x_max, y_min..y_max)
        .map_err(ChartError::from_drawing)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(0)
        .y_desc(if view.unit.is_empty() { "Value".to_owned() } else { format!("Value ({})", view.unit) })
        .draw()
        .map_err(ChartError::from_drawing)?;
    draw_time_ticks(&plot_area, &chart, x_min, x_max, y_min, y_max)?;
    let groups = view.points.iter().map(|p| p.group).max().map(|g| g + 1).unwrap_or(0);
    for group in 0..groups {
        let members: Vec<_> = view.points.iter().filter(|p| p.group == group).collect();
        let line = |f: &dyn Fn(&crate::view::SpcPointView) -> f64| members.iter().map(|p| (p.x, f(p))).collect::<Vec<_>>();
        chart.draw_series(LineSeries::new(line(&|p| p.mean), BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        for limit in [line(&|p| p.upper), line(&|p| p.lower)] {
            chart.draw_series(LineSeries::new(limit, GREY.stroke_width(2))).map_err(ChartError::from_drawing)?;
        }
    }
    if let Some(target) = view.target {
        chart.draw_series(LineSeries::new([(x_min, target), (x_max, target)], TARGET.stroke_width(2))).map_err(ChartError::from_drawing)?;
    }
    let values: Vec<(f64, f64)> = view.points.iter().map(|p| (p.x, p.value)).collect();
    chart.draw_series(LineSeries::new(values, GREY.stroke_width(1))).map_err(ChartError::from_drawing)?;
    chart.draw_series(view.points.iter().map(|p| Circle::new((p.x, p.value), 4, parse_hex(&p.colour).filled()))).map_err(ChartError::from_drawing)?;
    draw_period_notes(&mut chart, view, (y_min, y_max))?;
    for p in &view.points {
        sink.push_point(chart.backend_coord(&(p.x, p.value)), 5, || point_tooltip(view, p));
    }
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    let latest = view.points.last().map(|p| p.variation);
    let mut lines = vec![format!("Variation (latest point): {}", latest.map(|v| v.text()).unwrap_or("none")), format!("Assurance: {}", view.assurance.text())];
    lines.extend(view.warnings.iter().map(|w| format!("Warning: {w}")));
    if !view.rules_note.is_empty() {
        lines.push(view.rules_note.clone());
    }
    if let Some(rebase) = &view.suggested_rebase {
        lines.push(format!("Suggested rebase (not applied): {}", rebase.reason));
    }
    lines.extend(view.annotations.iter().map(|a| format!("Note ({}): {}", a.period, a.text)));
    for (i, line) in lines.into_iter().enumerate() {
        note_area.draw(&Text::new(line, (10, 2 + 17 * i as i32), font.clone())).map_err(ChartError::from_drawing)?;
    }
    Ok(())
}
