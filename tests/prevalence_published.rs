//! The plan's published 2018 estimates reproduced from the 2017 rates and the populations (issue 8).

use indicator_lens::analysis::age_band::AgeBand;
use indicator_lens::analysis::prevalence::estimate_prevalence;
use indicator_lens::analysis::prevalence_inputs::prevalence_inputs;
use indicator_lens::analysis::prevalence_issue::IntervalBasis;
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::Dataset;

const RATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/cyp-mental-health-prevalence-rates-2017.csv");
const POPULATION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/derby-derbyshire-population-by-age-band-2017.csv");
const PUBLISHED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/derby-derbyshire-published-prevalence-estimates-2018.csv");

fn load(dataset: &mut Dataset, path: &str) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let name = path.rsplit('/').next().unwrap();
    let report = ingest::load(dataset, name, &bytes, &LoadOptions::default());
    assert!(report.error.is_none(), "{name}: {:?}", report.error);
}

fn bands(text: &str) -> Vec<AgeBand> {
    text.split(',').map(|b| AgeBand::parse(b).unwrap()).collect()
}

#[test]
fn published_estimates_reproduced_for_every_area_band_and_disorder() {
    let mut dataset = Dataset::new();
    load(&mut dataset, RATES);
    load(&mut dataset, POPULATION);
    let inputs = prevalence_inputs(&dataset);
    assert_eq!((inputs.rates.len(), inputs.populations.len()), (20, 8));
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &bands("2-4,5-16,17-19"));
    assert!(!result.has_errors(), "{:?}", result.issues);
    assert_eq!(result.interval_basis, IntervalBasis::None);
    assert!(result.issues.iter().any(|i| i.message.starts_with("Point estimates only")));

    let mut published = csv::Reader::from_path(PUBLISHED).unwrap();
    let areas: Vec<String> = published.headers().unwrap().iter().skip(2).map(str::to_owned).collect();
    let mut worst: Vec<(String, f64)> = Vec::new();
    let mut compared = 0;
    for record in published.records() {
        let record = record.unwrap();
        let (band, disorder) = (&record[0], &record[1]);
        for (k, area) in areas.iter().enumerate() {
            let expected: f64 = record[k + 2].parse().unwrap();
            let ours = result
                .estimates
                .iter()
                .find(|e| &e.area == area && e.age_band == band && e.disorder == disorder && !e.total)
                .unwrap_or_else(|| panic!("no estimate for {area} {band} {disorder}"));
            let relative = (ours.estimate - expected).abs() / expected;
            let tolerance = if band == "2-4" { 0.05 } else { 0.02 };
            assert!(relative <= tolerance, "{area} {band} {disorder}: {} vs published {expected} ({:.2}%)", ours.estimate, relative * 100.0);
            assert!(ours.lower.is_none() && ours.upper.is_none(), "no interval invented");
            match worst.iter_mut().find(|(b, _)| b == band) {
                Some((_, w)) => *w = w.max(relative),
                None => worst.push((band.to_owned(), relative)),
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 30);
    for (band, relative) in worst {
        println!("worst relative difference {band}: {:.3}%", relative * 100.0);
    }
}

#[test]
fn combined_band_sums_numbers_and_totals_cover_all_bands() {
    let mut dataset = Dataset::new();
    load(&mut dataset, RATES);
    load(&mut dataset, POPULATION);
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &bands("2-4,5-16,17-19"));
    let find = |band: &str| result.estimates.iter().find(|e| e.area == "Derby" && e.age_band == band && e.disorder == "Any mental health disorder").unwrap();
    let combined = find("5-16");
    assert!((combined.estimate - (21449.0 * 0.095 + 18107.0 * 0.144)).abs() < 1e-6);
    assert_eq!(combined.population, 21449.0 + 18107.0);
    assert_eq!(combined.parts, ["5-10", "11-16"]);
    let total = find("All ages 2-19");
    assert!(total.total);
    assert!((total.estimate - (find("2-4").estimate + combined.estimate + find("17-19").estimate)).abs() < 1e-6);
    // Default bands are the rates' own.
    let own = estimate_prevalence(&inputs.rates, &inputs.populations, &[]);
    assert_eq!(own.bands, ["2-4", "5-10", "11-16", "17-19"]);
}
