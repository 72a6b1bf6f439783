//! Reference tables for prevalence: national rates by age band and disorder; populations by area and age band.
//!
//! Stored as ordinary observations, kept simple:
//! - rates: indicator = the disorder, area = England (the rates are national), age = the band,
//!   value = the rate as printed (percent when the header says `%`), sex when given, lower95 /
//!   upper95 from confidence-limit columns and denominator = the survey sample size
//!   (`Sample size`, `Unweighted base`, `Denominator`) when given;
//! - populations: indicator = `Population` (value type Count), area = the area, age = the band,
//!   value = the population.
//!   Neither file has a period column; the year is taken from the file name (with a warning).

use super::{cell_number, ColumnMap};
use crate::ingest::areas;
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;
use crate::model::{Observation, ValueType};

/// Name of the indicator populations are stored under.
pub const POPULATION: &str = "Population";

/// Reads national reference rates (by age band and disorder).
pub fn read_rates(table: &Table, sink: &mut Sink) {
    let map = ColumnMap::new(table.headers(), sink);
    map.report(sink, |_| "ignored".into());
    let (Some(value_col), Some(name_col)) = (map.index(Role::Value), map.index(Role::IndicatorName)) else {
        sink.report.error = Some("reference rates need a disorder (indicator) column and a rate column".into());
        return;
    };
    let value_header = map.header(Role::Value).to_owned();
    let percent = value_header.contains('%') || value_header.to_lowercase().contains("percent");
    let england = sink.dataset.area_id(areas::from_code_and_name("E92000001", "England"));
    let (lower_col, upper_col) = (map.index(Role::Lower95), map.index(Role::Upper95));
    let sample_col = sample_size_column(table.headers(), &map);
    let period = match map.index(Role::Period) {
        Some(_) => None,
        None => Some(sink.period_from_file_name()),
    };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let name = row.get(name_col);
        if name.is_empty() {
            sink.report.reject(row.line, map.header(Role::IndicatorName), RejectKind::NoIndicator, "no disorder on this row");
            continue;
        }
        let indicator = sink.indicator("", name, percent);
        let period = period.unwrap_or_else(|| {
            let label = map.index(Role::Period).map(|i| row.get(i)).unwrap_or("");
            sink.period(label, "", row.line, "")
        });
        let age = map.index(Role::Age).map(|i| row.get(i)).unwrap_or("");
        let Some(mut obs) = value_observation(sink, row.get(value_col), &value_header, indicator, england, period, age, row.line) else {
            continue;
        };
        obs.sex = sink.sym(map.index(Role::Sex).map(|i| row.get(i)).unwrap_or(""));
        for (col, field) in [(lower_col, &mut obs.lower95), (upper_col, &mut obs.upper95), (sample_col, &mut obs.denominator)] {
            if let Some(col) = col {
                let mut note = String::new();
                *field = cell_number(&cells::parse(row.get(col)), sink, row.line, &table.headers()[col], &mut note);
            }
        }
        sink.push(obs);
    }
}

/// The id of the `Population` indicator (a count).
pub(super) fn population_indicator(sink: &mut Sink) -> u32 {
    let mut population = crate::model::Indicator::new("", POPULATION);
    population.value_type = ValueType::Count;
    sink.dataset.indicator_id(population)
}

/// The area of a row from its code or name columns; rejects the row (None) when it has neither.
pub(super) fn row_area(sink: &mut Sink, map: &ColumnMap, row: &crate::ingest::table::Record) -> Option<u32> {
    let code = map.index(Role::AreaCode).map(|i| row.get(i)).unwrap_or("");
    let name = map.index(Role::AreaName).map(|i| row.get(i)).unwrap_or("");
    if code.is_empty() && name.is_empty() {
        sink.report.reject(row.line, map.header(Role::AreaName), RejectKind::NoArea, "no area on this row");
        return None;
    }
    Some(if code.is_empty() {
        sink.area_by_name(name)
    } else {
        let area = areas::from_code_and_name(code, name);
        sink.dataset.area_id(area)
    })
}

/// The column holding a rate's survey sample size, if any.
fn sample_size_column(headers: &[String], map: &ColumnMap) -> Option<usize> {
    let named = headers.iter().position(|h| {
        let h = h.to_lowercase();
        h.contains("sample") || h.contains("unweighted") || h.trim() == "base"
    });
    named.or(map.index(Role::Denominator))
}

/// Reads populations by area and age band.
pub fn read_population(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    let value_col = headers.iter().position(|h| h.trim().eq_ignore_ascii_case(POPULATION)).or(map.index(Role::Denominator));
    let Some(value_col) = value_col else {
        sink.report.error = Some("population layout needs a `Population` column".into());
        return;
    };
    map.report(sink, |_| "ignored".into());
    let value_header = headers[value_col].clone();
    let indicator = population_indicator(sink);
    let period = match map.index(Role::Period) {
        Some(_) => None,
        None => Some(sink.period_from_file_name()),
    };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let Some(area) = row_area(sink, &map, row) else { continue };
        let period = period.unwrap_or_else(|| {
            let label = map.index(Role::Period).map(|i| row.get(i)).unwrap_or("");
            sink.period(label, "", row.line, "")
        });
        let age = map.index(Role::Age).map(|i| row.get(i)).unwrap_or("");
        if let Some(mut obs) = value_observation(sink, row.get(value_col), &value_header, indicator, area, period, age, row.line) {
            obs.sex = sink.sym(map.index(Role::Sex).map(|i| row.get(i)).unwrap_or(""));
            sink.push(obs);
        }
    }
}

/// The observation of one value cell (None, with a reject for text, when there is no number).
#[allow(clippy::too_many_arguments)]
pub(super) fn value_observation(sink: &mut Sink, raw: &str, header: &str, indicator: u32, area: u32, period: u32, age: &str, line: u64) -> Option<Observation> {
    let cell = cells::parse(raw);
    match cell {
        Cell::Empty => return None,
        Cell::Text => {
            sink.report.reject(line, header, RejectKind::NotANumber, format!("`{raw}` is not a number"));
            return None;
        }
        _ => {}
    }
    let mut obs = sink.observation(indicator, area, period, line);
    obs.age = sink.sym(age);
    let mut note = String::new();
    obs.value = cell_number(&cell, sink, line, header, &mut note);
    obs.note = sink.sym(&note);
    Some(obs)
}
