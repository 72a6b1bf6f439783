//! Time-axis helpers shared by the trend and SPC charts: fractional years as readable tick labels.

use super::ChartError;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A fractional year as a tick label: `Apr 2018` when the axis spans under 4 years, else `2018`.
pub fn time_label(x: f64, span_years: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let year = x.floor();
    if span_years < 4.0 {
        // Ticks sit on month starts; the small nudge keeps float error from naming the month before.
        let month = (((x - year) * 12.0 + 1e-6).floor() as usize).min(11);
        format!("{} {}", MONTHS[month], year as i64)
    } else {
        format!("{}", x.round() as i64)
    }
}

/// Tick positions on month (or year) starts within `low..high`: every 1, 2, 3, 6 or 12 months, or
/// every few years, so that there are at most about ten ticks and each sits on the date it names.
pub fn tick_points(low: f64, high: f64) -> Vec<f64> {
    if !(low.is_finite() && high.is_finite()) || high <= low {
        return Vec::new();
    }
    let span_months = (high - low) * 12.0;
    let step_months = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 60.0, 120.0].into_iter().find(|step| span_months / step <= 10.0).unwrap_or(240.0);
    let first = (low * 12.0 / step_months).ceil() * step_months;
    let mut ticks = Vec::new();
    let mut month = first;
    while month / 12.0 <= high && ticks.len() < 64 {
        ticks.push(month / 12.0);
        month += step_months;
    }
    ticks
}

/// Draws tick marks, light grid lines and labels at `tick_points` (plotters' own ticks fall between months).
pub fn draw_time_ticks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
) -> Result<(), ChartError> {
    let span = x_max - x_min;
    let grid = RGBColor(0xE4, 0xE4, 0xE4);
    let style = TextStyle::from(("sans-serif", 12).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
    for tick in tick_points(x_min, x_max) {
        let (x, bottom) = chart.backend_coord(&(tick, y_min));
        let (_, top) = chart.backend_coord(&(tick, y_max));
        area.draw(&PathElement::new(vec![(x, top), (x, bottom)], grid.stroke_width(1))).map_err(ChartError::from_drawing)?;
        area.draw(&PathElement::new(vec![(x, bottom), (x, bottom + 5)], BLACK.stroke_width(1))).map_err(ChartError::from_drawing)?;
        area.draw(&Text::new(time_label(tick, span), (x, bottom + 8), style.clone())).map_err(ChartError::from_drawing)?;
    }
    Ok(())
}

/// The axis range covering `xs`, padded by half a step either side (at least a month).
pub fn padded_range(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = xs.filter(|x| x.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if !low.is_finite() {
        return (2000.0, 2001.0);
    }
    let pad = ((high - low) * 0.05).max(1.0 / 12.0);
    (low - pad, high + pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_sit_on_the_months_they_name() {
        let ticks = tick_points(2023.2, 2023.55);
        assert_eq!(ticks.iter().map(|t| time_label(*t, 0.4)).collect::<Vec<_>>(), ["Apr 2023", "May 2023", "Jun 2023", "Jul 2023"]);
        let long = tick_points(2010.5, 2020.5);
        assert!(long.len() <= 10 && long.iter().all(|t| t.fract() == 0.0));
        assert!(tick_points(1.0, 0.0).is_empty());
    }

    #[test]
    fn labels() {
        assert_eq!(time_label(2018.29, 1.0), "Apr 2018");
        assert_eq!(time_label(2017.75, 10.0), "2018");
        assert_eq!(padded_range([2017.0, 2019.0].into_iter()), (2016.9, 2019.1));
    }
}
