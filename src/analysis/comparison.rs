//! The outcome of comparing one value with a benchmark: `Comparison`, its Fingertips label and colour.

use serde::{Serialize, Serializer};

/// Why a value was not compared with its benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum NotComparedReason {
    /// The area has no value.
    NoValue,
    /// The value is suppressed (a marker such as `*`, `c`, `x` in place of a number).
    Suppressed,
    /// The area's value has no confidence interval at the chosen level.
    NoInterval,
    /// The benchmark has no value for this indicator, period and breakdown.
    NoBenchmarkValue,
    /// The benchmark is the area itself.
    BenchmarkIsArea,
    /// Too few areas of the type have values to form quintiles.
    TooFewAreasForQuintiles,
    /// Quintiles rank areas of one type; this area is outside the ranked type.
    NotInQuintileGroup,
    /// The indicator's polarity is "not applicable": no comparison is made.
    PolarityNotApplicable,
    /// The file's publisher printed "Not compared" for this row: the tool does not invent one.
    WithheldByPublisher,
}

impl NotComparedReason {
    /// The reason in words.
    pub fn text(self) -> &'static str {
        match self {
            NotComparedReason::NoValue => "no value",
            NotComparedReason::Suppressed => "value suppressed",
            NotComparedReason::NoInterval => "no confidence interval",
            NotComparedReason::NoBenchmarkValue => "no benchmark value",
            NotComparedReason::BenchmarkIsArea => "the benchmark is the area itself",
            NotComparedReason::TooFewAreasForQuintiles => "fewer than 5 areas with values to form quintiles",
            NotComparedReason::NotInQuintileGroup => "quintiles rank areas of one type only",
            NotComparedReason::PolarityNotApplicable => "comparison not applicable for this indicator",
            NotComparedReason::WithheldByPublisher => "the file's publisher did not compare it",
        }
    }
}

/// The result of comparing a value with a benchmark, as Fingertips labels it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// Significantly better than the benchmark (polarity known).
    Better,
    /// Not significantly different (the interval contains or touches the benchmark value).
    Similar,
    /// Significantly worse than the benchmark (polarity known).
    Worse,
    /// Significantly higher, no judgement of good or bad.
    Higher,
    /// Significantly lower, no judgement of good or bad.
    Lower,
    /// Quintile 1 (lowest values) to 5 (highest) among areas of the same type and period.
    Quintile(u8),
    /// No comparison made, and why.
    NotCompared(NotComparedReason),
}

/// Which set of colours to use for comparisons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Palette {
    /// Fingertips' own colours (green / amber / red, blues for higher / lower).
    #[default]
    Fingertips,
    /// A colour-blind-safe alternative (Okabe–Ito based: blue / light grey-yellow / orange).
    ColourBlindSafe,
}

/// Quintile labels from lowest (1) to highest (5) values, as Fingertips prints them.
pub const QUINTILE_LABELS: [&str; 5] = ["Lowest quintile", "2nd lowest quintile", "Middle quintile", "2nd highest quintile", "Highest quintile"];

/// Quintile colours from lowest to highest (purple shades, light to dark).
const QUINTILE_COLOURS: [&str; 5] = ["#E3D7F4", "#C3AEE3", "#9E81CC", "#7B56B3", "#53298F"];

