//! Confidence limits for an observed count: Byars' approximation and the exact (chi-squared) Poisson limits.

use super::confidence::z_value;
use super::distributions::chisq_quantile;

/// Byars lower limit of a count x at normalised confidence c; NaN when negative (as the package).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `byars_lower` (`R/utils.R`); Fingertips technical guidance, Byars' approximation
/// for counts of 10 and more.
pub fn byars_lower(x: f64, c: f64) -> f64 {
    let z = z_value(c);
    let v = x * (1.0 - 1.0 / (9.0 * x) - z / (3.0 * x.sqrt())).powi(3);
    if v < 0.0 {
        f64::NAN
    } else {
        v
    }
}

/// Byars upper limit of a count x at normalised confidence c.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `byars_upper` (`R/utils.R`).
pub fn byars_upper(x: f64, c: f64) -> f64 {
    let z = z_value(c);
    let x1 = x + 1.0;
    x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * x1.sqrt())).powi(3)
}

/// Exact Poisson lower limit χ²⁻¹((1−c)/2; 2x)/2 (0 when x = 0).
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate` / `calculate_ISRatio` exact limits (`R/Rates.R`): `qchisq(α/2, 2x) / 2`.
pub fn exact_lower(x: f64, c: f64) -> f64 {
    chisq_quantile((1.0 - c) / 2.0, 2.0 * x) / 2.0
}

/// Exact Poisson upper limit χ²⁻¹(c + (1−c)/2; 2x + 2)/2.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate` / `calculate_ISRatio` exact limits (`R/Rates.R`):
/// `qchisq(1 - α/2, 2x + 2) / 2`.
pub fn exact_upper(x: f64, c: f64) -> f64 {
    chisq_quantile(c + (1.0 - c) / 2.0, 2.0 * x + 2.0) / 2.0
}

/// Count limits as the package chooses them: exact below 10 events, Byars at 10 and above.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_rate` (`R/Rates.R`): method "Exact" below 10 events, "Byars" from 10.
pub fn count_limits(x: f64, c: f64) -> (f64, f64) {
    if x < 10.0 {
        (exact_lower(x, c), exact_upper(x, c))
    } else {
        (byars_lower(x, c), byars_upper(x, c))
    }
}
