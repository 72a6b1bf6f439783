//! Observations grouped by indicator, period and breakdown, so each area's row and its benchmark's row meet.

use crate::model::{Dataset, Observation, Sym};
use std::collections::HashMap;

/// What identifies a group: indicator, period, sex, age, category type and category.
pub type GroupKey = (u32, u32, Sym, Sym, Sym, Sym);

/// The group key of an observation.
pub fn group_key(observation: &Observation) -> GroupKey {
    (observation.indicator, observation.period, observation.sex, observation.age, observation.category_type, observation.category)
}

/// Row numbers by group, then by area.
#[derive(Clone, Debug, Default)]
pub struct ObservationGroups {
    rows_by_group: HashMap<GroupKey, HashMap<u32, usize>>,
}

impl ObservationGroups {
    /// Groups every observation of `dataset`.
    pub fn new(dataset: &Dataset) -> ObservationGroups {
        let mut rows_by_group: HashMap<GroupKey, HashMap<u32, usize>> = HashMap::new();
        for (row, observation) in dataset.rows().enumerate() {
            rows_by_group.entry(group_key(observation)).or_default().insert(observation.area, row);
        }
        ObservationGroups { rows_by_group }
    }

    /// The row of `area` in the group, if any.
    pub fn row_of(&self, key: &GroupKey, area: u32) -> Option<usize> {
        self.rows_by_group.get(key).and_then(|areas| areas.get(&area)).copied()
    }

    /// The row of `area` in the group, or else in the same group without a category (its overall value).
    pub fn row_of_or_overall(&self, key: &GroupKey, area: u32) -> Option<usize> {
        self.row_of(key, area).or_else(|| {
            let overall = (key.0, key.1, key.2, key.3, Sym(0), Sym(0));
            self.row_of(&overall, area)
        })
    }

    /// Every row of the group (area, row), in no particular order.
    pub fn rows_in(&self, key: &GroupKey) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.rows_by_group.get(key).into_iter().flat_map(|areas| areas.iter().map(|(&a, &r)| (a, r)))
    }
}
