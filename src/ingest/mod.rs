//! Ingest: bytes of a dropped file → observations in a `Dataset`, with a `FileReport` of what happened.
//!
//! Pure logic sits below (`cells`, `periods`, `areas`, `columns`, `layout`); byte handling
//! (`sniff`, `table`) and the per-layout readers (`formats`) sit above and write the report.

mod area_table;
pub mod areas;
pub mod cells;
mod choices;
pub mod columns;
mod fast_split;
mod formats;
mod hex_map;
mod infer;
pub mod layout;
mod padded_quotes;
pub mod periods;
mod report;
pub mod row;
mod sink;
pub mod sniff;
mod splitter;
mod stream;
pub mod table;

pub use choices::{detection_choices, DetectionChoices};
pub use formats::reference::POPULATION;
pub use infer::{infer_from_name, multiplier_text, value_type_text};
pub use layout::Layout;
pub use report::{ColumnUse, EvidenceEntry, FileReport, LoadReport, Reject, RejectKind, Warning};
pub use stream::StreamingLoad;

use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// Files larger than this are refused unless `LoadOptions::max_bytes` says otherwise (1 GiB).
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// Files with more columns than this are refused: no indicator table is that wide.
pub const MAX_COLUMNS: usize = 20_000;

/// The user's mapping of one column: the header as written and the role to read it as.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ColumnRole {
    /// Header exactly as in the file (case and spacing ignored when matching).
    pub header: String,
    /// Role name: `indicator_id`, `indicator_name`, `area_code`, `area_name`, `period`, `value`,
    /// `count`, `denominator`, `lower95`, `upper95`, `lower998`, `upper998`, `sex`, `age`,
    /// `category_type`, `category`, `note`, `target`, `polarity`, `planned`, `ignore` ….
    pub role: String,
}

/// Choices the user can make to correct detection (empty = detect everything). Sent by the page as JSON.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct LoadOptions {
    /// Force a layout (`hexjson` for a hex map, `fingertips`, `long`, `wide-by-period`, `wide-by-area`, `reference-rates`,
    /// `population`, `population-wide`, `target-schedule`, `planned-trajectory`).
    pub format: Option<String>,
    /// Column roles that override the names' meaning.
    pub columns: Vec<ColumnRole>,
    /// Area for files with no area column (a name or an ONS code).
    pub area: Option<String>,
    /// Force the delimiter: `,`, `;` or `tab`.
    pub delimiter: Option<String>,
    /// Refuse files larger than this many bytes (default 1 GiB).
    pub max_bytes: Option<u64>,
}

/// Reads one file into `dataset` and reports what was read, used and rejected.
pub fn load(dataset: &mut Dataset, name: &str, bytes: &[u8], options: &LoadOptions) -> FileReport {
    let mut report = FileReport::new(name);
    report.format = "unreadable".into();
    let forced = options.format.as_deref().map(str::trim);
    if forced == Some("hexjson") || (forced.is_none_or(str::is_empty) && crate::geo::looks_like_hexjson(bytes)) {
        hex_map::load_hexjson(dataset, &mut report, bytes);
        return report;
    }
    if let Err(message) = read(dataset, &mut report, bytes, options) {
        report.error = Some(message);
    } else {
        explain_empty(&mut report);
    }
    report
}

/// Says why a file that was read gave nothing (no rows, or no values in any row).
fn explain_empty(report: &mut FileReport) {
    if report.observations == 0 && report.targets == 0 && report.plans == 0 && report.error.is_none() {
        report.error = Some(if report.rows_read == 0 {
            "no data rows: the file has a header but nothing under it".into()
        } else {
            "no values found in any row (see the rejected rows)".into()
        });
    }
}

/// The refusal of a file over the size limit.
fn too_big(len: u64, limit: u64) -> String {
    format!("the file is {len} bytes, over the limit of {limit} bytes: split it or filter it first")
}

fn read(dataset: &mut Dataset, report: &mut FileReport, bytes: &[u8], options: &LoadOptions) -> Result<(), String> {
    let limit = options.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, limit));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty".into());
    }
    if let Some(kind) = sniff::binary_kind(bytes) {
        return Err(format!("this is {kind}, not a CSV file"));
    }
    let decoded = sniff::decode(bytes).ok_or("this is binary data (it holds NUL bytes), not a CSV text file")?;
    report.encoding = decoded.encoding.into();
    for line in decoded.invalid_lines.iter().take(20) {
        report.warn(*line, "", "bytes that are not valid UTF-8 (shown as �); re-save the file as UTF-8");
    }
    if decoded.invalid_lines.len() > 20 {
        report.warn(0, "", format!("{} lines hold bytes that are not valid UTF-8", decoded.invalid_lines.len()));
    }
    let delimiter = match options.delimiter.as_deref().map(str::trim) {
        Some(";") => b';',
        Some("tab") | Some("\t") => b'\t',
        Some(",") => b',',
        _ => sniff::delimiter(&decoded.text),
    };
    report.delimiter = sniff::delimiter_name(delimiter).into();
    let table = table::read(decoded.text, delimiter);
    if let Some(&line) = table.control_lines.first() {
        let message = format!("control characters removed from {} record(s)", table.control_lines.len());
        report.warn(line, "", message);
    }
    if table.is_blank() {
        return Err("the file is empty".into());
    }
    if table.headers().len() > MAX_COLUMNS {
        return Err(format!("the header has {} columns, over the limit of {MAX_COLUMNS}", table.headers().len()));
    }
    if table.header > 0 {
        let first = table.head[0].line;
        let last = table.header_line().saturating_sub(1);
        report.warn(first, "", format!("lines {first}–{last} are titles above the header row: skipped"));
    }
    let layout = match options.format.as_deref().filter(|f| !f.trim().is_empty()) {
        Some(name) => Layout::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = layout::ALL.iter().map(|l| l.name()).collect();
            format!("unknown format `{name}`; choose one of {}", names.join(", "))
        })?,
        None => layout::detect(&table)?,
    };
    report.format = layout.name().into();
    if table.rows().next_row().is_none() {
        return Err("no data rows: the file has a header but nothing under it".into());
    }
    let mut sink = sink::Sink::new(dataset, report, options);
    // Cells past the header's last column cannot be matched to a column; say so once.
    let width = table.headers().len();
    if layout != Layout::Fingertips {
        // Fingertips rejects such rows itself.
        let mut rows = table.rows();
        while let Some(row) = rows.next_row() {
            if row.len() > width && row.filled_past(width) {
                let message = || format!("record has {} fields but the header has {width}: extra cells ignored", row.len());
                sink.tally("ragged", row.line, "", message);
            }
        }
    }
    match layout {
        Layout::Fingertips => formats::fingertips::read(&table, &mut sink),
        Layout::Long => formats::long::read(&table, &mut sink),
        Layout::WideByPeriod => formats::wide_periods::read(&table, &mut sink),
        Layout::WideByArea => formats::wide_areas::read(&table, &mut sink),
        Layout::ReferenceRates => formats::reference::read_rates(&table, &mut sink),
        Layout::Population => formats::reference::read_population(&table, &mut sink),
        Layout::PopulationWide => formats::population_wide::read(&table, &mut sink),
        Layout::TargetSchedule => formats::targets::read_schedule(&table, &mut sink),
        Layout::PlannedTrajectory => formats::targets::read_trajectory(&table, &mut sink),
    }
    sink.finish();
    if let Some(line) = table.open_quote_line() {
        report.reject(line, "", RejectKind::UnclosedQuote, "a quoted field opens here and is never closed: the rest of the file was read as one field");
    }
    Ok(())
}
