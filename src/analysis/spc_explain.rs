//! Why an SPC label was given: the rule and the numbers behind each point's variation, the variation icon,
//! the assurance icon, and the sustained shift where a rebase could be suggested (never applied).

use super::number_text::format_number;
use super::spc::{Assurance, Improvement, SpcResult, Variation};
use crate::stats::{SpcRules, SpecialCauseRule, XmrLimits};
use serde::{Deserialize, Serialize};

/// A place where the process seems to have changed: the start of a sustained shift, offered for a person to confirm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RebaseSuggestion {
    /// Index of the first point of the shift.
    pub index: usize,
    /// Period label of that point.
    pub period: String,
    /// Why, in words, and what to do.
    pub reason: String,
}

/// "Special cause (concern)" and the like, for a variation.
pub fn variation_heading(variation: Variation) -> &'static str {
    match variation {
        Variation::CommonCause => "Common cause",
        Variation::SpecialCauseImproving => "Special cause (improvement)",
        Variation::SpecialCauseConcerning => "Special cause (concern)",
        Variation::SpecialCauseNeutral => "Special cause (neutral)",
    }
}

/// The first and last index of the maximal run around `at` of points in the same group where `holds(i)`.
fn run_around(result: &SpcResult, at: usize, holds: &dyn Fn(usize) -> bool) -> (usize, usize) {
    let group = result.points[at].group;
    let same = |i: usize| result.points[i].group == group && holds(i);
    let mut start = at;
    while start > 0 && same(start - 1) {
        start -= 1;
    }
    let mut end = at;
    while end + 1 < result.points.len() && same(end + 1) {
        end += 1;
    }
    (start, end)
}

fn span(label: &dyn Fn(usize) -> String, start: usize, end: usize) -> String {
    if start == end {
        label(start)
    } else {
        format!("{} – {}", label(start), label(end))
    }
}

/// Why point `at` has its variation: the rule, its numbers and the run's periods, e.g.
/// "Special cause (concern): 9 points below the mean 20.1 (rule: 7 or more), Jul 2024 – Mar 2025".
pub fn point_reason(result: &SpcResult, at: usize, rules: &SpcRules, label: &dyn Fn(usize) -> String) -> String {
    let Some(point) = result.points.get(at) else { return String::new() };
    let heading = variation_heading(point.variation);
    let limits = &point.limits;
    let value = |i: usize| result.points[i].value;
    let v = format_number(point.value);
    match point.rule {
        None => format!("{heading}: {v} is within the limits {}–{} and no run rule fired", format_number(limits.lower), format_number(limits.upper)),
        Some(SpecialCauseRule::AboveUpperLimit) => format!(
            "{heading}: {v} is above the upper limit {} (mean {} + 2.66 × mean moving range {})",
            format_number(limits.upper),
            format_number(limits.mean),
            format_number(limits.mean_moving_range)
        ),
        Some(SpecialCauseRule::BelowLowerLimit) => format!(
            "{heading}: {v} is below the lower limit {} (mean {} − 2.66 × mean moving range {})",
            format_number(limits.lower),
            format_number(limits.mean),
            format_number(limits.mean_moving_range)
        ),
        Some(rule @ (SpecialCauseRule::TrendIncreasing | SpecialCauseRule::TrendDecreasing)) => {
            let rising = rule == SpecialCauseRule::TrendIncreasing;
            // A point belongs to the run if it moved the right way from the one before, or the next moved on from it.
            let step = |i: usize| {
                i > 0
                    && i < result.points.len()
                    && result.points[i - 1].group == result.points[i].group
                    && if rising { value(i) > value(i - 1) } else { value(i) < value(i - 1) }
            };
            // The flagged point is either reached by a step or is the run's first point.
            let anchor = if step(at) { at } else { at + 1 };
            let (start, end) = if step(anchor) {
                let (first_step, end) = run_around(result, anchor, &step);
                (first_step - 1, end)
            } else {
                (at, at)
            };
            let word = if rising { "each higher" } else { "each lower" };
            format!(
                "{heading}: {} points in a row {word} than the one before (rule: {} or more), {}",
                end - start + 1,
                rules.trend_length,
                span(label, start, end)
            )
        }
        Some(rule @ (SpecialCauseRule::TwoInThreeAbove | SpecialCauseRule::TwoInThreeBelow)) => {
            let (side, near) = if rule == SpecialCauseRule::TwoInThreeAbove { ("upper", limits.upper_near) } else { ("lower", limits.lower_near) };
            let (start, end) = run_around(result, at, &|i| result.points[i].rule == Some(rule));
            format!("{heading}: 2 of 3 points beyond the {side} 2σ limit {} on one side of the mean, {}", format_number(near), span(label, start, end))
        }
        Some(rule @ (SpecialCauseRule::ShiftAbove | SpecialCauseRule::ShiftBelow)) => {
            let above = rule == SpecialCauseRule::ShiftAbove;
            let (start, end) = run_around(result, at, &|i| if above { value(i) > limits.mean } else { value(i) < limits.mean });
            let word = if above { "above" } else { "below" };
            format!(
                "{heading}: {} points {word} the mean {} (rule: {} or more), {}",
                end - start + 1,
                format_number(limits.mean),
                rules.shift_length,
                span(label, start, end)
            )
        }
    }
}

