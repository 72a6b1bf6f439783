//! `indicator-lens benchmark`: every observation compared with a benchmark, as CSV.

use crate::analysis::polarity::parse_polarity;
use crate::analysis::{Benchmark, BenchmarkOptions, Benchmarker, ConfidenceLevel, PolarityOverrides};
use crate::model::Dataset;
use crate::session::Session;
use crate::view::csv_cell;
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 18] = [
    "indicator_id", "indicator", "area_code", "area", "period", "sex", "age", "category", "value", "lower_ci", "upper_ci",
    "benchmark_value", "comparison", "comparison_source", "level", "published", "differs_from_published", "reason",
];

/// Parsed command-line options.
struct Arguments {
    files: Vec<String>,
    against: Benchmark,
    level: Option<ConfidenceLevel>,
    polarity: PolarityOverrides,
    out: Option<String>,
}

fn usage(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "benchmark: {message}\nusage: indicator-lens benchmark FILE... [--against england|parent|AREA_CODE|codes.txt] [--level 95|99.8|auto] [--polarity FILE] [--out FILE]");
    2
}

/// Reads a benchmark: a keyword, an area code, or a file of area codes (one per line or comma-separated).
fn read_against(value: &str) -> Result<Benchmark, String> {
    let path = std::path::Path::new(value);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {value}: {e}"))?;
        let codes: Vec<String> = text.split(['\n', '\r', ',', '\t']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect();
        if codes.is_empty() {
            return Err(format!("{value} lists no area codes"));
        }
        return Ok(Benchmark::Comparators(codes));
    }
    if value.ends_with(".txt") || value.ends_with(".csv") {
        return Err(format!("cannot read comparator file {value}"));
    }
    Ok(Benchmark::parse(value))
}

/// Reads polarity overrides: lines of `indicator,polarity` (a header line is skipped when unreadable).
pub(crate) fn read_polarity(path: &str) -> Result<PolarityOverrides, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut overrides = PolarityOverrides::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.rsplit_once([',', '\t']) else {
            return Err(format!("{path}:{}: expected `indicator,polarity`", number + 1));
        };
        match parse_polarity(value) {
            Some(polarity) => {
                overrides.insert(key.trim().trim_matches('"').to_owned(), polarity);
            }
            None if number == 0 => {} // header
            None => return Err(format!("{path}:{}: cannot read polarity `{}` (high, low or none)", number + 1, value.trim())),
        }
    }
    Ok(overrides)
}

fn parse_arguments(args: &[String]) -> Result<Arguments, String> {
    let mut parsed = Arguments { files: Vec::new(), against: Benchmark::England, level: None, polarity: PolarityOverrides::new(), out: None };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--against" => parsed.against = read_against(&value("--against")?)?,
            "--level" => {
                let text = value("--level")?;
                parsed.level = match text.trim() {
                    "auto" => None,
                    _ => Some(ConfidenceLevel::parse(&text).ok_or_else(|| format!("--level must be 95, 99.8 or auto, not {text}"))?),
                };
            }
            "--polarity" => parsed.polarity = read_polarity(&value("--polarity")?)?,
            "--out" => parsed.out = Some(value("--out")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => parsed.files.push(file.to_owned()),
        }
    }
    if parsed.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(parsed)
}

fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
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
            number(observation.value),
            number(lower),
            number(upper),
            number(outcome.benchmark_value),
            outcome.comparison.label().to_owned(),
            outcome.source.text().to_owned(),
            outcome.level.text().to_owned(),
            outcome.published.clone(),
            if outcome.differs { "yes" } else { "" }.to_owned(),
            outcome.explanation.clone(),
        ];
        let escaped: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        text.push_str(&escaped.join(","));
        text.push_str("\r\n");
    }
    text
}

/// Runs the `benchmark` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let arguments = match parse_arguments(args) {
        Ok(arguments) => arguments,
        Err(message) => return usage(err, &message),
    };
    // The same load as the page: computed intervals and the files' evidence included.
    let mut session = Session::new();
    let rejected = !super::input::load_files(&mut session, &arguments.files, err);
    let dataset = &session.dataset;
    if dataset.is_empty() {
        return 1;
    }
    let options = BenchmarkOptions {
        benchmark: arguments.against,
        level: arguments.level,
        level_overrides: Default::default(),
        polarity_overrides: arguments.polarity,
        no_quintiles: false,
    };
    let csv = benchmark_csv(dataset, options);
    let written = match &arguments.out {
        Some(path) => std::fs::write(path, csv.as_bytes()).map_err(|e| e.to_string()),
        None => out.write_all(csv.as_bytes()).map_err(|e| e.to_string()),
    };
    if let Err(message) = written {
        let _ = writeln!(err, "benchmark: cannot write output: {message}");
        return 1;
    }
    if rejected {
        1
    } else {
        0
    }
}
