//! Indirectly standardised ratios and rates (`calculate_ISRatio`, `calculate_ISRate`).

use super::confidence::normalise_confidence;
use super::poisson::count_limits;
use super::proportion::check_multiplier;
use super::{Estimate, StatsError};

fn na0(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v
    }
}

/// Expected events E = Σ refcount/refpop × pop per band (missing refcount or pop → 0).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_ISRatio` / `calculate_ISRate` (`R/ISRatio.R`, `R/ISRate.R`): E = Σ
/// (Xᵢ/Nᵢ)·nᵢ.
pub fn expected_count(pop: &[f64], refcount: &[f64], refpop: &[f64]) -> Result<f64, StatsError> {
    if refcount.len() != pop.len() {
        return Err(StatsError::LengthMismatch { expected: pop.len(), found: refcount.len() });
    }
    if refpop.len() != pop.len() {
        return Err(StatsError::LengthMismatch { expected: pop.len(), found: refpop.len() });
    }
    if pop.iter().any(|&p| p < 0.0) {
        return Err(StatsError::NegativeDenominator);
    }
    if refcount.iter().any(|&p| p < 0.0) {
        return Err(StatsError::NegativeNumerator);
    }
    if refpop.iter().any(|&p| p.is_nan() || p <= 0.0) {
        return Err(StatsError::Invalid("reference populations must all be greater than zero".into()));
    }
    Ok(pop.iter().zip(refcount).zip(refpop).map(|((&n, &x), &r)| na0(x) / r * na0(n)).sum())
}

/// Reference rate ΣX/ΣN × multiplier (missing reference counts → 0).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_ISRate` (`R/ISRate.R`): R = ΣX / ΣN × multiplier.
pub fn reference_rate(refcount: &[f64], refpop: &[f64], multiplier: f64) -> Result<f64, StatsError> {
    check_multiplier(multiplier)?;
    let x: f64 = refcount.iter().map(|&v| na0(v)).sum();
    let n: f64 = refpop.iter().map(|&v| na0(v)).sum();
    if n <= 0.0 {
        return Err(StatsError::NonPositiveDenominator);
    }
    Ok(x / n * multiplier)
}

/// Shared O/E × scale with exact (O < 10) or Byars limits of O.
fn scaled(observed: f64, expected: f64, confidence: f64, scale: f64) -> Result<Estimate, StatsError> {
    let c = normalise_confidence(confidence)?;
    if observed.is_nan() {
        return Err(StatsError::Missing("observed"));
    }
    if expected.is_nan() {
        return Err(StatsError::Missing("expected"));
    }
    if observed < 0.0 || observed.is_infinite() {
        return Err(StatsError::NegativeNumerator);
    }
    if expected <= 0.0 || expected.is_infinite() {
        return Err(StatsError::Invalid("expected count must be greater than zero".into()));
    }
    let (lo, hi) = count_limits(observed, c);
    Ok(Estimate { value: observed / expected * scale, lower: lo / expected * scale, upper: hi / expected * scale })
}

/// Indirectly standardised ratio O/E × refvalue (1, or 100 for an SMR-style ratio).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_ISRatio` (`R/ISRatio.R`): exact (< 10) or Byars limits of O ÷ E ×
/// refvalue.
pub fn isratio(observed: f64, expected: f64, confidence: f64, refvalue: f64) -> Result<Estimate, StatsError> {
    check_multiplier(refvalue)?;
    scaled(observed, expected, confidence, refvalue)
}

/// Indirectly standardised rate O/E × reference rate (from [`reference_rate`]).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_ISRate` (`R/ISRate.R`): ISR × reference rate, limits scaled the same
/// way.
pub fn israte(observed: f64, expected: f64, ref_rate: f64, confidence: f64) -> Result<Estimate, StatsError> {
    if !ref_rate.is_finite() || ref_rate < 0.0 {
        return Err(StatsError::Invalid("reference rate must be a non-negative number".into()));
    }
    scaled(observed, expected, confidence, ref_rate)
}
