//! Quantile functions (normal, chi-squared, Student's t) on top of `statrs`, guarded against panics.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal, StudentsT};

/// Standard normal quantile Φ⁻¹(p); NaN outside (0, 1) except ±∞ at 0 and 1.
///
/// # Method / Reference
/// R's `qnorm` (which PHEindicatormethods calls); computed with `statrs`.
pub fn norm_quantile(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    match Normal::new(0.0, 1.0) {
        Ok(n) => n.inverse_cdf(p),
        Err(_) => f64::NAN,
    }
}

/// Chi-squared quantile with `df` degrees of freedom; `df = 0` is the point mass at 0 (as R's qchisq).
///
/// # Method / Reference
/// R's `qchisq` (PHEindicatormethods' exact Poisson limits call it); computed with `statrs`.
pub fn chisq_quantile(p: f64, df: f64) -> f64 {
    if p.is_nan() || df.is_nan() || !(0.0..=1.0).contains(&p) || df < 0.0 {
        return f64::NAN;
    }
    if df == 0.0 || p == 0.0 {
        return 0.0;
    }
    match ChiSquared::new(df) {
        Ok(d) => d.inverse_cdf(p),
        Err(_) => f64::NAN,
    }
}

/// Student's t quantile with `df` degrees of freedom; NaN for df ≤ 0.
///
/// # Method / Reference
/// R's `qt` (PHEindicatormethods' `phe_mean` / `calculate_mean` calls it); computed with `statrs`.
pub fn t_quantile(p: f64, df: f64) -> f64 {
    if p.is_nan() || df.is_nan() || !(0.0..=1.0).contains(&p) || df <= 0.0 {
        return f64::NAN;
    }
    match StudentsT::new(0.0, 1.0, df) {
        Ok(d) => d.inverse_cdf(p),
        Err(_) => f64::NAN,
    }
}
