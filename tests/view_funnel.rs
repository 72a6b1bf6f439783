//! Funnel plot: limits and positions equal the package's (oracle) through the functions the view calls; the view on
//! real downloads; overdispersion; errors; chart SVG; CLI.

mod common;

use common::fingertips_layout::{fingertips_csv, FtRow};
use common::oracle::*;
use indicator_lens::analysis::funnel_plot::{funnel_plot, FunnelInput, FunnelKind, FunnelPosition, OverdispersionMethod};
use indicator_lens::chart::{preferred_size, render_svg};
use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::stats::{funnel_row, FunnelStatistic, RateType};
use indicator_lens::view::{ViewError, ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");

fn position_of(label: &str) -> FunnelPosition {
    match label {
        "High (0.001)" => FunnelPosition::Above998,
        "High (0.025)" => FunnelPosition::Above95,
        "Low (0.001)" => FunnelPosition::Below998,
        "Low (0.025)" => FunnelPosition::Below95,
        _ => FunnelPosition::Within,
    }
}

/// The package's proportion test data as a Fingertips download (no England row: the view centres on the pooled value).
fn proportion_oracle_download() -> String {
    let rows: Vec<FtRow> = read_rows("csv/testdata_funnel_prop_inputs.csv")
        .iter()
        .enumerate()
        .map(|(i, r)| FtRow {
            indicator_id: "1".into(),
            indicator_name: "Oracle proportion (%)".into(),
            area_code: format!("P{i:04}"),
            area_name: text(r, "Area").into(),
            area_type: "PCT".into(),
            sex: "Persons".into(),
            age: "All ages".into(),
            period: "2020".into(),
            value: format!("{}", 100.0 * num(r, "numerator") / num(r, "denominator")),
            count: text(r, "numerator").into(),
            denominator: text(r, "denominator").into(),
            ..FtRow::default()
        })
        .collect();
    fingertips_csv(&rows)
}

#[test]
fn proportion_view_equals_package_limits_and_significance() {
    let mut session = Session::new();
    let report = session.load("oracle-prop.csv", proportion_oracle_download().as_bytes(), &LoadOptions::default());
    assert!(report.error.is_none(), "{:?}", report.error);
    let output = session.view(&ViewSpec { view: "funnel".into(), ..ViewSpec::default() }).unwrap();
    let ViewModel::Funnel(view) = &output.model else { panic!("funnel") };
    assert_eq!(view.target_name, "pooled value of the areas");
    let want = read_rows("csv/testdata_funnel_prop_outputs.csv");
    assert_eq!(view.limits.len(), want.len());
    let mut w = Worst::new("funnel view limits: proportion", PRINTED);
    for (got, row) in view.limits.iter().zip(&want) {
        assert_eq!(got.denominator, num(row, "Population"));
        w.check(got.lower_95.unwrap(), num(row, "Lower2s0025limit"), "lower 95");
        w.check(got.upper_95.unwrap(), num(row, "Upper2s0025limit"), "upper 95");
        w.check(got.lower_99_8.unwrap(), num(row, "Lower3s0001limit"), "lower 99.8");
        w.check(got.upper_99_8.unwrap(), num(row, "Upper3s0001limit"), "upper 99.8");
    }
    w.check(view.target, num(&want[0], "Baseline"), "baseline");
    let inputs = read_rows("csv/testdata_funnel_prop_inputs.csv");
    for (point, row) in view.points.iter().zip(&inputs) {
        assert_eq!(point.name, text(row, "Area"));
        assert_eq!(point.position, position_of(text(row, "significance")), "{}", point.name);
    }
}

#[test]
fn rate_limit_rows_equal_package() {
    // The Poisson curves the view interpolates come from `funnel_row`: at the package's points they are its outputs.
    let input = read_rows("csv/testdata_funnel_rate_input_funnels.csv");
    let ev: Vec<f64> = input.iter().map(|r| num(r, "ev")).collect();
    let den: Vec<f64> = input.iter().map(|r| 1e5 * num(r, "ev") / num(r, "rate")).collect();
    let average = ev.iter().sum::<f64>() / den.iter().sum::<f64>();
    let stat = FunnelStatistic::Rate { rate_type: RateType::Dsr, years_of_data: 3.0 };
    let mut w = Worst::new("funnel_row: rate (dsr)", PRINTED);
    for row in read_rows("csv/testdata_funnel_rate_outputs.csv") {
        let got = funnel_row(stat, num(&row, "Events"), average, 1e5, 3.0);
        w.check(got.lower_2s_limit, num(&row, "lower_2s_limit"), "lower 95");
        w.check(got.upper_2s_limit, num(&row, "upper_2s_limit"), "upper 95");
        w.check(got.lower_3s_limit, num(&row, "lower_3s_limit"), "lower 99.8");
        w.check(got.upper_3s_limit, num(&row, "upper_3s_limit"), "upper 99.8");
        w.check(got.denominators[1], num(&row, "upper_2s_population_1_year"), "population");
    }
}

#[test]
fn poisson_positions_follow_the_curves() {
    // Rates per 100,000 around 500: 50 events in 10,000 is on target; 100 and 20 are far off it.
    let values = [500.0, 1000.0, 200.0, 520.0];
    let counts = [50.0, 100.0, 20.0, 52.0];
    let denominators = [10_000.0; 4];
    let input = FunnelInput {
        kind: FunnelKind::Poisson,
        values: &values,
        counts: &counts,
        denominators: &denominators,
        target: 500.0,
        multiplier: 1e5,
        overdispersion: OverdispersionMethod::None,
    };
    let plot = funnel_plot(&input).unwrap();
    assert_eq!(plot.positions, [FunnelPosition::Within, FunnelPosition::Above998, FunnelPosition::Below998, FunnelPosition::Within]);
    let at = plot.limits.iter().find(|l| l.upper_95.is_some() && l.denominator > 9_000.0).unwrap();
    assert!(at.lower_95.unwrap() < 500.0 && at.upper_95.unwrap() > 500.0 && at.upper_99_8.unwrap() > at.upper_95.unwrap());
}

#[test]
fn real_download_and_overdispersion() {
    let mut session = Session::new();
    let file = "fingertips/ncmp_reception_prev_overweight_dist.csv";
    session.load(file, &std::fs::read(format!("{SAMPLES}{file}")).unwrap(), &LoadOptions::default());
    let spec = ViewSpec { view: "funnel".into(), area: Some("E07000241".into()), ..ViewSpec::default() };
    let output = session.view(&spec).unwrap();
    let ViewModel::Funnel(plain) = &output.model else { panic!("funnel") };
    assert_eq!((plain.points.len(), plain.target_name.as_str(), plain.target), (10, "England", 22.27767));
    assert!(plain.overdispersion.is_none());
    assert_eq!(plain.points.iter().filter(|p| p.selected).count(), 1);
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
    for method in [OverdispersionMethod::Multiplicative, OverdispersionMethod::Additive] {
        let spec = ViewSpec { overdispersion: method, ..spec.clone() };
        let output = session.view(&spec).unwrap();
        let ViewModel::Funnel(view) = &output.model else { panic!("funnel") };
        let used = view.overdispersion.as_ref().expect("stated when on");
        assert_eq!(used.method, method);
        assert!(view.method.contains("overdispersion") && output.caption.contains("overdispersion"));
        assert!(used.phi >= 1.0 && used.tau_squared >= 0.0);
    }
    let (w, h) = preferred_size(&output.model);
    let svg = render_svg(&output.model, w, h).unwrap();
    assert!(svg.contains("Welwyn Hatfield") && svg.contains("99.8% limits") && svg.contains("<circle") && svg.contains("<polyline"));
}

#[test]
fn fewer_than_three_areas_is_an_error() {
    let row = |code: &str, value: &str| FtRow {
        indicator_id: "1".into(),
        indicator_name: "Tiny proportion (%)".into(),
        area_code: code.into(),
        area_name: code.into(),
        area_type: "Districts".into(),
        period: "2020".into(),
        value: value.into(),
        count: "10".into(),
        denominator: "100".into(),
        ..FtRow::default()
    };
    let text = fingertips_csv(&[row("E07000095", "10"), row("E07000098", "10")]);
    let mut session = Session::new();
    session.load("tiny.csv", text.as_bytes(), &LoadOptions::default());
    let err = session.view(&ViewSpec { view: "funnel".into(), ..ViewSpec::default() }).unwrap_err();
    assert!(matches!(&err, ViewError::Unusable(m) if m.contains("at least 3 areas")), "{err}");
    let path = std::env::temp_dir().join(format!("il-funnel-tiny-{}.csv", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let args: Vec<String> = ["view", "funnel", path.to_str().unwrap(), "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 1);
    assert!(String::from_utf8_lossy(&err).contains("at least 3 areas"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn cli_json_has_the_contract_fields() {
    let file = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv");
    let args: Vec<String> = ["view", "funnel", &file, "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(json["target"].is_number());
    for key in ["code", "name", "value", "denominator", "position"] {
        assert!(!json["points"][0][key].is_null(), "{key}");
    }
    for key in ["denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8"] {
        assert!(json["limits"][50][key].is_number(), "{key}");
    }
}
