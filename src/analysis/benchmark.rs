//! Benchmarking: each observation compared with England, its parent, an area or a comparator set, with the reason.

use super::area_types::{is_local_area, row_area_type, row_parent};
pub use super::benchmark_outcome::{BenchmarkOutcome, ComparisonSource};
use super::benchmark_target::{benchmark_value, Benchmark, BenchmarkMethod, BenchmarkValue};
use super::interval_rule::{comparison_for_position, interval_position, IntervalPosition};
use super::number_text::format_number;
use super::observation_groups::{group_key, GroupKey, ObservationGroups};
use super::polarity::{effective_polarity, polarity_text, PolarityOverrides};
use super::quintiles::{quintile_of, sorted_finite};
use super::{Comparison, ConfidenceLevel, NotComparedReason};
use crate::model::{Dataset, IntervalSource, Polarity};
use std::collections::HashMap;

/// Choices for a benchmarking run.
#[derive(Clone, Debug, Default)]
pub struct BenchmarkOptions {
    /// What each value is compared against.
    pub benchmark: Benchmark,
    /// Which interval is used for every indicator; None: each indicator's own (the level its file's labels show, else 95%).
    pub level: Option<ConfidenceLevel>,
    /// Level chosen by the user per indicator key, over the file's evidence.
    pub level_overrides: std::collections::BTreeMap<String, ConfidenceLevel>,
    /// Polarity set by the user, by indicator key.
    pub polarity_overrides: PolarityOverrides,
    /// Do not rank by quintiles when a group has no intervals (then: Not compared, no interval).
    pub no_quintiles: bool,
}

/// Compares observations of one dataset; builds its indexes once.
#[derive(Debug)]
pub struct Benchmarker<'a> {
    dataset: &'a Dataset,
    options: BenchmarkOptions,
    groups: ObservationGroups,
    quintile_values: HashMap<(GroupKey, String), Vec<f64>>,
    /// Whether each group has an interval at any level (else it is ranked by quintiles).
    groups_with_intervals: HashMap<GroupKey, bool>,
}