impl Comparison {
    /// The label Fingertips prints for this outcome (`Better`, `Similar`, …, `Not compared`).
    pub fn label(self) -> &'static str {
        match self {
            Comparison::Better => "Better",
            Comparison::Similar => "Similar",
            Comparison::Worse => "Worse",
            Comparison::Higher => "Higher",
            Comparison::Lower => "Lower",
            Comparison::Quintile(q) => QUINTILE_LABELS[(q.clamp(1, 5) - 1) as usize],
            Comparison::NotCompared(_) => "Not compared",
        }
    }

    /// The Fingertips colour of this outcome as `#RRGGBB`.
    pub fn colour(self) -> &'static str {
        self.colour_in(Palette::Fingertips)
    }

    /// The colour of this outcome in the chosen palette as `#RRGGBB`.
    pub fn colour_in(self, palette: Palette) -> &'static str {
        match (palette, self) {
            (_, Comparison::Quintile(q)) => QUINTILE_COLOURS[(q.clamp(1, 5) - 1) as usize],
            (Palette::Fingertips, Comparison::Better) => "#92D050",
            (Palette::Fingertips, Comparison::Similar) => "#FFC000",
            (Palette::Fingertips, Comparison::Worse) => "#C00000",
            (Palette::Fingertips, Comparison::Higher) => "#BED2FF",
            (Palette::Fingertips, Comparison::Lower) => "#5555E6",
            (Palette::ColourBlindSafe, Comparison::Better) => "#0072B2",
            (Palette::ColourBlindSafe, Comparison::Similar) => "#F0E442",
            (Palette::ColourBlindSafe, Comparison::Worse) => "#D55E00",
            (Palette::ColourBlindSafe, Comparison::Higher) => "#56B4E9",
            (Palette::ColourBlindSafe, Comparison::Lower) => "#332288",
            (_, Comparison::NotCompared(_)) => "#C9C9C9",
        }
    }

    /// A label as a file publishes it (`Better`, `Similar`, `Not compared`, `2nd highest quintile`, `Lowest`…);
    /// `Best` / `Worst` quintiles need the polarity to say which end they are. None for an empty or unknown label.
    pub fn from_published(label: &str, polarity: super::super::model::Polarity) -> Option<Comparison> {
        use super::super::model::Polarity;
        let words = label.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
        let fixed = match words.as_str() {
            "better" => Some(Comparison::Better),
            "similar" | "same" => Some(Comparison::Similar),
            "worse" => Some(Comparison::Worse),
            "higher" => Some(Comparison::Higher),
            "lower" => Some(Comparison::Lower),
            "not compared" => Some(Comparison::NotCompared(NotComparedReason::WithheldByPublisher)),
            _ => None,
        };
        if fixed.is_some() {
            return fixed;
        }
        let stem = words.trim_end_matches(" quintile").trim();
        let high_is_good = polarity == Polarity::HighIsGood;
        let quintile = match stem {
            "lowest" => 1,
            "2nd lowest" | "low" => 2,
            "middle" => 3,
            "2nd highest" | "high" => 4,
            "highest" => 5,
            "best" | "worst" | "2nd best" | "2nd worst" if matches!(polarity, Polarity::HighIsGood | Polarity::LowIsGood) => {
                let from_best = match stem {
                    "best" => 5,
                    "2nd best" => 4,
                    "2nd worst" => 2,
                    _ => 1,
                };
                if high_is_good {
                    from_best
                } else {
                    6 - from_best
                }
            }
            _ => return None,
        };
        Some(Comparison::Quintile(quintile))
    }

    /// True when a comparison was made (anything but `NotCompared`).
    pub fn is_compared(self) -> bool {
        !matches!(self, Comparison::NotCompared(_))
    }
}

impl Serialize for Comparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_colours_follow_fingertips() {
        assert_eq!(Comparison::Better.label(), "Better");
        assert_eq!(Comparison::Better.colour(), "#92D050");
        assert_eq!(Comparison::Similar.colour(), "#FFC000");
        assert_eq!(Comparison::Worse.colour(), "#C00000");
        assert_eq!(Comparison::Higher.colour(), "#BED2FF");
        assert_eq!(Comparison::Lower.colour(), "#5555E6");
        let not = Comparison::NotCompared(NotComparedReason::NoInterval);
        assert_eq!(not.label(), "Not compared");
        assert_eq!(not.colour(), "#C9C9C9");
        assert_eq!(Comparison::Quintile(1).label(), "Lowest quintile");
        assert_eq!(Comparison::Quintile(4).label(), "2nd highest quintile");
        assert_eq!(Comparison::Quintile(9).label(), "Highest quintile");
        assert_ne!(Comparison::Better.colour_in(Palette::ColourBlindSafe), "#92D050");
    }

    #[test]
    fn published_labels_read_back() {
        use crate::model::Polarity;
        let read = |label: &str| Comparison::from_published(label, Polarity::LowIsGood);
        assert_eq!(read("Better"), Some(Comparison::Better));
        assert_eq!(read("Not compared"), Some(Comparison::NotCompared(NotComparedReason::WithheldByPublisher)));
        assert_eq!(read("2nd highest quintile"), Some(Comparison::Quintile(4)));
        assert_eq!(read("Lowest"), Some(Comparison::Quintile(1)));
        assert_eq!(read("Best quintile"), Some(Comparison::Quintile(1)));
        assert_eq!(Comparison::from_published("Best quintile", Polarity::Unknown), None);
        assert_eq!(read(""), None);
        for q in 1..=5 {
            assert_eq!(read(Comparison::Quintile(q).label()), Some(Comparison::Quintile(q)));
        }
    }
}
