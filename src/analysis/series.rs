//! Time series: one indicator for one area and breakdown, its observations in period order.

use crate::model::{Dataset, Sym};
use std::collections::BTreeMap;

/// What identifies a series: indicator, area, sex, age, category type and category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    /// Indicator index.
    pub indicator: u32,
    /// Area index.
    pub area: u32,
    /// Sex breakdown.
    pub sex: Sym,
    /// Age breakdown.
    pub age: Sym,
    /// Category type.
    pub category_type: Sym,
    /// Category.
    pub category: Sym,
}

/// Every series of the dataset with its rows sorted oldest period first (keys in load order of indicator and area).
pub fn all_series(dataset: &Dataset) -> BTreeMap<SeriesKey, Vec<usize>> {
    let mut series: BTreeMap<SeriesKey, Vec<usize>> = BTreeMap::new();
    for (row, o) in dataset.rows().enumerate() {
        let key = SeriesKey { indicator: o.indicator, area: o.area, sex: o.sex, age: o.age, category_type: o.category_type, category: o.category };
        series.entry(key).or_default().push(row);
    }
    for rows in series.values_mut() {
        sort_by_period(dataset, rows);
    }
    series
}

/// Sorts rows by their period, oldest first.
pub fn sort_by_period(dataset: &Dataset, rows: &mut [usize]) {
    rows.sort_by(|&a, &b| {
        let pa = &dataset.periods[dataset.row(a).period as usize];
        let pb = &dataset.periods[dataset.row(b).period as usize];
        pa.cmp(pb)
    });
}

/// The rows of one indicator, area and breakdown, oldest first.
pub fn series_rows(dataset: &Dataset, key: &SeriesKey) -> Vec<usize> {
    let mut rows: Vec<usize> = dataset
        .rows()
        .enumerate()
        .filter(|(_, o)| {
            o.indicator == key.indicator
                && o.area == key.area
                && o.sex == key.sex
                && o.age == key.age
                && o.category_type == key.category_type
                && o.category == key.category
        })
        .map(|(row, _)| row)
        .collect();
    sort_by_period(dataset, &mut rows);
    rows
}

/// The last row of a series with a value (the "latest" of a board paper), if any.
pub fn latest_valued(dataset: &Dataset, rows: &[usize]) -> Option<usize> {
    rows.iter().rev().copied().find(|&r| dataset.row(r).value.is_finite())
}

/// The comparator row for direction of travel: the series' row for `wanted` period label when given, else
/// the row of the period just before `latest` with the same length (a missing or suppressed value there
/// still counts as that period, so it gives "no comparator year" rather than skipping back).
pub fn comparator_row(dataset: &Dataset, rows: &[usize], latest: usize, wanted: Option<&str>) -> Option<usize> {
    let period_of = |row: usize| &dataset.periods[dataset.row(row).period as usize];
    if let Some(label) = wanted.map(str::trim).filter(|l| !l.is_empty()) {
        return rows.iter().copied().find(|&r| period_of(r).label == label);
    }
    let latest_period = period_of(latest);
    rows.iter()
        .copied()
        .filter(|&r| period_of(r) < latest_period && period_of(r).length_months() == latest_period.length_months())
        .max_by(|&a, &b| period_of(a).cmp(period_of(b)))
}
