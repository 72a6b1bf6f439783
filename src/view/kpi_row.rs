//! One row of the KPI summary (one indicator × area at the period shown) as the chart and table read it:
//! labels, colours, whys, and the recent-trend arrow and SPC icons to draw.

use super::annotation::AnnotationView;
use crate::analysis::direction::Direction;
use crate::analysis::recent_trend::RecentTrend;
use crate::analysis::spc::{Assurance, Variation};
use crate::analysis::targets::TargetStatus;
use serde::{Deserialize, Serialize};

pub use crate::analysis::kpi_row::KpiWhy;

/// The recent-trend arrow drawn in the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendArrow {
    /// Significantly increasing.
    Up,
    /// Significantly decreasing.
    Down,
    /// No significant change.
    Flat,
    /// Cannot be calculated: no arrow.
    None,
}

impl TrendArrow {
    /// The arrow of a recent-trend label.
    pub fn of(trend: RecentTrend) -> TrendArrow {
        use RecentTrend::*;
        match trend {
            IncreasingAndBetter | IncreasingAndWorse | Increasing => TrendArrow::Up,
            DecreasingAndBetter | DecreasingAndWorse | Decreasing => TrendArrow::Down,
            NoSignificantChange => TrendArrow::Flat,
            CannotBeCalculated => TrendArrow::None,
        }
    }
}

/// One indicator × area row of the KPI summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name): the key polarity overrides and click-through use.
    pub indicator_key: String,
    /// Unit (`%`, `per 100,000`), else empty.
    pub unit: String,
    /// Polarity in words (`high is good`, `polarity unknown` …).
    pub polarity: String,
    /// Area code (may be empty).
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// The period shown.
    pub period: String,
    /// Value, when present.
    pub value: Option<f64>,
    /// Lower 95% limit, when present.
    pub lower: Option<f64>,
    /// Upper 95% limit, when present.
    pub upper: Option<f64>,
    /// Count (numerator), when present.
    pub count: Option<f64>,
    /// Denominator, when present.
    pub denominator: Option<f64>,
    /// Value note or suppression marker as written.
    pub note: String,
    /// Comparison with the benchmark (Fingertips label).
    pub comparison: String,
    /// Its colour in the chosen palette.
    pub comparison_colour: String,
    /// Recent trend (Fingertips label).
    pub recent_trend: RecentTrend,
    /// The arrow drawn for it.
    pub trend_arrow: TrendArrow,
    /// Arrow colour.
    pub trend_colour: String,
    /// Direction of travel since the comparator period.
    pub direction: Direction,
    /// The comparator period, when there is one.
    pub comparator_period: Option<String>,
    /// Target text of the period's contract year, else empty.
    pub target: String,
    /// Target status, None when there is no target for the period.
    pub target_status: Option<TargetStatus>,
    /// SPC variation icon (monthly and quarterly series only, else None).
    pub variation: Option<Variation>,
    /// SPC assurance icon (monthly and quarterly series only, else None).
    pub assurance: Option<Assurance>,
    /// +1 when the latest special cause is high, −1 low, 0 otherwise (the icon's H or L).
    pub variation_side: i8,
    /// Why each label was given.
    pub why: KpiWhy,
    /// Trial-limit and other warnings.
    pub warnings: Vec<String>,
    /// The user's notes on this indicator (all periods).
    pub annotations: Vec<AnnotationView>,
}

/// The text of a variation icon for a table cell (`special cause, concerning (high)`), or why none is shown.
pub fn variation_cell(row: &KpiRow) -> String {
    match row.variation {
        Some(v) => {
            let side = match row.variation_side {
                1 => " (high)",
                -1 => " (low)",
                _ => "",
            };
            format!("{}{side}", v.text())
        }
        None => "not shown".into(),
    }
}

/// The Making Data Count variation icon as drawn: a ring in the variation's colour and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VariationIcon {
    /// Ring colour `#RRGGBB` (the variation's point colour).
    pub colour: &'static str,
    /// None for common cause (a grey zigzag); else the letter on the filled centre: H (latest special cause high),
    /// L (low) or S (no side).
    pub letter: Option<&'static str>,
}

/// The Making Data Count assurance icon as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssuranceIcon {
    /// P on blue: the limits are on the good side of the target.
    Pass,
    /// F on orange: the limits are on the bad side.
    Fail,
    /// Grey zigzag across the target: it lies between the limits.
    HitAndMiss,
    /// Grey dash: no target or no improvement direction.
    NoAssurance,
}

impl KpiRow {
    /// The variation icon to draw, None when none is shown (the why says why).
    pub fn variation_icon(&self) -> Option<VariationIcon> {
        let variation = self.variation?;
        let letter = match (variation, self.variation_side) {
            (Variation::CommonCause, _) => None,
            (_, 1) => Some("H"),
            (_, -1) => Some("L"),
            _ => Some("S"),
        };
        Some(VariationIcon { colour: variation.colour(), letter })
    }

    /// The assurance icon to draw, None when none is shown.
    pub fn assurance_icon(&self) -> Option<AssuranceIcon> {
        Some(match self.assurance? {
            Assurance::Pass => AssuranceIcon::Pass,
            Assurance::Fail => AssuranceIcon::Fail,
            Assurance::HitAndMiss => AssuranceIcon::HitAndMiss,
            Assurance::None => AssuranceIcon::NoAssurance,
        })
    }
}
