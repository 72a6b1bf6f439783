//! The data model: a columnar `Dataset` of observations with its dimension tables.

mod area;
mod dataset;
mod indicator;
mod interner;
mod period;
mod plans;

pub use area::{Area, AreaKind};
pub use dataset::{Dataset, IntervalSource, Observation, ObservationRow, PushOutcome};
pub use indicator::{Indicator, Polarity, ValueType};
pub use interner::{Interner, Sym};
pub use period::{CalendarDate, Period, PeriodKind};
pub use plans::{IndicatorText, PlannedValue, TargetText};
