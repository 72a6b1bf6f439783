//! Prevalence estimates: national rates by age band (and sex, disorder) × local populations → estimated numbers with intervals.
//!
//! Output bands that are unions of the rates' bands (`5-16` = `5-10` + `11-16`) are built by summing
//! the numbers of their parts, never by averaging rates. Bands that do not line up (a population band
//! reaching across a rates band, an output band cutting a rates band) are reported, not split.

use super::age_band::{cover, union, AgeBand};
use super::prevalence_issue::{IntervalBasis, PrevalenceIssue};
use crate::stats::{scale, sum_independent, wilson_lower, wilson_upper, Estimate};
use serde::{Deserialize, Serialize};

/// One national rate: a disorder's prevalence in an age band (and sex).
#[derive(Clone, Debug, PartialEq)]
pub struct RateInput {
    /// Age band of the rate.
    pub band: AgeBand,
    /// Sex the rate is for; empty or `Persons` for both sexes.
    pub sex: String,
    /// Disorder (or condition) name.
    pub disorder: String,
    /// The rate as printed (e.g. 9.5 for 9.5%).
    pub value: f64,
    /// Lower 95% limit of the rate as printed, NaN when not given.
    pub lower: f64,
    /// Upper 95% limit of the rate as printed, NaN when not given.
    pub upper: f64,
    /// Survey sample size behind the rate, NaN when not given.
    pub sample_size: f64,
    /// What the rate is per (100 for a percentage, 1,000 for per 1,000).
    pub per: f64,
}

/// One local population: an area's people in an age band (a single year is a band of one year).
#[derive(Clone, Debug, PartialEq)]
pub struct PopulationInput {
    /// Area name (or code when it has no name).
    pub area: String,
    /// Age band.
    pub band: AgeBand,
    /// Sex; empty or `Persons` for both sexes.
    pub sex: String,
    /// Number of people.
    pub count: f64,
}

/// One estimated number for an area, output band, sex and disorder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrevalenceEstimate {
    /// Area name.
    pub area: String,
    /// Output age band label (`5-16`, or `All ages 2-19` for a total).
    pub age_band: String,
    /// Sex (empty for both sexes).
    pub sex: String,
    /// Disorder.
    pub disorder: String,
    /// People in the band.
    pub population: f64,
    /// Effective rate in percent: estimate ÷ population × 100 (population-weighted for combined bands).
    pub rate_percent: f64,
    /// Estimated number of people with the disorder.
    pub estimate: f64,
    /// Lower 95% limit of the number, when the rates carry intervals.
    pub lower: Option<f64>,
    /// Upper 95% limit of the number, when the rates carry intervals.
    pub upper: Option<f64>,
    /// The rates' bands summed to make this band (`5-10`, `11-16`).
    pub parts: Vec<String>,
    /// True for an area's total over every output band.
    pub total: bool,
}

/// The result of a prevalence run: estimates, the interval basis, and every problem met.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prevalence {
    /// Estimates: areas in population order, then bands by age, then sexes and disorders in rates order.
    pub estimates: Vec<PrevalenceEstimate>,
    /// Areas, in population order.
    pub areas: Vec<String>,
    /// Output band labels by age (totals not included).
    pub bands: Vec<String>,
    /// Disorders, in rates order.
    pub disorders: Vec<String>,
    /// Where the intervals come from.
    pub interval_basis: IntervalBasis,
    /// Problems, errors first.
    pub issues: Vec<PrevalenceIssue>,
}

impl Prevalence {
    /// True when any issue is an error (some estimate could not be made as asked).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(PrevalenceIssue::is_error)
    }
}

/// True for labels meaning both sexes.
pub fn is_persons(sex: &str) -> bool {
    matches!(sex.trim().to_lowercase().as_str(), "" | "persons" | "person" | "all" | "all persons" | "total" | "both")
}

/// Rate limits as fractions of one person: published limits, else Wilson limits from the sample size.
fn rate_share(rate: &RateInput) -> (Estimate, IntervalBasis) {
    let share = rate.value / rate.per;
    if rate.lower.is_finite() && rate.upper.is_finite() {
        let estimate = Estimate { value: share, lower: rate.lower / rate.per, upper: rate.upper / rate.per };
        return (estimate, IntervalBasis::PublishedRateLimits);
    }
    if rate.sample_size.is_finite() && rate.sample_size >= 1.0 {
        let cases = share * rate.sample_size;
        let estimate = Estimate { value: share, lower: wilson_lower(cases, rate.sample_size, 0.95), upper: wilson_upper(cases, rate.sample_size, 0.95) };
        return (estimate, IntervalBasis::SurveySampleSize);
    }
    (Estimate { value: share, lower: f64::NAN, upper: f64::NAN }, IntervalBasis::None)
}

