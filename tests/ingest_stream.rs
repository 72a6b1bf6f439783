//! The streaming load gives the same report and observations as `ingest::load`, whatever the chunk boundaries.

mod common;
use common::sample;
use indicator_lens::ingest::{self, FileReport, LoadOptions, StreamingLoad};
use indicator_lens::model::Dataset;
use proptest::prelude::*;

/// Everything a load leaves behind, as text (NaN-safe comparison of every observation and table).
fn state(dataset: &Dataset, report: &FileReport) -> String {
    let rows: Vec<String> = dataset.rows().map(|o| format!("{o:?}")).collect();
    format!(
        "{report:#?}\n{:?}\n{:?}\n{:?}\n{}\n{:?}",
        dataset.indicators,
        dataset.areas,
        dataset.periods,
        rows.join("\n"),
        (0..dataset.strings.len()).map(|i| dataset.text(indicator_lens::model::Sym(i as u32)).to_owned()).collect::<Vec<_>>()
    )
}

fn whole(name: &str, bytes: &[u8]) -> String {
    let mut dataset = Dataset::new();
    let report = ingest::load(&mut dataset, name, bytes, &LoadOptions::default());
    state(&dataset, &report)
}

fn streamed(name: &str, bytes: &[u8], chunks: &[usize]) -> String {
    let mut dataset = Dataset::new();
    let mut load = StreamingLoad::new(name, LoadOptions::default());
    load.reserve(&mut dataset, bytes.len() as u64);
    let mut rest = bytes;
    let mut sizes = chunks.iter().cycle();
    while !rest.is_empty() {
        let n = (*sizes.next().unwrap_or(&4096)).clamp(1, rest.len());
        load.push(&mut dataset, &rest[..n]);
        rest = &rest[n..];
    }
    let report = load.finish(&mut dataset);
    state(&dataset, &report)
}

/// Every CSV under shared/samples, by relative path.
fn samples() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples");
    let mut out = Vec::new();
    for dir in ["", "fingertips/"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".csv") {
                out.push(format!("{dir}{name}"));
            }
        }
    }
    out.sort();
    out
}

