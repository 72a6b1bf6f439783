//! The facts of one KPI (one indicator × area series at one period), composed from the existing analyses:
//! benchmark comparison, recent trend, direction of travel, target status and the SPC icons, each with its why.

use super::direction::{direction_of_travel, Direction, DirectionRule, ValueWithInterval};
use super::polarity::polarity_text;
use super::recent_trend::{recent_trend, RecentTrend, TrendMethod};
use super::series::{comparator_row, latest_valued};
use super::spc::{improvement_for, spc, Assurance, Improvement, SpcOptions, SpcRules, Variation};
use super::spc_explain::{assurance_reason, variation_icon_reason};
use super::targets::{evaluate_targets, TargetStatus};
use super::{Benchmarker, Comparison, NotComparedReason};
use crate::model::{Dataset, PeriodKind, Polarity};
use serde::{Deserialize, Serialize};

/// Why each label of a KPI was given: the rule and numbers (never empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KpiWhy {
    /// Comparison with the benchmark.
    pub comparison: String,
    /// Recent trend.
    pub recent_trend: String,
    /// Direction of travel.
    pub direction: String,
    /// Target status.
    pub target_status: String,
    /// SPC variation icon.
    pub variation: String,
    /// SPC assurance icon.
    pub assurance: String,
}

/// The user's choices the KPI analyses read (from the view spec).
#[derive(Clone, Copy, Debug)]
pub struct KpiChoices<'a> {
    /// Recent-trend test.
    pub trend_method: TrendMethod,
    /// Period label direction of travel compares with (None: the period before, of the same length).
    pub comparator_period: Option<&'a str>,
    /// The direction-of-travel rule.
    pub direction: &'a DirectionRule,
    /// SPC target given for this indicator alone (None: each period's own target).
    pub spc_target: Option<f64>,
    /// SPC improvement direction given for this indicator alone (None: from the polarity).
    pub improvement: Option<Improvement>,
    /// Screen moving ranges ≥ 3.267 × their mean out of the SPC limits.
    pub screen_outliers: bool,
    /// SPC special-cause rules.
    pub spc_rules: SpcRules,
}

/// What the analyses say about one series at one period.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiFacts {
    /// The period shown (the one asked for, else the series' latest with a value).
    pub period: String,
    /// The series' row at that period, when it has one.
    pub row: Option<usize>,
    /// Comparison with the benchmark.
    pub comparison: Comparison,
    /// Recent trend of the series up to the period.
    pub recent_trend: RecentTrend,
    /// Direction of travel since the comparator period.
    pub direction: Direction,
    /// The comparator period, when there is one.
    pub comparator_period: Option<String>,
    /// Target text of the period's contract year, else empty.
    pub target: String,
    /// Target status, None when there is no target for the period.
    pub target_status: Option<TargetStatus>,
    /// SPC variation icon (monthly and quarterly series only).
    pub variation: Option<Variation>,
    /// SPC assurance icon (monthly and quarterly series only).
    pub assurance: Option<Assurance>,
    /// +1 when the latest special cause is high, −1 low, 0 otherwise.
    pub variation_side: i8,
    /// Why each label was given.
    pub why: KpiWhy,
    /// Trial-limit and other warnings.
    pub warnings: Vec<String>,
}

impl KpiFacts {
    /// Facts of a series with no row at `period`: every label blank, each why saying so.
    fn missing(period: String) -> KpiFacts {
        let missing = format!("no row for {period} in this series");
        let why = KpiWhy {
            comparison: format!("Not compared: {missing}"),
            recent_trend: format!("Cannot be calculated: {missing}"),
            direction: format!("No comparator: {missing}"),
            target_status: format!("No target status: {missing}"),
            variation: format!("Not shown: {missing}"),
            assurance: format!("Not shown: {missing}"),
        };
        KpiFacts {
            period,
            row: None,
            comparison: Comparison::NotCompared(NotComparedReason::NoValue),
            recent_trend: RecentTrend::CannotBeCalculated,
            direction: Direction::NoComparator,
            comparator_period: None,
            target: String::new(),
            target_status: None,
            variation: None,
            assurance: None,
            variation_side: 0,
            why,
            warnings: Vec::new(),
        }
    }
}

