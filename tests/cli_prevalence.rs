//! `indicator-lens prevalence`: the CSV, its agreement with the views, and clear messages on bad input.

use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::ViewSpec;

const RATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/cyp-mental-health-prevalence-rates-2017.csv");
const POPULATION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/derby-derbyshire-population-by-age-band-2017.csv");
const ACCESS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/cyp-mental-health-access-trajectory.csv");

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// Writes `text` to a fresh file under the temp directory and returns its path.
fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("indicator-lens-prevalence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn one_row_per_area_band_and_disorder_then_totals() {
    let (code, out, err) = cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--bands", "2-4,5-16,17-19"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "area,age_band,disorder,population,rate,estimate", "no interval columns without intervals");
    assert_eq!(lines.len(), 1 + 2 * 3 * 5 + 2 * 5);
    assert!(lines.contains(&"Derby,5-16,Any mental health disorder,39556,11.7430,4645.1"), "{out}");
    assert!(lines.contains(&"Derbyshire,All ages 2-19,Any mental health disorder,153843,11.6605,17938.9"));
    assert!(err.contains("Point estimates only"), "says plainly there are no intervals: {err}");
    let (_, own, _) = cli(&["prevalence", "--rates", RATES, "--population", POPULATION]);
    assert!(own.contains("Derby,5-10,") && own.contains("Derby,11-16,"), "default bands are the rates' own");
}

#[test]
fn access_section_agrees_with_the_access_view() {
    let (code, out, err) = cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--access", ACCESS, "--target", "0.34", "--need", "19561"]);
    assert_eq!(code, 0, "{err}");
    let (_, access) = out.split_once("\r\n\r\n").expect("a blank line before the access section");
    assert!(access.contains("Derby and Derbyshire CCG,2018/19,7005,,19561,35.81,,34.00,6651,-354"), "{access}");

    let mut session = Session::new();
    for path in [RATES, POPULATION, ACCESS] {
        session.load(path.rsplit('/').next().unwrap(), &std::fs::read(path).unwrap(), &LoadOptions::default());
    }
    let spec: ViewSpec = serde_json::from_str(r#"{"view": "access", "target_share": 0.34, "estimated_need": 19561}"#).unwrap();
    assert_eq!(session.export_csv(&spec, 0).unwrap(), access);
    // The need estimated from the files (no --need) is the same in both too.
    let (_, derived, _) = cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--access", ACCESS, "--target", "34%"]);
    let spec: ViewSpec = serde_json::from_str(r#"{"view": "access", "target_share": 0.34}"#).unwrap();
    assert_eq!(derived.split_once("\r\n\r\n").unwrap().1, session.export_csv(&spec, 0).unwrap());
}

#[test]
fn bands_that_do_not_line_up_are_reported() {
    let (code, out, err) = cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--bands", "2-4,5-15"]);
    assert_eq!(code, 1);
    assert!(err.contains("output band 5-15 is not a union of the rates' bands (2-4, 5-10, 11-16, 17-19): band 11-16 reaches across its edge"), "{err}");
    assert!(out.contains("Derby,2-4,"), "the bands that do line up are still estimated");
    let population = temp_file("straddling.csv", "Area,Age band,Population\nDerby,2-4,100\nDerby,5-12,600\nDerby,13-16,400\nDerby,17-19,300\n");
    let (code, _, err) = cli(&["prevalence", "--rates", RATES, "--population", &population]);
    assert_eq!(code, 1);
    assert!(err.contains("Derby: population for ages 5-10 cannot be built: band 5-12 reaches across its edge"), "{err}");
}

#[test]
fn a_population_missing_an_area_is_reported() {
    let population =
        temp_file("missing.csv", "Area,Age band,Population\nDerby,2-4,100\nDerby,5-10,600\nDerby,11-16,400\nDerby,17-19,300\nDerbyshire,2-4,250\n");
    let (code, out, err) = cli(&["prevalence", "--rates", RATES, "--population", &population]);
    assert_eq!(code, 1);
    assert!(err.contains("Derbyshire: population for ages 5-10 cannot be built: ages 5-10 are missing"), "{err}");
    assert!(out.contains("Derbyshire,2-4,") && !out.contains("Derbyshire,5-10"));
}

#[test]
fn rates_above_100_percent_are_rejected() {
    let rates = temp_file("rates.csv", "Age band,Disorder,Prevalence (% of population)\n5-10,Any disorder,120\n11-16,Any disorder,14.4\n");
    let (code, _, err) = cli(&["prevalence", "--rates", &rates, "--population", POPULATION, "--bands", "5-16"]);
    assert_eq!(code, 1);
    assert!(err.contains("rate for Any disorder aged 5-10 is 120% of people, above 100%"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(cli(&["prevalence", "--rates", RATES]).0, 2);
    assert_eq!(cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--bands", "teens"]).0, 2);
    assert_eq!(cli(&["prevalence", "--rates", RATES, "--population", POPULATION, "--target", "2.5x"]).0, 2);
    assert_eq!(cli(&["prevalence", "--rates", "/nonexistent.csv", "--population", POPULATION]).0, 1);
}

#[test]
fn intervals_get_lower_and_upper_columns() {
    let rates = temp_file("rates-ci.csv", "Age band,Disorder,Prevalence (%),Lower 95% CI,Upper 95% CI\n5-10,Any,10,8,12\n11-16,Any,20,17,23\n");
    let population = temp_file("population-ci.csv", "Area,Age band,Population\nDerby,5-10,1000\nDerby,11-16,2000\n");
    let (code, out, err) = cli(&["prevalence", "--rates", &rates, "--population", &population, "--bands", "5-16"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "area,age_band,disorder,population,rate,estimate,lower,upper");
    assert_eq!(lines[1], "Derby,5-16,Any,3000,16.6667,500.0,436.8,563.2");
}
