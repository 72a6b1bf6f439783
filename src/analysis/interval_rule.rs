//! Fingertips' comparison rule: an area's interval against the benchmark's value, then polarity.

use super::Comparison;
use crate::model::Polarity;

/// Where an area's interval lies relative to the benchmark value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntervalPosition {
    /// The whole interval is above the benchmark value.
    WhollyAbove,
    /// The whole interval is below the benchmark value.
    WhollyBelow,
    /// The interval contains or touches the benchmark value (ends count as similar).
    Overlapping,
}

impl IntervalPosition {
    /// The position in words for explanations (`wholly above`, `wholly below`, `contains`).
    pub fn text(self) -> &'static str {
        match self {
            IntervalPosition::WhollyAbove => "wholly above",
            IntervalPosition::WhollyBelow => "wholly below",
            IntervalPosition::Overlapping => "contains",
        }
    }
}

/// Where `[lower, upper]` lies against `benchmark`; None when any number is missing or the interval is reversed.
pub fn interval_position(lower: f64, upper: f64, benchmark: f64) -> Option<IntervalPosition> {
    if !(lower.is_finite() && upper.is_finite() && benchmark.is_finite()) || lower > upper {
        return None;
    }
    if lower > benchmark {
        Some(IntervalPosition::WhollyAbove)
    } else if upper < benchmark {
        Some(IntervalPosition::WhollyBelow)
    } else {
        Some(IntervalPosition::Overlapping)
    }
}

/// The comparison a position gives under a polarity: Better/Worse with polarity, Higher/Lower without.
pub fn comparison_for_position(position: IntervalPosition, polarity: Polarity) -> Comparison {
    match (position, polarity) {
        (IntervalPosition::Overlapping, _) => Comparison::Similar,
        (IntervalPosition::WhollyAbove, Polarity::HighIsGood) => Comparison::Better,
        (IntervalPosition::WhollyAbove, Polarity::LowIsGood) => Comparison::Worse,
        (IntervalPosition::WhollyBelow, Polarity::HighIsGood) => Comparison::Worse,
        (IntervalPosition::WhollyBelow, Polarity::LowIsGood) => Comparison::Better,
        (IntervalPosition::WhollyAbove, _) => Comparison::Higher,
        (IntervalPosition::WhollyBelow, _) => Comparison::Lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wholly_above_below_and_touching() {
        assert_eq!(interval_position(18.94, 19.73, 22.28), Some(IntervalPosition::WhollyBelow));
        assert_eq!(interval_position(23.0, 25.0, 22.28), Some(IntervalPosition::WhollyAbove));
        assert_eq!(interval_position(20.0, 25.0, 22.28), Some(IntervalPosition::Overlapping));
        assert_eq!(interval_position(22.28, 25.0, 22.28), Some(IntervalPosition::Overlapping));
        assert_eq!(interval_position(20.0, 22.28, 22.28), Some(IntervalPosition::Overlapping));
        assert_eq!(interval_position(f64::NAN, 1.0, 0.5), None);
        assert_eq!(interval_position(2.0, 1.0, 0.5), None);
    }

    #[test]
    fn polarity_maps_to_labels() {
        use IntervalPosition::*;
        assert_eq!(comparison_for_position(WhollyAbove, Polarity::HighIsGood), Comparison::Better);
        assert_eq!(comparison_for_position(WhollyAbove, Polarity::LowIsGood), Comparison::Worse);
        assert_eq!(comparison_for_position(WhollyBelow, Polarity::LowIsGood), Comparison::Better);
        assert_eq!(comparison_for_position(WhollyBelow, Polarity::HighIsGood), Comparison::Worse);
        assert_eq!(comparison_for_position(WhollyAbove, Polarity::NoJudgement), Comparison::Higher);
        assert_eq!(comparison_for_position(WhollyBelow, Polarity::Unknown), Comparison::Lower);
        assert_eq!(comparison_for_position(Overlapping, Polarity::HighIsGood), Comparison::Similar);
    }
}
