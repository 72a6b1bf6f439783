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

#[test]
fn every_scatter_point_has_a_mark_keyed_by_its_area() {
    let session = session_of(&["east-midlands-cyp-profile-wide-by-area.csv"]);
    let indicators: Vec<String> = session.dataset.indicators.iter().take(2).map(|i| i.key().to_owned()).collect();
    let spec = ViewSpec { view: "scatter".into(), indicators, area: Some("Derby".into()), ..ViewSpec::default() };
    let (model, found, size) = marks_of(&session, spec);
    let ViewModel::Scatter(view) = model else { panic!("scatter") };
    assert!(view.points.len() >= 3);
    assert_eq!(found.len(), view.points.len(), "one mark per point");
    for (point, mark) in view.points.iter().zip(&found) {
        assert!(inside(mark, size), "{mark:?}");
        assert!(mark.text.contains(&point.name), "{}", mark.text);
        assert!(mark.text.contains(&view.indicator_x) && mark.text.contains(&view.indicator_y), "{}", mark.text);
        assert_eq!(mark.area, key(&point.code, &point.name));
    }
    let selected: Vec<_> = view.points.iter().zip(&found).filter(|(p, _)| p.selected).collect();
    assert_eq!(selected.len(), 1);
    assert!(selected[0].1.x1 - selected[0].1.x0 > found.iter().map(|m| m.x1 - m.x0).min().unwrap_or(0), "the highlighted point is bigger");
}

#[test]
fn every_funnel_point_has_a_mark_with_its_position() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight_dist.csv"]);
    let spec = ViewSpec { view: "funnel".into(), area: Some("E07000241".into()), ..ViewSpec::default() };
    let (model, found, size) = marks_of(&session, spec);
    let ViewModel::Funnel(view) = model else { panic!("funnel") };
    assert_eq!(view.points.len(), 10);
    assert_eq!(found.len(), view.points.len(), "one mark per point");
    for (point, mark) in view.points.iter().zip(&found) {
        assert!(inside(mark, size), "{mark:?}");
        assert!(mark.text.contains(&point.name) && mark.text.contains(&view.period), "{}", mark.text);
        assert!(mark.text.to_lowercase().contains(point.position.text()), "{}", mark.text);
        assert!(mark.text.contains("Count") && mark.text.contains(&view.denominator_label), "{}", mark.text);
        assert_eq!(mark.area, key(&point.code, &point.name));
    }
    // Larger denominators sit further right.
    let mut by_denominator: Vec<_> = view.points.iter().zip(&found).collect();
    by_denominator.sort_by(|a, b| a.0.denominator.total_cmp(&b.0.denominator));
    assert!(by_denominator.windows(2).all(|w| w[0].1.x0 <= w[1].1.x0));
}

#[test]
fn district_map_has_one_mark_per_drawn_hex() {
    let session = session_of(&["fingertips/ncmp_reception_prev_overweight_dist.csv"]);
    let spec = ViewSpec { view: "map".into(), area: Some("E07000241".into()), ..ViewSpec::default() };
    let (model, found, size) = marks_of(&session, spec);
    let svg = indicator_lens::chart::render_svg(&model, size.0, size.1).expect("svg");
    let ViewModel::Map(view) = model else { panic!("map") };
    let filled: Vec<_> = view.areas.iter().filter(|a| !a.outline_only).collect();
    let hexes: usize = filled.iter().map(|a| a.hexes.len()).sum();
    assert_eq!(hexes, 10);
    assert_eq!(found.len(), hexes, "one mark per drawn hex; the county outline has none");
    for area in &filled {
        let own: Vec<_> = found.iter().filter(|m| m.area == key(&area.code, &area.name)).collect();
        assert_eq!(own.len(), area.hexes.len(), "{}", area.name);
        for mark in own {
            assert!(inside(mark, size), "{mark:?}");
            assert!(mark.x1 - mark.x0 >= 8 && mark.y1 - mark.y0 >= 8, "a hex-sized box: {mark:?}");
            assert!(mark.text.contains(&area.name) && mark.text.contains(&area.category) && mark.text.contains(&view.period), "{}", mark.text);
        }
    }
    // Hexes do not stack: no two marks share a centre.
    let centres: std::collections::BTreeSet<_> = found.iter().map(|m| (m.x0 + m.x1, m.y0 + m.y1)).collect();
    assert_eq!(centres.len(), found.len());
    // Each mark is the bounding box of a filled (non-background) hexagon in the drawn SVG.
    let boxes: Vec<(i32, i32, i32, i32)> = svg
        .split("<polygon")
        .skip(1)
        .filter(|p| !p.contains("fill=\"#EEEEEE\""))
        .filter_map(|p| {
            let points = p.split("points=\"").nth(1)?.split('"').next()?;
            let xy: Vec<(i32, i32)> =
                points.split_whitespace().filter_map(|c| c.split_once(',')).filter_map(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?))).collect();
            Some(xy.iter().fold((i32::MAX, i32::MAX, i32::MIN, i32::MIN), |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y))))
        })
        .collect();
    assert_eq!(boxes.len(), found.len());
    for mark in &found {
        assert!(boxes.contains(&(mark.x0, mark.y0, mark.x1, mark.y1)), "no hexagon at {mark:?}");
    }
}

#[test]
fn every_inequalities_bar_has_a_mark_naming_its_category() {
    let mut session = Session::new();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ncmp-year6-obesity-deprivation-deciles-fingertips-layout.csv");
    session.load("ncmp-deciles.csv", &std::fs::read(fixture).expect("fixture readable"), &LoadOptions::default());
    let (model, found, size) = marks_of(&session, ViewSpec { view: "inequalities".into(), ..ViewSpec::default() });
    let ViewModel::Inequalities(view) = model else { panic!("inequalities") };
    assert!(view.groups.len() >= 10);
    assert_eq!(found.len(), view.groups.len(), "one mark per category");
    for (group, mark) in view.groups.iter().zip(&found) {
        assert!(inside(mark, size), "{mark:?}");
        assert!(mark.text.contains(&group.category) && mark.text.contains(&group.compared_to_area), "{}", mark.text);
        assert!(mark.text.contains(&format!("Compared with {}", view.area_name)), "{}", mark.text);
        if let (Some(_), Some(_)) = (group.lower, group.upper) {
            assert!(mark.text.contains("CI"), "{}", mark.text);
        }
        assert_eq!(mark.area, key(&view.area_code, &view.area_name));
    }
    assert!(found.windows(2).all(|w| w[0].y0 < w[1].y0), "bars top to bottom");
}
