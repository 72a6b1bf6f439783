//! `indicator-lens prevalence`: national rates × local populations as CSV, with an access section when asked.
//!
//! Output: one row per area × band × disorder (then each area's all-band total), columns
//! `area, age_band, [sex,] disorder, population, rate, estimate[, lower, upper]`; `rate` is in percent
//! (population-weighted for combined bands), `lower`/`upper` appear only when the rates carry intervals.
//! With `--access`, a blank line then a second section with the access view's columns.

use crate::analysis::prevalence::estimate_prevalence;
use crate::analysis::prevalence_inputs::prevalence_inputs;
use crate::ingest::LoadOptions;
use crate::session::Session;
use crate::view::access::access_view;
use crate::view::prevalence::parse_bands;
use crate::view::csv_cell;
use std::io::Write;

const USAGE: &str = "usage: indicator-lens prevalence --rates FILE --population FILE [--bands 2-4,5-16,17-19] [--access FILE] [--target 0.34] [--need N]";

/// Parsed command-line options.
#[derive(Default)]
struct Arguments {
    rates: Option<String>,
    population: Option<String>,
    bands: Vec<String>,
    access: Option<String>,
    target: Option<f64>,
    need: Option<f64>,
}

fn usage(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "prevalence: {message}\n{USAGE}");
    2
}

/// A share from `0.34`, `34%` or `34` (a number above 1 is read as a percentage).
fn parse_share(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body, true),
        None => (trimmed, false),
    };
    let value: f64 = body.trim().parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
    Some(if percent || value > 1.0 { value / 100.0 } else { value })
}

fn parse_arguments(args: &[String]) -> Result<Arguments, String> {
    let mut parsed = Arguments::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--rates" => parsed.rates = Some(value("--rates")?),
            "--population" => parsed.population = Some(value("--population")?),
            "--bands" => parsed.bands.push(value("--bands")?),
            "--access" => parsed.access = Some(value("--access")?),
            "--target" => {
                let text = value("--target")?;
                parsed.target = Some(parse_share(&text).filter(|t| *t <= 1.0).ok_or_else(|| format!("--target must be a share such as 0.34 or 34%, not {text}"))?);
            }
            "--need" => {
                let text = value("--need")?;
                parsed.need = Some(text.replace(',', "").parse().ok().filter(|n: &f64| n.is_finite() && *n > 0.0).ok_or_else(|| format!("--need must be a positive number, not {text}"))?);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if parsed.rates.is_none() || parsed.population.is_none() {
        return Err("--rates and --population are both needed".into());
    }
    Ok(parsed)
}

/// Loads `path` into the session (the page's load path); `Err` with a message when unreadable or not one of the `expected` layouts.
fn load(session: &mut Session, path: &str, expected: &[&str], err: &mut dyn Write) -> Result<(), ()> {
    let bytes = std::fs::read(path).map_err(|e| {
        let _ = writeln!(err, "{path}: cannot read: {e}");
    })?;
    let name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path);
    let report = session.load(name, &bytes, &LoadOptions::default());
    for reject in &report.rejected {
        let _ = writeln!(err, "{}:{}: {} {}", reject.file, reject.line, reject.column, reject.reason);
    }
    if let Some(error) = &report.error {
        let _ = writeln!(err, "{path}: {error}");
        return Err(());
    }
    if !expected.contains(&report.format.as_str()) {
        let _ = writeln!(err, "{path}: read as a {} table, not {}", report.format, expected.join(" or "));
        return Err(());
    }
    Ok(())
}

fn number(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        String::new()
    }
}

fn write_row(text: &mut String, cells: &[String]) {
    let escaped: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    text.push_str(&escaped.join(","));
    text.push_str("\r\n");
}

/// Runs the `prevalence` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let arguments = match parse_arguments(args) {
        Ok(arguments) => arguments,
        Err(message) => return usage(err, &message),
    };
    let bands = match parse_bands(&arguments.bands) {
        Ok(bands) => bands,
        Err(message) => return usage(err, &message),
    };
    let mut session = Session::new();
    let rates = arguments.rates.as_deref().unwrap_or_default();
    let population = arguments.population.as_deref().unwrap_or_default();
    let mut loaded = load(&mut session, rates, &["reference-rates"], err).is_ok();
    loaded &= load(&mut session, population, &["population", "population-wide"], err).is_ok();
    if let Some(access) = &arguments.access {
        loaded &= load(&mut session, access, &["planned-trajectory"], err).is_ok();
    }
    if !loaded {
        return 1;
    }
    let dataset = &session.dataset;
    let inputs = prevalence_inputs(dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &bands);
    let mut failed = false;
    for issue in inputs.issues.iter().chain(&result.issues) {
        failed |= issue.is_error();
        let _ = writeln!(err, "prevalence: {}: {}", if issue.is_error() { "error" } else { "warning" }, issue.message);
    }
    let with_sex = result.estimates.iter().any(|e| !e.sex.is_empty());
    let with_interval = result.estimates.iter().any(|e| e.lower.is_some());
    let mut header: Vec<String> = ["area", "age_band", "sex", "disorder", "population", "rate", "estimate", "lower", "upper"].map(String::from).to_vec();
    header.retain(|h| (h != "sex" || with_sex) && ((h != "lower" && h != "upper") || with_interval));
    let mut text = String::new();
    write_row(&mut text, &header);
    for e in &result.estimates {
        let mut cells = vec![e.area.clone(), e.age_band.clone()];
        if with_sex {
            cells.push(e.sex.clone());
        }
        cells.extend([e.disorder.clone(), number(e.population, 0), number(e.rate_percent, 4), number(e.estimate, 1)]);
        if with_interval {
            cells.push(e.lower.map(|v| number(v, 1)).unwrap_or_default());
            cells.push(e.upper.map(|v| number(v, 1)).unwrap_or_default());
        }
        write_row(&mut text, &cells);
    }
    if arguments.access.is_some() {
        match access_view(dataset, &bands, None, arguments.need, arguments.target) {
            Ok(view) => {
                for issue in &view.issues {
                    failed |= issue.is_error();
                    let _ = writeln!(err, "access: {}: {}", if issue.is_error() { "error" } else { "warning" }, issue.message);
                }
                let _ = writeln!(err, "access: need {:.0} ({})", view.need.people, view.need.basis);
                text.push_str("\r\n");
                text.push_str(&view.table().to_csv());
            }
            Err(message) => {
                let _ = writeln!(err, "access: error: {message}");
                failed = true;
            }
        }
    }
    if let Err(e) = out.write_all(text.as_bytes()) {
        let _ = writeln!(err, "prevalence: cannot write output: {e}");
        return 1;
    }
    if failed {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::parse_share;

    #[test]
    fn shares() {
        assert_eq!(parse_share("0.34"), Some(0.34));
        assert_eq!(parse_share("34%"), Some(0.34));
        assert_eq!(parse_share("34"), Some(0.34));
        assert_eq!(parse_share("x"), None);
    }
}
