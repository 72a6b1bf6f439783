//! The KPI summary view model: one row per indicator × area for the chosen period, composing the existing
//! analyses (benchmark comparison, recent trend, direction of travel, targets, SPC icons), each label with its why.

use super::annotation::{annotations_for, AnnotationView};
use super::format::format_number;
use super::kpi_options::KpiOptions;
use super::kpi_row::{variation_cell, KpiRow, TrendArrow};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::kpi_row::{kpi_facts, KpiChoices};
use crate::analysis::polarity::polarity_text;
use crate::analysis::series::{all_series, SeriesKey};
use crate::analysis::spc::Improvement;
use crate::analysis::Benchmarker;
use crate::model::{Dataset, Observation, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// Everything the KPI summary chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiSummaryView {
    /// Rows after filtering, in sort order.
    pub rows: Vec<KpiRow>,
    /// Rows before filtering.
    pub total_rows: usize,
    /// The period asked for (None: each series' latest).
    pub period: Option<String>,
    /// The benchmark's name.
    pub benchmark: String,
    /// Sort and filter used.
    pub options: KpiOptions,
    /// Indicator keys whose polarity the data do not give: asked for, never guessed.
    pub polarity_needed: Vec<String>,
    /// Notes on the methods, shown under the table.
    pub notes: Vec<String>,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The series to summarise: per indicator × area one overall series (the spec's sex/age, else Persons, else the first).
fn chosen_series(dataset: &Dataset, spec: &ViewSpec, areas: &[u32], indicators: &[u32]) -> Vec<(SeriesKey, Vec<usize>)> {
    let wanted = |name: &Option<String>, fallback: &str| dataset.strings.get(name.as_deref().unwrap_or(fallback));
    let (sex, age) = (wanted(&spec.sex, "Persons"), spec.age.as_deref().and_then(|a| dataset.strings.get(a)));
    let mut chosen: Vec<(SeriesKey, Vec<usize>)> = Vec::new();
    for (key, rows) in all_series(dataset) {
        if key.category_type != Sym(0) || (!areas.is_empty() && !areas.contains(&key.area)) || (!indicators.is_empty() && !indicators.contains(&key.indicator))
        {
            continue;
        }
        let score = |k: &SeriesKey| u8::from(Some(k.sex) == sex) * 2 + u8::from(Some(k.age) == age);
        match chosen.iter_mut().find(|(k, _)| k.indicator == key.indicator && k.area == key.area) {
            Some(slot) if score(&key) > score(&slot.0) => *slot = (key, rows),
            Some(_) => {}
            None => chosen.push((key, rows)),
        }
    }
    chosen.sort_by_key(|(k, _)| (k.indicator, k.area));
    chosen
}

fn resolve_areas(dataset: &Dataset, spec: &ViewSpec) -> Result<Vec<u32>, ViewError> {
    let keys = spec.areas.iter().chain(spec.area.iter()).map(|k| k.trim()).filter(|k| !k.is_empty());
    keys.map(|k| dataset.find_area(k).or_else(|| dataset.find_area_by_name(k)).ok_or_else(|| ViewError::UnknownArea(k.to_owned()))).collect()
}

/// Builds the KPI summary for the spec's areas (default all), indicators (default all) and period (default each latest).
pub fn kpi_summary_view(dataset: &Dataset, benchmarker: &Benchmarker, spec: &ViewSpec) -> Result<KpiSummaryView, ViewError> {
    let areas = resolve_areas(dataset, spec)?;
    let indicators: Vec<u32> =
        spec.indicators.iter().chain(spec.indicator.iter()).map(|k| super::selection::select_indicator(dataset, Some(k))).collect::<Result<_, _>>()?;
    let period = spec.period.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned);
    let benchmark = spec.comparator.display_name(dataset);
    let mut rows: Vec<KpiRow> = chosen_series(dataset, spec, &areas, &indicators)
        .into_iter()
        .map(|(key, series)| kpi_row(dataset, benchmarker, spec, key, &series, period.as_deref()))
        .collect();
    let mut polarity_needed: Vec<String> = Vec::new();
    for (row, indicator) in rows.iter().map(|r| (r, dataset.find_indicator(&r.indicator_key))) {
        if indicator.is_some_and(|i| benchmarker.polarity_of(i) == Polarity::Unknown) && !polarity_needed.contains(&row.indicator_key) {
            polarity_needed.push(row.indicator_key.clone());
        }
    }
    let total_rows = rows.len();
    rows.retain(|r| spec.kpi.filter.keeps(r));
    spec.kpi.sort(&mut rows);
    let mut notes = vec![
        match spec.level {
            Some(level) => format!("Compared with {benchmark} by the {} interval (Fingertips' rule).", level.text()),
            None => format!("Compared with {benchmark} by each indicator's interval at the level its file's labels show, else 95% (Fingertips' rule)."),
        },
        "Variation and assurance icons (Making Data Count) are given for monthly and quarterly series only.".to_owned(),
        spec.direction.text(),
    ];
    if !spec.spc_rules.is_default() {
        notes.push(spec.spc_rules.text());
    }
    if !polarity_needed.is_empty() {
        notes.push(format!("Polarity needed (not given by the data, not guessed): {}.", polarity_needed.join("; ")));
    }
    Ok(KpiSummaryView { rows, total_rows, period, benchmark, options: spec.kpi.clone(), polarity_needed, notes })
}

/// One row: the facts of one series at the chosen period (`analysis::kpi_row`), with its names, colours and notes.
fn kpi_row(dataset: &Dataset, benchmarker: &Benchmarker, spec: &ViewSpec, key: SeriesKey, series: &[usize], period: Option<&str>) -> KpiRow {
    let meta = &dataset.indicators[key.indicator as usize];
    let area = &dataset.areas[key.area as usize];
    // A target or improvement direction in the spec belongs to the one indicator it names.
    let one_indicator = spec.indicator.is_some();
    let choices = KpiChoices {
        trend_method: spec.trend_method,
        comparator_period: spec.comparator_period.as_deref(),
        direction: &spec.direction,
        spc_target: spec.target.filter(|_| one_indicator),
        improvement: spec.improvement.as_deref().and_then(Improvement::parse).filter(|_| one_indicator),
        screen_outliers: !spec.no_outlier_screening,
        spc_rules: spec.spc_rules,
    };
    let facts = kpi_facts(dataset, benchmarker, series, period, &choices);
    let observation = facts.row.map(|r| dataset.row(r));
    let number = |pick: fn(&Observation) -> f64| observation.map(pick).and_then(finite);
    KpiRow {
        indicator: meta.name.clone(),
        indicator_key: meta.key().to_owned(),
        unit: spec.units.get(meta.key()).or_else(|| spec.units.get(&meta.name)).cloned().unwrap_or_else(|| meta.unit.clone()),
        polarity: polarity_text(benchmarker.polarity_of(key.indicator)).to_owned(),
        area_code: area.code.clone(),
        area_name: area.name.clone(),
        period: facts.period,
        value: number(|o| o.value),
        lower: number(|o| o.lower95),
        upper: number(|o| o.upper95),
        count: number(|o| o.count),
        denominator: number(|o| o.denominator),
        note: observation.map(|o| dataset.text(o.note).to_owned()).unwrap_or_default(),
        comparison: facts.comparison.label().to_owned(),
        comparison_colour: facts.comparison.colour_in(spec.palette).to_owned(),
        recent_trend: facts.recent_trend,
        trend_arrow: TrendArrow::of(facts.recent_trend),
        trend_colour: facts.recent_trend.colour().to_owned(),
        direction: facts.direction,
        comparator_period: facts.comparator_period,
        target: facts.target,
        target_status: facts.target_status,
        variation: facts.variation,
        assurance: facts.assurance,
        variation_side: facts.variation_side,
        why: facts.why,
        warnings: facts.warnings,
        annotations: annotations_for(dataset, &spec.annotations, key.indicator),
    }
}

impl KpiSummaryView {
    /// One row per KPI with the labels and why each was given: the chart's text alternative and CSV.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&[
            "Indicator",
            "Unit",
            "Polarity",
            "Area code",
            "Area",
            "Period",
            "Value",
            "Lower 95%",
            "Upper 95%",
            "Count",
            "Denominator",
            "Note",
            "Comparison",
            "Why (comparison)",
            "Recent trend",
            "Why (recent trend)",
            "Direction of travel",
            "Why (direction)",
            "Target",
            "Target status",
            "Why (target)",
            "Variation",
            "Why (variation)",
            "Assurance",
            "Why (assurance)",
        ]);
        let number = |x: Option<f64>| x.map(format_number).unwrap_or_default();
        for r in &self.rows {
            table.rows.push(vec![
                r.indicator.clone(),
                r.unit.clone(),
                r.polarity.clone(),
                r.area_code.clone(),
                r.area_name.clone(),
                r.period.clone(),
                number(r.value),
                number(r.lower),
                number(r.upper),
                number(r.count),
                number(r.denominator),
                r.note.clone(),
                r.comparison.clone(),
                r.why.comparison.clone(),
                r.recent_trend.label().to_owned(),
                r.why.recent_trend.clone(),
                r.direction.text().to_owned(),
                r.why.direction.clone(),
                r.target.clone(),
                r.target_status.map(|s| s.text()).unwrap_or("no target").to_owned(),
                r.why.target_status.clone(),
                variation_cell(r),
                r.why.variation.clone(),
                r.assurance.map(|a| a.text()).unwrap_or("not shown").to_owned(),
                r.why.assurance.clone(),
            ]);
        }
        table
    }

    /// The annotations of every indicator shown, once each.
    pub fn annotations(&self) -> Vec<AnnotationView> {
        let mut all: Vec<AnnotationView> = Vec::new();
        for a in self.rows.iter().flat_map(|r| r.annotations.iter()) {
            if !all.contains(a) {
                all.push(a.clone());
            }
        }
        all
    }
}

impl super::view_info::ViewInfo for KpiSummaryView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        let period = self.period.as_deref().map(|p| format!("for {p}")).unwrap_or_else(|| "for each series' latest period".into());
        let concerns = self.rows.iter().filter(|r| r.variation == Some(crate::analysis::spc::Variation::SpecialCauseConcerning)).count();
        let worse = self.rows.iter().filter(|r| r.comparison == "Worse").count();
        format!(
            "KPI summary {period}: {} rows (of {}), each with its comparison with {}, recent trend, direction of travel, target status and, for monthly or quarterly series, SPC variation and assurance icons; {worse} worse than {}, {concerns} with special-cause concern.",
            self.rows.len(),
            self.total_rows,
            self.benchmark,
            self.benchmark
        )
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }

    fn annotations(&self) -> Vec<crate::view::AnnotationView> {
        self.annotations()
    }
}
