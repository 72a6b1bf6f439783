//! Fitting text into a width: plotters' own size estimate, trimmed with an ellipsis.

use plotters::coord::Shift;
use plotters::prelude::*;

/// `text` shortened with `...` until plotters estimates it fits in `width` pixels.
pub fn fit_text<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, style: &TextStyle, width: i32) -> String {
    let fits = |candidate: &str| area.estimate_text_size(candidate, style).map(|(w, _)| w as i32 <= width).unwrap_or(true);
    if fits(text) {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate = format!("{}...", chars.iter().collect::<String>().trim_end());
        if fits(&candidate) {
            return candidate;
        }
    }
    String::new()
}
