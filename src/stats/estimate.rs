//! The shared result type (`Estimate`) and error type (`StatsError`) of the statistics module.

use std::fmt;

/// A point estimate with its confidence limits; `NaN` where a value cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The point estimate.
    pub value: f64,
    /// The lower confidence limit.
    pub lower: f64,
    /// The upper confidence limit.
    pub upper: f64,
}

impl Estimate {
    /// An estimate with every field `NaN` (the package's `NA`).
    pub const NA: Estimate = Estimate { value: f64::NAN, lower: f64::NAN, upper: f64::NAN };
}

/// Why a statistic could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    /// A required input is missing (NaN / empty).
    Missing(&'static str),
    /// A count or numerator is negative.
    NegativeNumerator,
    /// A denominator or population is zero or negative.
    NonPositiveDenominator,
    /// A population is negative.
    NegativeDenominator,
    /// The numerator exceeds the denominator (proportions only).
    NumeratorGreaterThanDenominator,
    /// The confidence level is outside 0.9–1 (or 90–100).
    InvalidConfidence(f64),
    /// The multiplier is not a positive finite number.
    InvalidMultiplier(f64),
    /// Input vectors of different lengths.
    LengthMismatch {
        /// The length the first vector has.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// Too few values for the statistic.
    TooFewValues {
        /// How many the statistic needs.
        needed: usize,
        /// How many were given.
        found: usize,
    },
    /// Any other invalid input, with the reason.
    Invalid(String),
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::Missing(what) => write!(f, "{what} missing"),
            StatsError::NegativeNumerator => write!(f, "numerators must be greater than or equal to zero"),
            StatsError::NonPositiveDenominator => write!(f, "denominators must be greater than zero"),
            StatsError::NegativeDenominator => write!(f, "denominators must be greater than or equal to zero"),
            StatsError::NumeratorGreaterThanDenominator => write!(f, "numerator greater than denominator"),
            StatsError::InvalidConfidence(c) => {
                write!(f, "confidence level must be between 90 and 100 or between 0.9 and 1 (got {c})")
            }
            StatsError::InvalidMultiplier(m) => write!(f, "multiplier must be a positive number (got {m})"),
            StatsError::LengthMismatch { expected, found } => {
                write!(f, "length mismatch: expected {expected} values, found {found}")
            }
            StatsError::TooFewValues { needed, found } => {
                write!(f, "too few values: needed at least {needed}, found {found}")
            }
            StatsError::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for StatsError {}
