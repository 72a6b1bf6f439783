//! Prevalence inputs beyond the samples: wide populations by single year of age, rates with limits or sample sizes, rates by sex.

use indicator_lens::analysis::prevalence::estimate_prevalence;
use indicator_lens::analysis::prevalence_inputs::prevalence_inputs;
use indicator_lens::analysis::prevalence_issue::IntervalBasis;
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::{AgeBand, Dataset};

fn load(dataset: &mut Dataset, name: &str, text: &str) -> ingest::FileReport {
    let report = ingest::load(dataset, name, text.as_bytes(), &LoadOptions::default());
    assert!(report.error.is_none(), "{name}: {:?}", report.error);
    report
}

fn band(text: &str) -> AgeBand {
    AgeBand::parse(text).unwrap()
}

const RATES: &str = "Age band,Disorder,Prevalence (% of population)\n5-10,Any disorder,10\n11-16,Any disorder,20\n";

#[test]
fn wide_population_by_single_year_is_detected_and_aggregated_into_the_rates_bands() {
    let mut dataset = Dataset::new();
    load(&mut dataset, "rates-2017.csv", RATES);
    let mut header = String::from("Area code,Area name,All ages");
    let mut derby = String::from("E06000015,Derby,99999");
    for age in 5..=16 {
        header.push_str(&format!(",Age {age}"));
        derby.push_str(&format!(",{}", 100 + age));
    }
    let report = load(&mut dataset, "population-2017.csv", &format!("{header}\n{derby}\n"));
    assert_eq!(report.format, "population-wide");
    assert_eq!(report.observations, 12, "one per single year; the all-ages total is not read");
    assert!(report.warnings.iter().any(|w| w.message.contains("All ages")), "{:?}", report.warnings);
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[band("5-16")]);
    assert!(!result.has_errors(), "{:?}", result.issues);
    let e = &result.estimates[0];
    let young: f64 = (5..=10).map(|a| 100.0 + a as f64).sum();
    let old: f64 = (11..=16).map(|a| 100.0 + a as f64).sum();
    assert_eq!((e.area.as_str(), e.age_band.as_str()), ("Derby", "5-16"));
    assert_eq!(e.population, young + old);
    assert!((e.estimate - (young * 0.10 + old * 0.20)).abs() < 1e-9);
}

#[test]
fn wide_population_in_bands_that_straddle_the_rates_is_reported() {
    let mut dataset = Dataset::new();
    load(&mut dataset, "rates-2017.csv", RATES);
    load(&mut dataset, "population-2017.csv", "Area,0-4,5-9,10-14,15-19\nDerby,1,2,3,4\n");
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[]);
    assert!(result.has_errors());
    assert!(result.issues[0].message.contains("Derby: population for ages 5-10 cannot be built: band 10-14 reaches across its edge"), "{:?}", result.issues);
}

#[test]
fn published_rate_limits_are_carried_to_the_numbers() {
    let mut dataset = Dataset::new();
    load(&mut dataset, "rates-2017.csv", "Age band,Disorder,Prevalence (%),Lower 95% CI,Upper 95% CI\n5-10,Any,10,8,12\n11-16,Any,20,17,23\n");
    load(&mut dataset, "population-2017.csv", "Area,Age band,Population\nDerby,5-10,1000\nDerby,11-16,2000\n");
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[band("5-16")]);
    assert_eq!(result.interval_basis, IntervalBasis::PublishedRateLimits);
    let e = &result.estimates[0];
    assert_eq!(e.estimate, 100.0 + 400.0);
    // Independent bands: half-widths 20 and 60 add in quadrature.
    assert!((e.lower.unwrap() - (500.0 - (20.0f64.powi(2) + 60.0f64.powi(2)).sqrt())).abs() < 1e-9);
    assert!((e.upper.unwrap() - (500.0 + (20.0f64.powi(2) + 60.0f64.powi(2)).sqrt())).abs() < 1e-9);
}

#[test]
fn survey_sample_sizes_give_wilson_intervals_and_say_so() {
    let mut dataset = Dataset::new();
    load(&mut dataset, "rates-2017.csv", "Age band,Disorder,Prevalence (%),Sample size\n5-10,Any,10,400\n");
    load(&mut dataset, "population-2017.csv", "Area,Age band,Population\nDerby,5-10,1000\n");
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[]);
    assert_eq!(result.interval_basis, IntervalBasis::SurveySampleSize);
    let e = &result.estimates[0];
    let (lower, upper) = (e.lower.unwrap(), e.upper.unwrap());
    assert!(lower < 100.0 && upper > 100.0 && lower > 70.0 && upper < 140.0, "{lower}–{upper}");
    assert!(result.issues.iter().any(|i| i.message.contains("simple random sampling")));
}

#[test]
fn rates_by_sex_use_populations_by_sex() {
    let mut dataset = Dataset::new();
    load(&mut dataset, "rates-2017.csv", "Age band,Sex,Disorder,Prevalence (%)\n5-10,Male,Any,12\n5-10,Female,Any,8\n");
    load(&mut dataset, "population-2017.csv", "Area,Sex,Age band,Population\nDerby,Male,5-10,500\nDerby,Female,5-10,400\n");
    let inputs = prevalence_inputs(&dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[]);
    assert!(!result.has_errors(), "{:?}", result.issues);
    let male = result.estimates.iter().find(|e| e.sex == "Male").unwrap();
    let female = result.estimates.iter().find(|e| e.sex == "Female").unwrap();
    assert_eq!((male.estimate, female.estimate), (60.0, 32.0));

    let mut persons_only = Dataset::new();
    load(&mut persons_only, "rates-2017.csv", "Age band,Sex,Disorder,Prevalence (%)\n5-10,Male,Any,12\n");
    load(&mut persons_only, "population-2017.csv", "Area,Age band,Population\nDerby,5-10,900\n");
    let inputs = prevalence_inputs(&persons_only);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, &[]);
    assert!(result.issues[0].message.contains("Derby has no population for sex `Male`"), "{:?}", result.issues);
}
