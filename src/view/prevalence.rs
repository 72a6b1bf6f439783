//! The prevalence view model: estimated numbers by area, age band and disorder, with the interval basis and every problem met.

use super::table::ViewTable;
use crate::analysis::age_band::AgeBand;
use crate::analysis::number_text::format_number;
use crate::analysis::prevalence::{estimate_prevalence, PrevalenceEstimate};
use crate::analysis::prevalence_inputs::prevalence_inputs;
use crate::analysis::prevalence_issue::{IntervalBasis, PrevalenceIssue};
use serde::{Deserialize, Serialize};

/// Colours given to areas in turn (colour-blind-safe Okabe–Ito order); the legend names them too.
pub const AREA_COLOURS: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/// Everything the prevalence chart and table need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrevalenceView {
    /// Period(s) of the national rates.
    pub rates_period: String,
    /// Period of the populations.
    pub population_period: String,
    /// Areas side by side, in population order.
    pub areas: Vec<String>,
    /// Colour of each area's bars (`#RRGGBB`, same order as `areas`).
    pub area_colours: Vec<String>,
    /// Output age bands by age.
    pub bands: Vec<String>,
    /// Disorders in rates order.
    pub disorders: Vec<String>,
    /// Estimates (per band and each area's total over bands).
    pub estimates: Vec<PrevalenceEstimate>,
    /// Where the intervals come from.
    pub interval_basis: IntervalBasis,
    /// The interval basis in one plain sentence.
    pub interval_note: String,
    /// Errors and warnings met.
    pub issues: Vec<PrevalenceIssue>,
}

/// Reads `1-4,5-16` style band lists; `Err` names the first unreadable band.
pub fn parse_bands(bands: &[String]) -> Result<Vec<AgeBand>, String> {
    bands
        .iter()
        .flat_map(|b| b.split(','))
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| AgeBand::parse(b).ok_or_else(|| format!("`{b}` is not an age band (write 5-16, 18+, Under 5)")))
        .collect()
}

/// Builds the prevalence view from the loaded rates and populations in the output `bands`.
pub fn prevalence_view(dataset: &crate::model::Dataset, bands: &[AgeBand]) -> PrevalenceView {
    let inputs = prevalence_inputs(dataset);
    let result = estimate_prevalence(&inputs.rates, &inputs.populations, bands);
    let mut issues = result.issues.clone();
    issues.extend(inputs.issues);
    issues.sort_by_key(|i| !i.is_error());
    PrevalenceView {
        rates_period: inputs.rates_period,
        population_period: inputs.population_period,
        area_colours: (0..result.areas.len()).map(|i| AREA_COLOURS[i % AREA_COLOURS.len()].to_owned()).collect(),
        areas: result.areas,
        bands: result.bands,
        disorders: result.disorders,
        estimates: result.estimates,
        interval_basis: result.interval_basis,
        interval_note: result.interval_basis.sentence().to_owned(),
        issues,
    }
}

impl PrevalenceView {
    /// True when the estimates carry intervals (some or all).
    pub fn has_intervals(&self) -> bool {
        self.interval_basis != IntervalBasis::None
    }

    /// The estimate for an area, band and disorder (persons or the first sex), if made.
    pub fn estimate(&self, area: &str, band: &str, disorder: &str) -> Option<&PrevalenceEstimate> {
        self.estimates.iter().find(|e| e.area == area && e.age_band == band && e.disorder == disorder)
    }

    /// Band labels of the rows: each band, then the all-band total when there is one.
    pub fn row_bands(&self) -> Vec<String> {
        let mut bands = self.bands.clone();
        for e in self.estimates.iter().filter(|e| e.total) {
            if !bands.contains(&e.age_band) {
                bands.push(e.age_band.clone());
            }
        }
        bands
    }

    /// The view as a table: one row per band and disorder, areas side by side (population, rate, estimate, limits).
    pub fn table(&self) -> ViewTable {
        let mut header = vec!["Age band".to_owned(), "Sex".to_owned(), "Disorder".to_owned()];
        for area in &self.areas {
            header.push(format!("{area} population"));
            header.push(format!("{area} rate %"));
            header.push(format!("{area} estimate"));
            if self.has_intervals() {
                header.push(format!("{area} lower 95%"));
                header.push(format!("{area} upper 95%"));
            }
        }
        let mut table = ViewTable { header, rows: Vec::new() };
        let mut keys: Vec<(String, String, String)> = Vec::new();
        for band in self.row_bands() {
            for e in self.estimates.iter().filter(|e| e.age_band == band) {
                let key = (band.clone(), e.sex.clone(), e.disorder.clone());
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for (band, sex, disorder) in keys {
            let mut row = vec![band.clone(), sex.clone(), disorder.clone()];
            for area in &self.areas {
                let found = self.estimates.iter().find(|e| &e.area == area && e.age_band == band && e.sex == sex && e.disorder == disorder);
                let cells = match found {
                    Some(e) => vec![
                        format!("{:.0}", e.population),
                        format_number(e.rate_percent),
                        format!("{:.0}", e.estimate),
                        e.lower.map(|v| format!("{v:.0}")).unwrap_or_default(),
                        e.upper.map(|v| format!("{v:.0}")).unwrap_or_default(),
                    ],
                    None => vec![String::new(); 5],
                };
                row.extend(cells.into_iter().take(if self.has_intervals() { 5 } else { 3 }));
            }
            table.rows.push(row);
        }
        table
    }
}

impl super::view_info::ViewInfo for PrevalenceView {
    fn data_table(&self) -> ViewTable {
        self.table()
    }

    fn caption(&self) -> String {
        format!(
            "Estimated numbers with each disorder in {} areas by age band: {} national rates × {} populations. {}",
            self.areas.len(),
            self.rates_period,
            self.population_period,
            self.interval_note
        )
    }
}