impl<'a> Benchmarker<'a> {
    /// Indexes `dataset` for comparisons under `options`.
    pub fn new(dataset: &'a Dataset, options: BenchmarkOptions) -> Benchmarker<'a> {
        let groups = ObservationGroups::new(dataset);
        let mut quintile_values: HashMap<(GroupKey, String), Vec<f64>> = HashMap::new();
        let mut groups_with_intervals: HashMap<GroupKey, bool> = HashMap::new();
        for observation in dataset.rows() {
            let key = group_key(observation);
            let has_interval = [ConfidenceLevel::P95, ConfidenceLevel::P998].iter().any(|level| {
                let (lower, upper) = level.interval(observation);
                lower.is_finite() && upper.is_finite()
            });
            *groups_with_intervals.entry(key).or_insert(false) |= has_interval;
            if let Some(area) = dataset.areas.get(observation.area as usize) {
                if is_local_area(area) && observation.value.is_finite() {
                    quintile_values.entry((key, row_area_type(dataset, observation).into_owned())).or_default().push(observation.value);
                }
            }
        }
        for values in quintile_values.values_mut() {
            *values = sorted_finite(values.iter().copied());
        }
        Benchmarker { dataset, options, groups, quintile_values, groups_with_intervals }
    }

    /// The options in use.
    pub fn options(&self) -> &BenchmarkOptions {
        &self.options
    }

    /// The grouped rows (shared with views that need an area's row in a group).
    pub fn groups(&self) -> &ObservationGroups {
        &self.groups
    }

    /// The polarity used for an indicator (the user's override, else what its files show).
    pub fn polarity_of(&self, indicator: u32) -> Polarity {
        effective_polarity(self.dataset, indicator, &self.options.polarity_overrides)
    }

    /// The confidence level used for an indicator: the run's level, the user's choice for it, the level
    /// its file's published labels show, else 95%.
    pub fn level_of(&self, indicator: u32) -> ConfidenceLevel {
        let meta = self.dataset.indicators.get(indicator as usize);
        self.options
            .level
            .or_else(|| meta.and_then(|m| self.options.level_overrides.get(m.key()).copied()))
            .or_else(|| meta.and_then(|m| m.level))
            .unwrap_or_default()
    }

    /// The benchmark's value for the group and area of `row`.
    pub fn benchmark_for_row(&self, row: usize) -> Option<BenchmarkValue> {
        let observation = self.dataset.row(row);
        let parent = row_parent(self.dataset, observation);
        benchmark_value(self.dataset, &self.groups, &self.options.benchmark, &group_key(observation), parent)
    }

    /// Every observation's outcome, in row order.
    pub fn all(&self) -> Vec<BenchmarkOutcome> {
        (0..self.dataset.len()).map(|row| self.outcome(row)).collect()
    }

    /// The outcome for the observation at `row`: the tool's own, reconciled with the label the file published.
    pub fn outcome(&self, row: usize) -> BenchmarkOutcome {
        let observation = self.dataset.row(row);
        let published = match self.options.benchmark {
            Benchmark::England => self.dataset.text(observation.published_england),
            Benchmark::Parent => self.dataset.text(observation.published_parent),
            _ => "",
        };
        super::published_comparison::reconcile(self.computed_outcome(row), published.trim())
    }

    /// The outcome by the tool's own rule, before the published label is consulted.
    fn computed_outcome(&self, row: usize) -> BenchmarkOutcome {
        let observation = self.dataset.row(row);
        let level = self.level_of(observation.indicator);
        let key = group_key(observation);
        let polarity = self.polarity_of(observation.indicator);
        let benchmark = self.benchmark_for_row(row);
        let (benchmark_value, benchmark_name, benchmark_method, benchmark_area) = match &benchmark {
            Some(b) => (b.value, b.name.clone(), b.method, b.area),
            None => (f64::NAN, String::new(), BenchmarkMethod::AreaValue, None),
        };
        let not_compared = |reason: NotComparedReason| BenchmarkOutcome {
            comparison: Comparison::NotCompared(reason),
            source: ComparisonSource::None,
            benchmark_value,
            benchmark_name: benchmark_name.clone(),
            benchmark_method,
            polarity,
            level,
            explanation: self.not_compared_text(reason, observation.period),
            published: String::new(),
            differs: false,
        };
        if !observation.value.is_finite() {
            let suppressed = !self.dataset.text(observation.note).trim().is_empty();
            return not_compared(if suppressed { NotComparedReason::Suppressed } else { NotComparedReason::NoValue });
        }
        if benchmark_area == Some(observation.area) {
            return not_compared(NotComparedReason::BenchmarkIsArea);
        }
        let group_has_intervals = self.groups_with_intervals.get(&key).copied().unwrap_or(false);
        if !group_has_intervals && !self.options.no_quintiles && self.dataset.text(observation.category_type).is_empty() {
            return self.quintile_outcome(row, key, polarity, benchmark_value, benchmark_name, benchmark_method);
        }
        let (lower, upper) = level.interval(observation);
        if !(lower.is_finite() && upper.is_finite()) {
            return not_compared(NotComparedReason::NoInterval);
        }
        if !benchmark_value.is_finite() {
            return not_compared(NotComparedReason::NoBenchmarkValue);
        }
        let Some(position) = interval_position(lower, upper, benchmark_value) else {
            return not_compared(NotComparedReason::NoInterval);
        };
        let comparison = comparison_for_position(position, polarity);
        let source = match observation.interval_source {
            IntervalSource::ComputedWilson | IntervalSource::ComputedPoisson => ComparisonSource::ComputedInterval,
            _ => ComparisonSource::PublishedInterval,
        };
        let relation = match position {
            IntervalPosition::Overlapping if lower == benchmark_value || upper == benchmark_value => "touches",
            other => other.text(),
        };
        let mut explanation =
            format!("{} CI {}–{} {} {} {}", level.text(), format_number(lower), format_number(upper), relation, benchmark_name, format_number(benchmark_value));
        if position != IntervalPosition::Overlapping {
            explanation.push_str("; ");
            explanation.push_str(polarity_text(polarity));
        }
        BenchmarkOutcome {
            comparison,
            source,
            benchmark_value,
            benchmark_name,
            benchmark_method,
            polarity,
            level,
            explanation,
            published: String::new(),
            differs: false,
        }
    }

    /// "Not compared: no England value for 2019/20" and the like: the reason with the benchmark and period.
    fn not_compared_text(&self, reason: NotComparedReason, period: u32) -> String {
        let period = self.dataset.periods.get(period as usize).map(|p| p.label.as_str()).unwrap_or("");
        match reason {
            NotComparedReason::NoBenchmarkValue => format!("Not compared: no {} value for {period}", self.options.benchmark.display_name(self.dataset)),
            other => format!("Not compared: {} ({period})", other.text()),
        }
    }

    fn quintile_outcome(
        &self,
        row: usize,
        key: GroupKey,
        polarity: Polarity,
        benchmark_value: f64,
        benchmark_name: String,
        benchmark_method: BenchmarkMethod,
    ) -> BenchmarkOutcome {
        let observation = self.dataset.row(row);
        let make = |comparison: Comparison, source: ComparisonSource, explanation: String| BenchmarkOutcome {
            comparison,
            source,
            benchmark_value,
            benchmark_name: benchmark_name.clone(),
            benchmark_method,
            polarity,
            level: self.level_of(observation.indicator),
            explanation,
            published: String::new(),
            differs: false,
        };
        let Some(area) = self.dataset.areas.get(observation.area as usize) else {
            let reason = NotComparedReason::NotInQuintileGroup;
            return make(Comparison::NotCompared(reason), ComparisonSource::None, self.not_compared_text(reason, observation.period));
        };
        if !is_local_area(area) {
            let reason = NotComparedReason::NotInQuintileGroup;
            return make(Comparison::NotCompared(reason), ComparisonSource::None, self.not_compared_text(reason, observation.period));
        }
        let area_type = row_area_type(self.dataset, observation).into_owned();
        let sorted = self.quintile_values.get(&(key, area_type.clone())).map(Vec::as_slice).unwrap_or(&[]);
        match quintile_of(observation.value, sorted) {
            Some(quintile) => {
                let rank = 1 + sorted.partition_point(|&v| v < observation.value);
                let comparison = Comparison::Quintile(quintile);
                let explanation = format!(
                    "no intervals: value {} ranks {} of {} {} (lowest first), quintile {} ({})",
                    format_number(observation.value),
                    rank,
                    sorted.len(),
                    area_type,
                    quintile,
                    comparison.label()
                );
                make(comparison, ComparisonSource::Quintile, explanation)
            }
            None => {
                let reason = NotComparedReason::TooFewAreasForQuintiles;
                make(Comparison::NotCompared(reason), ComparisonSource::None, self.not_compared_text(reason, observation.period))
            }
        }
    }
}
