//! Fingertips' recent-trend labels, as its downloads print them, with their colours and direction under a polarity.

use crate::model::Polarity;
use serde::{Deserialize, Serialize};

/// Fingertips' recent-trend labels (serialised exactly as Fingertips prints them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecentTrend {
    /// Significant increase, high is good.
    #[serde(rename = "Increasing and getting better")]
    IncreasingAndBetter,
    /// Significant increase, low is good.
    #[serde(rename = "Increasing and getting worse")]
    IncreasingAndWorse,
    /// Significant decrease, low is good.
    #[serde(rename = "Decreasing and getting better")]
    DecreasingAndBetter,
    /// Significant decrease, high is good.
    #[serde(rename = "Decreasing and getting worse")]
    DecreasingAndWorse,
    /// Significant increase, no polarity.
    #[serde(rename = "Increasing")]
    Increasing,
    /// Significant decrease, no polarity.
    #[serde(rename = "Decreasing")]
    Decreasing,
    /// The slope is not significant or not stable.
    #[serde(rename = "No significant change")]
    NoSignificantChange,
    /// The series does not qualify (too few points, a missing value, not yearly, a count …); the reason says which.
    #[serde(rename = "Cannot be calculated")]
    CannotBeCalculated,
}

impl RecentTrend {
    /// Every label, for parsing.
    pub const ALL: [RecentTrend; 8] = [
        RecentTrend::IncreasingAndBetter,
        RecentTrend::IncreasingAndWorse,
        RecentTrend::DecreasingAndBetter,
        RecentTrend::DecreasingAndWorse,
        RecentTrend::Increasing,
        RecentTrend::Decreasing,
        RecentTrend::NoSignificantChange,
        RecentTrend::CannotBeCalculated,
    ];

    /// The label as Fingertips prints it.
    pub fn label(self) -> &'static str {
        match self {
            RecentTrend::IncreasingAndBetter => "Increasing and getting better",
            RecentTrend::IncreasingAndWorse => "Increasing and getting worse",
            RecentTrend::DecreasingAndBetter => "Decreasing and getting better",
            RecentTrend::DecreasingAndWorse => "Decreasing and getting worse",
            RecentTrend::Increasing => "Increasing",
            RecentTrend::Decreasing => "Decreasing",
            RecentTrend::NoSignificantChange => "No significant change",
            RecentTrend::CannotBeCalculated => "Cannot be calculated",
        }
    }

    /// The label read back from text (case and spacing ignored).
    pub fn from_label(text: &str) -> Option<RecentTrend> {
        let wanted = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        RecentTrend::ALL.into_iter().find(|t| t.label().to_lowercase() == wanted)
    }

    /// A significant direction under a polarity: +1 increasing, −1 decreasing.
    pub fn for_direction(sign: i8, polarity: Polarity) -> RecentTrend {
        match (sign > 0, polarity) {
            (true, Polarity::HighIsGood) => RecentTrend::IncreasingAndBetter,
            (true, Polarity::LowIsGood) => RecentTrend::IncreasingAndWorse,
            (false, Polarity::HighIsGood) => RecentTrend::DecreasingAndWorse,
            (false, Polarity::LowIsGood) => RecentTrend::DecreasingAndBetter,
            (true, _) => RecentTrend::Increasing,
            (false, _) => RecentTrend::Decreasing,
        }
    }

    /// Arrow colour as the legacy Fingertips legend: green better, red worse, blue no judgement, grey otherwise.
    pub fn colour(self) -> &'static str {
        match self {
            RecentTrend::IncreasingAndBetter | RecentTrend::DecreasingAndBetter => "#92D050",
            RecentTrend::IncreasingAndWorse | RecentTrend::DecreasingAndWorse => "#C00000",
            RecentTrend::Increasing | RecentTrend::Decreasing => "#5555E6",
            RecentTrend::NoSignificantChange | RecentTrend::CannotBeCalculated => "#A6A6A6",
        }
    }
}
