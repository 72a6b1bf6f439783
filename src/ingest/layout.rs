//! Layouts: which shape a table has (Fingertips, long, wide by period or area, reference, targets).

use super::cells::{self, Cell};
use super::columns::{role_of, Role};
use super::periods;
use super::table::Table;

/// The shapes of table the ingest reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Fingertips data download.
    Fingertips,
    /// One row per area × indicator × period (KPI return).
    Long,
    /// Indicator column then one column per period.
    WideByPeriod,
    /// Indicator (and period) columns then one column per area.
    WideByArea,
    /// National rates by age band and disorder (prevalence reference).
    ReferenceRates,
    /// Population by area and age band.
    Population,
    /// Population by area, one column per age band or single year of age.
    PopulationWide,
    /// KPI targets with one column per contract year.
    TargetSchedule,
    /// Actual and planned values by area and period.
    PlannedTrajectory,
}

/// Every layout, for listing and parsing names.
pub const ALL: [Layout; 9] = [
    Layout::Fingertips,
    Layout::Long,
    Layout::WideByPeriod,
    Layout::WideByArea,
    Layout::ReferenceRates,
    Layout::Population,
    Layout::PopulationWide,
    Layout::TargetSchedule,
    Layout::PlannedTrajectory,
];

impl Layout {
    /// The name the report and `LoadOptions::format` use.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Fingertips => "fingertips",
            Layout::Long => "long",
            Layout::WideByPeriod => "wide-by-period",
            Layout::WideByArea => "wide-by-area",
            Layout::ReferenceRates => "reference-rates",
            Layout::Population => "population",
            Layout::PopulationWide => "population-wide",
            Layout::TargetSchedule => "target-schedule",
            Layout::PlannedTrajectory => "planned-trajectory",
        }
    }

    /// The layout with `name` (as `name()` writes it, case and `_`/`-` ignored).
    pub fn from_name(name: &str) -> Option<Layout> {
        let wanted = name.trim().to_lowercase().replace('_', "-");
        ALL.into_iter().find(|l| l.name() == wanted)
    }
}

/// True for roles that label a row in a wide table rather than hold values.
pub fn is_label_role(role: Option<Role>) -> bool {
    matches!(role, Some(Role::IndicatorId | Role::IndicatorName | Role::Period | Role::Age | Role::Sex | Role::Category | Role::CategoryType | Role::Note))
}

/// Indexes of headers (after the first) that are period labels.
pub fn period_columns(headers: &[String]) -> Vec<usize> {
    headers.iter().enumerate().skip(1).filter(|(_, h)| role_of(h).is_none() && periods::parse(h, None).is_some()).map(|(i, _)| i).collect()
}

/// Detects the layout from the headers (and a glance at the first data rows), or says why not.
pub fn detect(table: &Table) -> Result<Layout, String> {
    let headers = table.headers();
    if super::formats::fingertips::matches(headers) {
        return Ok(Layout::Fingertips);
    }
    let roles: Vec<Option<Role>> = headers.iter().map(|h| role_of(h)).collect();
    let has = |r: Role| roles.contains(&Some(r));
    let period_cols = period_columns(headers);
    if !period_cols.is_empty() {
        let contract_years = period_cols.iter().any(|&i| headers[i].trim().to_lowercase().starts_with("year"));
        if contract_years || mostly_text(table, &period_cols) {
            return Ok(Layout::TargetSchedule);
        }
        let value_cols = headers.len() - roles.iter().filter(|r| is_label_role(**r)).count();
        if period_cols.len() * 2 >= value_cols.max(1) && !has(Role::Period) {
            return Ok(Layout::WideByPeriod);
        }
    }
    let has_area = has(Role::AreaName) || has(Role::AreaCode);
    let has_indicator = has(Role::IndicatorName) || has(Role::IndicatorId);
    if has(Role::Planned) && has(Role::Period) {
        return Ok(Layout::PlannedTrajectory);
    }
    if has(Role::Age) && has_indicator && has(Role::Value) && !has_area {
        return Ok(Layout::ReferenceRates);
    }
    if has_area && has(Role::Age) && !has_indicator && headers.iter().any(|h| h.trim().eq_ignore_ascii_case("population")) {
        return Ok(Layout::Population);
    }
    if super::formats::population_wide::matches(headers, &roles) {
        return Ok(Layout::PopulationWide);
    }
    if has_area && has_indicator && (has(Role::Value) || has(Role::Count) || has(Role::Denominator)) {
        return Ok(Layout::Long);
    }
    let label_cols = roles.iter().take_while(|r| is_label_role(**r)).count();
    if has_indicator && label_cols >= 1 && headers.len() - label_cols >= 1 && !has_area {
        return Ok(Layout::WideByArea);
    }
    if headers.len() < 2 {
        return Err("only one column found: is this a CSV (comma, semicolon or tab separated)?".into());
    }
    let shown: Vec<&str> = headers.iter().take(8).map(String::as_str).collect();
    Err(format!(
        "layout not recognised from the headers ({}{}); choose a format and map the columns in the load options",
        shown.join(", "),
        if headers.len() > 8 { ", …" } else { "" }
    ))
}

/// True when many filled cells under `cols` (first 50 rows) read as targets (`>40%`,
/// `Improvement on previous year`) rather than values.
fn mostly_text(table: &Table, cols: &[usize]) -> bool {
    let (mut targets, mut filled) = (0, 0);
    let mut rows = table.rows();
    let mut seen = 0;
    while let Some(row) = rows.next_row().filter(|_| seen < 50) {
        seen += 1;
        for &c in cols {
            let raw = row.get(c);
            match cells::parse(raw) {
                Cell::Empty => {}
                Cell::Text if looks_like_target(raw) => {
                    targets += 1;
                    filled += 1;
                }
                _ => filled += 1,
            }
        }
    }
    filled > 0 && targets * 10 >= filled * 3
}

/// A target as schedules write it: a comparison sign or the words of a rule.
fn looks_like_target(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.starts_with(['<', '>', '≥', '≤']) || ["average", "improvement", "at least", "increase", "target", "exception"].iter().any(|w| lower.contains(w))
}
