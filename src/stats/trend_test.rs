//! Fingertips' recent-trend tests: the CI-weighted least-squares slope and the χ² test for trend on counts.

use super::StatsError;

/// χ²₁ quantile at 0.998: the recent trend is significant only above this (a 99.8% two-sided test).
pub const TREND_CHI_SQUARE_CRITICAL: f64 = 9.54953570608324;

/// A fitted trend: its slope (per time step) and the χ² statistic of the slope.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendFit {
    /// Slope of value on time (weighted regression) or the sign-carrying numerator (χ² for trend).
    pub slope: f64,
    /// χ² statistic with one degree of freedom.
    pub chi_square: f64,
}

/// Standard error from 95% limits: (upper − lower) / 3.92, as Fingertips weights its points.
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): se = (upper95 − lower95) / 3.92.
pub fn standard_error_from_95(lower: f64, upper: f64) -> f64 {
    (upper - lower) / 3.92
}

fn check_lengths(expected: usize, found: usize) -> Result<(), StatsError> {
    if expected == found {
        Ok(())
    } else {
        Err(StatsError::LengthMismatch { expected, found })
    }
}

/// Weighted least-squares slope of `values` on `times` with weights 1/se², and χ² = (b / se_b)².
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): CI-weighted regression, w = 1/se².
pub fn weighted_trend(times: &[f64], values: &[f64], standard_errors: &[f64]) -> Result<TrendFit, StatsError> {
    check_lengths(times.len(), values.len())?;
    check_lengths(times.len(), standard_errors.len())?;
    if times.len() < 2 {
        return Err(StatsError::TooFewValues { needed: 2, found: times.len() });
    }
    let (mut s1, mut st, mut sy, mut stt, mut sty) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for ((&t, &y), &se) in times.iter().zip(values).zip(standard_errors) {
        if !(t.is_finite() && y.is_finite() && se.is_finite()) {
            return Err(StatsError::Missing("value, time or standard error"));
        }
        if se <= 0.0 {
            return Err(StatsError::Invalid("a standard error is zero or negative (the interval has no width)".into()));
        }
        let w = 1.0 / (se * se);
        s1 += w;
        st += w * t;
        sy += w * y;
        stt += w * t * t;
        sty += w * t * y;
    }
    let determinant = s1 * stt - st * st;
    if determinant <= 0.0 || !determinant.is_finite() {
        return Err(StatsError::Invalid("all points are at the same time".into()));
    }
    let slope = (s1 * sty - st * sy) / determinant;
    let se_slope = (s1 / determinant).sqrt();
    Ok(TrendFit { slope, chi_square: (slope / se_slope).powi(2) })
}

/// χ² test for trend in proportions: χ² = N(N·Σxt − X·Σnt)² / (X(N − X)(N·Σnt² − (Σnt)²)); the
/// slope returned is N·Σxt − X·Σnt, whose sign is the direction of the trend.
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): χ² test for trend on counts, for
/// proportions.
pub fn chi_square_trend_counts(times: &[f64], counts: &[f64], denominators: &[f64]) -> Result<TrendFit, StatsError> {
    check_lengths(times.len(), counts.len())?;
    check_lengths(times.len(), denominators.len())?;
    let (mut n_total, mut x_total, mut sxt, mut snt, mut sntt) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for ((&t, &x), &n) in times.iter().zip(counts).zip(denominators) {
        if !(t.is_finite() && x.is_finite() && n.is_finite()) {
            return Err(StatsError::Missing("count, denominator or time"));
        }
        if x < 0.0 {
            return Err(StatsError::NegativeNumerator);
        }
        if n <= 0.0 {
            return Err(StatsError::NonPositiveDenominator);
        }
        if x > n {
            return Err(StatsError::NumeratorGreaterThanDenominator);
        }
        n_total += n;
        x_total += x;
        sxt += x * t;
        snt += n * t;
        sntt += n * t * t;
    }
    let numerator = n_total * sxt - x_total * snt;
    let denominator = x_total * (n_total - x_total) * (n_total * sntt - snt * snt);
    if denominator <= 0.0 || !denominator.is_finite() {
        return Err(StatsError::Invalid("no events, all events, or all points at one time".into()));
    }
    Ok(TrendFit { slope: numerator, chi_square: n_total * numerator * numerator / denominator })
}

/// Unweighted least-squares slope of `values` on `times` (the stability check of the χ²-for-trend path
/// fits logit(x/n) this way).
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): the unweighted slope of logit(x/n) on
/// t for the direction of a proportion's trend.
pub fn ordinary_slope(times: &[f64], values: &[f64]) -> Result<f64, StatsError> {
    let ones = vec![1.0; times.len()];
    weighted_trend(times, values, &ones).map(|fit| fit.slope)
}

/// True when `fit` leaves every leave-one-out slope with the full slope's sign (zero counts as positive),
/// as Fingertips requires before calling a trend significant.
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): significant only if all 6 slopes (full
/// and leave-one-out) share a sign.
pub fn slope_sign_stable(full_slope: f64, leave_one_out_slopes: &[f64]) -> bool {
    let positive = |s: f64| s >= 0.0;
    leave_one_out_slopes.iter().all(|&s| positive(s) == positive(full_slope))
}

/// The indices of `0..len` without `skip`, for leave-one-out fits.
///
/// # Method / Reference
/// Fingertips technical guidance, "Fingertips trend markers" (OHID, 2025): the leave-one-out fits.
pub fn without(len: usize, skip: usize) -> impl Iterator<Item = usize> {
    (0..len).filter(move |&i| i != skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_weights_give_the_ordinary_slope() {
        let fit = weighted_trend(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0], &[1.0, 1.0, 1.0]).unwrap();
        assert!((fit.slope - 2.0).abs() < 1e-12);
        // se_b = √(S1 / (S1·Stt − St²)) = √(3 / (3·14 − 36)) = √0.5, so χ² = 4 / 0.5 = 8.
        assert!((fit.chi_square - 8.0).abs() < 1e-9);
    }

    #[test]
    fn errors_are_values() {
        assert!(weighted_trend(&[1.0], &[1.0], &[1.0]).is_err());
        assert!(weighted_trend(&[1.0, 2.0], &[1.0, 2.0], &[0.0, 1.0]).is_err());
        assert!(weighted_trend(&[1.0, 1.0], &[1.0, 2.0], &[1.0, 1.0]).is_err());
        assert!(chi_square_trend_counts(&[1.0, 2.0], &[0.0, 0.0], &[10.0, 10.0]).is_err());
        assert!(chi_square_trend_counts(&[1.0, 2.0], &[11.0, 0.0], &[10.0, 10.0]).is_err());
        assert!(slope_sign_stable(1.0, &[0.5, 0.0, 2.0]));
        assert!(!slope_sign_stable(1.0, &[0.5, -0.1]));
    }
}
