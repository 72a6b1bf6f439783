//! A view's table (header + rows of text): the chart's accessible alternative and its CSV export.

use serde::Serialize;

/// A table of text cells with a header row.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ViewTable {
    /// Column headings.
    pub header: Vec<String>,
    /// Data rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl ViewTable {
    /// An empty table with the given header.
    pub fn new(header: &[&str]) -> ViewTable {
        ViewTable { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }

    /// The table as CSV text, injection-safe (see `csv_cell`).
    pub fn to_csv(&self) -> String {
        let mut text = String::new();
        for line in std::iter::once(&self.header).chain(self.rows.iter()) {
            let cells: Vec<String> = line.iter().map(|cell| csv_cell(cell)).collect();
            text.push_str(&cells.join(","));
            text.push_str("\r\n");
        }
        text
    }
}

impl ViewTable {
    /// Replaces counts from 1 to `threshold − 1` with `*` in every count or numerator column (0 = off),
    /// as analysts must before sharing outside their organisation; returns how many were suppressed.
    pub fn suppress_small_counts(&mut self, threshold: u32) -> usize {
        if threshold == 0 {
            return 0;
        }
        let count_columns: Vec<usize> = self
            .header
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                let h = h.to_ascii_lowercase();
                h.contains("count") || h.contains("numerator")
            })
            .map(|(i, _)| i)
            .collect();
        let mut suppressed = 0;
        for row in &mut self.rows {
            for &column in &count_columns {
                let Some(cell) = row.get_mut(column) else { continue };
                let number: Option<f64> = cell.replace(',', "").trim().parse().ok();
                if number.is_some_and(|n| n > 0.0 && n < threshold as f64) {
                    *cell = "*".into();
                    suppressed += 1;
                }
            }
        }
        suppressed
    }
}

/// True for plain decimal numbers (`-3.2`, `+1`, `1e-5`): spreadsheets read them as numbers, not formulas.
pub fn is_plain_number(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("");
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        }
    };
    mantissa_ok && exponent_ok
}

/// One CSV cell: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheets
/// show it as text instead of running it as a formula — except plain numbers (`-3.2`), which stay
/// numbers; then the cell is quoted when it holds a comma, quote or line break.
pub fn csv_cell(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell);
    let safe = if risky { format!("'{cell}") } else { cell.to_owned() };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppresses_small_counts_only_in_count_columns() {
        let mut table = ViewTable::new(&["Area", "Count", "Value"]);
        table.rows = vec![vec!["A".into(), "3".into(), "3".into()], vec!["B".into(), "0".into(), "1".into()], vec!["C".into(), "1,200".into(), "2".into()]];
        assert_eq!(table.suppress_small_counts(5), 1);
        assert_eq!(table.rows[0], vec!["A", "*", "3"]);
        assert_eq!(table.rows[1][1], "0");
        assert_eq!(table.suppress_small_counts(0), 0);
    }

    #[test]
    fn escapes_formulas_but_keeps_negative_numbers() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("+cmd"), "'+cmd");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("-3.25"), "-3.25");
        assert_eq!(csv_cell("+1e-5"), "+1e-5");
        assert_eq!(csv_cell("Derby, city"), "\"Derby, city\"");
        assert!(!is_plain_number("-"));
        assert!(!is_plain_number("-inf"));
        let table = ViewTable { header: vec!["a".into()], rows: vec![vec!["=1".into()]] };
        assert_eq!(table.to_csv(), "a\r\n'=1\r\n");
    }
}
