//! Colours for charts: `#RRGGBB` text from view models to plotters colours.

use plotters::style::RGBColor;

/// The colour of `#RRGGBB` text; mid grey when it cannot be read.
pub fn parse_hex(text: &str) -> RGBColor {
    let hex = text.trim().trim_start_matches('#');
    let channel = |at: usize| hex.get(at..at + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => RGBColor(r, g, b),
        _ => RGBColor(0xC9, 0xC9, 0xC9),
    }
}

/// Black or white, whichever reads better on `background`.
pub fn text_colour_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64;
    if luminance > 140.0 {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hex() {
        assert_eq!(parse_hex("#92D050"), RGBColor(0x92, 0xD0, 0x50));
        assert_eq!(parse_hex("nonsense"), RGBColor(0xC9, 0xC9, 0xC9));
        assert_eq!(text_colour_on(RGBColor(0xC0, 0, 0)), RGBColor(255, 255, 255));
        assert_eq!(text_colour_on(RGBColor(0xFF, 0xC0, 0)), RGBColor(0, 0, 0));
    }
}
