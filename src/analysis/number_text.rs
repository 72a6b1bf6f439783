//! Numbers as text for labels, explanations and tables (rounded by magnitude, no statistics).

/// A number rounded for display: 0 decimals from 1,000, 1 from 100, else 2; empty for NaN.
pub fn format_number(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    let magnitude = number.abs();
    let text = if magnitude >= 1000.0 {
        format!("{number:.0}")
    } else if magnitude >= 100.0 {
        format!("{number:.1}")
    } else {
        format!("{number:.2}")
    };
    if text == "-0" || text == "-0.0" || text == "-0.00" {
        text[1..].to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_by_magnitude() {
        assert_eq!(format_number(22.27767), "22.28");
        assert_eq!(format_number(421.24), "421.2");
        assert_eq!(format_number(4480.0), "4480");
        assert_eq!(format_number(-0.001), "0.00");
        assert_eq!(format_number(f64::NAN), "");
    }
}
