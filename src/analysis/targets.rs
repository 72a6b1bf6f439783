//! Contract-year targets: which year a period falls in, and each period's value judged met, not met or
//! not assessable (with the reason) against that year's parsed rule.

use super::number_text::format_number;
use super::target_rules::{parse_target, Bound, TargetRule};
use crate::model::{CalendarDate, Dataset, Period, Polarity};
use serde::{Deserialize, Serialize};

/// One contract year (or other target period) of an indicator's schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct ContractYear {
    /// Label as written (`Year 1 (2017/18)`).
    pub label: String,
    /// First day.
    pub start: CalendarDate,
    /// Last day; for an open-ended year (`Year 3+`) the far future.
    pub end: CalendarDate,
    /// Target text for this year.
    pub text: String,
    /// The parsed rule.
    pub rule: TargetRule,
}

impl ContractYear {
    /// True when the period lies within the year (its start in it, and its end too unless open-ended).
    pub fn contains(&self, period: &Period) -> bool {
        period.start >= self.start && period.end <= self.end
    }

    /// Start and end as fractional years, the end capped at `open_end` for an open-ended year.
    pub fn span_years(&self, open_end: f64) -> (f64, f64) {
        let end = if self.end.year >= 9999 { open_end } else { self.end.as_fractional_year() + 1.0 / 365.25 };
        (self.start.as_fractional_year(), end)
    }
}

/// The target periods that apply to `indicator` in `area` (area-specific ones win), oldest first.
/// A label with `+` (`Year 3+ (2019/20)`) runs on with no end.
pub fn contract_years(dataset: &Dataset, indicator: u32, area: u32) -> Vec<ContractYear> {
    let mut chosen: Vec<&crate::model::TargetText> = Vec::new();
    for target in dataset.targets.iter().filter(|t| t.indicator == indicator && (t.area.is_none() || t.area == Some(area))) {
        match chosen.iter().position(|c| c.period == target.period) {
            Some(i) if target.area.is_some() => chosen[i] = target,
            Some(_) => {}
            None => chosen.push(target),
        }
    }
    let mut years: Vec<ContractYear> = chosen
        .into_iter()
        .filter_map(|t| {
            let period = dataset.periods.get(t.period as usize)?;
            if period.kind == crate::model::PeriodKind::Unknown {
                return None;
            }
            let open = period.label.split('(').next().is_some_and(|head| head.contains('+'));
            Some(ContractYear {
                label: period.label.clone(),
                start: period.start,
                end: if open { CalendarDate::new(9999, 12, 31) } else { period.end },
                text: t.text.clone(),
                rule: parse_target(&t.text),
            })
        })
        .collect();
    years.sort_by_key(|y| y.start);
    years
}

/// Whether a period met its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// The value meets the rule.
    Met,
    /// The value misses the rule.
    NotMet,
    /// No judgement possible (no value, no numeric target, no England value, polarity unknown …).
    NotAssessable,
}

impl TargetStatus {
    /// The status in words.
    pub fn text(self) -> &'static str {
        match self {
            TargetStatus::Met => "met",
            TargetStatus::NotMet => "not met",
            TargetStatus::NotAssessable => "not assessable",
        }
    }
}

/// One period judged against its contract year's target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetEvaluation {
    /// Period label.
    pub period: String,
    /// Period index.
    pub period_id: u32,
    /// The value (NaN when absent).
    pub value: f64,
    /// Contract year the period falls in, if any.
    pub contract_year: Option<String>,
    /// Target text as written.
    pub target_text: String,
    /// The parsed rule.
    pub rule: TargetRule,
    /// The number the value was compared with, when there was one.
    pub threshold: Option<f64>,
    /// Met, not met or not assessable.
    pub status: TargetStatus,
    /// Why, with the numbers.
    pub reason: String,
}

fn passes(value: f64, bound: Bound, threshold: f64, polarity: Polarity) -> (bool, &'static str) {
    match bound {
        Bound::Above => (value > threshold, ">"),
        Bound::AtLeast => (value >= threshold, "≥"),
        Bound::Below => (value < threshold, "<"),
        Bound::AtMost => (value <= threshold, "≤"),
        Bound::Reach if polarity == Polarity::LowIsGood => (value <= threshold, "≤"),
        Bound::Reach => (value >= threshold, "≥"),
    }
}

/// England's value for the same indicator, period and breakdown as `row`.
fn england_value(dataset: &Dataset, row: usize) -> Option<f64> {
    let o = dataset.row(row);
    let england = dataset.areas.iter().position(|a| a.is_england())? as u32;
    dataset
        .rows()
        .find(|e| e.area == england && e.indicator == o.indicator && e.period == o.period && e.sex == o.sex && e.age == o.age && e.category == o.category)
        .map(|e| e.value)
        .filter(|v| v.is_finite())
}

