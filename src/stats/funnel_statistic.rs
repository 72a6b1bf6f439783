//! What a funnel plot is drawn for (proportions, ratios, rates) and which side of it a limit is on.

/// Which side of the funnel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The lower limit.
    Low,
    /// The upper limit.
    High,
}

/// How ratio limits are expressed: "count" (ratio − 1) or "isr" (ratio × 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioType {
    /// Limits as ratio − 1.
    Count,
    /// Limits as ratio × 100.
    Isr,
}

/// Which kind of rate the funnel is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateType {
    /// Directly standardised rates (rows with 0 events carry no denominator; < 10 events not assessed).
    Dsr,
    /// Crude rates.
    Crude,
}

/// The statistic a funnel is drawn for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FunnelStatistic {
    /// Proportions (numerator / denominator), Wilson-style limits.
    Proportion,
    /// Ratios of observed to expected counts, Poisson limits.
    Ratio(RatioType),
    /// Rates from events and rates, Poisson limits; populations shown per year.
    Rate {
        /// Crude or directly standardised.
        rate_type: RateType,
        /// Years of data pooled in each value (populations are shown per year).
        years_of_data: f64,
    },
}
