//! The compare-areas view model and its SVG chart, checked natively on a hand-built dataset.

mod common;
use common::benchmark_rows as support;

use indicator_lens::chart::render_svg;
use indicator_lens::view::{build_view, SortOrder, ViewModel, ViewSpec};

fn spec(json: &str) -> ViewSpec {
    serde_json::from_str(json).expect("spec")
}

fn compare_areas(model: ViewModel) -> indicator_lens::view::CompareAreasView {
    match model {
        ViewModel::CompareAreas(view) => view,
        #[allow(unreachable_patterns)]
        other => panic!("expected compare areas, got {other:?}"),
    }
}

#[test]
fn defaults_build_compare_areas_for_local_areas_against_england() {
    let dataset = support::counties();
    let view = compare_areas(build_view(&dataset, &ViewSpec::default()).expect("view"));
    assert_eq!(view.area_type, "Upper tier local authorities");
    assert_eq!(view.bars.len(), 6, "England and the region are not bars");
    assert_eq!(view.benchmark_name, "England");
    assert_eq!(view.benchmark_value, Some(22.28));
    assert_eq!(view.bars[0].area_name, "Derby", "highest value first");
    assert_eq!(view.bars.last().map(|b| b.area_name.as_str()), Some("Nottingham"), "missing values last");
    let derbyshire = view.bars.iter().find(|b| b.area_name == "Derbyshire").expect("bar");
    assert_eq!(derbyshire.label, "Lower");
    assert_eq!(derbyshire.colour, "#5555E6");
    assert!(derbyshire.comparison_text.contains("wholly below England 22.28"));
    let labels: Vec<&str> = view.legend.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, vec!["Similar", "Higher", "Lower", "Not compared"]);
}

#[test]
fn spec_json_sets_polarity_sort_level_and_area() {
    let dataset = support::counties();
    let json = r#"{"view":"compare-areas","indicator":"1","period":"2023/24","area":"E06000015",
        "comparator":"england","level":95,"sort":"name","polarity":{"1":"low"}}"#;
    let view = compare_areas(build_view(&dataset, &spec(json)).expect("view"));
    assert_eq!(view.sort, SortOrder::Name);
    assert_eq!(view.bars[0].area_name, "Derby");
    assert!(view.bars[0].selected);
    assert_eq!(view.bars[0].label, "Worse");
    assert_eq!(view.bars[1].label, "Better");
    let table = view.table();
    assert_eq!(table.header[0], "Area code");
    assert_eq!(table.rows.len(), 6);
    assert!(table.to_csv().contains("Derbyshire,19.33,18.94,19.73,Better"));
    let json_out = serde_json::to_value(ViewModel::CompareAreas(view)).expect("json");
    assert_eq!(json_out["view"], "compare_areas");
    assert_eq!(json_out["level"], 95.0);
}

#[test]
fn bad_specs_are_errors_not_panics() {
    let dataset = support::counties();
    assert!(build_view(&dataset, &spec(r#"{"indicator":"nope"}"#)).is_err());
    assert!(build_view(&dataset, &spec(r#"{"period":"1999"}"#)).is_err());
    assert!(build_view(&dataset, &spec(r#"{"view":"pie"}"#)).is_err());
    assert!(build_view(&dataset, &spec(r#"{"polarity":{"1":"sideways"}}"#)).is_err());
    assert!(build_view(&indicator_lens::model::Dataset::new(), &ViewSpec::default()).is_err());
    assert!(serde_json::from_str::<ViewSpec>(r#"{"level":90}"#).is_err());
}

#[test]
fn svg_has_a_bar_per_value_whiskers_benchmark_line_and_text_legend() {
    let dataset = support::counties();
    let view = build_view(&dataset, &spec(r#"{"polarity":{"1":"low"}}"#)).expect("view");
    let svg = render_svg(&view, 800, 400).expect("svg");
    assert!(svg.starts_with("<svg"));
    let fills = |hex: &str| svg.matches(&format!("fill=\"{hex}\"")).count();
    assert_eq!(fills("#C00000"), 1 + 1, "Derby's bar and its legend swatch");
    assert_eq!(fills("#92D050"), 1 + 1, "Derbyshire's bar and swatch");
    assert_eq!(fills("#FFC000"), 2 + 1, "Leicester and Leicestershire, and swatch");
    for text in ["Derby", "Derbyshire", "Leicestershire", "Nottinghamshire", "Better", "Similar", "Worse", "Not compared", "England 22.28"] {
        assert!(svg.contains(text), "missing text {text}");
    }
    assert!(svg.contains("stroke=\"#000000\""), "black benchmark line and whiskers");
    assert!(render_svg(&view, 0, 10).is_err());
    assert!(render_svg(&view, 200, 120).is_ok(), "small sizes still draw");
}
