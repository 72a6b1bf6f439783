//! Hex map: real downloads (counties with MSOAs, districts), every English district & UA and county & UA
//! placed (fixtures built from shared/geo at test time), a user's HexJSON, bad maps and unknown geographies.

mod common;

use common::fingertips_layout::{fingertips_csv, FtRow};
use indicator_lens::chart::{preferred_size, render_svg};
use indicator_lens::cli::run;
use indicator_lens::geo::{MapLevel, GEO_NOTICE};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{MapView, ViewError, ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/");
const LOOKUP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/geo/districts-to-counties-2023.csv");

fn map_of(session: &Session, spec: ViewSpec) -> Result<MapView, ViewError> {
    match session.view(&ViewSpec { view: "map".into(), ..spec })?.model {
        ViewModel::Map(view) => Ok(view),
        other => panic!("not a map: {other:?}"),
    }
}

fn load(session: &mut Session, name: &str, bytes: &[u8]) -> indicator_lens::ingest::FileReport {
    session.load(name, bytes, &LoadOptions::default())
}

fn sample_session(file: &str) -> Session {
    let mut session = Session::new();
    load(&mut session, file, &std::fs::read(format!("{SAMPLES}{file}")).unwrap());
    session
}

#[test]
fn county_download_maps_its_county_and_lists_msoas() {
    let session = sample_session("fingertips/ncmp_reception_prev_overweight.csv");
    let map = map_of(&session, ViewSpec::default()).unwrap();
    assert_eq!(map.level, MapLevel::Counties);
    assert_eq!(map.areas.len(), 1);
    let herts = &map.areas[0];
    assert_eq!((herts.code.as_str(), herts.hexes.len(), herts.category.as_str()), ("E10000015", 10, "Better"));
    assert_eq!(herts.colour, "#92D050");
    assert_eq!(map.unmatched.len(), 154);
    assert!(map.unmatched_reasons.iter().all(|u| u.code.starts_with("E02") && u.reason.contains("super output area")));
    let table = session.view(&ViewSpec { view: "map".into(), ..ViewSpec::default() }).unwrap().table;
    assert_eq!(table.rows.len(), 155, "every local area is in the table");
}

#[test]
fn district_download_places_every_district() {
    let session = sample_session("fingertips/ncmp_reception_prev_overweight_dist.csv");
    let map = map_of(&session, ViewSpec { area: Some("E07000241".into()), ..ViewSpec::default() }).unwrap();
    assert_eq!(map.level, MapLevel::Districts);
    assert!(map.unmatched.is_empty());
    let filled: Vec<_> = map.areas.iter().filter(|a| !a.outline_only).collect();
    assert_eq!(filled.len(), 10);
    assert!(filled.iter().all(|a| a.hexes.len() == 1 && a.value.is_some()));
    // The county row of the download is placed too: its outline around its ten districts.
    let county = map.areas.iter().find(|a| a.outline_only).unwrap();
    assert_eq!((county.code.as_str(), county.hexes.len()), ("E10000015", 10));
    assert_eq!(map.areas.iter().filter(|a| a.selected).count(), 1);
    let output = session.view(&ViewSpec { view: "map".into(), ..ViewSpec::default() }).unwrap();
    let json = serde_json::to_string(&output.model).unwrap();
    assert_eq!(serde_json::from_str::<ViewModel>(&json).unwrap(), output.model);
    let (w, h) = preferred_size(&output.model);
    let svg = render_svg(&output.model, w, h).unwrap();
    assert!(svg.contains("<polygon") && svg.contains("Open Innovations") && svg.contains("Better"), "hexes, attribution, legend");
}

/// A made-up Fingertips download (values invented) for every area of the lookup's districts or upper tiers.
fn every_area_download(upper_tier: bool) -> String {
    let mut reader = csv::Reader::from_path(LOOKUP).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    let mut rows = vec![FtRow {
        indicator_id: "1".into(),
        indicator_name: "Made-up prevalence".into(),
        area_code: "E92000001".into(),
        area_name: "England".into(),
        area_type: "England".into(),
        period: "2023".into(),
        value: "20".into(),
        lower95: "19.9".into(),
        upper95: "20.1".into(),
        ..FtRow::default()
    }];
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let (code, name) = if upper_tier { (&record[2], &record[3]) } else { (&record[0], &record[1]) };
        if !seen.insert(code.to_owned()) {
            continue;
        }
        let value = 15.0 + (i % 11) as f64;
        rows.push(FtRow {
            area_code: code.into(),
            area_name: name.into(),
            area_type: if upper_tier { "Counties & UAs (from Apr 2023)" } else { "Districts & UAs (from Apr 2023)" }.into(),
            value: value.to_string(),
            lower95: (value - 1.0).to_string(),
            upper95: (value + 1.0).to_string(),
            ..rows[0].clone()
        });
    }
    fingertips_csv(&rows)
}

