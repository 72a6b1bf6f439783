//! Shared input handling of the analysis subcommands: loading files into a session and reporting rejects.

use crate::ingest::LoadOptions;
use crate::session::Session;
use std::io::Write;

/// Loads each file into `session` (computing intervals the files lack); false when any file was
/// unreadable or unusable (each problem written to `err` with file and line).
pub fn load_files(session: &mut Session, files: &[String], err: &mut dyn Write) -> bool {
    let mut all_good = true;
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(err, "{file}: cannot read: {e}");
                all_good = false;
                continue;
            }
        };
        let name = std::path::Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file);
        let report = session.load(name, &bytes, &LoadOptions::default());
        if let Some(error) = &report.error {
            let _ = writeln!(err, "{file}: {error}");
            all_good = false;
        }
        for reject in &report.rejected {
            let _ = writeln!(err, "{}:{}: {} {}", reject.file, reject.line, reject.column, reject.reason);
        }
    }
    all_good
}

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

/// Writes `text` to `--out` when given, else to `out`; false (with a message) when writing failed.
pub fn write_output(command: &str, text: &str, path: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> bool {
    let written = match path {
        Some(path) => std::fs::write(path, text.as_bytes()).map_err(|e| e.to_string()),
        None => out.write_all(text.as_bytes()).map_err(|e| e.to_string()),
    };
    if let Err(message) = &written {
        let _ = writeln!(err, "{command}: cannot write output: {message}");
    }
    written.is_ok()
}

/// Reads a `--threshold` value: a non-negative percentage, with or without `%` (`5`, `7.5%`).
pub fn parse_percentage(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').parse::<f64>().ok();
    number
        .filter(|t| t.is_finite() && *t >= 0.0)
        .ok_or_else(|| format!("--threshold needs a percentage such as 5, not `{text}`"))
}

#[cfg(test)]
mod tests {
    use super::parse_percentage;

    #[test]
    fn thresholds_are_non_negative_percentages() {
        assert_eq!(parse_percentage("5"), Ok(5.0));
        assert_eq!(parse_percentage(" 7.5% "), Ok(7.5));
        for bad in ["x", "-1", "inf", ""] {
            assert!(parse_percentage(bad).is_err(), "{bad}");
        }
    }
}
