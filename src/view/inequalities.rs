//! The inequalities view model: one indicator, area and period by category (deprivation, ethnicity, sex, age…),
//! each against the area's overall value, with SII / RII for ordered deprivation groups and the SII over time.

use super::format::format_number;
use super::selection::{select, select_indicator};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::deprivation_order::{deprivation_order, is_deprivation_type};
use crate::analysis::inequality_summary::{compare_with_area, inequality_summary, GroupSeries, NO_ORDERED_GROUPS};
use crate::analysis::Benchmarker;
use crate::model::{Dataset, Observation};
use serde::{Deserialize, Serialize};

/// One category's value, compared with the area's overall value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InequalityGroup {
    /// Category type (`County & UA deprivation deciles …`, `Sex`, `Age`).
    pub category_type: String,
    /// Category (`Most deprived decile (IMD2019)`, `Female`, …).
    pub category: String,
    /// Value, when present.
    pub value: Option<f64>,
    /// Lower limit at the view's level, when present.
    pub lower: Option<f64>,
    /// Upper limit, when present.
    pub upper: Option<f64>,
    /// Denominator, when present.
    pub denominator: Option<f64>,
    /// Comparison with the area's overall value (`Better`, `Similar`, `Higher`, …, `Not compared`).
    pub compared_to_area: String,
    /// The rule and numbers behind it.
    pub reason: String,
    /// Fill colour `#RRGGBB`.
    pub colour: String,
}

/// A point estimate with an interval when one can be given honestly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEstimate {
    /// The estimate.
    pub value: f64,
    /// Lower limit (none: see `interval_note`).
    pub lower: Option<f64>,
    /// Upper limit (none: see `interval_note`).
    pub upper: Option<f64>,
}

/// The SII of one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiiPeriod {
    /// Period label.
    pub period: String,
    /// Slope index of inequality.
    pub sii: f64,
    /// Relative index of inequality.
    pub rii: f64,
}

