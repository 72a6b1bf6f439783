//! The page draws view models the worker built: every view must survive a JSON round trip unchanged.

use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewModel, ViewSpec};

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))).expect("sample readable")
}

#[test]
fn every_view_round_trips_through_json() {
    let mut session = Session::new();
    for file in ["fingertips/ncmp_reception_prev_overweight_dist.csv", "east-midlands-cyp-profile-wide-by-area.csv"] {
        let report = session.load(file, &sample(file), &LoadOptions::default());
        assert!(report.observations > 0, "{file} loads");
    }
    for view in ["compare_areas", "overview", "spine", "trend", "kpi_summary", "board_summary"] {
        let spec = ViewSpec { view: view.into(), ..ViewSpec::default() };
        let output = session.view(&spec).unwrap_or_else(|e| panic!("{view}: {e}"));
        let json = serde_json::to_string(&output.model).unwrap();
        let back: ViewModel = serde_json::from_str(&json).unwrap();
        assert_eq!(back, output.model, "{view} round trip");
        assert!(!output.table.rows.is_empty(), "{view} has table rows");
        assert!(!output.caption.is_empty());
    }
    let keys: Vec<String> = session.dataset.indicators.iter().skip(1).take(2).map(|i| i.key().to_owned()).collect();
    let specs = [
        ViewSpec { view: "scatter".into(), indicators: keys, ..ViewSpec::default() },
        ViewSpec { view: "funnel".into(), ..ViewSpec::default() },
        ViewSpec { view: "map".into(), ..ViewSpec::default() },
    ];
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ncmp-year6-obesity-deprivation-deciles-fingertips-layout.csv");
    session.load("deciles.csv", &std::fs::read(fixture).unwrap(), &indicator_lens::ingest::LoadOptions::default());
    let key = session.dataset.indicators.last().map(|i| i.key().to_owned());
    let specs = specs.into_iter().chain([ViewSpec { view: "inequalities".into(), indicator: key, ..ViewSpec::default() }]);
    for spec in specs {
        let output = session.view(&spec).unwrap_or_else(|e| panic!("{}: {e}", spec.view));
        let json = serde_json::to_string(&output.model).unwrap();
        let back: ViewModel = serde_json::from_str(&json).unwrap();
        assert_eq!(back, output.model, "{} round trip", spec.view);
        assert!(!output.table.rows.is_empty() && !output.caption.is_empty(), "{}", spec.view);
    }
}
