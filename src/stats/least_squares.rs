//! Ordinary least-squares line of y on x with its coefficient of determination (R²).

use super::StatsError;

/// A fitted straight line y = intercept + slope · x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineFit {
    /// Change in y per unit of x.
    pub slope: f64,
    /// y at x = 0.
    pub intercept: f64,
    /// Share of the variance of y explained by the line (the squared Pearson correlation).
    pub r_squared: f64,
    /// Number of (x, y) pairs used.
    pub n: usize,
}

/// Least-squares line through the pairs (x, y); needs 3 or more pairs and x that are not all equal.
///
/// # Method / Reference
/// Ordinary least squares with R² the squared Pearson correlation, as R's `lm(y ~ x)` and `summary()$r.squared`;
/// not a PHEindicatormethods function.
pub fn least_squares(x: &[f64], y: &[f64]) -> Result<LineFit, StatsError> {
    if x.len() != y.len() {
        return Err(StatsError::LengthMismatch { expected: x.len(), found: y.len() });
    }
    if x.len() < 3 {
        return Err(StatsError::TooFewValues { needed: 3, found: x.len() });
    }
    if x.iter().chain(y).any(|v| !v.is_finite()) {
        return Err(StatsError::Missing("x or y value"));
    }
    let n = x.len() as f64;
    let mean_x = x.iter().sum::<f64>() / n;
    let mean_y = y.iter().sum::<f64>() / n;
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for (&xi, &yi) in x.iter().zip(y) {
        let (dx, dy) = (xi - mean_x, yi - mean_y);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if sxx <= 0.0 {
        return Err(StatsError::Invalid("every x value is the same: no line can be fitted".into()));
    }
    let slope = sxy / sxx;
    let intercept = mean_y - slope * mean_x;
    // All y equal: the line explains everything there is (none); report 1 only when it fits exactly.
    let r_squared = if syy > 0.0 { sxy * sxy / (sxx * syy) } else { 1.0 };
    Ok(LineFit { slope, intercept, r_squared, n: x.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_line_and_noise() {
        let fit = least_squares(&[1.0, 2.0, 3.0], &[3.0, 5.0, 7.0]).unwrap();
        assert!((fit.slope - 2.0).abs() < 1e-12 && (fit.intercept - 1.0).abs() < 1e-12 && (fit.r_squared - 1.0).abs() < 1e-12);
        let fit = least_squares(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((fit.slope - 0.8).abs() < 1e-12);
        assert!((fit.r_squared - 0.64).abs() < 1e-12);
        assert!(least_squares(&[1.0, 2.0], &[1.0, 2.0]).is_err());
        assert!(least_squares(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]).is_err());
        assert!(least_squares(&[1.0, f64::NAN, 1.0], &[1.0, 2.0, 3.0]).is_err());
    }
}
