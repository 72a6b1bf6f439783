//! `indicator-lens compute`: (being built).

use std::io::Write;

/// Runs the `compute` subcommand.
pub fn run(_args: &[String], _out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let _ = writeln!(err, "compute: not built yet");
    2
}
