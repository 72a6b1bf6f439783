//! The wide-by-area East Midlands sample (no intervals): overview with England and region first, quintiles or Not compared.

use indicator_lens::ingest::LoadOptions;
use indicator_lens::view::{build_view, ColumnRole, OverviewView, ViewModel, ViewSpec};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/east-midlands-cyp-profile-wide-by-area.csv");

fn overview() -> OverviewView {
    let bytes = std::fs::read(SAMPLE).unwrap_or_else(|e| panic!("cannot read {SAMPLE}: {e}"));
    let mut session = indicator_lens::session::Session::new();
    let report = session.load("east-midlands-cyp-profile-wide-by-area.csv", &bytes, &LoadOptions::default());
    let dataset = session.dataset;
    assert!(report.is_usable(), "{report:?}");
    let spec: ViewSpec = serde_json::from_str(r#"{"view":"overview"}"#).expect("spec");
    match build_view(&dataset, &spec).expect("overview") {
        ViewModel::Overview(view) => view,
        other => panic!("expected an overview, got {other:?}"),
    }
}

fn cell<'a>(view: &'a OverviewView, indicator_prefix: &str, area: &str) -> &'a indicator_lens::view::OverviewCell {
    let row = view.rows.iter().find(|r| r.indicator.starts_with(indicator_prefix)).expect("indicator row");
    let column = view.columns.iter().position(|c| c.area_name == area).expect("area column");
    &row.cells[column]
}

#[test]
fn england_and_region_first_then_all_nine_authorities() {
    let view = overview();
    assert_eq!(view.columns[0].area_name, "England");
    assert_eq!(view.columns[0].role, ColumnRole::England);
    assert_eq!(view.columns[1].area_name, "East Midlands region");
    assert_eq!(view.columns[1].role, ColumnRole::Region);
    let locals: Vec<&str> = view.columns[2..].iter().map(|c| c.area_name.as_str()).collect();
    assert_eq!(
        locals,
        ["Derby", "Derbyshire", "Leicester", "Leicestershire", "Lincolnshire", "Northamptonshire", "Nottingham", "Nottinghamshire", "Rutland"],
        "counties and unitaries together when the file gives no area type"
    );
    assert_eq!(view.rows.len(), 64, "one row per indicator line");
}

#[test]
fn no_intervals_means_quintiles_among_the_authorities_or_not_compared() {
    let view = overview();
    let quintiles = indicator_lens::analysis::QUINTILE_LABELS;
    for row in &view.rows {
        for (column, cell) in view.columns.iter().zip(&row.cells) {
            match column.role {
                ColumnRole::England => assert!(cell.label.is_empty() || cell.label == "Not compared", "{}: {cell:?}", row.indicator),
                ColumnRole::Region => assert_eq!(cell.label, "Not compared", "regions are not ranked with authorities"),
                ColumnRole::Area => assert!(
                    quintiles.contains(&cell.label.as_str()) || cell.label == "Not compared" || cell.label.is_empty(),
                    "{} / {}: {cell:?}",
                    row.indicator,
                    column.area_name
                ),
            }
        }
    }
    // Children in low income families (under 16s), 2016: Nottingham 29.5 is the highest of nine, Rutland 6.5 the lowest.
    assert_eq!(cell(&view, "Children in low income families (under 16s)", "Nottingham").label, "Highest quintile");
    assert_eq!(cell(&view, "Children in low income families (under 16s)", "Rutland").label, "Lowest quintile");
    assert!(cell(&view, "Children in low income families (under 16s)", "Rutland").comparison_text.contains("ranks 1 of 9"));
    // GCSEs for children in care: most authorities suppressed (*), only two values: too few for quintiles.
    let gcse = cell(&view, "GCSEs achieved (5 A*-C inc. English and maths) for children in care", "Derby");
    assert_eq!(gcse.label, "Not compared");
    let notts = cell(&view, "GCSEs achieved (5 A*-C inc. English and maths) for children in care", "Nottinghamshire");
    assert_eq!(notts.label, "Not compared");
    assert!(notts.comparison_text.contains("fewer than 5 areas"), "{notts:?}");
    assert_eq!(notts.colour, "#C9C9C9");
}
