//! Finding a prevalence run's inputs among loaded observations: national rate tables and populations by age band.

use super::age_band::AgeBand;
use super::prevalence::{PopulationInput, RateInput};
use super::prevalence_issue::PrevalenceIssue;
use crate::ingest::POPULATION;
use crate::model::{Dataset, Observation, Sym, ValueType};
use std::collections::BTreeMap;

/// Rates and populations read from a dataset, with the periods they are for and what was skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrevalenceInputs {
    /// National rates by band, sex and disorder.
    pub rates: Vec<RateInput>,
    /// Populations by area, band and sex.
    pub populations: Vec<PopulationInput>,
    /// Period label(s) of the rates.
    pub rates_period: String,
    /// Period label of the populations used.
    pub population_period: String,
    /// Rows skipped and assumptions made.
    pub issues: Vec<PrevalenceIssue>,
}

fn is_population(dataset: &Dataset, observation: &Observation) -> bool {
    dataset.indicators[observation.indicator as usize].name.eq_ignore_ascii_case(POPULATION)
}

/// Files holding rate tables: every observation national (England), with an age band, and not a population.
fn rate_files(dataset: &Dataset) -> Vec<Sym> {
    let mut verdict: BTreeMap<u32, bool> = BTreeMap::new();
    for observation in dataset.rows() {
        let national = dataset.areas[observation.area as usize].is_england();
        let fits = national && !dataset.text(observation.age).trim().is_empty() && !is_population(dataset, observation);
        let entry = verdict.entry(observation.file.0).or_insert(true);
        *entry &= fits;
    }
    verdict.into_iter().filter(|(_, fits)| *fits).map(|(file, _)| Sym(file)).collect()
}

/// The area's display name (its code when it has no name).
fn area_label(dataset: &Dataset, area: u32) -> String {
    let area = &dataset.areas[area as usize];
    if area.name.is_empty() {
        area.code.clone()
    } else {
        area.name.clone()
    }
}

/// Reads the rate tables and populations among the loaded observations.
pub fn prevalence_inputs(dataset: &Dataset) -> PrevalenceInputs {
    let mut inputs = PrevalenceInputs::default();
    let files = rate_files(dataset);
    let mut rate_periods: Vec<String> = Vec::new();
    let mut unit_warned = false;
    for observation in dataset.rows().filter(|o| files.contains(&o.file)) {
        let age = dataset.text(observation.age);
        let Some(band) = AgeBand::parse(age) else {
            inputs.issues.push(PrevalenceIssue::warning(format!(
                "{} line {}: `{age}` is not an age band: rate skipped",
                dataset.text(observation.file),
                observation.line
            )));
            continue;
        };
        if !observation.value.is_finite() {
            continue;
        }
        let indicator = &dataset.indicators[observation.indicator as usize];
        let stated = matches!(indicator.value_type, ValueType::Proportion | ValueType::Rate) && indicator.multiplier.is_finite();
        if !stated && !unit_warned {
            unit_warned = true;
            inputs.issues.push(PrevalenceIssue::warning(format!("the rates of {} do not say their unit: read as percentages", dataset.text(observation.file))));
        }
        let period = dataset.periods[observation.period as usize].label.clone();
        if !rate_periods.contains(&period) {
            rate_periods.push(period);
        }
        inputs.rates.push(RateInput {
            band,
            sex: dataset.text(observation.sex).to_owned(),
            disorder: indicator.name.clone(),
            value: observation.value,
            lower: observation.lower95,
            upper: observation.upper95,
            sample_size: observation.denominator,
            per: if stated { indicator.multiplier } else { 100.0 },
        });
    }
    inputs.rates_period = rate_periods.join(", ");
    read_populations(dataset, &mut inputs);
    inputs
}

/// Populations of the latest period loaded (an earlier year would mix two years' people).
fn read_populations(dataset: &Dataset, inputs: &mut PrevalenceInputs) {
    let rows: Vec<&Observation> = dataset.rows().filter(|o| is_population(dataset, o) && o.value.is_finite()).collect();
    let mut periods: Vec<u32> = rows.iter().map(|o| o.period).collect();
    periods.sort_by(|a, b| dataset.periods[*a as usize].cmp(&dataset.periods[*b as usize]));
    periods.dedup();
    let Some(&latest) = periods.last() else { return };
    inputs.population_period = dataset.periods[latest as usize].label.clone();
    if periods.len() > 1 {
        inputs.issues.push(PrevalenceIssue::warning(format!(
            "populations for {} periods loaded: using the latest, {}",
            periods.len(),
            inputs.population_period
        )));
    }
    for observation in rows.into_iter().filter(|o| o.period == latest) {
        let age = dataset.text(observation.age);
        let Some(band) = AgeBand::parse(age) else {
            let shown = if age.is_empty() { "(no age band)" } else { age };
            inputs.issues.push(PrevalenceIssue::warning(format!(
                "{} line {}: population `{shown}` is not an age band: skipped",
                dataset.text(observation.file),
                observation.line
            )));
            continue;
        };
        inputs.populations.push(PopulationInput {
            area: area_label(dataset, observation.area),
            band,
            sex: dataset.text(observation.sex).to_owned(),
            count: observation.value,
        });
    }
}
