//! Statistical process control (Making Data Count): XmR limits per rebase group, the special-cause rule
//! of each point, its variation type by improvement direction, the latest point's icon and target assurance.

use crate::model::Polarity;
use crate::stats::{special_causes_with, xmr_limits, SpecialCauseRule, StatsError, XmrLimits};
use serde::{Deserialize, Serialize};

/// The special-cause rule settings (shift and trend lengths, two of three beyond 2σ), as the SPC analysis reads them.
pub use crate::stats::SpcRules;

/// Groups with fewer points than this get trial limits and a warning.
pub const MINIMUM_POINTS: usize = 13;

/// Which direction of change is an improvement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Improvement {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
    /// No judgement: special causes are neutral.
    #[default]
    Neutral,
}

impl Improvement {
    /// Reads `increase` / `up` / `high`, `decrease` / `down` / `low`, `neutral` / `none`.
    pub fn parse(text: &str) -> Option<Improvement> {
        match text.trim().to_ascii_lowercase().as_str() {
            "increase" | "up" | "high" | "higher" => Some(Improvement::Increase),
            "decrease" | "down" | "low" | "lower" => Some(Improvement::Decrease),
            "neutral" | "none" | "" => Some(Improvement::Neutral),
            _ => None,
        }
    }
}

/// The SPC improvement direction a polarity implies (neutral when it gives none).
pub fn improvement_for(polarity: Polarity) -> Improvement {
    match polarity {
        Polarity::HighIsGood => Improvement::Increase,
        Polarity::LowIsGood => Improvement::Decrease,
        _ => Improvement::Neutral,
    }
}

/// What kind of variation a point shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variation {
    /// No rule fired.
    CommonCause,
    /// A rule fired on the improving side.
    SpecialCauseImproving,
    /// A rule fired on the concerning side.
    SpecialCauseConcerning,
    /// A rule fired and the direction is neutral.
    SpecialCauseNeutral,
}

impl Variation {
    /// NHSRplotthedots' point colour.
    pub fn colour(self) -> &'static str {
        match self {
            Variation::CommonCause => "#A6A6A6",
            Variation::SpecialCauseImproving => "#00B0F0",
            Variation::SpecialCauseConcerning => "#E46C0A",
            Variation::SpecialCauseNeutral => "#490092",
        }
    }

    /// In words.
    pub fn text(self) -> &'static str {
        match self {
            Variation::CommonCause => "common cause variation",
            Variation::SpecialCauseImproving => "special cause variation, improving",
            Variation::SpecialCauseConcerning => "special cause variation, concerning",
            Variation::SpecialCauseNeutral => "special cause variation, neither improving nor concerning",
        }
    }
}

/// Whether the process will meet a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    /// The target lies beyond the limits on the failing side: the process will consistently pass.
    Pass,
    /// The target lies beyond the limits on the passing side: it will consistently fail.
    Fail,
    /// The target lies within the limits: it will sometimes hit and sometimes miss.
    HitAndMiss,
    /// No target, or no improvement direction.
    None,
}

impl Assurance {
    /// In words.
    pub fn text(self) -> &'static str {
        match self {
            Assurance::Pass => "will consistently pass the target",
            Assurance::Fail => "will consistently fail the target",
            Assurance::HitAndMiss => "will hit and miss the target (it lies within the limits)",
            Assurance::None => "no assurance (needs a target and an improvement direction)",
        }
    }
}

/// Options of an SPC analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpcOptions {
    /// Improvement direction.
    pub improvement: Improvement,
    /// Target for assurance.
    pub target: Option<f64>,
    /// Indices where a new group starts (rebasing); never chosen automatically.
    pub rebase_at: Vec<usize>,
    /// Limits from the first N points of each group (N ≥ 12) instead of all.
    pub baseline_points: Option<usize>,
    /// Screen moving ranges ≥ 3.267 × their mean (on by default in NHSRplotthedots).
    pub screen_outliers: bool,
    /// Run lengths and switches of the special-cause rules.
    pub rules: SpcRules,
}

/// One point with its group's limits and the rule that fired.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcPoint {
    /// The value.
    pub value: f64,
    /// Rebase group (0 for the first).
    pub group: usize,
    /// The group's limits.
    pub limits: XmrLimits,
    /// The special-cause rule that fired, by precedence.
    pub rule: Option<SpecialCauseRule>,
    /// The variation type given the improvement direction.
    pub variation: Variation,
}

