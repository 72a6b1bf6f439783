//! `indicator-lens inspect FILE... [--json]`: the detected layout and load report of each file.

use crate::ingest::{FileReport, LoadOptions};
use crate::session::Session;
use std::io::Write;

const USAGE: &str = "usage: indicator-lens inspect FILE... [--json] [--format LAYOUT] [--area AREA]";

/// Runs the `inspect` subcommand: 0 when a file was read, 1 when nothing usable was found, 2 on usage errors.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut json = false;
    let mut files = Vec::new();
    let mut options = LoadOptions::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--format" | "--area" => {
                let Some(value) = args.next() else {
                    let _ = writeln!(err, "{arg} needs a value\n{USAGE}");
                    return 2;
                };
                if arg == "--format" {
                    options.format = Some(value.clone());
                } else {
                    options.area = Some(value.clone());
                }
            }
            "-h" | "--help" => {
                let _ = writeln!(out, "{USAGE}");
                return 0;
            }
            flag if flag.starts_with("--") => {
                let _ = writeln!(err, "unknown option `{flag}`\n{USAGE}");
                return 2;
            }
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        let _ = writeln!(err, "no file given\n{USAGE}");
        return 2;
    }
    let mut session = Session::new();
    for file in &files {
        match std::fs::read(file) {
            Ok(bytes) => {
                session.load(file, &bytes, &options);
            }
            Err(e) => {
                let mut report = FileReport::new(file);
                report.format = "unreadable".into();
                report.error = Some(format!("cannot read the file: {e}"));
                session.reports.push(report);
            }
        }
    }
    let reports = &session.reports;
    let printed = if json {
        let body = serde_json::json!({ "files": reports });
        writeln!(out, "{}", serde_json::to_string_pretty(&body).unwrap_or_default())
    } else {
        reports.iter().try_for_each(|r| write_text(r, out))
    };
    if printed.is_err() {
        return 1;
    }
    let usable = reports.iter().any(FileReport::is_usable) || reports.iter().any(|r| r.targets + r.plans > 0);
    for r in reports {
        if let Some(error) = &r.error {
            let _ = writeln!(err, "{}: {error}", r.file);
        }
    }
    if usable {
        0
    } else {
        let _ = writeln!(err, "nothing usable was found");
        1
    }
}

/// The report of one file as text for a terminal.
fn write_text(r: &FileReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", r.file)?;
    writeln!(out, "  format {}, encoding {}, delimiter {}", r.format, r.encoding, r.delimiter)?;
    writeln!(
        out,
        "  {} rows read, {} observations, {} targets, {} planned values, {} replaced, {} rejected",
        r.rows_read,
        r.observations,
        r.targets,
        r.plans,
        r.replaced,
        r.rejected.len()
    )?;
    if let Some(error) = &r.error {
        writeln!(out, "  error: {error}")?;
    }
    for c in &r.columns {
        writeln!(out, "  column {:?} → {}", c.header, c.role)?;
    }
    for x in &r.rejected {
        writeln!(out, "  rejected line {} {}: {}", x.line, x.column, x.reason)?;
    }
    for w in &r.warnings {
        writeln!(out, "  warning line {} {}: {}", w.line, w.column, w.message)?;
    }
    Ok(())
}
