//! The board-summary chart: the sentence, one bar split by direction of travel (labelled, not colour alone),
//! the off-target line and the rule used.

use super::colour::{parse_hex, text_colour_on};
use super::marks::MarkSink;
use super::text_fit::fit_text;
use super::ChartError;
use crate::view::BoardSummaryView;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws a board summary on any plotters backend.
pub fn draw_board_summary<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &BoardSummaryView) -> Result<(), ChartError> {
    draw_board_summary_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_board_summary` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_board_summary_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &BoardSummaryView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (width, _) = root.dim_in_pixel();
    let width = width as i32;
    let title: TextStyle = ("sans-serif", 15).into_font().into();
    let small: TextStyle = ("sans-serif", 12).into_font().into();
    let sentence = fit_text(root, &view.sentence, &title, width - 20);
    root.draw(&Text::new(sentence, (10, 10), title)).map_err(ChartError::from_drawing)?;
    let total: usize = view.counts.iter().map(|c| c.count).sum();
    let mut x = 10;
    for count in view.counts.iter().filter(|c| c.count > 0) {
        let w = ((width - 20) as f64 * count.count as f64 / total.max(1) as f64).round() as i32;
        let fill = parse_hex(&count.colour);
        root.draw(&Rectangle::new([(x, 40), (x + w, 80)], fill.filled())).map_err(ChartError::from_drawing)?;
        let (bx, by) = root.get_base_pixel();
        sink.push((bx + x, by + 40), (bx + x + w, by + 80), || {
            let names: Vec<String> = view
                .rows
                .iter()
                .filter(|r| r.direction == count.direction)
                .map(|r| format!("{} ({} → {})", r.indicator, r.comparator_period, r.period))
                .collect();
            format!("{} {}: {}\n{}", count.count, count.direction.text(), names.join("; "), view.rule)
        });
        root.draw(&Rectangle::new([(x, 40), (x + w, 80)], WHITE.stroke_width(2))).map_err(ChartError::from_drawing)?;
        let label = fit_text(root, &format!("{} {}", count.count, count.direction.text()), &small, w - 6);
        let ink = text_colour_on(fill);
        let style = small.clone().color(&ink);
        root.draw(&Text::new(label, (x + 4, 54), style)).map_err(ChartError::from_drawing)?;
        x += w;
    }
    let mut y = 95;
    if !view.off_target.is_empty() {
        let line = fit_text(root, &format!("Off target: {}", view.off_target.join("; ")), &small, width - 20);
        root.draw(&Text::new(line, (10, y), small.clone())).map_err(ChartError::from_drawing)?;
        y += 18;
    }
    let rule = fit_text(root, &view.rule, &small, width - 20);
    root.draw(&Text::new(rule, (10, y), small)).map_err(ChartError::from_drawing)?;
    Ok(())
}
