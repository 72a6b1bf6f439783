//! `indicator-lens inspect FILE... [--json]`: the detected layout and load report of each file.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::read_bounded;
use crate::ingest::{layout, FileReport, LoadOptions, DEFAULT_MAX_BYTES};
use crate::session::Session;
use std::io::Write;

/// The layouts `--format` takes.
fn layout_names() -> String {
    let mut names: Vec<&str> = layout::ALL.iter().map(|l| l.name()).collect();
    names.push("hexjson");
    names.join("|")
}

/// True for a layout name the ingest reads (case and `_`/`-` ignored).
fn is_layout(name: &str) -> bool {
    name.eq_ignore_ascii_case("hexjson") || layout::Layout::from_name(name).is_some()
}

/// The declaration of `inspect`.
pub static COMMAND: Command = Command {
    name: "inspect",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--json", Takes::Nothing, "the reports as JSON"),
        Flag::new(
            "--format",
            Takes::Matching { placeholder: Some("LAYOUT"), allowed: layout_names, accepts: is_layout },
            "read every file as this layout instead of detecting it",
        ),
        Flag::new("--area", Takes::Text("AREA"), "the area of files that have no area column (a name or an ONS code)"),
    ],
    about: "the detected format and load report of each file",
};

/// Runs `inspect`: fails (1) when nothing usable was found in any file.
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let options = LoadOptions { format: parsed.text("--format"), area: parsed.text("--area"), ..LoadOptions::default() };
    let mut session = Session::new();
    for path in parsed.files() {
        let name = path.display().to_string();
        match read_bounded(&path, options.max_bytes.unwrap_or(DEFAULT_MAX_BYTES)) {
            Ok(bytes) => {
                session.load(&name, &bytes, &options);
            }
            Err(message) => {
                let mut report = FileReport::new(&name);
                report.format = "unreadable".into();
                report.error = Some(message);
                session.reports.push(report);
            }
        }
    }
    let reports = &session.reports;
    let printed = if parsed.has("--json") {
        let body = serde_json::json!({ "files": reports });
        writeln!(out, "{}", serde_json::to_string_pretty(&body).unwrap_or_default())
    } else {
        reports.iter().try_for_each(|r| write_text(r, out))
    };
    printed.map_err(|e| CliError::output("inspect", e))?;
    for r in reports {
        if let Some(error) = &r.error {
            diagnostics.warn(&CliError::input(r.file.clone(), error.clone()));
        }
    }
    let usable = reports.iter().any(FileReport::is_usable) || reports.iter().any(|r| r.targets + r.plans > 0);
    if usable {
        Ok(())
    } else {
        Err(CliError::input("", "nothing usable was found"))
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