/// Judges each row of a series (oldest first) against its contract year's target.
pub fn evaluate_targets(dataset: &Dataset, rows: &[usize], polarity: Polarity) -> Vec<TargetEvaluation> {
    let Some(&first) = rows.first() else { return Vec::new() };
    let (indicator, area) = (dataset.row(first).indicator, dataset.row(first).area);
    let years = contract_years(dataset, indicator, area);
    let period_of = |r: usize| &dataset.periods[dataset.row(r).period as usize];
    rows.iter()
        .map(|&row| {
            let o = dataset.row(row);
            let period = period_of(row);
            let year = years.iter().find(|y| y.contains(period));
            let mut evaluation = TargetEvaluation {
                period: period.label.clone(),
                period_id: o.period,
                value: o.value,
                contract_year: year.map(|y| y.label.clone()),
                target_text: year.map(|y| y.text.clone()).unwrap_or_default(),
                rule: year.map(|y| y.rule.clone()).unwrap_or(TargetRule::NoNumericTarget),
                threshold: None,
                status: TargetStatus::NotAssessable,
                reason: String::new(),
            };
            let Some(year) = year else {
                evaluation.reason = "no target for this period (outside every contract year)".into();
                return evaluation;
            };
            if !o.value.is_finite() {
                evaluation.reason = "no value (missing or suppressed)".into();
                return evaluation;
            }
            let judged = |threshold: f64, bound: Bound, what: String| {
                let (ok, symbol) = passes(o.value, bound, threshold, polarity);
                let status = if ok { TargetStatus::Met } else { TargetStatus::NotMet };
                let relation = if ok { symbol.to_owned() } else { format!("is not {symbol}") };
                let reason = format!("{} {relation} {} {what}", format_number(o.value), format_number(threshold));
                (Some(threshold), status, reason)
            };
            let outcome: Result<(Option<f64>, TargetStatus, String), String> = match &year.rule {
                TargetRule::Fixed { bound, value } => Ok(judged(*value, *bound, format!("(target {})", year.text))),
                TargetRule::NationalAverage { bound, .. } => match england_value(dataset, row) {
                    Some(england) => Ok(judged(england, *bound, "(England's value this period)".into())),
                    None => Err("no England value loaded for this period".into()),
                },
                TargetRule::NationalAverageOrIncrease { increase_percent } => {
                    let baseline = rows
                        .iter()
                        .copied()
                        .filter(|&r| period_of(r).end < year.start)
                        .filter(|&r| dataset.row(r).value.is_finite())
                        .max_by(|&a, &b| period_of(a).cmp(period_of(b)));
                    match (england_value(dataset, row), baseline) {
                        (Some(england), Some(b)) => {
                            let raised = dataset.row(b).value * (1.0 + increase_percent / 100.0);
                            let threshold = england.max(raised);
                            let what = format!(
                                "(greater of England {} and baseline {} ({}) + {}% = {})",
                                format_number(england),
                                format_number(dataset.row(b).value),
                                period_of(b).label,
                                format_number(*increase_percent),
                                format_number(raised)
                            );
                            Ok(judged(threshold, Bound::Above, what))
                        }
                        (None, _) => Err("no England value loaded for this period".into()),
                        (_, None) => Err("no baseline value before the contract year".into()),
                    }
                }
                TargetRule::ImprovementOnPreviousYear { .. } => {
                    let a_year_before = CalendarDate::new(period.start.year - 1, period.start.month, period.start.day);
                    let previous =
                        rows.iter().copied().find(|&r| period_of(r).start == a_year_before && period_of(r).length_months() == period.length_months());
                    match (previous.map(|r| (r, dataset.row(r).value)).filter(|(_, v)| v.is_finite()), polarity) {
                        (None, _) => Err("no value for the same period a year earlier".into()),
                        (Some(_), Polarity::NoJudgement | Polarity::Unknown) => Err("polarity needed to say what improvement is".into()),
                        (Some((r, before)), _) => {
                            let bound = if polarity == Polarity::LowIsGood { Bound::Below } else { Bound::Above };
                            Ok(judged(before, bound, format!("({}'s value)", period_of(r).label)))
                        }
                    }
                }
                TargetRule::CompleteWithExceptions => {
                    let met = o.value >= 100.0 - 1e-9;
                    let reason = if met {
                        format!("{} = 100%", format_number(o.value))
                    } else {
                        format!("{} is below 100%: shortfalls need exception reports", format_number(o.value))
                    };
                    Ok((Some(100.0), if met { TargetStatus::Met } else { TargetStatus::NotMet }, reason))
                }
                TargetRule::NoNumericTarget => Err(format!("no numeric target (`{}`)", year.text)),
                TargetRule::Unrecognised => Err(format!("target text not recognised (`{}`)", year.text)),
            };
            match outcome {
                Ok((threshold, status, reason)) => {
                    evaluation.threshold = threshold;
                    evaluation.status = status;
                    evaluation.reason = reason;
                }
                Err(reason) => evaluation.reason = reason,
            }
            evaluation
        })
        .collect()
}
