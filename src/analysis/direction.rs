//! Direction of travel: the latest value against a comparator period's, judged by polarity under a stated rule.

use super::number_text::format_number;
use crate::model::Polarity;
use serde::{Deserialize, Serialize};

/// How a change is judged significant when both values have 95% intervals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignificanceTest {
    /// z = (latest − comparator) / √(se₁² + se₀²), se = (upper − lower) / 3.92; significant when |z| > 1.96.
    #[default]
    ZTest,
    /// Significant only when the two 95% intervals do not overlap (more conservative).
    IntervalsOverlap,
}

/// The rule for direction of travel; the page shows it and lets the user change it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectionRule {
    /// Test used when both values have intervals.
    pub test: SignificanceTest,
    /// Without intervals: a relative change of at most this many percent counts as stable (default 5).
    pub relative_change_percent: f64,
    /// Use the relative-change threshold even when intervals exist.
    pub ignore_intervals: bool,
}

impl Default for DirectionRule {
    fn default() -> Self {
        DirectionRule { test: SignificanceTest::ZTest, relative_change_percent: 5.0, ignore_intervals: false }
    }
}

impl DirectionRule {
    /// The rule in words, for the note under a table.
    pub fn text(&self) -> String {
        let threshold = format!("a change of more than {}% of the comparator value (relative change)", self.relative_change_percent);
        if self.ignore_intervals {
            return format!("Direction of travel: improved or worsened when {threshold}; otherwise stayed the same.");
        }
        let test = match self.test {
            SignificanceTest::ZTest => "a z-test on the two 95% intervals (|z| > 1.96, se = interval width / 3.92)",
            SignificanceTest::IntervalsOverlap => "non-overlapping 95% intervals",
        };
        format!("Direction of travel: where both values have intervals, a change counts when significant by {test}; otherwise when {threshold}; else stayed the same. Better or worse follows the indicator's polarity.")
    }
}

/// Which way an indicator moved since the comparator period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Moved in the good direction.
    Improved,
    /// No change beyond the rule's threshold.
    Stable,
    /// Moved in the bad direction.
    Worsened,
    /// Went up, polarity not set (no judgement).
    Increased,
    /// Went down, polarity not set (no judgement).
    Decreased,
    /// No value in the comparator period.
    NoComparator,
}

impl Direction {
    /// The direction in words (`improved`, `stayed the same` …).
    pub fn text(self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Stable => "stayed the same",
            Direction::Worsened => "worsened",
            Direction::Increased => "increased",
            Direction::Decreased => "decreased",
            Direction::NoComparator => "no comparator year",
        }
    }

    /// Colour for the direction marker (Fingertips better / similar / worse; blue shades without polarity).
    pub fn colour(self) -> &'static str {
        match self {
            Direction::Improved => "#92D050",
            Direction::Stable => "#FFC000",
            Direction::Worsened => "#C00000",
            Direction::Increased => "#BED2FF",
            Direction::Decreased => "#5555E6",
            Direction::NoComparator => "#C9C9C9",
        }
    }
}

/// One value with its 95% interval (NaN when absent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueWithInterval {
    /// The value.
    pub value: f64,
    /// Lower 95% limit.
    pub lower95: f64,
    /// Upper 95% limit.
    pub upper95: f64,
}

impl ValueWithInterval {
    fn has_interval(&self) -> bool {
        self.lower95.is_finite() && self.upper95.is_finite() && self.upper95 >= self.lower95
    }
}

