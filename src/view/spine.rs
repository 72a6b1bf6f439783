//! The spine-chart view model: one area, a row per indicator, its marker on an England-centred scale.

use super::legend::{legend_for, LegendEntry};
use super::selection::{latest_period, select};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::area_types::{is_england, row_area_type, row_in_area_type};
use crate::analysis::number_text::format_number;
use crate::analysis::observation_groups::group_key;
use crate::analysis::spread::{SpineScale, Spread};
use crate::analysis::{Benchmarker, Comparison, Palette};
use crate::model::{Dataset, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// One indicator's row of the spine chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpineRow {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Period shown.
    pub period: String,
    /// The area's count as printed (empty when none).
    pub local_count: String,
    /// The area's value as printed.
    pub local_value: String,
    /// England's value as printed.
    pub england_value: String,
    /// Heading of the left end: `Worst` (polarity known) or `Lowest`.
    pub left_heading: String,
    /// Value at the left end as printed (worst or lowest).
    pub left_value: String,
    /// Heading of the right end: `Best` or `Highest`.
    pub right_heading: String,
    /// Value at the right end as printed (best or highest).
    pub right_value: String,
    /// 25th percentile as printed.
    pub p25_value: String,
    /// 75th percentile as printed.
    pub p75_value: String,
    /// Left end of the light band in −1…1 (the worst / lowest area).
    pub range_from: Option<f64>,
    /// Right end of the light band (the best / highest area).
    pub range_to: Option<f64>,
    /// Left end of the dark 25th–75th percentile band.
    pub band_from: Option<f64>,
    /// Right end of the dark band.
    pub band_to: Option<f64>,
    /// The area's marker position (0 = England; better to the right when polarity is known).
    pub marker: Option<f64>,
    /// Marker colour from the comparison.
    pub colour: String,
    /// Comparison label.
    pub label: String,
    /// Why: the rule and numbers behind the label.
    pub comparison_text: String,
}

/// Everything the spine chart and its table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpineView {
    /// Area code.
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// Area type the spread is taken over.
    pub area_type: String,
    /// Benchmark of the marker colours.
    pub benchmark: String,
    /// One row per indicator with data for the area.
    pub rows: Vec<SpineRow>,
    /// Legend entries for the labels present.
    pub legend: Vec<LegendEntry>,
    /// Indicator keys whose polarity the data do not give (asked for, never guessed).
    #[serde(default)]
    pub polarity_needed: Vec<String>,
}

