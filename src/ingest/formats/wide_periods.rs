//! Wide by period: an indicator (or measure) column, then one column per period (board-paper tables).

use super::{cell_number, ColumnMap};
use crate::ingest::cells::{self, Cell};
use crate::ingest::columns::Role;
use crate::ingest::layout::period_columns;
use crate::ingest::sink::Sink;
use crate::ingest::table::Table;
use crate::ingest::RejectKind;

/// Reads each row's period cells as observations of the row's indicator for the file's area.
pub fn read(table: &Table, sink: &mut Sink) {
    let headers = table.headers();
    let map = ColumnMap::new(headers, sink);
    let period_cols: Vec<usize> = period_columns(headers).into_iter().filter(|&i| !map.is_ignored(i)).collect();
    let name_col = map.index(Role::IndicatorName).unwrap_or(0);
    map.report(sink, |i| {
        if period_cols.contains(&i) {
            format!("period {}", headers[i])
        } else if i == name_col {
            "indicator_name".into()
        } else {
            "ignored".into()
        }
    });
    let periods: Vec<u32> = period_cols.iter().map(|&i| sink.period(&headers[i], "", table.header_line(), &headers[i])).collect();
    let area = match map.index(Role::AreaName).or(map.index(Role::AreaCode)) {
        Some(_) => None,
        None => Some(sink.default_area()),
    };
    let mut rows = table.rows();
    while let Some(row) = rows.next_row() {
        sink.report.rows_read += 1;
        let name = row.get(name_col);
        if name.is_empty() {
            let header = headers.get(name_col).map_or("", String::as_str);
            sink.report.reject(row.line, header, RejectKind::NoIndicator, "no indicator name on this row");
            continue;
        }
        let area = match area {
            Some(a) => a,
            None => {
                let code = map.index(Role::AreaCode).map(|i| row.get(i)).unwrap_or("");
                let area_name = map.index(Role::AreaName).map(|i| row.get(i)).unwrap_or("");
                if code.is_empty() {
                    sink.area_by_name(area_name)
                } else {
                    let a = crate::ingest::areas::from_code_and_name(code, area_name);
                    sink.dataset.area_id(a)
                }
            }
        };
        let row_cells: Vec<Cell> = period_cols.iter().map(|&i| cells::parse(row.get(i))).collect();
        let numbers: Vec<&cells::Number> = row_cells.iter().filter_map(|c| if let Cell::Number(n) = c { Some(n) } else { None }).collect();
        let all_percent = !numbers.is_empty() && numbers.iter().all(|n| n.percent);
        let id = map.index(Role::IndicatorId).map(|i| row.get(i)).unwrap_or("");
        let indicator = sink.indicator(id, name, all_percent);
        for suspect in cells::fraction_suspects(&row_cells) {
            let col = period_cols[suspect];
            let message = format!(
                "`{}` may be a fraction among percentages in this row (i.e. {}%); kept as written, not rescaled",
                row.get(col),
                round(row_cells_value(&row_cells[suspect]) * 100.0)
            );
            sink.report.warn(row.line, &headers[col], message);
        }
        let row_note = map.index(Role::Note).map(|i| row.get(i)).unwrap_or("").to_owned();
        for (k, cell) in row_cells.iter().enumerate() {
            let col = period_cols[k];
            match cell {
                Cell::Empty => continue,
                Cell::Text => {
                    sink.report.reject(row.line, &headers[col], RejectKind::NotANumber, format!("`{}` is not a number", row.get(col)));
                    continue;
                }
                _ => {}
            }
            let mut note = row_note.clone();
            let mut obs = sink.observation(indicator, area, periods[k], row.line);
            obs.value = cell_number(cell, sink, row.line, &headers[col], &mut note);
            obs.note = sink.sym(&note);
            sink.push(obs);
        }
    }
}

fn row_cells_value(cell: &Cell) -> f64 {
    if let Cell::Number(n) = cell {
        n.value
    } else {
        f64::NAN
    }
}

/// Rounds to 6 significant decimals so messages do not show binary noise (82.19999…).
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}
