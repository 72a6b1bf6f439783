//! Chart marks for tooltips: the pixel box and text of every mark a chart draws (bar, point, cell, icon),
//! recorded by the drawing code itself so the boxes always match what is drawn.

use super::ChartError;
use crate::view::ViewModel;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// One drawn mark: its pixel box on the canvas (x0 ≤ x1, y0 ≤ y1) and its tooltip text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartMark {
    /// Left edge in pixels.
    pub x0: i32,
    /// Top edge in pixels.
    pub y0: i32,
    /// Right edge in pixels.
    pub x1: i32,
    /// Bottom edge in pixels.
    pub y1: i32,
    /// Tooltip text: area, period, value, interval, count / denominator, comparison, note.
    pub text: String,
    /// The area the mark stands for (its code, or its name when it has none), so a page can select that
    /// area in other views; `None` for marks that stand for no single area (axes, annotations, categories).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// The key a mark uses for an area: its code, or its name when there is no code; `None` when both are blank.
pub fn area_key(code: &str, name: &str) -> Option<String> {
    [code, name].into_iter().map(str::trim).find(|k| !k.is_empty()).map(str::to_owned)
}

/// Where drawing code records marks; ignores them (and never builds their text) when only drawing.
#[derive(Debug, Default)]
pub struct MarkSink {
    marks: Option<Vec<ChartMark>>,
}

impl MarkSink {
    /// A sink that drops every mark (plain drawing).
    pub fn ignore() -> MarkSink {
        MarkSink { marks: None }
    }

    /// A sink that keeps every mark.
    pub fn collect() -> MarkSink {
        MarkSink { marks: Some(Vec::new()) }
    }

    /// Records a mark spanning the two pixel corners; `text` is only built when collecting.
    pub fn push(&mut self, a: (i32, i32), b: (i32, i32), text: impl FnOnce() -> String) {
        self.push_keyed(None, a, b, text);
    }

    /// Records a square mark of half-size `radius` around a pixel.
    pub fn push_point(&mut self, centre: (i32, i32), radius: i32, text: impl FnOnce() -> String) {
        self.push((centre.0 - radius, centre.1 - radius), (centre.0 + radius, centre.1 + radius), text);
    }

    /// Records a mark for one area (key from `area_key(code, name)`) spanning the two pixel corners.
    pub fn push_area(&mut self, (code, name): (&str, &str), a: (i32, i32), b: (i32, i32), text: impl FnOnce() -> String) {
        if self.marks.is_some() {
            self.push_keyed(area_key(code, name), a, b, text);
        }
    }

    /// Records a square mark of half-size `radius` around a pixel for one area (see `push_area`).
    pub fn push_area_point(&mut self, area: (&str, &str), centre: (i32, i32), radius: i32, text: impl FnOnce() -> String) {
        self.push_area(area, (centre.0 - radius, centre.1 - radius), (centre.0 + radius, centre.1 + radius), text);
    }

    fn push_keyed(&mut self, area: Option<String>, a: (i32, i32), b: (i32, i32), text: impl FnOnce() -> String) {
        if let Some(marks) = &mut self.marks {
            marks.push(ChartMark { x0: a.0.min(b.0), y0: a.1.min(b.1), x1: a.0.max(b.0), y1: a.1.max(b.1), text: text(), area });
        }
    }

    /// The marks kept.
    pub fn into_marks(self) -> Vec<ChartMark> {
        self.marks.unwrap_or_default()
    }
}

/// Every mark the chart of `view` draws at `width` × `height`, with its tooltip text, laid out by the same
/// drawing code (run on an SVG backend and thrown away); marks are clipped to the canvas.
pub fn marks(view: &ViewModel, width: u32, height: u32) -> Result<Vec<ChartMark>, ChartError> {
    if width == 0 || height == 0 || width > 10_000 || height > 10_000 {
        return Err(ChartError::BadSize(width, height));
    }
    let mut sink = MarkSink::collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        super::draw_view_marked(&root, view, &mut sink)?;
        root.present().map_err(ChartError::from_drawing)?;
    }
    let (w, h) = (width as i32, height as i32);
    Ok(sink
        .into_marks()
        .into_iter()
        .filter(|m| m.x1 >= 0 && m.y1 >= 0 && m.x0 <= w && m.y0 <= h)
        .map(|m| ChartMark { x0: m.x0.max(0), y0: m.y0.max(0), x1: m.x1.min(w), y1: m.y1.min(h), ..m })
        .collect())
}

/// Tooltip lines joined: empty parts left out.
pub fn tooltip(parts: &[String]) -> String {
    parts.iter().filter(|p| !p.trim().is_empty()).cloned().collect::<Vec<_>>().join("\n")
}
