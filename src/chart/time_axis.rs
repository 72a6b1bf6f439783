//! Time-axis helpers shared by the trend and SPC charts: fractional years as readable tick labels.

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A fractional year as a tick label: `Apr 2018` when the axis spans under 4 years, else `2018`.
pub fn time_label(x: f64, span_years: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let year = x.floor();
    if span_years < 4.0 {
        let month = (((x - year) * 12.0).floor() as usize).min(11);
        format!("{} {}", MONTHS[month], year as i64)
    } else {
        format!("{}", x.round() as i64)
    }
}

/// The axis range covering `xs`, padded by half a step either side (at least a month).
pub fn padded_range(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = xs.filter(|x| x.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if !low.is_finite() {
        return (2000.0, 2001.0);
    }
    let pad = ((high - low) * 0.05).max(1.0 / 12.0);
    (low - pad, high + pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(time_label(2018.29, 1.0), "Apr 2018");
        assert_eq!(time_label(2017.75, 10.0), "2018");
        assert_eq!(padded_range([2017.0, 2019.0].into_iter()), (2016.9, 2019.1));
    }
}
