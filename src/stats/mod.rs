//! Statistical methods of the English public-health indicators (PHEindicatormethods), as pure functions.
//!
//! Every function validates its input and returns a [`StatsError`] instead of panicking;
//! values that the package reports as `NA` are `NaN` here.

mod confidence;
mod distributions;
mod dsr;
mod esp2013;
mod estimate;
mod funnel;
mod funnel_curve;
mod funnel_limit;
mod funnel_statistic;
mod isr;
mod least_squares;
mod life_expectancy;
mod mean;
mod overdispersion;
mod poisson;
mod proportion;
mod quantiles;
mod rate;
mod sii;
mod spc_rules;
mod summed_estimate;
mod trend_test;
mod xmr;

pub use confidence::{normalise_confidence, z_value, CONFIDENCE_PAIR};
pub use distributions::{chisq_quantile, norm_quantile, t_quantile};
pub use dsr::{dsr, dsr_non_independent, DsrResult, DSR_NA_STATISTIC};
pub use esp2013::ESP2013;
pub use estimate::{Estimate, StatsError};
pub use funnel::{assign_funnel_significance, calculate_funnel_limits, FunnelLimits};
pub use funnel_curve::{funnel_axis, funnel_row, FunnelRow};
pub use funnel_limit::{poisson_funnel, sigma_adjustment};
pub use funnel_statistic::{FunnelStatistic, RateType, RatioType, Side};
pub use isr::{expected_count, israte, isratio, reference_rate};
pub use least_squares::{least_squares, LineFit};
pub use life_expectancy::{life_expectancy, LifeExpectancyRow};
pub use mean::{mean_t, MeanResult};
pub use overdispersion::{overdispersion, winsorise, Overdispersion};
pub use poisson::{byars_lower, byars_upper, count_limits, exact_lower, exact_upper};
pub use proportion::{proportion_statistic, wilson_lower, wilson_proportion, wilson_upper};
pub use quantiles::phe_quantile;
pub use rate::{poisson_rate, rate_method_name, rate_statistic};
pub use sii::{sii_point, SiiPoint};
pub use spc_rules::SpcRules;
pub use summed_estimate::{scale, sum_independent};
pub use trend_test::{
    chi_square_trend_counts, ordinary_slope, slope_sign_stable, standard_error_from_95, weighted_trend, without, TrendFit, TREND_CHI_SQUARE_CRITICAL,
};
pub use xmr::{special_causes, special_causes_with, xmr_limits, SpecialCauseRule, XmrLimits, LIMIT_FACTOR, MR_SCREEN_FACTOR, RUN_LENGTH};

/// Formats a multiplier the way R's `format(x, scientific = FALSE)` does for labels (100000, 0.5).
///
/// # Method / Reference
/// R's `format(x, scientific = FALSE)`, as PHEindicatormethods v2.1.0 writes multipliers into its `statistic`
/// labels.
pub fn format_multiplier(m: f64) -> String {
    if m.is_finite() && m.fract() == 0.0 && m.abs() < 1e15 {
        format!("{}", m as i64)
    } else {
        format!("{m}")
    }
}
