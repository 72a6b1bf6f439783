//! The compare-areas view model: one indicator and period, every area of one type as a bar with its interval.

use super::legend::{legend_for, LegendEntry};
use super::selection::Selection;
use super::table::ViewTable;
use super::SortOrder;
use crate::analysis::area_types::row_in_area_type;
use crate::analysis::number_text::format_number;
use crate::analysis::{Benchmarker, Comparison, ComparisonSource, ConfidenceLevel, Palette};
use crate::model::{Dataset, Sym};
use serde::{Deserialize, Serialize};

/// One area's bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareAreasBar {
    /// Area code (empty when the file has none).
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// Value, when present.
    pub value: Option<f64>,
    /// Lower limit at the view's level, when present.
    pub lower: Option<f64>,
    /// Upper limit at the view's level, when present.
    pub upper: Option<f64>,
    /// Value as displayed.
    pub value_text: String,
    /// Fill colour `#RRGGBB` from the comparison.
    pub colour: String,
    /// Comparison label (`Better`, `Similar`, …, `Not compared`).
    pub label: String,
    /// Why: the rule and numbers behind the label.
    pub comparison_text: String,
    /// True for the area the user picked, to highlight.
    pub selected: bool,
    /// Count (numerator), when present.
    #[serde(default)]
    pub count: Option<f64>,
    /// Denominator, when present.
    #[serde(default)]
    pub denominator: Option<f64>,
    /// Value note or suppression marker as written.
    #[serde(default)]
    pub note: String,
}

/// Everything the compare-areas chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareAreasView {
    /// Indicator name, as the chart title.
    pub indicator: String,
    /// Indicator id (or name when it has none).
    pub indicator_key: String,
    /// Period label.
    pub period: String,
    /// Sex and age breakdown shown (`Persons, 4-5 yrs`).
    pub breakdown: String,
    /// Area type of the bars.
    pub area_type: String,
    /// Unit for the value axis (`%`, `per 100,000`), may be empty.
    pub unit: String,
    /// Confidence level of the whiskers and comparisons.
    pub level: ConfidenceLevel,
    /// Benchmark name (`England`, …; `parent (varies by area)` when it differs by bar).
    pub benchmark_name: String,
    /// Benchmark value for the line, when one value applies to every bar.
    pub benchmark_value: Option<f64>,
    /// Bar order.
    pub sort: SortOrder,
    /// Bars, top to bottom.
    pub bars: Vec<CompareAreasBar>,
    /// Legend entries for the labels present.
    pub legend: Vec<LegendEntry>,
    /// What the colours are, for the legend's title (`95% CI vs England`, `Quintiles among …`, `As published by the file`).
    #[serde(default)]
    pub comparison_basis: String,
    /// Indicator keys whose polarity the data do not give (asked for, never guessed): labels are Higher / Lower.
    #[serde(default)]
    pub polarity_needed: Vec<String>,
    /// The user's notes on this indicator.
    #[serde(default)]
    pub annotations: Vec<crate::view::AnnotationView>,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Builds the compare-areas view for a selection.
