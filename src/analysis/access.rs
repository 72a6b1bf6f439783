//! Access against estimated need: people seen ÷ estimated prevalence, over time, against a target share, with the planned trajectory.

use super::prevalence::{is_persons, Prevalence};
use super::prevalence_issue::PrevalenceIssue;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// People seen (actual) and planned per period for one area, read from a trajectory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccessSeries {
    /// What is counted (the trajectory's indicator name).
    pub indicator: String,
    /// The area the counts are for.
    pub area: String,
    /// Periods in time order: (label, people seen, people planned, note).
    pub periods: Vec<(String, Option<f64>, Option<f64>, String)>,
}

/// The estimated need access is measured against, and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Need {
    /// Estimated number of people in need.
    pub people: f64,
    /// How it was found, in words.
    pub basis: String,
}

/// One period of access.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessPoint {
    /// Period label.
    pub period: String,
    /// People seen, when reported.
    pub seen: Option<f64>,
    /// People planned (trajectory), when given.
    pub planned: Option<f64>,
    /// People seen ÷ need, as a share (0.358 for 35.8%).
    pub access_share: Option<f64>,
    /// People planned ÷ need, as a share.
    pub planned_share: Option<f64>,
    /// People to see to reach the target share (target × need, rounded up).
    pub target_people: Option<f64>,
    /// More people needed to reach the target: target people − seen (or planned when nothing was seen); negative when above it.
    pub gap_to_target: Option<f64>,
    /// The row's note as written.
    pub note: String,
}

/// Access over time for one area against its estimated need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Access {
    /// What is counted.
    pub indicator: String,
    /// Area.
    pub area: String,
    /// The need measured against.
    pub need: Need,
    /// Target share (0.34 for 34%), when one was given.
    pub target: Option<f64>,
    /// Periods in time order.
    pub points: Vec<AccessPoint>,
    /// Problems and assumptions.
    pub issues: Vec<PrevalenceIssue>,
}

/// The first planned trajectory loaded (the indicator with planned values) with its actuals, for `area` if named.
pub fn access_series(dataset: &Dataset, area: Option<&str>) -> Option<AccessSeries> {
    let wanted = |a: u32| {
        let known = &dataset.areas[a as usize];
        area.is_none_or(|name| known.name.eq_ignore_ascii_case(name.trim()) || known.code.eq_ignore_ascii_case(name.trim()))
    };
    let first = dataset.plans.iter().find(|p| wanted(p.area))?;
    let (indicator, area_id) = (first.indicator, first.area);
    let mut periods: Vec<u32> = dataset.plans.iter().filter(|p| p.indicator == indicator && p.area == area_id).map(|p| p.period).collect();
    let actuals: Vec<_> = dataset.rows().filter(|o| o.indicator == indicator && o.area == area_id && o.value.is_finite()).collect();
    periods.extend(actuals.iter().map(|o| o.period));
    periods.sort_by(|a, b| dataset.periods[*a as usize].cmp(&dataset.periods[*b as usize]));
    periods.dedup();
    let rows = periods
        .into_iter()
        .map(|period| {
            let seen = actuals.iter().find(|o| o.period == period);
            let plan = dataset.plans.iter().find(|p| p.indicator == indicator && p.area == area_id && p.period == period);
            let note = seen.map(|o| o.note).or(plan.map(|p| p.note)).map(|n| dataset.text(n).to_owned()).unwrap_or_default();
            (dataset.periods[period as usize].label.clone(), seen.map(|o| o.value), plan.map(|p| p.value), note)
        })
        .collect();
    let known = &dataset.areas[area_id as usize];
    Some(AccessSeries {
        indicator: dataset.indicators[indicator as usize].name.clone(),
        area: if known.name.is_empty() { known.code.clone() } else { known.name.clone() },
        periods: rows,
    })
}

