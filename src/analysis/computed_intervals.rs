//! Intervals computed from counts and denominators where a file gives none, by the method that fits the value type.

use crate::model::{Dataset, IntervalSource, Sym, ValueType};
use crate::stats::{poisson_rate, wilson_proportion, Estimate, StatsError};
use std::collections::BTreeMap;

/// Which computation fits an observation's indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Method {
    Wilson,
    Poisson,
}

impl Method {
    fn describe(self) -> &'static str {
        match self {
            Method::Wilson => "Wilson score interval (proportions)",
            Method::Poisson => "exact Poisson below 10 events, Byars from 10 (rates)",
        }
    }

    fn source(self) -> IntervalSource {
        match self {
            Method::Wilson => IntervalSource::ComputedWilson,
            Method::Poisson => IntervalSource::ComputedPoisson,
        }
    }

    fn compute(self, count: f64, denominator: f64, confidence: f64, multiplier: f64) -> Result<Estimate, StatsError> {
        match self {
            Method::Wilson => wilson_proportion(count, denominator, confidence, multiplier),
            Method::Poisson => poisson_rate(count, denominator, confidence, multiplier),
        }
    }
}

/// The method and multiplier for a value type, or None when intervals cannot honestly be computed from counts.
fn method_for(value_type: ValueType, multiplier: f64) -> Option<(Method, f64)> {
    match value_type {
        ValueType::Proportion => Some((Method::Wilson, if multiplier.is_finite() { multiplier } else { 100.0 })),
        ValueType::Rate if multiplier.is_finite() => Some((Method::Poisson, multiplier)),
        // Standardised rates, ratios, means and counts need more than a count and a denominator.
        _ => None,
    }
}

/// Fills 95% and 99.8% intervals (and the value when absent) for observations of `file` that have a
/// count and denominator but no published interval; returns one line per method used, for the load report.
/// Where `blank_value_is_missing` (a file with a value column, such as a Fingertips download), a row
/// whose value is blank is a missing point (suppressed or not published): it is left without value or interval.
pub fn fill_computed_intervals(dataset: &mut Dataset, file: Sym, blank_value_is_missing: bool) -> Vec<String> {
    let methods: Vec<Option<(Method, f64)>> = dataset.indicators.iter().map(|i| method_for(i.value_type, i.multiplier)).collect();
    let mut used: BTreeMap<Method, usize> = BTreeMap::new();
    for row in dataset.rows_mut() {
        if row.file != file || row.interval_source != IntervalSource::None {
            continue;
        }
        if !(row.count.is_finite() && row.denominator.is_finite()) || (blank_value_is_missing && row.value.is_nan()) {
            continue;
        }
        let Some((method, multiplier)) = methods[row.indicator as usize] else { continue };
        let (Ok(ci95), Ok(ci998)) =
            (method.compute(row.count, row.denominator, 0.95, multiplier), method.compute(row.count, row.denominator, 0.998, multiplier))
        else {
            continue;
        };
        if row.value.is_nan() {
            row.value = ci95.value;
        }
        row.lower95 = ci95.lower;
        row.upper95 = ci95.upper;
        row.lower998 = ci998.lower;
        row.upper998 = ci998.upper;
        row.interval_source = method.source();
        *used.entry(method).or_default() += 1;
    }
    used.into_iter().map(|(method, rows)| format!("{} for {rows} rows", method.describe())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaKind, CalendarDate, Indicator, Observation, Period, PeriodKind};

    fn dataset_with(value_type: ValueType, multiplier: f64, count: f64, denominator: f64) -> (Dataset, Sym) {
        let mut ds = Dataset::new();
        let mut indicator = Indicator::new("k1", "KPI");
        indicator.value_type = value_type;
        indicator.multiplier = multiplier;
        let indicator = ds.indicator_id(indicator);
        let area = ds.area_id(Area {
            code: String::new(),
            name: "Derby".into(),
            kind: AreaKind::Other,
            area_type: String::new(),
            parent_code: String::new(),
            parent_name: String::new(),
        });
        let period = ds.period_id(Period {
            label: "2018".into(),
            start: CalendarDate::new(2018, 1, 1),
            end: CalendarDate::new(2018, 12, 31),
            kind: PeriodKind::CalendarYear,
        });
        let file = ds.strings.intern("kpi.csv");
        ds.push(Observation { count, denominator, ..Observation::blank(indicator, area, period, file, 2) });
        (ds, file)
    }

    #[test]
    fn proportions_get_wilson_intervals_equal_to_the_stats_function() {
        let (mut ds, file) = dataset_with(ValueType::Proportion, 100.0, 45.0, 100.0);
        let methods = fill_computed_intervals(&mut ds, file, false);
        assert_eq!(methods, vec!["Wilson score interval (proportions) for 1 rows"]);
        let row = ds.row(0);
        let expected = wilson_proportion(45.0, 100.0, 0.95, 100.0).unwrap();
        assert_eq!((row.value, row.lower95, row.upper95), (expected.value, expected.lower, expected.upper));
        assert!(row.lower998 < row.lower95 && row.upper998 > row.upper95);
        assert_eq!(row.interval_source, IntervalSource::ComputedWilson);
    }

    #[test]
    fn rates_use_poisson_and_unknown_types_are_left_alone() {
        let (mut ds, file) = dataset_with(ValueType::Rate, 100_000.0, 5.0, 20_000.0);
        fill_computed_intervals(&mut ds, file, false);
        assert_eq!(ds.row(0).interval_source, IntervalSource::ComputedPoisson);
        let (mut ds, file) = dataset_with(ValueType::Unknown, f64::NAN, 5.0, 20.0);
        assert!(fill_computed_intervals(&mut ds, file, false).is_empty());
        assert!(ds.row(0).lower95.is_nan());
    }

    #[test]
    fn impossible_counts_are_not_given_intervals() {
        let (mut ds, file) = dataset_with(ValueType::Proportion, 100.0, 250.0, 220.0);
        assert!(fill_computed_intervals(&mut ds, file, false).is_empty());
        assert_eq!(ds.row(0).interval_source, IntervalSource::None);
    }
}
