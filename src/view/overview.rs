//! The overview ("tartan rug") view model: indicators × areas, England and region first, cells coloured by comparison.

use super::legend::{legend_for, LegendEntry};
use super::selection::{latest_period, select};
use super::table::ViewTable;
use super::ViewSpec;
use crate::analysis::area_types::{is_england, is_region, local_areas_by_type};
use crate::analysis::number_text::format_number;
use crate::analysis::{Benchmarker, Comparison, ConfidenceLevel, NotComparedReason, Palette};
use crate::model::{Dataset, Sym};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Colour of a cell that is the benchmark itself, or has no data.
pub const PLAIN_CELL_COLOUR: &str = "#FFFFFF";

/// What a column is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// England.
    England,
    /// A region.
    Region,
    /// A local area of the chosen type.
    Area,
}

/// One area column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverviewColumn {
    /// Area code (may be empty).
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// England, region or local area.
    pub role: ColumnRole,
}

/// One cell: the value printed on its comparison colour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverviewCell {
    /// Value as printed (empty when none).
    pub value_text: String,
    /// Fill colour `#RRGGBB`.
    pub colour: String,
    /// Comparison label (empty for the benchmark's own cell or no data).
    pub label: String,
    /// Why: the rule and numbers behind the label.
    pub comparison_text: String,
}

/// One indicator row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverviewRow {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Period shown for this indicator.
    pub period: String,
    /// One cell per column.
    pub cells: Vec<OverviewCell>,
}

/// Everything the overview grid and its table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OverviewView {
    /// Benchmark description (`england`, `parent`, a code).
    pub benchmark: String,
    /// Confidence level of every comparison; None: each indicator's own (see each cell's reason).
    pub level: Option<ConfidenceLevel>,
    /// Area type of the local columns.
    pub area_type: String,
    /// Columns: England, regions, then areas A–Z.
    pub columns: Vec<OverviewColumn>,
    /// One row per indicator, in load order.
    pub rows: Vec<OverviewRow>,
    /// Legend entries for the labels present.
    pub legend: Vec<LegendEntry>,
    /// Indicator keys whose polarity the data do not give (asked for, never guessed).
    #[serde(default)]
    pub polarity_needed: Vec<String>,
}

fn most_common_local_type(dataset: &Dataset) -> String {
    let counts: HashMap<String, usize> = local_areas_by_type(dataset).into_iter().map(|(t, areas)| (t, areas.len())).collect();
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(t, _)| t).unwrap_or_default()
}

fn columns_for(dataset: &Dataset, area_type: &str) -> Vec<(u32, OverviewColumn)> {
    let mut columns: Vec<(u32, OverviewColumn)> = Vec::new();
    let column = |id: usize, role: ColumnRole| {
        let area = &dataset.areas[id];
        (id as u32, OverviewColumn { area_code: area.code.clone(), area_name: area.name.clone(), role })
    };
    columns.extend(dataset.areas.iter().enumerate().filter(|(_, a)| is_england(a)).map(|(i, _)| column(i, ColumnRole::England)));
    let mut regions: Vec<_> =
        dataset.areas.iter().enumerate().filter(|(_, a)| !is_england(a) && is_region(a)).map(|(i, _)| column(i, ColumnRole::Region)).collect();
    regions.sort_by(|a, b| a.1.area_name.cmp(&b.1.area_name));
    let in_type = local_areas_by_type(dataset).remove(area_type).unwrap_or_default();
    let mut locals: Vec<_> = in_type.iter().map(|&i| column(i as usize, ColumnRole::Area)).collect();
    locals.sort_by_key(|column| column.1.area_name.to_lowercase());
    columns.extend(regions);
    columns.extend(locals);
    columns
}

