//! Indicator polarity: the user's overrides, the indicator's own, or inferred from a file's published labels.

use super::benchmark_target::england_area;
use super::interval_rule::{interval_position, IntervalPosition};
use super::observation_groups::{group_key, ObservationGroups};
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

/// Votes from published labels for one indicator.
#[derive(Clone, Copy, Debug, Default)]
struct PolarityVotes {
    high_is_good: u32,
    low_is_good: u32,
    no_judgement: u32,
}

impl PolarityVotes {
    fn add(&mut self, label: &str, position: IntervalPosition) {
        match (label, position) {
            ("Better", IntervalPosition::WhollyAbove) | ("Worse", IntervalPosition::WhollyBelow) => self.high_is_good += 1,
            ("Better", IntervalPosition::WhollyBelow) | ("Worse", IntervalPosition::WhollyAbove) => self.low_is_good += 1,
            ("Higher", IntervalPosition::WhollyAbove) | ("Lower", IntervalPosition::WhollyBelow) => self.no_judgement += 1,
            _ => {}
        }
    }

    /// The polarity when every vote agrees, else Unknown.
    fn verdict(self) -> Polarity {
        match (self.high_is_good > 0, self.low_is_good > 0, self.no_judgement > 0) {
            (true, false, false) => Polarity::HighIsGood,
            (false, true, false) => Polarity::LowIsGood,
            (false, false, true) => Polarity::NoJudgement,
            _ => Polarity::Unknown,
        }
    }
}

/// Polarity per indicator (by index) learnt from published Better/Worse (or Higher/Lower) labels against
/// the 95% interval's position relative to England's (and the parent's) value; Unknown unless every usable row agrees.
pub fn infer_polarities(dataset: &Dataset, groups: &ObservationGroups) -> Vec<Polarity> {
    let mut votes = vec![PolarityVotes::default(); dataset.indicators.len()];
    let england = england_area(dataset);
    for observation in dataset.rows() {
        let key = group_key(observation);
        let Some(tally) = votes.get_mut(observation.indicator as usize) else { continue };
        let mut vote = |label: &str, benchmark_area: Option<u32>| {
            let Some(benchmark_row) = benchmark_area.and_then(|area| groups.row_of_or_overall(&key, area)) else { return };
            let benchmark = dataset.row(benchmark_row).value;
            if let Some(position) = interval_position(observation.lower95, observation.upper95, benchmark) {
                tally.add(label, position);
            }
        };
        let england_label = dataset.text(observation.published_england);
        if !england_label.is_empty() {
            vote(england_label, england);
        }
        let parent_label = dataset.text(observation.published_parent);
        if !parent_label.is_empty() {
            let parent = dataset.areas.get(observation.area as usize).and_then(|a| dataset.find_area(&a.parent_code));
            vote(parent_label, parent);
        }
    }
    votes.into_iter().map(PolarityVotes::verdict).collect()
}

/// The polarity used for an indicator: the user's override, else the indicator's own, else the inferred one.
pub fn effective_polarity(dataset: &Dataset, indicator: u32, overrides: &PolarityOverrides, inferred: &[Polarity]) -> Polarity {
    let Some(meta) = dataset.indicators.get(indicator as usize) else { return Polarity::Unknown };
    if let Some(&polarity) = overrides.get(meta.key()).or_else(|| overrides.get(&meta.name)) {
        return polarity;
    }
    if meta.polarity != Polarity::Unknown {
        return meta.polarity;
    }
    inferred.get(indicator as usize).copied().unwrap_or(Polarity::Unknown)
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

    #[test]
    fn votes_need_agreement() {
        let mut votes = PolarityVotes::default();
        votes.add("Better", IntervalPosition::WhollyBelow);
        assert_eq!(votes.verdict(), Polarity::LowIsGood);
        votes.add("Similar", IntervalPosition::Overlapping);
        assert_eq!(votes.verdict(), Polarity::LowIsGood);
        votes.add("Better", IntervalPosition::WhollyAbove);
        assert_eq!(votes.verdict(), Polarity::Unknown);
        assert_eq!(PolarityVotes::default().verdict(), Polarity::Unknown);
    }
}
