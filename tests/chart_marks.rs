//! `chart::marks`: every drawn mark has a pixel box inside the canvas and a tooltip naming what it shows.

use indicator_lens::chart::{marks, preferred_size, ChartMark};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewModel, ViewSpec};

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))).expect("sample readable")
}

fn session_of(files: &[&str]) -> Session {
    let mut session = Session::new();
    for file in files {
        session.load(file, &sample(file), &LoadOptions::default());
    }
    session
}

fn marks_of(session: &Session, spec: ViewSpec) -> (ViewModel, Vec<ChartMark>, (u32, u32)) {
    let model = session.view(&spec).unwrap_or_else(|e| panic!("{}: {e}", spec.view)).model;
    let (w, h) = preferred_size(&model);
    let found = marks(&model, w, h).expect("marks");
    (model, found, (w, h))
}

fn inside(mark: &ChartMark, (w, h): (u32, u32)) -> bool {
    mark.x0 >= 0 && mark.y0 >= 0 && mark.x1 <= w as i32 && mark.y1 <= h as i32 && mark.x0 <= mark.x1 && mark.y0 <= mark.y1
}

#[test]
fn every_compare_areas_bar_has_a_mark_naming_its_area() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight.csv"]);
    let (model, found, size) = marks_of(&session, ViewSpec { view: "compare-areas".into(), ..ViewSpec::default() });
    let ViewModel::CompareAreas(view) = model else { panic!("compare areas") };
    assert!(view.bars.len() > 10);
    assert_eq!(found.len(), view.bars.len(), "one mark per bar");
    for (bar, mark) in view.bars.iter().zip(&found) {
        assert!(inside(mark, size), "{mark:?}");
        assert!(mark.text.contains(&bar.area_name), "{}", mark.text);
        assert!(mark.text.contains(&view.period));
        if bar.value.is_some() {
            assert!(mark.x1 - mark.x0 >= 1 && mark.y1 - mark.y0 >= 4, "{mark:?}");
        }
    }
    // Bars go down the canvas in order.
    assert!(found.windows(2).all(|w| w[0].y0 < w[1].y0));
}

#[test]
fn compare_areas_marks_sit_on_the_drawn_bars() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight.csv"]);
    let (model, found, (w, h)) = marks_of(&session, ViewSpec { view: "compare_areas".into(), ..ViewSpec::default() });
    let svg = indicator_lens::chart::render_svg(&model, w, h).unwrap();
    // The same layout code drew the bar: a rectangle starts at the mark's corner.
    let bar = found.iter().find(|m| m.x1 - m.x0 > 5).expect("a wide bar");
    assert!(svg.contains(&format!("<rect x=\"{}\" y=\"{}\"", bar.x0, bar.y0)), "no rect at {bar:?}");
}

#[test]
fn every_view_gives_marks_inside_the_canvas() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight_dist.csv", "east-midlands-cyp-profile-wide-by-area.csv"]);
    for view in ["overview", "spine", "trend", "kpi_summary", "board_summary"] {
        let (_, found, size) = marks_of(&session, ViewSpec { view: view.into(), ..ViewSpec::default() });
        assert!(!found.is_empty(), "{view} has marks");
        for mark in &found {
            assert!(inside(mark, size), "{view}: {mark:?}");
            assert!(!mark.text.trim().is_empty(), "{view}: empty tooltip");
        }
    }
}

#[test]
fn spc_points_have_marks_with_their_rule() {
    let session = session_of(&["eating-disorder-service-monthly-2018-19.csv"]);
    let spec = ViewSpec { view: "spc".into(), indicator: Some("Total Follow Up".into()), ..ViewSpec::default() };
    let (_, found, size) = marks_of(&session, spec);
    assert_eq!(found.len(), 12);
    assert!(found.iter().all(|m| inside(m, size) && m.text.contains("Common cause") && m.text.contains("limits")));
    assert!(found[0].text.contains("Apr 2018: 145"), "{}", found[0].text);
    assert!(found.windows(2).all(|w| w[0].x0 < w[1].x0), "left to right");
}

/// The area key a mark should carry: the code, or the name when there is no code.
fn key(code: &str, name: &str) -> Option<String> {
    Some(if code.is_empty() { name.to_owned() } else { code.to_owned() })
}

#[test]
fn area_marks_carry_their_area_key() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight_dist.csv", "east-midlands-cyp-profile-wide-by-area.csv"]);
    let (model, found, _) = marks_of(&session, ViewSpec { view: "compare_areas".into(), ..ViewSpec::default() });
    let ViewModel::CompareAreas(view) = model else { panic!("compare areas") };
    assert!(!found.is_empty());
    for (bar, mark) in view.bars.iter().zip(&found) {
        assert_eq!(mark.area, key(&bar.area_code, &bar.area_name));
    }
    let json = serde_json::to_string(&found[0]).unwrap_or_default();
    assert!(json.contains(&format!("\"area\":\"{}\"", view.bars[0].area_code)), "{json}");
    assert_eq!(serde_json::from_str::<ChartMark>(&json).ok().as_ref(), found.first());
    let (model, found, _) = marks_of(&session, ViewSpec { view: "overview".into(), ..ViewSpec::default() });
    let ViewModel::Overview(view) = model else { panic!("overview") };
    let columns: Vec<_> = view.columns.iter().map(|c| key(&c.area_code, &c.area_name)).collect();
    assert!(!found.is_empty() && found.iter().all(|m| columns.contains(&m.area)));
    let (model, found, _) = marks_of(&session, ViewSpec { view: "spine".into(), ..ViewSpec::default() });
    let ViewModel::Spine(view) = model else { panic!("spine") };
    assert!(!found.is_empty() && found.iter().all(|m| m.area == key(&view.area_code, &view.area_name)));
    let (model, found, _) = marks_of(&session, ViewSpec { view: "trend".into(), ..ViewSpec::default() });
    let ViewModel::Trend(view) = model else { panic!("trend") };
    let series: Vec<_> = view.series.iter().map(|s| key(&s.area_code, &s.area_name)).collect();
    assert!(found.iter().filter(|m| !m.text.starts_with("Annotation")).all(|m| series.contains(&m.area)));
    let (model, found, _) = marks_of(&session, ViewSpec { view: "kpi_summary".into(), ..ViewSpec::default() });
    let ViewModel::KpiSummary(view) = model else { panic!("kpi summary") };
    let rows: Vec<_> = view.rows.iter().map(|r| key(&r.area_code, &r.area_name)).collect();
    assert!(!found.is_empty() && found.iter().all(|m| rows.contains(&m.area)));
    // Marks for no single area leave the key out of the JSON; area marks include it.
    let (_, found, _) = marks_of(&session, ViewSpec { view: "board_summary".into(), ..ViewSpec::default() });
    assert!(!found.is_empty() && found.iter().all(|m| m.area.is_none() && !serde_json::to_string(m).unwrap_or_default().contains("\"area\"")));
}