/// The whole SPC analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcResult {
    /// Every point in time order.
    pub points: Vec<SpcPoint>,
    /// The latest point's variation: the variation icon.
    pub variation_icon: Variation,
    /// Assurance against the target (last group's limits).
    pub assurance: Assurance,
    /// Warnings (trial limits, ignored rebase points).
    pub warnings: Vec<String>,
}

fn variation_of(rule: Option<SpecialCauseRule>, improvement: Improvement) -> Variation {
    match (rule, improvement) {
        (None, _) => Variation::CommonCause,
        (Some(_), Improvement::Neutral) => Variation::SpecialCauseNeutral,
        (Some(r), Improvement::Increase) if r.side() > 0 => Variation::SpecialCauseImproving,
        (Some(r), Improvement::Decrease) if r.side() < 0 => Variation::SpecialCauseImproving,
        (Some(_), _) => Variation::SpecialCauseConcerning,
    }
}

/// Assurance of `limits` against `target` under `improvement` (NHSRplotthedots' rule).
pub fn assurance(limits: &XmrLimits, target: Option<f64>, improvement: Improvement) -> Assurance {
    let Some(target) = target.filter(|t| t.is_finite()) else { return Assurance::None };
    match improvement {
        Improvement::Neutral => Assurance::None,
        _ if target > limits.upper => {
            if improvement == Improvement::Increase {
                Assurance::Fail
            } else {
                Assurance::Pass
            }
        }
        _ if target < limits.lower => {
            if improvement == Improvement::Increase {
                Assurance::Pass
            } else {
                Assurance::Fail
            }
        }
        _ => Assurance::HitAndMiss,
    }
}

/// The SPC analysis of `values` in time order (no missing values).
pub fn spc(values: &[f64], options: &SpcOptions) -> Result<SpcResult, StatsError> {
    options.rules.check().map_err(StatsError::Invalid)?;
    if let Some(n) = options.baseline_points.filter(|&n| n < 12) {
        return Err(StatsError::Invalid(format!("a fixed baseline needs at least 12 points (got {n})")));
    }
    let mut warnings = Vec::new();
    let mut starts: Vec<usize> = vec![0];
    for &at in &options.rebase_at {
        if at == 0 || at >= values.len() {
            warnings.push(format!("rebase at point {} ignored: outside the series", at + 1));
        } else if !starts.contains(&at) {
            starts.push(at);
        }
    }
    starts.sort_unstable();
    let mut points = Vec::with_capacity(values.len());
    for (group, &start) in starts.iter().enumerate() {
        let end = starts.get(group + 1).copied().unwrap_or(values.len());
        let members = &values[start..end];
        let baseline = &members[..options.baseline_points.unwrap_or(members.len()).min(members.len())];
        let limits = xmr_limits(baseline, options.screen_outliers)?;
        if members.len() < MINIMUM_POINTS {
            warnings.push(format!("group {} has {} points: limits are trial limits until there are {MINIMUM_POINTS}", group + 1, members.len()));
        }
        for (value, rule) in members.iter().zip(special_causes_with(members, &limits, &options.rules)) {
            points.push(SpcPoint { value: *value, group, limits, rule, variation: variation_of(rule, options.improvement) });
        }
    }
    let last = points.last().ok_or(StatsError::TooFewValues { needed: 2, found: 0 })?;
    Ok(SpcResult { variation_icon: last.variation, assurance: assurance(&last.limits, options.target, options.improvement), points, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assurance_by_direction() {
        let limits = xmr_limits(&[10.0, 12.0, 10.0, 12.0], true).unwrap(); // mean 11, MR̄ 2, limits 11 ± 5.32
        assert_eq!(assurance(&limits, Some(20.0), Improvement::Increase), Assurance::Fail);
        assert_eq!(assurance(&limits, Some(20.0), Improvement::Decrease), Assurance::Pass);
        assert_eq!(assurance(&limits, Some(2.0), Improvement::Increase), Assurance::Pass);
        assert_eq!(assurance(&limits, Some(2.0), Improvement::Decrease), Assurance::Fail);
        assert_eq!(assurance(&limits, Some(11.0), Improvement::Increase), Assurance::HitAndMiss);
        assert_eq!(assurance(&limits, Some(11.0), Improvement::Neutral), Assurance::None);
        assert_eq!(assurance(&limits, None, Improvement::Increase), Assurance::None);
    }
}
