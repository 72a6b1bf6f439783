//! Fingertips data downloads: both real samples, both header variants, HTML in Count,
//! embedded newlines, the older 26-column layout, and merging two downloads.

mod common;
use common::*;
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::{AreaKind, CalendarDate, Dataset, IntervalSource, PeriodKind, ValueType};

const MAIN: &str = "fingertips/ncmp_reception_prev_overweight.csv";
const DIST: &str = "fingertips/ncmp_reception_prev_overweight_dist.csv";

#[test]
fn newer_header_with_bom_and_html_in_count() {
    let (ds, report) = load_sample(MAIN);
    assert_eq!(report.format, "fingertips");
    assert_eq!(report.encoding, "UTF-8 with BOM");
    assert_eq!(report.delimiter, ",");
    assert_eq!((report.rows_read, report.observations), (156, 156));
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.error.is_none());
    let html = report.warnings.iter().find(|w| w.message.contains("HTML")).expect("HTML warning");
    assert_eq!((html.line, html.column.as_str()), (2, "Count"));
    assert!(html.message.contains("156 rows"), "{}", html.message);

    let england = find(&ds, "E92000001", "93106", "2022/23 - 24/25");
    close(england.value, 22.27767);
    close(england.lower95, 22.21471);
    close(england.upper95, 22.34076);
    close(england.lower998, 22.17846);
    close(england.upper998, 22.3772);
    assert!(england.count.is_nan());
    close(england.denominator, 1674376.0);
    assert_eq!(england.interval_source, IntervalSource::Published);
    assert_eq!(ds.text(england.published_trend), "Cannot be calculated");
    assert_eq!(ds.text(england.sex), "Persons");
    assert_eq!(ds.text(england.age), "4-5 yrs");
    assert_eq!(england.line, 2);

    let grovehill = find(&ds, "E02004862", "93106", "2022/23 - 24/25");
    close(grovehill.value, 28.3019);
    assert_eq!(ds.text(grovehill.published_england), "Worse");
    assert_eq!(ds.text(grovehill.published_parent), "Worse");
    let area = &ds.areas[grovehill.area as usize];
    assert_eq!((area.name.as_str(), area.kind, area.parent_code.as_str()), ("Grovehill", AreaKind::Msoa, "E10000015"));

    let period = &ds.periods[england.period as usize];
    assert_eq!((period.start, period.end, period.kind), (CalendarDate::new(2022, 4, 1), CalendarDate::new(2025, 3, 31), PeriodKind::MultiYear));
    let indicator = &ds.indicators[england.indicator as usize];
    assert_eq!((indicator.value_type, indicator.multiplier), (ValueType::Proportion, 100.0));
}

#[test]
fn district_download() {
    let (ds, report) = load_sample(DIST);
    assert_eq!((report.format.as_str(), report.observations), ("fingertips", 12));
    assert!(report.rejected.is_empty());
    let broxbourne = find(&ds, "E07000095", "93106", "2022/23 - 24/25");
    close(broxbourne.value, 21.8101);
    assert_eq!(ds.areas[broxbourne.area as usize].kind, AreaKind::District);
}

/// The sample rewritten to the other header variant, with an embedded newline in one name.
fn older_variant(drop_last_column: bool) -> Vec<u8> {
    let text = String::from_utf8(sample(MAIN)).unwrap();
    let text = text.replacen("\"AreaName\"", "\"Area Name\"", 1).replacen("Compared to parent", "Compared to Region", 1);
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    // Line 3 (Hertfordshire) gets a newline inside its quoted Indicator Name.
    lines[2] = lines[2].replacen("overweight (including obesity),", "overweight\n(including obesity),", 1);
    if drop_last_column {
        for line in lines.iter_mut().filter(|l| !l.is_empty()) {
            let cut = line.rfind(",\"").unwrap();
            line.truncate(cut);
        }
    }
    lines.join("\r\n").into_bytes()
}

#[test]
fn older_header_variant_with_embedded_newline() {
    for drop_last in [false, true] {
        let (ds, report) = load("old.csv", &older_variant(drop_last));
        assert_eq!((report.format.as_str(), report.observations), ("fingertips", 156), "26 columns: {drop_last}");
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        let herts = find(&ds, "E10000015", "93106", "2022/23 - 24/25");
        assert_eq!(ds.text(herts.published_england), "Better");
        assert_eq!(herts.line, 3);
        // The record after the two-line one starts on line 5.
        assert_eq!(find(&ds, "E02004862", "93106", "2022/23 - 24/25").line, 5);
        assert_eq!(ds.indicators.len(), 1, "newline normalised so the name matches");
        assert_eq!(ds.areas[herts.area as usize].name, "Hertfordshire");
    }
}

#[test]
fn later_file_wins_and_says_so() {
    let mut ds = Dataset::new();
    let options = LoadOptions::default();
    let first = ingest::load(&mut ds, "main.csv", &sample(MAIN), &options);
    assert_eq!(first.replaced, 0);
    let second = ingest::load(&mut ds, "dist.csv", &sample(DIST), &options);
    // England and Hertfordshire are in both downloads.
    assert_eq!(second.replaced, 2);
    assert!(second.warnings.iter().any(|w| w.message.contains("replaced") && w.message.contains("main.csv line 2")));
    assert_eq!(ds.len(), 156 + 10);
    let herts = find(&ds, "E10000015", "93106", "2022/23 - 24/25");
    assert_eq!(ds.text(herts.file), "dist.csv");
}

#[test]
fn ragged_fingertips_row_is_rejected_with_its_line() {
    let text = String::from_utf8(sample(DIST)).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").collect();
    lines[3] = "\"93106\",\"short row\"";
    let (_, report) = load("ragged.csv", lines.join("\r\n").as_bytes());
    assert_eq!(report.observations, 11);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 4);
}

#[test]
fn reject_lines_count_embedded_newlines() {
    let mut text = String::from_utf8(older_variant(false)).unwrap();
    // Grovehill's record starts on line 5, after the two-line record on lines 3-4.
    text = text.replacen("\"28.3019\"", "\"abc\"", 1);
    let (_, report) = load("bad-value.csv", text.as_bytes());
    assert_eq!(report.observations, 155);
    assert_eq!(report.rejected.len(), 1);
    let reject = &report.rejected[0];
    assert_eq!((reject.line, reject.column.as_str()), (5, "Value"));
    assert!(reject.reason.contains("abc"));
}
