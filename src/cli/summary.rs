//! `indicator-lens summary`: the board-paper sentence and table, as text or CSV.

use super::benchmark::read_polarity;
use super::input::{load_files, parse_percentage, write_output};
use crate::session::Session;
use crate::view::{board_summary_view, ViewSpec};
use std::io::Write;

const USAGE: &str = "usage: indicator-lens summary FILE... [--polarity FILE] [--threshold PERCENT] [--area AREA] [--csv] [--out FILE]";

/// The word `parse_polarity` reads back for a polarity.
fn polarity_word(polarity: crate::model::Polarity) -> &'static str {
    match polarity {
        crate::model::Polarity::HighIsGood => "high",
        crate::model::Polarity::LowIsGood => "low",
        crate::model::Polarity::NoJudgement => "none",
        crate::model::Polarity::Unknown => "unknown",
    }
}

/// Runs the `summary` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut files, mut spec, mut as_csv, mut out_path) = (Vec::new(), ViewSpec::default(), false, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().ok_or_else(|| format!("{arg} needs a value"));
        let parsed: Result<(), String> = match arg.as_str() {
            "--polarity" => value().and_then(|path| read_polarity(&path)).map(|overrides| {
                spec.polarity = overrides.into_iter().map(|(k, p)| (k, polarity_word(p).to_owned())).collect();
            }),
            "--threshold" => value().and_then(|t| parse_percentage(&t)).map(|t| spec.direction.relative_change_percent = t),
            "--area" => value().map(|a| spec.area = Some(a)),
            "--csv" => {
                as_csv = true;
                Ok(())
            }
            "--out" => value().map(|p| out_path = Some(p)),
            flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
            file => {
                files.push(file.to_owned());
                Ok(())
            }
        };
        if let Err(message) = parsed {
            let _ = writeln!(err, "summary: {message}\n{USAGE}");
            return 2;
        }
    }
    if files.is_empty() {
        let _ = writeln!(err, "summary: no input files\n{USAGE}");
        return 2;
    }
    let mut session = Session::new();
    let all_good = load_files(&mut session, &files, err);
    if session.dataset.is_empty() {
        return 1;
    }
    let view = match board_summary_view(&session.dataset, &spec) {
        Ok(view) => view,
        Err(e) => {
            let _ = writeln!(err, "summary: {e}");
            return 1;
        }
    };
    let text = if as_csv { view.table().to_csv() } else { view.to_text() };
    if !write_output("summary", &text, out_path.as_deref(), out, err) || !all_good {
        return 1;
    }
    0
}
