//! Populations wide by age: an area column (and optional sex / period), then one column per age band or single year of age.
//!
//! Stored like the long population layout: indicator = `Population`, area = the row's area,
//! age = the column header (`0`, `Age 5`, `5-10`, `90+`), value = the count. Columns that are not
//! ages (`All ages`, `Total`) are ignored and listed as such, so totals are never counted twice.
//! Single years are aggregated into the rates' bands later, by the prevalence analysis.

use super::reference::{population_indicator, row_area, value_observation};
use super::ColumnMap;
use crate::ingest::columns::Role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::model::AgeBand;

/// Indexes of the columns whose headers are ages (bands or single years) and name no other role.
pub fn age_columns(headers: &[String], roles: &[Option<Role>]) -> Vec<usize> {
    (0..headers.len()).filter(|&i| roles.get(i).copied().flatten().is_none() && AgeBand::parse(&headers[i]).is_some()).collect()
}

/// True when the headers are an area column plus at least two age columns, with no indicator or age column.
pub fn matches(headers: &[String], roles: &[Option<Role>]) -> bool {
    let has = |r: Role| roles.contains(&Some(r));
    (has(Role::AreaName) || has(Role::AreaCode))
        && !has(Role::Age)
        && !has(Role::IndicatorName)
        && !has(Role::IndicatorId)
        && age_columns(headers, roles).len() >= 2
}

/// Reads populations wide by age.
pub fn read(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    let ages = age_columns(headers, &map.roles);
    map.report(sink, |i| if ages.contains(&i) { format!("population aged {}", headers[i]) } else { "ignored".into() });
    let skipped: Vec<&str> = (0..headers.len()).filter(|i| !ages.contains(i) && map.roles[*i].is_none()).map(|i| headers[i].as_str()).collect();
    if !skipped.is_empty() {
        sink.report.warn(0, "", format!("columns that are not ages ignored (totals would count people twice): {}", skipped.join(", ")));
    }
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
        let sex = map.index(Role::Sex).map(|i| row.get(i)).unwrap_or("");
        for &col in &ages {
            if let Some(mut obs) = value_observation(sink, row.get(col), &headers[col], indicator, area, period, &headers[col], row.line) {
                obs.sex = sink.sym(sex);
                sink.push(obs);
            }
        }
    }
}
