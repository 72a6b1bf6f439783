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

/// Per-indicator level and value-type choices made in the page reach the spec and survive a share link.
#[test]
fn indicator_choices_reach_the_spec_and_a_share_link() {
    let choices = indicator_lens::view::controls::IndicatorChoices {
        levels: [("90713".to_owned(), 99.8)].into(),
        value_types: [("90284".to_owned(), "Rate".to_owned())].into(),
        ..indicator_lens::view::controls::IndicatorChoices::default()
    };
    let spec = indicator_lens::view::controls::spec_from_controls("compare-areas", &std::collections::BTreeMap::new(), &choices).unwrap();
    assert_eq!(spec.levels.get("90713").map(|l| l.percent()), Some(99.8));
    assert_eq!(spec.value_types.get("90284"), Some(&indicator_lens::model::ValueType::Rate));
    let state = indicator_lens::share::ShareState { view: "compare-areas".into(), spec: spec.clone(), suppress_below: 0 };
    let fragment = indicator_lens::share::encode_fragment(&state, &[], indicator_lens::share::LINK_LIMIT).unwrap();
    assert_eq!(indicator_lens::share::decode_fragment(&fragment).unwrap().state.spec, spec);
    let bad = indicator_lens::view::controls::IndicatorChoices {
        value_types: [("1".to_owned(), "Sideways".to_owned())].into(),
        ..indicator_lens::view::controls::IndicatorChoices::default()
    };
    assert!(indicator_lens::view::controls::spec_from_controls("compare-areas", &std::collections::BTreeMap::new(), &bad).is_err());
}
