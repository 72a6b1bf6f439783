//! Overdispersion of funnel-plot z-scores (Spiegelhalter 2005): winsorised φ and the additive τ².

use super::StatsError;

/// The dispersion estimated from the units' z-scores.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overdispersion {
    /// Multiplicative factor φ: mean of the squared winsorised z-scores (1 when not above 1).
    pub phi: f64,
    /// Additive between-unit variance τ² (DerSimonian–Laird, on the value scale; 0 when none).
    pub tau_squared: f64,
    /// Number of units.
    pub units: usize,
}

/// Winsorises `values` at their `share` and 1 − `share` quantiles (each value beyond is set to the quantile).
///
/// # Method / Reference
/// Spiegelhalter D J (2005), "Handling over-dispersion of performance indicators", Qual Saf Health Care
/// 14:347–351: 10% winsorised z-scores; not a PHEindicatormethods function.
pub fn winsorise(values: &[f64], share: f64) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return values.to_vec();
    }
    sorted.sort_by(f64::total_cmp);
    // Linear interpolation between order statistics (R's default quantile type 7).
    let quantile = |p: f64| {
        let h = (sorted.len() - 1) as f64 * p;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        sorted[lo] + (h - h.floor()) * (sorted[hi] - sorted[lo])
    };
    let (low, high) = (quantile(share), quantile(1.0 - share));
    values.iter().map(|&v| v.clamp(low, high)).collect()
}

/// φ from 10%-winsorised z-scores, and τ² = (Iφ − (I − 1)) / (Σw − Σw²/Σw) with w = 1/s² (0 when negative).
///
/// `z` are the units' z-scores (value − target) / s and `standard_errors` their s; needs 3 or more units.
///
/// # Method / Reference
/// Spiegelhalter (2005), as above: multiplicative φ from winsorised z-scores, additive τ² by the
/// DerSimonian–Laird estimator; not a PHEindicatormethods function.
pub fn overdispersion(z: &[f64], standard_errors: &[f64]) -> Result<Overdispersion, StatsError> {
    if z.len() != standard_errors.len() {
        return Err(StatsError::LengthMismatch { expected: z.len(), found: standard_errors.len() });
    }
    if z.len() < 3 {
        return Err(StatsError::TooFewValues { needed: 3, found: z.len() });
    }
    if z.iter().any(|v| !v.is_finite()) || standard_errors.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
        return Err(StatsError::Missing("z-score or standard error"));
    }
    let units = z.len() as f64;
    let winsorised = winsorise(z, 0.1);
    let phi = winsorised.iter().map(|v| v * v).sum::<f64>() / units;
    let weights: Vec<f64> = standard_errors.iter().map(|s| 1.0 / (s * s)).collect();
    let sum_w: f64 = weights.iter().sum();
    let sum_w2: f64 = weights.iter().map(|w| w * w).sum();
    let excess = units * phi - (units - 1.0);
    let spread = sum_w - sum_w2 / sum_w;
    let tau_squared = if excess > 0.0 && spread > 0.0 { excess / spread } else { 0.0 };
    Ok(Overdispersion { phi: phi.max(1.0), tau_squared, units: z.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winsorises_and_estimates() {
        let z: Vec<f64> = (0..10).map(|i| i as f64).collect();
        let w = winsorise(&z, 0.1);
        assert!((w[0] - 0.9).abs() < 1e-12 && (w[9] - 8.1).abs() < 1e-12);
        let d = overdispersion(&[3.0, -3.0, 3.0, -3.0], &[1.0; 4]).unwrap();
        assert!((d.phi - 9.0).abs() < 1e-12);
        // τ² = (4·9 − 3) / (4 − 4/4) = 11.
        assert!((d.tau_squared - 11.0).abs() < 1e-12);
        let calm = overdispersion(&[0.1, -0.1, 0.2], &[1.0; 3]).unwrap();
        assert_eq!((calm.phi, calm.tau_squared), (1.0, 0.0));
        assert!(overdispersion(&[1.0, 2.0], &[1.0, 1.0]).is_err());
    }
}
