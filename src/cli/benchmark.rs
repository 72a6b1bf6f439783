//! `indicator-lens benchmark`: (being built).

use std::io::Write;

/// Runs the `benchmark` subcommand.
pub fn run(_args: &[String], _out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let _ = writeln!(err, "benchmark: not built yet");
    2
}
