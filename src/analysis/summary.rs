//! The board-paper summary: each indicator's direction of travel, recent trend and target status, and the
//! sentence "Of 13 indicators, 5 improved, 3 stayed the same, 3 worsened; 2 have no comparator year".

use super::direction::{direction_of_travel, Direction, DirectionRule, ValueWithInterval};
use super::recent_trend::{recent_trend, RecentTrend, TrendMethod};
use super::series::{comparator_row, latest_valued, series_rows, SeriesKey};
use super::targets::{evaluate_targets, TargetStatus};
use crate::model::{Dataset, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// One indicator's line of the summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// Indicator name.
    pub indicator: String,
    /// Area name.
    pub area: String,
    /// Latest period with a value.
    pub period: String,
    /// Latest value.
    pub value: Option<f64>,
    /// Comparator period, when there is one.
    pub comparator_period: String,
    /// Comparator value.
    pub comparator_value: Option<f64>,
    /// Direction of travel.
    pub direction: Direction,
    /// Why.
    pub direction_reason: String,
    /// Recent trend.
    pub recent_trend: RecentTrend,
    /// Target status of the latest period, when the indicator has targets.
    pub target_status: Option<TargetStatus>,
    /// Target text of the latest period's contract year.
    pub target: String,
    /// Why the recent trend is what it is.
    #[serde(default)]
    pub recent_trend_reason: String,
    /// Why the target status is what it is (or that there is no target).
    #[serde(default)]
    pub target_reason: String,
}

/// Summarises each of `indicators` for `area` (or each indicator's first non-England area), by `polarity_of`.
pub fn summarise(dataset: &Dataset, indicators: &[u32], area: Option<u32>, polarity_of: &dyn Fn(u32) -> Polarity, rule: &DirectionRule) -> Vec<SummaryRow> {
    let mut rows_out = Vec::new();
    for &indicator in indicators {
        let observations: Vec<_> = dataset.rows().filter(|o| o.indicator == indicator && o.category_type == Sym(0)).collect();
        let chosen = area.or_else(|| {
            let not_england = observations.iter().find(|o| !dataset.areas[o.area as usize].is_england());
            not_england.or(observations.first()).map(|o| o.area)
        });
        let Some(area) = chosen else { continue };
        let Some(first) = observations.iter().find(|o| o.area == area) else { continue };
        let key = SeriesKey { indicator, area, sex: first.sex, age: first.age, category_type: Sym(0), category: Sym(0) };
        let rows = series_rows(dataset, &key);
        let polarity = polarity_of(indicator);
        let label = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
        let value_of = |r: usize| {
            let o = dataset.row(r);
            ValueWithInterval { value: o.value, lower95: o.lower95, upper95: o.upper95 }
        };
        let latest = latest_valued(dataset, &rows);
        let comparator = latest.and_then(|l| comparator_row(dataset, &rows, l, None));
        let (direction, direction_reason) = match latest {
            Some(l) => direction_of_travel(value_of(l), comparator.map(value_of), polarity, rule),
            None => (Direction::NoComparator, "no value in any period".into()),
        };
        let evaluation = latest.and_then(|l| evaluate_targets(dataset, &rows, polarity).into_iter().find(|e| e.period == label(l)));
        let has_target = evaluation.as_ref().is_some_and(|e| e.contract_year.is_some());
        let trend = recent_trend(dataset, &rows, polarity, TrendMethod::Auto);
        rows_out.push(SummaryRow {
            indicator: dataset.indicators[indicator as usize].name.clone(),
            area: dataset.areas[area as usize].name.clone(),
            period: latest.map(label).unwrap_or_default(),
            value: latest.map(|l| dataset.row(l).value).filter(|v| v.is_finite()),
            comparator_period: comparator.map(label).unwrap_or_default(),
            comparator_value: comparator.map(|c| dataset.row(c).value).filter(|v| v.is_finite()),
            direction,
            direction_reason,
            recent_trend: trend.trend,
            recent_trend_reason: trend.reason,
            target_status: evaluation.as_ref().filter(|_| has_target).map(|e| e.status),
            target_reason: match evaluation.as_ref().filter(|_| has_target) {
                Some(e) => e.reason.clone(),
                None => "no target loaded for this period".into(),
            },
            target: evaluation.map(|e| e.target_text).unwrap_or_default(),
        });
    }
    rows_out
}

/// The board-paper sentence for summary rows.
pub fn summary_sentence(rows: &[SummaryRow]) -> String {
    let count = |d: Direction| rows.iter().filter(|r| r.direction == d).count();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") };
    let mut sentence = format!(
        "Of {}, {} improved, {} stayed the same, {} worsened; {} no comparator year",
        plural(rows.len(), "indicator", "indicators"),
        count(Direction::Improved),
        count(Direction::Stable),
        count(Direction::Worsened),
        plural(count(Direction::NoComparator), "has", "have"),
    );
    let (up, down) = (count(Direction::Increased), count(Direction::Decreased));
    if up + down > 0 {
        sentence.push_str(&format!("; {} changed with no polarity set ({up} increased, {down} decreased)", up + down));
    }
    sentence.push('.');
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(direction: Direction) -> SummaryRow {
        SummaryRow {
            indicator: String::new(),
            area: String::new(),
            period: String::new(),
            value: None,
            comparator_period: String::new(),
            comparator_value: None,
            direction,
            direction_reason: String::new(),
            recent_trend: RecentTrend::CannotBeCalculated,
            target_status: None,
            target: String::new(),
            recent_trend_reason: String::new(),
            target_reason: String::new(),
        }
    }

    #[test]
    fn the_board_paper_sentence() {
        use Direction::*;
        let mut rows: Vec<SummaryRow> = [Improved; 5].into_iter().chain([Stable; 3]).chain([Worsened; 3]).chain([NoComparator; 2]).map(row).collect();
        assert_eq!(summary_sentence(&rows), "Of 13 indicators, 5 improved, 3 stayed the same, 3 worsened; 2 have no comparator year.");
        rows.truncate(12);
        rows.push(row(Increased));
        assert!(summary_sentence(&rows).ends_with("1 has no comparator year; 1 changed with no polarity set (1 increased, 0 decreased)."));
    }
}
