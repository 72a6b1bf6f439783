//! The access view model: people seen ÷ estimated need per period, against the target share, with the planned trajectory.

use super::table::ViewTable;
use crate::analysis::access::{access, access_series, need_from_prevalence, AccessPoint, Need};
use crate::analysis::age_band::AgeBand;
use crate::analysis::prevalence::estimate_prevalence;
use crate::analysis::prevalence_inputs::prevalence_inputs;
use crate::analysis::prevalence_issue::PrevalenceIssue;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// Everything the access chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessView {
    /// What is counted (people seen).
    pub indicator: String,
    /// Area.
    pub area: String,
    /// Estimated need and where it came from.
    pub need: Need,
    /// Target share (0.34), when given.
    pub target: Option<f64>,
    /// Periods in time order.
    pub points: Vec<AccessPoint>,
    /// Errors and warnings met.
    pub issues: Vec<PrevalenceIssue>,
}

/// Columns of the access table (and of the CLI's access section), in order.
pub const ACCESS_HEADER: [&str; 10] =
    ["area", "period", "seen", "planned", "need", "access_percent", "planned_access_percent", "target_percent", "target_people", "gap_to_target"];

fn number(value: Option<f64>, decimals: usize) -> String {
    value.filter(|v| v.is_finite()).map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

/// Builds the access view: the first planned trajectory loaded (for `area` when named) against the
/// `need` given, else the need estimated from the loaded rates and populations in the output `bands`.
pub fn access_view(dataset: &Dataset, bands: &[AgeBand], area: Option<&str>, need: Option<f64>, target: Option<f64>) -> Result<AccessView, String> {
    let series = access_series(dataset, area).ok_or("no planned trajectory loaded: access needs people seen by period with a planned column")?;
    let (need, mut issues) = match need {
        Some(people) => (Need { people, basis: "given".into() }, Vec::new()),
        None => {
            let inputs = prevalence_inputs(dataset);
            let prevalence = estimate_prevalence(&inputs.rates, &inputs.populations, bands);
            let mut issues: Vec<PrevalenceIssue> = prevalence.issues.iter().filter(|i| i.is_error()).cloned().collect();
            let (need, notes) = need_from_prevalence(&prevalence, &series.area, None)?;
            issues.extend(notes);
            (need, issues)
        }
    };
    let result = access(&series, need, target);
    issues.extend(result.issues);
    if target.is_none() {
        issues.push(PrevalenceIssue::warning("no target share given: access is shown without a target line"));
    }
    Ok(AccessView { indicator: result.indicator, area: result.area, need: result.need, target: result.target, points: result.points, issues })
}

impl AccessView {
    /// The view as a table: one row per period (the CLI's access section has the same columns).
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&ACCESS_HEADER);
        for p in &self.points {
            table.rows.push(vec![
                self.area.clone(),
                p.period.clone(),
                number(p.seen, 0),
                number(p.planned, 0),
                number(Some(self.need.people), 0),
                number(p.access_share.map(|s| s * 100.0), 2),
                number(p.planned_share.map(|s| s * 100.0), 2),
                number(self.target.map(|t| t * 100.0), 2),
                number(p.target_people, 0),
                number(p.gap_to_target, 0),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for AccessView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        let target = self.target.map(|t| format!(" against a target of {}%", crate::analysis::number_text::format_number(t * 100.0))).unwrap_or_default();
        format!(
            "{}: people seen as a share of the estimated need ({:.0}, {}) by period{target}, with the planned trajectory.",
            self.area, self.need.people, self.need.basis
        )
    }
}
