//! Fitting text into a width or a length: plotters' own size estimate, or a count of characters, trimmed with an ellipsis.

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

/// `text` cut to at most `max_chars` characters, ending in `...` when it was longer (chart titles).
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    text.chars().take(max_chars.saturating_sub(3)).collect::<String>() + "..."
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text_to_the_limit() {
        assert_eq!(shorten("Reception overweight", 90), "Reception overweight");
        let long = "é".repeat(100);
        let cut = shorten(&long, 90);
        assert_eq!(cut.chars().count(), 90);
        assert!(cut.ends_with("é..."));
        assert_eq!(shorten(&"x".repeat(90), 90), "x".repeat(90));
    }
}
