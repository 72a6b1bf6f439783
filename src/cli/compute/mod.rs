//! `indicator-lens compute`: runs one statistic of `crate::stats` over a CSV and prints CSV results.
//!
//! The input is read through the ingest (`table`), as the page reads files; the statistics per row or
//! per group are in `statistics`.

mod statistics;
mod table;

use super::args::{Command, Flag, Parsed, Takes, Word};
use super::error::{CliError, Diagnostics};
use crate::stats;
use std::io::Write;
use std::path::PathBuf;

/// Which statistic to compute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Proportion with Wilson limits.
    Proportion,
    /// Crude rate with Byar's or exact Poisson limits.
    Rate,
    /// Directly standardised rate.
    Dsr,
    /// Indirectly standardised ratio.
    Isr,
    /// Indirectly standardised rate.
    IsRate,
    /// Mean with Student's t limits.
    Mean,
}

/// The statistics `compute` takes, in the order of `Kind`.
const STATISTICS: &[&str] = &["proportion", "rate", "dsr", "isr", "israte", "mean"];

/// The declaration of `compute`.
pub static COMMAND: Command = Command {
    name: "compute",
    aliases: &[],
    word: Some(Word { name: "STATISTIC", takes: Takes::OneOf(STATISTICS) }),
    files: None,
    flags: &[
        Flag::new("--input", Takes::Path("FILE"), "the CSV of numerators and denominators (or counts, populations, values)").required(),
        Flag::new("--group", Takes::Text("COL"), "compute one result per value of this column (numerators and denominators summed)"),
        Flag::new(
            "--multiplier",
            Takes::Text("N"),
            "per how many (100, 100000); a `multiplier` column wins over it, and it settles a group whose rows disagree; the mean takes none",
        ),
        Flag::new("--confidence", Takes::Text("0.95[,0.998]"), "the confidence level, or the pair 0.95,0.998 (95 and 99.8 read too)"),
    ],
    about: "one statistic of PHEindicatormethods over a CSV, as CSV",
};

/// What a run of `compute` was asked for.
pub struct Options {
    /// The statistic.
    pub kind: Kind,
    /// The input file.
    pub input: PathBuf,
    /// The grouping column, if any.
    pub group: Option<String>,
    /// `--multiplier`, if given.
    pub multiplier: Option<f64>,
    /// The confidence levels (one, or 0.95 and 0.998).
    pub levels: Vec<f64>,
}

/// Reads the options from checked arguments; a usage error for values the statistics cannot take.
fn options(parsed: &Parsed) -> Result<Options, CliError> {
    let kind = match parsed.word() {
        "proportion" => Kind::Proportion,
        "rate" => Kind::Rate,
        "dsr" => Kind::Dsr,
        "isr" => Kind::Isr,
        "israte" => Kind::IsRate,
        _ => Kind::Mean,
    };
    let multiplier = parsed.read("--multiplier", "a positive number such as 100000", |v| v.trim().parse::<f64>().ok().filter(|m| m.is_finite() && *m > 0.0))?;
    let levels = match parsed.text("--confidence") {
        Some(text) => parse_levels(&text).map_err(|e| COMMAND.refuse(format!("--confidence: {e}")))?,
        None => vec![0.95],
    };
    if kind == Kind::Mean && multiplier.is_some_and(|m| m != 1.0) {
        return Err(COMMAND.refuse("the mean takes no multiplier (as PHEindicatormethods' calculate_mean)"));
    }
    let input = parsed.path("--input").unwrap_or_default();
    Ok(Options { kind, input, group: parsed.text("--group"), multiplier, levels })
}

/// One level, or the package's only pair (0.95, 0.998) in any spelling.
fn parse_levels(s: &str) -> Result<Vec<f64>, String> {
    let levels = s.split(',').map(|p| parse_confidence(p).map_err(|e| format!("bad confidence `{p}`: {e}"))).collect::<Result<Vec<f64>, String>>()?;
    match levels.as_slice() {
        [_] => Ok(levels),
        [a, b] if *a == 0.95 && *b == 0.998 => Ok(levels),
        _ => Err("two confidence levels can only be 0.95 and 0.998".into()),
    }
}

/// One confidence level as a fraction (`0.95`, `95`, `95%`).
fn parse_confidence(s: &str) -> Result<f64, String> {
    let v: f64 = s.trim().trim_end_matches('%').parse().map_err(|_| "not a number".to_string())?;
    stats::normalise_confidence(v).map_err(|e| e.to_string())
}

/// Runs `compute`: fails (1) when the input cannot be read or lacks a column the statistic needs.
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let opts = options(parsed)?;
    let table = table::read_table(&opts.input, diagnostics)?;
    let output = statistics::compute(&opts, &table).map_err(|message| CliError::input(opts.input.display().to_string(), message))?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&output.headers).map_err(|e| CliError::output("compute", e))?;
    for r in &output.rows {
        w.write_record(r).map_err(|e| CliError::output("compute", e))?;
    }
    w.flush().map_err(|e| CliError::output("compute", e))
}

#[cfg(test)]
mod tests {
    use super::parse_levels;

    #[test]
    fn levels_are_one_or_the_package_pair() {
        assert_eq!(parse_levels("95"), Ok(vec![0.95]));
        assert_eq!(parse_levels("95%,99.8"), Ok(vec![0.95, 0.998]));
        assert!(parse_levels("0.95,0.99").is_err());
        assert!(parse_levels("x").is_err());
    }
}
