//! The hex-map view model: one indicator and period, each area's hexes coloured by its comparison (or quintile).

use super::legend::{legend_for, LegendEntry};
use super::selection::{select, select_indicator};
use super::table::ViewTable;
use super::{ViewError, ViewSpec};
use crate::analysis::area_types::{is_local_area, row_area_type};
use crate::analysis::number_text::format_number;
use crate::analysis::quintiles::{quintile_of, sorted_finite};
use crate::analysis::{Benchmarker, Comparison, NotComparedReason};
use crate::geo::{choose_level, district_map, place, MapLevel, Placement};
use crate::model::{Dataset, Polarity, Sym};
use serde::{Deserialize, Serialize};

/// One area on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapArea {
    /// Area code.
    pub code: String,
    /// Area name.
    pub name: String,
    /// Value, when present.
    pub value: Option<f64>,
    /// Category label (`Better`, `Similar`, quintile `Lowest`…, `Not compared`).
    pub category: String,
    /// Why the category: rule and numbers.
    pub reason: String,
    /// Fill colour `#RRGGBB`.
    pub colour: String,
    /// The hexes, as `[q, r]`.
    pub hexes: Vec<[i64; 2]>,
    /// True when the area is only outlined (a county on a districts map), not filled.
    pub outline_only: bool,
    /// True for the area the user picked, to highlight.
    pub selected: bool,
}

/// An area in the data that has no place on the map, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedArea {
    /// Area code.
    pub code: String,
    /// Area name.
    pub name: String,
    /// Why it is not on the map.
    pub reason: String,
}

/// Everything the map chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Indicator name.
    pub indicator: String,
    /// Indicator id (or name).
    pub indicator_key: String,
    /// Period label.
    pub period: String,
    /// Geography shown.
    pub level: MapLevel,
    /// HexJSON layout (`odd-r` …).
    pub layout: String,
    /// What the colours mean (`compared with England at 95%`, `quintiles (no judgement)`).
    pub colouring: String,
    /// Areas placed, filled ones first.
    pub areas: Vec<MapArea>,
    /// Hexes of the map with no data, drawn in light grey so the map keeps its shape.
    pub background: Vec<[i64; 2]>,
    /// Codes of the areas in the data that have no hex.
    pub unmatched: Vec<String>,
    /// The same areas with names and reasons.
    pub unmatched_reasons: Vec<UnmatchedArea>,
    /// Legend entries for the categories present.
    pub legend: Vec<LegendEntry>,
    /// Attribution of the map (its licence is `geo::GEO_NOTICE`).
    pub attribution: String,
}

