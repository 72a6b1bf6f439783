//! `indicator-lens summary`: the board-paper sentence and table, as text or CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::{load_files, nothing_read};
use super::output::{parse_percentage, write_output, PERCENTAGE, THRESHOLD_FLAG};
use super::polarity::{self, read_polarity, spec_polarity};
use crate::session::Session;
use crate::view::{board_summary_view, ViewSpec};
use std::io::Write;

/// The declaration of `summary`.
pub static COMMAND: Command = Command {
    name: "summary",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--polarity", Takes::Path("FILE"), polarity::HELP),
        THRESHOLD_FLAG,
        Flag::new("--area", Takes::Text("AREA"), "the area the paper is about (code or name)"),
        Flag::new("--csv", Takes::Nothing, "the table as CSV instead of the sentence and table as text"),
        Flag::new("--out", Takes::Path("FILE"), "write here instead of to standard output"),
    ],
    about: "the board-paper sentence and table",
};

/// Runs `summary`: fails (1) when a file was rejected or the summary cannot be made.
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let mut spec = ViewSpec { area: parsed.text("--area"), ..ViewSpec::default() };
    if let Some(path) = parsed.path("--polarity") {
        spec.polarity = spec_polarity(read_polarity(&path)?);
    }
    if let Some(threshold) = parsed.read("--threshold", PERCENTAGE, parse_percentage)? {
        spec.direction.relative_change_percent = threshold;
    }
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics);
    if session.dataset.is_empty() {
        return Err(nothing_read("summary"));
    }
    let view = board_summary_view(&session.dataset, &spec).map_err(|e| CliError::input("", format!("summary: {e}")))?;
    let text = if parsed.has("--csv") { view.table().to_csv() } else { view.to_text() };
    write_output("summary", &text, parsed.path("--out").as_deref(), out)
}