/// Builds the overview: each indicator at the spec's period when it has it, else its latest.
pub fn overview_view(dataset: &Dataset, benchmarker: &Benchmarker<'_>, spec: &ViewSpec, palette: Palette) -> OverviewView {
    let area_type = spec.area_type.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| most_common_local_type(dataset));
    let columns = columns_for(dataset, &area_type);
    let mut rows = Vec::new();
    let mut comparisons: Vec<Comparison> = Vec::new();
    for (index, indicator) in dataset.indicators.iter().enumerate() {
        let index = index as u32;
        let mut indicator_spec = spec.clone();
        let has_period = spec
            .period
            .as_deref()
            .map(|label| dataset.rows().any(|o| o.indicator == index && dataset.periods[o.period as usize].label == label))
            .unwrap_or(false);
        if !has_period {
            indicator_spec.period = latest_period(dataset, index).map(|p| dataset.periods[p as usize].label.clone());
        }
        let Ok(selection) = select(dataset, &indicator_spec, index) else { continue };
        let mut row_by_area: HashMap<u32, usize> = HashMap::new();
        for (row, o) in dataset.rows().enumerate() {
            if o.indicator == index && o.period == selection.period && o.sex == selection.sex && o.age == selection.age && o.category_type == Sym(0) {
                row_by_area.insert(o.area, row);
            }
        }
        let cells = columns
            .iter()
            .map(|(area, _)| match row_by_area.get(area) {
                None => OverviewCell { value_text: String::new(), colour: PLAIN_CELL_COLOUR.into(), label: String::new(), comparison_text: "no data".into() },
                Some(&row) => {
                    let outcome = benchmarker.outcome(row);
                    let value_text = format_number(dataset.row(row).value);
                    if outcome.comparison == Comparison::NotCompared(NotComparedReason::BenchmarkIsArea) {
                        return OverviewCell { value_text, colour: PLAIN_CELL_COLOUR.into(), label: String::new(), comparison_text: "benchmark".into() };
                    }
                    comparisons.push(outcome.comparison);
                    OverviewCell {
                        value_text,
                        colour: outcome.comparison.colour_in(palette).into(),
                        label: outcome.comparison.label().into(),
                        comparison_text: outcome.explanation,
                    }
                }
            })
            .collect();
        rows.push(OverviewRow {
            indicator: indicator.name.clone(),
            indicator_key: indicator.key().to_owned(),
            period: dataset.periods[selection.period as usize].label.clone(),
            cells,
        });
    }
    OverviewView {
        benchmark: benchmarker.options().benchmark.display_name(dataset),
        level: benchmarker.options().level,
        area_type,
        columns: columns.into_iter().map(|(_, c)| c).collect(),
        polarity_needed: polarity_needed(dataset, benchmarker, rows.iter().map(|r| r.indicator_key.as_str())),
        rows,
        legend: legend_for(comparisons, palette),
    }
}

/// The keys among `keys` whose polarity is unknown to `benchmarker`, once each.
pub fn polarity_needed<'k>(dataset: &Dataset, benchmarker: &Benchmarker<'_>, keys: impl Iterator<Item = &'k str>) -> Vec<String> {
    let mut needed: Vec<String> = Vec::new();
    for key in keys {
        let unknown = dataset.find_indicator(key).is_some_and(|i| benchmarker.polarity_of(i) == crate::model::Polarity::Unknown);
        if unknown && !needed.iter().any(|k| k == key) {
            needed.push(key.to_owned());
        }
    }
    needed
}

impl OverviewView {
    /// The grid as a table: indicator, period, then per area its value, comparison label and why.
    pub fn table(&self) -> ViewTable {
        let mut header = vec!["Indicator".to_owned(), "Period".to_owned()];
        for column in &self.columns {
            header.push(column.area_name.clone());
            header.push(format!("{} compared", column.area_name));
            header.push(format!("{} why", column.area_name));
        }
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let mut line = vec![row.indicator.clone(), row.period.clone()];
                for cell in &row.cells {
                    line.push(cell.value_text.clone());
                    line.push(cell.label.clone());
                    line.push(cell.comparison_text.clone());
                }
                line
            })
            .collect();
        ViewTable { header, rows }
    }
}

impl super::view_info::ViewInfo for OverviewView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "Overview of {} indicators for {} areas ({}): each cell coloured by its comparison with {} at {}.",
            self.rows.len(),
            self.columns.len(),
            self.area_type,
            self.benchmark,
            self.level.map(|l| l.text().to_owned()).unwrap_or_else(|| "each indicator's own level".into())
        )
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }
}
