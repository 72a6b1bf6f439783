//! Target texts of KPI schedules (`>40%`, `At least national average`, `Improvement on previous year` …)
//! parsed into rules that can be evaluated.

use serde::{Deserialize, Serialize};

/// How a value must stand against a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Strictly above (`>40%`, `> National average`).
    Above,
    /// At or above (`at least`, `>=`).
    AtLeast,
    /// Strictly below (`<22%`).
    Below,
    /// At or below (`<=`, `at most`).
    AtMost,
    /// A bare figure (`44.0%`, `National average`): reach it in the good direction (at least, unless low is good).
    Reach,
}

impl Bound {
    /// The bound as a symbol for explanations.
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::Above => ">",
            Bound::AtLeast => "≥",
            Bound::Below => "<",
            Bound::AtMost => "≤",
            Bound::Reach => "reach",
        }
    }
}

/// A target rule parsed from its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum TargetRule {
    /// A fixed threshold (`44.0%`, `>40%`, `<22%`, `>= 95`).
    Fixed {
        /// How the value must stand against the threshold.
        bound: Bound,
        /// The threshold.
        value: f64,
    },
    /// The national (England) value of the same period (`> National average`, `At least national average`).
    NationalAverage {
        /// How the value must stand against England.
        bound: Bound,
        /// A reference figure printed beside it (`(4.7% 2014)`), for information.
        reference: Option<f64>,
    },
    /// `> National average or N% increase on current baseline whichever is greater`: above the larger of England's
    /// value and the baseline (the last value before the contract year) raised by N% of itself.
    NationalAverageOrIncrease {
        /// The relative increase on the baseline, in percent.
        increase_percent: f64,
    },
    /// Better than the same period a year earlier (by polarity).
    ImprovementOnPreviousYear {
        /// A reference figure printed beside it (`(398.9 in 13/14)`), for information.
        reference: Option<f64>,
    },
    /// `100% with exception reporting`: every case, with shortfalls explained to the commissioner.
    CompleteWithExceptions,
    /// No numeric target (`To record in agreement with commissioner`).
    NoNumericTarget,
    /// Text the parser does not recognise; kept and shown, never guessed.
    Unrecognised,
}

impl TargetRule {
    /// A short description of the rule (what the evaluation checks).
    pub fn text(&self) -> String {
        let number = crate::analysis::number_text::format_number;
        match self {
            TargetRule::Fixed { bound: Bound::Reach, value } => format!("reach {}", number(*value)),
            TargetRule::Fixed { bound, value } => format!("{} {}", bound.symbol(), number(*value)),
            TargetRule::NationalAverage { bound: Bound::Reach, .. } => "reach the national (England) value".into(),
            TargetRule::NationalAverage { bound, .. } => format!("{} the national (England) value", bound.symbol()),
            TargetRule::NationalAverageOrIncrease { increase_percent } => {
                format!("> the greater of England's value and the baseline + {}%", number(*increase_percent))
            }
            TargetRule::ImprovementOnPreviousYear { .. } => "better than the same period a year earlier".into(),
            TargetRule::CompleteWithExceptions => "100%, with exceptions reported".into(),
            TargetRule::NoNumericTarget => "no numeric target".into(),
            TargetRule::Unrecognised => "target text not recognised".into(),
        }
    }
}

/// The first number in `text` (`44.0%` → 44, `(398.9 in 13/14)` → 398.9).
fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
    rest[..end].replace(',', "").trim_end_matches('.').parse().ok()
}

/// The bound a leading operator or phrase gives, and the text after it.
fn leading_bound(text: &str) -> (Bound, &str) {
    let lower = text.to_ascii_lowercase();
    for (prefix, bound) in [
        (">=", Bound::AtLeast),
        ("≥", Bound::AtLeast),
        ("=>", Bound::AtLeast),
        ("<=", Bound::AtMost),
        ("≤", Bound::AtMost),
        (">", Bound::Above),
        ("<", Bound::Below),
        ("at least", Bound::AtLeast),
        ("no less than", Bound::AtLeast),
        ("minimum of", Bound::AtLeast),
        ("at most", Bound::AtMost),
        ("no more than", Bound::AtMost),
        ("maximum of", Bound::AtMost),
        ("above", Bound::Above),
        ("below", Bound::Below),
        ("less than", Bound::Below),
        ("more than", Bound::Above),
        ("greater than", Bound::Above),
    ] {
        if lower.starts_with(prefix) {
            return (bound, text[prefix.len()..].trim_start());
        }
    }
    (Bound::Reach, text)
}

/// Parses a target as written; anything unknown is `Unrecognised`, never a guess.
pub fn parse_target(text: &str) -> TargetRule {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.is_empty() {
        return TargetRule::NoNumericTarget;
    }
    if lower.contains("agreement with commissioner") || lower == "to record" || lower == "n/a" || lower == "tbc" || lower == "-" {
        return TargetRule::NoNumericTarget;
    }
    if lower.contains("improvement on previous year") || lower.contains("improve on previous year") {
        return TargetRule::ImprovementOnPreviousYear { reference: first_number(&lower) };
    }
    if lower.starts_with("100%") && lower.contains("exception") {
        return TargetRule::CompleteWithExceptions;
    }
    let (bound, rest) = leading_bound(trimmed);
    let rest_lower = rest.to_ascii_lowercase();
    if rest_lower.starts_with("national average") || rest_lower.starts_with("england average") {
        if rest_lower.contains("increase on") && rest_lower.contains("whichever is greater") {
            if let Some(percent) = first_number(&rest_lower) {
                return TargetRule::NationalAverageOrIncrease { increase_percent: percent };
            }
            return TargetRule::Unrecognised;
        }
        let after = &rest_lower["national average".len()..];
        if !after.trim().is_empty() && !after.trim().starts_with('(') {
            return TargetRule::Unrecognised;
        }
        return TargetRule::NationalAverage { bound, reference: first_number(after) };
    }
    // A plain figure: digits with an optional % and nothing else.
    let figure = rest.trim().trim_end_matches('%').trim();
    match figure.replace(',', "").parse::<f64>() {
        Ok(value) if value.is_finite() => TargetRule::Fixed { bound, value },
        _ => TargetRule::Unrecognised,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_operators_and_phrases() {
        assert_eq!(parse_target("44.0%"), TargetRule::Fixed { bound: Bound::Reach, value: 44.0 });
        assert_eq!(parse_target(">40%"), TargetRule::Fixed { bound: Bound::Above, value: 40.0 });
        assert_eq!(parse_target("<22.5%"), TargetRule::Fixed { bound: Bound::Below, value: 22.5 });
        assert_eq!(parse_target(">= 95"), TargetRule::Fixed { bound: Bound::AtLeast, value: 95.0 });
        assert_eq!(parse_target("At least 80%"), TargetRule::Fixed { bound: Bound::AtLeast, value: 80.0 });
        assert_eq!(parse_target("> national average"), TargetRule::NationalAverage { bound: Bound::Above, reference: None });
        assert_eq!(parse_target("At least national average (4.7% 2014)"), TargetRule::NationalAverage { bound: Bound::AtLeast, reference: Some(4.7) });
        assert_eq!(parse_target("spring"), TargetRule::Unrecognised);
        assert_eq!(parse_target("National average plus a bit"), TargetRule::Unrecognised);
    }
}
