//! Indicator polarity: the user's overrides, else what the files show, and polarity in words.

use crate::model::{Dataset, Polarity};
use std::collections::HashMap;

/// Polarity set by the user, by indicator key (id, or name when there is no id).
pub type PolarityOverrides = HashMap<String, Polarity>;

/// Reads a polarity from text: `high`, `high is good`, `RAG - High is good`, `low…`, `BOB`/`none`/`no judgement`.
pub fn parse_polarity(text: &str) -> Option<Polarity> {
    let lower = text.trim().to_ascii_lowercase();
    if lower.contains("high") || lower == "higher is better" {
        Some(Polarity::HighIsGood)
    } else if lower.contains("low") {
        Some(Polarity::LowIsGood)
    } else if lower.contains("bob") || lower.contains("no judgement") || lower == "none" || lower == "neutral" {
        Some(Polarity::NoJudgement)
    } else if lower == "unknown" {
        Some(Polarity::Unknown)
    } else {
        None
    }
}

/// The polarity used for an indicator: the user's override, else the one its files' evidence shows
/// (a polarity column, or the published labels: see `analysis::evidence`).
pub fn effective_polarity(dataset: &Dataset, indicator: u32, overrides: &PolarityOverrides) -> Polarity {
    let Some(meta) = dataset.indicators.get(indicator as usize) else { return Polarity::Unknown };
    if let Some(&polarity) = overrides.get(meta.key()).or_else(|| overrides.get(&meta.name)) {
        return polarity;
    }
    meta.polarity
}

/// The polarity in words, for explanations.
pub fn polarity_text(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::HighIsGood => "high is good",
        Polarity::LowIsGood => "low is good",
        Polarity::NoJudgement => "no judgement of good or bad",
        Polarity::Unknown => "polarity unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_polarity_words() {
        assert_eq!(parse_polarity("RAG - Low is good"), Some(Polarity::LowIsGood));
        assert_eq!(parse_polarity("high"), Some(Polarity::HighIsGood));
        assert_eq!(parse_polarity("BOB"), Some(Polarity::NoJudgement));
        assert_eq!(parse_polarity("sideways"), None);
    }
}
