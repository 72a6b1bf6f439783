//! `indicator-lens kpi-summary` (also `view kpi-summary`): one row per indicator × area with comparison, trend,
//! direction, target status, SPC icons and the why of each label, as JSON or CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::benchmark::check_benchmark;
use super::error::{CliError, Diagnostics};
use super::input::{load_files, nothing_read};
use super::output::write_output;
use super::polarity::{self, read_polarity, spec_polarity};
use crate::analysis::{Benchmark, ConfidenceLevel};
use crate::session::Session;
use crate::view::{KpiSort, ViewModel, ViewSpec};
use std::io::Write;

/// The sort columns `--sort` takes.
fn sort_columns() -> String {
    "indicator|area|value|comparison|recent-trend|direction|target-status|variation|assurance".into()
}

/// The sort column `text` names (`recent-trend` or `recent_trend`).
fn sort_column(text: &str) -> Option<KpiSort> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_ascii_lowercase().replace('-', "_"))).ok()
}

/// The declaration of `kpi-summary`.
pub static COMMAND: Command = Command {
    name: "kpi-summary",
    aliases: &["kpi_summary"],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--area", Takes::Text("CODE"), "only this area (code or name)").repeats(),
        Flag::new("--indicator", Takes::Text("KEY"), "only this indicator (id or name)").repeats(),
        Flag::new("--period", Takes::Text("P"), "the period to report (default: each series' latest)"),
        Flag::new("--against", Takes::Text("england|parent|AREA_CODE"), "the benchmark of the comparison column"),
        Flag::new(
            "--level",
            Takes::Matching { placeholder: None, allowed: || "95|99.8".into(), accepts: |v| ConfidenceLevel::parse(v).is_some() },
            "the confidence level of the comparison",
        ),
        Flag::new("--polarity", Takes::Path("FILE"), polarity::HELP),
        Flag::new(
            "--sort",
            Takes::Matching { placeholder: Some("COLUMN"), allowed: sort_columns, accepts: |v| sort_column(v).is_some() },
            "the column rows are sorted by",
        ),
        Flag::new("--descending", Takes::Nothing, "sort the other way"),
        Flag::new("--json", Takes::Nothing, "the rows as JSON instead of CSV"),
        Flag::new("--out", Takes::Path("FILE"), "write here instead of to standard output"),
    ],
    about: "KPI rows (value, comparison, trend, direction, target, SPC icons) with the why of each label",
};

/// The spec the options ask for.
fn spec(parsed: &Parsed) -> Result<ViewSpec, CliError> {
    let mut spec = ViewSpec { view: "kpi_summary".into(), areas: parsed.texts("--area"), indicators: parsed.texts("--indicator"), ..ViewSpec::default() };
    spec.period = parsed.text("--period");
    if let Some(against) = parsed.text("--against") {
        spec.comparator = Benchmark::parse(&against);
    }
    spec.level = parsed.read("--level", "95 or 99.8", ConfidenceLevel::parse)?;
    if let Some(path) = parsed.path("--polarity") {
        spec.polarity = spec_polarity(read_polarity(&path)?);
    }
    if let Some(sort) = parsed.read("--sort", "a column", sort_column)? {
        spec.kpi.sort = sort;
    }
    spec.kpi.descending = parsed.has("--descending");
    Ok(spec)
}

/// Runs `kpi-summary`: the rows are written even when some file was rejected (the run then fails with 1).
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let spec = spec(parsed)?;
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics);
    if session.dataset.is_empty() {
        return Err(nothing_read("kpi-summary"));
    }
    check_benchmark(parsed, "--against", &spec.comparator, &session.dataset)?;
    let output = session.view(&spec).map_err(|e| CliError::input("", format!("kpi-summary: {e}")))?;
    let ViewModel::KpiSummary(view) = &output.model else {
        return Err(CliError::input("", "kpi-summary: the view built is not a KPI summary"));
    };
    if !view.polarity_needed.is_empty() {
        diagnostics.note(format!(
            "kpi-summary: polarity needed (not given by the data, not guessed; set it with --polarity FILE): {}",
            view.polarity_needed.join("; ")
        ));
    }
    let text = if parsed.has("--json") {
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
    write_output("kpi-summary", &text, parsed.path("--out").as_deref(), out)
}
