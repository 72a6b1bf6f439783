//! `ViewSpec` (what the page asks for), `ViewError`, and `build_view` turning a spec into the registry's `ViewModel`.

use crate::analysis::direction::DirectionRule;
use crate::analysis::polarity::parse_polarity;
use crate::analysis::recent_trend::TrendMethod;
use crate::analysis::{Benchmark, BenchmarkOptions, ConfidenceLevel, Palette, PolarityOverrides};
use crate::model::Dataset;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bar and row order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// By value, highest first.
    #[default]
    Value,
    /// By area name, A–Z.
    Name,
}

/// What the page asks to see; every field may be left out for a sensible default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSpec {
    /// `compare_areas` (default), `overview`, `spine`, `trend`, `spc`, `board_summary` or `kpi_summary` (hyphens accepted).
    pub view: String,
    /// Indicator id or name (default: the first loaded).
    pub indicator: Option<String>,
    /// Period label as written (default: the indicator's latest).
    pub period: Option<String>,
    /// Area code or name: highlighted in compare areas, the subject of a spine chart.
    pub area: Option<String>,
    /// Area type of the areas shown (default: the most common among local areas).
    pub area_type: Option<String>,
    /// Sex breakdown (default `Persons`, else the most common).
    pub sex: Option<String>,
    /// Age breakdown (default: the most common).
    pub age: Option<String>,
    /// `england` (default), `parent`, an area code, or a list of codes (a comparator set).
    pub comparator: Benchmark,
    /// 95 or 99.8 for every indicator; absent (default): each indicator's own, the level its file's labels show, else 95.
    pub level: Option<ConfidenceLevel>,
    /// Level by indicator key, chosen by the user over the file's evidence (`{"92196": 99.8}`).
    pub levels: BTreeMap<String, ConfidenceLevel>,
    /// Value type by indicator key, chosen by the user over the file's evidence (`{"90284": "Rate"}`).
    pub value_types: BTreeMap<String, crate::model::ValueType>,
    /// `value` (default) or `name`.
    pub sort: SortOrder,
    /// Polarity by indicator key: `high`, `low`, `none` (no judgement).
    pub polarity: BTreeMap<String, String>,
    /// `fingertips` (default) or `colour_blind_safe`.
    pub palette: Palette,
    /// Prevalence and access: output age bands, each a union of the rates' bands (`["2-4", "5-16"]`; default the rates' own).
    pub bands: Vec<String>,
    /// Access: target share of the estimated need (0.34 for 34%); default none.
    pub target_share: Option<f64>,
    /// Access: the estimated need to measure against, overriding the one estimated from rates and populations.
    pub estimated_need: Option<f64>,
    /// Areas of a trend chart, by code or name (default: `area`, else the first local area with data).
    pub areas: Vec<String>,
    /// Indicators of a board summary, by id or name (default: every loaded indicator); of a scatter, `[x, y]`.
    pub indicators: Vec<String>,
    /// Period label that direction of travel compares with (default: the period before the latest).
    pub comparator_period: Option<String>,
    /// The direction-of-travel rule: `{"test": "z_test"|"intervals_overlap", "relative_change_percent": 5, "ignore_intervals": false}`.
    pub direction: DirectionRule,
    /// Recent-trend test: `auto` (default: by the indicator's value type, χ² test for trend on counts for
    /// proportions, CI-weighted regression otherwise), or `weighted_regression` / `chi_square_counts` to force one.
    pub trend_method: TrendMethod,
    /// SPC improvement direction: `increase`, `decrease` or `neutral` (default: from the polarity, else neutral).
    pub improvement: Option<String>,
    /// SPC target for the assurance icon.
    pub target: Option<f64>,
    /// SPC: period labels where a new group (own mean and limits) starts.
    pub rebase: Vec<String>,
    /// SPC: compute limits from the first N points of each group only (N ≥ 12), else from all.
    pub baseline_points: Option<usize>,
    /// SPC: keep moving ranges ≥ 3.267 × their mean (no screening; the NHSE Excel tool's default).
    pub no_outlier_screening: bool,
    /// Funnel: overdispersion adjustment `none` (default), `multiplicative` (φ) or `additive` (τ²).
    pub overdispersion: crate::analysis::funnel_plot::OverdispersionMethod,
    /// Inequalities: the deprivation category type the SII is computed for (default: the first ordered one).
    pub category_type: Option<String>,
    /// SPC rule settings: `{"shift_length": 7|8, "trend_length": 6|7, "two_in_three": true|false}` (defaults 7, 7, on).
    pub spc_rules: crate::analysis::spc::SpcRules,
    /// Notes on periods of indicators, `[{"indicator": "...", "period": "2019/20", "text": "new clinic opened"}]`,
    /// drawn on every chart of that indicator and listed in its table and CSV.
    pub annotations: Vec<super::annotation::Annotation>,
    /// KPI summary sort and filter: `{"sort": "comparison", "descending": false, "filter": {"variation": ["special_cause_concerning"], "text": "wait"}}`.
    pub kpi: super::kpi_options::KpiOptions,
    /// Unit by indicator key, set by the user where the file gives none (`{"Waiting list": "people"}`).
    pub units: BTreeMap<String, String>,
}

