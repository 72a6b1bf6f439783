//! Shared helpers for the statistics tests: reading the PHEindicatormethods oracle CSVs and measuring errors.

use std::collections::HashMap;

/// Path of a file under `shared/oracle/pheim/` (beside the crate, as CI lays it out).
pub fn oracle_path(rel: &str) -> String {
    format!("{}/../shared/oracle/pheim/{}", env!("CARGO_MANIFEST_DIR"), rel)
}

/// One CSV row keyed by (trimmed, BOM-free) header.
pub type Row = HashMap<String, String>;

/// Reads an oracle CSV into rows keyed by header.
pub fn read_rows(rel: &str) -> Vec<Row> {
    let path = oracle_path(rel);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let headers: Vec<String> = rdr.headers().expect("header").iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_string()).collect();
    rdr.records()
        .map(|r| {
            let r = r.expect("record");
            headers.iter().cloned().zip(r.iter().map(|s| s.to_string())).collect()
        })
        .collect()
}

/// A numeric cell; empty / NA → NaN.
pub fn num(row: &Row, col: &str) -> f64 {
    let s = row.get(col).unwrap_or_else(|| panic!("no column {col}"));
    let s = s.trim();
    if s.is_empty() || s == "NA" {
        f64::NAN
    } else {
        s.parse().unwrap_or_else(|_| panic!("not a number in {col}: {s}"))
    }
}

/// A text cell.
pub fn text<'a>(row: &'a Row, col: &str) -> &'a str {
    row.get(col).unwrap_or_else(|| panic!("no column {col}")).as_str()
}

/// Relative error of `got` against `want` (0 when both NaN or equal).
pub fn rel_err(got: f64, want: f64) -> f64 {
    if (got.is_nan() && want.is_nan()) || got == want {
        return 0.0;
    }
    if got.is_nan() || want.is_nan() {
        return f64::INFINITY;
    }
    (got - want).abs() / want.abs().max(got.abs())
}

/// Tracks the worst relative error of one method and asserts a tolerance.
pub struct Worst {
    name: String,
    tol: f64,
    pub worst: f64,
    pub n: usize,
}

impl Worst {
    /// A tracker for `name` with tolerance `tol` (relative).
    pub fn new(name: &str, tol: f64) -> Self {
        Worst { name: name.to_string(), tol, worst: 0.0, n: 0 }
    }

    /// Records one comparison and fails the test if it is out of tolerance.
    pub fn check(&mut self, got: f64, want: f64, what: &str) {
        let e = rel_err(got, want);
        assert!(e <= self.tol, "{}: {what}: got {got:e}, want {want:e} (rel err {e:e} > {:e})", self.name, self.tol);
        self.worst = self.worst.max(e);
        self.n += 1;
    }
}

impl Drop for Worst {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            println!("WORST {:<40} {:>10.3e}  over {} values (tol {:e})", self.name, self.worst, self.n, self.tol);
        }
    }
}

/// Tolerance for closed forms.
pub const CLOSED: f64 = 1e-9;
/// Tolerance for values printed to ~7 significant figures.
pub const PRINTED: f64 = 1.1e-7;
