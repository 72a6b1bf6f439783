//! `indicator-lens prevalence`: national rates × local populations as CSV, with an access section when asked.
//!
//! Output: one row per area × band × disorder (then each area's all-band total), columns
//! `area, age_band, [sex,] disorder, population, rate, estimate[, lower, upper]`; `rate` is in percent
//! (population-weighted for combined bands), `lower`/`upper` appear only when the rates carry intervals.
//! With `--access`, a blank line then a second section with the access view's columns.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::{file_name, load_named};
use super::output::{push_record, write_output};
use crate::analysis::prevalence::estimate_prevalence;
use crate::analysis::prevalence_inputs::prevalence_inputs;
use crate::ingest::LoadOptions;
use crate::session::Session;
use crate::view::access::access_view;
use crate::view::prevalence::parse_bands;
use std::io::Write;
use std::path::Path;

/// The declaration of `prevalence`.
pub static COMMAND: Command = Command {
    name: "prevalence",
    aliases: &[],
    word: None,
    files: None,
    flags: &[
        Flag::new("--rates", Takes::Path("FILE"), "national prevalence rates by age band (and disorder)").required(),
        Flag::new("--population", Takes::Path("FILE"), "local population by area and age band").required(),
        Flag::new("--bands", Takes::Text("2-4,5-16,17-19"), "the age bands to estimate for (default: the rates' own)").repeats(),
        Flag::new("--access", Takes::Path("FILE"), "people seen by period (a planned trajectory): adds the access section"),
        Flag::new("--target", Takes::Text("0.34"), "the access target, a share (0.34 or 34%)"),
        Flag::new("--need", Takes::Text("N"), "the estimated need to measure access against (default: from the files)"),
    ],
    about: "national rates × local populations by age band, with access against a target",
};

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

/// Loads `path` into the session (the page's load path); false (reported) when unreadable or not one of the `expected` layouts.
fn load(session: &mut Session, path: &Path, expected: &[&str], diagnostics: &mut Diagnostics) -> bool {
    let Some(report) = load_named(session, path, &file_name(path), &LoadOptions::default(), diagnostics) else { return false };
    if !expected.contains(&report.format.as_str()) {
        diagnostics.fail(&CliError::input(path.display().to_string(), format!("read as a {} table, not {}", report.format, expected.join(" or "))));
        return false;
    }
    true
}

/// A number with `decimals` decimals, empty when absent.
fn number(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        String::new()
    }
}

/// Reports an issue of the estimate (`prevalence: error: …` or `… warning: …`); true when it is an error.
fn report_issue(diagnostics: &mut Diagnostics, section: &str, is_error: bool, message: &str) -> bool {
    let kind = if is_error { "error" } else { "warning" };
    let text = CliError::input("", format!("{section}: {kind}: {message}"));
    if is_error {
        diagnostics.fail(&text);
    } else {
        diagnostics.warn(&text);
    }
    is_error
}

/// Runs `prevalence`: the CSV is written even when an issue fails the run (the bands that line up are still estimated).
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let bands = parse_bands(&parsed.texts("--bands")).map_err(|message| COMMAND.refuse(message))?;
    let target = parsed.read("--target", "a share such as 0.34 or 34%", |t| parse_share(t).filter(|t| *t <= 1.0))?;
    let need = parsed.read("--need", "a positive number", |n| n.trim().replace(',', "").parse().ok().filter(|n: &f64| n.is_finite() && *n > 0.0))?;
    let mut session = Session::new();
    let (rates, population, access) = (parsed.path("--rates").unwrap_or_default(), parsed.path("--population").unwrap_or_default(), parsed.path("--access"));
    let mut loaded = load(&mut session, &rates, &["reference-rates"], diagnostics);
    loaded &= load(&mut session, &population, &["population", "population-wide"], diagnostics);
    if let Some(access) = &access {
        loaded &= load(&mut session, access, &["planned-trajectory"], diagnostics);
    }
    if !loaded {
        return Ok(()); // each file's problem is reported, and fails the run
    }
    let dataset = &session.dataset;
    let inputs = prevalence_inputs(dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &bands);
    for issue in inputs.issues.iter().chain(&result.issues) {
        report_issue(diagnostics, "prevalence", issue.is_error(), &issue.message);
    }
    let with_sex = result.estimates.iter().any(|e| !e.sex.is_empty());
    let with_interval = result.estimates.iter().any(|e| e.lower.is_some());
    let mut header: Vec<String> = ["area", "age_band", "sex", "disorder", "population", "rate", "estimate", "lower", "upper"].map(String::from).to_vec();
    header.retain(|h| (h != "sex" || with_sex) && ((h != "lower" && h != "upper") || with_interval));
    let mut text = String::new();
    push_record(&mut text, &header);
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
        push_record(&mut text, &cells);
    }
    if access.is_some() {
        match access_view(dataset, &bands, None, need, target) {
            Ok(view) => {
                for issue in &view.issues {
                    report_issue(diagnostics, "access", issue.is_error(), &issue.message);
                }
                diagnostics.note(format!("access: need {:.0} ({})", view.need.people, view.need.basis));
                text.push_str("\r\n");
                text.push_str(&view.table().to_csv());
            }
            Err(message) => {
                report_issue(diagnostics, "access", true, &message);
            }
        }
    }
    write_output("prevalence", &text, None, out)
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
