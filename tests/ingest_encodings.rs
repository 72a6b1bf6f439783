//! The same sample re-encoded (Windows-1252, UTF-16LE with BOM) or re-delimited (semicolon, tab)
//! gives identical observations; the variants are made here at test time.

mod common;
use common::*;
use indicator_lens::model::Dataset;

/// Everything that identifies and measures an observation, as comparable text.
fn summary(ds: &Dataset) -> Vec<String> {
    ds.rows()
        .map(|o| {
            format!(
                "{}|{}|{}|{}|{}|{:?}|{}",
                ds.indicators[o.indicator as usize].name,
                ds.areas[o.area as usize].key(),
                ds.periods[o.period as usize].label,
                ds.text(o.age),
                ds.text(o.note),
                o.value.to_bits(),
                o.line
            )
        })
        .collect()
}

fn redelimit(bytes: &[u8], delimiter: u8) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    writer.into_inner().unwrap()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

#[test]
fn windows_1252_gives_identical_observations() {
    // This sample holds an en dash (0x96 in Windows-1252).
    let original = sample("warwickshire-outcomes-calendar-years.csv");
    let text = String::from_utf8(original.clone()).unwrap();
    assert!(text.contains('–'));
    let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let (a, ra) = load("w.csv", &original);
    let (b, rb) = load("w.csv", &encoded);
    assert_eq!(rb.encoding, "windows-1252");
    assert_eq!(summary(&a), summary(&b));
    assert_eq!(ra.observations, rb.observations);
    assert!(b.indicators.iter().any(|i| i.name.contains("GCSE – eligible")));
}

#[test]
fn windows_1252_pound_sign() {
    let bytes = b"Indicator,Period,England,Derby\n\"Spend (\xa3000s): rate per 10,000\",2017/18,8004,10105\n";
    let (ds, report) = load("pounds.csv", bytes);
    assert_eq!(report.encoding, "windows-1252");
    assert_eq!(ds.indicators[0].name, "Spend (£000s): rate per 10,000");
}

#[test]
fn utf16_and_delimiters_give_identical_observations() {
    for path in
        ["east-midlands-cyp-profile-wide-by-area.csv", "fingertips/ncmp_reception_prev_overweight_dist.csv", "warwickshire-outcomes-financial-years.csv"]
    {
        let original = sample(path);
        let (a, _) = load("x.csv", &original);
        let text = String::from_utf8(original.clone()).unwrap();
        let text = text.trim_start_matches('\u{feff}');
        let (b, rb) = load("x.csv", &utf16le_with_bom(text));
        assert_eq!(rb.encoding, "UTF-16LE", "{path}");
        assert_eq!(summary(&a), summary(&b), "{path} as UTF-16LE");
        for (delimiter, name) in [(b';', ";"), (b'\t', "tab")] {
            let (c, rc) = load("x.csv", &redelimit(text.as_bytes(), delimiter));
            assert_eq!(rc.delimiter, name, "{path}");
            assert_eq!(rc.format, rb.format);
            // Re-writing drops CRLF line ends and quoting but not records, so lines match.
            assert_eq!(summary(&a), summary(&c), "{path} with {name}");
        }
    }
}
