//! The prevalence and access views from the samples: models, tables, captions, JSON round trip and SVG charts.

use indicator_lens::chart::render_svg;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

fn session(files: &[&str]) -> Session {
    let mut session = Session::new();
    for file in files {
        let bytes = std::fs::read(format!("{SAMPLES}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"));
        let report = session.load(file, &bytes, &LoadOptions::default());
        assert!(report.error.is_none(), "{file}: {:?}", report.error);
    }
    session
}

fn all_samples() -> Session {
    session(&[
        "cyp-mental-health-prevalence-rates-2017.csv",
        "derby-derbyshire-population-by-age-band-2017.csv",
        "cyp-mental-health-access-trajectory.csv",
        // Loaded too, to show the published estimates (same disorder names, local areas) are not taken for rates.
        "derby-derbyshire-published-prevalence-estimates-2018.csv",
    ])
}

fn spec(json: &str) -> ViewSpec {
    serde_json::from_str(json).expect("spec")
}

#[test]
fn prevalence_view_puts_areas_side_by_side_and_draws_grouped_bars() {
    let session = all_samples();
    let output = session.view(&spec(r#"{"view": "prevalence", "bands": ["2-4", "5-16", "17-19"]}"#)).expect("view");
    let ViewModel::Prevalence(view) = &output.model else { panic!("not prevalence") };
    assert_eq!(view.areas, ["Derby", "Derbyshire"]);
    assert_eq!(view.bands, ["2-4", "5-16", "17-19"]);
    assert_eq!(view.disorders.len(), 5);
    assert!(!view.has_intervals());
    assert!(output.caption.contains("Point estimates only"), "{}", output.caption);
    let table = &output.table;
    assert_eq!(table.header[..6], ["Age band", "Sex", "Disorder", "Derby population", "Derby rate %", "Derby estimate"]);
    assert_eq!(table.rows.len(), 20, "3 bands + the total, × 5 disorders");
    let any = table.rows.iter().find(|r| r[0] == "5-16" && r[2] == "Any mental health disorder").unwrap();
    assert_eq!((any[5].as_str(), any[8].as_str()), ("4645", "12288"));
    assert!(table.rows.iter().any(|r| r[0] == "All ages 2-19"));
    let back: ViewModel = serde_json::from_str(&serde_json::to_string(&output.model).unwrap()).unwrap();
    assert_eq!(back, output.model);
    let svg = render_svg(&output.model, output.width, output.height).expect("svg");
    assert!(svg.contains("5-16 · Emotional disorders"));
    assert!(svg.contains("Derbyshire") && svg.contains("point estimates, no intervals"));
    assert!(svg.contains("#0072B2") || svg.contains("#0072b2") || svg.contains("rgb(0,114,178)"));
    assert!(svg.matches("<rect").count() >= 30, "a bar per area, band and disorder");
}

#[test]
fn access_view_measures_seen_against_need_and_target() {
    let session = all_samples();
    // The plan's 35.81% is on a need not in these files (2004 prevalence); giving it reproduces the figure.
    let output = session.view(&spec(r#"{"view": "access", "target_share": 0.34, "estimated_need": 19561}"#)).expect("view");
    let ViewModel::Access(view) = &output.model else { panic!("not access") };
    assert_eq!(view.area, "Derby and Derbyshire CCG");
    assert_eq!(view.points.len(), 6);
    let first = &view.points[0];
    assert_eq!(first.period, "2018/19");
    assert!((first.access_share.unwrap() * 100.0 - 35.81).abs() < 0.005);
    assert_eq!(first.target_people, Some(6651.0));
    assert_eq!(first.gap_to_target, Some(-354.0), "354 above the target");
    assert_eq!(view.points[1].planned, Some(6612.0));
    assert_eq!(view.points[1].gap_to_target, Some(39.0), "plan 2019/20 falls 39 short");
    assert_eq!(output.table.rows[0][5], "35.81");
    let svg = render_svg(&output.model, output.width, output.height).expect("svg");
    assert!(svg.contains("Target 34%") && svg.contains("2023/24") && svg.contains("354 above"));
    let back: ViewModel = serde_json::from_str(&serde_json::to_string(&output.model).unwrap()).unwrap();
    assert_eq!(back, output.model);

    // Without a given need, the need is estimated from the rates and populations of both areas.
    let derived = session.view(&spec(r#"{"view": "access", "target_share": 0.34}"#)).expect("view");
    let ViewModel::Access(view) = &derived.model else { panic!("not access") };
    let expected = 6890.0 + 17939.0; // the published 2-19 any-disorder totals (rounded per band)
    assert!((view.need.people - expected).abs() / expected < 0.01, "{}", view.need.people);
    assert!(view.issues.iter().any(|i| i.message.contains("sum over every estimated area")));
    assert!(derived.caption.contains("any mental health disorder"), "{}", derived.caption);
}

#[test]
fn bad_bands_in_a_spec_are_reported() {
    let session = all_samples();
    let output = session.view(&spec(r#"{"view": "prevalence", "bands": ["5-15"]}"#)).expect("view with issues");
    let ViewModel::Prevalence(view) = &output.model else { panic!("not prevalence") };
    assert!(view.issues[0].message.contains("5-15 is not a union of the rates' bands"), "{:?}", view.issues);
    assert!(session.view(&spec(r#"{"view": "prevalence", "bands": ["teens"]}"#)).is_err());
}
