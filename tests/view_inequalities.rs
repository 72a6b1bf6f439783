//! Inequalities: deprivation deciles in published order with the file's own values, SII / RII equal to the
//! oracle through the view, SII over time, sex splits, the no-category error, chart SVG and CLI.

mod common;

use common::fingertips_layout::{fingertips_csv, FtRow};
use common::oracle::*;
use indicator_lens::chart::{preferred_size, render_svg};
use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::stats::sii_point;
use indicator_lens::view::{InequalitiesView, ViewError, ViewModel, ViewSpec};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ncmp-year6-obesity-deprivation-deciles-fingertips-layout.csv");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

const DECILES: [&str; 10] = [
    "Most deprived decile (IMD2019)",
    "Second most deprived decile (IMD2019)",
    "Third more deprived decile (IMD2019)",
    "Fourth more deprived decile (IMD2019)",
    "Fifth more deprived decile (IMD2019)",
    "Fifth less deprived decile (IMD2019)",
    "Fourth less deprived decile (IMD2019)",
    "Third less deprived decile (IMD2019)",
    "Second least deprived decile (IMD2019)",
    "Least deprived decile (IMD2019)",
];

fn inequalities(session: &Session, spec: ViewSpec) -> Result<InequalitiesView, ViewError> {
    match session.view(&ViewSpec { view: "inequalities".into(), ..spec })?.model {
        ViewModel::Inequalities(view) => Ok(view),
        other => panic!("not inequalities: {other:?}"),
    }
}

fn fixture_session() -> Session {
    let mut session = Session::new();
    let report = session.load("ncmp-deciles.csv", &std::fs::read(FIXTURE).unwrap(), &LoadOptions::default());
    assert!(report.error.is_none() && report.rejected.is_empty(), "{report:?}");
    session
}

#[test]
fn deciles_in_published_order_with_the_files_values_and_oracle_sii() {
    let session = fixture_session();
    let view = inequalities(&session, ViewSpec { period: Some("2017/18".into()), ..ViewSpec::default() }).unwrap();
    let categories: Vec<&str> = view.groups.iter().map(|g| g.category.as_str()).collect();
    assert_eq!(categories, DECILES, "most to least deprived, never alphabetical");
    let oracle: Vec<Row> = read_rows("csv/NCMP_testdata.csv").into_iter().filter(|r| text(r, "SchoolYear") == "6").collect();
    let year: Vec<&Row> = oracle.iter().filter(|r| text(r, "Period") == "1718").collect();
    for (group, row) in view.groups.iter().zip(&year) {
        assert_eq!(group.value, Some(num(row, "Rate")), "the file's own value");
        assert_eq!(group.lower, Some(num(row, "LCL")));
        assert!(["Higher", "Similar", "Lower"].contains(&group.compared_to_area.as_str()));
    }
    assert_eq!(view.groups[0].compared_to_area, "Higher");
    let population: Vec<f64> = year.iter().map(|r| num(r, "Measured")).collect();
    let values: Vec<f64> = year.iter().map(|r| num(r, "Rate")).collect();
    let want = sii_point(&population, &values, 1.0).unwrap();
    let sii = view.sii.as_ref().unwrap();
    assert!((sii.value - want.sii).abs() <= 1e-12 * want.sii.abs());
    assert!((view.rii.as_ref().unwrap().value - want.rii).abs() <= 1e-12);
    assert!(sii.lower.is_none() && sii.upper.is_none() && view.sii_note.contains("Monte Carlo"));
    assert_eq!(view.sii_over_time.len(), 12);
    assert_eq!(view.sii_over_time[0].period, "2006/07");
    let json = serde_json::to_string(&session.view(&ViewSpec { view: "inequalities".into(), ..ViewSpec::default() }).unwrap().model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), ViewModel::Inequalities(inequalities(&session, ViewSpec::default()).unwrap()));
}

