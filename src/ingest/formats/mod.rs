//! Format readers, one per layout, and the column mapping and cell handling they share.

pub mod fingertips;
pub mod long;
pub mod population_wide;
pub mod reference;
pub mod targets;
pub mod wide_areas;
pub mod wide_periods;

use super::cells::Cell;
use super::columns::{self, Role};
use super::sink::Sink;

/// Number of `Role` variants (array size for the role → column table).
const ROLES: usize = Role::Ignore as usize + 1;

/// Which column plays which role, from header names (and the user's mapping, which wins).
#[derive(Clone, Debug, Default)]
pub struct ColumnMap {
    /// Column of each role, indexed by `Role as usize` (looked up many times per row: no hashing).
    by_role: [Option<usize>; ROLES],
    headers: Vec<String>,
    /// Role of each column, `None` when the header names none.
    pub roles: Vec<Option<Role>>,
    ignored: Vec<bool>,
}

impl ColumnMap {
    /// Maps `headers` to roles; the first column with a role takes it. Records the mapping in the report.
    pub fn new(headers: &[String], sink: &mut Sink) -> ColumnMap {
        let mut map = ColumnMap { headers: headers.to_vec(), ..ColumnMap::default() };
        for (i, header) in headers.iter().enumerate() {
            let forced = sink.options.columns.iter().find(|c| columns::normalise(&c.header) == columns::normalise(header));
            let role = match forced {
                Some(choice) => Role::from_name(&choice.role).or(Some(Role::Ignore)),
                None => columns::role_of(header),
            };
            map.ignored.push(role == Some(Role::Ignore));
            let role = role.filter(|r| *r != Role::Ignore && map.by_role[*r as usize].is_none());
            if let Some(r) = role {
                map.by_role[r as usize] = Some(i);
            }
            map.roles.push(role);
        }
        map
    }

    /// Writes the mapping into the report; `other` names the role of unmapped columns.
    pub fn report(&self, sink: &mut Sink, other: impl Fn(usize) -> String) {
        for (i, header) in self.headers.iter().enumerate() {
            let role = match self.roles[i] {
                Some(r) => r.name(),
                None => other(i),
            };
            sink.report.columns.push(super::ColumnUse { header: header.clone(), role });
        }
    }

    /// True when the user told us to ignore column `i`.
    pub fn is_ignored(&self, i: usize) -> bool {
        self.ignored.get(i).copied().unwrap_or(false)
    }

    /// Index of the column with `role`.
    pub fn index(&self, role: Role) -> Option<usize> {
        self.by_role[role as usize]
    }

    /// Header of the column with `role` ("" when none).
    pub fn header(&self, role: Role) -> &str {
        self.index(role).map(|i| self.headers[i].as_str()).unwrap_or("")
    }

    /// The highest index among the columns a row cannot do without (value, period, area).
    pub fn last_needed(&self) -> usize {
        [Role::Value, Role::Period, Role::AreaCode, Role::AreaName].iter().filter_map(|r| self.index(*r)).max().unwrap_or(0)
    }
}

/// The number in a cell (NaN when missing), moving its note or marker into `note` and
/// warning about digits joined after an OCR split.
pub fn cell_number(cell: &Cell, sink: &mut Sink, line: u64, column: &str, note: &mut String) -> f64 {
    match cell {
        Cell::Number(n) => {
            if n.ocr_joined {
                let message = format!("digits split by a space joined: read as {}", n.value);
                sink.report.warn(line, column, message);
            }
            if !n.note.is_empty() {
                append_note(note, &n.note);
            }
            n.value
        }
        Cell::Missing { note: marker } => {
            append_note(note, marker);
            f64::NAN
        }
        Cell::Empty | Cell::Text => f64::NAN,
    }
}

fn append_note(note: &mut String, extra: &str) {
    if note.is_empty() {
        note.push_str(extra);
    } else if note != extra {
        note.push_str("; ");
        note.push_str(extra);
    }
}
