//! `indicator-lens inspect`: (being built).

use std::io::Write;

/// Runs the `inspect` subcommand.
pub fn run(_args: &[String], _out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let _ = writeln!(err, "inspect: not built yet");
    2
}
