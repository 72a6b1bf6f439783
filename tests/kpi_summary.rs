//! The KPI summary view: Warwickshire tables, a Fingertips download, the monthly sample and a long KPI return.

use indicator_lens::chart::{marks, render_svg};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{KpiSummaryView, ViewModel, ViewSpec};

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))).expect("sample readable")
}

fn session_of(files: &[&str]) -> Session {
    let mut session = Session::new();
    for file in files {
        let report = session.load(file, &sample(file), &LoadOptions::default());
        assert!(report.observations > 0, "{file} loads");
    }
    session
}

fn kpi(session: &Session, spec: ViewSpec) -> KpiSummaryView {
    match session.view(&ViewSpec { view: "kpi-summary".into(), ..spec }).expect("kpi summary").model {
        ViewModel::KpiSummary(view) => view,
        other => panic!("not a KPI summary: {other:?}"),
    }
}

#[test]
fn warwickshire_tables_summarise_with_a_why_for_every_label() {
    let session = session_of(&["warwickshire-outcomes-financial-years.csv", "warwickshire-outcomes-calendar-years.csv"]);
    let view = kpi(&session, ViewSpec::default());
    assert!(view.rows.len() >= 10, "{} rows", view.rows.len());
    for row in &view.rows {
        let why = &row.why;
        for (label, text) in [("comparison", &why.comparison), ("trend", &why.recent_trend), ("direction", &why.direction), ("target", &why.target_status), ("variation", &why.variation), ("assurance", &why.assurance)] {
            assert!(!text.trim().is_empty(), "{}: empty why for {label}", row.indicator);
        }
        // One area, no intervals, no England: the blank says why, with the period.
        assert_eq!(row.comparison, "Not compared");
        assert!(why.comparison.starts_with("Not compared: ") && why.comparison.contains(&row.period), "{}", why.comparison);
        assert!(row.variation.is_none() && why.variation.contains("monthly or quarterly"), "{}", why.variation);
    }
    let output = session.view(&ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() }).unwrap();
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
    assert!(json.contains("\"view\":\"kpi_summary\""));
    assert!(output.table.header.iter().any(|h| h == "Why (comparison)"));
    let svg = render_svg(&output.model, output.width, output.height).unwrap();
    assert!(svg.contains("Not compared") && svg.contains("n/a"));
    println!("{}", output.table.to_csv());
}