/// The Fingertips sample repeated past the size at which the stream reads row by row, ids varied.
fn big_fingertips() -> Vec<u8> {
    let original = String::from_utf8(sample("fingertips/ncmp_reception_prev_overweight.csv")).unwrap();
    let mut lines = original.split("\r\n").filter(|l| !l.is_empty());
    let mut text = lines.next().unwrap().to_owned();
    let body: Vec<&str> = lines.collect();
    for i in 0..3 * body.len() {
        text.push_str("\r\n");
        text.push_str(&body[i % body.len()].replacen("\"93106\"", &format!("\"{}\"", 90000 + i / body.len()), 1));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

#[test]
fn every_sample_matches_load() {
    let files = samples();
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let bytes = sample(&file);
        for chunks in [&[1 << 20][..], &[4096], &[7, 1000, 13]] {
            assert_eq!(streamed(&file, &bytes, chunks), whole(&file, &bytes), "{file} in chunks {chunks:?}");
        }
    }
}

#[test]
fn big_files_match_load() {
    let generated = indicator_lens::synthetic::fingertips_bytes(3000, 1);
    for (name, bytes) in [("big.csv", big_fingertips()), ("generated.csv", generated)] {
        let expected = whole(name, &bytes);
        assert!(expected.contains("format: \"fingertips\""));
        assert_eq!(streamed(name, &bytes, &[65536]), expected, "{name}");
        // Read row by row as the bytes arrive, not kept for the end.
        let mut dataset = Dataset::new();
        let mut load = StreamingLoad::new(name, LoadOptions::default());
        load.push(&mut dataset, &bytes[..bytes.len() - 10]);
        assert!(load.rows_read() > 400, "{name}: {} rows read before the end", load.rows_read());
    }
}

/// Defects a stream must report exactly as a whole-file load does, put in a row past the first 64 KiB.
const DEFECTS: [&[u8]; 9] = [
    b"\xa3",             // a Windows-1252 pound sign in an otherwise ASCII file
    b"",                 // replaced in `with_defect`: valid UTF-8, then an invalid byte
    b"\x01",             // a control character
    b"\n\n",             // blank lines
    b"\"\"",             // an escaped quote
    b"\r\n\"open",       // a quote opened and never closed
    b",extra,\"cells\"", // a ragged row
    b"\xc2\x85",         // a C1 control
    b"\t",
];

fn with_defect(base: &[u8], defect: usize, row: usize) -> Vec<u8> {
    let text = base;
    let mut starts: Vec<usize> = text.windows(2).enumerate().filter(|(_, w)| w == b"\r\n").map(|(i, _)| i).collect();
    starts.retain(|&i| i > 70_000);
    let at = starts[row % starts.len()] - 1;
    let mut out = text[..at].to_vec();
    match defect {
        1 => out.extend_from_slice(b"\xc3\xa9 \xff"), // valid UTF-8 then an invalid byte: stays UTF-8
        d => out.extend_from_slice(DEFECTS[d]),
    }
    out.extend_from_slice(&text[at..]);
    out
}

#[test]
fn defects_past_the_head_match_load() {
    let base = big_fingertips();
    for defect in 0..DEFECTS.len() {
        let bytes = with_defect(&base, defect, 17);
        assert_eq!(streamed("d.csv", &bytes, &[8192]), whole("d.csv", &bytes), "defect {defect}");
    }
    let truncated = &base[..base.len() - 40];
    assert_eq!(streamed("t.csv", truncated, &[5000]), whole("t.csv", truncated));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn chunk_boundaries_do_not_matter(chunks in prop::collection::vec(1usize..20_000, 1..6), defect in 0usize..9, row in 0usize..500) {
        let bytes = with_defect(&big_fingertips(), defect, row);
        prop_assert_eq!(streamed("p.csv", &bytes, &chunks), streamed("p.csv", &bytes, &[1 << 30]));
    }
}

#[test]
fn session_stream_equals_session_load() {
    use indicator_lens::session::Session;
    let bytes = indicator_lens::synthetic::fingertips_bytes(2000, 3);
    let mut whole = Session::new();
    let expected = whole.load("s.csv", &bytes, &LoadOptions::default());
    let mut streamed = Session::new();
    streamed.begin_load("s.csv", bytes.len() as u64, LoadOptions::default());
    for chunk in bytes.chunks(30_000) {
        streamed.push_chunk(chunk);
    }
    assert_eq!(streamed.finish_load(), Some(expected.clone()));
    assert!(!expected.interval_methods.is_empty());
    assert_eq!(state(&streamed.dataset, &expected), state(&whole.dataset, &expected));
    let counts = streamed.england_counts();
    assert_eq!(counts, whole.england_counts());
    assert!(counts.higher > 0 && counts.similar > 0 && counts.lower > 0, "{counts:?}");
    // The warm-up ends with the page's first view of its generated file, for the page to draw.
    let warm = Session::warm_up().expect("warm-up view");
    assert!(matches!(warm.model, indicator_lens::view::ViewModel::CompareAreas(_)));
    assert!(!warm.table.rows.is_empty());
}

proptest! {
    #[test]
    fn short_decimals_read_as_the_general_parse(m in 0u64..1_000_000_000_000_000, scale in 0usize..16, negative: bool) {
        let digits = m.to_string();
        let text = if scale == 0 || scale >= digits.len() { digits } else { format!("{}.{}", &digits[..digits.len() - scale], &digits[digits.len() - scale..]) };
        let text = if negative { format!("-{text}") } else { text };
        let general: f64 = text.parse().unwrap();
        prop_assert_eq!(indicator_lens::ingest::cells::number(&text).map(f64::to_bits), Some(general.to_bits()), "{}", text);
    }
}