#[test]
fn every_district_and_every_county_is_placed() {
    for (upper_tier, areas, level) in [(false, 296, MapLevel::Districts), (true, 153, MapLevel::Counties)] {
        let mut session = Session::new();
        let report = load(&mut session, "made-up.csv", every_area_download(upper_tier).as_bytes());
        assert!(report.error.is_none(), "{:?}", report.error);
        let map = map_of(&session, ViewSpec::default()).unwrap();
        assert_eq!(map.level, level);
        assert!(map.unmatched.is_empty(), "{:?}", map.unmatched_reasons);
        assert_eq!(map.areas.len(), areas);
        assert_eq!(map.areas.iter().map(|a| a.hexes.len()).sum::<usize>(), 296, "every English hex coloured once");
        assert!(map.background.is_empty());
    }
}

#[test]
fn a_dropped_hexjson_is_preferred_and_bad_ones_are_refused() {
    let mut session = sample_session("fingertips/ncmp_reception_prev_overweight_dist.csv");
    let hexjson = r#"{"layout":"odd-r","hexes":{"E07000095":{"n":"Broxbourne","q":0,"r":0},"E07000098":{"n":"Hertsmere","q":1,"r":0},"X1":{"n":"Elsewhere","q":2,"r":0}}}"#;
    let report = load(&mut session, "herts.hexjson", hexjson.as_bytes());
    assert_eq!(report.format, "hexjson");
    assert!(report.error.is_none(), "{:?}", report.error);
    let map = map_of(&session, ViewSpec::default()).unwrap();
    assert_eq!(map.level, MapLevel::UserMap);
    assert_eq!(map.areas.len(), 2);
    assert_eq!(map.background, vec![[2, 0]]);
    assert_eq!(map.unmatched.len(), 9, "the other districts and the county are listed");
    for bad in [r#"{"layout":"odd-r","hexes":{"A":{"q":1}}}"#, r#"{"layout":"square","hexes":{}}"#, "{\"layout\":\"odd-r\",\"hexes\":"] {
        let report = load(&mut Session::new(), "bad.hexjson", bad.as_bytes());
        assert!(report.error.as_deref().is_some_and(|e| e.starts_with("not a valid HexJSON")), "{bad}: {:?}", report.error);
    }
    let forced = Session::new().load("map.json", b"Area,Value\nA,1\n", &LoadOptions { format: Some("hexjson".into()), ..LoadOptions::default() });
    assert!(forced.error.is_some());
    let path = std::env::temp_dir().join(format!("il-bad-{}.hexjson", std::process::id()));
    std::fs::write(&path, r#"{"layout":"odd-r","hexes":{"A":{"q":"x","r":0}}}"#).unwrap();
    let dist = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight_dist.csv");
    let args: Vec<String> = ["view", "map", &dist, path.to_str().unwrap(), "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 1);
    assert!(String::from_utf8_lossy(&err).contains("not a valid HexJSON"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn codes_of_an_unknown_geography_are_a_clear_error() {
    let rows: Vec<FtRow> = ["E38000001", "E38000002", "E38000003"]
        .iter()
        .map(|code| FtRow {
            indicator_id: "1".into(),
            indicator_name: "Made-up prevalence".into(),
            area_code: (*code).into(),
            area_name: format!("Sub-ICB {code}"),
            area_type: "Sub-ICB".into(),
            period: "2023".into(),
            value: "10".into(),
            ..FtRow::default()
        })
        .collect();
    let mut session = Session::new();
    load(&mut session, "icb.csv", fingertips_csv(&rows).as_bytes());
    let err = map_of(&session, ViewSpec::default()).unwrap_err();
    assert!(err.to_string().contains("unknown geography") && err.to_string().contains("E38000001"), "{err}");
}

#[test]
fn cli_json_and_notice() {
    let file = format!("{SAMPLES}fingertips/ncmp_reception_prev_overweight.csv");
    let args: Vec<String> = ["view", "map", &file, "--json"].iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let area = &json["areas"][0];
    for key in ["code", "name", "value", "category", "hexes"] {
        assert!(!area[key].is_null(), "{key}");
    }
    assert_eq!(area["hexes"][0].as_array().unwrap().len(), 2);
    assert_eq!(json["unmatched"].as_array().unwrap().len(), 154);
    assert!(GEO_NOTICE.contains("Permission is hereby granted"));
}
