//! Comparison level and polarity read from a file's published labels: the level whose intervals reproduce them, and which side they call better.

use crate::analysis::area_types::row_parent;
use crate::analysis::benchmark_target::england_area;
use crate::analysis::interval_rule::{interval_position, IntervalPosition};
use crate::analysis::observation_groups::{group_key, ObservationGroups};
use crate::model::{ConfidenceLevel, Dataset, Decision, EvidenceSource, Polarity};

/// What one indicator's published labels show, at both levels.
#[derive(Clone, Copy, Debug, Default)]
pub struct LabelTally {
    /// Rows with a published Better/Similar/Worse/Higher/Lower label and a benchmark value, by level: (judged, reproduced).
    by_level: [(u32, u32); 2],
    /// Votes for each polarity: the labelled side's direction, at each level.
    high_is_good: [u32; 2],
    low_is_good: [u32; 2],
    no_judgement: [u32; 2],
}

const LEVELS: [ConfidenceLevel; 2] = [ConfidenceLevel::P95, ConfidenceLevel::P998];

/// True when a published label says the value differs significantly (not Similar).
fn says_different(label: &str) -> Option<bool> {
    match label {
        "Similar" => Some(false),
        "Better" | "Worse" | "Higher" | "Lower" => Some(true),
        _ => None,
    }
}

impl LabelTally {
    fn add(&mut self, label: &str, level_index: usize, position: IntervalPosition) {
        let Some(different) = says_different(label) else { return };
        let (judged, reproduced) = &mut self.by_level[level_index];
        *judged += 1;
        *reproduced += u32::from(different == (position != IntervalPosition::Overlapping));
        match (label, position) {
            ("Better", IntervalPosition::WhollyAbove) | ("Worse", IntervalPosition::WhollyBelow) => self.high_is_good[level_index] += 1,
            ("Better", IntervalPosition::WhollyBelow) | ("Worse", IntervalPosition::WhollyAbove) => self.low_is_good[level_index] += 1,
            ("Higher", IntervalPosition::WhollyAbove) | ("Lower", IntervalPosition::WhollyBelow) => self.no_judgement[level_index] += 1,
            _ => {}
        }
    }

    /// True when the file carried labels this tally could test.
    pub fn has_labels(&self) -> bool {
        self.by_level.iter().any(|(judged, _)| *judged > 0)
    }
}

/// Counts, for every indicator, how its published England and parent labels sit against each level's interval.
pub fn tally_labels(dataset: &Dataset, groups: &ObservationGroups) -> Vec<LabelTally> {
    let mut tallies = vec![LabelTally::default(); dataset.indicators.len()];
    let england = england_area(dataset);
    for observation in dataset.rows() {
        let england_label = dataset.text(observation.published_england);
        let parent_label = dataset.text(observation.published_parent);
        if england_label.is_empty() && parent_label.is_empty() {
            continue;
        }
        let Some(tally) = tallies.get_mut(observation.indicator as usize) else { continue };
        let key = group_key(observation);
        let benchmark_of = |area: Option<u32>| area.and_then(|a| groups.row_of_or_overall(&key, a)).map(|row| dataset.row(row).value);
        let pairs = [(england_label, benchmark_of(england)), (parent_label, benchmark_of(row_parent(dataset, observation)))];
        for (label, benchmark) in pairs {
            let Some(benchmark) = benchmark.filter(|b| b.is_finite() && !label.is_empty()) else { continue };
            for (index, level) in LEVELS.iter().enumerate() {
                let (lower, upper) = level.interval(observation);
                if let Some(position) = interval_position(lower, upper, benchmark) {
                    tally.add(label, index, position);
                }
            }
        }
    }
    tallies
}

/// The level the labels show, with its rule: the level reproducing more of them (95% on a tie: Fingertips' usual level).
pub fn decide_level(tally: &LabelTally) -> (Option<ConfidenceLevel>, Decision) {
    let [(judged95, hits95), (judged998, hits998)] = tally.by_level;
    if judged95 == 0 && judged998 == 0 {
        let rule = "no published comparison labels to test: Fingertips' usual 95%";
        return (None, Decision::new("95%", EvidenceSource::Default, rule));
    }
    let describe = |hits: u32, judged: u32, level: &str| format!("{level} intervals reproduce {hits} of {judged} published labels");
    let rule = format!("{}; {}", describe(hits998, judged998, "99.8%"), describe(hits95, judged95, "95%"));
    let level = if hits998 > hits95 { ConfidenceLevel::P998 } else { ConfidenceLevel::P95 };
    (Some(level), Decision::new(level.text(), EvidenceSource::Labels, rule))
}

/// The polarity the labels show at `level`, with its rule; None when they show none or disagree.
pub fn decide_polarity(tally: &LabelTally, level: ConfidenceLevel) -> Option<(Polarity, Decision)> {
    let i = usize::from(level == ConfidenceLevel::P998);
    let (high, low, none) = (tally.high_is_good[i], tally.low_is_good[i], tally.no_judgement[i]);
    let (polarity, votes, choice, words) = match (high > 0, low > 0, none > 0) {
        (true, false, false) => (Polarity::HighIsGood, high, "high is good", "higher values labelled Better (or lower Worse)"),
        (false, true, false) => (Polarity::LowIsGood, low, "low is good", "lower values labelled Better (or higher Worse)"),
        (false, false, true) => (Polarity::NoJudgement, none, "no judgement", "differences labelled Higher / Lower, not Better / Worse"),
        (false, false, false) => return None,
        _ => {
            let rule = format!("the labels disagree: {high} say high is good, {low} low is good, {none} no judgement");
            return Some((Polarity::Unknown, Decision::new("not known", EvidenceSource::Labels, rule)));
        }
    };
    Some((polarity, Decision::new(choice, EvidenceSource::Labels, format!("{words} on {votes} rows"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_that_reproduces_more_labels_wins() {
        let mut tally = LabelTally::default();
        // An interval that is significant at 95% but not at 99.8%, labelled Similar: 99.8% reproduces it.
        tally.add("Similar", 0, IntervalPosition::WhollyAbove);
        tally.add("Similar", 1, IntervalPosition::Overlapping);
        tally.add("Worse", 0, IntervalPosition::WhollyAbove);
        tally.add("Worse", 1, IntervalPosition::WhollyAbove);
        let (level, decision) = decide_level(&tally);
        assert_eq!(level, Some(ConfidenceLevel::P998));
        assert_eq!(decision.rule, "99.8% intervals reproduce 2 of 2 published labels; 95% intervals reproduce 1 of 2 published labels");
        assert_eq!(decide_polarity(&tally, ConfidenceLevel::P998).map(|p| p.0), Some(Polarity::LowIsGood));
    }

    #[test]
    fn no_labels_means_the_default() {
        let (level, decision) = decide_level(&LabelTally::default());
        assert_eq!(level, None);
        assert_eq!(decision.source, EvidenceSource::Default);
        assert!(decide_polarity(&LabelTally::default(), ConfidenceLevel::P95).is_none());
    }

    #[test]
    fn higher_lower_labels_mean_no_judgement() {
        let mut tally = LabelTally::default();
        tally.add("Higher", 0, IntervalPosition::WhollyAbove);
        assert_eq!(decide_polarity(&tally, ConfidenceLevel::P95).map(|p| p.0), Some(Polarity::NoJudgement));
        tally.add("Better", 0, IntervalPosition::WhollyAbove);
        assert_eq!(decide_polarity(&tally, ConfidenceLevel::P95).map(|p| p.0), Some(Polarity::Unknown));
    }
}
