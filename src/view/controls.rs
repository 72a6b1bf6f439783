//! The page's controls as Rust knows them: what each is (label, kind, choices), the spec built from their
//! values, and their values read back from a spec (a link, a snapshot, an element's attributes).

use super::registry::find_view;
use super::spec::{ViewError, ViewSpec};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Where a select's choices come from when they depend on what is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceSource {
    /// The choices written in the control itself.
    Fixed,
    /// Every loaded indicator.
    Indicators,
    /// Every loaded indicator but the one chosen as `indicator`.
    OtherIndicators,
    /// The chosen indicator's periods, newest first.
    Periods,
    /// The chosen indicator's periods after its first (a rebase point).
    LaterPeriods,
    /// Every local area type.
    AreaTypes,
    /// Every area below England, grouped by area type.
    Areas,
}

/// One control of the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ControlInfo {
    /// The name the page and `spec_from_controls` use (`level`, `relative_change_percent`).
    pub name: &'static str,
    /// The label shown beside it.
    pub label: &'static str,
    /// `select`, `number` or `text`.
    pub kind: &'static str,
    /// Fixed choices as (value, label), first the default; loaded choices are added after them.
    pub choices: Vec<(&'static str, &'static str)>,
    /// Where the rest of the choices come from.
    pub source: ChoiceSource,
}

fn select(name: &'static str, label: &'static str, choices: &[(&'static str, &'static str)], source: ChoiceSource) -> ControlInfo {
    ControlInfo { name, label, kind: "select", choices: choices.to_vec(), source }
}

fn input(name: &'static str, label: &'static str, kind: &'static str) -> ControlInfo {
    ControlInfo { name, label, kind, choices: Vec::new(), source: ChoiceSource::Fixed }
}

/// What the control `name` is; None for a name no view uses.
pub fn control_info(name: &str) -> Option<ControlInfo> {
    use ChoiceSource::*;
    Some(match name {
        "indicator" => select("indicator", "Indicator", &[], Indicators),
        "period" => select("period", "Period", &[], Periods),
        "area_type" => select("area_type", "Area type", &[("", "Automatic")], AreaTypes),
        "comparator" => select("comparator", "Compared with", &[("england", "England"), ("parent", "Region / parent")], Fixed),
        "level" => select("level", "Confidence", &[("", "As each file shows"), ("95", "95% for all"), ("99.8", "99.8% for all")], Fixed),
        "sort" => select("sort", "Sort", &[("value", "By value"), ("name", "By name")], Fixed),
        "area" => select("area", "Area", &[("", "Automatic")], Areas),
        "comparator_period" => select("comparator_period", "Direction since", &[("", "Previous period")], Periods),
        "improvement" => select(
            "improvement",
            "Improvement is",
            &[("", "From polarity"), ("increase", "An increase"), ("decrease", "A decrease"), ("neutral", "Neither")],
            Fixed,
        ),
        "relative_change_percent" => input("relative_change_percent", "Change threshold without intervals (%)", "number"),
        "target" => input("target", "Target (SPC assurance)", "number"),
        "bands" => input("bands", "Age bands (e.g. 2-4, 5-16, 17-19)", "text"),
        "target_share" => input("target_share", "Access target (%)", "number"),
        "estimated_need" => input("estimated_need", "Estimated need (people, overrides)", "number"),
        "indicator_y" => select("indicator_y", "Against indicator", &[], OtherIndicators),
        "shift_length" => select("shift_length", "Shift rule", &[("7", "7 points"), ("8", "8 points")], Fixed),
        "trend_length" => select("trend_length", "Trend rule", &[("7", "7 points"), ("6", "6 points")], Fixed),
        "two_in_three" => select("two_in_three", "Two in three beyond 2σ", &[("on", "On"), ("off", "Off")], Fixed),
        "rebase" => select("rebase", "Rebase (new limits) from", &[("", "No rebase")], LaterPeriods),
        "overdispersion" => select(
            "overdispersion",
            "Overdispersion",
            &[("none", "None (Poisson / binomial limits)"), ("multiplicative", "Multiplicative (φ)"), ("additive", "Additive (τ²)")],
            Fixed,
        ),
        _ => return None,
    })
}

