//! The data model: a columnar `Dataset` of observations with its dimension tables.
//!
//! Conventions for what is not a plain indicator value (kept simple on purpose):
//! - national reference rates (prevalence by age band and disorder) are observations with
//!   indicator = the disorder, area = England (E92000001), age = the band, value = the rate;
//! - populations are observations of the indicator `Population` (value type Count), age = the band;
//! - targets are not observations: `Dataset::targets` keeps each target's text per indicator,
//!   (area) and period, for the targets analysis to parse;
//! - planned trajectories are not observations either: `Dataset::plans`;
//! - free-text indicator metadata (numerator / denominator definitions, source) is in
//!   `Dataset::indicator_texts`.

pub mod age_band;
mod area;
mod dataset;
pub mod fast_hash;
mod indicator;
mod interner;
mod level;
mod period;
mod plans;
mod user_map;

pub use age_band::AgeBand;
pub use area::{Area, AreaKind};
pub use dataset::{Dataset, IntervalSource, Observation, ObservationRow, PushOutcome};
pub use indicator::{Decision, EvidenceSource, Indicator, IndicatorEvidence, Polarity, ValueType};
pub use interner::{Interner, Sym};
pub use level::ConfidenceLevel;
pub use period::{CalendarDate, Period, PeriodKind};
pub use plans::{IndicatorText, PlannedValue, TargetText};
pub use user_map::{Hex, HexMap, UserMap};
