//! Each area's interval against its group's England value, tallied: the whole-dataset summary the benchmarks time.
//!
//! The full `Benchmarker` writes an explanation per row (what the page shows for one view);
//! this pass touches only the columns a comparison needs, so a million rows take one sweep.

use super::interval_rule::{interval_position, IntervalPosition};
use super::observation_groups::{group_key, GroupKey};
use super::ConfidenceLevel;
use crate::model::Dataset;
use serde::Serialize;
use std::collections::HashMap;

/// How many areas' intervals lie wholly above, across or wholly below England's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EnglandCounts {
    /// Interval wholly above England's value.
    pub higher: u64,
    /// Interval containing or touching England's value.
    pub similar: u64,
    /// Interval wholly below England's value.
    pub lower: u64,
}

/// Compares every non-England observation's interval at `level` with England's value in its
/// group (indicator, period, breakdown); rows without an interval or an England value are skipped.
pub fn england_counts(dataset: &Dataset, level: ConfidenceLevel) -> EnglandCounts {
    let is_england: Vec<bool> = dataset.areas.iter().map(|a| a.is_england()).collect();
    let mut england: HashMap<GroupKey, f64> = HashMap::new();
    for row in dataset.rows() {
        if is_england.get(row.area as usize).copied().unwrap_or(false) {
            england.insert(group_key(row), row.value);
        }
    }
    let mut counts = EnglandCounts::default();
    // Rows come grouped: remember the last group's England value instead of hashing every row.
    let mut last: Option<(GroupKey, f64)> = None;
    for row in dataset.rows() {
        if is_england.get(row.area as usize).copied().unwrap_or(true) {
            continue;
        }
        let key = group_key(row);
        let benchmark = match last {
            Some((k, v)) if k == key => v,
            _ => {
                let v = england.get(&key).copied().unwrap_or(f64::NAN);
                last = Some((key, v));
                v
            }
        };
        let (lower, upper) = level.interval(row);
        match interval_position(lower, upper, benchmark) {
            Some(IntervalPosition::WhollyAbove) => counts.higher += 1,
            Some(IntervalPosition::Overlapping) => counts.similar += 1,
            Some(IntervalPosition::WhollyBelow) => counts.lower += 1,
            None => {}
        }
    }
    counts
}
