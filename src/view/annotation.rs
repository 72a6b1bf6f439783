//! User annotations: a note on one period of one indicator (an intervention, a data problem), carried in the
//! `ViewSpec`, placed on every chart of that indicator and listed in its table and CSV.

use super::table::ViewTable;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// Longest annotation text kept (share links are untrusted input).
const MAX_TEXT: usize = 500;

/// A note the user put on a period of an indicator, as the spec carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotation {
    /// Indicator id or name.
    pub indicator: String,
    /// Period label as written.
    pub period: String,
    /// The note.
    pub text: String,
}

/// An annotation as a view carries it: the period, the note and where it sits on a time axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotationView {
    /// Indicator name.
    pub indicator: String,
    /// Period label.
    pub period: String,
    /// The note (at most 500 characters).
    pub text: String,
    /// Position on the time axis (fractional year of the period's midpoint), when the period is known.
    pub x: Option<f64>,
}

/// The spec's annotations that belong to `indicator` (matched by id or name, ignoring case and spacing).
pub fn annotations_for(dataset: &Dataset, annotations: &[Annotation], indicator: u32) -> Vec<AnnotationView> {
    let Some(meta) = dataset.indicators.get(indicator as usize) else { return Vec::new() };
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let same = |a: &str, b: &str| !a.trim().is_empty() && normal(a) == normal(b);
    annotations
        .iter()
        .filter(|a| same(&a.indicator, &meta.name) || same(&a.indicator, &meta.id))
        .filter(|a| !a.text.trim().is_empty())
        .map(|a| {
            let period = a.period.trim().to_owned();
            let x = dataset.periods.iter().find(|p| p.label == period).map(|p| p.midpoint_years()).filter(|x| x.is_finite());
            AnnotationView { indicator: meta.name.clone(), period, text: a.text.trim().chars().take(MAX_TEXT).collect(), x }
        })
        .collect()
}

/// Appends one row per annotation to `table`: `Annotation` first, the period under a `Period` column (else
/// second), the note last.
pub fn append_annotation_rows(table: &mut ViewTable, annotations: &[AnnotationView]) {
    let width = table.header.len().max(3);
    let period_column = table.header.iter().position(|h| h.to_ascii_lowercase().contains("period")).unwrap_or(1).clamp(1, width - 2);
    for a in annotations {
        let mut row = vec![String::new(); width];
        row[0] = format!("Annotation: {}", a.indicator);
        row[period_column] = a.period.clone();
        row[width - 1] = a.text.clone();
        table.rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_under_the_period_column() {
        let mut table = ViewTable::new(&["Area", "Value", "Period", "Note"]);
        let note = AnnotationView { indicator: "A".into(), period: "2019/20".into(), text: "=new clinic".into(), x: None };
        append_annotation_rows(&mut table, &[note]);
        assert_eq!(table.rows[0], vec!["Annotation: A", "", "2019/20", "=new clinic"]);
        assert!(table.to_csv().contains("'=new clinic"));
    }
}
