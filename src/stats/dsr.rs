//! Directly standardised rates with Dobson confidence limits (`calculate_dsr`), incl. non-independent events.

use super::confidence::normalise_confidence;
use super::poisson::{byars_lower, byars_upper};
use super::proportion::check_multiplier;
use super::{format_multiplier, Estimate, StatsError};

/// The package's statistic label when the total count is below 10.
pub const DSR_NA_STATISTIC: &str = "dsr NA for total count < 10";

/// A DSR for one group, with the package's output columns.
#[derive(Debug, Clone, PartialEq)]
pub struct DsrResult {
    /// Σ counts (missing counts as 0).
    pub total_count: f64,
    /// Σ populations.
    pub total_pop: f64,
    /// Value and Dobson limits; all NaN when total_count < 10.
    pub estimate: Estimate,
    /// "dsr per {multiplier}" or [`DSR_NA_STATISTIC`].
    pub statistic: String,
    /// "Dobson" or "Dobson, with confidence adjusted for non-independent events".
    pub method: &'static str,
}

fn na0(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v
    }
}

/// Validates band vectors the way `calculate_dsr` does.
fn check_bands(count_len: usize, pop: &[f64], stdpop: &[f64]) -> Result<(), StatsError> {
    if pop.len() != count_len {
        return Err(StatsError::LengthMismatch { expected: count_len, found: pop.len() });
    }
    if stdpop.len() != count_len {
        return Err(StatsError::LengthMismatch { expected: count_len, found: stdpop.len() });
    }
    if count_len == 0 {
        return Err(StatsError::TooFewValues { needed: 1, found: 0 });
    }
    if pop.iter().any(|p| p.is_nan()) {
        return Err(StatsError::Missing("population"));
    }
    if stdpop.iter().any(|p| p.is_nan()) {
        return Err(StatsError::Missing("standard population"));
    }
    if pop.iter().any(|&p| p <= 0.0) {
        return Err(StatsError::NonPositiveDenominator);
    }
    if stdpop.iter().any(|&p| p < 0.0) {
        return Err(StatsError::Invalid("standard populations must all be greater than or equal to zero".into()));
    }
    Ok(())
}

/// Dobson variance of the DSR (without multiplier): Σ w²x/n² / (Σw)².
fn dobson_var(count: &[f64], pop: &[f64], stdpop: &[f64]) -> f64 {
    let sw: f64 = stdpop.iter().sum();
    let sq: f64 = count.iter().zip(pop).zip(stdpop).map(|((&x, &n), &w)| na0(x) * (w / n).powi(2)).sum();
    1.0 / (sw * sw) * sq
}

/// Builds the result from counts and a variance, applying the "< 10 → NA" rule.
fn finish(count: &[f64], pop: &[f64], stdpop: &[f64], vardsr: f64, c: f64, m: f64, method: &'static str) -> DsrResult {
    let total_count: f64 = count.iter().map(|&x| na0(x)).sum();
    let total_pop: f64 = pop.iter().sum();
    let sw: f64 = stdpop.iter().sum();
    let wt: f64 = count.iter().zip(pop).zip(stdpop).map(|((&x, &n), &w)| na0(x) * w / n).sum();
    if total_count < 10.0 {
        return DsrResult { total_count, total_pop, estimate: Estimate::NA, statistic: DSR_NA_STATISTIC.into(), method };
    }
    let value = wt / sw * m;
    // Dobson: scale the count's Byars limits by the DSR's standard error per event.
    let k = (vardsr / total_count).sqrt();
    let lower = value + k * (byars_lower(total_count, c) - total_count) * m;
    let upper = value + k * (byars_upper(total_count, c) - total_count) * m;
    DsrResult { total_count, total_pop, estimate: Estimate { value, lower, upper }, statistic: format!("dsr per {}", format_multiplier(m)), method }
}

/// DSR of one group: counts (NaN → 0), populations and standard populations per band, in the same order.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_dsr` (`R/DSR.R`): Dobson limits from the Byars limits of the total
/// count, NA below 10 events; Fingertips technical guidance, directly standardised rates.
pub fn dsr(count: &[f64], pop: &[f64], stdpop: &[f64], confidence: f64, multiplier: f64) -> Result<DsrResult, StatsError> {
    let c = normalise_confidence(confidence)?;
    check_multiplier(multiplier)?;
    check_bands(count.len(), pop, stdpop)?;
    if count.iter().any(|&x| x < 0.0) {
        return Err(StatsError::NegativeNumerator);
    }
    let v = dobson_var(count, pop, stdpop);
    Ok(finish(count, pop, stdpop, v, c, multiplier, "Dobson"))
}

/// DSR for non-independent events: `persons[k][i]` people had `eventfreq[k]` events in band i (NaN → 0).
///
/// The variance is Σ_k f_k² · Var_k (Dobson variance of each frequency's persons), and band
/// events are Σ_k f_k · persons, as `calculate_dsr(independent_events = FALSE)`.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `calculate_dsr(independent_events = FALSE, eventfreq = …)` (`R/DSR.R`): "Dobson,
/// with confidence adjusted for non-independent events".
pub fn dsr_non_independent(
    eventfreq: &[f64],
    persons: &[Vec<f64>],
    pop: &[f64],
    stdpop: &[f64],
    confidence: f64,
    multiplier: f64,
) -> Result<DsrResult, StatsError> {
    let c = normalise_confidence(confidence)?;
    check_multiplier(multiplier)?;
    if eventfreq.len() != persons.len() {
        return Err(StatsError::LengthMismatch { expected: eventfreq.len(), found: persons.len() });
    }
    if eventfreq.is_empty() {
        return Err(StatsError::TooFewValues { needed: 1, found: 0 });
    }
    if eventfreq.iter().any(|f| f.is_nan()) {
        return Err(StatsError::Missing("event frequency"));
    }
    let bands = pop.len();
    for p in persons {
        check_bands(p.len(), pop, stdpop)?;
        if p.iter().any(|&x| x < 0.0) {
            return Err(StatsError::NegativeNumerator);
        }
    }
    let var: f64 = eventfreq.iter().zip(persons).map(|(&f, p)| dobson_var(p, pop, stdpop) * f * f).sum();
    let events: Vec<f64> = (0..bands).map(|i| eventfreq.iter().zip(persons).map(|(&f, p)| f * na0(p[i])).sum()).collect();
    Ok(finish(&events, pop, stdpop, var, c, multiplier, "Dobson, with confidence adjusted for non-independent events"))
}
