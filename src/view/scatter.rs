//! The compare-indicators view model: two indicators across the areas of one type, least-squares line and R².

use super::area_values::area_rows;
use super::format::format_number;
use super::selection::{select, select_indicator};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::indicator_fit::{fit_indicators, IndicatorFit, MIN_AREAS};
use crate::model::Dataset;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One area's pair of values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScatterPoint {
    /// Area code (empty when the file has none).
    pub code: String,
    /// Area name.
    pub name: String,
    /// Value of the first indicator (x axis).
    pub x: f64,
    /// Value of the second indicator (y axis).
    pub y: f64,
    /// True for the area the user picked, to highlight.
    pub selected: bool,
}

/// Everything the compare-indicators chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScatterView {
    /// Name of the x indicator.
    pub indicator_x: String,
    /// Name of the y indicator.
    pub indicator_y: String,
    /// Unit of x (may be empty).
    pub unit_x: String,
    /// Unit of y (may be empty).
    pub unit_y: String,
    /// Period of x.
    pub period_x: String,
    /// Period of y.
    pub period_y: String,
    /// Area type of the points.
    pub area_type: String,
    /// One point per area with both values.
    pub points: Vec<ScatterPoint>,
    /// Slope of the least-squares line of y on x.
    pub slope: f64,
    /// Intercept of that line.
    pub intercept: f64,
    /// Coefficient of determination of that line.
    pub r_squared: f64,
    /// Areas left out because one of the two values is missing, by name.
    pub left_out: Vec<String>,
}

/// Builds the compare-indicators view: `spec.indicators` = [x, y] (default the first two loaded).
pub fn scatter_view(dataset: &Dataset, spec: &ViewSpec, selected_area: Option<u32>) -> Result<ScatterView, ViewError> {
    let keys: Vec<Option<&str>> = match spec.indicators.as_slice() {
        [x, y, ..] => vec![Some(x.as_str()), Some(y.as_str())],
        [x] => vec![Some(x.as_str()), spec.indicator.as_deref()],
        [] => vec![spec.indicator.as_deref(), None],
    };
    let x_id = select_indicator(dataset, keys[0])?;
    let y_id = match keys[1] {
        Some(key) => select_indicator(dataset, Some(key))?,
        None => (0..dataset.indicators.len() as u32)
            .find(|&i| i != x_id)
            .ok_or_else(|| ViewError::Unusable("compare indicators needs two indicators (`indicators: [x, y]`); only one is loaded".into()))?,
    };
    if x_id == y_id {
        return Err(ViewError::Unusable("compare indicators needs two different indicators".into()));
    }
    let x_sel = select(dataset, spec, x_id)?;
    let y_spec = ViewSpec { area_type: Some(x_sel.area_type.clone()), ..spec.clone() };
    let y_sel = select(dataset, &y_spec, y_id)?;
    let y_values: HashMap<u32, f64> = area_rows(dataset, &y_sel).into_iter().map(|r| (dataset.row(r).area, dataset.row(r).value)).collect();
    let (mut points, mut left_out) = (Vec::new(), Vec::new());
    for row in area_rows(dataset, &x_sel) {
        let observation = dataset.row(row);
        let area = &dataset.areas[observation.area as usize];
        match (observation.value, y_values.get(&observation.area).copied()) {
            (x, Some(y)) if x.is_finite() && y.is_finite() => {
                points.push(ScatterPoint { code: area.code.clone(), name: area.name.clone(), x, y, selected: Some(observation.area) == selected_area })
            }
            _ => left_out.push(area.name.clone()),
        }
    }
    if points.len() < MIN_AREAS {
        return Err(ViewError::Unusable(format!(
            "compare indicators needs at least 3 areas ({}) with values of both indicators; found {}",
            x_sel.area_type,
            points.len()
        )));
    }
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    let fit = fit_indicators(&xs, &ys).map_err(|e| ViewError::Unusable(format!("compare indicators: {e}")))?;
    let (x_ind, y_ind) = (&dataset.indicators[x_id as usize], &dataset.indicators[y_id as usize]);
    Ok(ScatterView {
        indicator_x: x_ind.name.clone(),
        indicator_y: y_ind.name.clone(),
        unit_x: x_ind.unit.clone(),
        unit_y: y_ind.unit.clone(),
        period_x: dataset.periods[x_sel.period as usize].label.clone(),
        period_y: dataset.periods[y_sel.period as usize].label.clone(),
        area_type: x_sel.area_type,
        points,
        slope: fit.slope,
        intercept: fit.intercept,
        r_squared: fit.r_squared,
        left_out,
    })
}

impl ScatterView {
    /// The view as a table: the chart's text alternative and CSV export.
    pub fn table(&self) -> ViewTable {
        let x_head = format!("{} ({})", self.indicator_x, self.period_x);
        let y_head = format!("{} ({})", self.indicator_y, self.period_y);
        let mut table = ViewTable::new(&["Area code", "Area", &x_head, &y_head, "Fitted y"]);
        for p in &self.points {
            table.rows.push(vec![p.code.clone(), p.name.clone(), format_number(p.x), format_number(p.y), format_number(self.fitted(p.x))]);
        }
        table
    }

    /// The least-squares line's y at `x` (for the table's fitted column and the chart's line).
    pub fn fitted(&self, x: f64) -> f64 {
        IndicatorFit { slope: self.slope, intercept: self.intercept, r_squared: self.r_squared }.fitted(x)
    }

    /// The fitted line in words: `y = a + b·x, R² = …, n areas`.
    pub fn line_text(&self) -> String {
        format!(
            "least-squares line y = {} + {} × x, R² = {:.3}, {} areas",
            significant(self.intercept),
            significant(self.slope),
            self.r_squared,
            self.points.len()
        )
    }
}

/// A number with four significant figures (small slopes stay readable).
fn significant(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format_number(x);
    }
    let decimals = (3 - x.abs().log10().floor() as i32).clamp(0, 12) as usize;
    format!("{x:.decimals$}")
}

impl super::view_info::ViewInfo for ScatterView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!("{} against {} for {} areas ({}): {}.", self.indicator_y, self.indicator_x, self.points.len(), self.area_type, self.line_text())
    }
}