/// The need of `area` from prevalence estimates: its all-band total of the "any disorder" row
/// (or `disorder` when named); when the area was not estimated, the sum over every estimated area.
pub fn need_from_prevalence(prevalence: &Prevalence, area: &str, disorder: Option<&str>) -> Result<(Need, Vec<PrevalenceIssue>), String> {
    let disorder = match disorder {
        Some(name) => prevalence.disorders.iter().find(|d| d.eq_ignore_ascii_case(name.trim())).ok_or_else(|| format!("no rates for disorder `{name}`"))?,
        None => prevalence
            .disorders
            .iter()
            .find(|d| d.to_lowercase().starts_with("any"))
            .ok_or("no `any disorder` rate to measure need by: name the disorder, or give the need")?,
    };
    let all_bands = prevalence.bands.len() > 1;
    let rows_of = |name: &str| {
        prevalence
            .estimates
            .iter()
            .filter(|e| e.area.eq_ignore_ascii_case(name) && &e.disorder == disorder && is_persons(&e.sex) && e.total == all_bands)
            .collect::<Vec<_>>()
    };
    let band = rows_of(prevalence.areas.first().map(String::as_str).unwrap_or("")).first().map(|e| e.age_band.clone()).unwrap_or_default();
    let mut issues = Vec::new();
    let (people, whose) = match rows_of(area).first() {
        Some(row) => (row.estimate, area.to_owned()),
        None => {
            let rows: Vec<_> = prevalence.areas.iter().flat_map(|a| rows_of(a)).collect();
            if rows.is_empty() {
                return Err(format!("no estimate of {disorder} to measure the need of {area} by"));
            }
            let names = prevalence.areas.join(" + ");
            issues.push(PrevalenceIssue::warning(format!("{area} has no population of its own: its need is the sum over every estimated area ({names})")));
            (rows.iter().map(|e| e.estimate).sum(), names)
        }
    };
    let basis = format!("estimated {} ({}) in {whose}", disorder.to_lowercase(), band.trim_start_matches("All ages "));
    Ok((Need { people, basis }, issues))
}

/// Access per period: seen and planned ÷ need, against the target share when given.
pub fn access(series: &AccessSeries, need: Need, target: Option<f64>) -> Access {
    let mut issues = Vec::new();
    let usable = need.people.is_finite() && need.people > 0.0;
    if !usable {
        issues.push(PrevalenceIssue::error(format!("estimated need {} is not a positive number: no access shares", need.people)));
    }
    let target = target.filter(|t| {
        let ok = t.is_finite() && *t > 0.0 && *t <= 1.0;
        if !ok {
            issues.push(PrevalenceIssue::error(format!("target share {t} is not between 0 and 1 (34% is 0.34)")));
        }
        ok
    });
    let share = |people: Option<f64>| people.filter(|_| usable).map(|p| p / need.people);
    let points = series
        .periods
        .iter()
        .map(|(period, seen, planned, note)| {
            let target_people = target.filter(|_| usable).map(|t| (t * need.people).ceil());
            let measured = seen.or(*planned);
            AccessPoint {
                period: period.clone(),
                seen: *seen,
                planned: *planned,
                access_share: share(*seen),
                planned_share: share(*planned),
                target_people,
                gap_to_target: target_people.zip(measured).map(|(t, m)| t - m),
                note: note.clone(),
            }
        })
        .collect();
    Access { indicator: series.indicator.clone(), area: series.area.clone(), need, target, points, issues }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_gap() {
        let series = AccessSeries {
            indicator: "seen".into(),
            area: "CCG".into(),
            periods: vec![("2018/19".into(), Some(7005.0), None, String::new()), ("2019/20".into(), None, Some(6612.0), String::new())],
        };
        let result = access(&series, Need { people: 19561.0, basis: "given".into() }, Some(0.34));
        assert!((result.points[0].access_share.unwrap() - 0.3581).abs() < 5e-5);
        assert_eq!(result.points[0].target_people, Some(6651.0));
        assert_eq!(result.points[0].gap_to_target, Some(6651.0 - 7005.0));
        assert_eq!(result.points[1].gap_to_target, Some(6651.0 - 6612.0));
        assert!(access(&series, Need { people: 0.0, basis: String::new() }, Some(34.0)).issues.len() == 2);
    }
}
