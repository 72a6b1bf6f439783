//! `indicator-lens targets`: each period of a KPI return judged against its contract year's target, as CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::load_files;
use super::output::{number_cell, push_record, write_output};
use super::polarity::{self, read_polarity};
use crate::analysis::polarity::effective_polarity;
use crate::analysis::series::all_series;
use crate::analysis::targets::evaluate_targets;
use crate::analysis::PolarityOverrides;
use crate::model::Dataset;
use crate::session::Session;
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 12] =
    ["indicator_id", "indicator", "area_code", "area", "period", "value", "contract_year", "target", "rule", "threshold", "status", "reason"];

/// The declaration of `targets`.
pub static COMMAND: Command = Command {
    name: "targets",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--schedule", Takes::Path("FILE"), "the KPI schedule: one target column per contract year").required().repeats(),
        Flag::new("--polarity", Takes::Path("FILE"), polarity::HELP),
        Flag::new("--out", Takes::Path("FILE"), "write the CSV here instead of to standard output"),
    ],
    about: "each period of a KPI return judged against its contract year's target, as CSV",
};

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

/// Runs `targets`: the CSV is written even when some file was rejected (the run then fails with 1).
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let overrides = parsed.path("--polarity").map(|p| read_polarity(&p)).transpose()?.unwrap_or_default();
    let mut session = Session::new();
    // The schedule first, so the return's rows and KPI names attach to the schedule's indicators.
    load_files(&mut session, &parsed.paths("--schedule"), diagnostics);
    load_files(&mut session, &parsed.files(), diagnostics);
    if session.dataset.is_empty() || session.dataset.targets.is_empty() {
        return Err(CliError::input("", "targets: no observations or no targets were read"));
    }
    let csv = targets_csv(&session.dataset, &overrides);
    write_output("targets", &csv, parsed.path("--out").as_deref(), out)
}
