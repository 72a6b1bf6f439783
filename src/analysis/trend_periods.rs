//! Which periods a recent trend may test: independent, consecutive yearly periods, and why others cannot be.

use crate::model::{Period, PeriodKind};

/// Number of most recent points the trend is computed on.
pub const TREND_POINTS: usize = 5;

/// Why a period cannot be in a recent trend, if it cannot: only independent yearly periods are tested.
pub(super) fn period_problem(period: &Period) -> Option<String> {
    let label = &period.label;
    match period.kind {
        PeriodKind::CalendarYear | PeriodKind::FinancialYear => None,
        PeriodKind::MultiYear if period.length_months() == 12 => None, // e.g. an academic year `Sep 2017 - Aug 2018`
        PeriodKind::Quarter => Some(format!("quarterly data are not tested ({label} is a quarter): recent trends need yearly periods")),
        PeriodKind::Month => Some(format!("monthly data are not tested ({label} is a month): recent trends need yearly periods")),
        PeriodKind::MultiYear if period.length_months() < 12 => {
            Some(format!("{label} is shorter than a year ({} months): recent trends need yearly periods", period.length_months()))
        }
        PeriodKind::MultiYear => Some(format!(
            "recent trends need single periods of one year (calendar, financial or academic years); {label} covers {} \
             years, and pooled or rolling multi-year periods overlap, so they are not tested",
            (period.length_months() as f64 / 12.0).round()
        )),
        PeriodKind::Date => Some(format!("{label} is a single date (a snapshot), not a yearly period: recent trends need single periods of one year")),
        PeriodKind::Unknown => Some(format!("the period {label} could not be read as a year: recent trends need single periods of one year")),
    }
}

/// Why two consecutive yearly periods of a series break it, if they do.
pub(super) fn break_between(earlier: &Period, later: &Period) -> Option<String> {
    let months = (later.start.year - earlier.start.year) * 12 + later.start.month as i32 - earlier.start.month as i32;
    let (a, b) = (&earlier.label, &later.label);
    match months {
        12 => None,
        m if m < 12 => Some(format!("{a} and {b} overlap: recent trends need independent (not overlapping) yearly periods")),
        m if m % 12 == 0 => {
            let years = m / 12 - 1;
            Some(format!(
                "a break in the series: {years} year{} missing between {a} and {b}; the {TREND_POINTS} most recent points must be consecutive years",
                if years == 1 { "" } else { "s" }
            ))
        }
        _ => Some(format!("{a} and {b} are not consecutive years of the same kind (calendar, financial or academic)")),
    }
}