pub fn compare_areas_view(
    dataset: &Dataset,
    benchmarker: &Benchmarker<'_>,
    selection: &Selection,
    selected_area: Option<u32>,
    sort: SortOrder,
    palette: Palette,
) -> CompareAreasView {
    let level = benchmarker.level_of(selection.indicator);
    let mut bars = Vec::new();
    let mut comparisons: Vec<Comparison> = Vec::new();
    let mut sources: Vec<ComparisonSource> = Vec::new();
    let mut benchmarks: Vec<(String, f64)> = Vec::new();
    for (row, observation) in dataset.rows().enumerate() {
        let in_view = observation.indicator == selection.indicator
            && observation.period == selection.period
            && observation.sex == selection.sex
            && observation.age == selection.age
            && observation.category_type == Sym(0);
        let Some(area) = dataset.areas.get(observation.area as usize) else { continue };
        if !in_view || !row_in_area_type(dataset, observation, &selection.area_type) {
            continue;
        }
        let outcome = benchmarker.outcome(row);
        let (lower, upper) = level.interval(observation);
        if !benchmarks.iter().any(|(name, value)| *name == outcome.benchmark_name && value.to_bits() == outcome.benchmark_value.to_bits()) {
            benchmarks.push((outcome.benchmark_name.clone(), outcome.benchmark_value));
        }
        comparisons.push(outcome.comparison);
        if !sources.contains(&outcome.source) {
            sources.push(outcome.source);
        }
        bars.push(CompareAreasBar {
            area_code: area.code.clone(),
            area_name: area.name.clone(),
            value: finite(observation.value),
            lower: finite(lower),
            upper: finite(upper),
            value_text: format_number(observation.value),
            colour: outcome.comparison.colour_in(palette).to_owned(),
            label: outcome.comparison.label().to_owned(),
            comparison_text: outcome.explanation,
            selected: Some(observation.area) == selected_area,
            count: finite(observation.count),
            denominator: finite(observation.denominator),
            note: dataset.text(observation.note).to_owned(),
        });
    }
    sort_bars(&mut bars, sort);
    let (benchmark_name, benchmark_value) = match benchmarks.as_slice() {
        [(name, value)] => (name.clone(), finite(*value)),
        [] => (String::new(), None),
        _ => (format!("{} (varies by area)", benchmarker.options().benchmark.text()), None),
    };
    let interval = format!("{} CI vs {}", level.text(), benchmark_name);
    let comparison_basis = match sources.as_slice() {
        [ComparisonSource::Quintile] => format!("Quintiles among these {} (no intervals)", selection.area_type),
        [ComparisonSource::Published] => format!("As published by the file (vs {})", benchmark_name),
        s if s.contains(&ComparisonSource::Published) => format!("{interval}, or as published by the file"),
        _ => interval,
    };
    let indicator = &dataset.indicators[selection.indicator as usize];
    let breakdown = [dataset.text(selection.sex), dataset.text(selection.age)].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(", ");
    CompareAreasView {
        indicator: indicator.name.clone(),
        indicator_key: indicator.key().to_owned(),
        period: dataset.periods[selection.period as usize].label.clone(),
        breakdown,
        area_type: selection.area_type.clone(),
        unit: indicator.unit.clone(),
        level,
        benchmark_name,
        benchmark_value,
        sort,
        bars,
        legend: legend_for(comparisons, palette),
        comparison_basis,
        polarity_needed: if benchmarker.polarity_of(selection.indicator) == crate::model::Polarity::Unknown {
            vec![indicator.key().to_owned()]
        } else {
            Vec::new()
        },
        annotations: Vec::new(),
    }
}

/// Orders bars: by value highest first (missing last), or by name A–Z.
fn sort_bars(bars: &mut [CompareAreasBar], sort: SortOrder) {
    match sort {
        SortOrder::Value => bars.sort_by(|a, b| match (a.value, b.value) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.area_name.cmp(&b.area_name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.area_name.cmp(&b.area_name),
        }),
        SortOrder::Name => bars.sort_by_key(|bar| bar.area_name.to_lowercase()),
    }
}

impl CompareAreasView {
    /// The view as a table: the chart's text alternative and CSV export.
    pub fn table(&self) -> ViewTable {
        let lower = format!("Lower {} CI", self.level.text());
        let upper = format!("Upper {} CI", self.level.text());
        let compared = format!("Compared with {}", if self.benchmark_name.is_empty() { "benchmark" } else { &self.benchmark_name });
        let mut table = ViewTable::new(&["Area code", "Area", "Value", &lower, &upper, &compared, "Reason"]);
        for bar in &self.bars {
            table.rows.push(vec![
                bar.area_code.clone(),
                bar.area_name.clone(),
                bar.value_text.clone(),
                bar.lower.map(format_number).unwrap_or_default(),
                bar.upper.map(format_number).unwrap_or_default(),
                bar.label.clone(),
                bar.comparison_text.clone(),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for CompareAreasView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "{} ({}), {}, {}: each area's value with its {} confidence interval, compared with {}.",
            self.indicator,
            self.breakdown,
            self.period,
            self.area_type,
            self.level.text(),
            self.benchmark_name
        )
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }

    fn annotations(&self) -> Vec<crate::view::AnnotationView> {
        self.annotations.clone()
    }
}
