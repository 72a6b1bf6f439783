//! The file's published comparison as evidence: shown where the tool cannot recompute it, checked where it can.

use super::benchmark_outcome::{BenchmarkOutcome, ComparisonSource};
use super::{Comparison, NotComparedReason};

/// Reasons the tool's own rule could not judge a row that the publisher could (it had data this file lacks).
fn cannot_recompute(reason: NotComparedReason) -> bool {
    matches!(
        reason,
        NotComparedReason::NoBenchmarkValue
            | NotComparedReason::NoInterval
            | NotComparedReason::TooFewAreasForQuintiles
            | NotComparedReason::NotInQuintileGroup
    )
}

/// Reconciles the tool's outcome with the label the file published against the same benchmark:
/// - no published label: the tool's own;
/// - the tool cannot judge (no benchmark row, no interval, too few areas), or ranked quintiles among a
///   subset of areas while the file gives national quintiles: the published label, marked as published;
/// - the publisher printed "Not compared": not compared, saying what the interval rule would have given;
/// - both judged: the tool's own, flagged with both labels when they differ.
pub fn reconcile(mut outcome: BenchmarkOutcome, published: &str) -> BenchmarkOutcome {
    if published.is_empty() {
        return outcome;
    }
    outcome.published = published.to_owned();
    let Some(label) = Comparison::from_published(published, outcome.polarity) else {
        outcome.explanation.push_str(&format!("; the file published “{published}”, a label not read here"));
        return outcome;
    };
    match (outcome.comparison, label) {
        (Comparison::NotCompared(reason), label) if cannot_recompute(reason) && label.is_compared() => {
            outcome.explanation =
                format!("published by the file: “{published}” (cannot be recomputed here: {})", outcome.explanation.trim_start_matches("Not compared: "));
            outcome.comparison = label;
            outcome.source = ComparisonSource::Published;
        }
        (Comparison::Quintile(own), Comparison::Quintile(_)) => {
            let own_label = Comparison::Quintile(own).label();
            outcome.explanation = format!(
                "published by the file: “{published}” (national quintiles; among only the areas loaded here it would be the {})",
                own_label.to_lowercase()
            );
            outcome.differs = label != outcome.comparison;
            outcome.comparison = label;
            outcome.source = ComparisonSource::Published;
        }
        (own, Comparison::NotCompared(_)) if own.is_compared() => {
            outcome.explanation = format!(
                "Not compared: the file published “Not compared”, so none is invented here (the interval rule alone would give {}: {})",
                own.label(),
                outcome.explanation
            );
            outcome.comparison = Comparison::NotCompared(NotComparedReason::WithheldByPublisher);
            outcome.source = ComparisonSource::Published;
        }
        (own, label) if own != label => {
            outcome.differs = true;
            outcome.explanation = format!("{}; differs from the file's published “{published}”", outcome.explanation);
        }
        _ => {}
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::BenchmarkMethod;
    use crate::model::{ConfidenceLevel, Polarity};

    fn outcome(comparison: Comparison) -> BenchmarkOutcome {
        BenchmarkOutcome {
            comparison,
            source: ComparisonSource::PublishedInterval,
            benchmark_value: 10.0,
            benchmark_name: "England".into(),
            benchmark_method: BenchmarkMethod::AreaValue,
            polarity: Polarity::LowIsGood,
            level: ConfidenceLevel::P95,
            explanation: "95% CI 11–12 wholly above England 10".into(),
            published: String::new(),
            differs: false,
        }
    }

    #[test]
    fn published_label_fills_what_cannot_be_recomputed() {
        let got = reconcile(outcome(Comparison::NotCompared(NotComparedReason::NoBenchmarkValue)), "Worse");
        assert_eq!((got.comparison, got.source), (Comparison::Worse, ComparisonSource::Published));
        assert!(got.explanation.starts_with("published by the file"), "{}", got.explanation);
    }

    #[test]
    fn national_quintiles_win_over_a_subset() {
        let got = reconcile(outcome(Comparison::Quintile(1)), "2nd highest quintile");
        assert_eq!(got.comparison, Comparison::Quintile(4));
        assert!(got.differs);
    }

    #[test]
    fn withheld_comparisons_are_not_invented() {
        let got = reconcile(outcome(Comparison::Worse), "Not compared");
        assert_eq!(got.comparison, Comparison::NotCompared(NotComparedReason::WithheldByPublisher));
        assert!(got.explanation.contains("would give Worse"), "{}", got.explanation);
    }

    #[test]
    fn disagreements_are_flagged_with_both() {
        let got = reconcile(outcome(Comparison::Worse), "Similar");
        assert_eq!(got.comparison, Comparison::Worse);
        assert!(got.differs);
        assert!(got.explanation.contains("published “Similar”"));
        let same = reconcile(outcome(Comparison::Worse), "Worse");
        assert!(!same.differs);
        assert_eq!(same.published, "Worse");
    }
}
