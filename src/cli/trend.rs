//! `indicator-lens trend`: recent trend and direction of travel per indicator × area × breakdown, as CSV.

use super::args::{Command, Flag, Parsed, Takes};
use super::error::{CliError, Diagnostics};
use super::input::{load_files, nothing_read};
use super::output::{parse_percentage, push_record, write_output, PERCENTAGE, THRESHOLD_FLAG};
use super::polarity::{self, read_polarity};
use crate::analysis::direction::{direction_of_travel, DirectionRule, ValueWithInterval};
use crate::analysis::polarity::effective_polarity;
use crate::analysis::recent_trend::{recent_trend, TrendMethod};
use crate::analysis::series::{all_series, comparator_row, latest_valued};
use crate::analysis::PolarityOverrides;
use crate::model::Dataset;
use crate::session::Session;
use std::io::Write;

/// Columns of the output, in order.
pub const HEADER: [&str; 13] = [
    "indicator_id",
    "indicator",
    "area_code",
    "area",
    "sex",
    "age",
    "category",
    "period",
    "recent_trend",
    "direction",
    "comparator_period",
    "recent_trend_reason",
    "direction_reason",
];

/// The declaration of `trend`.
pub static COMMAND: Command = Command {
    name: "trend",
    aliases: &[],
    word: None,
    files: Some("FILE..."),
    flags: &[
        Flag::new("--polarity", Takes::Path("FILE"), polarity::HELP),
        THRESHOLD_FLAG,
        Flag::new("--out", Takes::Path("FILE"), "write the CSV here instead of to standard output"),
    ],
    about: "recent trend and direction of travel per indicator, area and breakdown, as CSV",
};

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

/// Runs `trend`: the CSV is written even when some file was rejected (the run then fails with 1).
pub fn run(parsed: &Parsed, out: &mut dyn Write, diagnostics: &mut Diagnostics) -> Result<(), CliError> {
    let overrides = parsed.path("--polarity").map(|p| read_polarity(&p)).transpose()?.unwrap_or_default();
    let mut rule = DirectionRule::default();
    if let Some(threshold) = parsed.read("--threshold", PERCENTAGE, parse_percentage)? {
        rule.relative_change_percent = threshold;
    }
    let mut session = Session::new();
    load_files(&mut session, &parsed.files(), diagnostics);
    if session.dataset.is_empty() {
        return Err(nothing_read("trend"));
    }
    let csv = trend_csv(&session.dataset, &overrides, &rule);
    write_output("trend", &csv, parsed.path("--out").as_deref(), out)
}
