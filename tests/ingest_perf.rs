//! Load time of a synthetic Fingertips-layout file (ignored by default; run with
//! `cargo test --release --test ingest_perf -- --ignored --nocapture`).

mod common;
use common::*;

#[test]
#[ignore]
fn fingertips_100k_rows() {
    let original = String::from_utf8(sample("fingertips/ncmp_reception_prev_overweight.csv")).unwrap();
    let mut lines = original.split("\r\n").filter(|l| !l.is_empty());
    let header = lines.next().unwrap().to_owned();
    let body: Vec<&str> = lines.collect();
    let mut text = header;
    for i in 0..100_000 {
        text.push_str("\r\n");
        // Vary the indicator id so rows do not replace each other.
        let row = body[i % body.len()].replacen("\"93106\"", &format!("\"{}\"", 90000 + i / body.len()), 1);
        text.push_str(&row);
    }
    let started = std::time::Instant::now();
    let (ds, report) = load("big.csv", text.as_bytes());
    let elapsed = started.elapsed();
    println!("{} MB, {} observations in {:?}", text.len() / 1_000_000, ds.len(), elapsed);
    assert_eq!(report.observations, 100_000);
}
