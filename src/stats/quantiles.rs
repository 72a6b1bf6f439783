//! Assigning values to quantiles within a group (`phe_quantile`).

use super::StatsError;

/// Quantile (1..=nquantiles) of each value; NaN for missing values or when the group has fewer
/// non-missing values than quantiles. `invert = true` puts the highest values in quantile 1.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_quantile` (`R/Quantiles.R`): ranks with ties = min, quantile = ⌊(q + 1) − ⌈((N
/// + 1) − rank) / (N/q)⌉⌋.
pub fn phe_quantile(values: &[f64], nquantiles: u32, invert: bool) -> Result<Vec<f64>, StatsError> {
    if nquantiles == 0 {
        return Err(StatsError::Invalid("nquantiles must be at least 1".into()));
    }
    if values.iter().any(|v| v.is_infinite()) {
        return Err(StatsError::Invalid("values must be finite".into()));
    }
    let known: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    let n = known.len() as f64;
    let q = nquantiles as f64;
    if n < q {
        return Ok(vec![f64::NAN; values.len()]);
    }
    let max = known.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // As the package: inverted values are max − value, then ranked ascending with ties at the minimum rank.
    let adj = |v: f64| if invert { max - v } else { v };
    let adjusted: Vec<f64> = known.iter().map(|&v| adj(v)).collect();
    Ok(values
        .iter()
        .map(|&v| {
            if v.is_nan() {
                return f64::NAN;
            }
            let a = adj(v);
            let rank = 1.0 + adjusted.iter().filter(|&&o| o < a).count() as f64;
            let quantile = ((q + 1.0) - (((n + 1.0) - rank) / (n / q)).ceil()).floor();
            if quantile == 0.0 {
                1.0
            } else {
                quantile
            }
        })
        .collect())
}
