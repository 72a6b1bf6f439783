//! The KPI summary view model: one row per indicator × area for the chosen period, composing the existing
//! analyses (benchmark comparison, recent trend, direction of travel, targets, SPC icons), each label with its why.

use super::annotation::{annotations_for, AnnotationView};
use super::kpi_options::KpiOptions;
use super::spc::improvement_for;
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::direction::{direction_of_travel, Direction, ValueWithInterval};
use crate::analysis::number_text::format_number;
use crate::analysis::polarity::polarity_text;
use crate::analysis::recent_trend::{recent_trend, RecentTrend};
use crate::analysis::series::{all_series, comparator_row, latest_valued, SeriesKey};
use crate::analysis::spc::{spc, Assurance, Improvement, SpcOptions, Variation};
use crate::analysis::spc_explain::{assurance_reason, variation_icon_reason};
use crate::analysis::targets::{evaluate_targets, TargetStatus};
use crate::analysis::{Benchmarker, Comparison, NotComparedReason};
use crate::model::{Dataset, PeriodKind, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// The recent-trend arrow drawn in the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendArrow {
    /// Significantly increasing.
    Up,
    /// Significantly decreasing.
    Down,
    /// No significant change.
    Flat,
    /// Cannot be calculated: no arrow.
    None,
}

impl TrendArrow {
    /// The arrow of a recent-trend label.
    pub fn of(trend: RecentTrend) -> TrendArrow {
        use RecentTrend::*;
        match trend {
            IncreasingAndBetter | IncreasingAndWorse | Increasing => TrendArrow::Up,
            DecreasingAndBetter | DecreasingAndWorse | Decreasing => TrendArrow::Down,
            NoSignificantChange => TrendArrow::Flat,
            CannotBeCalculated => TrendArrow::None,
        }
    }
}

/// Why each label of a row was given: the rule and numbers (never empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KpiWhy {
    /// Comparison with the benchmark.
    pub comparison: String,
    /// Recent trend.
    pub recent_trend: String,
    /// Direction of travel.
    pub direction: String,
    /// Target status.
    pub target_status: String,
    /// SPC variation icon.
    pub variation: String,
    /// SPC assurance icon.
    pub assurance: String,
}

