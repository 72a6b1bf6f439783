//! Analyses composed from the statistics: benchmark comparisons, trends, targets, prevalence.

pub mod access;
pub use crate::model::age_band;
pub mod area_types;
pub mod benchmark;
mod benchmark_outcome;
pub mod benchmark_target;
mod comparison;
pub mod computed_intervals;
pub mod deprivation_order;
pub mod direction;
pub mod england_counts;
pub mod evidence;
pub mod funnel_plot;
pub mod indicator_fit;
pub mod inequality_summary;
pub mod interval_rule;
pub mod kpi_row;

pub mod number_text;
pub mod observation_groups;
pub mod polarity;
pub mod prevalence;
pub mod prevalence_inputs;
pub mod prevalence_issue;
pub mod published_comparison;
pub mod published_trend;
pub mod quintiles;
pub mod recent_trend;
pub mod series;
pub mod spc;
pub mod spc_explain;
pub mod spread;
pub mod summary;
pub mod target_rules;
pub mod targets;
pub mod trajectory;
mod trend_label;
mod trend_periods;

pub use crate::model::ConfidenceLevel;
pub use benchmark::{BenchmarkOptions, BenchmarkOutcome, Benchmarker, ComparisonSource};
pub use benchmark_target::{Benchmark, BenchmarkMethod, BenchmarkValue};
pub use comparison::{Comparison, NotComparedReason, Palette, QUINTILE_LABELS};
pub use polarity::PolarityOverrides;