/// The direction from `comparator` to `latest` under `polarity` and `rule`, with the reason in words.
pub fn direction_of_travel(latest: ValueWithInterval, comparator: Option<ValueWithInterval>, polarity: Polarity, rule: &DirectionRule) -> (Direction, String) {
    let Some(previous) = comparator.filter(|c| c.value.is_finite()) else {
        return (Direction::NoComparator, "no value for the comparator period".into());
    };
    if !latest.value.is_finite() {
        return (Direction::NoComparator, "no latest value".into());
    }
    let change = latest.value - previous.value;
    let change_text = format!("{} → {}", format_number(previous.value), format_number(latest.value));
    let (moved, why) = if !rule.ignore_intervals && latest.has_interval() && previous.has_interval() {
        match rule.test {
            SignificanceTest::ZTest => {
                let se_latest = (latest.upper95 - latest.lower95) / 3.92;
                let se_previous = (previous.upper95 - previous.lower95) / 3.92;
                let se = (se_latest.powi(2) + se_previous.powi(2)).sqrt();
                let z = if se > 0.0 {
                    change / se
                } else if change == 0.0 {
                    0.0
                } else {
                    f64::INFINITY * change.signum()
                };
                (z.abs() > 1.96, format!("{change_text}: z = {:.2} (significant beyond ±1.96)", z))
            }
            SignificanceTest::IntervalsOverlap => {
                let apart = latest.lower95 > previous.upper95 || latest.upper95 < previous.lower95;
                let word = if apart { "do not overlap" } else { "overlap" };
                (apart, format!("{change_text}: the 95% intervals {word}"))
            }
        }
    } else {
        let relative = if previous.value != 0.0 {
            100.0 * change / previous.value.abs()
        } else if change == 0.0 {
            0.0
        } else {
            f64::INFINITY
        };
        let moved = relative.abs() > rule.relative_change_percent;
        (moved, format!("{change_text}: {:+.1}% change (threshold ±{}%)", relative, rule.relative_change_percent))
    };
    let direction = match (moved, change > 0.0, polarity) {
        (false, _, _) => Direction::Stable,
        (true, true, Polarity::HighIsGood) | (true, false, Polarity::LowIsGood) => Direction::Improved,
        (true, false, Polarity::HighIsGood) | (true, true, Polarity::LowIsGood) => Direction::Worsened,
        (true, true, _) => Direction::Increased,
        (true, false, _) => Direction::Decreased,
    };
    (direction, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(value: f64) -> ValueWithInterval {
        ValueWithInterval { value, lower95: f64::NAN, upper95: f64::NAN }
    }

    #[test]
    fn relative_threshold_and_polarity() {
        let rule = DirectionRule::default();
        assert_eq!(direction_of_travel(plain(110.0), Some(plain(100.0)), Polarity::HighIsGood, &rule).0, Direction::Improved);
        assert_eq!(direction_of_travel(plain(110.0), Some(plain(100.0)), Polarity::LowIsGood, &rule).0, Direction::Worsened);
        assert_eq!(direction_of_travel(plain(104.0), Some(plain(100.0)), Polarity::LowIsGood, &rule).0, Direction::Stable);
        assert_eq!(direction_of_travel(plain(90.0), Some(plain(100.0)), Polarity::Unknown, &rule).0, Direction::Decreased);
        assert_eq!(direction_of_travel(plain(90.0), None, Polarity::Unknown, &rule).0, Direction::NoComparator);
        assert_eq!(direction_of_travel(plain(90.0), Some(plain(f64::NAN)), Polarity::Unknown, &rule).0, Direction::NoComparator);
        let strict = DirectionRule { relative_change_percent: 20.0, ..rule };
        assert_eq!(direction_of_travel(plain(110.0), Some(plain(100.0)), Polarity::HighIsGood, &strict).0, Direction::Stable);
    }

    #[test]
    fn intervals_by_z_test_or_overlap() {
        // se = 3.92/3.92 = 1 each, so z = change / √2: 2.5 / 1.414 = 1.77 (not significant), 3 / 1.414 = 2.12.
        let at = |v: f64| ValueWithInterval { value: v, lower95: v - 1.96, upper95: v + 1.96 };
        let rule = DirectionRule::default();
        assert_eq!(direction_of_travel(at(12.5), Some(at(10.0)), Polarity::HighIsGood, &rule).0, Direction::Stable);
        assert_eq!(direction_of_travel(at(13.0), Some(at(10.0)), Polarity::HighIsGood, &rule).0, Direction::Improved);
        let overlap = DirectionRule { test: SignificanceTest::IntervalsOverlap, ..rule };
        assert_eq!(direction_of_travel(at(13.0), Some(at(10.0)), Polarity::HighIsGood, &overlap).0, Direction::Stable);
        assert_eq!(direction_of_travel(at(14.0), Some(at(10.0)), Polarity::HighIsGood, &overlap).0, Direction::Improved);
    }
}
