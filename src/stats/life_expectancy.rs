//! Life expectancy by the Chiang II abridged life table with Silcocks confidence limits (`phe_life_expectancy`).

use super::confidence::{normalise_confidence, z_value};
use super::{Estimate, StatsError};

/// Life expectancy at one band's start age.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LifeExpectancyRow {
    /// Start age of the band.
    pub startage: f64,
    /// e(x) with limits; value NaN when the 95% interval is wider than 20 years (as the package).
    pub estimate: Estimate,
    /// Population at this age and above.
    pub pops_used: f64,
    /// Deaths at this age and above.
    pub deaths_used: f64,
}

/// Life expectancy at each of the 20 bands (0, 1, 5, 10, …, 90) from deaths and populations per band.
///
/// Bands may come in any order (they are sorted by start age). Errors, as the package's NA
/// cases: not 20 bands, first band not 0, negative deaths, population ≤ 0, deaths > population,
/// total population ≤ 5000.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `phe_life_expectancy` (`R/LifeExpectancy.R`): Chiang II life table with Silcocks
/// confidence intervals.
pub fn life_expectancy(startage: &[f64], deaths: &[f64], pops: &[f64], confidence: f64) -> Result<Vec<LifeExpectancyRow>, StatsError> {
    let c = normalise_confidence(confidence)?;
    let k = startage.len();
    if deaths.len() != k || pops.len() != k {
        return Err(StatsError::LengthMismatch { expected: k, found: deaths.len().min(pops.len()) });
    }
    if k != 20 {
        return Err(StatsError::Invalid(format!("life expectancy needs 20 age bands, found {k}")));
    }
    if startage.iter().chain(deaths).chain(pops).any(|v| !v.is_finite()) {
        return Err(StatsError::Missing("age band, deaths or population"));
    }
    let mut idx: Vec<usize> = (0..k).collect();
    idx.sort_by(|&a, &b| startage[a].total_cmp(&startage[b]));
    let age: Vec<f64> = idx.iter().map(|&i| startage[i]).collect();
    let d: Vec<f64> = idx.iter().map(|&i| deaths[i]).collect();
    let p: Vec<f64> = idx.iter().map(|&i| pops[i]).collect();
    if age[0] != 0.0 {
        return Err(StatsError::Invalid("first age band must start at 0".into()));
    }
    if d.iter().any(|&x| x < 0.0) {
        return Err(StatsError::Invalid("some age bands have negative deaths".into()));
    }
    if p.iter().any(|&x| x <= 0.0) {
        return Err(StatsError::Invalid("some age bands have a zero or less population".into()));
    }
    if d.iter().zip(&p).any(|(x, n)| x > n) {
        return Err(StatsError::Invalid("some age bands have more deaths than population".into()));
    }
    if p.iter().sum::<f64>() <= 5000.0 {
        return Err(StatsError::Invalid("total population of 5,000 or less".into()));
    }
    let z = z_value(c);
    let m: Vec<f64> = d.iter().zip(&p).map(|(x, n)| x / n).collect();
    let a: Vec<f64> = age.iter().map(|&s| if s == 0.0 { 0.1 } else { 0.5 }).collect();
    // Band widths; the open last band is 2/M wide.
    let w: Vec<f64> = (0..k).map(|i| if i + 1 < k { age[i + 1] - age[i] } else { 2.0 / m[i] }).collect();
    let q: Vec<f64> = (0..k).map(|i| if d[i] <= p[i] / w[i] / a[i] { m[i] * w[i] / (1.0 + m[i] * w[i] * (1.0 - a[i])) } else { 1.0 }).collect();
    let mut l = vec![100_000.0; k];
    for i in 1..k {
        l[i] = l[i - 1] * (1.0 - q[i - 1]);
    }
    let dd: Vec<f64> = (0..k).map(|i| l[i] - if i + 1 < k { l[i + 1] } else { 0.0 }).collect();
    let big_l: Vec<f64> = (0..k).map(|i| if i + 1 < k { w[i] * (l[i + 1] + a[i] * dd[i]) } else { l[i] / m[i] }).collect();
    let mut t = vec![0.0; k];
    let mut acc = 0.0;
    for i in (0..k).rev() {
        acc += big_l[i];
        t[i] = acc;
    }
    let e: Vec<f64> = (0..k).map(|i| if l[i] == 0.0 { 0.0 } else { t[i] / l[i] }).collect();
    let sp: Vec<f64> = (0..k)
        .map(|i| {
            if i + 1 == k {
                4.0 / (d[i] * m[i] * m[i])
            } else if dd[i] == 0.0 {
                0.0
            } else {
                q[i] * q[i] * (1.0 - q[i]) / d[i]
            }
        })
        .collect();
    let wsp: Vec<f64> =
        (0..k).map(|i| if i + 1 < k { sp[i] * l[i] * l[i] * ((1.0 - a[i]) * w[i] + e[i + 1]).powi(2) } else { (l[i] / 2.0).powi(2) * sp[i] }).collect();
    let mut rows = Vec::with_capacity(k);
    let (mut st, mut pu, mut du) = (0.0, 0.0, 0.0);
    for i in (0..k).rev() {
        st += wsp[i];
        pu += p[i];
        du += d[i];
        let se = (st / (l[i] * l[i])).sqrt();
        let wide = z_value(0.95) * se > 10.0;
        let value = if wide || e[i].is_infinite() { f64::NAN } else { e[i] };
        rows.push(LifeExpectancyRow {
            startage: age[i],
            estimate: Estimate { value, lower: e[i] - z * se, upper: e[i] + z * se },
            pops_used: pu,
            deaths_used: du,
        });
    }
    rows.reverse();
    Ok(rows)
}