/// Choices that are not controls of a view but travel in every spec: polarity, level and value type per
/// indicator, and the notes on periods.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct IndicatorChoices {
    /// Polarity by indicator key (`high`, `low`, `none`).
    pub polarity: BTreeMap<String, String>,
    /// Comparison level by indicator key (95 or 99.8).
    pub levels: BTreeMap<String, f64>,
    /// Value type by indicator key (`Proportion`, `Rate`, …).
    pub value_types: BTreeMap<String, String>,
    /// Notes on periods (`{indicator, period, text}`).
    pub annotations: Vec<Value>,
}

fn number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite()).map(Some).ok_or_else(|| format!("`{text}` is not a number"))
}

/// The spec for `view` from the page's control values (as the controls hold them: text) and the indicator
/// choices. Only the controls the view has are read, so a selection made in another view never filters this one.
pub fn spec_from_controls(view: &str, values: &BTreeMap<String, String>, choices: &IndicatorChoices) -> Result<ViewSpec, ViewError> {
    let entry = find_view(view).ok_or_else(|| super::registry::unknown_view(view))?;
    let bad = |name: &str, message: String| ViewError::Unavailable(format!("{name}: {message}"));
    let mut spec = Map::new();
    spec.insert("view".into(), json!(entry.id.replace('-', "_")));
    let get = |name: &str| values.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    for &control in entry.controls {
        let Some(text) = get(control) else { continue };
        match control {
            "level" | "target" | "estimated_need" => {
                spec.insert(control.into(), json!(number(text).map_err(|m| bad(control, m))?));
            }
            "target_share" => {
                spec.insert(control.into(), json!(number(text).map_err(|m| bad(control, m))?.map(|p| p / 100.0)));
            }
            "relative_change_percent" => {
                spec.insert("direction".into(), json!({ "relative_change_percent": number(text).map_err(|m| bad(control, m))? }));
            }
            "bands" => {
                let bands: Vec<&str> = text.split(',').map(str::trim).filter(|b| !b.is_empty()).collect();
                spec.insert("bands".into(), json!(bands));
            }
            "rebase" => {
                spec.insert("rebase".into(), json!([text]));
            }
            "indicator_y" => {
                if let Some(x) = get("indicator") {
                    spec.insert("indicators".into(), json!([x, text]));
                }
            }
            "shift_length" | "trend_length" | "two_in_three" => {}
            other => {
                spec.insert(other.into(), json!(text));
            }
        }
    }
    if entry.controls.contains(&"shift_length") && ["shift_length", "trend_length", "two_in_three"].iter().any(|c| get(c).is_some()) {
        let length = |name: &str| -> Result<u64, ViewError> {
            let text = get(name).unwrap_or("7");
            text.parse::<u64>().map_err(|_| bad(name, format!("`{text}` is not a whole number of points")))
        };
        spec.insert(
            "spc_rules".into(),
            json!({ "shift_length": length("shift_length")?, "trend_length": length("trend_length")?, "two_in_three": get("two_in_three") != Some("off") }),
        );
    }
    let indicator_choices = [
        ("polarity", json!(choices.polarity)),
        ("levels", json!(choices.levels)),
        ("value_types", json!(choices.value_types)),
        ("annotations", json!(choices.annotations)),
    ];
    for (name, value) in indicator_choices {
        spec.insert(name.into(), value);
    }
    serde_json::from_value(Value::Object(spec)).map_err(|e| ViewError::Unavailable(format!("the view's settings cannot be read: {e}")))
}

