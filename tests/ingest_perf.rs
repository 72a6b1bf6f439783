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
    let (cpu_before, started) = (cpu_ms(), std::time::Instant::now());
    let (ds, report) = load("big.csv", text.as_bytes());
    let (elapsed, cpu) = (started.elapsed(), cpu_ms() - cpu_before);
    println!("{} MB, {} observations in {elapsed:?} wall, {cpu} ms CPU", text.len() / 1_000_000, ds.len());
    assert_eq!(report.observations, 100_000);
}

/// CPU time of this thread in ms (user + system, 10 ms resolution; the machine is shared, so wall time is noisy).
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse().ok()).unwrap_or(0) + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0);
    ticks * 10
}

#[test]
#[ignore]
fn phases() {
    use indicator_lens::ingest::{sniff, table};
    let Ok(bytes) = std::fs::read("/tmp/ingest_ft100k.csv") else { return };
    let t = std::time::Instant::now();
    let decoded = sniff::decode(&bytes).unwrap();
    let t_decode = t.elapsed();
    let t = std::time::Instant::now();
    let d = sniff::delimiter(&decoded.text);
    let tab = table::read(decoded.text, d);
    let t_table = t.elapsed();
    let t = std::time::Instant::now();
    let mut rows = tab.rows();
    let mut n = 0;
    while let Some(r) = rows.next_row() {
        n += r.len();
    }
    let t_rows = t.elapsed();
    let t = std::time::Instant::now();
    let (_, report) = load("big.csv", &bytes);
    println!("decode {t_decode:?} table {t_table:?} rows {t_rows:?} ({n} fields) whole load {:?} ({})", t.elapsed(), report.observations);
}
