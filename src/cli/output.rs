//! Output of the subcommands: CSV cells and records (formula-injection safe) and writing to `--out` or stdout.

use super::error::CliError;
use std::io::Write;
use std::path::Path;

/// A number for a CSV cell: empty when absent.
pub fn number_cell(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// Appends one injection-safe CSV record to `text`.
pub fn push_record(text: &mut String, cells: &[String]) {
    let escaped: Vec<String> = cells.iter().map(|c| crate::view::csv_cell(c)).collect();
    text.push_str(&escaped.join(","));
    text.push_str("\r\n");
}

/// Writes `text` to `path` when given (`--out`), else to `out`.
pub fn write_output(command: &'static str, text: &str, path: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    let written = match path {
        Some(path) => std::fs::write(path, text.as_bytes()),
        None => out.write_all(text.as_bytes()),
    };
    written.map_err(|e| CliError::output(command, e))
}

/// Reads a `--threshold` value: a non-negative percentage, with or without `%` (`5`, `7.5%`).
pub fn parse_percentage(text: &str) -> Option<f64> {
    text.trim().trim_end_matches('%').parse::<f64>().ok().filter(|t| t.is_finite() && *t >= 0.0)
}

/// What `parse_percentage` reads, for refusals.
pub const PERCENTAGE: &str = "a percentage such as 5";

/// `--threshold`, declared once for the subcommands that judge direction of travel (`trend`, `summary`).
pub const THRESHOLD_FLAG: super::args::Flag = super::args::Flag::new(
    "--threshold",
    super::args::Takes::Text("PERCENT"),
    "the relative change that counts as a change in the direction of travel (default 5)",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_non_negative_percentages() {
        assert_eq!(parse_percentage("5"), Some(5.0));
        assert_eq!(parse_percentage(" 7.5% "), Some(7.5));
        for bad in ["x", "-1", "inf", ""] {
            assert!(parse_percentage(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn output_to_a_missing_directory_is_an_output_error() {
        let error = write_output("trend", "a\r\n", Some(Path::new("/nonexistent/dir/out.csv")), &mut Vec::new()).unwrap_err();
        assert!(error.to_string().starts_with("trend: cannot write output: "), "{error}");
        let mut out = Vec::new();
        assert!(write_output("trend", "a\r\n", None, &mut out).is_ok());
        assert_eq!(out, b"a\r\n");
    }
}
