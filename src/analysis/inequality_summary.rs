//! Inequalities within one area: each group (deprivation decile, sex, age …) against the area's own value, and
//! the slope and relative index of inequality (SII / RII) of ordered deprivation groups, for a period and over time.

use super::deprivation_order::deprivation_order;
use super::interval_rule::{comparison_for_position, interval_position};
use super::number_text::format_number;
use super::{Comparison, NotComparedReason};
use crate::model::{ConfidenceLevel, Dataset, Observation, Polarity, Sym};
use crate::stats::sii_point;

/// Why an SII has no interval here.
const NO_INTERVAL: &str = "SII and RII are point estimates by the PHEindicatormethods method (population-weighted regression \
on cumulative population midpoints, most deprived first); no interval is shown because the package's intervals come from a \
seeded Monte Carlo simulation that cannot be reproduced exactly here";

/// The summary's note when there are no ordered deprivation groups.
pub const NO_ORDERED_GROUPS: &str = "no ordered deprivation groups: no SII";

/// One group's comparison with the area's overall value at `level`, with the rule and numbers behind it.
pub fn compare_with_area(level: ConfidenceLevel, polarity: Polarity, group: &Observation, area_value: Option<f64>) -> (Comparison, String) {
    let (lower, upper) = level.interval(group);
    let Some(reference) = area_value else {
        return (Comparison::NotCompared(NotComparedReason::NoBenchmarkValue), "Not compared: the area has no overall value".into());
    };
    match interval_position(lower, upper, reference) {
        Some(position) => (
            comparison_for_position(position, polarity),
            format!("{} CI {}–{} {} the area's value {}", level.text(), format_number(lower), format_number(upper), position.text(), format_number(reference)),
        ),
        None if !group.value.is_finite() => (Comparison::NotCompared(NotComparedReason::NoValue), "Not compared: no value".into()),
        None => (Comparison::NotCompared(NotComparedReason::NoInterval), "Not compared: no confidence interval".into()),
    }
}

/// The groups an SII is computed over: one indicator, area, sex, age and deprivation category type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupSeries<'a> {
    /// Indicator id.
    pub indicator: u32,
    /// Area id.
    pub area: u32,
    /// Sex breakdown of the groups.
    pub sex: Sym,
    /// Age breakdown of the groups.
    pub age: Sym,
    /// The deprivation category type (`County & UA deprivation deciles in England (IMD2019, 4/21 geog.)`).
    pub category_type: &'a str,
}

/// Where an SII's population weights came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopulationBasis {
    /// Every group's denominator.
    Denominators,
    /// Equal shares, because some group has no denominator.
    EqualShares,
}

impl PopulationBasis {
    /// The basis in words, for the note.
    pub fn text(self) -> &'static str {
        match self {
            PopulationBasis::Denominators => "populations from the denominators",
            PopulationBasis::EqualShares => "equal population shares (the file gives no denominators)",
        }
    }
}

/// The SII and RII point estimates of ordered groups.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupSii {
    /// Slope index of inequality.
    pub sii: f64,
    /// Relative index of inequality.
    pub rii: f64,
    /// Where the population weights came from.
    pub basis: PopulationBasis,
}

/// SII point estimate of groups ordered most to least deprived (populations from denominators, else equal shares);
/// Err says why not.
pub fn group_sii(groups: &[&Observation]) -> Result<GroupSii, String> {
    let values: Vec<f64> = groups.iter().map(|o| o.value).collect();
    if values.iter().any(|v| !v.is_finite()) {
        return Err("a deprivation group has no value".into());
    }
    let with_denominators = groups.iter().all(|o| o.denominator.is_finite() && o.denominator > 0.0);
    let population: Vec<f64> = if with_denominators { groups.iter().map(|o| o.denominator).collect() } else { vec![1.0; groups.len()] };
    let point = sii_point(&population, &values, 1.0).map_err(|e| e.to_string())?;
    let basis = if with_denominators { PopulationBasis::Denominators } else { PopulationBasis::EqualShares };
    Ok(GroupSii { sii: point.sii, rii: point.rii, basis })
}

