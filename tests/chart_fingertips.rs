//! Charts drawn from the real Fingertips downloads: one coloured bar per area, labels and colours as compared.

use indicator_lens::chart::{render_svg, suggested_compare_areas_height};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::model::Dataset;
use indicator_lens::view::{build_view, ViewModel, ViewSpec};

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/fingertips/");

fn load(file: &str) -> Dataset {
    let bytes = std::fs::read(format!("{SAMPLES}{file}")).expect("sample");
    let mut session = indicator_lens::session::Session::new();
    let report = session.load(file, &bytes, &LoadOptions::default());
    let dataset = session.dataset;
    assert!(report.is_usable(), "{report:?}");
    dataset
}

#[test]
fn district_bars_match_the_published_england_labels_and_draw_one_rect_each() {
    let dataset = load("ncmp_reception_prev_overweight_dist.csv");
    let spec: ViewSpec = serde_json::from_str(r#"{"area":"E07000095"}"#).expect("spec");
    let model = build_view(&dataset, &spec).expect("view");
    let ViewModel::CompareAreas(view) = &model else { panic!("not compare areas") };
    assert_eq!(view.area_type, "Lower tier local authorities (post 4/23)");
    assert_eq!(view.bars.len(), 10);
    assert_eq!(view.benchmark_name, "England");
    assert_eq!(view.benchmark_value, Some(22.27767));
    for bar in &view.bars {
        let area = dataset.find_area(&bar.area_code).expect("area");
        let published = dataset.rows().find(|o| o.area == area).map(|o| dataset.text(o.published_england)).unwrap_or("");
        assert_eq!(bar.label, published, "{}", bar.area_name);
    }
    let svg = render_svg(&model, 900, suggested_compare_areas_height(view)).expect("svg");
    let better = view.bars.iter().filter(|b| b.label == "Better").count();
    let similar = view.bars.iter().filter(|b| b.label == "Similar").count();
    assert_eq!(svg.matches("fill=\"#92D050\"").count(), better + 1, "bars plus legend swatch");
    assert_eq!(svg.matches("fill=\"#FFC000\"").count(), similar + 1);
    assert!(svg.contains("Broxbourne") && svg.contains("England 22.28"));
}

#[test]
fn msoa_view_with_many_bars_renders_and_parent_benchmark_is_hertfordshire() {
    let dataset = load("ncmp_reception_prev_overweight.csv");
    let spec: ViewSpec = serde_json::from_str(r#"{"comparator":"parent","level":99.8,"sort":"name"}"#).expect("spec");
    let model = build_view(&dataset, &spec).expect("view");
    let ViewModel::CompareAreas(view) = &model else { panic!("not compare areas") };
    assert_eq!(view.bars.len(), 154);
    assert_eq!(view.benchmark_name, "Hertfordshire");
    assert_eq!(view.benchmark_value, Some(19.3323));
    let svg = render_svg(&model, 900, suggested_compare_areas_height(view)).expect("svg");
    assert!(svg.contains("99.8% CI vs Hertfordshire"));
    assert_eq!(model.table().rows.len(), 154);
}

#[test]
fn overview_and_spine_from_a_fingertips_download() {
    let dataset = load("ncmp_reception_prev_overweight_dist.csv");
    let overview: ViewSpec = serde_json::from_str(r#"{"view":"overview"}"#).expect("spec");
    let model = build_view(&dataset, &overview).expect("overview");
    let ViewModel::Overview(view) = &model else { panic!("not an overview") };
    assert_eq!(view.columns[0].area_name, "England");
    assert_eq!(view.columns.len(), 1 + 10, "England then the districts (no region in this file)");
    assert!(render_svg(&model, 1000, 200).is_ok());
    let spine: ViewSpec = serde_json::from_str(r#"{"view":"spine","area":"Broxbourne"}"#).expect("spec");
    let model = build_view(&dataset, &spine).expect("spine");
    let ViewModel::Spine(view) = &model else { panic!("not a spine") };
    assert_eq!(view.rows.len(), 1);
    let row = &view.rows[0];
    assert_eq!((row.left_heading.as_str(), row.right_heading.as_str()), ("Worst", "Best"), "polarity learnt: low is good");
    assert_eq!(row.label, "Similar");
    assert!(render_svg(&model, 900, 120).is_ok());
}