/// The facts of `series` (one indicator × area, rows in time order) at `period` (None: its latest with a value).
pub fn kpi_facts(dataset: &Dataset, benchmarker: &Benchmarker, series: &[usize], period: Option<&str>, choices: &KpiChoices<'_>) -> KpiFacts {
    let label = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
    let at = match period {
        Some(p) => series.iter().copied().find(|&r| label(r) == p),
        None => latest_valued(dataset, series).or(series.last().copied()),
    };
    let period_label = at.map(label).or(period.map(str::to_owned)).unwrap_or_default();
    let Some(at) = at else { return KpiFacts::missing(period_label) };
    let o = dataset.row(at);
    let polarity = benchmarker.polarity_of(o.indicator);
    let polarity_words = polarity_text(polarity);
    let mut facts = KpiFacts { row: Some(at), why: KpiWhy::default(), ..KpiFacts::missing(period_label.clone()) };
    // Comparison with the benchmark.
    let outcome = benchmarker.outcome(at);
    facts.comparison = outcome.comparison;
    facts.why.comparison = match outcome.comparison {
        Comparison::NotCompared(_) => outcome.explanation,
        c => format!("{}: {}", c.label(), outcome.explanation),
    };
    // Recent trend on the series up to the period shown.
    let upto: Vec<usize> =
        series.iter().copied().take_while(|&r| dataset.periods[dataset.row(r).period as usize] <= dataset.periods[o.period as usize]).collect();
    let trend = recent_trend(dataset, &upto, polarity, choices.trend_method);
    facts.recent_trend = trend.trend;
    facts.why.recent_trend = format!("{}: {}", trend.trend.label(), trend.reason);
    // Direction of travel.
    let as_value = |r: usize| {
        let x = dataset.row(r);
        ValueWithInterval { value: x.value, lower95: x.lower95, upper95: x.upper95 }
    };
    let comparator = comparator_row(dataset, series, at, choices.comparator_period);
    let (direction, direction_reason) = direction_of_travel(as_value(at), comparator.map(as_value), polarity, choices.direction);
    facts.direction = direction;
    facts.comparator_period = comparator.map(label);
    facts.why.direction = match (direction, comparator) {
        (Direction::NoComparator, Some(c)) => format!("No comparator: {direction_reason} ({})", label(c)),
        (Direction::NoComparator, None) => format!("No comparator: no earlier period of the same length before {period_label}"),
        (d, Some(c)) => format!("{} since {}: {direction_reason}; {polarity_words}", capitalise(d.text()), label(c)),
        (d, None) => format!("{}: {direction_reason}", capitalise(d.text())),
    };
    // Target status.
    let evaluation = evaluate_targets(dataset, series, polarity).into_iter().find(|e| e.period == period_label);
    let threshold = evaluation.as_ref().and_then(|e| e.threshold);
    match evaluation.filter(|e| e.contract_year.is_some()) {
        Some(e) => {
            facts.target = e.target_text.clone();
            facts.target_status = Some(e.status);
            facts.why.target_status = format!("{}: {}", capitalise(e.status.text()), e.reason);
        }
        None => facts.why.target_status = format!("No target: none loaded for {period_label}"),
    }
    // SPC icons for monthly and quarterly series.
    let kind = dataset.periods[o.period as usize].kind;
    if matches!(kind, PeriodKind::Month | PeriodKind::Quarter) {
        spc_icons(dataset, &upto, polarity, choices.spc_target.or(threshold), choices, &mut facts);
    } else {
        let reason = format!("Not shown: SPC icons are for monthly or quarterly series; this one is {}", kind_text(kind));
        facts.why.variation = reason.clone();
        facts.why.assurance = reason;
    }
    facts
}

/// The variation and assurance icons of the series up to the period shown, with their whys.
fn spc_icons(dataset: &Dataset, upto: &[usize], polarity: Polarity, target: Option<f64>, choices: &KpiChoices<'_>, facts: &mut KpiFacts) {
    let valued: Vec<usize> = upto.iter().copied().filter(|&r| dataset.row(r).value.is_finite()).collect();
    let values: Vec<f64> = valued.iter().map(|&r| dataset.row(r).value).collect();
    let improvement = choices.improvement.unwrap_or_else(|| improvement_for(polarity));
    let options = SpcOptions { improvement, target, screen_outliers: choices.screen_outliers, rules: choices.spc_rules, ..SpcOptions::default() };
    let why = &mut facts.why;
    match spc(&values, &options) {
        Ok(result) => {
            let label = |i: usize| valued.get(i).map(|&r| dataset.periods[dataset.row(r).period as usize].label.clone()).unwrap_or_default();
            facts.variation = Some(result.variation_icon);
            facts.assurance = Some(result.assurance);
            facts.variation_side = result.points.last().and_then(|p| p.rule).map(|r| r.side()).unwrap_or(0);
            why.variation = variation_icon_reason(&result, &choices.spc_rules, improvement, &label);
            if let Some(last) = result.points.last() {
                why.assurance = assurance_reason(&last.limits, target, improvement, result.assurance);
            }
            if !result.warnings.is_empty() {
                why.variation.push_str(&format!(" (warning: {})", result.warnings.join("; ")));
            }
            facts.warnings = result.warnings;
        }
        Err(e) => {
            why.variation = format!("Not shown: SPC could not be computed ({e}; {} points with values)", values.len());
            why.assurance = why.variation.clone();
        }
    }
}

/// A period kind in words, for the reason SPC icons are not shown.
fn kind_text(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::CalendarYear => "calendar years",
        PeriodKind::FinancialYear => "financial years",
        PeriodKind::MultiYear => "multi-year periods",
        PeriodKind::Quarter => "quarterly",
        PeriodKind::Month => "monthly",
        PeriodKind::Date => "dated snapshots",
        PeriodKind::Unknown => "of unknown periods",
    }
}

