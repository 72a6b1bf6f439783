//! Hostile and broken files: each ends in a clear message, never a panic, and keeps what is readable.

mod common;
use common::*;
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::Dataset;

fn error_of(bytes: &[u8]) -> String {
    let (_, report) = load("bad.csv", bytes);
    assert_eq!(report.observations, 0);
    report.error.unwrap_or_else(|| panic!("no error for {:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(40)])))
}

#[test]
fn empty_and_header_only() {
    assert!(error_of(b"").contains("empty"));
    assert!(error_of(b"\r\n\n  \n").contains("empty"));
    assert!(error_of(b",,,\n,,\n").contains("empty"));
    let (_, report) = load("h.csv", b"Indicator,2015,2016\r\n");
    assert_eq!(report.format, "wide-by-period");
    assert!(report.error.unwrap().contains("no data rows"));
}

#[test]
fn binary_files() {
    assert!(error_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG image"));
    assert!(error_of(b"PK\x03\x04\x14\0\0\0somefile.txt").contains("zip archive"));
    let xlsx = error_of(b"PK\x03\x04\x14\0\x06\0[Content_Types].xml....xl/workbook.xml");
    assert!(xlsx.contains("Excel file") && xlsx.contains("save it as CSV"), "{xlsx}");
    assert!(error_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0").contains("Excel"));
    assert!(error_of(b"a,b\n\0\0\x01\x02garbage").contains("binary"));
}

#[test]
fn ragged_rows_keep_what_lines_up() {
    let text = "Indicator,2015,2016\nA,1,2\nB,3\nC,4,5,6,7\n";
    let (ds, report) = load("ragged.csv", text.as_bytes());
    assert_eq!(report.observations, 5);
    let ragged = report.warnings.iter().find(|w| w.message.contains("extra cells")).unwrap();
    assert_eq!(ragged.line, 4);
    close(find(&ds, "(unnamed area)", "C", "2016").value, 5.0);
}

#[test]
fn unterminated_quote_at_the_end() {
    let text = "Indicator,2015,2016\nA,1,2\n\"B,3,4\nC,5,6\n";
    let (ds, report) = load("quote.csv", text.as_bytes());
    assert_eq!(report.observations, 2);
    let reject = report.rejected.iter().find(|r| r.reason.contains("never closed")).unwrap();
    assert_eq!(reject.line, 3);
    assert_eq!(reject.kind, indicator_lens::ingest::RejectKind::UnclosedQuote);
    assert_eq!(reject.to_string(), format!("quote.csv:3: {}", reject.reason), "the one form the page and the CLI print");
    close(find(&ds, "(unnamed area)", "A", "2016").value, 2.0);
}

#[test]
fn a_text_cell_where_a_number_belongs_is_rejected_with_its_kind_and_column() {
    let (_, report) = load("text.csv", b"Indicator,2015,2016\nA,1,lots\n");
    let reject = report.rejected.iter().find(|r| r.column == "2016").expect("the cell is rejected");
    assert_eq!(reject.kind, indicator_lens::ingest::RejectKind::NotANumber);
    assert_eq!(reject.to_string(), "text.csv:2: 2016: `lots` is not a number");
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let options = LoadOptions { max_bytes: Some(10), ..LoadOptions::default() };
    let report = ingest::load(&mut Dataset::new(), "big.csv", b"Indicator,2015\nA,1\n", &options);
    assert!(report.error.unwrap().contains("over the limit of 10 bytes"));
    assert_eq!(ingest::DEFAULT_MAX_BYTES, 1 << 30);
}

#[test]
fn ten_thousand_columns() {
    let header: Vec<String> = std::iter::once("Indicator".to_owned()).chain((1..10_000).map(|i| format!("Area {i}"))).collect();
    let row: Vec<String> = std::iter::once("A".to_owned()).chain((1..10_000).map(|i| i.to_string())).collect();
    let text = format!("{}\n{}\n", header.join(","), row.join(","));
    let started = std::time::Instant::now();
    let (_, report) = load("wide.csv", text.as_bytes());
    assert!(started.elapsed().as_secs() < 20);
    assert_eq!((report.format.as_str(), report.observations), ("wide-by-area", 9_999));
    let too_wide = format!("{}\n", vec!["x"; ingest::MAX_COLUMNS + 1].join(","));
    assert!(error_of(too_wide.as_bytes()).contains("columns"));
}

#[test]
fn control_characters_are_removed_and_reported() {
    let (ds, report) = load("ctl.csv", b"Indicator,2015\nA\x01B,1\x02\nC,2\n");
    assert_eq!(report.observations, 2);
    close(find(&ds, "(unnamed area)", "AB", "2015").value, 1.0);
    let w = report.warnings.iter().find(|w| w.message.contains("control characters")).unwrap();
    assert_eq!(w.line, 2);
}

#[test]
fn invalid_utf8_in_the_middle_is_reported_with_its_line() {
    let mut bytes = "Indicator,Period,England\n\"Spend (£000s)\",2017,5\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"Bad \xff\xfe name,2017,6\nGood,2017,7\n");
    let (ds, report) = load("mixed.csv", &bytes);
    assert_eq!(report.encoding, "UTF-8");
    let w = report.warnings.iter().find(|w| w.message.contains("not valid UTF-8")).unwrap();
    assert_eq!(w.line, 3);
    assert_eq!(report.observations, 3);
    assert!(ds.indicators.iter().any(|i| i.name == "Spend (£000s)"), "not re-decoded as Windows-1252");
}

#[test]
fn unknown_layout_and_forced_format() {
    assert!(error_of(b"foo,bar\n1,2\n").contains("layout not recognised"));
    let options = LoadOptions { format: Some("nonsense".into()), ..LoadOptions::default() };
    let report = ingest::load(&mut Dataset::new(), "f.csv", b"a,b\n1,2\n", &options);
    assert!(report.error.unwrap().contains("unknown format"));
}

#[test]
fn title_rows_above_the_header() {
    let text = "Table 3: Warwickshire outcomes\nSource: JSNA\nIndicator,2015,2016\nA,1,2\n";
    let (_, report) = load("t.csv", text.as_bytes());
    assert_eq!((report.format.as_str(), report.observations), ("wide-by-period", 2));
    assert!(report.warnings.iter().any(|w| w.message.contains("titles above the header")));
}

#[test]
fn garbage_never_panics() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for len in [1usize, 2, 3, 10, 100, 1000] {
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    b"\",;\t\n\r0123456789.%-*ab<>/ \xff\xc3\xa3"[(seed % 29) as usize]
                })
                .collect();
            let _ = load("g.csv", &bytes);
        }
    }
}
