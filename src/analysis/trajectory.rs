//! Planned trajectories: actual values against a planned series, with the gap to plan.

use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// One planned period with the actual beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanComparison {
    /// Period label.
    pub period: String,
    /// Period index.
    pub period_id: u32,
    /// Planned value.
    pub planned: f64,
    /// Actual value in that period, when present.
    pub actual: Option<f64>,
    /// Actual − planned, when both exist.
    pub gap: Option<f64>,
    /// Gap as a percentage of the plan, when both exist.
    pub gap_percent: Option<f64>,
    /// The plan row's note (`includes 0-25 years`).
    pub note: String,
}

/// The plan of `indicator` for `area`, oldest period first, with actuals from the series `rows`.
pub fn plan_against_actuals(dataset: &Dataset, indicator: u32, area: u32, rows: &[usize]) -> Vec<PlanComparison> {
    let mut plans: Vec<_> = dataset.plans.iter().filter(|p| p.indicator == indicator && p.area == area).collect();
    plans.sort_by(|a, b| dataset.periods[a.period as usize].cmp(&dataset.periods[b.period as usize]));
    plans
        .into_iter()
        .map(|plan| {
            let actual = rows.iter().map(|&r| dataset.row(r)).find(|o| o.period == plan.period).map(|o| o.value).filter(|v| v.is_finite());
            let gap = actual.map(|a| a - plan.value);
            PlanComparison {
                period: dataset.periods[plan.period as usize].label.clone(),
                period_id: plan.period,
                planned: plan.value,
                actual,
                gap,
                gap_percent: gap.filter(|_| plan.value != 0.0).map(|g| 100.0 * g / plan.value),
                note: dataset.text(plan.note).to_owned(),
            }
        })
        .collect()
}
