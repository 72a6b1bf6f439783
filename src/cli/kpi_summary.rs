//! `indicator-lens kpi-summary` (also `view kpi-summary`): one row per indicator × area with comparison, trend,
//! direction, target status, SPC icons and the why of each label, as JSON or CSV.

use super::benchmark::read_polarity;
use super::input::{load_files, write_output};
use crate::analysis::{Benchmark, ConfidenceLevel};
use crate::model::Polarity;
use crate::session::Session;
use crate::view::{ViewModel, ViewSpec};
use std::io::Write;

const USAGE: &str = "usage: indicator-lens kpi-summary FILE... [--area CODE]... [--indicator KEY]... [--period P] [--against england|parent|CODE] [--level 95|99.8] [--polarity FILE] [--sort COLUMN] [--descending] [--json] [--out FILE]";

/// The word `parse_polarity` reads back for a polarity.
fn polarity_word(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::HighIsGood => "high",
        Polarity::LowIsGood => "low",
        Polarity::NoJudgement => "none",
        Polarity::Unknown => "unknown",
    }
}

/// Reads the options into a spec; the files are returned separately.
fn parse_args(args: &[String]) -> Result<(Vec<String>, ViewSpec, bool, Option<String>), String> {
    let (mut files, mut spec, mut json, mut out_path) = (Vec::new(), ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() }, false, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--area" => spec.areas.push(value()?),
            "--indicator" => spec.indicators.push(value()?),
            "--period" => spec.period = Some(value()?),
            "--against" => spec.comparator = Benchmark::parse(&value()?),
            "--level" => {
                let v = value()?;
                spec.level = Some(ConfidenceLevel::parse(&v).ok_or_else(|| format!("--level must be 95 or 99.8, not {v}"))?);
            }
            "--polarity" => {
                let overrides = read_polarity(&value()?)?;
                spec.polarity = overrides.into_iter().map(|(k, p)| (k, polarity_word(p).to_owned())).collect();
            }
            "--sort" => {
                let v = value()?;
                spec.kpi.sort = serde_json::from_value(serde_json::Value::String(v.replace('-', "_"))).map_err(|_| format!("--sort: unknown column {v}"))?;
            }
            "--descending" => spec.kpi.descending = true,
            "--json" => json = true,
            "--out" => out_path = Some(value()?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err("no input files".into());
    }
    Ok((files, spec, json, out_path))
}

/// Runs the `kpi-summary` subcommand (args without the command name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (files, spec, json, out_path) = match parse_args(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            let _ = writeln!(err, "kpi-summary: {message}\n{USAGE}");
            return 2;
        }
    };
    let mut session = Session::new();
    let all_good = load_files(&mut session, &files, err);
    if session.dataset.is_empty() {
        return 1;
    }
    let output = match session.view(&spec) {
        Ok(output) => output,
        Err(e) => {
            let _ = writeln!(err, "kpi-summary: {e}");
            return 1;
        }
    };
    let ViewModel::KpiSummary(view) = &output.model else { return 1 };
    if !view.polarity_needed.is_empty() {
        let _ = writeln!(err, "kpi-summary: polarity needed (not given by the data, not guessed; set it with --polarity FILE): {}", view.polarity_needed.join("; "));
    }
    let text = if json {
        let body = serde_json::json!({
            "rows": view.rows,
            "total_rows": view.total_rows,
            "polarity_needed": view.polarity_needed,
            "notes": view.notes,
        });
        serde_json::to_string_pretty(&body).map(|t| t + "\n").unwrap_or_default()
    } else {
        output.table.to_csv()
    };
    if !write_output("kpi-summary", &text, out_path.as_deref(), out, err) || !all_good {
        return 1;
    }
    0
}
