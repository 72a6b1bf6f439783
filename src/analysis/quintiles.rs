//! Quintiles and percentiles of area values, for indicators without intervals and for spine charts.

/// The quintile (1 = lowest values … 5 = highest) of `value` among `sorted` values (ascending, finite),
/// by PHEindicatormethods' `phe_quantile` rule with ties given the lowest rank; None with fewer than 5 values.
pub fn quintile_of(value: f64, sorted: &[f64]) -> Option<u8> {
    let count = sorted.len();
    if count < 5 || !value.is_finite() {
        return None;
    }
    let rank = 1 + sorted.partition_point(|&v| v < value);
    let per_quintile = count as f64 / 5.0;
    let quintile = (6.0 - (((count + 1 - rank) as f64) / per_quintile).ceil()).floor();
    Some(quintile.clamp(1.0, 5.0) as u8)
}

/// The `p` quantile (0–1) of ascending `sorted` values by linear interpolation (R's type 7); NaN when empty.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() || !p.is_finite() {
        return f64::NAN;
    }
    let position = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    sorted[below] + (sorted[above] - sorted[below]) * (position - below as f64)
}

/// The finite values sorted ascending.
pub fn sorted_finite(values: impl IntoIterator<Item = f64>) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.into_iter().filter(|v| v.is_finite()).collect();
    sorted.sort_by(|a, b| a.total_cmp(b));
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_values_two_per_quintile() {
        let sorted: Vec<f64> = (1..=10).map(f64::from).collect();
        let quintiles: Vec<u8> = sorted.iter().map(|&v| quintile_of(v, &sorted).unwrap_or(0)).collect();
        assert_eq!(quintiles, vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    }

    #[test]
    fn nine_values_and_ties() {
        let sorted: Vec<f64> = (1..=9).map(f64::from).collect();
        assert_eq!(quintile_of(1.0, &sorted), Some(1));
        assert_eq!(quintile_of(9.0, &sorted), Some(5));
        assert_eq!(quintile_of(5.0, &sorted), Some(3));
        let ties = [1.0, 2.0, 2.0, 2.0, 2.0, 3.0];
        assert_eq!(quintile_of(2.0, &ties), quintile_of(2.0, &ties));
        assert_eq!(quintile_of(1.0, &[1.0, 2.0, 3.0, 4.0]), None);
    }

    #[test]
    fn percentiles_interpolate() {
        let sorted = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&sorted, 0.25), 2.0);
        assert_eq!(percentile(&sorted, 0.5), 3.0);
        assert!((percentile(&[1.0, 2.0], 0.75) - 1.75).abs() < 1e-12);
        assert!(percentile(&[], 0.5).is_nan());
    }
}
