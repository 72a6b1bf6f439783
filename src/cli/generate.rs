//! `indicator-lens generate`: writes a deterministic synthetic Fingertips-layout file for benchmarks.

use std::io::Write;

const USAGE: &str = "usage: indicator-lens generate --rows N --out FILE [--seed N]";

/// Runs `generate` with `args`; returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut rows, mut path, mut seed) = (None, None, 2026u64);
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1);
        match (args[i].as_str(), value) {
            ("--rows", Some(v)) => rows = v.replace('_', "").parse::<u64>().ok(),
            ("--out", Some(v)) => path = Some(v.clone()),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => rows = None,
            },
            _ => {
                let _ = writeln!(err, "{USAGE}");
                return 2;
            }
        }
        i += 2;
    }
    let (Some(rows), Some(path)) = (rows, path) else {
        let _ = writeln!(err, "{USAGE}");
        return 2;
    };
    let result = std::fs::File::create(&path).and_then(|mut file| crate::synthetic::write_fingertips(rows, seed, &mut file));
    match result {
        Ok(()) => {
            let _ = writeln!(out, "wrote {rows} rows to {path}");
            0
        }
        Err(e) => {
            let _ = writeln!(err, "cannot write {path}: {e}");
            1
        }
    }
}
