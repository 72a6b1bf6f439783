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
}
