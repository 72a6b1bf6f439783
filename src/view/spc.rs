//! The SPC view model: an XmR chart of one indicator and area (mean, limits, special-cause points with the
//! rule that fired, variation and assurance icons).

use super::annotation::{annotations_for, AnnotationView};
use super::format::format_number;
use super::selection::select_indicator;
use super::table::ViewTable;
use super::{polarity_overrides, ViewError, ViewSpec};
use crate::analysis::polarity::effective_polarity;
use crate::analysis::series::{series_rows, SeriesKey};
use crate::analysis::spc::{improvement_for, spc, Assurance, Improvement, SpcOptions, SpcRules, Variation};
use crate::analysis::spc_explain::{assurance_reason, point_reason, suggested_rebase, variation_icon_reason, RebaseSuggestion};
use crate::model::{Dataset, PeriodKind, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// One point of the XmR chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcPointView {
    /// Period label.
    pub period: String,
    /// Position on the time axis (fractional year of the period's midpoint).
    pub x: f64,
    /// Value.
    pub value: f64,
    /// Centre line of the point's group.
    pub mean: f64,
    /// Upper process limit.
    pub upper: f64,
    /// Lower process limit.
    pub lower: f64,
    /// Upper 2σ limit.
    pub upper_near: f64,
    /// Lower 2σ limit.
    pub lower_near: f64,
    /// Rebase group.
    pub group: usize,
    /// The rule that fired, in words (empty for common cause).
    pub rule: String,
    /// Variation type.
    pub variation: Variation,
    /// Point colour by variation.
    pub colour: String,
    /// Why: the rule and numbers behind the point's variation.
    #[serde(default)]
    pub why: String,
}

/// Everything the SPC chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpcView {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Area name.
    pub area: String,
    /// Unit for the axis.
    pub unit: String,
    /// Improvement direction.
    pub improvement: Improvement,
    /// Target, when given.
    pub target: Option<f64>,
    /// Points in time order.
    pub points: Vec<SpcPointView>,
    /// The latest point's variation (the variation icon).
    pub variation_icon: Variation,
    /// Assurance against the target.
    pub assurance: Assurance,
    /// Trial-limit and other warnings.
    pub warnings: Vec<String>,
    /// The rules and settings used, in words.
    pub method: String,
    /// Why the variation icon shows what it does.
    #[serde(default)]
    pub variation_reason: String,
    /// Why the assurance icon shows what it does.
    #[serde(default)]
    pub assurance_reason: String,
    /// The rule settings used.
    #[serde(default)]
    pub rules: SpcRules,
    /// The settings in words when they are not the defaults (stated under the chart), else empty.
    #[serde(default)]
    pub rules_note: String,
    /// Where a sustained shift starts: a rebase a person may confirm (never applied automatically).
    #[serde(default)]
    pub suggested_rebase: Option<RebaseSuggestion>,
    /// Indicator keys whose polarity the data do not give: asked for, not guessed (then neutral).
    #[serde(default)]
    pub polarity_needed: Vec<String>,
    /// The user's notes on periods of this indicator.
    #[serde(default)]
    pub annotations: Vec<AnnotationView>,
}

