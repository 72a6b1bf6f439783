//! Fingertips data downloads: one observation per row, columns matched by name (both header variants).

use super::{cell_number, ColumnMap};
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;

/// True when the headers are a Fingertips download's (indicator id, area code, time period, value, CI).
pub fn matches(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| crate::ingest::columns::normalise(h) == name);
    has("indicator id") && has("time period") && has("value") && (has("area code") || has("areacode"))
}

/// Reads every data row of a Fingertips download into observations.
pub fn read(table: &Table, sink: &mut Sink) {
    let map = ColumnMap::new(table.headers(), sink);
    map.report(sink, |_| "ignored".into());
    let required = [Role::Value, Role::Period];
    if let Some(missing) = required.iter().find(|r| map.index(**r).is_none()) {
        sink.report.error = Some(format!("Fingertips layout but no `{}` column", missing.name()));
        return;
    }
    if map.index(Role::AreaCode).is_none() && map.index(Role::AreaName).is_none() {
        sink.report.error = Some("Fingertips layout but no area code or name column".into());
        return;
    }
    let width = table.headers().len();
    for row in table.rows() {
        sink.report.rows_read += 1;
        if row.fields.len() < width && row.fields.len() <= map.last_needed() {
            let reason = format!("record has {} fields but the header has {width}", row.fields.len());
            sink.report.reject(row.line, "", reason);
            continue;
        }
        if row.fields.len() > width && row.fields[width..].iter().any(|f| !f.is_empty()) {
            let reason = format!("record has {} fields but the header has {width}: columns would not line up", row.fields.len());
            sink.report.reject(row.line, "", reason);
            continue;
        }
        let get = |role: Role| map.index(role).map(|i| row.get(i)).unwrap_or("");
        let name = get(Role::IndicatorName);
        let id = get(Role::IndicatorId);
        if name.is_empty() && id.is_empty() {
            sink.report.reject(row.line, "Indicator Name", "no indicator id or name");
            continue;
        }
        let indicator = sink.indicator(id, name, false);
        let code = get(Role::AreaCode);
        // An area seen before by code needs no new record (the first row's details are kept).
        let area = match sink.dataset.find_area(code).filter(|_| !code.is_empty()) {
            Some(known) => known,
            None => {
                let mut area = crate::ingest::areas::from_code_and_name(code, get(Role::AreaName));
                area.area_type = get(Role::AreaType).to_owned();
                area.parent_code = get(Role::ParentCode).to_owned();
                area.parent_name = get(Role::ParentName).to_owned();
                if area.code.is_empty() && area.name.is_empty() {
                    sink.report.reject(row.line, "Area Code", "no area code or name");
                    continue;
                }
                sink.dataset.area_id(area)
            }
        };
        let period_header = map.header(Role::Period).to_owned();
        let period = sink.period(get(Role::Period), get(Role::PeriodRange), row.line, &period_header);
        let mut obs = sink.observation(indicator, area, period, row.line);
        obs.sex = sink.sym(get(Role::Sex));
        obs.age = sink.sym(get(Role::Age));
        obs.category_type = sink.sym(get(Role::CategoryType));
        obs.category = sink.sym(get(Role::Category));
        let value_header = map.header(Role::Value).to_owned();
        let value_cell = cells::parse(get(Role::Value));
        if value_cell == Cell::Text {
            let reason = format!("`{}` is not a number", get(Role::Value));
            sink.report.reject(row.line, &value_header, reason);
            continue;
        }
        let mut note = get(Role::Note).to_owned();
        obs.value = cell_number(&value_cell, sink, row.line, &value_header, &mut note);
        for (role, slot) in [
            (Role::Lower95, &mut obs.lower95),
            (Role::Upper95, &mut obs.upper95),
            (Role::Lower998, &mut obs.lower998),
            (Role::Upper998, &mut obs.upper998),
            (Role::Count, &mut obs.count),
            (Role::Denominator, &mut obs.denominator),
        ] {
            let raw = get(role);
            let header = map.header(role).to_owned();
            if cells::is_html(raw) {
                let message = format!("`{header}` holds an HTML fragment `{raw}`: read as missing");
                sink.tally(&format!("html {header}"), row.line, &header, message);
            }
            let cell = cells::parse(raw);
            if cell == Cell::Text {
                sink.report.reject(row.line, &header, format!("`{raw}` is not a number: left empty"));
            }
            let mut ignored_note = String::new();
            *slot = cell_number(&cell, sink, row.line, &header, &mut ignored_note);
        }
        obs.note = sink.sym(&note);
        obs.published_england = sink.sym(get(Role::ComparedEngland));
        obs.published_parent = sink.sym(get(Role::ComparedParent));
        obs.published_trend = sink.sym(get(Role::RecentTrend));
        sink.push(obs);
    }
}
