//! The funnel-plot view model: every area of one type, value against denominator, limits around the benchmark.

use super::area_values::area_rows;
use super::format::format_number;
use super::legend::LegendEntry;
use super::selection::{select, select_indicator};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::funnel_plot::{funnel_plot, FunnelInput, FunnelKind, FunnelLimitPoint, FunnelPosition, OverdispersionMethod, OverdispersionUsed};
use crate::analysis::Benchmarker;
use crate::model::{Dataset, ValueType};
use serde::{Deserialize, Serialize};

/// One area on the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelPoint {
    /// Area code.
    pub code: String,
    /// Area name.
    pub name: String,
    /// Value (× multiplier).
    pub value: f64,
    /// Denominator (population; for ratios and DSRs, the population implied by count ÷ value).
    pub denominator: f64,
    /// Count used (from the file, or value × denominator ÷ multiplier when the file has none).
    pub count: f64,
    /// Where the point lies against the limits at its denominator.
    pub position: FunnelPosition,
    /// Fill colour `#RRGGBB` of the position.
    pub colour: String,
    /// True for the area the user picked, to highlight.
    pub selected: bool,
}

/// Everything the funnel chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelView {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Period label.
    pub period: String,
    /// Area type of the points.
    pub area_type: String,
    /// Unit of the values (may be empty).
    pub unit: String,
    /// `proportion` (Wilson-style limits) or `poisson` (exact Poisson limits).
    pub kind: FunnelKind,
    /// The limits' method in words.
    pub method: String,
    /// Value the funnel is centred on.
    pub target: f64,
    /// What the target is (`England`, or the pooled value of the areas).
    pub target_name: String,
    /// What the x axis measures.
    pub denominator_label: String,
    /// One point per area with a value and denominator.
    pub points: Vec<FunnelPoint>,
    /// Limit curves by increasing denominator.
    pub limits: Vec<FunnelLimitPoint>,
    /// The overdispersion adjustment, when on.
    pub overdispersion: Option<OverdispersionUsed>,
    /// Areas left out (no value or denominator), by name.
    pub left_out: Vec<String>,
    /// Notes on what was assumed.
    pub notes: Vec<String>,
}

/// One limit curve to draw: the (denominator, limit) points where the limit has a value.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitCurve {
    /// True for a 99.8% (outer) limit, false for a 95% one.
    pub outer: bool,
    /// (denominator, limit) by increasing denominator; a curve may not reach every denominator.
    pub points: Vec<(f64, f64)>,
}

/// Colour of a funnel position (orange above, blue below, grey within; never the only signal).
pub fn position_colour(position: FunnelPosition) -> &'static str {
    match position {
        FunnelPosition::Above998 => "#B35806",
        FunnelPosition::Above95 => "#F1A340",
        FunnelPosition::Within => "#A6A6A6",
        FunnelPosition::Below95 => "#998EC3",
        FunnelPosition::Below998 => "#542788",
    }
}