/// Checks each rate (finite, 0–100% of people, limits around the value); bad rates are dropped with an error.
fn valid_rates(rates: &[RateInput], issues: &mut Vec<PrevalenceIssue>) -> Vec<RateInput> {
    let mut kept = Vec::new();
    for rate in rates {
        let what = format!("rate for {} aged {}", rate.disorder, rate.band.label);
        let share = rate.value / rate.per;
        if !rate.per.is_finite() || rate.per <= 0.0 || !share.is_finite() {
            issues.push(PrevalenceIssue::error(format!("{what} is not a number")));
        } else if share < 0.0 {
            issues.push(PrevalenceIssue::error(format!("{what} is negative ({})", rate.value)));
        } else if share > 1.0 {
            issues.push(PrevalenceIssue::error(format!("{what} is {}% of people, above 100%: check the rate's unit (per 100, 1,000 …)", share * 100.0)));
        } else if rate.lower.is_finite() && rate.upper.is_finite() && !(rate.lower <= rate.value && rate.value <= rate.upper) {
            issues.push(PrevalenceIssue::error(format!("{what}: its limits {}–{} do not contain it", rate.lower, rate.upper)));
        } else {
            kept.push(rate.clone());
        }
    }
    kept
}

/// The population of `area` (and sex) in `band`, summed from the population bands inside it.
fn population_in(populations: &[PopulationInput], area: &str, band: &AgeBand, sex: &str) -> Result<f64, String> {
    let of_area = populations.iter().filter(|p| p.area == area);
    let rows: Vec<&PopulationInput> = if is_persons(sex) {
        let persons: Vec<&PopulationInput> = of_area.clone().filter(|p| is_persons(&p.sex)).collect();
        // No persons rows: males and females together make the persons population.
        if persons.is_empty() {
            of_area.collect()
        } else {
            persons
        }
    } else {
        of_area.filter(|p| p.sex.trim().eq_ignore_ascii_case(sex.trim())).collect()
    };
    if rows.is_empty() {
        return Err(if is_persons(sex) {
            format!("{area} has no population")
        } else {
            format!("{area} has no population for sex `{sex}` (rates by sex need populations by sex)")
        });
    }
    // Male and female rows share bands: cover each sex's bands separately, then add.
    let mut sexes: Vec<String> = rows.iter().map(|p| p.sex.trim().to_lowercase()).collect();
    sexes.sort();
    sexes.dedup();
    let mut total = 0.0;
    for s in &sexes {
        let bands: Vec<AgeBand> = rows.iter().filter(|p| &p.sex.trim().to_lowercase() == s).map(|p| p.band.clone()).collect();
        let parts = cover(band, &bands).map_err(|gap| {
            let printed: Vec<&str> = bands.iter().map(|b| b.label.as_str()).collect();
            format!("{area}: population for ages {} cannot be built: {gap} (population bands: {})", band.label, printed.join(", "))
        })?;
        for part in parts {
            total += rows.iter().filter(|p| &p.sex.trim().to_lowercase() == s && p.band == *part).map(|p| p.count).sum::<f64>();
        }
    }
    Ok(total)
}