#[test]
fn sii_through_the_view_equals_the_package_output() {
    let rows = read_rows("xlsx_sheets/testdata_SII__testdata_SII.csv");
    let group: Vec<&Row> =
        rows.iter().filter(|r| text(r, "TestDescription") == "default (e.g. life expectancy) - default parameters" && text(r, "Area") == "area1").collect();
    assert_eq!(group.len(), 10);
    // Written in reverse to show the order comes from the labels, not the rows.
    let mut ft: Vec<FtRow> = group
        .iter()
        .rev()
        .map(|r| FtRow {
            indicator_id: "1".into(),
            indicator_name: "Oracle life expectancy".into(),
            area_code: "E92000001".into(),
            area_name: "England".into(),
            area_type: "England".into(),
            period: "2020".into(),
            category_type: "Deprivation deciles".into(),
            category: DECILES[num(r, "Quantile") as usize - 1].into(),
            value: text(r, "Value").into(),
            lower95: text(r, "LowerCL").into(),
            upper95: text(r, "UpperCL").into(),
            denominator: text(r, "Population").into(),
            ..FtRow::default()
        })
        .collect();
    ft.push(FtRow { category_type: String::new(), category: String::new(), value: "80".into(), lower95: "79".into(), upper95: "81".into(), ..ft[0].clone() });
    let mut session = Session::new();
    session.load("oracle-sii.csv", fingertips_csv(&ft).as_bytes(), &LoadOptions::default());
    let view = inequalities(&session, ViewSpec::default()).unwrap();
    assert_eq!(view.groups[0].category, DECILES[0]);
    let mut w = Worst::new("inequalities view: sii, rii", CLOSED);
    w.check(view.sii.unwrap().value, num(group[0], "sii"), "sii");
    w.check(view.rii.unwrap().value, num(group[0], "rii"), "rii");
}

fn made_up(sex: &str, value: &str) -> FtRow {
    FtRow {
        indicator_id: "2".into(),
        indicator_name: "Made-up rate per 100,000".into(),
        area_code: "E06000015".into(),
        area_name: "Derby".into(),
        area_type: "UA".into(),
        sex: sex.into(),
        age: "All ages".into(),
        period: "2023".into(),
        value: value.into(),
        lower95: (value.parse::<f64>().unwrap() - 5.0).to_string(),
        upper95: (value.parse::<f64>().unwrap() + 5.0).to_string(),
        ..FtRow::default()
    }
}

#[test]
fn sex_splits_are_groups_without_sii() {
    let mut session = Session::new();
    session.load(
        "made-up.csv",
        fingertips_csv(&[made_up("Persons", "100"), made_up("Male", "120"), made_up("Female", "98")]).as_bytes(),
        &LoadOptions::default(),
    );
    let view = inequalities(&session, ViewSpec { area: Some("E06000015".into()), ..ViewSpec::default() }).unwrap();
    let groups: Vec<(&str, &str, &str)> = view.groups.iter().map(|g| (g.category_type.as_str(), g.category.as_str(), g.compared_to_area.as_str())).collect();
    assert_eq!(groups, [("Sex", "Male", "Higher"), ("Sex", "Female", "Similar")]);
    assert!(view.sii.is_none() && view.rii.is_none() && view.sii_over_time.is_empty());
}

#[test]
fn an_indicator_with_no_categories_is_an_error() {
    let mut session = Session::new();
    let file = "fingertips/ncmp_reception_prev_overweight_dist.csv";
    session.load(file, &std::fs::read(format!("{SAMPLES}{file}")).unwrap(), &LoadOptions::default());
    let err = inequalities(&session, ViewSpec::default()).unwrap_err();
    assert!(err.to_string().contains("no categories"), "{err}");
    let path = format!("{SAMPLES}{file}");
    let args: Vec<String> = ["view", "inequalities", &path, "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 1);
    assert!(String::from_utf8_lossy(&err).contains("no categories"));
}

#[test]
fn chart_and_cli() {
    let session = fixture_session();
    let output = session.view(&ViewSpec { view: "inequalities".into(), ..ViewSpec::default() }).unwrap();
    assert!(output.caption.contains("SII"));
    let (w, h) = preferred_size(&output.model);
    let svg = render_svg(&output.model, w, h).unwrap();
    assert!(svg.contains("Most deprived decile") && svg.contains("SII over time") && svg.contains("<rect"));
    let args: Vec<String> = ["view", "inequalities", FIXTURE, "--json", "--period", "2006/07"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for key in ["category_type", "category", "value", "lower", "upper", "compared_to_area"] {
        assert!(!json["groups"][0][key].is_null(), "{key}");
    }
    assert!(json["sii"]["value"].is_number() && json["sii"]["lower"].is_null() && json["rii"]["value"].is_number());
}
