//! The trend view model: one indicator over time for chosen areas (with England and region), intervals,
//! gaps, recent trend, direction of travel, contract-year targets and planned trajectory.

use super::selection::select_indicator;
use super::table::ViewTable;
use super::{polarity_overrides, ViewError, ViewSpec};
use crate::analysis::area_types::is_local_area;
use crate::analysis::direction::{direction_of_travel, Direction, ValueWithInterval};
use crate::analysis::number_text::format_number;
use crate::analysis::polarity::{effective_polarity, polarity_text};
use crate::analysis::recent_trend::{recent_trend, RecentTrend};
use crate::analysis::series::{comparator_row, latest_valued, series_rows, SeriesKey};
use crate::analysis::target_rules::TargetRule;
use crate::analysis::targets::{contract_years, evaluate_targets};
use crate::analysis::trajectory::plan_against_actuals;
use crate::model::{AreaKind, Dataset, Sym};
use serde::{Deserialize, Serialize};

/// One period of a series: missing or suppressed values are kept as gaps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendPointView {
    /// Period label as written.
    pub period: String,
    /// Position on the time axis: the period's midpoint as a fractional year.
    pub x: f64,
    /// Value, when present.
    pub value: Option<f64>,
    /// Lower 95% limit, when present.
    pub lower: Option<f64>,
    /// Upper 95% limit, when present.
    pub upper: Option<f64>,
    /// Value as displayed (empty for a gap).
    pub value_text: String,
    /// Note or suppression marker (`*`, `-`), else empty.
    pub note: String,
}

/// One area's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendSeriesView {
    /// Area code (may be empty).
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// `area`, `england` or `region`: the comparator lines are drawn plainer.
    pub role: String,
    /// Line colour `#RRGGBB`.
    pub colour: String,
    /// Points in time order, gaps included.
    pub points: Vec<TrendPointView>,
    /// Recent trend by Fingertips' rule.
    pub recent_trend: RecentTrend,
    /// Why: the test and numbers.
    pub recent_trend_reason: String,
    /// The file's own `Recent Trend` label on the latest row, if it has one.
    pub published_trend: Option<String>,
    /// Latest period with a value.
    pub latest_period: Option<String>,
    /// Comparator period of the direction of travel.
    pub comparator_period: Option<String>,
    /// Direction of travel since the comparator period.
    pub direction: Direction,
    /// Why: the numbers and the rule.
    pub direction_reason: String,
}

/// A target over a contract year, drawn as a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetStepView {
    /// Contract year label (`Year 1 (2017/18)`).
    pub period: String,
    /// Start of the step on the time axis (fractional year).
    pub from_x: f64,
    /// End of the step on the time axis.
    pub to_x: f64,
    /// Target as written.
    pub text: String,
    /// Numeric threshold, when the target has one for the shown area (None: not drawable).
    pub value: Option<f64>,
}

/// A planned (trajectory) value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPointView {
    /// Period label.
    pub period: String,
    /// Position on the time axis.
    pub x: f64,
    /// Planned value.
    pub value: f64,
    /// Actual value of the first area in that period, when present.
    pub actual: Option<f64>,
    /// Actual − planned, when both exist.
    pub gap: Option<f64>,
}

/// Everything the trend chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendView {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Unit for the value axis.
    pub unit: String,
    /// Sex and age breakdown shown.
    pub breakdown: String,
    /// Polarity in words.
    pub polarity: String,
    /// Lines: chosen areas first, then region and England.
    pub series: Vec<TrendSeriesView>,
    /// Target steps per contract year (empty when none loaded).
    pub targets: Vec<TargetStepView>,
    /// Planned trajectory (empty when none loaded).
    pub plan: Vec<PlanPointView>,
    /// The direction-of-travel rule in words.
    pub direction_rule: String,
    /// Indicator keys whose polarity the data do not give (asked for, never guessed).
    #[serde(default)]
    pub polarity_needed: Vec<String>,
    /// The user's notes on this indicator.
    #[serde(default)]
    pub annotations: Vec<super::annotation::AnnotationView>,
}

/// Colours of chosen areas' lines (Okabe–Ito, colour-blind safe); England black, region grey.
const AREA_COLOURS: [&str; 6] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

fn resolve_area(dataset: &Dataset, key: &str) -> Result<u32, ViewError> {
    let key = key.trim();
    dataset.find_area(key).or_else(|| dataset.find_area_by_name(key)).ok_or_else(|| ViewError::UnknownArea(key.to_owned()))
}