/// Builds the map for one indicator and period: districts, counties (grouped from districts) or the user's map.
pub fn map_view(dataset: &Dataset, benchmarker: &Benchmarker<'_>, spec: &ViewSpec, selected_area: Option<u32>) -> Result<MapView, ViewError> {
    let indicator_id = select_indicator(dataset, spec.indicator.as_deref())?;
    let selection = select(dataset, spec, indicator_id)?;
    let wanted_type = spec.area_type.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let rows: Vec<usize> = dataset
        .rows()
        .enumerate()
        .filter(|(_, o)| o.indicator == indicator_id && o.period == selection.period && o.sex == selection.sex && o.age == selection.age)
        .filter(|(_, o)| o.category_type == Sym(0))
        .filter(|(_, o)| dataset.areas.get(o.area as usize).is_some_and(is_local_area) && wanted_type.is_none_or(|t| row_area_type(dataset, o) == t))
        .map(|(row, _)| row)
        .collect();
    let codes: Vec<&str> = rows.iter().map(|&r| dataset.areas[dataset.row(r).area as usize].code.as_str()).collect();
    let user = dataset.user_map.as_ref();
    let level = if user.is_some() { MapLevel::UserMap } else { choose_level(&codes) };
    let polarity = benchmarker.polarity_of(indicator_id);
    let judged = matches!(polarity, Polarity::HighIsGood | Polarity::LowIsGood);
    let (mut areas, mut unmatched_reasons) = (Vec::new(), Vec::new());
    let mut comparisons = Vec::new();
    for &row in &rows {
        let o = dataset.row(row);
        let area = &dataset.areas[o.area as usize];
        let (hexes, outline_only) = match place(&area.code, &area.name, level, user.map(|u| &u.map)) {
            Placement::Filled(h) => (h, false),
            Placement::Outline(h) => (h, true),
            Placement::Unmatched(reason) => {
                unmatched_reasons.push(UnmatchedArea { code: area.code.clone(), name: area.name.clone(), reason });
                continue;
            }
        };
        let outcome = benchmarker.outcome(row);
        areas.push((
            o.value,
            outcome.comparison,
            outcome.explanation,
            MapArea {
                code: area.code.clone(),
                name: area.name.clone(),
                value: o.value.is_finite().then_some(o.value),
                category: String::new(),
                reason: String::new(),
                colour: String::new(),
                hexes,
                outline_only,
                selected: Some(o.area) == selected_area,
            },
        ));
    }
    if areas.is_empty() {
        let sample: Vec<&str> = codes.iter().take(3).copied().collect();
        let what = if level == MapLevel::UserMap { "the user's hex map" } else { "the built-in map of April 2023 districts & UAs and counties" };
        return Err(ViewError::Unusable(format!(
            "none of the {} areas ({}{}) is in {what}: codes of an unknown geography; drop a HexJSON of that geography",
            codes.len(),
            sample.join(", "),
            if codes.len() > 3 { ", …" } else { "" }
        )));
    }
    let filled_values = sorted_finite(areas.iter().filter(|a| !a.3.outline_only).map(|a| a.0));
    let mut out_areas = Vec::new();
    for (value, comparison, explanation, mut area) in areas {
        let (comparison, reason) = if judged || area.outline_only {
            (comparison, explanation)
        } else {
            match quintile_of(value, &filled_values) {
                Some(q) => (Comparison::Quintile(q), format!("no judgement of good or bad: quintile {q} of {} mapped areas", filled_values.len())),
                None => {
                    let why = if value.is_finite() { NotComparedReason::TooFewAreasForQuintiles } else { NotComparedReason::NoValue };
                    (Comparison::NotCompared(why), format!("Not compared: {}", why.text()))
                }
            }
        };
        if !area.outline_only {
            comparisons.push(comparison);
        }
        area.category = comparison.label().to_owned();
        area.colour = comparison.colour_in(spec.palette).to_owned();
        area.reason = reason;
        out_areas.push(area);
    }
    out_areas.sort_by_key(|a| a.outline_only);
    let layout = match user {
        Some(u) => u.map.layout.clone(),
        None => district_map().layout.clone(),
    };
    let used: std::collections::HashSet<[i64; 2]> = out_areas.iter().filter(|a| !a.outline_only).flat_map(|a| a.hexes.iter().copied()).collect();
    let background = match user {
        Some(u) => u.map.hexes.values().map(|h| [h.q, h.r]).filter(|c| !used.contains(c)).collect(),
        None => district_map().hexes.iter().filter(|(code, _)| code.starts_with('E')).map(|(_, h)| [h.q, h.r]).filter(|c| !used.contains(c)).collect(),
    };
    let colouring = if judged {
        format!(
            "compared with {} at {} ({})",
            benchmarker.options().benchmark.display_name(dataset),
            benchmarker.level_of(indicator_id).text(),
            crate::analysis::polarity::polarity_text(polarity)
        )
    } else {
        "quintiles of the mapped areas (no judgement of good or bad)".to_owned()
    };
    let attribution = match user {
        Some(u) => format!("Hex map: {} (the user's)", u.file),
        None => "Hex map: Open Innovations (MIT licence)".to_owned(),
    };
    let indicator = &dataset.indicators[indicator_id as usize];
    Ok(MapView {
        indicator: indicator.name.clone(),
        indicator_key: indicator.key().to_owned(),
        period: dataset.periods[selection.period as usize].label.clone(),
        level,
        layout,
        colouring,
        areas: out_areas,
        background,
        unmatched: unmatched_reasons.iter().map(|u| u.code.clone()).collect(),
        unmatched_reasons,
        legend: legend_for(comparisons, spec.palette),
        attribution,
    })
}

impl MapView {
    /// The view as a table: the chart's text alternative and CSV export (unmatched areas last, with the reason).
    pub fn table(&self) -> ViewTable {
        let mut table = ViewTable::new(&["Area code", "Area", "Value", "Category", "Hexes", "Note"]);
        for a in &self.areas {
            let note = if a.outline_only { "outline only (a county on a districts map)".to_owned() } else { a.reason.clone() };
            table.rows.push(vec![
                a.code.clone(),
                a.name.clone(),
                a.value.map(format_number).unwrap_or_default(),
                a.category.clone(),
                a.hexes.len().to_string(),
                note,
            ]);
        }
        for u in &self.unmatched_reasons {
            table.rows.push(vec![u.code.clone(), u.name.clone(), String::new(), "Not on the map".into(), "0".into(), u.reason.clone()]);
        }
        table
    }
}

impl super::view_info::ViewInfo for MapView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "Hex map of {} ({}), {}: {} areas coloured by {}{}.",
            self.indicator,
            self.period,
            self.level.text(),
            self.areas.iter().filter(|a| !a.outline_only).count(),
            self.colouring,
            if self.unmatched.is_empty() { String::new() } else { format!("; {} areas have no hex (listed in the table)", self.unmatched.len()) }
        )
    }
}