/// National rates × local populations in the output `bands` (empty: the rates' own bands), with totals.
pub fn estimate_prevalence(rates: &[RateInput], populations: &[PopulationInput], bands: &[AgeBand]) -> Prevalence {
    let mut result = Prevalence::default();
    let mut issues = Vec::new();
    let rates = valid_rates(rates, &mut issues);
    if rates.is_empty() {
        issues.push(PrevalenceIssue::error("no usable rates: nothing to estimate"));
    }
    for p in populations.iter().filter(|p| !p.count.is_finite() || p.count < 0.0) {
        issues.push(PrevalenceIssue::error(format!("{}: population for ages {} is not a count ({})", p.area, p.band.label, p.count)));
    }
    let populations: Vec<PopulationInput> = populations.iter().filter(|p| p.count.is_finite() && p.count >= 0.0).cloned().collect();
    if populations.is_empty() {
        issues.push(PrevalenceIssue::error("no usable populations: nothing to estimate"));
    }
    let mut rate_bands: Vec<AgeBand> = Vec::new();
    for rate in &rates {
        if !rate_bands.iter().any(|b| b.low == rate.band.low && b.high == rate.band.high) {
            rate_bands.push(rate.band.clone());
        }
    }
    rate_bands.sort_by_key(|b| (b.low, b.high));
    let mut output_bands: Vec<AgeBand> = if bands.is_empty() { rate_bands.clone() } else { bands.to_vec() };
    output_bands.sort_by_key(|b| (b.low, b.high));
    let mut groups: Vec<(String, String)> = Vec::new(); // (sex, disorder) in rates order
    for rate in &rates {
        let key = (rate.sex.clone(), rate.disorder.clone());
        if !groups.contains(&key) {
            groups.push(key);
        }
        if !result.disorders.contains(&rate.disorder) {
            result.disorders.push(rate.disorder.clone());
        }
    }
    for p in &populations {
        if !result.areas.contains(&p.area) {
            result.areas.push(p.area.clone());
        }
    }
    let mut bases = Vec::new();
    let mut usable_bands = Vec::new();
    for band in &output_bands {
        // An output band equal to a rates band is that band; otherwise it must be a union of them.
        let parts: Vec<AgeBand> = match rate_bands.iter().find(|b| b.low == band.low && b.high == band.high) {
            Some(own) => vec![own.clone()],
            None => match cover(band, &rate_bands) {
                Ok(parts) => parts.into_iter().cloned().collect(),
                Err(gap) => {
                    let printed: Vec<&str> = rate_bands.iter().map(|b| b.label.as_str()).collect();
                    issues.push(PrevalenceIssue::error(format!(
                        "output band {} is not a union of the rates' bands ({}): {gap}",
                        band.label,
                        printed.join(", ")
                    )));
                    continue;
                }
            },
        };
        usable_bands.push(band.clone());
        result.bands.push(band.label.clone());
        for area in &result.areas {
            for (sex, disorder) in &groups {
                let mut numbers = Vec::new();
                let mut people = 0.0;
                let mut complete = true;
                for part in &parts {
                    let Some(rate) = rates.iter().find(|r| r.band == *part && &r.sex == sex && &r.disorder == disorder) else {
                        issues.push(PrevalenceIssue::error(format!("no rate for {disorder} aged {} (needed for {})", part.label, band.label)));
                        complete = false;
                        break;
                    };
                    match population_in(&populations, area, part, sex) {
                        Ok(count) => {
                            let (share, basis) = rate_share(rate);
                            bases.push(basis);
                            numbers.push(scale(share, count));
                            people += count;
                        }
                        Err(message) => {
                            issues.push(PrevalenceIssue::error(message));
                            complete = false;
                            break;
                        }
                    }
                }
                if !complete {
                    continue;
                }
                let sum = sum_independent(&numbers);
                result.estimates.push(estimate_row(area, &band.label, sex, disorder, people, sum, parts.iter().map(|p| p.label.clone()).collect(), false));
            }
        }
    }
    add_totals(&mut result, &usable_bands, &groups, &mut issues);
    result.interval_basis = IntervalBasis::combine(&bases);
    issues.extend(result.interval_basis.notes());
    dedup_and_order(&mut issues);
    result.issues = issues;
    result
}

#[allow(clippy::too_many_arguments)]
fn estimate_row(area: &str, band: &str, sex: &str, disorder: &str, people: f64, sum: Estimate, parts: Vec<String>, total: bool) -> PrevalenceEstimate {
    PrevalenceEstimate {
        area: area.to_owned(),
        age_band: band.to_owned(),
        sex: sex.to_owned(),
        disorder: disorder.to_owned(),
        population: people,
        rate_percent: if people > 0.0 { sum.value / people * 100.0 } else { f64::NAN },
        estimate: sum.value,
        lower: sum.lower.is_finite().then_some(sum.lower),
        upper: sum.upper.is_finite().then_some(sum.upper),
        parts,
        total,
    }
}

/// Adds each area's total over the output bands (when there are several and they do not overlap).
fn add_totals(result: &mut Prevalence, bands: &[AgeBand], groups: &[(String, String)], issues: &mut Vec<PrevalenceIssue>) {
    if bands.len() < 2 {
        return;
    }
    if bands.windows(2).any(|w| w[0].overlaps(&w[1])) {
        issues.push(PrevalenceIssue::warning("output bands overlap: no totals over bands (they would count people twice)"));
        return;
    }
    let label = match union(bands) {
        Some(whole) => format!("All ages {}", whole.label),
        None => format!("All bands ({})", bands.iter().map(|b| b.label.as_str()).collect::<Vec<_>>().join(", ")),
    };
    for area in result.areas.clone() {
        for (sex, disorder) in groups {
            let rows: Vec<&PrevalenceEstimate> =
                result.estimates.iter().filter(|e| e.area == area && &e.sex == sex && &e.disorder == disorder && !e.total).collect();
            if rows.len() != bands.len() {
                continue; // an error was reported for the missing band
            }
            let people: f64 = rows.iter().map(|e| e.population).sum();
            let parts: Vec<Estimate> =
                rows.iter().map(|e| Estimate { value: e.estimate, lower: e.lower.unwrap_or(f64::NAN), upper: e.upper.unwrap_or(f64::NAN) }).collect();
            let band_labels = rows.iter().map(|e| e.age_band.clone()).collect();
            let total = estimate_row(&area, &label, sex, disorder, people, sum_independent(&parts), band_labels, true);
            result.estimates.push(total);
        }
    }
}

/// Drops repeated messages (one missing population is met once per disorder) and puts errors first.
fn dedup_and_order(issues: &mut Vec<PrevalenceIssue>) {
    let mut seen = Vec::new();
    issues.retain(|i| {
        let fresh = !seen.contains(&i.message);
        seen.push(i.message.clone());
        fresh
    });
    issues.sort_by_key(|i| !i.is_error());
}