/// The areas a trend shows: the spec's list (or single area), else the first local area with data, else any.
fn chosen_areas(dataset: &Dataset, spec: &ViewSpec, indicator: u32) -> Result<Vec<u32>, ViewError> {
    let mut keys: Vec<&String> = spec.areas.iter().filter(|a| !a.trim().is_empty()).collect();
    if keys.is_empty() {
        keys.extend(spec.area.iter().filter(|a| !a.trim().is_empty()));
    }
    if !keys.is_empty() {
        return keys.into_iter().map(|k| resolve_area(dataset, k)).collect();
    }
    let with_data: Vec<u32> = dataset.rows().filter(|o| o.indicator == indicator).map(|o| o.area).collect();
    let local = with_data.iter().copied().find(|&a| dataset.areas.get(a as usize).is_some_and(is_local_area));
    let non_england = with_data.iter().copied().find(|&a| dataset.areas.get(a as usize).is_some_and(|x| !x.is_england()));
    local.or(non_england).or(with_data.first().copied()).map(|a| vec![a]).ok_or(ViewError::NoData)
}

/// The breakdown (sex, age) the first area's data use: `Persons` when present, else the first seen.
fn breakdown(dataset: &Dataset, spec: &ViewSpec, indicator: u32, area: u32) -> (Sym, Sym) {
    let rows: Vec<_> = dataset.rows().filter(|o| o.indicator == indicator && o.area == area && o.category_type == Sym(0)).collect();
    let named = |wanted: &Option<String>| wanted.as_deref().and_then(|w| dataset.strings.get(w));
    let persons = dataset.strings.get("Persons").filter(|&p| rows.iter().any(|o| o.sex == p));
    let sex = named(&spec.sex).or(persons).or(rows.first().map(|o| o.sex)).unwrap_or_default();
    let age = named(&spec.age).or(rows.iter().find(|o| o.sex == sex).map(|o| o.age)).unwrap_or_default();
    (sex, age)
}

/// Builds the trend view for the spec's indicator and areas.
pub fn trend_view(dataset: &Dataset, spec: &ViewSpec) -> Result<TrendView, ViewError> {
    let indicator = select_indicator(dataset, spec.indicator.as_deref())?;
    let areas = chosen_areas(dataset, spec, indicator)?;
    let (sex, age) = breakdown(dataset, spec, indicator, areas[0]);
    let overrides = polarity_overrides(spec)?;
    let polarity = effective_polarity(dataset, indicator, &overrides);
    let mut lines: Vec<(u32, &str)> = areas.iter().map(|&a| (a, "area")).collect();
    let parent = dataset.rows().find(|o| o.indicator == indicator && o.area == areas[0]).and_then(|o| crate::analysis::area_types::row_parent(dataset, o));
    let region = parent.filter(|r| dataset.areas[*r as usize].kind == AreaKind::Region);
    let england = dataset.areas.iter().position(|a| a.is_england()).map(|e| e as u32);
    for (extra, role) in [(region, "region"), (england, "england")] {
        if let Some(a) = extra.filter(|a| !areas.contains(a)) {
            lines.push((a, role));
        }
    }
    let key_for = |area: u32| SeriesKey { indicator, area, sex, age, category_type: Sym(0), category: Sym(0) };
    let mut series = Vec::new();
    let mut colour_index = 0;
    for (area, role) in lines {
        let rows = series_rows(dataset, &key_for(area));
        if rows.is_empty() && role != "area" {
            continue;
        }
        let colour = match role {
            "england" => "#000000".to_owned(),
            "region" => "#7F7F7F".to_owned(),
            _ => {
                colour_index += 1;
                AREA_COLOURS[(colour_index - 1) % AREA_COLOURS.len()].to_owned()
            }
        };
        series.push(series_view(dataset, spec, &rows, area, role, colour, polarity));
    }
    let meta = &dataset.indicators[indicator as usize];
    let first_area = areas[0];
    let breakdown = [dataset.text(sex), dataset.text(age)].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(", ");
    Ok(TrendView {
        indicator: meta.name.clone(),
        indicator_key: meta.key().to_owned(),
        unit: meta.unit.clone(),
        breakdown,
        polarity: polarity_text(polarity).to_owned(),
        series,
        targets: target_step_view(dataset, indicator, first_area, &series_rows(dataset, &key_for(first_area)), polarity),
        plan: plan_view(dataset, indicator, first_area, &series_rows(dataset, &key_for(first_area))),
        direction_rule: spec.direction.text(),
        polarity_needed: if polarity == crate::model::Polarity::Unknown { vec![meta.key().to_owned()] } else { Vec::new() },
        annotations: super::annotation::annotations_for(dataset, &spec.annotations, indicator),
    })
}

