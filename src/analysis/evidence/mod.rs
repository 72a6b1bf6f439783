//! What each indicator is, decided from the files' own evidence (numbers, interval shapes, published labels, names), with the rule that decided it.
//!
//! Run after every load over everything loaded, so a later file adds evidence and never erases what an
//! earlier one showed. Order of strength: a column of the file, the rows' numbers, the published labels,
//! the name, then the documented default (95%, polarity unknown, value type unknown). Where two sources
//! disagree, the stronger is used and the disagreement is kept in `IndicatorEvidence::conflicts`.

mod entries;
mod published_labels;
mod value_shape;

use super::observation_groups::ObservationGroups;
use crate::ingest::{infer_from_name, value_type_text};
use crate::model::{ConfidenceLevel, Dataset, Decision, EvidenceSource, Polarity, ValueType};

pub use entries::evidence_entries;
pub use published_labels::{decide_level, decide_polarity, tally_labels, LabelTally};
pub use value_shape::{decide_value_type, tally_shapes, ShapeTally};

/// Decides value types, levels and polarities of a dataset built without a session (tests, tools).
pub fn decide_all(dataset: &mut Dataset) {
    decide_value_types(dataset);
    decide_levels_and_polarities(dataset);
}

/// Decides every indicator's value type and multiplier from its name and its rows' numbers.
/// Runs before intervals are computed from counts, since the method depends on the type.
pub fn decide_value_types(dataset: &mut Dataset) {
    let tallies = tally_shapes(dataset);
    for (indicator, tally) in dataset.indicators.iter_mut().zip(&tallies) {
        indicator.evidence.conflicts.clear();
        let declared = indicator.evidence.value_type.as_ref().filter(|d| d.source == EvidenceSource::File).cloned();
        let named = infer_from_name(&indicator.id, &indicator.name);
        let start = match &declared {
            Some(_) => (indicator.value_type, indicator.multiplier),
            None => (named.value_type, named.multiplier),
        };
        match decide_value_type(tally, start) {
            Some((value_type, multiplier, decision)) => {
                if let Some(file) = &declared {
                    if (value_type, multiplier) != start {
                        indicator.evidence.conflicts.push(format!(
                            "{}, but {} show {} ({}): the file's column is used",
                            file.rule,
                            EvidenceSource::Data.text(),
                            decision.choice,
                            decision.rule
                        ));
                    }
                    continue;
                }
                if let Some(name) = named.evidence.value_type.as_ref().filter(|_| (named.value_type, named.multiplier) != (value_type, multiplier)) {
                    indicator.evidence.conflicts.push(format!("{} ({}), but {}: the numbers are used", name.rule, name.choice, decision.rule));
                }
                indicator.value_type = value_type;
                indicator.multiplier = multiplier;
                indicator.unit = unit_for(value_type, multiplier, &named.unit);
                indicator.evidence.value_type = Some(decision);
            }
            None if declared.is_none() => {
                indicator.value_type = named.value_type;
                indicator.multiplier = named.multiplier;
                indicator.unit = if indicator.unit.is_empty() { named.unit.clone() } else { indicator.unit.clone() };
                let rule = "neither the name nor the numbers say (no `%`, “per N” or “standardised”; no count and denominator to test)";
                let fallback = Decision::new(value_type_text(ValueType::Unknown, f64::NAN), EvidenceSource::Default, rule);
                let mut decision = named.evidence.value_type.clone().unwrap_or(fallback);
                if let Some(note) = tally.inconclusive_note() {
                    decision.rule = format!("{}; {note}", decision.rule);
                }
                indicator.evidence.value_type = Some(decision);
            }
            None => {}
        }
    }
}

/// The display unit of a decided type: `%`, `per 10,000`, else what the name gave.
fn unit_for(value_type: ValueType, multiplier: f64, named_unit: &str) -> String {
    match value_type {
        ValueType::Proportion if multiplier == 100.0 => "%".into(),
        ValueType::Rate if multiplier.is_finite() => format!("per {}", crate::ingest::multiplier_text(multiplier)),
        _ => named_unit.to_owned(),
    }
}

/// Decides every indicator's comparison level and polarity from the published labels over everything loaded.
pub fn decide_levels_and_polarities(dataset: &mut Dataset) {
    let labelled = dataset.rows().any(|o| o.published_england.0 != 0 || o.published_parent.0 != 0);
    let tallies = if labelled { tally_labels(dataset, &ObservationGroups::new(dataset)) } else { vec![LabelTally::default(); dataset.indicators.len()] };
    for (indicator, tally) in dataset.indicators.iter_mut().zip(&tallies) {
        let (level, level_decision) = decide_level(tally);
        indicator.level = level;
        indicator.evidence.level = Some(level_decision);
        let from_labels = decide_polarity(tally, level.unwrap_or(ConfidenceLevel::P95));
        let declared = indicator.evidence.polarity.as_ref().filter(|d| d.source == EvidenceSource::File).cloned();
        match (declared, from_labels) {
            (Some(file), Some((polarity, decision))) => {
                if polarity != indicator.polarity {
                    indicator.evidence.conflicts.push(format!("{}, but {} ({}): the file's column is used", file.rule, decision.choice, decision.rule));
                }
            }
            (Some(_), None) => {}
            (None, Some((polarity, decision))) => {
                indicator.polarity = polarity;
                indicator.evidence.polarity = Some(decision);
            }
            (None, None) => {
                indicator.polarity = Polarity::Unknown;
                let rule = "no polarity column and no Better / Worse labels: shown as Higher / Lower until set in the page";
                indicator.evidence.polarity = Some(Decision::new("not known", EvidenceSource::Default, rule));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_follow_the_decided_type() {
        assert_eq!(unit_for(ValueType::Rate, 10_000.0, ""), "per 10,000");
        assert_eq!(unit_for(ValueType::Proportion, 100.0, ""), "%");
        assert_eq!(unit_for(ValueType::Dsr, f64::NAN, "per 100,000"), "per 100,000");
    }
}
