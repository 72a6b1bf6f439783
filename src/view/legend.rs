//! Legend entries: each comparison label with its colour, in a fixed reading order.

use crate::analysis::{Comparison, NotComparedReason, Palette};
use serde::{Deserialize, Serialize};

/// One legend entry: label text and colour (colour is never the only signal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegendEntry {
    /// The label (`Better`, `Similar`, …).
    pub label: String,
    /// `#RRGGBB`.
    pub colour: String,
}

fn order(comparison: Comparison) -> u8 {
    match comparison {
        Comparison::Better => 0,
        Comparison::Similar => 1,
        Comparison::Worse => 2,
        Comparison::Higher => 3,
        Comparison::Lower => 4,
        Comparison::Quintile(q) => 4 + q,
        Comparison::NotCompared(_) => 20,
    }
}

/// Legend entries for the comparisons that occur, one per label, in Fingertips' reading order.
pub fn legend_for(comparisons: impl IntoIterator<Item = Comparison>, palette: Palette) -> Vec<LegendEntry> {
    let mut seen: Vec<Comparison> = Vec::new();
    for comparison in comparisons {
        let canonical = match comparison {
            Comparison::NotCompared(_) => Comparison::NotCompared(NotComparedReason::NoValue),
            other => other,
        };
        if !seen.contains(&canonical) {
            seen.push(canonical);
        }
    }
    seen.sort_by_key(|c| order(*c));
    seen.into_iter().map(|c| LegendEntry { label: c.label().to_owned(), colour: c.colour_in(palette).to_owned() }).collect()
}