/// The control values a spec holds (for restoring the page from a link, a snapshot or attributes).
pub fn controls_from_spec(spec: &ViewSpec) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let mut put = |name: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            values.insert(name.to_owned(), v);
        }
    };
    put("indicator", spec.indicator.clone());
    put("period", spec.period.clone());
    put("area", spec.area.clone());
    put("area_type", spec.area_type.clone());
    put("comparator", Some(spec.comparator.text()));
    put("level", spec.level.map(|l| l.percent().to_string()));
    put("sort", serde_json::to_value(spec.sort).ok().and_then(|v| v.as_str().map(str::to_owned)));
    put("comparator_period", spec.comparator_period.clone());
    put("improvement", spec.improvement.clone());
    put("target", spec.target.map(|t| t.to_string()));
    put("estimated_need", spec.estimated_need.map(|t| t.to_string()));
    put("target_share", spec.target_share.map(|t| (t * 100.0).to_string()));
    put("bands", Some(spec.bands.join(", ")));
    put("rebase", spec.rebase.first().cloned());
    put("overdispersion", serde_json::to_value(spec.overdispersion).ok().and_then(|v| v.as_str().map(str::to_owned)));
    put("shift_length", Some(spec.spc_rules.shift_length.to_string()));
    put("trend_length", Some(spec.spc_rules.trend_length.to_string()));
    put("two_in_three", Some(if spec.spc_rules.two_in_three { "on" } else { "off" }.to_owned()));
    put("relative_change_percent", Some(spec.direction.relative_change_percent.to_string()));
    if let [_, y] = spec.indicators.as_slice() {
        put("indicator_y", Some(y.clone()));
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_control_of_every_view_is_described() {
        for view in super::super::registry::VIEWS {
            for control in view.controls {
                assert!(control_info(control).is_some(), "{} has undescribed control {control}", view.id);
            }
        }
    }

    #[test]
    fn only_the_views_own_controls_are_read() {
        let v = values(&[("indicator", "93106"), ("sort", "name"), ("target_share", "34"), ("level", "99.8")]);
        let spec = spec_from_controls("compare-areas", &v, &IndicatorChoices::default()).unwrap();
        assert_eq!(spec.indicator.as_deref(), Some("93106"));
        assert_eq!(spec.target_share, None, "access's control is not compare areas'");
        assert_eq!(spec.level.map(|l| l.percent()), Some(99.8));
        let access = spec_from_controls("access", &v, &IndicatorChoices::default()).unwrap();
        assert_eq!(access.target_share, Some(0.34));
        assert_eq!(access.indicator, None);
    }

    #[test]
    fn bad_values_are_refused_with_the_control_named() {
        let err = spec_from_controls("access", &values(&[("target_share", "lots")]), &IndicatorChoices::default()).unwrap_err();
        assert_eq!(err.to_string(), "target_share: `lots` is not a number");
        assert!(spec_from_controls("sideways", &BTreeMap::new(), &IndicatorChoices::default()).is_err());
        let err = spec_from_controls("compare-areas", &values(&[("level", "90")]), &IndicatorChoices::default()).unwrap_err();
        assert!(err.to_string().contains("95 or 99.8"), "{err}");
    }

    #[test]
    fn a_spec_round_trips_through_its_control_values() {
        let v = values(&[("indicator", "1"), ("area", "E06000015"), ("shift_length", "8"), ("two_in_three", "off"), ("rebase", "Apr 2019"), ("target", "40")]);
        let choices = IndicatorChoices { polarity: [("1".to_owned(), "low".to_owned())].into(), ..IndicatorChoices::default() };
        let spec = spec_from_controls("spc", &v, &choices).unwrap();
        assert_eq!((spec.spc_rules.shift_length, spec.spc_rules.two_in_three), (8, false));
        assert_eq!(spec.polarity.get("1").map(String::as_str), Some("low"));
        let back = controls_from_spec(&spec);
        let again = spec_from_controls("spc", &back, &choices).unwrap();
        assert_eq!(again, spec);
    }
}
