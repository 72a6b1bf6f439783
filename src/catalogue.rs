//! The catalogue of what is loaded (indicators, periods, areas, area types), for the page's controls.

use crate::model::{AreaKind, Dataset, Polarity, ValueType};
use serde::Serialize;

/// One indicator as a control lists it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IndicatorEntry {
    /// Key used in view specs (id, or name when there is none).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Value type inferred or set.
    pub value_type: ValueType,
    /// Polarity inferred or set.
    pub polarity: Polarity,
    /// Unit label.
    pub unit: String,
    /// The comparison level the files' labels show, when they show one.
    pub level: Option<crate::model::ConfidenceLevel>,
    /// How value type, level and polarity were decided, with any conflicting evidence.
    pub evidence: crate::model::IndicatorEvidence,
    /// Period labels with data for this indicator, oldest first.
    pub periods: Vec<String>,
}

/// One area as a control lists it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AreaEntry {
    /// Key used in view specs (code, or name when there is none).
    pub key: String,
    /// Display name.
    pub name: String,
    /// Kind from the code.
    pub kind: AreaKind,
    /// Area type as the file labels it.
    pub area_type: String,
}

/// Everything the page's controls offer.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Catalogue {
    /// Indicators in load order.
    pub indicators: Vec<IndicatorEntry>,
    /// Areas in load order.
    pub areas: Vec<AreaEntry>,
    /// Distinct area types, in load order.
    pub area_types: Vec<String>,
    /// Number of observations loaded.
    pub observations: usize,
}

/// Lists what `dataset` holds.
pub fn catalogue(dataset: &Dataset) -> Catalogue {
    let mut periods_by_indicator: Vec<Vec<u32>> = vec![Vec::new(); dataset.indicators.len()];
    for row in dataset.rows() {
        let list = &mut periods_by_indicator[row.indicator as usize];
        if !list.contains(&row.period) {
            list.push(row.period);
        }
    }
    let indicators = dataset
        .indicators
        .iter()
        .zip(periods_by_indicator)
        .map(|(indicator, mut periods)| {
            periods.sort_by(|a, b| dataset.periods[*a as usize].cmp(&dataset.periods[*b as usize]));
            IndicatorEntry {
                key: indicator.key().to_owned(),
                name: indicator.name.clone(),
                value_type: indicator.value_type,
                polarity: indicator.polarity,
                unit: indicator.unit.clone(),
                level: indicator.level,
                evidence: indicator.evidence.clone(),
                periods: periods.iter().map(|p| dataset.periods[*p as usize].label.clone()).collect(),
            }
        })
        .collect();
    let mut area_types: Vec<String> = Vec::new();
    let areas = dataset
        .areas
        .iter()
        .map(|area| {
            if !area.area_type.is_empty() && !area_types.contains(&area.area_type) {
                area_types.push(area.area_type.clone());
            }
            AreaEntry { key: area.key().to_owned(), name: area.name.clone(), kind: area.kind, area_type: area.area_type.clone() }
        })
        .collect();
    // Rows may put an area in other types than its first file did: list those too.
    let mut seen = std::collections::HashSet::new();
    for row in dataset.rows() {
        if seen.insert(row.area_type) {
            let text = dataset.text(row.area_type);
            if !text.is_empty() && !area_types.iter().any(|t| t == text) {
                area_types.push(text.to_owned());
            }
        }
    }
    Catalogue { indicators, areas, area_types, observations: dataset.len() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, CalendarDate, Indicator, Observation, Period, PeriodKind, Sym};

    fn year(label: &str, y: i32) -> Period {
        Period { label: label.into(), start: CalendarDate::new(y, 1, 1), end: CalendarDate::new(y, 12, 31), kind: PeriodKind::CalendarYear }
    }

    #[test]
    fn lists_periods_sorted_per_indicator() {
        let mut ds = Dataset::new();
        let ind = ds.indicator_id(Indicator::new("1", "One"));
        let area = ds.area_id(Area {
            code: "E92000001".into(),
            name: "England".into(),
            kind: AreaKind::England,
            area_type: "England".into(),
            parent_code: String::new(),
            parent_name: String::new(),
        });
        for (label, y) in [("2019", 2019), ("2017", 2017)] {
            let period = ds.period_id(year(label, y));
            ds.push(Observation { value: 1.0, ..Observation::blank(ind, area, period, Sym(0), 2) });
        }
        let cat = catalogue(&ds);
        assert_eq!(cat.indicators[0].periods, vec!["2017", "2019"]);
        assert_eq!(cat.area_types, vec!["England"]);
        assert_eq!(cat.observations, 2);
    }
}
