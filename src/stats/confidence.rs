//! Confidence levels: the package's accepted spellings and the normal critical value.

use super::distributions::norm_quantile;
use super::StatsError;

/// The only pair of levels the package computes together (95% and 99.8%).
pub const CONFIDENCE_PAIR: [f64; 2] = [0.95, 0.998];

/// Normalises a confidence level: 95 → 0.95, 99.8 → 0.998; must lie in 0.9–1 (or 90–100).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0, the `confidence` argument every function takes (0.95 / 95, 0.998 / 99.8; ≥ 90 is
/// divided by 100; 0.9 ≤ c ≤ 1; `R/utils.R`).
pub fn normalise_confidence(c: f64) -> Result<f64, StatsError> {
    // Same acceptance rule as the package: [0.9, 1] or [90, 100]; 90+ is a percentage.
    if !c.is_finite() || c < 0.9 || (c > 1.0 && c < 90.0) || c > 100.0 {
        return Err(StatsError::InvalidConfidence(c));
    }
    Ok(if c >= 90.0 { c / 100.0 } else { c })
}

/// The two-sided normal critical value z = Φ⁻¹(c + (1 − c)/2) for a normalised level c.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0: z = `qnorm(confidence + (1 - confidence) / 2)`, as in its Wilson, Byars and Dobson
/// limits (`R/utils.R`).
pub fn z_value(c: f64) -> f64 {
    // The two levels every interval uses are computed once: the quantile costs more than the interval.
    static Z95: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    static Z998: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    if c == 0.95 {
        return *Z95.get_or_init(|| z_value_uncached(0.95));
    }
    if c == 0.998 {
        return *Z998.get_or_init(|| z_value_uncached(0.998));
    }
    z_value_uncached(c)
}

fn z_value_uncached(c: f64) -> f64 {
    // Written as the package writes it, so rounding matches R's qnorm argument.
    norm_quantile(c + (1.0 - c) / 2.0)
}