/// Why the variation icon shows what it shows: the latest point's reason, plus a note when no improvement
/// direction is set (then every special cause is neutral).
pub fn variation_icon_reason(result: &SpcResult, rules: &SpcRules, improvement: Improvement, label: &dyn Fn(usize) -> String) -> String {
    let Some(last) = result.points.len().checked_sub(1) else { return "No points: no variation icon".into() };
    let mut reason = format!("Latest point ({}): {}", label(last), point_reason(result, last, rules, label));
    if improvement == Improvement::Neutral && result.points[last].rule.is_some() {
        reason.push_str("; no improvement direction set, so it is neither improvement nor concern");
    }
    reason
}

/// Why the assurance icon shows what it shows, with the target and the limits it was compared with.
pub fn assurance_reason(limits: &XmrLimits, target: Option<f64>, improvement: Improvement, assurance: Assurance) -> String {
    let lower = format_number(limits.lower);
    let upper = format_number(limits.upper);
    let good = match improvement {
        Improvement::Increase => "higher is better",
        Improvement::Decrease => "lower is better",
        Improvement::Neutral => "no improvement direction",
    };
    match (assurance, target.filter(|t| t.is_finite())) {
        (_, None) => "No assurance: no target set".into(),
        (Assurance::None, Some(_)) => "No assurance: the target needs an improvement direction (set the polarity)".into(),
        (Assurance::HitAndMiss, Some(t)) => format!("Hit and miss: target {} lies within the limits {lower}–{upper}", format_number(t)),
        (Assurance::Pass, Some(t)) | (Assurance::Fail, Some(t)) => {
            let (side, limit) = if t > limits.upper { ("above the upper", upper) } else { ("below the lower", lower) };
            let verdict = if assurance == Assurance::Pass { "Pass: will consistently meet it" } else { "Fail: will consistently miss it" };
            format!("{verdict}; target {} is {side} limit {limit}; {good}", format_number(t))
        }
    }
}

/// The start of the latest sustained shift (a run of at least the shift length on one side of its group's
/// mean, not at the group's own start): where a person might rebase, if they know why.
pub fn suggested_rebase(result: &SpcResult, rules: &SpcRules, label: &dyn Fn(usize) -> String) -> Option<RebaseSuggestion> {
    let points = &result.points;
    let side = |i: usize| {
        let p = &points[i];
        (p.value > p.limits.mean) as i8 - (p.value < p.limits.mean) as i8
    };
    let mut found = None;
    let mut i = 0;
    while i < points.len() {
        let s = side(i);
        let mut end = i;
        while s != 0 && end + 1 < points.len() && points[end + 1].group == points[i].group && side(end + 1) == s {
            end += 1;
        }
        let group_start = i == 0 || points[i - 1].group != points[i].group;
        if s != 0 && end - i + 1 >= rules.shift_length && !group_start {
            found = Some((i, end, s));
        }
        i = end + 1;
    }
    let (start, end, s) = found?;
    let word = if s > 0 { "above" } else { "below" };
    Some(RebaseSuggestion {
        index: start,
        period: label(start),
        reason: format!(
            "{} points in a row {word} the mean from {} to {}: the process may have changed at {}. Rebase there only if you know why, and add an annotation saying so.",
            end - start + 1,
            label(start),
            label(end),
            label(start)
        ),
    })
}