/// Builds the funnel plot for one indicator, period and area type.
pub fn funnel_view(dataset: &Dataset, benchmarker: &Benchmarker<'_>, spec: &ViewSpec, selected_area: Option<u32>) -> Result<FunnelView, ViewError> {
    let indicator_id = select_indicator(dataset, spec.indicator.as_deref())?;
    let selection = select(dataset, spec, indicator_id)?;
    let indicator = &dataset.indicators[indicator_id as usize];
    let kind = match indicator.value_type {
        ValueType::Proportion => FunnelKind::Proportion,
        ValueType::Rate | ValueType::Dsr | ValueType::Ratio => FunnelKind::Poisson,
        other => return Err(ViewError::Unusable(format!("a funnel plot needs a proportion, rate or ratio; {} is {other:?}", indicator.name))),
    };
    let mut notes = Vec::new();
    let multiplier = if indicator.multiplier.is_finite() && indicator.multiplier > 0.0 {
        indicator.multiplier
    } else if kind == FunnelKind::Proportion {
        notes.push("multiplier not given: values read as percentages (× 100)".into());
        100.0
    } else {
        return Err(ViewError::Unusable(format!("the multiplier of {} (per 1,000, per 100,000…) is not known", indicator.name)));
    };
    let (mut points, mut left_out, mut benchmarks) = (Vec::new(), Vec::new(), Vec::new());
    let mut derived_counts = 0;
    for row in area_rows(dataset, &selection) {
        let o = dataset.row(row);
        let area = &dataset.areas[o.area as usize];
        let (value, mut denominator) = (o.value, o.denominator);
        if !(value.is_finite() && denominator.is_finite() && denominator > 0.0) {
            left_out.push(area.name.clone());
            continue;
        }
        let count = if o.count.is_finite() {
            o.count
        } else {
            derived_counts += 1;
            (value * denominator / multiplier).round()
        };
        // DSRs and ratios: the population that gives the value from the count (the package's own route).
        if matches!(indicator.value_type, ValueType::Dsr | ValueType::Ratio) && o.count.is_finite() && value > 0.0 {
            denominator = multiplier * count / value;
        }
        if let Some(b) = benchmarker.benchmark_for_row(row).filter(|b| b.value.is_finite()) {
            if !benchmarks.iter().any(|(_, v): &(String, f64)| *v == b.value) {
                benchmarks.push((b.name.clone(), b.value));
            }
        }
        points.push(FunnelPoint {
            code: area.code.clone(),
            name: area.name.clone(),
            value,
            denominator,
            count,
            position: FunnelPosition::Within,
            colour: String::new(),
            selected: Some(o.area) == selected_area,
        });
    }
    if points.len() < 3 {
        return Err(ViewError::Unusable(format!(
            "a funnel plot needs at least 3 areas ({}) with a value and a denominator; found {}",
            selection.area_type,
            points.len()
        )));
    }
    if derived_counts > 0 {
        notes.push(format!("{derived_counts} counts not in the file: taken as value × denominator ÷ {multiplier}, rounded"));
    }
    let (target_name, target) = match benchmarks.as_slice() {
        [(name, value)] => (name.clone(), *value),
        [] => {
            let pooled = multiplier * points.iter().map(|p| p.count).sum::<f64>() / points.iter().map(|p| p.denominator).sum::<f64>();
            notes.push("no benchmark value in the data: centred on the pooled value of the areas".into());
            ("pooled value of the areas".to_owned(), pooled)
        }
        _ => return Err(ViewError::Unusable("a funnel plot needs one benchmark for every area; choose England or one area".into())),
    };
    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    let counts: Vec<f64> = points.iter().map(|p| p.count).collect();
    let denominators: Vec<f64> = points.iter().map(|p| p.denominator).collect();
    let input = FunnelInput { kind, values: &values, counts: &counts, denominators: &denominators, target, multiplier, overdispersion: spec.overdispersion };
    let plot = funnel_plot(&input).map_err(ViewError::Unusable)?;
    for (point, position) in points.iter_mut().zip(&plot.positions) {
        point.position = *position;
        point.colour = position_colour(*position).to_owned();
    }
    let method = match (&plot.overdispersion, kind) {
        (Some(od), _) => format!(
            "normal limits widened for overdispersion ({}: φ = {:.3}, τ² = {}), Spiegelhalter 2005",
            if od.method == OverdispersionMethod::Additive { "additive random effects" } else { "multiplicative" },
            od.phi,
            format_number(od.tau_squared)
        ),
        (None, FunnelKind::Proportion) => "Wilson-score limits around the target (PHEindicatormethods)".into(),
        (None, FunnelKind::Poisson) => "exact Poisson limits around the target (PHEindicatormethods), drawn on a common denominator grid".into(),
    };
    let denominator_label = match indicator.value_type {
        ValueType::Dsr => "Population implied by events ÷ DSR",
        ValueType::Ratio => "Expected count",
        _ => "Denominator",
    };
    Ok(FunnelView {
        indicator: indicator.name.clone(),
        indicator_key: indicator.key().to_owned(),
        period: dataset.periods[selection.period as usize].label.clone(),
        area_type: selection.area_type,
        unit: indicator.unit.clone(),
        kind,
        method,
        target,
        target_name,
        denominator_label: denominator_label.into(),
        points,
        limits: plot.limits,
        overdispersion: plot.overdispersion,
        left_out,
        notes,
    })
}

impl FunnelView {
    /// The four limit curves in drawing order: lower and upper 95%, then lower and upper 99.8%.
    pub fn limit_curves(&self) -> Vec<LimitCurve> {
        let picks: [(bool, fn(&FunnelLimitPoint) -> Option<f64>); 4] =
            [(false, |l| l.lower_95), (false, |l| l.upper_95), (true, |l| l.lower_99_8), (true, |l| l.upper_99_8)];
        picks
            .iter()
            .map(|&(outer, pick)| LimitCurve { outer, points: self.limits.iter().filter_map(|l| pick(l).map(|v| (l.denominator, v))).collect() })
            .collect()
    }

    /// The legend: one entry per position some point has, from above the 99.8% limit to below it.
    pub fn position_legend(&self) -> Vec<LegendEntry> {
        let positions = [FunnelPosition::Above998, FunnelPosition::Above95, FunnelPosition::Within, FunnelPosition::Below95, FunnelPosition::Below998];
        positions
            .iter()
            .filter(|pos| self.points.iter().any(|p| p.position == **pos))
            .map(|pos| LegendEntry { label: pos.text().to_owned(), colour: position_colour(*pos).to_owned() })
            .collect()
    }

    /// The view as a table: the chart's text alternative and CSV export.
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&["Area code", "Area", "Value", "Count", &self.denominator_label, "Position", "Target"]);
        for p in &self.points {
            table.rows.push(vec![
                p.code.clone(),
                p.name.clone(),
                format_number(p.value),
                format_number(p.count),
                format_number(p.denominator),
                p.position.text().to_owned(),
                format!("{} {}", self.target_name, format_number(self.target)),
            ]);
        }
        table
    }
}

impl super::view_info::ViewInfo for FunnelView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "{} ({}), {} {}: value against {} with 95% and 99.8% limits around {} {}; {}.",
            self.indicator,
            self.period,
            self.points.len(),
            self.area_type,
            self.denominator_label.to_lowercase(),
            self.target_name,
            crate::analysis::number_text::format_number(self.target),
            self.method
        )
    }
}
