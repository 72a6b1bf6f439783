//! Resolving what a view shows from a `ViewSpec`, with defaults for whatever the spec leaves empty.

use super::{ViewError, ViewSpec};
use crate::analysis::area_types::{is_local_area, row_area_type};
use crate::model::{Dataset, Sym};
use std::collections::HashMap;

/// The indicator, period, breakdown and area type a view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Indicator index.
    pub indicator: u32,
    /// Period index.
    pub period: u32,
    /// Sex breakdown.
    pub sex: Sym,
    /// Age breakdown.
    pub age: Sym,
    /// Area type of the areas shown.
    pub area_type: String,
}

/// The indicator named by the spec (id or name), else the first loaded.
pub fn select_indicator(dataset: &Dataset, key: Option<&str>) -> Result<u32, ViewError> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => dataset
            .find_indicator(key)
            .or_else(|| dataset.indicators.iter().position(|i| i.name == key || i.id == key).map(|i| i as u32))
            .ok_or_else(|| ViewError::UnknownIndicator(key.to_owned())),
        None if dataset.indicators.is_empty() => Err(ViewError::NoData),
        None => Ok(0),
    }
}

/// The most common value of `items`, ties to the first seen.
fn most_common<T: Clone + Eq + std::hash::Hash>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: HashMap<T, (usize, usize)> = HashMap::new();
    for (order, item) in items.enumerate() {
        counts.entry(item).or_insert((0, order)).0 += 1;
    }
    counts.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(item, _)| item)
}

/// The latest period with data for `indicator`.
pub fn latest_period(dataset: &Dataset, indicator: u32) -> Option<u32> {
    dataset.rows().filter(|o| o.indicator == indicator).map(|o| o.period).max_by(|&a, &b| dataset.periods[a as usize].cmp(&dataset.periods[b as usize]))
}

/// The full selection for one indicator: period, breakdown (Persons and the most common age unless named), area type.
pub fn select(dataset: &Dataset, spec: &ViewSpec, indicator: u32) -> Result<Selection, ViewError> {
    let period = match spec.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(label) => {
            let found = dataset.periods.iter().position(|p| p.label == label).map(|p| p as u32);
            let has_rows = found.map(|p| dataset.rows().any(|o| o.indicator == indicator && o.period == p)).unwrap_or(false);
            if !has_rows {
                return Err(ViewError::UnknownPeriod(label.to_owned()));
            }
            found.unwrap_or(0)
        }
        None => latest_period(dataset, indicator).ok_or(ViewError::NoData)?,
    };
    let overall = |o: &&crate::model::Observation| o.indicator == indicator && o.period == period && dataset.text(o.category_type).is_empty();
    let named = |wanted: &Option<String>| wanted.as_deref().and_then(|w| dataset.strings.get(w));
    let sex = named(&spec.sex)
        .or_else(|| dataset.strings.get("Persons").filter(|&p| dataset.rows().filter(overall).any(|o| o.sex == p)))
        .or_else(|| most_common(dataset.rows().filter(overall).map(|o| o.sex)))
        .unwrap_or_default();
    let age = named(&spec.age).or_else(|| most_common(dataset.rows().filter(overall).filter(|o| o.sex == sex).map(|o| o.age))).unwrap_or_default();
    let area_type = match spec.area_type.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => t.to_owned(),
        None => most_common(
            dataset
                .rows()
                .filter(overall)
                .filter(|o| dataset.areas.get(o.area as usize).is_some_and(is_local_area))
                .map(|o| row_area_type(dataset, o).into_owned()),
        )
        .unwrap_or_default(),
    };
    Ok(Selection { indicator, period, sex, age, area_type })
}
