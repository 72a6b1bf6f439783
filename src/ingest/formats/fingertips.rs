//! Fingertips data downloads: one observation per row, columns matched by name (both header variants).

use super::{cell_number, ColumnMap};
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::row::Row;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;

/// True when the headers are a Fingertips download's (indicator id, area code, time period, value, CI).
pub fn matches(headers: &[String]) -> bool {
    let has = |name: &str| headers.iter().any(|h| crate::ingest::columns::normalise(h) == name);
    has("indicator id") && has("time period") && has("value") && (has("area code") || has("areacode"))
}

/// Reads every data row of a Fingertips download into observations.
pub fn read(table: &Table, sink: &mut Sink) {
    let Some(reader) = Reader::new(table.headers(), sink) else { return };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        reader.read_row(row, sink);
    }
}

/// The column mapping of one Fingertips file, applied row by row (by the whole-file and the streaming loads alike).
pub struct Reader {
    map: ColumnMap,
    width: usize,
    period_header: String,
    value_header: String,
    number_columns: [(Role, String); 6],
}

impl Reader {
    /// Maps the headers (writing the mapping into the report); None, with the report's error set,
    /// when a column the layout cannot do without is missing.
    pub fn new(headers: &[String], sink: &mut Sink) -> Option<Reader> {
        let map = ColumnMap::new(headers, sink);
        map.report(sink, |_| "ignored".into());
        let required = [Role::Value, Role::Period];
        if let Some(missing) = required.iter().find(|r| map.index(**r).is_none()) {
            sink.report.error = Some(format!("Fingertips layout but no `{}` column", missing.name()));
            return None;
        }
        if map.index(Role::AreaCode).is_none() && map.index(Role::AreaName).is_none() {
            sink.report.error = Some("Fingertips layout but no area code or name column".into());
            return None;
        }
        let period_header = map.header(Role::Period).to_owned();
        let value_header = map.header(Role::Value).to_owned();
        let number_columns =
            [Role::Lower95, Role::Upper95, Role::Lower998, Role::Upper998, Role::Count, Role::Denominator].map(|role| (role, map.header(role).to_owned()));
        Some(Reader { map, width: headers.len(), period_header, value_header, number_columns })
    }

    /// Reads one data row into an observation, or rejects it with the reason.
    pub fn read_row(&self, row: &impl Row, sink: &mut Sink) {
        let (map, width) = (&self.map, self.width);
        let (period_header, value_header, number_columns) = (&self.period_header, &self.value_header, &self.number_columns);
        sink.report.rows_read += 1;
        if row.len() < width && row.len() <= map.last_needed() {
            let reason = format!("record has {} fields but the header has {width}", row.len());
            sink.report.reject(row.line(), "", RejectKind::FieldCount, reason);
            return;
        }
        if row.len() > width && row.filled_past(width) {
            let reason = format!("record has {} fields but the header has {width}: columns would not line up", row.len());
            sink.report.reject(row.line(), "", RejectKind::FieldCount, reason);
            return;
        }
        let get = |role: Role| map.index(role).map(|i| row.get(i)).unwrap_or("");
        let name = get(Role::IndicatorName);
        let id = get(Role::IndicatorId);
        if name.is_empty() && id.is_empty() {
            sink.report.reject(row.line(), "Indicator Name", RejectKind::NoIndicator, "no indicator id or name");
            return;
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
                    sink.report.reject(row.line(), "Area Code", RejectKind::NoArea, "no area code or name");
                    return;
                }
                sink.dataset.area_id(area)
            }
        };
        let period = sink.period(get(Role::Period), get(Role::PeriodRange), row.line(), period_header);
        let mut obs = sink.observation(indicator, area, period, row.line());
        obs.sex = sink.sym_in_column(0, get(Role::Sex));
        obs.age = sink.sym_in_column(1, get(Role::Age));
        obs.category_type = sink.sym_in_column(2, get(Role::CategoryType));
        obs.category = sink.sym_in_column(3, get(Role::Category));
        let value_cell = cells::parse(get(Role::Value));
        if value_cell == Cell::Text {
            let reason = format!("`{}` is not a number", get(Role::Value));
            sink.report.reject(row.line(), value_header, RejectKind::NotANumber, reason);
            return;
        }
        let mut note = get(Role::Note).to_owned();
        obs.value = cell_number(&value_cell, sink, row.line(), value_header, &mut note);
        let slots = [&mut obs.lower95, &mut obs.upper95, &mut obs.lower998, &mut obs.upper998, &mut obs.count, &mut obs.denominator];
        for ((role, header), slot) in number_columns.iter().zip(slots) {
            let raw = get(*role);
            // Empty cells (most interval columns of most rows) stay NaN with nothing to note.
            if raw.is_empty() {
                continue;
            }
            if cells::is_html(raw) {
                let message = || format!("`{header}` holds an HTML fragment `{raw}`: read as missing");
                sink.tally("html", row.line(), header, message);
            }
            let cell = cells::parse(raw);
            if cell == Cell::Text {
                sink.report.reject(row.line(), header, RejectKind::NotANumber, format!("`{raw}` is not a number: left empty"));
            }
            let mut ignored_note = String::new();
            *slot = cell_number(&cell, sink, row.line(), header, &mut ignored_note);
        }
        obs.note = sink.sym_in_column(4, &note);
        obs.published_england = sink.sym_in_column(5, get(Role::ComparedEngland));
        obs.published_parent = sink.sym_in_column(6, get(Role::ComparedParent));
        obs.published_trend = sink.sym_in_column(7, get(Role::RecentTrend));
        obs.area_type = sink.sym_in_column(8, get(Role::AreaType));
        let parent = get(Role::ParentCode);
        obs.parent = sink.sym_in_column(9, if parent.is_empty() { get(Role::ParentName) } else { parent });
        sink.push(obs);
    }
}
