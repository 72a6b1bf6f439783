//! One observation's benchmark outcome (`BenchmarkOutcome`) and what decided it (`ComparisonSource`).

use super::benchmark_target::BenchmarkMethod;
use super::Comparison;
use crate::model::{ConfidenceLevel, Polarity};
use serde::Serialize;

/// What decided a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ComparisonSource {
    /// The interval printed in the file against the benchmark value.
    #[serde(rename = "published interval")]
    PublishedInterval,
    /// An interval computed from count and denominator against the benchmark value.
    #[serde(rename = "computed interval")]
    ComputedInterval,
    /// Quintile rank among areas of the same type and period (no intervals).
    #[serde(rename = "quintile")]
    Quintile,
    /// The label the file published, shown where the tool cannot recompute it.
    #[serde(rename = "published label")]
    Published,
    /// No comparison was made.
    #[serde(rename = "")]
    None,
}

impl ComparisonSource {
    /// The source as text (`published interval`, `computed interval`, `quintile`, empty).
    pub fn text(self) -> &'static str {
        match self {
            ComparisonSource::PublishedInterval => "published interval",
            ComparisonSource::ComputedInterval => "computed interval",
            ComparisonSource::Quintile => "quintile",
            ComparisonSource::Published => "published label",
            ComparisonSource::None => "",
        }
    }
}

/// One observation's comparison with its benchmark, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchmarkOutcome {
    /// The outcome (serialises as its Fingertips label).
    pub comparison: Comparison,
    /// What decided it.
    pub source: ComparisonSource,
    /// The benchmark's value (NaN when none).
    pub benchmark_value: f64,
    /// The benchmark's name.
    pub benchmark_name: String,
    /// How the benchmark's value was obtained.
    pub benchmark_method: BenchmarkMethod,
    /// The polarity used.
    pub polarity: Polarity,
    /// The confidence level of the interval compared.
    pub level: ConfidenceLevel,
    /// The rule and numbers behind the outcome, in words.
    pub explanation: String,
    /// The label the file published against this benchmark, empty when none.
    pub published: String,
    /// True when the tool's own result differs from the published label (both are in the explanation).
    pub differs: bool,
}
