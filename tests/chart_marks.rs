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