/// The SII of one period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodSii {
    /// Period id.
    pub period: u32,
    /// Slope index of inequality.
    pub sii: f64,
    /// Relative index of inequality.
    pub rii: f64,
}

/// SII and RII for every period whose groups of the series can be put in deprivation order, in time order.
pub fn sii_over_time(dataset: &Dataset, series: GroupSeries<'_>) -> Vec<PeriodSii> {
    let same = |o: &Observation| o.indicator == series.indicator && o.area == series.area && dataset.text(o.category_type) == series.category_type;
    let mut periods: Vec<u32> = dataset.rows().filter(|o| same(o)).map(|o| o.period).collect();
    periods.sort_by(|a, b| dataset.periods[*a as usize].cmp(&dataset.periods[*b as usize]));
    periods.dedup();
    let mut over_time = Vec::new();
    for period in periods {
        let rows: Vec<&Observation> = dataset.rows().filter(|o| same(o) && o.period == period && o.sex == series.sex && o.age == series.age).collect();
        let labels: Vec<&str> = rows.iter().map(|o| dataset.text(o.category)).collect();
        let Some(order) = deprivation_order(&labels) else { continue };
        let ordered: Vec<&Observation> = order.iter().map(|&i| rows[i]).collect();
        if let Ok(estimate) = group_sii(&ordered) {
            over_time.push(PeriodSii { period, sii: estimate.sii, rii: estimate.rii });
        }
    }
    over_time
}

/// The SII and RII of the period shown, the SII over time, and a note on how they were computed.
#[derive(Clone, Debug, PartialEq)]
pub struct InequalitySummary {
    /// The period's SII and RII, when computable.
    pub estimate: Option<GroupSii>,
    /// SII and RII per period, in time order.
    pub over_time: Vec<PeriodSii>,
    /// How the SII was computed and why it has no interval (or why there is none).
    pub note: String,
}

