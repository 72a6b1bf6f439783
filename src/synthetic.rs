//! Synthetic Fingertips-layout files: deterministic, realistic rows for benchmarks (same seed, same bytes).
//!
//! Rows come grouped as Fingertips writes them: for each indicator, period and sex, England first,
//! then the nine regions, then local authorities. Values are proportions with count and
//! denominator and no published interval, so a reader computes Wilson intervals itself — the work
//! the browser benchmark asks every tool to do. About 1 row in 100 is suppressed (`*`).

use std::io::{self, Write};

/// The 27 column headers of a Fingertips data download.
pub const HEADER: &str = "\"Indicator ID\",\"Indicator Name\",\"Parent Code\",\"Parent Name\",\"Area Code\",\"AreaName\",\
\"Area Type\",\"Sex\",\"Age\",\"Category Type\",\"Category\",\"Time period\",\"Value\",\"Lower CI 95.0 limit\",\
\"Upper CI 95.0 limit\",\"Lower CI 99.8 limit\",\"Upper CI 99.8 limit\",\"Count\",\"Denominator\",\"Value note\",\
\"Recent Trend\",\"Compared to England value or percentiles\",\"Compared to parent value or percentiles\",\
\"Time period Sortable\",\"New data\",\"Compared to goal\",\"Time period range\"";

const REGIONS: [&str; 9] =
    ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West"];

const INDICATORS: [&str; 8] = [
    "Reception prevalence of overweight (including obesity)",
    "Year 6 prevalence of obesity (including severe obesity)",
    "Percentage of children achieving a good level of development at 2 to 2 and a half years",
    "Percentage of 5 year olds with experience of visually obvious dentinal decay",
    "Proportion of infants totally or partially breastfed at 6-8 weeks after birth",
    "Percentage of physically active children and young people",
    "Proportion of children receiving a 12-month review",
    "Percentage of pupils with social, emotional and mental health needs",
];

/// Local authorities per region (fabricated codes and names: `E06` … `E10` shaped).
const AUTHORITIES_PER_REGION: u32 = 33;

/// A small deterministic generator (SplitMix64): the same seed gives the same file everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One area of the generated geography.
struct Place {
    code: String,
    name: String,
    area_type: &'static str,
    parent_code: String,
    parent_name: String,
    /// The area's own deviation from the national rate (log-odds scale).
    effect: f64,
    /// Typical denominator.
    size: f64,
}

fn places(random: &mut Random) -> Vec<Place> {
    let mut list = vec![Place {
        code: "E92000001".into(),
        name: "England".into(),
        area_type: "England",
        parent_code: String::new(),
        parent_name: String::new(),
        effect: 0.0,
        size: 600_000.0,
    }];
    for (r, region) in REGIONS.iter().enumerate() {
        list.push(Place {
            code: format!("E1200000{}", r + 1),
            name: (*region).into(),
            area_type: "Regions (statistical)",
            parent_code: "E92000001".into(),
            parent_name: "England".into(),
            effect: (random.unit() - 0.5) * 0.3,
            size: 40_000.0 + random.unit() * 60_000.0,
        });
    }
    for r in 0..REGIONS.len() as u32 {
        for a in 0..AUTHORITIES_PER_REGION {
            let n = r * AUTHORITIES_PER_REGION + a;
            let prefix = ["E06", "E07", "E08", "E09", "E10"][(n % 5) as usize];
            list.push(Place {
                code: format!("{prefix}{:06}", 100 + n),
                name: format!("{} Authority {}", REGIONS[r as usize].split(' ').next().unwrap_or("Area"), a + 1),
                area_type: "Counties & UAs (from Apr 2023)",
                parent_code: format!("E1200000{}", r + 1),
                parent_name: REGIONS[r as usize].into(),
                effect: (random.unit() - 0.5) * 0.6,
                size: 500.0 + random.unit() * 12_000.0,
            });
        }
    }
    list
}

/// Writes a Fingertips-layout CSV of exactly `rows` data rows (plus the header) from `seed`.
pub fn write_fingertips(rows: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut random = Random(seed);
    let places = places(&mut random);
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"\xef\xbb\xbf")?;
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\r\n")?;
    let mut written = 0u64;
    // Groups: indicator (ids past the 8 names reuse them with a suffix) × year × sex.
    'groups: for group in 0u64.. {
        let indicator = group / (15 * 3);
        let year = 2010 + (group / 3 % 15);
        let sex = ["Persons", "Male", "Female"][(group % 3) as usize];
        let id = 90_000 + indicator;
        let name = INDICATORS[(indicator % INDICATORS.len() as u64) as usize];
        let name = if indicator < INDICATORS.len() as u64 { name.to_owned() } else { format!("{name} (series {indicator})") };
        let base = 0.08 + 0.3 * ((indicator * 7919 % 100) as f64 / 100.0);
        let trend = (year as f64 - 2017.0) * 0.01;
        for place in &places {
            if written == rows {
                break 'groups;
            }
            written += 1;
            let logit = (base / (1.0 - base)).ln() + place.effect + trend + (random.unit() - 0.5) * 0.1;
            let p = 1.0 / (1.0 + (-logit).exp());
            let denominator = (place.size * (0.8 + 0.4 * random.unit())).round().max(1.0);
            let count = (p * denominator).round();
            let suppressed = place.area_type != "England" && random.next().is_multiple_of(100);
            let (value, count_text, denominator_text, note) = if suppressed {
                (String::new(), String::new(), String::new(), "*")
            } else {
                (format!("{:.5}", count / denominator * 100.0), format!("{count}"), format!("{denominator}"), "")
            };
            writeln_row(
                &mut out,
                &[
                    &id.to_string(),
                    &name,
                    &place.parent_code,
                    &place.parent_name,
                    &place.code,
                    &place.name,
                    place.area_type,
                    sex,
                    "4-5 yrs",
                    "",
                    "",
                    &format!("{year}/{:02}", (year + 1) % 100),
                    &value,
                    "",
                    "",
                    "",
                    "",
                    &count_text,
                    &denominator_text,
                    note,
                    if place.area_type == "England" { "Cannot be calculated" } else { "No significant change" },
                    "",
                    "",
                    &format!("{year}0000"),
                    "",
                    "",
                    "1y",
                ],
            )?;
        }
    }
    out.flush()
}

/// One quoted row, quotes doubled, CRLF-terminated (as Fingertips writes).
fn writeln_row(out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\"")?;
        out.write_all(cell.replace('"', "\"\"").as_bytes())?;
        out.write_all(b"\"")?;
    }
    out.write_all(b"\r\n")
}

/// A generated file in memory.
pub fn fingertips_bytes(rows: u64, seed: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_fingertips(rows, seed, &mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_exact_row_count() {
        let a = fingertips_bytes(500, 7);
        assert_eq!(a, fingertips_bytes(500, 7));
        let text = String::from_utf8(a).unwrap();
        assert_eq!(text.matches("\r\n").count(), 501);
        assert!(text.lines().nth(1).unwrap().contains("\"E92000001\",\"England\""));
    }
}
