//! `indicator-lens spc`: XmR points (mean, limits, rule fired, variation) per indicator, as CSV.

use super::input::{load_files, number_cell, push_record, write_output};
use crate::session::Session;
use crate::view::{spc_view, ViewSpec};
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 12] = [
    "indicator", "area", "period", "value", "mean", "lower_limit", "upper_limit", "lower_2sigma", "upper_2sigma", "rule", "variation",
    "assurance",
];

const USAGE: &str = "usage: indicator-lens spc FILE [--indicator KEY] [--area AREA] [--improvement increase|decrease|neutral] [--target N] [--out FILE]";

/// Runs the `spc` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut files, mut spec, mut out_path) = (Vec::new(), ViewSpec::default(), None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().ok_or_else(|| format!("{arg} needs a value"));
        let parsed: Result<(), String> = match arg.as_str() {
            "--indicator" => value().map(|v| spec.indicator = Some(v)),
            "--area" => value().map(|v| spec.area = Some(v)),
            "--improvement" => value().map(|v| spec.improvement = Some(v)),
            "--target" => value().and_then(|v| v.parse::<f64>().map(|t| spec.target = Some(t)).map_err(|_| format!("--target must be a number, not {v}"))),
            "--out" => value().map(|v| out_path = Some(v)),
            flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
            file => {
                files.push(file.to_owned());
                Ok(())
            }
        };
        if let Err(message) = parsed {
            let _ = writeln!(err, "spc: {message}\n{USAGE}");
            return 2;
        }
    }
    if files.is_empty() {
        let _ = writeln!(err, "spc: no input file\n{USAGE}");
        return 2;
    }
    let mut session = Session::new();
    let all_good = load_files(&mut session, &files, err);
    let dataset = &session.dataset;
    if dataset.is_empty() {
        return 1;
    }
    let keys: Vec<String> = match &spec.indicator {
        Some(key) => vec![key.clone()],
        None => dataset.indicators.iter().map(|i| i.key().to_owned()).collect(),
    };
    let mut text = String::new();
    push_record(&mut text, &HEADER.map(str::to_owned));
    let mut failed = false;
    for key in keys {
        let one = ViewSpec { indicator: Some(key.clone()), ..spec.clone() };
        match spc_view(dataset, &one) {
            Ok(view) => {
                for warning in &view.warnings {
                    let _ = writeln!(err, "spc: {}: {warning}", view.indicator);
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
                let _ = writeln!(err, "spc: {key}: {e}");
                failed = true;
            }
        }
    }
    if !write_output("spc", &text, out_path.as_deref(), out, err) || !all_good || (failed && spec.indicator.is_some()) {
        return 1;
    }
    0
}
