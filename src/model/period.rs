//! Time periods: the label as written plus a parsed, sortable span.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A day on the calendar; orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CalendarDate {
    /// Year, e.g. 2017.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl CalendarDate {
    /// A date from its parts (not validated beyond the types).
    pub const fn new(year: i32, month: u8, day: u8) -> CalendarDate {
        CalendarDate { year, month, day }
    }

    /// The date as a fractional year (2017-07-01 ≈ 2017.5), for placing points on a time axis.
    pub fn as_fractional_year(self) -> f64 {
        let month = self.month.clamp(1, 12) as f64;
        let day = self.day.clamp(1, 31) as f64;
        self.year as f64 + (month - 1.0) / 12.0 + (day - 1.0) / 365.25
    }
}

/// What sort of period a label denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    /// `2017`: January to December.
    CalendarYear,
    /// `2017/18` or `17/18`: April to March.
    FinancialYear,
    /// Several years combined: `2012-14`, `2011 - 13`, `2022/23 - 24/25`.
    MultiYear,
    /// A quarter: `2018/19 Q2`.
    Quarter,
    /// A month: `Apr 2018`.
    Month,
    /// A single day (a snapshot): `31/12/2016`.
    Date,
    /// A label that could not be parsed; kept as text and sorted by label after the others.
    Unknown,
}

/// A period as written in a file, with its parsed span.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The label exactly as written.
    pub label: String,
    /// First day covered.
    pub start: CalendarDate,
    /// Last day covered.
    pub end: CalendarDate,
    /// What sort of period it is.
    pub kind: PeriodKind,
}

impl Period {
    /// An unparsed period: kept as text, sorted after every parsed one.
    pub fn unknown(label: &str) -> Period {
        let far = CalendarDate::new(i32::MAX, 12, 31);
        Period { label: label.to_owned(), start: far, end: far, kind: PeriodKind::Unknown }
    }

    /// The middle of the span as a fractional year, for the time axis (NaN when unknown).
    pub fn midpoint_years(&self) -> f64 {
        if self.kind == PeriodKind::Unknown {
            return f64::NAN;
        }
        let end_exclusive = self.end.as_fractional_year() + 1.0 / 365.25;
        (self.start.as_fractional_year() + end_exclusive) / 2.0
    }

    /// Length of the span in whole months (a year is 12), 0 for a single day.
    pub fn length_months(&self) -> i32 {
        if self.kind == PeriodKind::Unknown {
            return 0;
        }
        let months = (self.end.year - self.start.year) * 12 + self.end.month as i32 - self.start.month as i32;
        if self.kind == PeriodKind::Date {
            0
        } else {
            months + 1
        }
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.start, self.end, &self.label).cmp(&(other.start, other.end, &other.label))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_sorts_last_and_lengths() {
        let fy = Period { label: "2017/18".into(), start: CalendarDate::new(2017, 4, 1), end: CalendarDate::new(2018, 3, 31), kind: PeriodKind::FinancialYear };
        assert!(fy < Period::unknown("whenever"));
        assert_eq!(fy.length_months(), 12);
        assert!((fy.midpoint_years() - 2017.75).abs() < 0.01);
    }
}
