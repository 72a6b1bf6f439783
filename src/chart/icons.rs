//! Drawn icons (plotters shapes, not emoji): the Making Data Count variation and assurance icons and the
//! recent-trend arrow, each with a letter or shape so colour is never the only signal.

use super::colour::parse_hex;
use super::ChartError;
use crate::view::{AssuranceIcon, TrendArrow, VariationIcon};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const GREY: RGBColor = RGBColor(0xA6, 0xA6, 0xA6);
const PASS: RGBColor = RGBColor(0x00, 0xB0, 0xF0);
const FAIL: RGBColor = RGBColor(0xE4, 0x6C, 0x0A);

fn centred_letter<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, letter: &str, at: (i32, i32), size: i32, colour: RGBColor) -> Result<(), ChartError> {
    let style: TextStyle = ("sans-serif", size.max(6)).into_font().color(&colour).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(letter.to_owned(), at, style)).map_err(ChartError::from_drawing)
}

fn zigzag(at: (i32, i32), radius: i32) -> Vec<(i32, i32)> {
    let step = (radius / 3).max(1);
    (0..5).map(|i| (at.0 - 2 * step + i * step, at.1 + if i % 2 == 0 { step } else { -step })).collect()
}

/// Text shown where no icon applies (the tooltip and table say why).
fn not_shown<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, at: (i32, i32)) -> Result<(), ChartError> {
    centred_letter(area, "n/a", at, 11, GREY)
}

/// The variation icon: a circle in the variation's colour; common cause holds a grey zigzag, a special cause
/// the letter H (high) or L (low) of the latest point's side.
pub fn draw_variation_icon<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    icon: Option<VariationIcon>,
    at: (i32, i32),
    radius: i32,
) -> Result<(), ChartError> {
    let Some(icon) = icon else { return not_shown(area, at) };
    let colour = parse_hex(icon.colour);
    area.draw(&Circle::new(at, radius, WHITE.filled())).map_err(ChartError::from_drawing)?;
    area.draw(&Circle::new(at, radius, colour.stroke_width(2))).map_err(ChartError::from_drawing)?;
    match icon.letter {
        None => area.draw(&PathElement::new(zigzag(at, radius), GREY.stroke_width(2))).map_err(ChartError::from_drawing),
        Some(letter) => {
            area.draw(&Circle::new(at, radius - 3, colour.filled())).map_err(ChartError::from_drawing)?;
            centred_letter(area, letter, at, radius + 2, WHITE)
        }
    }
}

/// The assurance icon: P on blue (pass), F on orange (fail), a grey zigzag crossing a line (hit and miss),
/// or a grey empty circle (no assurance: no target or direction).
pub fn draw_assurance_icon<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    assurance: Option<AssuranceIcon>,
    at: (i32, i32),
    radius: i32,
) -> Result<(), ChartError> {
    let Some(assurance) = assurance else { return not_shown(area, at) };
    let colour = match assurance {
        AssuranceIcon::Pass => PASS,
        AssuranceIcon::Fail => FAIL,
        AssuranceIcon::HitAndMiss | AssuranceIcon::NoAssurance => GREY,
    };
    area.draw(&Circle::new(at, radius, WHITE.filled())).map_err(ChartError::from_drawing)?;
    area.draw(&Circle::new(at, radius, colour.stroke_width(2))).map_err(ChartError::from_drawing)?;
    match assurance {
        AssuranceIcon::Pass | AssuranceIcon::Fail => {
            area.draw(&Circle::new(at, radius - 3, colour.filled())).map_err(ChartError::from_drawing)?;
            centred_letter(area, if assurance == AssuranceIcon::Pass { "P" } else { "F" }, at, radius + 2, WHITE)
        }
        AssuranceIcon::HitAndMiss => {
            let line = vec![(at.0 - radius + 3, at.1), (at.0 + radius - 3, at.1)];
            area.draw(&PathElement::new(line, FAIL.stroke_width(1))).map_err(ChartError::from_drawing)?;
            area.draw(&PathElement::new(zigzag(at, radius), GREY.stroke_width(2))).map_err(ChartError::from_drawing)
        }
        AssuranceIcon::NoAssurance => centred_letter(area, "–", at, radius, GREY),
    }
}

/// The recent-trend arrow: up or down (shaft and head), a flat double-headed line, or n/a.
pub fn draw_trend_arrow<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    arrow: TrendArrow,
    colour: &str,
    at: (i32, i32),
    size: i32,
) -> Result<(), ChartError> {
    let ink = parse_hex(colour);
    let (x, y, h) = (at.0, at.1, size);
    let shapes: Vec<Vec<(i32, i32)>> = match arrow {
        TrendArrow::Up => {
            vec![vec![(x, y + h), (x, y - h + 3)], vec![(x - h / 2 - 1, y - h / 3), (x, y - h), (x + h / 2 + 1, y - h / 3), (x - h / 2 - 1, y - h / 3)]]
        }
        TrendArrow::Down => {
            vec![vec![(x, y - h), (x, y + h - 3)], vec![(x - h / 2 - 1, y + h / 3), (x, y + h), (x + h / 2 + 1, y + h / 3), (x - h / 2 - 1, y + h / 3)]]
        }
        TrendArrow::Flat => vec![
            vec![(x - h, y), (x + h, y)],
            vec![(x + h - 4, y - 4), (x + h, y), (x + h - 4, y + 4)],
            vec![(x - h + 4, y - 4), (x - h, y), (x - h + 4, y + 4)],
        ],
        TrendArrow::None => return not_shown(area, at),
    };
    for (i, shape) in shapes.into_iter().enumerate() {
        if i == 1 && matches!(arrow, TrendArrow::Up | TrendArrow::Down) {
            area.draw(&Polygon::new(shape, ink.filled())).map_err(ChartError::from_drawing)?;
        } else {
            area.draw(&PathElement::new(shape, ink.stroke_width(2))).map_err(ChartError::from_drawing)?;
        }
    }
    Ok(())
}
