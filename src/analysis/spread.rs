//! The spread of area values for a spine chart: lowest, highest, 25th and 75th percentiles.

use super::quintiles::{percentile, sorted_finite};
use serde::Serialize;

/// Lowest, highest and quartiles of a set of area values.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// Smallest value.
    pub lowest: f64,
    /// Largest value.
    pub highest: f64,
    /// 25th percentile (linear interpolation, R type 7).
    pub p25: f64,
    /// 75th percentile.
    pub p75: f64,
    /// Number of values.
    pub count: usize,
}

impl Spread {
    /// The spread of the finite values; None when there are none.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
        let sorted = sorted_finite(values);
        let (&lowest, &highest) = (sorted.first()?, sorted.last()?);
        Some(Spread { lowest, highest, p25: percentile(&sorted, 0.25), p75: percentile(&sorted, 0.75), count: sorted.len() })
    }
}

/// Positions on a spine centred on `centre` (England): −1…1 in "distance from England", flipped when
/// `flip` (low is good) so that better is always to the right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpineScale {
    /// The centre value (England).
    pub centre: f64,
    /// The larger distance from the centre to the lowest or highest value.
    pub half_width: f64,
    /// True when low is good (the axis runs from high on the left to low on the right).
    pub flip: bool,
}

impl SpineScale {
    /// The scale for a spread around `centre`; None when the centre is missing or all values equal it.
    pub fn new(centre: f64, spread: &Spread, flip: bool) -> Option<SpineScale> {
        let half_width = (spread.lowest - centre).abs().max((spread.highest - centre).abs());
        (centre.is_finite() && half_width.is_finite() && half_width > 0.0).then_some(SpineScale { centre, half_width, flip })
    }

    /// The position of `value` in −1…1 (outside for values beyond the spread); None for NaN.
    pub fn position(&self, value: f64) -> Option<f64> {
        let distance = (value - self.centre) / self.half_width;
        distance.is_finite().then_some(if self.flip { -distance } else { distance })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_and_scale() {
        let spread = Spread::of([1.0, 2.0, 3.0, 4.0, 5.0, f64::NAN]).expect("spread");
        assert_eq!((spread.lowest, spread.highest, spread.p25, spread.p75, spread.count), (1.0, 5.0, 2.0, 4.0, 5));
        let scale = SpineScale::new(2.0, &spread, false).expect("scale");
        assert_eq!(scale.half_width, 3.0);
        assert_eq!(scale.position(5.0), Some(1.0));
        assert_eq!(scale.position(2.0), Some(0.0));
        let flipped = SpineScale::new(2.0, &spread, true).expect("scale");
        assert_eq!(flipped.position(5.0), Some(-1.0));
        assert!(SpineScale::new(3.0, &Spread::of([3.0]).expect("one"), false).is_none());
        assert!(Spread::of([f64::NAN]).is_none());
    }
}
