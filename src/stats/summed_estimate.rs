//! Sums of independent estimates (numbers from separate age bands) and the interval of their total.

use super::Estimate;

/// The total of independent estimates: values add; each side's half-width is the root sum of
/// squares of the parts' half-widths on that side (independent errors, asymmetry kept).
/// The limits are NaN when any part lacks them: a partial interval would claim false precision.
///
/// # Method / Reference
/// Propagation of independent errors (root sum of squares of each side's half-width); not a PHEindicatormethods
/// function.
pub fn sum_independent(parts: &[Estimate]) -> Estimate {
    if parts.is_empty() {
        return Estimate { value: 0.0, lower: f64::NAN, upper: f64::NAN };
    }
    let value: f64 = parts.iter().map(|p| p.value).sum();
    let has_limits = parts.iter().all(|p| p.lower.is_finite() && p.upper.is_finite());
    if !has_limits {
        return Estimate { value, lower: f64::NAN, upper: f64::NAN };
    }
    let below: f64 = parts.iter().map(|p| (p.value - p.lower).max(0.0).powi(2)).sum();
    let above: f64 = parts.iter().map(|p| (p.upper - p.value).max(0.0).powi(2)).sum();
    Estimate { value, lower: (value - below.sqrt()).max(0.0), upper: value + above.sqrt() }
}

/// An estimate scaled by a constant (a rate's limits × a population taken as exact).
///
/// # Method / Reference
/// A constant factor scales a value and its limits alike (no package function needed).
pub fn scale(estimate: Estimate, factor: f64) -> Estimate {
    Estimate { value: estimate.value * factor, lower: estimate.lower * factor, upper: estimate.upper * factor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_add_and_half_widths_add_in_quadrature() {
        let a = Estimate { value: 10.0, lower: 7.0, upper: 14.0 };
        let b = Estimate { value: 20.0, lower: 16.0, upper: 23.0 };
        let total = sum_independent(&[a, b]);
        assert_eq!(total.value, 30.0);
        assert!((total.lower - 25.0).abs() < 1e-12); // 30 - sqrt(9 + 16)
        assert!((total.upper - (30.0 + (16.0f64 + 9.0).sqrt())).abs() < 1e-12);
    }

    #[test]
    fn a_part_without_limits_leaves_the_total_without_limits() {
        let a = Estimate { value: 10.0, lower: 7.0, upper: 14.0 };
        let b = Estimate { value: 5.0, lower: f64::NAN, upper: f64::NAN };
        let total = sum_independent(&[a, b]);
        assert_eq!(total.value, 15.0);
        assert!(total.lower.is_nan() && total.upper.is_nan());
        assert_eq!(scale(a, 2.0).upper, 28.0);
    }
}
