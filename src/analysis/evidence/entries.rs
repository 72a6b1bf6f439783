//! The evidence decisions of a file's indicators as load-report rows.

use crate::ingest::EvidenceEntry;
use crate::model::{Dataset, Decision, Sym};

/// One report row per decided fact (value type, comparison level, polarity) and per conflict, for the indicators in `file`.
pub fn evidence_entries(dataset: &Dataset, file: Sym) -> Vec<EvidenceEntry> {
    let mut in_file = vec![false; dataset.indicators.len()];
    for row in dataset.rows().filter(|r| r.file == file) {
        if let Some(seen) = in_file.get_mut(row.indicator as usize) {
            *seen = true;
        }
    }
    let mut entries = Vec::new();
    for (indicator, _) in dataset.indicators.iter().zip(in_file).filter(|(_, used)| *used) {
        let entry = |fact: &str, decision: &Decision| EvidenceEntry {
            indicator: indicator.key().to_owned(),
            name: indicator.name.clone(),
            fact: fact.to_owned(),
            choice: decision.choice.clone(),
            source: decision.source.text().to_owned(),
            rule: decision.rule.clone(),
        };
        let evidence = &indicator.evidence;
        for (fact, decision) in [("value type", &evidence.value_type), ("comparison level", &evidence.level), ("polarity", &evidence.polarity)] {
            if let Some(decision) = decision {
                entries.push(entry(fact, decision));
            }
        }
        for conflict in &evidence.conflicts {
            entries.push(EvidenceEntry {
                indicator: indicator.key().to_owned(),
                name: indicator.name.clone(),
                fact: "conflict".into(),
                choice: String::new(),
                source: String::new(),
                rule: conflict.clone(),
            });
        }
    }
    entries
}
