//! The KPI summary's sort and filter settings (`ViewSpec.kpi`), and how they order and select rows.

use super::kpi_row::KpiRow;
use crate::analysis::direction::Direction;
use crate::analysis::recent_trend::RecentTrend;
use crate::analysis::spc::{Assurance, Variation};
use crate::analysis::targets::TargetStatus;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Column the KPI summary is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiSort {
    /// Indicators in load order, then areas in load order.
    #[default]
    Indicator,
    /// Area name A–Z, then indicator.
    Area,
    /// Value, lowest first.
    Value,
    /// Worst first: Worse, Lower, Similar, Higher, Better, quintiles, Not compared.
    Comparison,
    /// Worst first: getting worse, changes without judgement, no change, getting better, cannot be calculated.
    RecentTrend,
    /// Worst first: worsened, decreased, increased, stayed the same, improved, no comparator.
    Direction,
    /// Worst first: not met, not assessable, met, no target.
    TargetStatus,
    /// Worst first: concerning, neutral, improving, common cause, not shown.
    Variation,
    /// Worst first: fail, hit and miss, pass, none, not shown.
    Assurance,
}

/// Which rows to keep: each non-empty list keeps rows whose label (as shown or as its key) is in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiFilter {
    /// Comparison labels (`Worse`, `Similar`, `Not compared` …).
    pub comparison: Vec<String>,
    /// Recent-trend labels.
    pub recent_trend: Vec<String>,
    /// Directions (`worsened`, `improved` …).
    pub direction: Vec<String>,
    /// Target statuses (`not_met`, `met`, `not_assessable`, `none`).
    pub target_status: Vec<String>,
    /// Variation icons (`special_cause_concerning` …, `none` when not shown).
    pub variation: Vec<String>,
    /// Assurance icons (`fail`, `hit_and_miss`, `pass`, `none`).
    pub assurance: Vec<String>,
    /// Text the indicator or area name must contain (case ignored).
    pub text: String,
}

/// Sort and filter of the KPI summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KpiOptions {
    /// Sort column.
    pub sort: KpiSort,
    /// Reverse the order.
    pub descending: bool,
    /// Rows to keep.
    pub filter: KpiFilter,
}

fn normal(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

/// True when `wanted` is empty or holds `label` (compared ignoring case, spaces, hyphens and underscores).
fn keeps(wanted: &[String], label: &str) -> bool {
    wanted.is_empty() || wanted.iter().any(|w| normal(w) == normal(label))
}

fn key_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_else(|| "none".into())
}

impl KpiFilter {
    /// True when `row` passes every part of the filter.
    pub fn keeps(&self, row: &KpiRow) -> bool {
        let text = self.text.trim().to_lowercase();
        keeps(&self.comparison, &row.comparison)
            && keeps(&self.recent_trend, row.recent_trend.label())
            && (keeps(&self.direction, &key_of(&row.direction)) || keeps(&self.direction, row.direction.text()))
            && keeps(&self.target_status, &key_of(&row.target_status))
            && keeps(&self.variation, &key_of(&row.variation))
            && keeps(&self.assurance, &key_of(&row.assurance))
            && (text.is_empty() || row.indicator.to_lowercase().contains(&text) || row.area_name.to_lowercase().contains(&text))
    }
}

fn comparison_rank(label: &str) -> u8 {
    match label {
        "Worse" => 0,
        "Lower" => 1,
        "Similar" => 2,
        "Higher" => 3,
        "Better" => 4,
        "Not compared" => 6,
        _ => 5,
    }
}

fn trend_rank(trend: RecentTrend) -> u8 {
    use RecentTrend::*;
    match trend {
        IncreasingAndWorse | DecreasingAndWorse => 0,
        Increasing | Decreasing => 1,
        NoSignificantChange => 2,
        IncreasingAndBetter | DecreasingAndBetter => 3,
        CannotBeCalculated => 4,
    }
}

fn direction_rank(direction: Direction) -> u8 {
    match direction {
        Direction::Worsened => 0,
        Direction::Decreased => 1,
        Direction::Increased => 2,
        Direction::Stable => 3,
        Direction::Improved => 4,
        Direction::NoComparator => 5,
    }
}

fn target_rank(status: Option<TargetStatus>) -> u8 {
    match status {
        Some(TargetStatus::NotMet) => 0,
        Some(TargetStatus::NotAssessable) => 1,
        Some(TargetStatus::Met) => 2,
        None => 3,
    }
}

fn variation_rank(variation: Option<Variation>) -> u8 {
    match variation {
        Some(Variation::SpecialCauseConcerning) => 0,
        Some(Variation::SpecialCauseNeutral) => 1,
        Some(Variation::SpecialCauseImproving) => 2,
        Some(Variation::CommonCause) => 3,
        None => 4,
    }
}

fn assurance_rank(assurance: Option<Assurance>) -> u8 {
    match assurance {
        Some(Assurance::Fail) => 0,
        Some(Assurance::HitAndMiss) => 1,
        Some(Assurance::Pass) => 2,
        Some(Assurance::None) => 3,
        None => 4,
    }
}

impl KpiOptions {
    /// Orders `rows` (already in load order) by the sort column; ties keep load order; missing values last.
    pub fn sort(&self, rows: &mut [KpiRow]) {
        let order = |a: &KpiRow, b: &KpiRow| -> Ordering {
            match self.sort {
                KpiSort::Indicator => Ordering::Equal,
                KpiSort::Area => a.area_name.to_lowercase().cmp(&b.area_name.to_lowercase()),
                KpiSort::Value => match (a.value, b.value) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
                KpiSort::Comparison => comparison_rank(&a.comparison).cmp(&comparison_rank(&b.comparison)),
                KpiSort::RecentTrend => trend_rank(a.recent_trend).cmp(&trend_rank(b.recent_trend)),
                KpiSort::Direction => direction_rank(a.direction).cmp(&direction_rank(b.direction)),
                KpiSort::TargetStatus => target_rank(a.target_status).cmp(&target_rank(b.target_status)),
                KpiSort::Variation => variation_rank(a.variation).cmp(&variation_rank(b.variation)),
                KpiSort::Assurance => assurance_rank(a.assurance).cmp(&assurance_rank(b.assurance)),
            }
        };
        rows.sort_by(|a, b| if self.descending { order(b, a) } else { order(a, b) });
    }
}
