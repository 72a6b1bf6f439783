//! `indicator-lens targets`: each period of a KPI return judged against its contract year's target, as CSV.

use super::benchmark::read_polarity;
use super::input::{load_files, number_cell, push_record, write_output};
use crate::analysis::polarity::{effective_polarity};
use crate::analysis::series::all_series;
use crate::analysis::targets::evaluate_targets;
use crate::analysis::PolarityOverrides;
use crate::model::Dataset;
use crate::session::Session;
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 12] = [
    "indicator_id", "indicator", "area_code", "area", "period", "value", "contract_year", "target", "rule", "threshold", "status",
    "reason",
];

const USAGE: &str = "usage: indicator-lens targets FILE... --schedule FILE [--polarity FILE] [--out FILE]";

/// The target CSV: every observation of an indicator that has targets, judged against them.
pub fn targets_csv(dataset: &Dataset, overrides: &PolarityOverrides) -> String {
    let mut text = String::new();
    push_record(&mut text, &HEADER.map(str::to_owned));
    for (key, rows) in all_series(dataset) {
        if !dataset.targets.iter().any(|t| t.indicator == key.indicator) {
            continue;
        }
        let polarity = effective_polarity(dataset, key.indicator, overrides);
        let indicator = &dataset.indicators[key.indicator as usize];
        let area = &dataset.areas[key.area as usize];
        if area.is_england() {
            continue; // England is the benchmark of national-average targets, not a contracted area.
        }
        for e in evaluate_targets(dataset, &rows, polarity) {
            push_record(
                &mut text,
                &[
                    indicator.id.clone(),
                    indicator.name.clone(),
                    area.code.clone(),
                    area.name.clone(),
                    e.period,
                    number_cell(e.value),
                    e.contract_year.unwrap_or_default(),
                    e.target_text,
                    e.rule.text(),
                    e.threshold.map(number_cell).unwrap_or_default(),
                    e.status.text().to_owned(),
                    e.reason,
                ],
            );
        }
    }
    text
}

/// Runs the `targets` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut files, mut schedules, mut overrides, mut out_path) = (Vec::new(), Vec::new(), PolarityOverrides::new(), None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let parsed: Result<(), String> = match arg.as_str() {
            "--schedule" => iter.next().map(|s| schedules.push(s.clone())).ok_or_else(|| "--schedule needs a file".to_owned()),
            "--polarity" => match iter.next() {
                Some(path) => read_polarity(path).map(|p| overrides = p),
                None => Err("--polarity needs a file".into()),
            },
            "--out" => iter.next().map(|p| out_path = Some(p.clone())).ok_or_else(|| "--out needs a file".to_owned()),
            flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
            file => {
                files.push(file.to_owned());
                Ok(())
            }
        };
        if let Err(message) = parsed {
            let _ = writeln!(err, "targets: {message}\n{USAGE}");
            return 2;
        }
    }
    if files.is_empty() || schedules.is_empty() {
        let _ = writeln!(err, "targets: needs a data file and --schedule FILE\n{USAGE}");
        return 2;
    }
    let mut session = Session::new();
    // The schedule first, so the return's rows and KPI names attach to the schedule's indicators.
    let schedule_ok = load_files(&mut session, &schedules, err);
    let data_ok = load_files(&mut session, &files, err);
    if session.dataset.is_empty() || session.dataset.targets.is_empty() {
        let _ = writeln!(err, "targets: no observations or no targets were read");
        return 1;
    }
    let csv = targets_csv(&session.dataset, &overrides);
    if !(write_output("targets", &csv, out_path.as_deref(), out, err) && schedule_ok && data_ok) {
        return 1;
    }
    0
}