/// Everything the inequalities chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InequalitiesView {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Period label.
    pub period: String,
    /// Area code.
    pub area_code: String,
    /// Area name.
    pub area_name: String,
    /// Unit (may be empty).
    pub unit: String,
    /// The area's overall value (the comparator), when present.
    pub area_value: Option<f64>,
    /// Groups in published order (deprivation: most to least deprived).
    pub groups: Vec<InequalityGroup>,
    /// Category type the SII is for, when there are ordered deprivation groups.
    pub sii_category_type: Option<String>,
    /// Slope index of inequality (least minus most deprived end of the fitted line), when computable.
    pub sii: Option<IndexEstimate>,
    /// Relative index of inequality, when computable.
    pub rii: Option<IndexEstimate>,
    /// SII and RII for every period with the same groups, in time order.
    pub sii_over_time: Vec<SiiPeriod>,
    /// How the SII was computed and why it has no interval.
    pub sii_note: String,
    /// Comparison level text (`95%`).
    pub level: String,
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Builds the inequalities view for one indicator, area and period.
pub fn inequalities_view(dataset: &Dataset, benchmarker: &Benchmarker<'_>, spec: &ViewSpec, area: Option<u32>) -> Result<InequalitiesView, ViewError> {
    let indicator_id = select_indicator(dataset, spec.indicator.as_deref())?;
    let selection = select(dataset, spec, indicator_id)?;
    let has_category = |o: &Observation| !dataset.text(o.category_type).is_empty();
    let area = match area {
        Some(a) => a,
        None => dataset.rows().find(|o| o.indicator == indicator_id && o.period == selection.period && has_category(o)).map(|o| o.area).ok_or_else(|| {
            ViewError::Unusable(format!(
                "{} has no categories (Category Type / Category) in {}",
                dataset.indicators[indicator_id as usize].name, dataset.periods[selection.period as usize].label
            ))
        })?,
    };
    let same = |o: &Observation| o.indicator == indicator_id && o.area == area;
    let overall = dataset.rows().find(|o| same(o) && o.period == selection.period && o.sex == selection.sex && o.age == selection.age && !has_category(o));
    let level = benchmarker.level_of(indicator_id);
    let polarity = benchmarker.polarity_of(indicator_id);
    let area_value = overall.map(|o| o.value).and_then(finite);
    // Category rows of this period, by type in first-seen order; sex and age splits as their own types.
    let mut by_type: Vec<(String, Vec<&Observation>)> = Vec::new();
    for o in dataset.rows().filter(|o| same(o) && o.period == selection.period) {
        let kind = if has_category(o) && o.sex == selection.sex && o.age == selection.age {
            dataset.text(o.category_type).to_owned()
        } else if !has_category(o) && o.age == selection.age && o.sex != selection.sex && !dataset.text(o.sex).is_empty() {
            "Sex".to_owned()
        } else if !has_category(o) && o.sex == selection.sex && o.age != selection.age && !dataset.text(o.age).is_empty() {
            "Age".to_owned()
        } else {
            continue;
        };
        match by_type.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, rows)) => rows.push(o),
            None => by_type.push((kind, vec![o])),
        }
    }
    let indicator = &dataset.indicators[indicator_id as usize];
    if by_type.is_empty() {
        return Err(ViewError::Unusable(format!(
            "{} has no categories (Category Type / Category), sex or age splits for {} in {}",
            indicator.name, dataset.areas[area as usize].name, dataset.periods[selection.period as usize].label
        )));
    }
    let label_of = |kind: &str, o: &Observation| match kind {
        "Sex" => dataset.text(o.sex).to_owned(),
        "Age" => dataset.text(o.age).to_owned(),
        _ => dataset.text(o.category).to_owned(),
    };
    let mut groups = Vec::new();
    let mut sii_rows: Option<(String, Vec<&Observation>)> = None;
    for (kind, rows) in &mut by_type {
        let labels: Vec<String> = rows.iter().map(|o| label_of(kind, o)).collect();
        let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        if let Some(order) = is_deprivation_type(kind).then(|| deprivation_order(&label_refs)).flatten() {
            *rows = order.iter().map(|&i| rows[i]).collect();
            let wanted = spec.category_type.as_deref().is_none_or(|t| t == kind.as_str());
            if sii_rows.is_none() && wanted {
                sii_rows = Some((kind.clone(), rows.clone()));
            }
        }
        for o in rows.iter() {
            let (comparison, reason) = compare_with_area(level, polarity, o, area_value);
            let (lower, upper) = level.interval(o);
            groups.push(InequalityGroup {
                category_type: kind.clone(),
                category: label_of(kind, o),
                value: finite(o.value),
                lower: finite(lower),
                upper: finite(upper),
                denominator: finite(o.denominator),
                compared_to_area: comparison.label().to_owned(),
                reason,
                colour: comparison.colour_in(spec.palette).to_owned(),
            });
        }
    }
    let (mut sii, mut rii, mut sii_over_time) = (None, None, Vec::new());
    let mut sii_note = NO_ORDERED_GROUPS.to_owned();
    let sii_category_type = sii_rows.as_ref().map(|(kind, _)| kind.clone());
    if let Some((kind, rows)) = &sii_rows {
        let series = GroupSeries { indicator: indicator_id, area, sex: selection.sex, age: selection.age, category_type: kind };
        let summary = inequality_summary(dataset, series, rows);
        if let Some(estimate) = summary.estimate {
            sii = Some(IndexEstimate { value: estimate.sii, lower: None, upper: None });
            rii = Some(IndexEstimate { value: estimate.rii, lower: None, upper: None });
        }
        sii_note = summary.note;
        sii_over_time =
            summary.over_time.iter().map(|p| SiiPeriod { period: dataset.periods[p.period as usize].label.clone(), sii: p.sii, rii: p.rii }).collect();
    }
    let area_row = &dataset.areas[area as usize];
    Ok(InequalitiesView {
        indicator: indicator.name.clone(),
        indicator_key: indicator.key().to_owned(),
        period: dataset.periods[selection.period as usize].label.clone(),
        area_code: area_row.code.clone(),
        area_name: area_row.name.clone(),
        unit: indicator.unit.clone(),
        area_value,
        groups,
        sii_category_type,
        sii,
        rii,
        sii_over_time,
        sii_note,
        level: level.text().to_owned(),
    })
}

impl InequalitiesView {
    /// The view as a table: groups, then SII and RII rows when computed.
    pub fn table(&self) -> ViewTable {
        let lower = format!("Lower {} CI", self.level);
        let upper = format!("Upper {} CI", self.level);
        let mut table = ViewTable::new(&["Category type", "Category", "Value", &lower, &upper, "Denominator", "Compared with area", "Reason"]);
        let number = |x: Option<f64>| x.map(format_number).unwrap_or_default();
        for g in &self.groups {
            table.rows.push(vec![
                g.category_type.clone(),
                g.category.clone(),
                number(g.value),
                number(g.lower),
                number(g.upper),
                number(g.denominator),
                g.compared_to_area.clone(),
                g.reason.clone(),
            ]);
        }
        for p in &self.sii_over_time {
            let kind = self.sii_category_type.clone().unwrap_or_default();
            table.rows.push(vec![
                kind.clone(),
                format!("SII {}", p.period),
                format!("{:.4}", p.sii),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                self.sii_note.clone(),
            ]);
            table.rows.push(vec![
                kind,
                format!("RII {}", p.period),
                format!("{:.4}", p.rii),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for InequalitiesView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "{} in {} ({}): {} groups, each compared with the area's value at {}{}.",
            self.indicator,
            self.area_name,
            self.period,
            self.groups.len(),
            self.level,
            match (&self.sii, &self.rii) {
                (Some(s), Some(r)) => format!("; SII {:.3}, RII {:.3} (point estimates, no interval)", s.value, r.value),
                _ => String::new(),
            }
        )
    }
}