/// The text with its first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::BenchmarkOptions;
    use crate::model::{Area, AreaKind, CalendarDate, Indicator, Observation, Period};

    /// One area's series of `values` (monthly from April 2018, or calendar years from 2010), low is good.
    fn series(values: &[f64], monthly: bool) -> (Dataset, Vec<usize>) {
        let mut ds = Dataset::new();
        let mut indicator = Indicator::new("w1", "Waiting list");
        indicator.polarity = Polarity::LowIsGood;
        let indicator = ds.indicator_id(indicator);
        let area = ds.area_id(Area {
            code: String::new(),
            name: "Derby".into(),
            kind: AreaKind::Other,
            area_type: String::new(),
            parent_code: String::new(),
            parent_name: String::new(),
        });
        let file = ds.strings.intern("kpi.csv");
        for (i, &value) in values.iter().enumerate() {
            let period = if monthly {
                let (year, month) = (2018 + (i as i32 + 3) / 12, ((i + 3) % 12 + 1) as u8);
                Period {
                    label: format!("{year}-{month:02}"),
                    start: CalendarDate::new(year, month, 1),
                    end: CalendarDate::new(year, month, 28),
                    kind: PeriodKind::Month,
                }
            } else {
                let year = 2010 + i as i32;
                Period { label: year.to_string(), start: CalendarDate::new(year, 1, 1), end: CalendarDate::new(year, 12, 31), kind: PeriodKind::CalendarYear }
            };
            let period = ds.period_id(period);
            ds.push(Observation { value, ..Observation::blank(indicator, area, period, file, i as u32 + 2) });
        }
        let rows = (0..values.len()).collect();
        (ds, rows)
    }

    fn choices(rule: &DirectionRule) -> KpiChoices<'_> {
        KpiChoices {
            trend_method: TrendMethod::default(),
            comparator_period: None,
            direction: rule,
            spc_target: None,
            improvement: None,
            screen_outliers: true,
            spc_rules: SpcRules::default(),
        }
    }

    #[test]
    fn a_period_the_series_lacks_is_blank_with_every_why_saying_so() {
        let (ds, rows) = series(&[10.0, 12.0, 11.0], false);
        let benchmarker = Benchmarker::new(&ds, BenchmarkOptions::default());
        let rule = DirectionRule::default();
        let facts = kpi_facts(&ds, &benchmarker, &rows, Some("1999"), &choices(&rule));
        assert_eq!((facts.row, facts.period.as_str()), (None, "1999"));
        assert_eq!(facts.comparison, Comparison::NotCompared(NotComparedReason::NoValue));
        assert_eq!((facts.recent_trend, facts.direction, facts.variation), (RecentTrend::CannotBeCalculated, Direction::NoComparator, None));
        let why = &facts.why;
        for text in [&why.comparison, &why.recent_trend, &why.direction, &why.target_status, &why.variation, &why.assurance] {
            assert!(text.ends_with("no row for 1999 in this series"), "{text}");
        }
    }

    #[test]
    fn yearly_series_get_the_latest_period_a_direction_and_no_spc_icons() {
        let (ds, rows) = series(&[10.0, 12.0, 11.0, 9.0], false);
        let benchmarker = Benchmarker::new(&ds, BenchmarkOptions::default());
        let rule = DirectionRule::default();
        let facts = kpi_facts(&ds, &benchmarker, &rows, None, &choices(&rule));
        assert_eq!((facts.row, facts.period.as_str(), facts.comparator_period.as_deref()), (Some(3), "2013", Some("2012")));
        assert_ne!(facts.direction, Direction::NoComparator, "{}", facts.why.direction);
        assert!(facts.why.direction.contains("since 2012") && facts.why.direction.ends_with("low is good"), "{}", facts.why.direction);
        assert_eq!(facts.why.target_status, "No target: none loaded for 2013");
        assert_eq!(facts.why.variation, "Not shown: SPC icons are for monthly or quarterly series; this one is calendar years");
        assert_eq!((facts.variation, facts.assurance), (None, None));
    }

    #[test]
    fn monthly_series_get_spc_icons_by_the_given_target_and_improvement() {
        let values = [20.0, 21.0, 19.0, 20.0, 22.0, 18.0, 20.0, 21.0, 19.0, 20.0, 21.0, 20.0, 19.0, 20.0, 40.0];
        let (ds, rows) = series(&values, true);
        let benchmarker = Benchmarker::new(&ds, BenchmarkOptions::default());
        let rule = DirectionRule::default();
        let facts = kpi_facts(&ds, &benchmarker, &rows, None, &choices(&rule));
        // Low is good: the last point far above the upper limit is a concerning special cause, high side.
        assert_eq!((facts.variation, facts.variation_side), (Some(Variation::SpecialCauseConcerning), 1));
        assert_eq!(facts.assurance, Some(Assurance::None), "no target: no assurance");
        let targeted = KpiChoices { spc_target: Some(100.0), improvement: Some(Improvement::Decrease), ..choices(&rule) };
        let facts = kpi_facts(&ds, &benchmarker, &rows, None, &targeted);
        assert_eq!(facts.assurance, Some(Assurance::Pass), "{}", facts.why.assurance);
        assert!(!facts.why.variation.is_empty() && !facts.why.assurance.is_empty());
    }
}
