//! What a prevalence run reports besides its numbers: problems (errors and warnings as values) and the interval basis.

use serde::{Deserialize, Serialize};

/// How serious a prevalence problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something asked for could not be estimated.
    Error,
    /// The estimates stand, but read them with this in mind.
    Warning,
}

/// One problem met in a prevalence or access run, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrevalenceIssue {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and where.
    pub message: String,
}

impl PrevalenceIssue {
    /// An error.
    pub fn error(message: impl Into<String>) -> PrevalenceIssue {
        PrevalenceIssue { severity: Severity::Error, message: message.into() }
    }

    /// A warning.
    pub fn warning(message: impl Into<String>) -> PrevalenceIssue {
        PrevalenceIssue { severity: Severity::Warning, message: message.into() }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Where the estimates' intervals come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervalBasis {
    /// No interval: the rates came with neither limits nor sample sizes.
    #[default]
    None,
    /// The rates' published 95% limits × population.
    PublishedRateLimits,
    /// 95% Wilson limits from the survey sample sizes × population.
    SurveySampleSize,
    /// Some rates had limits or sample sizes and some had neither.
    Partial,
}

impl IntervalBasis {
    /// The basis of a set of rates' bases: one kind when all agree, `Partial` when some lack intervals.
    pub fn combine(bases: &[IntervalBasis]) -> IntervalBasis {
        let with = bases.iter().filter(|b| **b != IntervalBasis::None).count();
        if bases.is_empty() || with == 0 {
            IntervalBasis::None
        } else if with < bases.len() {
            IntervalBasis::Partial
        } else if bases.iter().all(|b| *b == IntervalBasis::PublishedRateLimits) {
            IntervalBasis::PublishedRateLimits
        } else {
            IntervalBasis::SurveySampleSize
        }
    }

    /// A plain sentence saying what the intervals are (or that there are none).
    pub fn sentence(self) -> &'static str {
        match self {
            IntervalBasis::None => {
                "Point estimates only: the rates came without confidence intervals or sample sizes, so no interval can be given."
            }
            IntervalBasis::PublishedRateLimits => {
                "95% intervals: the rates' published limits × population (population taken as exact); combined bands add their errors as independent."
            }
            IntervalBasis::SurveySampleSize => {
                "95% intervals: Wilson limits from the survey sample sizes × population, assuming simple random sampling (no design effect), so likely too narrow."
            }
            IntervalBasis::Partial => {
                "Intervals only where the rates carried limits or sample sizes; estimates built from rates without them are point estimates only."
            }
        }
    }

    /// The warnings a user should see about intervals.
    pub fn notes(self) -> Vec<PrevalenceIssue> {
        match self {
            IntervalBasis::PublishedRateLimits => Vec::new(),
            other => vec![PrevalenceIssue::warning(other.sentence())],
        }
    }
}
