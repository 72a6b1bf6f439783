//! Property tests for every interval: lower ≤ value ≤ upper, 95% inside 99.8%, monotone in the count.

use indicator_lens::stats::*;
use proptest::prelude::*;

fn ordered(e: &Estimate) -> bool {
    e.lower <= e.value && e.value <= e.upper
}

fn nested(inner: &Estimate, outer: &Estimate) -> bool {
    outer.lower <= inner.lower && inner.upper <= outer.upper
}

proptest! {
    #[test]
    fn wilson_intervals(n in 1u32..100_000, frac in 0.0f64..=1.0, m in prop::sample::select(vec![1.0, 100.0, 1000.0])) {
        let n = n as f64;
        let x = (frac * n).floor();
        let a = wilson_proportion(x, n, 0.95, m).unwrap();
        let b = wilson_proportion(x, n, 99.8, m).unwrap();
        prop_assert!(ordered(&a) && ordered(&b));
        prop_assert!(nested(&a, &b));
        prop_assert!(a.lower >= 0.0 && a.upper <= m * (1.0 + 1e-12));
        if x < n {
            let c = wilson_proportion(x + 1.0, n, 0.95, m).unwrap();
            prop_assert!(c.lower >= a.lower && c.upper >= a.upper);
        }
    }

    #[test]
    fn rate_intervals(x in 0u32..5_000, n in 1.0f64..1e7) {
        let x = x as f64;
        let a = poisson_rate(x, n, 0.95, 1e5).unwrap();
        let b = poisson_rate(x, n, 0.998, 1e5).unwrap();
        prop_assert!(ordered(&a) && ordered(&b), "{a:?} {b:?}");
        prop_assert!(nested(&a, &b));
        // Monotone in the count, including across the exact → Byars switch at 10.
        let c = poisson_rate(x + 1.0, n, 0.95, 1e5).unwrap();
        prop_assert!(c.lower >= a.lower && c.upper >= a.upper, "{a:?} {c:?}");
    }

    #[test]
    fn isr_intervals(o in 0u32..5_000, e in 0.5f64..5_000.0) {
        let o = o as f64;
        let a = isratio(o, e, 0.95, 100.0).unwrap();
        let b = isratio(o, e, 0.998, 100.0).unwrap();
        prop_assert!(ordered(&a) && ordered(&b));
        prop_assert!(nested(&a, &b));
        let c = isratio(o + 1.0, e, 0.95, 100.0).unwrap();
        prop_assert!(c.lower >= a.lower && c.upper >= a.upper);
        let r = israte(o, e, 950.0, 0.95).unwrap();
        prop_assert!(ordered(&r));
    }

    #[test]
    fn dsr_intervals(counts in prop::collection::vec(0u32..400, 19), pops in prop::collection::vec(500.0f64..100_000.0, 19), band in 0usize..19) {
        let x: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
        let a = dsr(&x, &pops, &ESP2013, 0.95, 1e5).unwrap();
        let b = dsr(&x, &pops, &ESP2013, 0.998, 1e5).unwrap();
        if a.total_count < 10.0 {
            prop_assert!(a.estimate.value.is_nan() && a.statistic == DSR_NA_STATISTIC);
        } else {
            prop_assert!(ordered(&a.estimate) && ordered(&b.estimate), "{a:?}");
            prop_assert!(nested(&a.estimate, &b.estimate));
            let mut x2 = x.clone();
            x2[band] += 1.0;
            let c = dsr(&x2, &pops, &ESP2013, 0.95, 1e5).unwrap();
            prop_assert!(c.estimate.value >= a.estimate.value);
        }
    }

    #[test]
    fn mean_intervals(v in prop::collection::vec(-1e6f64..1e6, 2..60)) {
        let a = mean_t(&v, 0.95).unwrap();
        let b = mean_t(&v, 0.998).unwrap();
        prop_assert!(ordered(&a.estimate) && ordered(&b.estimate));
        prop_assert!(nested(&a.estimate, &b.estimate));
    }

    #[test]
    fn funnel_limits_nest(av in 0.01f64..0.99, pop in 1.0f64..1e6, obs in 1u32..2_000) {
        // Proportion funnel: 99.8% limits outside 95% limits, both around the average.
        let l3 = sigma_adjustment(0.999, pop, av, Side::Low, 1.0);
        let l2 = sigma_adjustment(0.975, pop, av, Side::Low, 1.0);
        let u2 = sigma_adjustment(0.975, pop, av, Side::High, 1.0);
        let u3 = sigma_adjustment(0.999, pop, av, Side::High, 1.0);
        prop_assert!(l3 <= l2 && l2 <= av && av <= u2 && u2 <= u3, "{l3} {l2} {av} {u2} {u3}");
        // Ratio funnel: expected counts at the limits bracket the observed count.
        let o = obs as f64;
        let (h3, h2) = (poisson_funnel(o, 0.001, Side::High), poisson_funnel(o, 0.025, Side::High));
        let (w2, w3) = (poisson_funnel(o, 0.025, Side::Low), poisson_funnel(o, 0.001, Side::Low));
        prop_assert!(w3 <= w2 && w2 <= o && o <= h2 && h2 <= h3, "{w3} {w2} {o} {h2} {h3}");
    }

    #[test]
    fn no_panics_on_odd_input(x in prop::num::f64::ANY, n in prop::num::f64::ANY, c in prop::num::f64::ANY, m in prop::num::f64::ANY) {
        let _ = wilson_proportion(x, n, c, m);
        let _ = poisson_rate(x, n, c, m);
        let _ = isratio(x, n, c, m);
        let _ = israte(x, n, m, c);
        let _ = mean_t(&[x, n, m], c);
        let _ = dsr(&[x; 19], &[n; 19], &ESP2013, c, m);
        let _ = phe_quantile(&[x, n, c, m], 2, true);
        let _ = normalise_confidence(c);
    }
}