/// Each contract year as a step at its threshold (fixed, or the one evaluated for its last period).
fn target_step_view(dataset: &Dataset, indicator: u32, area: u32, rows: &[usize], polarity: crate::model::Polarity) -> Vec<TargetStepView> {
    let evaluations = evaluate_targets(dataset, rows, polarity);
    let data_end = rows.iter().map(|&r| dataset.periods[dataset.row(r).period as usize].end.as_fractional_year()).fold(f64::NAN, f64::max);
    contract_years(dataset, indicator, area)
        .into_iter()
        .map(|year| {
            let open_end = if data_end.is_finite() && data_end > year.start.as_fractional_year() { data_end } else { year.start.as_fractional_year() + 1.0 };
            let (from_x, to_x) = year.span_years(open_end);
            let value = match year.rule {
                TargetRule::Fixed { value, .. } => Some(value),
                _ => evaluations.iter().rev().find(|e| e.contract_year.as_deref() == Some(year.label.as_str())).and_then(|e| e.threshold),
            };
            TargetStepView { period: year.label, from_x, to_x, text: year.text, value }
        })
        .collect()
}

fn plan_view(dataset: &Dataset, indicator: u32, area: u32, rows: &[usize]) -> Vec<PlanPointView> {
    plan_against_actuals(dataset, indicator, area, rows)
        .into_iter()
        .map(|p| PlanPointView { x: dataset.periods[p.period_id as usize].midpoint_years(), period: p.period, value: p.planned, actual: p.actual, gap: p.gap })
        .filter(|p| p.x.is_finite())
        .collect()
}

fn series_view(dataset: &Dataset, spec: &ViewSpec, rows: &[usize], area: u32, role: &str, colour: String, polarity: crate::model::Polarity) -> TrendSeriesView {
    let points = rows
        .iter()
        .map(|&r| {
            let o = dataset.row(r);
            let period = &dataset.periods[o.period as usize];
            TrendPointView {
                period: period.label.clone(),
                x: period.midpoint_years(),
                value: finite(o.value),
                lower: finite(o.lower95),
                upper: finite(o.upper95),
                value_text: format_number(o.value),
                note: dataset.text(o.note).to_owned(),
            }
        })
        .filter(|p| p.x.is_finite())
        .collect();
    let trend = recent_trend(dataset, rows, polarity, spec.trend_method);
    let latest = latest_valued(dataset, rows);
    let published = rows.last().map(|&r| dataset.text(dataset.row(r).published_trend).to_owned()).filter(|t| !t.is_empty());
    let as_value = |r: usize| {
        let o = dataset.row(r);
        ValueWithInterval { value: o.value, lower95: o.lower95, upper95: o.upper95 }
    };
    let comparator = latest.and_then(|l| comparator_row(dataset, rows, l, spec.comparator_period.as_deref()));
    let (direction, direction_reason) = match latest {
        Some(l) => direction_of_travel(as_value(l), comparator.map(as_value), polarity, &spec.direction),
        None => (Direction::NoComparator, "no value in any period".into()),
    };
    let label_of = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
    let area_meta = &dataset.areas[area as usize];
    TrendSeriesView {
        area_code: area_meta.code.clone(),
        area_name: area_meta.name.clone(),
        role: role.to_owned(),
        colour,
        points,
        recent_trend: trend.trend,
        recent_trend_reason: trend.reason,
        published_trend: published,
        latest_period: latest.map(label_of),
        comparator_period: comparator.map(label_of),
        direction,
        direction_reason,
    }
}

impl TrendView {
    /// One row per area and period, then the targets and plan: the chart's text alternative.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&["Area", "Period", "Value", "Lower 95%", "Upper 95%", "Note", "Recent trend", "Direction of travel", "Why"]);
        let text = |x: Option<f64>| x.map(format_number).unwrap_or_default();
        for line in &self.series {
            for (i, p) in line.points.iter().enumerate() {
                let last = i + 1 == line.points.len();
                table.rows.push(vec![
                    line.area_name.clone(),
                    p.period.clone(),
                    p.value_text.clone(),
                    text(p.lower),
                    text(p.upper),
                    p.note.clone(),
                    if last { line.recent_trend.label().to_owned() } else { String::new() },
                    if last { line.direction.text().to_owned() } else { String::new() },
                    if last { format!("Recent trend: {}; direction: {}", line.recent_trend_reason, line.direction_reason) } else { String::new() },
                ]);
            }
        }
        for step in &self.targets {
            table.rows.push(vec![
                "Target".into(),
                step.period.clone(),
                text(step.value),
                String::new(),
                String::new(),
                step.text.clone(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for plan in &self.plan {
            table.rows.push(vec![
                "Planned".into(),
                plan.period.clone(),
                format_number(plan.value),
                String::new(),
                String::new(),
                plan.gap.map(|g| format!("gap to plan {}", format_number(g))).unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for TrendView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        let lines: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                format!(
                    "{}: {}, {} since {}",
                    s.area_name,
                    s.recent_trend.label(),
                    s.direction.text(),
                    s.comparator_period.as_deref().unwrap_or("no comparator")
                )
            })
            .collect();
        format!("{} over time with 95% intervals ({}). {}.", self.indicator, self.polarity, lines.join("; "))
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }

    fn annotations(&self) -> Vec<crate::view::AnnotationView> {
        self.annotations.clone()
    }
}
