//! `indicator-lens generate`: writes a deterministic synthetic Fingertips-layout file for benchmarks.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use std::io::Write;

/// The declaration of `generate`.
pub static COMMAND: Command = Command {
    name: "generate",
    aliases: &[],
    word: None,
    files: None,
    flags: &[
        Flag::new("--rows", Takes::Text("N"), "how many data rows (underscores allowed: 1_000_000)").required(),
        Flag::new("--out", Takes::Path("FILE"), "the file to write").required(),
        Flag::new("--seed", Takes::Text("N"), "the seed of the generator (default 2026)"),
    ],
    about: "a synthetic Fingertips-layout file (for benchmarks)",
};

/// Runs `generate`: fails (1) when the file cannot be written.
pub fn run(parsed: &Parsed, out: &mut dyn Write, _diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let rows = parsed.read("--rows", "a whole number", |v| v.trim().replace('_', "").parse::<u64>().ok())?.unwrap_or_default();
    let seed = parsed.read("--seed", "a whole number", |v| v.trim().parse::<u64>().ok())?.unwrap_or(2026);
    let path = parsed.path("--out").unwrap_or_default();
    let written = std::fs::File::create(&path).and_then(|mut file| crate::synthetic::write_fingertips(rows, seed, &mut file));
    written.map_err(|e| CliError::output("generate", format!("{}: {e}", path.display())))?;
    let _ = writeln!(out, "wrote {rows} rows to {}", path.display());
    Ok(())
}
