//! The input of `compute`: a CSV read through the ingest (encoding, delimiter and header row found as the
//! page finds them), held as text cells, and the cell and number formats of the output.

use crate::cli::error::{CliError, Diagnostics};
use crate::cli::input::read_input;
use crate::ingest::{sniff, table};
use std::path::Path;

/// An input or output table of text cells.
pub struct Table {
    /// Column names (trimmed, BOM removed).
    pub headers: Vec<String>,
    /// Data rows, each a list of trimmed cells (shorter than the header when the file is ragged).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Index of a column, matched case-insensitively (the package's names are lower case).
    pub fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Index of a column the statistic cannot do without.
    pub fn need(&self, name: &str) -> Result<usize, String> {
        self.col(name).ok_or_else(|| format!("input has no `{name}` column"))
    }
}

/// Reads `path` as the ingest reads a dropped file: size-checked, decoded (UTF-8 with or without BOM,
/// UTF-16, Windows-1252), its delimiter sniffed (comma, semicolon, tab) and title rows above the header skipped.
pub fn read_table(path: &Path, diagnostics: &mut Diagnostics) -> Result<Table, CliError> {
    let file = path.display().to_string();
    let bytes = read_input(path)?;
    if let Some(kind) = sniff::binary_kind(&bytes) {
        return Err(CliError::input(file, format!("this is {kind}, not a CSV file")));
    }
    let decoded = sniff::decode(&bytes).ok_or_else(|| CliError::input(&file, "this is binary data (it holds NUL bytes), not a CSV text file"))?;
    if let Some(&line) = decoded.invalid_lines.first() {
        let message = "bytes that are not valid UTF-8 (shown as �); re-save the file as UTF-8";
        diagnostics.warn(&CliError::Input { file: file.clone(), line: Some(line), message: message.into() });
    }
    let delimiter = sniff::delimiter(&decoded.text);
    let table = table::read(decoded.text, delimiter);
    if table.is_blank() {
        return Err(CliError::input(file, "the file is empty"));
    }
    let headers = table.headers().to_vec();
    let mut rows = Vec::new();
    let mut records = table.rows();
    while let Some(record) = records.next_row() {
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(Table { headers, rows })
}

/// A numeric cell: empty or NA is missing (NaN); other text is an error naming the column.
pub fn cell(row: &[String], i: usize, name: &str) -> Result<f64, String> {
    let s = row.get(i).map(|s| s.trim()).unwrap_or("");
    if s.is_empty() || s == "NA" {
        return Ok(f64::NAN);
    }
    s.parse().map_err(|_| format!("{name} is not a number: `{s}`"))
}

/// Prints a number to 17 significant digits (shortest form that keeps them), empty for NaN.
pub fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return String::new();
    }
    if v == 0.0 || v.is_infinite() {
        return format!("{v}");
    }
    let sci = format!("{v:.16e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if !(-5..17).contains(&exp) {
        let (h, t) = digits.split_at(1);
        let t = if t.is_empty() { String::new() } else { format!(".{t}") };
        return format!("{}{h}{t}e{exp}", if neg { "-" } else { "" });
    }
    let s = if exp < 0 {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            format!("{digits}{}", "0".repeat(int_len - digits.len()))
        } else {
            format!("{}.{}", &digits[..int_len], &digits[int_len..])
        }
    };
    format!("{}{s}", if neg { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> Table {
        let path = std::env::temp_dir().join(format!("il-cli-compute-{name}-{}.csv", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        let mut err = Vec::new();
        let table = read_table(&path, &mut Diagnostics::new(&mut err));
        let _ = std::fs::remove_file(&path);
        table.unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn encodings_and_delimiters_as_in_the_page() {
        let comma = read("comma", b"\xef\xbb\xbfArea,numerator,denominator\nA,1,10\n");
        assert_eq!(comma.headers, ["Area", "numerator", "denominator"]);
        assert_eq!(comma.rows, [["A", "1", "10"]]);
        let semicolon = read("semicolon", "Area;numerator;denominator\r\nSt Helen’s;2;20\r\n".as_bytes());
        assert_eq!(semicolon.rows, [["St Helen’s", "2", "20"]]);
        let cp1252 = read("cp1252", b"Area\tnumerator\tdenominator\nSt Helen\x92s\t3\t30\n");
        assert_eq!(cp1252.rows, [["St Helen’s", "3", "30"]]);
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("Area,numerator\nB,4\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(read("utf16", &utf16).rows, [["B", "4"]]);
        let titled = read("titled", b"Table 3: rates\n\nArea,numerator,denominator\nC,5,50\n");
        assert_eq!((titled.headers[0].as_str(), titled.rows.len()), ("Area", 1));
    }

    #[test]
    fn numbers_print_with_17_significant_digits() {
        assert_eq!(fmt_num(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(fmt_num(100000.0), "100000");
        assert_eq!(fmt_num(2f64.powi(-20)), "9.5367431640625e-7");
        assert_eq!(fmt_num(f64::NAN), "");
        assert_eq!(cell(&["NA".into()], 0, "x").map(f64::is_nan), Ok(true));
        assert!(cell(&["x".into()], 0, "numerator").unwrap_err().contains("numerator is not a number"));
    }
}
