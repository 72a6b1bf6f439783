//! The board-summary view model: the sentence, the table of directions of travel, the rule used and the
//! indicators off target.

use super::selection::select_indicator;
use super::table::ViewTable;
use super::{polarity_overrides, ViewError, ViewSpec};
use crate::analysis::direction::Direction;
use crate::analysis::number_text::format_number;
use crate::analysis::polarity::effective_polarity;
use crate::analysis::summary::{summarise, summary_sentence, SummaryRow};
use crate::analysis::targets::TargetStatus;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// Count of indicators in one direction, with its colour, for the bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectionCount {
    /// The direction.
    pub direction: Direction,
    /// How many indicators.
    pub count: usize,
    /// Colour `#RRGGBB`.
    pub colour: String,
}

/// Everything the board summary needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardSummaryView {
    /// "Of 13 indicators, 5 improved, …".
    pub sentence: String,
    /// One row per indicator.
    pub rows: Vec<SummaryRow>,
    /// Counts per direction, in reading order.
    pub counts: Vec<DirectionCount>,
    /// The direction-of-travel rule in words (shown under the table).
    pub rule: String,
    /// Names of the indicators whose latest period misses its target.
    pub off_target: Vec<String>,
    /// Indicator keys whose polarity the data do not give (asked for, never guessed).
    #[serde(default)]
    pub polarity_needed: Vec<String>,
}

/// Builds the board summary for the spec's indicators (default: all) and area.
pub fn board_summary_view(dataset: &Dataset, spec: &ViewSpec) -> Result<BoardSummaryView, ViewError> {
    let indicators: Vec<u32> = if spec.indicators.is_empty() {
        (0..dataset.indicators.len() as u32).filter(|&i| dataset.rows().any(|o| o.indicator == i)).collect()
    } else {
        spec.indicators.iter().map(|k| select_indicator(dataset, Some(k))).collect::<Result<_, _>>()?
    };
    let area = match spec.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(key) => Some(dataset.find_area(key).or_else(|| dataset.find_area_by_name(key)).ok_or_else(|| ViewError::UnknownArea(key.to_owned()))?),
        None => None,
    };
    let overrides = polarity_overrides(spec)?;
    let polarity_of = |i: u32| effective_polarity(dataset, i, &overrides);
    let rows = summarise(dataset, &indicators, area, &polarity_of, &spec.direction);
    let counts = [Direction::Improved, Direction::Stable, Direction::Worsened, Direction::Increased, Direction::Decreased, Direction::NoComparator]
        .into_iter()
        .map(|d| DirectionCount { direction: d, count: rows.iter().filter(|r| r.direction == d).count(), colour: d.colour().to_owned() })
        .filter(|c| c.count > 0 || matches!(c.direction, Direction::Improved | Direction::Stable | Direction::Worsened))
        .collect();
    let off_target = rows.iter().filter(|r| r.target_status == Some(TargetStatus::NotMet)).map(|r| r.indicator.clone()).collect();
    let polarity_needed =
        indicators.iter().filter(|&&i| polarity_of(i) == crate::model::Polarity::Unknown).map(|&i| dataset.indicators[i as usize].key().to_owned()).collect();
    Ok(BoardSummaryView { sentence: summary_sentence(&rows), rows, counts, rule: spec.direction.text(), off_target, polarity_needed })
}

impl BoardSummaryView {
    /// The table: one row per indicator.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&[
            "Indicator",
            "Area",
            "Latest period",
            "Value",
            "Comparator period",
            "Comparator value",
            "Direction of travel",
            "Recent trend",
            "Target",
            "Target status",
            "Why (direction)",
            "Why (recent trend)",
            "Why (target)",
        ]);
        for r in &self.rows {
            table.rows.push(vec![
                r.indicator.clone(),
                r.area.clone(),
                r.period.clone(),
                r.value.map(format_number).unwrap_or_default(),
                r.comparator_period.clone(),
                r.comparator_value.map(format_number).unwrap_or_default(),
                r.direction.text().to_owned(),
                r.recent_trend.label().to_owned(),
                r.target.clone(),
                r.target_status.map(|s| s.text().to_owned()).unwrap_or_default(),
                r.direction_reason.clone(),
                r.recent_trend_reason.clone(),
                r.target_reason.clone(),
            ]);
        }
        table
    }

    /// The summary as plain text: sentence, off-target line, table rows and the rule.
    pub fn to_text(&self) -> String {
        let mut text = format!("{}\n", self.sentence);
        if !self.off_target.is_empty() {
            text.push_str(&format!("Off target: {}.\n", self.off_target.join("; ")));
        }
        text.push('\n');
        for r in &self.rows {
            let comparator = if r.comparator_period.is_empty() { String::new() } else { format!(" since {}", r.comparator_period) };
            text.push_str(&format!(
                "- {} ({}): {} {}{}\n",
                r.indicator,
                r.period,
                r.value.map(format_number).unwrap_or_default(),
                r.direction.text(),
                comparator
            ));
        }
        text.push_str(&format!("\n{}\n", self.rule));
        text
    }
}

impl super::view_info::ViewInfo for BoardSummaryView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!("{} {}", self.sentence, self.rule)
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }
}
