//! The file's published recent trend as evidence: shown where the series here cannot be tested, checked where it can.

use super::trend_label::RecentTrend;

/// Reconciles the trend computed here with the `Recent Trend` label the file printed on the series' latest row:
/// where the series cannot be tested here (a single-period download, too few periods loaded) and the file
/// published a real trend, the published one is shown and marked; where both exist and differ, both are said.
pub fn reconcile_trend(trend: &mut RecentTrend, reason: &mut String, published: &str) {
    let Some(label) = RecentTrend::from_label(published) else { return };
    match (*trend, label) {
        (RecentTrend::CannotBeCalculated, RecentTrend::CannotBeCalculated) => {}
        (RecentTrend::CannotBeCalculated, label) => {
            *reason = format!("published by the file: “{}” (cannot be recomputed here: {reason})", label.label());
            *trend = label;
        }
        (own, label) if own != label => {
            *reason = format!("{reason}; differs from the file's published “{}”", label.label());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (trend, reason) reconciled with `published`.
    fn reconcile(trend: RecentTrend, reason: &str, published: &str) -> (RecentTrend, String) {
        let (mut trend, mut reason) = (trend, reason.to_owned());
        reconcile_trend(&mut trend, &mut reason, published);
        (trend, reason)
    }

    #[test]
    fn published_trend_fills_a_series_too_short_to_test() {
        let got = reconcile(RecentTrend::CannotBeCalculated, "needs at least 5 points; the series has 1", "Decreasing and getting better");
        assert_eq!(got.0, RecentTrend::DecreasingAndBetter);
        assert!(got.1.starts_with("published by the file"), "{}", got.1);
    }

    #[test]
    fn a_different_published_trend_is_flagged_and_nothing_is_invented() {
        let got = reconcile(RecentTrend::Increasing, "χ² = 12", "No significant change");
        assert_eq!(got.0, RecentTrend::Increasing);
        assert!(got.1.ends_with("differs from the file's published “No significant change”"));
        let same = reconcile(RecentTrend::CannotBeCalculated, "quarterly", "Cannot be calculated");
        assert_eq!(same.1, "quarterly");
        assert_eq!(reconcile(RecentTrend::Increasing, "x", "").1, "x");
    }
}