/// Summarises the ordered deprivation groups of one period (`groups`, most deprived first) of `series`.
pub fn inequality_summary(dataset: &Dataset, series: GroupSeries<'_>, groups: &[&Observation]) -> InequalitySummary {
    let (estimate, note) = match group_sii(groups) {
        Ok(estimate) => (Some(estimate), format!("{NO_INTERVAL}; {}", estimate.basis.text())),
        Err(reason) => (None, format!("no SII: {reason}")),
    };
    InequalitySummary { estimate, over_time: sii_over_time(dataset, series), note }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaKind, CalendarDate, Indicator, Period, PeriodKind};

    /// One area's quintile values (most deprived first) for each year, with the denominators when given.
    fn quintiles(years: &[(i32, [f64; 5])], denominators: Option<[f64; 5]>) -> Dataset {
        let mut ds = Dataset::new();
        let indicator = ds.indicator_id(Indicator::new("1", "Obesity"));
        let area = ds.area_id(Area {
            code: "E06000015".into(),
            name: "Derby".into(),
            kind: AreaKind::Other,
            area_type: String::new(),
            parent_code: String::new(),
            parent_name: String::new(),
        });
        let file = ds.strings.intern("f.csv");
        let kind = ds.strings.intern("Deprivation quintiles");
        let labels = ["Most deprived quintile", "Second most deprived quintile", "Third quintile", "Second least deprived quintile", "Least deprived quintile"];
        for &(year, values) in years {
            let period = ds.period_id(Period {
                label: year.to_string(),
                start: CalendarDate::new(year, 1, 1),
                end: CalendarDate::new(year, 12, 31),
                kind: PeriodKind::CalendarYear,
            });
            // Least deprived first in the file: the order comes from the labels.
            for i in (0..5).rev() {
                let category = ds.strings.intern(labels[i]);
                let denominator = denominators.map_or(f64::NAN, |d| d[i]);
                ds.push(Observation { value: values[i], denominator, category_type: kind, category, ..Observation::blank(indicator, area, period, file, 2) });
            }
        }
        ds
    }

    fn series(ds: &Dataset) -> GroupSeries<'static> {
        let first = ds.row(0);
        GroupSeries { indicator: first.indicator, area: first.area, sex: first.sex, age: first.age, category_type: "Deprivation quintiles" }
    }

    fn ordered(ds: &Dataset, period: u32) -> Vec<&Observation> {
        let mut rows: Vec<&Observation> = ds.rows().filter(|o| o.period == period).collect();
        rows.reverse();
        rows
    }

    #[test]
    fn equal_shares_give_the_stats_sii_and_say_so() {
        let ds = quintiles(&[(2019, [30.0, 25.0, 20.0, 15.0, 10.0])], None);
        let summary = inequality_summary(&ds, series(&ds), &ordered(&ds, 0));
        let expected = sii_point(&[1.0; 5], &[30.0, 25.0, 20.0, 15.0, 10.0], 1.0).unwrap();
        let estimate = summary.estimate.unwrap();
        assert_eq!((estimate.sii, estimate.rii), (expected.sii, expected.rii));
        assert!((estimate.sii + 25.0).abs() < 1e-9, "{}", estimate.sii);
        assert_eq!(estimate.basis, PopulationBasis::EqualShares);
        assert!(summary.note.starts_with("SII and RII are point estimates") && summary.note.ends_with("(the file gives no denominators)"));
        assert_eq!(summary.over_time, vec![PeriodSii { period: 0, sii: expected.sii, rii: expected.rii }]);
    }

    #[test]
    fn denominators_weight_and_every_ordered_period_is_summarised_in_time_order() {
        let ds = quintiles(&[(2020, [40.0, 30.0, 20.0, 10.0, 5.0]), (2019, [30.0, 25.0, 20.0, 15.0, 10.0])], Some([100.0, 200.0, 300.0, 400.0, 500.0]));
        let estimate = group_sii(&ordered(&ds, 0)).unwrap();
        let expected = sii_point(&[100.0, 200.0, 300.0, 400.0, 500.0], &[40.0, 30.0, 20.0, 10.0, 5.0], 1.0).unwrap();
        assert_eq!((estimate.sii, estimate.basis), (expected.sii, PopulationBasis::Denominators));
        let periods: Vec<u32> = sii_over_time(&ds, series(&ds)).iter().map(|p| p.period).collect();
        assert_eq!(periods, vec![1, 0], "2019 before 2020");
    }

    #[test]
    fn a_missing_value_is_no_sii_with_the_reason() {
        let ds = quintiles(&[(2019, [30.0, f64::NAN, 20.0, 15.0, 10.0])], None);
        let summary = inequality_summary(&ds, series(&ds), &ordered(&ds, 0));
        assert_eq!(summary.estimate, None);
        assert_eq!(summary.note, "no SII: a deprivation group has no value");
        assert!(summary.over_time.is_empty());
    }

    #[test]
    fn groups_are_compared_with_the_area_by_their_interval() {
        let ds = quintiles(&[(2019, [30.0, 25.0, 20.0, 15.0, 10.0])], None);
        let mut group = ds.row(0).clone();
        let (comparison, reason) = compare_with_area(ConfidenceLevel::default(), Polarity::LowIsGood, &group, None);
        assert_eq!(
            (comparison, reason.as_str()),
            (Comparison::NotCompared(NotComparedReason::NoBenchmarkValue), "Not compared: the area has no overall value")
        );
        assert_eq!(
            compare_with_area(ConfidenceLevel::default(), Polarity::LowIsGood, &group, Some(20.0)).0,
            Comparison::NotCompared(NotComparedReason::NoInterval)
        );
        (group.lower95, group.upper95) = (8.0, 12.0);
        let (comparison, reason) = compare_with_area(ConfidenceLevel::default(), Polarity::LowIsGood, &group, Some(20.0));
        assert_eq!(comparison, Comparison::Better);
        assert!(reason.starts_with("95% CI 8.00–12.00") && reason.ends_with("the area's value 20.00"), "{reason}");
    }
}
