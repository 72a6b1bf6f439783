//! Wide by area: indicator (and period, age) columns, then one column per area, England and region first.

use super::{cell_number, ColumnMap};
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::layout::is_label_role;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;

/// Reads each row's area cells as observations of the row's indicator, period and age band.
pub fn read(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    let area_cols: Vec<usize> = (0..headers.len()).filter(|&i| !is_label_role(map.roles[i]) && !headers[i].is_empty() && !map.is_ignored(i)).collect();
    let areas: Vec<u32> = area_cols.iter().map(|&i| sink.area_by_name(&headers[i])).collect();
    map.report(sink, |i| if area_cols.contains(&i) { format!("area {}", headers[i]) } else { "ignored".into() });
    // Areas known by name only are said once: their codes could not be found.
    let unknown: Vec<&str> =
        area_cols.iter().zip(&areas).filter(|(_, a)| sink.dataset.areas[**a as usize].code.is_empty()).map(|(&i, _)| headers[i].as_str()).collect();
    if !unknown.is_empty() {
        let message = format!("areas without a known ONS code (matched by name only): {}", unknown.join(", "));
        sink.report.warn(table.header_line(), "", message);
    }
    let fixed_period = match map.index(Role::Period) {
        Some(_) => None,
        None => Some(sink.period_from_file_name()),
    };
    let name_col = map.index(Role::IndicatorName);
    let id_col = map.index(Role::IndicatorId);
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let name = name_col.map(|i| row.get(i)).unwrap_or("");
        let id = id_col.map(|i| row.get(i)).unwrap_or("");
        if name.is_empty() && id.is_empty() {
            sink.report.reject(row.line, map.header(Role::IndicatorName), RejectKind::NoIndicator, "no indicator on this row");
            continue;
        }
        let period = match fixed_period {
            Some(p) => p,
            None => {
                let header = map.header(Role::Period).to_owned();
                let label = map.index(Role::Period).map(|i| row.get(i)).unwrap_or("");
                sink.period(label, "", row.line, &header)
            }
        };
        let row_cells: Vec<Cell> = area_cols.iter().map(|&i| cells::parse(row.get(i))).collect();
        let numbers: Vec<&cells::Number> = row_cells.iter().filter_map(|c| if let Cell::Number(n) = c { Some(n) } else { None }).collect();
        let all_percent = !numbers.is_empty() && numbers.iter().all(|n| n.percent);
        let indicator = sink.indicator(id, name, all_percent);
        for suspect in cells::fraction_suspects(&row_cells) {
            let col = area_cols[suspect];
            let message = format!("`{}` may be a fraction among percentages in this row; kept as written", row.get(col));
            sink.report.warn(row.line, &headers[col], message);
        }
        let age = map.index(Role::Age).map(|i| row.get(i)).unwrap_or("");
        let age = sink.sym(age);
        let sex = map.index(Role::Sex).map(|i| row.get(i)).unwrap_or("");
        let sex = sink.sym(sex);
        let row_note = map.index(Role::Note).map(|i| row.get(i)).unwrap_or("").to_owned();
        for (k, cell) in row_cells.iter().enumerate() {
            let col = area_cols[k];
            match cell {
                Cell::Empty => continue,
                Cell::Text => {
                    sink.report.reject(row.line, &headers[col], RejectKind::NotANumber, format!("`{}` is not a number", row.get(col)));
                    continue;
                }
                _ => {}
            }
            let mut note = row_note.clone();
            let mut obs = sink.observation(indicator, areas[k], period, row.line);
            obs.age = age;
            obs.sex = sex;
            obs.value = cell_number(cell, sink, row.line, &headers[col], &mut note);
            obs.note = sink.sym(&note);
            sink.push(obs);
        }
    }
}
