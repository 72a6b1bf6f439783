//! The least-squares line of one indicator on another across areas (compare indicators), and its fitted values.

use crate::stats::{least_squares, StatsError};

/// Fewest areas a line is fitted through.
pub const MIN_AREAS: usize = 3;

/// The line y = intercept + slope · x of the second indicator on the first, across areas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorFit {
    /// Change in y per unit of x.
    pub slope: f64,
    /// y at x = 0.
    pub intercept: f64,
    /// Coefficient of determination (share of the variance of y the line explains).
    pub r_squared: f64,
}

impl IndicatorFit {
    /// The line's y at `x`.
    pub fn fitted(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }
}

/// Fits y on x through the areas' value pairs (ordinary least squares); needs [`MIN_AREAS`] pairs and x not all equal.
pub fn fit_indicators(x: &[f64], y: &[f64]) -> Result<IndicatorFit, StatsError> {
    let fit = least_squares(x, y)?;
    Ok(IndicatorFit { slope: fit.slope, intercept: fit.intercept, r_squared: fit.r_squared })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_a_line_and_gives_its_values() {
        let fit = fit_indicators(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((fit.slope - 0.8).abs() < 1e-12 && (fit.intercept - 0.5).abs() < 1e-12);
        assert!((fit.r_squared - 0.64).abs() < 1e-12);
        assert!((fit.fitted(2.0) - 2.1).abs() < 1e-12);
    }

    #[test]
    fn too_few_areas_or_equal_x_are_errors() {
        assert!(fit_indicators(&[1.0, 2.0], &[1.0, 2.0]).is_err());
        assert!(fit_indicators(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]).is_err());
        assert_eq!(MIN_AREAS, 3);
    }
}
