//! `indicator-lens trend`: recent trend and direction of travel per indicator × area × breakdown, as CSV.

use super::benchmark::read_polarity;
use super::input::{load_files, parse_percentage, push_record, write_output};
use crate::analysis::direction::{direction_of_travel, DirectionRule, ValueWithInterval};
use crate::analysis::polarity::{effective_polarity};
use crate::analysis::recent_trend::{recent_trend, TrendMethod};
use crate::analysis::series::{all_series, comparator_row, latest_valued};
use crate::analysis::PolarityOverrides;
use crate::model::Dataset;
use crate::session::Session;
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 13] = [
    "indicator_id", "indicator", "area_code", "area", "sex", "age", "category", "period", "recent_trend", "direction",
    "comparator_period", "recent_trend_reason", "direction_reason",
];

const USAGE: &str = "usage: indicator-lens trend FILE... [--polarity FILE] [--threshold PERCENT] [--out FILE]";

/// The trend CSV for a loaded dataset: one row per series, at its latest period with a value.
pub fn trend_csv(dataset: &Dataset, overrides: &PolarityOverrides, rule: &DirectionRule) -> String {
    let mut text = String::new();
    push_record(&mut text, &HEADER.map(str::to_owned));
    for (key, rows) in all_series(dataset) {
        let polarity = effective_polarity(dataset, key.indicator, overrides);
        let trend = recent_trend(dataset, &rows, polarity, TrendMethod::Auto);
        let latest = latest_valued(dataset, &rows).or(rows.last().copied());
        let Some(latest) = latest else { continue };
        let value = |r: usize| {
            let o = dataset.row(r);
            ValueWithInterval { value: o.value, lower95: o.lower95, upper95: o.upper95 }
        };
        let comparator = comparator_row(dataset, &rows, latest, None);
        let (direction, why) = direction_of_travel(value(latest), comparator.map(value), polarity, rule);
        let label = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
        let indicator = &dataset.indicators[key.indicator as usize];
        let area = &dataset.areas[key.area as usize];
        let category = match (dataset.text(key.category_type), dataset.text(key.category)) {
            ("", category) => category.to_owned(),
            (kind, category) => format!("{kind}: {category}"),
        };
        push_record(
            &mut text,
            &[
                indicator.id.clone(),
                indicator.name.clone(),
                area.code.clone(),
                area.name.clone(),
                dataset.text(key.sex).to_owned(),
                dataset.text(key.age).to_owned(),
                category,
                label(latest),
                trend.trend.label().to_owned(),
                direction.text().to_owned(),
                comparator.map(label).unwrap_or_default(),
                trend.reason,
                why,
            ],
        );
    }
    text
}

/// Runs the `trend` subcommand.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (mut files, mut overrides, mut rule, mut out_path) = (Vec::new(), PolarityOverrides::new(), DirectionRule::default(), None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let parsed: Result<(), String> = match arg.as_str() {
            "--polarity" => match iter.next() {
                Some(path) => read_polarity(path).map(|p| overrides = p),
                None => Err("--polarity needs a file".into()),
            },
            "--threshold" => match iter.next() {
                Some(text) => parse_percentage(text).map(|t| rule.relative_change_percent = t),
                None => Err("--threshold needs a percentage such as 5".into()),
            },
            "--out" => match iter.next() {
                Some(path) => {
                    out_path = Some(path.clone());
                    Ok(())
                }
                None => Err("--out needs a file".into()),
            },
            flag if flag.starts_with("--") => Err(format!("unknown option {flag}")),
            file => {
                files.push(file.to_owned());
                Ok(())
            }
        };
        if let Err(message) = parsed {
            let _ = writeln!(err, "trend: {message}\n{USAGE}");
            return 2;
        }
    }
    if files.is_empty() {
        let _ = writeln!(err, "trend: no input files\n{USAGE}");
        return 2;
    }
    let mut session = Session::new();
    let all_good = load_files(&mut session, &files, err);
    if session.dataset.is_empty() {
        return 1;
    }
    let csv = trend_csv(&session.dataset, &overrides, &rule);
    if !write_output("trend", &csv, out_path.as_deref(), out, err) || !all_good {
        return 1;
    }
    0
}
