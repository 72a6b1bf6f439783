//! The access chart: access % per period (seen ÷ estimated need), the planned trajectory, and the target line, with the gap in people.

use super::legend::draw_legend;
use super::marks::{tooltip, MarkSink};
use super::ChartError;
use crate::view::{AccessView, LegendEntry};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Colour of the people-seen series.
const SEEN: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Colour of the planned trajectory.
const PLANNED: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
/// Colour of the target line.
const TARGET: RGBColor = RGBColor(0xC0, 0x00, 0x00);

/// Draws an access view on any plotters backend.
pub fn draw_access<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &AccessView) -> Result<(), ChartError> {
    draw_access_marked(root, view, &mut MarkSink::ignore())
}

/// Draws the chart as `draw_access` does, recording each mark's pixel box and tooltip in `sink`.
pub fn draw_access_marked<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &AccessView, sink: &mut MarkSink) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(ChartError::from_drawing)?;
    let (_, height) = root.dim_in_pixel();
    let legend_height = 32.min(height / 4);
    let (plot_area, legend_area) = root.split_vertically(height.saturating_sub(legend_height));
    let percent = |share: Option<f64>| share.map(|s| s * 100.0).filter(|v| v.is_finite());
    let y_max = view
        .points
        .iter()
        .flat_map(|p| [percent(p.access_share), percent(p.planned_share)])
        .chain(std::iter::once(percent(view.target)))
        .flatten()
        .fold(0.0f64, f64::max);
    let y_max = if y_max > 0.0 { y_max * 1.2 } else { 1.0 };
    let periods: Vec<String> = view.points.iter().map(|p| p.period.clone()).collect();
    let count = periods.len().max(1) as i32;
    let caption = format!("{}: access against estimated need of {:.0}", view.area, view.need.people);
    let mut chart = ChartBuilder::on(&plot_area)
        .caption(caption, ("sans-serif", 15))
        .margin(10)
        .x_label_area_size(35)
        .y_label_area_size(60)
        .build_cartesian_2d((0..count).into_segmented(), 0.0..y_max)
        .map_err(ChartError::from_drawing)?;
    let label_of = move |segment: &SegmentValue<i32>| match segment {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => periods.get(*i as usize).cloned().unwrap_or_default(),
        SegmentValue::Last => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(view.points.len().max(1))
        .x_label_formatter(&label_of)
        .y_desc("% of estimated need")
        .axis_desc_style(("sans-serif", 13))
        .draw()
        .map_err(ChartError::from_drawing)?;
    if let Some(target) = percent(view.target) {
        let line = [(SegmentValue::Exact(0), target), (SegmentValue::Last, target)];
        chart.draw_series(LineSeries::new(line, TARGET.stroke_width(2))).map_err(ChartError::from_drawing)?;
    }
    let points = |shares: Vec<Option<f64>>| -> Vec<(SegmentValue<i32>, f64)> {
        shares.into_iter().enumerate().filter_map(|(i, share)| share.map(|s| (SegmentValue::CenterOf(i as i32), s * 100.0))).collect()
    };
    let planned = points(view.points.iter().map(|p| p.planned_share).collect());
    chart.draw_series(LineSeries::new(planned.clone(), PLANNED.stroke_width(2))).map_err(ChartError::from_drawing)?;
    chart.draw_series(planned.iter().map(|(x, y)| TriangleMarker::new((x.clone(), *y), 6, PLANNED.filled()))).map_err(ChartError::from_drawing)?;
    let seen = points(view.points.iter().map(|p| p.access_share).collect());
    chart.draw_series(LineSeries::new(seen.clone(), SEEN.stroke_width(2))).map_err(ChartError::from_drawing)?;
    chart.draw_series(seen.iter().map(|(x, y)| Circle::new((x.clone(), *y), 5, SEEN.filled()))).map_err(ChartError::from_drawing)?;
    for (i, p) in view.points.iter().enumerate() {
        let Some(share) = p.access_share.or(p.planned_share) else { continue };
        sink.push_point(chart.backend_coord(&(SegmentValue::CenterOf(i as i32), share * 100.0)), 6, || {
            let number = |x: Option<f64>| x.map(|v| format!("{v:.0}")).unwrap_or_else(|| "none".into());
            let pct = |x: Option<f64>| x.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "none".into());
            tooltip(&[
                format!("{} — {}", view.area, p.period),
                format!("Seen {} ({} of need); planned {} ({})", number(p.seen), pct(p.access_share), number(p.planned), pct(p.planned_share)),
                p.gap_to_target
                    .map(|g| if g > 0.0 { format!("{g:.0} short of the target") } else { format!("{:.0} above the target", -g) })
                    .unwrap_or_default(),
                p.note.clone(),
            ])
        });
    }
    let font: TextStyle = ("sans-serif", 12).into_font().into();
    for (i, p) in view.points.iter().enumerate() {
        let (Some(share), Some(gap)) = (p.access_share.or(p.planned_share), p.gap_to_target) else { continue };
        let words = if gap > 0.0 { format!("{:.1}%, {gap:.0} short", share * 100.0) } else { format!("{:.1}%, {:.0} above", share * 100.0, -gap) };
        let at = (SegmentValue::CenterOf(i as i32), share * 100.0 + y_max * 0.09);
        chart.draw_series(std::iter::once(Text::new(words, at, font.clone()))).map_err(ChartError::from_drawing)?;
    }
    let mut entries = vec![
        LegendEntry { label: "Seen (actual)".into(), colour: "#0072B2".into() },
        LegendEntry { label: "Planned (trajectory)".into(), colour: "#E69F00".into() },
    ];
    if let Some(target) = view.target {
        entries.push(LegendEntry { label: format!("Target {:.0}%", target * 100.0), colour: "#C00000".into() });
    }
    draw_legend(&legend_area, "% of estimated need:", &entries)
}
