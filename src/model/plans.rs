//! Targets and planned trajectories: what an indicator should reach, kept apart from observations.

use super::Sym;
use serde::Serialize;

/// A target as written for one indicator and period (`>40%`, `Improvement on previous year`);
/// the rule is parsed later by the targets analysis, so the text is kept verbatim here.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetText {
    /// Index into `Dataset::indicators`.
    pub indicator: u32,
    /// Index into `Dataset::areas`, or `None` when the target applies to every area (a contract schedule).
    pub area: Option<u32>,
    /// Index into `Dataset::periods` (a contract year such as `Year 1 (2017/18)`).
    pub period: u32,
    /// The target exactly as written.
    pub text: String,
    /// File it was read from.
    pub file: Sym,
    /// 1-based line of the record.
    pub line: u32,
}

/// A planned (trajectory) value for an indicator, area and period, not an observation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlannedValue {
    /// Index into `Dataset::indicators`.
    pub indicator: u32,
    /// Index into `Dataset::areas`.
    pub area: u32,
    /// Index into `Dataset::periods`.
    pub period: u32,
    /// The planned value.
    pub value: f64,
    /// A note on the row (`includes 0-25 years`), else empty.
    pub note: Sym,
    /// File it was read from.
    pub file: Sym,
    /// 1-based line of the record.
    pub line: u32,
}

/// Free-text metadata about an indicator from a file (numerator or denominator definition, source,
/// frequency), kept for display.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorText {
    /// Index into `Dataset::indicators`.
    pub indicator: u32,
    /// What the text is (`numerator`, `denominator`, `frequency`, `source`).
    pub field: String,
    /// The text as written.
    pub text: String,
}