/// Builds the spine chart for the spec's area (default: the first local area of the most common type).
pub fn spine_view(dataset: &Dataset, benchmarker: &Benchmarker<'_>, spec: &ViewSpec, area: Option<u32>, palette: Palette) -> Result<SpineView, ViewError> {
    let area = match area {
        Some(area) => area,
        None => default_area(dataset, spec).ok_or(ViewError::AreaNeeded)?,
    };
    let subject = &dataset.areas[area as usize];
    let mut area_types: Vec<String> = Vec::new();
    let england = dataset.areas.iter().position(is_england).map(|i| i as u32);
    let mut rows = Vec::new();
    let mut comparisons: Vec<Comparison> = Vec::new();
    for (index, indicator) in dataset.indicators.iter().enumerate() {
        let index = index as u32;
        let mut indicator_spec = spec.clone();
        indicator_spec.area_type = None;
        let has_period = spec
            .period
            .as_deref()
            .map(|label| dataset.rows().any(|o| o.indicator == index && o.area == area && dataset.periods[o.period as usize].label == label))
            .unwrap_or(false);
        if !has_period {
            let latest_for_area = dataset
                .rows()
                .filter(|o| o.indicator == index && o.area == area && o.value.is_finite())
                .map(|o| o.period)
                .max_by(|&a, &b| dataset.periods[a as usize].cmp(&dataset.periods[b as usize]));
            indicator_spec.period = latest_for_area.or_else(|| latest_period(dataset, index)).map(|p| dataset.periods[p as usize].label.clone());
        }
        let Ok(selection) = select(dataset, &indicator_spec, index) else { continue };
        let in_group = |o: &crate::model::Observation| {
            o.indicator == index && o.period == selection.period && o.sex == selection.sex && o.age == selection.age && o.category_type == Sym(0)
        };
        let Some(row) = dataset.rows().position(|o| in_group(o) && o.area == area) else { continue };
        let observation = dataset.row(row);
        // Peers are the areas of the type this indicator's row puts the subject in (one file's type is not another's).
        let area_type = row_area_type(dataset, observation).into_owned();
        if !area_types.contains(&area_type) {
            area_types.push(area_type.clone());
        }
        let key = group_key(observation);
        let england_value = england.and_then(|e| benchmarker.groups().row_of(&key, e)).map(|r| dataset.row(r).value).unwrap_or(f64::NAN);
        let peers = dataset.rows().filter(|o| in_group(o)).filter(|o| row_in_area_type(dataset, o, &area_type)).map(|o| o.value);
        let spread = Spread::of(peers);
        let polarity = benchmarker.polarity_of(index);
        let judged = matches!(polarity, Polarity::HighIsGood | Polarity::LowIsGood);
        let flip = polarity == Polarity::LowIsGood;
        let scale = spread.as_ref().and_then(|s| SpineScale::new(england_value, s, flip));
        let position = |v: f64| scale.and_then(|s| s.position(v));
        let (left, right) = match spread {
            Some(s) if flip => (s.highest, s.lowest),
            Some(s) => (s.lowest, s.highest),
            None => (f64::NAN, f64::NAN),
        };
        let (p25, p75) = spread.map(|s| (s.p25, s.p75)).unwrap_or((f64::NAN, f64::NAN));
        let band = match (position(p25), position(p75)) {
            (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
            _ => (None, None),
        };
        let outcome = benchmarker.outcome(row);
        comparisons.push(outcome.comparison);
        rows.push(SpineRow {
            indicator: indicator.name.clone(),
            indicator_key: indicator.key().to_owned(),
            period: dataset.periods[selection.period as usize].label.clone(),
            local_count: format_number(observation.count).trim_end_matches(".00").to_owned(),
            local_value: format_number(observation.value),
            england_value: format_number(england_value),
            left_heading: if judged { "Worst" } else { "Lowest" }.into(),
            left_value: format_number(left),
            right_heading: if judged { "Best" } else { "Highest" }.into(),
            right_value: format_number(right),
            p25_value: format_number(p25),
            p75_value: format_number(p75),
            range_from: position(left),
            range_to: position(right),
            band_from: band.0,
            band_to: band.1,
            marker: position(observation.value),
            colour: outcome.comparison.colour_in(palette).into(),
            label: outcome.comparison.label().into(),
            comparison_text: outcome.explanation,
        });
    }
    Ok(SpineView {
        polarity_needed: super::overview::polarity_needed(dataset, benchmarker, rows.iter().map(|r| r.indicator_key.as_str())),
        area_code: subject.code.clone(),
        area_name: subject.name.clone(),
        area_type: area_types.join("; "),
        benchmark: benchmarker.options().benchmark.display_name(dataset),
        rows,
        legend: legend_for(comparisons, palette),
    })
}

fn default_area(dataset: &Dataset, spec: &ViewSpec) -> Option<u32> {
    let first_indicator = spec.indicator.as_deref().and_then(|k| dataset.find_indicator(k)).unwrap_or(0);
    let selection = select(dataset, spec, first_indicator).ok()?;
    dataset
        .rows()
        .filter(|o| o.indicator == selection.indicator && o.period == selection.period)
        .find(|o| row_in_area_type(dataset, o, &selection.area_type))
        .map(|o| o.area)
}

impl SpineView {
    /// The spine as a table, in Fingertips' column order.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&[
            "Indicator",
            "Period",
            "Count",
            "Value",
            "England",
            "Worst/Lowest",
            "25th percentile",
            "75th percentile",
            "Best/Highest",
            "Compared",
            "Reason",
        ]);
        for row in &self.rows {
            table.rows.push(vec![
                row.indicator.clone(),
                row.period.clone(),
                row.local_count.clone(),
                row.local_value.clone(),
                row.england_value.clone(),
                row.left_value.clone(),
                row.p25_value.clone(),
                row.p75_value.clone(),
                row.right_value.clone(),
                row.label.clone(),
                row.comparison_text.clone(),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for SpineView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "Spine chart for {}: {} indicators, each value placed against England, the worst and best areas and the middle half, compared with {}.",
            self.area_name,
            self.rows.len(),
            self.benchmark
        )
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }
}
