//! Compare indicators (`scatter`): points, least-squares line and R² against a direct computation; errors; chart; CLI.

use indicator_lens::chart::{preferred_size, render_svg};
use indicator_lens::cli::run;
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewError, ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");
const WIDE: &str = "east-midlands-cyp-profile-wide-by-area.csv";

fn session(files: &[&str]) -> Session {
    let mut session = Session::new();
    for file in files {
        let bytes = std::fs::read(format!("{SAMPLES}{file}")).unwrap();
        session.load(file, &bytes, &LoadOptions::default());
    }
    session
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut out, &mut err);
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

/// R² as the squared Pearson correlation, computed from raw sums (a different route from the view's).
fn pearson_r_squared(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (sx, sy): (f64, f64) = (x.iter().sum(), y.iter().sum());
    let sxx: f64 = x.iter().map(|v| v * v).sum();
    let syy: f64 = y.iter().map(|v| v * v).sum();
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| a * b).sum();
    let r = (n * sxy - sx * sy) / ((n * sxx - sx * sx).sqrt() * (n * syy - sy * sy).sqrt());
    r * r
}

#[test]
fn r_squared_equals_direct_computation() {
    let session = session(&[WIDE]);
    let keys: Vec<String> = session.dataset.indicators.iter().take(2).map(|i| i.key().to_owned()).collect();
    let spec = ViewSpec { view: "scatter".into(), indicators: keys, area: Some("Derby".into()), ..ViewSpec::default() };
    let output = session.view(&spec).unwrap();
    let ViewModel::Scatter(view) = &output.model else { panic!("scatter") };
    assert!(view.points.len() >= 3);
    let x: Vec<f64> = view.points.iter().map(|p| p.x).collect();
    let y: Vec<f64> = view.points.iter().map(|p| p.y).collect();
    let direct = pearson_r_squared(&x, &y);
    assert!((view.r_squared - direct).abs() < 1e-12, "{} vs {direct}", view.r_squared);
    // The line passes through the means.
    let (mx, my) = (x.iter().sum::<f64>() / x.len() as f64, y.iter().sum::<f64>() / y.len() as f64);
    assert!((view.intercept + view.slope * mx - my).abs() < 1e-9);
    assert_eq!(view.points.iter().filter(|p| p.selected).map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Derby"]);
    assert_eq!(output.table.rows.len(), view.points.len());
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
    let (w, h) = preferred_size(&output.model);
    let svg = render_svg(&output.model, w, h).unwrap();
    assert!(svg.contains("R² = ") && svg.contains("Derby") && svg.contains("<circle"), "svg has line text, highlight, points");
}

#[test]
fn fewer_than_three_areas_is_an_error() {
    // The district download has one indicator; the wide table's indicators share no areas with it.
    let session = session(&["fingertips/ncmp_reception_prev_overweight_dist.csv"]);
    let spec = ViewSpec { view: "scatter".into(), ..ViewSpec::default() };
    assert!(matches!(session.view(&spec), Err(ViewError::Unusable(m)) if m.contains("two indicators")));
    let mixed = self::session(&["fingertips/ncmp_reception_prev_overweight.csv", WIDE]);
    let x = mixed.dataset.indicators[0].key().to_owned();
    let y = mixed.dataset.indicators[1].key().to_owned();
    let spec = ViewSpec { view: "scatter".into(), indicators: vec![x, y], area_type: Some("Middle Super Output Area".into()), ..ViewSpec::default() };
    let err = mixed.view(&spec).unwrap_err();
    assert!(err.to_string().contains("at least 3 areas"), "{err}");
}

#[test]
fn cli_view_and_render() {
    let file = format!("{SAMPLES}{WIDE}");
    let (code, out, err) = cli(&["view", "scatter", &file, "--json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["view"], "scatter");
    for key in ["slope", "intercept", "r_squared"] {
        assert!(json[key].is_number(), "{key}");
    }
    let point = &json["points"][0];
    for key in ["code", "name", "x", "y"] {
        assert!(!point[key].is_null(), "{key}");
    }
    let svg = std::env::temp_dir().join(format!("il-scatter-{}.svg", std::process::id()));
    let (code, _, err) = cli(&["render", "scatter", &file, "--svg", svg.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let _ = std::fs::remove_file(&svg);
    let dist = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv");
    assert_eq!(cli(&["view", "scatter", &dist, "--json"]).0, 1);
    assert_eq!(cli(&["view", "scatter"]).0, 2);
    assert_eq!(cli(&["view", "scatter", &file, "--bogus"]).0, 2);
    assert_eq!(cli(&["render", "scatter", &file]).0, 2);
    // Existing views through the same command.
    let (code, out, err) = cli(&["view", "compare_areas", &dist, "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"view\": \"compare_areas\""));
}
