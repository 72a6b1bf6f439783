//! `indicator-lens spc`: XmR points (mean, limits, rule fired, variation) per indicator, as CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::{load_files, nothing_read};
use super::output::{number_cell, push_record, write_output};
use crate::analysis::spc::Improvement;
use crate::session::Session;
use crate::view::{spc_view, ViewSpec};
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 12] =
    ["indicator", "area", "period", "value", "mean", "lower_limit", "upper_limit", "lower_2sigma", "upper_2sigma", "rule", "variation", "assurance"];

/// The improvement directions `--improvement` takes (synonyms such as `up`, `higher`, `down` are read too).
fn improvements() -> String {
    "increase|decrease|neutral".into()
}

/// The declaration of `spc`.
pub static COMMAND: Command = Command {
    name: "spc",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--indicator", Takes::Text("KEY"), "only this indicator (id or name)"),
        Flag::new("--area", Takes::Text("AREA"), "the area whose series is charted (code or name)"),
        Flag::new(
            "--improvement",
            Takes::Matching { placeholder: None, allowed: improvements, accepts: |v| Improvement::parse(v).is_some() },
            "which direction is improvement (default: from the polarity, else neutral)",
        ),
        Flag::new("--target", Takes::Text("N"), "the target the assurance icon tests the limits against"),
        Flag::new("--out", Takes::Path("FILE"), "write the CSV here instead of to standard output"),
    ],
    about: "XmR points (mean, limits, rule fired, variation) per indicator, as CSV",
};

/// Runs `spc`: fails (1) when a file was rejected, or the indicator or area asked for cannot be charted.
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let spec = ViewSpec {
        indicator: parsed.text("--indicator"),
        area: parsed.text("--area"),
        improvement: parsed.text("--improvement"),
        target: parsed.read("--target", "a number", |t| t.trim().parse::<f64>().ok().filter(|t| t.is_finite()))?,
        ..ViewSpec::default()
    };
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics);
    let dataset = &session.dataset;
    if dataset.is_empty() {
        return Err(nothing_read("spc"));
    }
    let keys: Vec<String> = match &spec.indicator {
        Some(key) => vec![key.clone()],
        None => dataset.indicators.iter().map(|i| i.key().to_owned()).collect(),
    };
    let mut text = String::new();
    push_record(&mut text, &HEADER.map(str::to_owned));
    let mut charted = 0;
    for key in keys {
        let one = ViewSpec { indicator: Some(key.clone()), ..spec.clone() };
        match spc_view(dataset, &one) {
            Ok(view) => {
                charted += 1;
                for warning in &view.warnings {
                    diagnostics.note(format!("spc: {}: {warning}", view.indicator));
                }
                for p in &view.points {
                    let cells = [
                        view.indicator.clone(),
                        view.area.clone(),
                        p.period.clone(),
                        number_cell(p.value),
                        number_cell(p.mean),
                        number_cell(p.lower),
                        number_cell(p.upper),
                        number_cell(p.lower_near),
                        number_cell(p.upper_near),
                        p.rule.clone(),
                        serde_json::to_value(p.variation).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                        serde_json::to_value(view.assurance).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                    ];
                    push_record(&mut text, &cells);
                }
            }
            Err(e) => {
                let problem = CliError::input("", format!("spc: {key}: {e}"));
                // One indicator asked for and not charted fails the run; one of many is reported only.
                if spec.indicator.is_some() {
                    diagnostics.fail(&problem);
                } else {
                    diagnostics.warn(&problem);
                }
            }
        }
    }
    write_output("spc", &text, parsed.path("--out").as_deref(), out)?;
    // An area (or indicator) asked for and charted nowhere is refused; without one, a file with no series
    // long enough gives the header alone.
    if charted == 0 && spec.area.is_some() && !diagnostics.failed() {
        return Err(CliError::input("", "spc: no indicator could be charted for the area asked for"));
    }
    Ok(())
}