/// One indicator × area row of the KPI summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name): the key polarity overrides and click-through use.
    pub indicator_key: String,
    /// Unit (`%`, `per 100,000`), else empty.
    pub unit: String,
    /// Polarity in words (`high is good`, `polarity unknown` …).
    pub polarity: String,
    /// Area code (may be empty).
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// The period shown.
    pub period: String,
    /// Value, when present.
    pub value: Option<f64>,
    /// Lower 95% limit, when present.
    pub lower: Option<f64>,
    /// Upper 95% limit, when present.
    pub upper: Option<f64>,
    /// Count (numerator), when present.
    pub count: Option<f64>,
    /// Denominator, when present.
    pub denominator: Option<f64>,
    /// Value note or suppression marker as written.
    pub note: String,
    /// Comparison with the benchmark (Fingertips label).
    pub comparison: String,
    /// Its colour in the chosen palette.
    pub comparison_colour: String,
    /// Recent trend (Fingertips label).
    pub recent_trend: RecentTrend,
    /// The arrow drawn for it.
    pub trend_arrow: TrendArrow,
    /// Arrow colour.
    pub trend_colour: String,
    /// Direction of travel since the comparator period.
    pub direction: Direction,
    /// The comparator period, when there is one.
    pub comparator_period: Option<String>,
    /// Target text of the period's contract year, else empty.
    pub target: String,
    /// Target status, None when there is no target for the period.
    pub target_status: Option<TargetStatus>,
    /// SPC variation icon (monthly and quarterly series only, else None).
    pub variation: Option<Variation>,
    /// SPC assurance icon (monthly and quarterly series only, else None).
    pub assurance: Option<Assurance>,
    /// +1 when the latest special cause is high, −1 low, 0 otherwise (the icon's H or L).
    pub variation_side: i8,
    /// Why each label was given.
    pub why: KpiWhy,
    /// Trial-limit and other warnings.
    pub warnings: Vec<String>,
    /// The user's notes on this indicator (all periods).
    pub annotations: Vec<AnnotationView>,
}

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
        if key.category_type != Sym(0) || (!areas.is_empty() && !areas.contains(&key.area)) || (!indicators.is_empty() && !indicators.contains(&key.indicator)) {
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
    let indicators: Vec<u32> = spec.indicators.iter().chain(spec.indicator.iter()).map(|k| super::selection::select_indicator(dataset, Some(k))).collect::<Result<_, _>>()?;
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

/// One row: the analyses of one series at the chosen period, composed, each with its reason.
fn kpi_row(dataset: &Dataset, benchmarker: &Benchmarker, spec: &ViewSpec, key: SeriesKey, series: &[usize], period: Option<&str>) -> KpiRow {
    let meta = &dataset.indicators[key.indicator as usize];
    let area = &dataset.areas[key.area as usize];
    let label = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
    let at = match period {
        Some(p) => series.iter().copied().find(|&r| label(r) == p),
        None => latest_valued(dataset, series).or(series.last().copied()),
    };
    let period_label = at.map(label).or(period.map(str::to_owned)).unwrap_or_default();
    let polarity = benchmarker.polarity_of(key.indicator);
    let polarity_words = polarity_text(polarity);
    let mut why = KpiWhy::default();
    let mut row = KpiRow {
        indicator: meta.name.clone(),
        indicator_key: meta.key().to_owned(),
        unit: spec.units.get(meta.key()).or_else(|| spec.units.get(&meta.name)).cloned().unwrap_or_else(|| meta.unit.clone()),
        polarity: polarity_words.to_owned(),
        area_code: area.code.clone(),
        area_name: area.name.clone(),
        period: period_label.clone(),
        value: None,
        lower: None,
        upper: None,
        count: None,
        denominator: None,
        note: String::new(),
        comparison: Comparison::NotCompared(NotComparedReason::NoValue).label().to_owned(),
        comparison_colour: Comparison::NotCompared(NotComparedReason::NoValue).colour().to_owned(),
        recent_trend: RecentTrend::CannotBeCalculated,
        trend_arrow: TrendArrow::None,
        trend_colour: RecentTrend::CannotBeCalculated.colour().to_owned(),
        direction: Direction::NoComparator,
        comparator_period: None,
        target: String::new(),
        target_status: None,
        variation: None,
        assurance: None,
        variation_side: 0,
        why: KpiWhy::default(),
        warnings: Vec::new(),
        annotations: annotations_for(dataset, &spec.annotations, key.indicator),
    };
    let Some(at) = at else {
        let missing = format!("no row for {period_label} in this series");
        why = KpiWhy {
            comparison: format!("Not compared: {missing}"),
            recent_trend: format!("Cannot be calculated: {missing}"),
            direction: format!("No comparator: {missing}"),
            target_status: format!("No target status: {missing}"),
            variation: format!("Not shown: {missing}"),
            assurance: format!("Not shown: {missing}"),
        };
        row.why = why;
        return row;
    };
    let o = dataset.row(at);
    row.value = finite(o.value);
    row.lower = finite(o.lower95);
    row.upper = finite(o.upper95);
    row.count = finite(o.count);
    row.denominator = finite(o.denominator);
    row.note = dataset.text(o.note).to_owned();
    // Comparison with the benchmark.
    let outcome = benchmarker.outcome(at);
    row.comparison = outcome.comparison.label().to_owned();
    row.comparison_colour = outcome.comparison.colour_in(spec.palette).to_owned();
    why.comparison = match outcome.comparison {
        Comparison::NotCompared(_) => outcome.explanation,
        c => format!("{}: {}", c.label(), outcome.explanation),
    };
    // Recent trend on the series up to the period shown.
    let upto: Vec<usize> = series.iter().copied().take_while(|&r| dataset.periods[dataset.row(r).period as usize] <= dataset.periods[o.period as usize]).collect();
    let trend = recent_trend(dataset, &upto, polarity, spec.trend_method);
    row.recent_trend = trend.trend;
    row.trend_arrow = TrendArrow::of(trend.trend);
    row.trend_colour = trend.trend.colour().to_owned();
    why.recent_trend = format!("{}: {}", trend.trend.label(), trend.reason);
    // Direction of travel.
    let as_value = |r: usize| {
        let x = dataset.row(r);
        ValueWithInterval { value: x.value, lower95: x.lower95, upper95: x.upper95 }
    };
    let comparator = comparator_row(dataset, series, at, spec.comparator_period.as_deref());
    let (direction, direction_reason) = direction_of_travel(as_value(at), comparator.map(as_value), polarity, &spec.direction);
    row.direction = direction;
    row.comparator_period = comparator.map(label);
    why.direction = match (direction, comparator) {
        (Direction::NoComparator, Some(c)) => format!("No comparator: {direction_reason} ({})", label(c)),
        (Direction::NoComparator, None) => format!("No comparator: no earlier period of the same length before {period_label}"),
        (d, Some(c)) => format!("{} since {}: {direction_reason}; {polarity_words}", capitalise(d.text()), label(c)),
        (d, None) => format!("{}: {direction_reason}", capitalise(d.text())),
    };
    // Target status.
    let evaluation = evaluate_targets(dataset, series, polarity).into_iter().find(|e| e.period == period_label);
    let threshold = evaluation.as_ref().and_then(|e| e.threshold);
    match evaluation.filter(|e| e.contract_year.is_some()) {
        Some(e) => {
            row.target = e.target_text.clone();
            row.target_status = Some(e.status);
            why.target_status = format!("{}: {}", capitalise(e.status.text()), e.reason);
        }
        None => why.target_status = format!("No target: none loaded for {period_label}"),
    }
    // SPC icons for monthly and quarterly series.
    let kind = dataset.periods[o.period as usize].kind;
    if matches!(kind, PeriodKind::Month | PeriodKind::Quarter) {
        // A target in the spec belongs to the one indicator it names; otherwise each period's own target.
        let target = spec.target.filter(|_| spec.indicator.is_some()).or(threshold);
        spc_icons(dataset, spec, &upto, polarity, target, &mut row, &mut why);
    } else {
        let reason = format!("Not shown: SPC icons are for monthly or quarterly series; this one is {}", kind_text(kind));
        why.variation = reason.clone();
        why.assurance = reason;
    }
    row.why = why;
    row
}

fn spc_icons(dataset: &Dataset, spec: &ViewSpec, upto: &[usize], polarity: Polarity, target: Option<f64>, row: &mut KpiRow, why: &mut KpiWhy) {
    let valued: Vec<usize> = upto.iter().copied().filter(|&r| dataset.row(r).value.is_finite()).collect();
    let values: Vec<f64> = valued.iter().map(|&r| dataset.row(r).value).collect();
    let improvement = match spec.improvement.as_deref().and_then(Improvement::parse) {
        Some(i) if spec.indicator.is_some() => i,
        _ => improvement_for(polarity),
    };
    let options = SpcOptions { improvement, target, screen_outliers: !spec.no_outlier_screening, rules: spec.spc_rules, ..SpcOptions::default() };
    match spc(&values, &options) {
        Ok(result) => {
            let label = |i: usize| valued.get(i).map(|&r| dataset.periods[dataset.row(r).period as usize].label.clone()).unwrap_or_default();
            row.variation = Some(result.variation_icon);
            row.assurance = Some(result.assurance);
            row.variation_side = result.points.last().and_then(|p| p.rule).map(|r| r.side()).unwrap_or(0);
            why.variation = variation_icon_reason(&result, &spec.spc_rules, improvement, &label);
            if let Some(last) = result.points.last() {
                why.assurance = assurance_reason(&last.limits, target, improvement, result.assurance);
            }
            if !result.warnings.is_empty() {
                why.variation.push_str(&format!(" (warning: {})", result.warnings.join("; ")));
            }
            row.warnings = result.warnings;
        }
        Err(e) => {
            why.variation = format!("Not shown: SPC could not be computed ({e}; {} points with values)", values.len());
            why.assurance = why.variation.clone();
        }
    }
}

fn kind_text(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::CalendarYear => "calendar years",
        PeriodKind::FinancialYear => "financial years",
        PeriodKind::MultiYear => "multi-year periods",
        PeriodKind::Quarter => "quarterly",
        PeriodKind::Month => "monthly",
        PeriodKind::Date => "dated snapshots",
        PeriodKind::Unknown => "of unknown periods",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// The text of a variation icon for a table cell (`special cause, concerning (high)`), or why none is shown.
pub fn variation_cell(row: &KpiRow) -> String {
    match row.variation {
        Some(v) => {
            let side = match row.variation_side {
                1 => " (high)",
                -1 => " (low)",
                _ => "",
            };
            format!("{}{side}", v.text())
        }
        None => "not shown".into(),
    }
}

impl KpiSummaryView {
    /// One row per KPI with the labels and why each was given: the chart's text alternative and CSV.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&[
            "Indicator", "Unit", "Polarity", "Area code", "Area", "Period", "Value", "Lower 95%", "Upper 95%", "Count", "Denominator", "Note",
            "Comparison", "Why (comparison)", "Recent trend", "Why (recent trend)", "Direction of travel", "Why (direction)", "Target",
            "Target status", "Why (target)", "Variation", "Why (variation)", "Assurance", "Why (assurance)",
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

/// The registry's entry for this view.
pub(super) const ENTRY: super::registry::ViewEntry = super::registry::ViewEntry {
    id: "kpi-summary",
    label: "KPI summary",
    aliases: &["kpi"],
    controls: &["area", "comparator", "level"],
    summary: "one row per indicator × area: value, comparison, trend, direction, target status and SPC icons",
    build,
};

fn build(ctx: &super::registry::BuildContext<'_>) -> Result<super::ViewModel, super::ViewError> {
    use super::ViewModel;
    #[allow(unused_imports)]
    use super::ViewError;
    Ok(ViewModel::KpiSummary(kpi_summary_view(ctx.dataset, ctx.benchmarker, ctx.spec)?))
}

impl super::registry::ViewInfo for KpiSummaryView {
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
