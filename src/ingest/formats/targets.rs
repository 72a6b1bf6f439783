//! Targets and plans: KPI schedules with one column per contract year; planned trajectories beside actuals.

use super::{cell_number, ColumnMap};
use crate::ingest::areas;
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::layout::period_columns;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;
use crate::model::IndicatorText;

/// Reads a KPI target schedule: the target text per KPI and contract year (parsed later by the
/// targets analysis), plus the numerator / denominator definitions and other text columns.
pub fn read_schedule(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    let period_cols = period_columns(headers);
    map.report(sink, |i| if period_cols.contains(&i) { format!("target for {}", headers[i]) } else { format!("text ({})", headers[i]) });
    let header_line = table.header_line();
    let periods: Vec<u32> = period_cols.iter().map(|&i| sink.period(&headers[i], "", header_line, &headers[i])).collect();
    let id_col = map.index(Role::IndicatorId);
    let name_col = map.index(Role::IndicatorName);
    // Everything that is neither a period nor the indicator is kept as indicator text.
    let text_cols: Vec<usize> = (0..headers.len()).filter(|i| !period_cols.contains(i) && Some(*i) != id_col && Some(*i) != name_col).collect();
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let id = id_col.map(|i| row.get(i)).unwrap_or("");
        let name = name_col.map(|i| row.get(i)).unwrap_or("");
        if id.is_empty() && name.is_empty() {
            sink.report.reject(row.line, "", RejectKind::NoIndicator, "no KPI or indicator on this row");
            continue;
        }
        let indicator = sink.indicator(id, name, false);
        for &i in &text_cols {
            let text = row.get(i);
            if text.is_empty() {
                continue;
            }
            let field = crate::ingest::columns::normalise(&headers[i]);
            sink.dataset.set_indicator_text(IndicatorText { indicator, field, text: text.to_owned() });
        }
        for (k, &col) in period_cols.iter().enumerate() {
            let text = row.get(col);
            if !text.is_empty() {
                sink.target(indicator, None, periods[k], text, row.line);
            }
        }
    }
}

/// Reads actuals (as observations) and planned values (as plans) by area and period.
pub fn read_trajectory(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    // The actual values sit in the first column that names no role: its header names the indicator.
    let actual_col = (0..headers.len()).find(|&i| map.roles[i].is_none()).or(map.index(Role::Value));
    map.report(sink, |i| if Some(i) == actual_col { "value (actual)".into() } else { "ignored".into() });
    let (Some(planned_col), Some(period_col)) = (map.index(Role::Planned), map.index(Role::Period)) else {
        sink.report.error = Some("planned trajectory needs a period column and a planned column".into());
        return;
    };
    let indicator_name = actual_col.map(|i| headers[i].clone()).unwrap_or_else(|| headers[planned_col].clone());
    let indicator = sink.indicator("", &indicator_name, false);
    let fixed_area = if map.index(Role::AreaName).is_none() && map.index(Role::AreaCode).is_none() { Some(sink.default_area()) } else { None };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let area = fixed_area.unwrap_or_else(|| {
            let code = map.index(Role::AreaCode).map(|i| row.get(i)).unwrap_or("");
            let name = map.index(Role::AreaName).map(|i| row.get(i)).unwrap_or("");
            if code.is_empty() {
                sink.area_by_name(name)
            } else {
                let a = areas::from_code_and_name(code, name);
                sink.dataset.area_id(a)
            }
        });
        let period = sink.period(row.get(period_col), "", row.line, &headers[period_col]);
        let row_note = map.index(Role::Note).map(|i| row.get(i)).unwrap_or("").to_owned();
        let mut used = false;
        if let Some(col) = actual_col {
            let cell = cells::parse(row.get(col));
            match cell {
                Cell::Empty => {}
                Cell::Text => sink.report.reject(row.line, &headers[col], RejectKind::NotANumber, format!("`{}` is not a number", row.get(col))),
                _ => {
                    let mut note = row_note.clone();
                    let mut obs = sink.observation(indicator, area, period, row.line);
                    obs.value = cell_number(&cell, sink, row.line, &headers[col], &mut note);
                    obs.note = sink.sym(&note);
                    sink.push(obs);
                    used = true;
                }
            }
        }
        let cell = cells::parse(row.get(planned_col));
        match cell {
            Cell::Number(_) => {
                let mut note = row_note.clone();
                let value = cell_number(&cell, sink, row.line, &headers[planned_col], &mut note);
                let note = sink.sym(&note);
                sink.plan(indicator, area, period, value, note, row.line);
                used = true;
            }
            Cell::Text => {
                let reason = format!("`{}` is not a number", row.get(planned_col));
                sink.report.reject(row.line, &headers[planned_col], RejectKind::NotANumber, reason);
            }
            _ => {}
        }
        if !used {
            sink.report.reject(row.line, "", RejectKind::NoValue, "no actual or planned value on this row");
        }
    }
}