/// Why a view could not be built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum ViewError {
    /// Nothing loaded.
    NoData,
    /// The view name is not known.
    UnknownView {
        /// The name asked for.
        name: String,
        /// The names allowed, joined.
        allowed: String,
    },
    /// No indicator with that id or name.
    UnknownIndicator(String),
    /// The indicator has no data for that period.
    UnknownPeriod(String),
    /// No area with that code or name.
    UnknownArea(String),
    /// A view that needs an area was given none and none could be chosen.
    AreaNeeded,
    /// The data cannot make this view (too few points …), with the reason.
    Unusable(String),
    /// A polarity override could not be read.
    BadPolarity(String),
    /// The view cannot be built from what is loaded or asked (the reason in words).
    Unavailable(String),
}

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ViewError::NoData => write!(f, "no data loaded"),
            ViewError::UnknownView { name, allowed } => write!(f, "unknown view `{name}` ({allowed})"),
            ViewError::UnknownIndicator(i) => write!(f, "no indicator `{i}`"),
            ViewError::UnknownPeriod(p) => write!(f, "no data for period `{p}`"),
            ViewError::UnknownArea(a) => write!(f, "no area `{a}`"),
            ViewError::AreaNeeded => write!(f, "this view needs an area"),
            ViewError::Unusable(reason) => write!(f, "{reason}"),
            ViewError::BadPolarity(p) => write!(f, "cannot read polarity `{p}` (high, low or none)"),
            ViewError::Unavailable(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for ViewError {}

/// The polarity overrides of a spec, read from their text.
pub fn polarity_overrides(spec: &ViewSpec) -> Result<PolarityOverrides, ViewError> {
    spec.polarity.iter().map(|(key, text)| parse_polarity(text).map(|p| (key.clone(), p)).ok_or_else(|| ViewError::BadPolarity(text.clone()))).collect()
}

/// The benchmarking options a spec asks for.
pub fn benchmark_options(spec: &ViewSpec) -> Result<BenchmarkOptions, ViewError> {
    Ok(BenchmarkOptions {
        benchmark: spec.comparator.clone(),
        level: spec.level,
        level_overrides: spec.levels.clone(),
        polarity_overrides: polarity_overrides(spec)?,
        no_quintiles: false,
    })
}

/// The area named by the spec, if any.
pub fn selected_area(dataset: &Dataset, spec: &ViewSpec) -> Result<Option<u32>, ViewError> {
    match spec.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => Ok(None),
        Some(key) => dataset
            .find_area(key)
            .or_else(|| dataset.areas.iter().position(|a| a.name.eq_ignore_ascii_case(key)).map(|i| i as u32))
            .map(Some)
            .ok_or_else(|| ViewError::UnknownArea(key.to_owned())),
    }
}
