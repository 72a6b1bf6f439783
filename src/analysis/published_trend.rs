//! The file's published recent trend as evidence: shown where the series here cannot be tested, checked where it can.

use super::recent_trend::{RecentTrend, RecentTrendResult};

/// Reconciles the trend computed here with the `Recent Trend` label the file printed on the series' latest row:
/// where the series cannot be tested here (a single-period download, too few periods loaded) and the file
/// published a real trend, the published one is shown and marked; where both exist and differ, both are said.
pub fn reconcile_trend(mut result: RecentTrendResult, published: &str) -> RecentTrendResult {
    let Some(label) = RecentTrend::from_label(published) else { return result };
    match (result.trend, label) {
        (RecentTrend::CannotBeCalculated, RecentTrend::CannotBeCalculated) => {}
        (RecentTrend::CannotBeCalculated, label) => {
            result.reason = format!("published by the file: “{}” (cannot be recomputed here: {})", label.label(), result.reason);
            result.trend = label;
        }
        (own, label) if own != label => {
            result.reason = format!("{}; differs from the file's published “{}”", result.reason, label.label());
        }
        _ => {}
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(trend: RecentTrend, reason: &str) -> RecentTrendResult {
        RecentTrendResult { trend, reason: reason.into(), chi_square: None, slope: None, test: None }
    }

    #[test]
    fn published_trend_fills_a_series_too_short_to_test() {
        let got = reconcile_trend(result(RecentTrend::CannotBeCalculated, "needs at least 5 points; the series has 1"), "Decreasing and getting better");
        assert_eq!(got.trend, RecentTrend::DecreasingAndBetter);
        assert!(got.reason.starts_with("published by the file"), "{}", got.reason);
    }

    #[test]
    fn a_different_published_trend_is_flagged_and_nothing_is_invented() {
        let got = reconcile_trend(result(RecentTrend::Increasing, "χ² = 12"), "No significant change");
        assert_eq!(got.trend, RecentTrend::Increasing);
        assert!(got.reason.ends_with("differs from the file's published “No significant change”"));
        let same = reconcile_trend(result(RecentTrend::CannotBeCalculated, "quarterly"), "Cannot be calculated");
        assert_eq!(same.reason, "quarterly");
        assert_eq!(reconcile_trend(result(RecentTrend::Increasing, "x"), "").reason, "x");
    }
}
