//! Overview (tartan rug) and spine view models and their SVG charts on a hand-built dataset.

mod common;
use common::benchmark_rows as support;

use indicator_lens::chart::render_svg;
use indicator_lens::view::{build_view, ColumnRole, ViewModel, ViewSpec};
use support::{add_rows, TestRow};

fn spec(json: &str) -> ViewSpec {
    serde_json::from_str(json).expect("spec")
}

fn two_indicators() -> indicator_lens::model::Dataset {
    let mut dataset = support::counties();
    add_rows(
        &mut dataset,
        &[
            TestRow::new("2", "E92000001", "England", 60.0, 59.5, 60.5),
            TestRow::new("2", "E12000004", "East Midlands region", 62.0, 61.0, 63.0),
            TestRow::new("2", "E06000015", "Derby", 55.0, 53.0, 57.0),
            TestRow::new("2", "E10000007", "Derbyshire", 66.0, 64.0, 68.0),
            TestRow::new("2", "E06000016", "Leicester", 59.0, 57.0, 61.0),
            TestRow::new("2", "E10000018", "Leicestershire", 61.0, 60.0, 62.0),
        ],
    );
    dataset
}

#[test]
fn overview_puts_england_and_region_first_and_colours_cells() {
    let dataset = two_indicators();
    let model = build_view(&dataset, &spec(r#"{"view":"overview","polarity":{"1":"low","2":"high"}}"#)).expect("view");
    let ViewModel::Overview(view) = &model else { panic!("not an overview") };
    let roles: Vec<ColumnRole> = view.columns.iter().map(|c| c.role).collect();
    assert_eq!(roles[..2], [ColumnRole::England, ColumnRole::Region]);
    assert_eq!(view.columns.len(), 2 + 6);
    assert_eq!(view.rows.len(), 2);
    let england_cell = &view.rows[0].cells[0];
    assert_eq!((england_cell.value_text.as_str(), england_cell.colour.as_str(), england_cell.label.as_str()), ("22.28", "#FFFFFF", ""));
    let region_cell = &view.rows[0].cells[1];
    assert_eq!(region_cell.label, "Worse", "region 22.8–23.2 above England, low is good");
    let derby = view.columns.iter().position(|c| c.area_name == "Derby").expect("Derby");
    assert_eq!(view.rows[1].cells[derby].label, "Worse");
    assert_eq!(view.rows[1].cells[derby].colour, "#C00000");
    let table = model.table();
    assert_eq!(table.header[2], "England");
    assert_eq!(table.rows.len(), 2);
    let svg = render_svg(&model, 900, 300).expect("svg");
    let cells = svg.matches("<rect").count();
    assert!(cells >= 2 * 8, "a rect per cell, got {cells}");
    assert!(svg.contains("#C00000") && svg.contains("22.28") && svg.contains("Derbyshire"));
    assert!(svg.contains("rotate"), "area names rotated in the header");
}

#[test]
fn spine_centres_on_england_and_flips_for_low_is_good() {
    let dataset = two_indicators();
    let model = build_view(&dataset, &spec(r#"{"view":"spine","area":"Derby","polarity":{"1":"low","2":"high"}}"#)).expect("view");
    let ViewModel::Spine(view) = &model else { panic!("not a spine") };
    assert_eq!(view.area_name, "Derby");
    assert_eq!(view.rows.len(), 2);
    let low_is_good = &view.rows[0];
    assert_eq!(low_is_good.left_heading, "Worst");
    assert_eq!(low_is_good.left_value, "25.00", "highest is worst when low is good");
    assert_eq!(low_is_good.right_value, "19.33");
    // England 22.28; half width = max(|19.33−22.28|, |25−22.28|) = 2.95; Derby 25 is worse → left.
    let marker = low_is_good.marker.expect("marker");
    assert!((marker + (25.0 - 22.28) / 2.95).abs() < 1e-9, "{marker}");
    assert_eq!(low_is_good.range_to, Some(1.0));
    assert_eq!(low_is_good.label, "Worse");
    let high_is_good = &view.rows[1];
    assert_eq!(high_is_good.right_value, "66.00");
    assert!(high_is_good.marker.expect("marker") < 0.0);
    assert!(high_is_good.band_from <= high_is_good.band_to);
    let table = model.table();
    assert_eq!(table.header[..5], ["Indicator", "Period", "Count", "Value", "England"]);
    let svg = render_svg(&model, 900, 200).expect("svg");
    assert_eq!(svg.matches("<circle").count(), 2 * 2, "filled marker and its outline per row");
    assert!(svg.contains("Derby") && svg.contains("#C00000"));

    let unjudged = build_view(&dataset, &spec(r#"{"view":"spine","area":"E06000015"}"#)).expect("view");
    let ViewModel::Spine(unjudged) = unjudged else { panic!("not a spine") };
    assert_eq!(unjudged.rows[0].left_heading, "Lowest");
    assert_eq!(unjudged.rows[0].left_value, "19.33");
}

#[test]
fn spine_needs_a_known_area() {
    let dataset = two_indicators();
    assert!(build_view(&dataset, &spec(r#"{"view":"spine","area":"Atlantis"}"#)).is_err());
    assert!(build_view(&dataset, &spec(r#"{"view":"spine"}"#)).is_ok(), "defaults to a local area");
}