/// Builds the SPC view for the spec's indicator and area.
pub fn spc_view(dataset: &Dataset, spec: &ViewSpec) -> Result<SpcView, ViewError> {
    let indicator = select_indicator(dataset, spec.indicator.as_deref())?;
    let area = match spec.area.as_deref().or(spec.areas.first().map(String::as_str)).map(str::trim).filter(|a| !a.is_empty()) {
        Some(key) => dataset.find_area(key).or_else(|| dataset.find_area_by_name(key)).ok_or_else(|| ViewError::UnknownArea(key.to_owned()))?,
        None => dataset.rows().find(|o| o.indicator == indicator).map(|o| o.area).ok_or(ViewError::NoData)?,
    };
    let first = dataset.rows().find(|o| o.indicator == indicator && o.area == area).ok_or(ViewError::NoData)?;
    let key = SeriesKey { indicator, area, sex: first.sex, age: first.age, category_type: Sym(0), category: Sym(0) };
    let rows: Vec<usize> = series_rows(dataset, &key).into_iter().filter(|&r| dataset.row(r).value.is_finite()).collect();
    let overrides = polarity_overrides(spec)?;
    let polarity = effective_polarity(dataset, indicator, &overrides);
    let improvement = match spec.improvement.as_deref() {
        Some(text) => Improvement::parse(text).ok_or_else(|| ViewError::BadPolarity(text.to_owned()))?,
        None => improvement_for(polarity),
    };
    let polarity_needed =
        if spec.improvement.is_none() && polarity == Polarity::Unknown { vec![dataset.indicators[indicator as usize].key().to_owned()] } else { Vec::new() };
    let label = |r: usize| dataset.periods[dataset.row(r).period as usize].label.clone();
    let rebase_at: Vec<usize> = spec.rebase.iter().filter_map(|p| rows.iter().position(|&r| label(r) == p.trim())).collect();
    let options = SpcOptions {
        improvement,
        target: spec.target,
        rebase_at,
        baseline_points: spec.baseline_points,
        screen_outliers: !spec.no_outlier_screening,
        rules: spec.spc_rules,
    };
    let values: Vec<f64> = rows.iter().map(|&r| dataset.row(r).value).collect();
    let result = spc(&values, &options).map_err(|e| ViewError::Unusable(format!("SPC: {e}")))?;
    let mut warnings = result.warnings.clone();
    for unmatched in spec.rebase.iter().filter(|p| !rows.iter().any(|&r| label(r) == p.trim())) {
        warnings.push(format!("rebase period `{unmatched}` is not in the series: ignored"));
    }
    let kinds_ok = rows.iter().all(|&r| matches!(dataset.periods[dataset.row(r).period as usize].kind, PeriodKind::Month | PeriodKind::Quarter));
    if !kinds_ok {
        warnings.push("SPC charts are meant for monthly or quarterly series".into());
    }
    let label_at = |i: usize| rows.get(i).map(|&r| label(r)).unwrap_or_default();
    let points = rows
        .iter()
        .zip(&result.points)
        .enumerate()
        .map(|(i, (&r, p))| SpcPointView {
            why: point_reason(&result, i, &spec.spc_rules, &label_at),
            period: label(r),
            x: dataset.periods[dataset.row(r).period as usize].midpoint_years(),
            value: p.value,
            mean: p.limits.mean,
            upper: p.limits.upper,
            lower: p.limits.lower,
            upper_near: p.limits.upper_near,
            lower_near: p.limits.lower_near,
            group: p.group,
            rule: p.rule.map(|r| r.text().to_owned()).unwrap_or_default(),
            variation: p.variation,
            colour: p.variation.colour().to_owned(),
        })
        .collect();
    let meta = &dataset.indicators[indicator as usize];
    let screening = if options.screen_outliers { "moving ranges ≥ 3.267 × their mean screened out" } else { "no moving-range screening" };
    Ok(SpcView {
        indicator: meta.name.clone(),
        indicator_key: meta.key().to_owned(),
        area: dataset.areas[area as usize].name.clone(),
        unit: meta.unit.clone(),
        improvement,
        target: spec.target,
        points,
        variation_icon: result.variation_icon,
        assurance: result.assurance,
        warnings,
        variation_reason: variation_icon_reason(&result, &spec.spc_rules, improvement, &label_at),
        assurance_reason: result.points.last().map(|p| assurance_reason(&p.limits, spec.target, improvement, result.assurance)).unwrap_or_default(),
        rules: spec.spc_rules,
        rules_note: if spec.spc_rules.is_default() { String::new() } else { spec.spc_rules.text() },
        suggested_rebase: suggested_rebase(&result, &spec.spc_rules, &label_at),
        polarity_needed,
        annotations: annotations_for(dataset, &spec.annotations, indicator),
        method: format!(
            "XmR: limits = mean ± 2.66 × mean moving range ({screening}); rules by precedence: beyond a limit, {}-point trend, {}{}-point shift on one side of the mean.",
            spec.spc_rules.trend_length,
            if spec.spc_rules.two_in_three { "2 of 3 beyond 2σ on one side, " } else { "" },
            spec.spc_rules.shift_length
        ),
    })
}

impl SpcView {
    /// One row per point: value, centre, limits, rule and variation.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&["Period", "Value", "Mean", "Lower limit", "Upper limit", "Special cause rule", "Variation", "Why"]);
        for p in &self.points {
            table.rows.push(vec![
                p.period.clone(),
                format_number(p.value),
                format_number(p.mean),
                format_number(p.lower),
                format_number(p.upper),
                p.rule.clone(),
                p.variation.text().to_owned(),
                p.why.clone(),
            ]);
        }
        let summary_row = |first: &str, label: &str, why: &str| {
            let mut row = vec![String::new(); 8];
            row[0] = first.to_owned();
            row[6] = label.to_owned();
            row[7] = why.to_owned();
            row
        };
        table.rows.push(summary_row("Variation icon", self.variation_icon.text(), &self.variation_reason));
        table.rows.push(summary_row("Assurance icon", self.assurance.text(), &self.assurance_reason));
        if !self.rules_note.is_empty() {
            table.rows.push(summary_row("Rule settings", "", &self.rules_note));
        }
        if let Some(rebase) = &self.suggested_rebase {
            table.rows.push(summary_row("Suggested rebase", &rebase.period, &rebase.reason));
        }
        table
    }
}

impl super::view_info::ViewInfo for SpcView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "XmR chart of {} for {} ({} points): latest point shows {}; assurance: {}.",
            self.indicator,
            self.area,
            self.points.len(),
            self.variation_icon.text(),
            self.assurance.text()
        )
    }

    fn polarity_needed(&self) -> Vec<String> {
        self.polarity_needed.clone()
    }

    fn annotations(&self) -> Vec<crate::view::AnnotationView> {
        self.annotations.clone()
    }
}
