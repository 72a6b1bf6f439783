//! Reference tables for prevalence: national rates by age band and disorder; populations by area and age band.
//!
//! Stored as ordinary observations, kept simple:
//! - rates: indicator = the disorder, area = England (the rates are national), age = the band,
//!   value = the rate as printed (percent when the header says `%`);
//! - populations: indicator = `Population` (value type Count), area = the area, age = the band,
//!   value = the population.
//!   Neither file has a period column; the year is taken from the file name (with a warning).

use super::{cell_number, ColumnMap};
use crate::ingest::areas;
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::model::ValueType;

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
    let period = match map.index(Role::Period) {
        Some(_) => None,
        None => Some(sink.period_from_file_name()),
    };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let name = row.get(name_col);
        if name.is_empty() {
            sink.report.reject(row.line, map.header(Role::IndicatorName), "no disorder on this row");
            continue;
        }
        let indicator = sink.indicator("", name, percent);
        let period = period.unwrap_or_else(|| {
            let label = map.index(Role::Period).map(|i| row.get(i)).unwrap_or("");
            sink.period(label, "", row.line, "")
        });
        let age = map.index(Role::Age).map(|i| row.get(i)).unwrap_or("");
        push_value(sink, row.get(value_col), &value_header, indicator, england, period, age, row.line);
    }
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
    let mut population = crate::model::Indicator::new("", POPULATION);
    population.value_type = ValueType::Count;
    let indicator = sink.dataset.indicator_id(population);
    let period = match map.index(Role::Period) {
        Some(_) => None,
        None => Some(sink.period_from_file_name()),
    };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let code = map.index(Role::AreaCode).map(|i| row.get(i)).unwrap_or("");
        let name = map.index(Role::AreaName).map(|i| row.get(i)).unwrap_or("");
        if code.is_empty() && name.is_empty() {
            sink.report.reject(row.line, map.header(Role::AreaName), "no area on this row");
            continue;
        }
        let area = if code.is_empty() {
            sink.area_by_name(name)
        } else {
            let a = areas::from_code_and_name(code, name);
            sink.dataset.area_id(a)
        };
        let period = period.unwrap_or_else(|| {
            let label = map.index(Role::Period).map(|i| row.get(i)).unwrap_or("");
            sink.period(label, "", row.line, "")
        });
        let age = map.index(Role::Age).map(|i| row.get(i)).unwrap_or("");
        push_value(sink, row.get(value_col), &value_header, indicator, area, period, age, row.line);
    }
}

#[allow(clippy::too_many_arguments)]
fn push_value(sink: &mut Sink, raw: &str, header: &str, indicator: u32, area: u32, period: u32, age: &str, line: u64) {
    let cell = cells::parse(raw);
    match cell {
        Cell::Empty => return,
        Cell::Text => {
            sink.report.reject(line, header, format!("`{raw}` is not a number"));
            return;
        }
        _ => {}
    }
    let mut obs = sink.observation(indicator, area, period, line);
    obs.age = sink.sym(age);
    let mut note = String::new();
    obs.value = cell_number(&cell, sink, line, header, &mut note);
    obs.note = sink.sym(&note);
    sink.push(obs);
}
