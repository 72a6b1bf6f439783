//! A funnel's control limit at one point: the proportion (sigma-adjusted Wilson) limit and the Poisson mean on a tail.

use super::distributions::norm_quantile;
use super::funnel_statistic::Side;

/// Proportion limit at `population` for probability p (0.975 or 0.999) around `average`, × multiplier.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `sigma_adjustment` helper of `calculate_funnel_limits` (`R/utils.R`); the limit
/// formula is in methods-sources §6.8.
pub fn sigma_adjustment(p: f64, population: f64, average: f64, side: Side, multiplier: f64) -> f64 {
    let z2 = norm_quantile(p).powi(2);
    let first = average * (population / z2 + 1.0);
    let adj = ((-8.0 * average * (population / z2 + 1.0)).powi(2)
        - 64.0 * (1.0 / z2 + 1.0 / population) * average * (population * (average * (population / z2 + 2.0) - 1.0) + z2 * (average - 1.0)))
        .sqrt();
    let last = 1.0 / z2 + 1.0 / population;
    let v = match side {
        Side::Low => (first - adj / 8.0) / last,
        Side::High => (first + adj / 8.0) / last,
    };
    v / population * multiplier
}

/// P(x_a ≤ X ≤ x_b) for X ~ Poisson(z), summed as the package's helper does (rescaled terms).
fn poisson_cis(z: f64, x_a: f64, x_b: f64) -> f64 {
    let (mut q, mut tot, mut s, mut k) = (1.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    // The cap only guards against non-finite input; the package loops until the tail is negligible.
    let mut guard = 0u64;
    while (k <= z || q > tot * 1e-10) && guard < 100_000_000 {
        tot += q;
        if k >= x_a && k <= x_b {
            s += q;
        }
        if tot > 1e30 {
            s /= 1e30;
            tot /= 1e30;
            q /= 1e30;
        }
        k += 1.0;
        q = q * z / k;
        guard += 1;
    }
    s / tot
}

/// Poisson mean λ at which `obs` sits on the `p` tail (side Low: P(X ≥ obs) = p; High: P(X ≤ obs) = p), by bisection.
///
/// # Method / Reference
/// PHEindicatormethods v2.1.0 `poisson_funnel` helper (`R/utils.R`), the same bisection as Fingertips'
/// `StatisticalMethods.cs` (fingertips-open).
pub fn poisson_funnel(obs: f64, p: f64, side: Side) -> f64 {
    if !obs.is_finite() || obs < 0.0 {
        return f64::NAN;
    }
    let (mut v, mut dv) = (0.5_f64, 0.5_f64);
    while dv > 1e-7 {
        dv /= 2.0;
        let lambda = (1.0 + obs) * v / (1.0 - v);
        let step_down = match side {
            Side::Low => poisson_cis(lambda, obs, 1e10) > p,
            Side::High => poisson_cis(lambda, 0.0, obs) < p,
        };
        v = if step_down { v - dv } else { v + dv };
    }
    (1.0 + obs) * v / (1.0 - v)
}
