//! `indicator-lens benchmark`: every observation compared with a benchmark, as CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::{load_files, nothing_read, read_text};
use super::output::{number_cell, push_record, write_output};
use super::polarity::{self, read_polarity};
use crate::analysis::{Benchmark, BenchmarkOptions, Benchmarker, ConfidenceLevel};
use crate::model::Dataset;
use crate::session::Session;
use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;

/// Columns of the output, in order.
pub const HEADER: [&str; 18] = [
    "indicator_id",
    "indicator",
    "area_code",
    "area",
    "period",
    "sex",
    "age",
    "category",
    "value",
    "lower_ci",
    "upper_ci",
    "benchmark_value",
    "comparison",
    "comparison_source",
    "level",
    "published",
    "differs_from_published",
    "reason",
];

/// The levels `--level` takes.
fn levels() -> String {
    "95|99.8|auto".into()
}

/// The declaration of `benchmark`.
pub static COMMAND: Command = Command {
    name: "benchmark",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new(
            "--against",
            Takes::Path("england|parent|AREA_CODE|codes file"),
            "the benchmark: England, each area's parent, one area, or a file of comparator area codes",
        ),
        Flag::new(
            "--level",
            Takes::Matching { placeholder: None, allowed: levels, accepts: |v| v == "auto" || ConfidenceLevel::parse(v).is_some() },
            "the confidence level of the comparison (auto: as each file's labels show)",
        ),
        Flag::new("--polarity", Takes::Path("FILE"), polarity::HELP),
        Flag::new("--out", Takes::Path("FILE"), "write the CSV here instead of to standard output"),
    ],
    about: "every observation compared with a benchmark, as CSV",
};

/// Reads `--against`: a file of area codes (one per line or comma-separated), or a keyword or area code(s).
fn read_against(parsed: &Parsed, value: &OsStr) -> Result<Benchmark, CliError> {
    let path = Path::new(value);
    if path.is_file() {
        let text = read_text(path)?;
        let codes: Vec<String> = text.split(['\n', '\r', ',', '\t']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect();
        if codes.is_empty() {
            return Err(CliError::input(path.display().to_string(), "lists no area codes"));
        }
        return Ok(Benchmark::Comparators(codes));
    }
    let Some(text) = value.to_str() else {
        return Err(parsed.refuse("--against", value, "not a file, and not UTF-8 text"));
    };
    if text.ends_with(".txt") || text.ends_with(".csv") {
        return Err(parsed.refuse("--against", value, "no such comparator file"));
    }
    Ok(Benchmark::parse(text))
}

/// Refuses a benchmark that names no area of the loaded files (it would leave every row "Not compared").
pub fn check_benchmark(parsed: &Parsed, flag: &str, benchmark: &Benchmark, dataset: &Dataset) -> Result<(), CliError> {
    let known = |code: &String| dataset.find_area(code.trim()).is_some();
    let (unknown, why) = match benchmark {
        Benchmark::Area(code) if !known(code) => (code.clone(), "no area with that code in the files"),
        Benchmark::Comparators(codes) if !codes.iter().any(known) => (codes.join(","), "none of these areas is in the files"),
        _ => return Ok(()),
    };
    Err(parsed.refuse(flag, OsStr::new(&unknown), why))
}

/// The benchmark CSV for a loaded dataset.
pub fn benchmark_csv(dataset: &Dataset, options: BenchmarkOptions) -> String {
    let benchmarker = Benchmarker::new(dataset, options);
    let mut text = HEADER.join(",");
    text.push_str("\r\n");
    for (row, observation) in dataset.rows().enumerate() {
        let outcome = benchmarker.outcome(row);
        let indicator = &dataset.indicators[observation.indicator as usize];
        let area = &dataset.areas[observation.area as usize];
        let (lower, upper) = outcome.level.interval(observation);
        let category = match (dataset.text(observation.category_type), dataset.text(observation.category)) {
            ("", category) => category.to_owned(),
            (kind, category) => format!("{kind}: {category}"),
        };
        let cells = [
            indicator.id.clone(),
            indicator.name.clone(),
            area.code.clone(),
            area.name.clone(),
            dataset.periods[observation.period as usize].label.clone(),
            dataset.text(observation.sex).to_owned(),
            dataset.text(observation.age).to_owned(),
            category,
            number_cell(observation.value),
            number_cell(lower),
            number_cell(upper),
            number_cell(outcome.benchmark_value),
            outcome.comparison.label().to_owned(),
            outcome.source.text().to_owned(),
            outcome.level.text().to_owned(),
            outcome.published.clone(),
            if outcome.differs { "yes" } else { "" }.to_owned(),
            outcome.explanation.clone(),
        ];
        push_record(&mut text, &cells);
    }
    text
}

/// Runs `benchmark`: the CSV is written even when some file was rejected (the run then fails with 1).
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let against = match parsed.os_values("--against").last() {
        Some(value) => read_against(parsed, value)?,
        None => Benchmark::England,
    };
    let level = parsed.read("--level", "95, 99.8 or auto", |v| match v.trim() {
        "auto" => Some(None),
        other => ConfidenceLevel::parse(other).map(Some),
    })?;
    let polarity_overrides = parsed.path("--polarity").map(|p| read_polarity(&p)).transpose()?.unwrap_or_default();
    // The same load as the page: computed intervals and the files' evidence included.
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics);
    let dataset = &session.dataset;
    if dataset.is_empty() {
        return Err(nothing_read("benchmark"));
    }
    check_benchmark(parsed, "--against", &against, dataset)?;
    let options = BenchmarkOptions { benchmark: against, level: level.flatten(), level_overrides: Default::default(), polarity_overrides, no_quintiles: false };
    let csv = benchmark_csv(dataset, options);
    write_output("benchmark", &csv, parsed.path("--out").as_deref(), out)
}
