//! Proportions (Wilson), rates (exact / Byars) and their primitives against the package's test data.

mod common;

use common::oracle::*;
use indicator_lens::stats::*;

const PROP: &str = "xlsx_sheets/testdata_Proportion__testdata_Prop.csv";
const PROP_G: &str = "xlsx_sheets/testdata_Proportion__testdata_Prop_g.csv";
const RATE: &str = "xlsx_sheets/testdata_Rate__testdata_Rate.csv";
const RATE_G: &str = "xlsx_sheets/testdata_Rate__testdata_Rate_g.csv";
const BW: &str = "xlsx_sheets/testdata_Byars_Wilson__testdata_B_W.csv";

#[test]
fn wilson_proportions_match_package() {
    let mut w = Worst::new("wilson_proportion (Prop)", CLOSED);
    for row in read_rows(PROP) {
        let (x, n, m) = (num(&row, "Numerator"), num(&row, "Denominator"), num(&row, "multiplier"));
        assert_eq!(text(&row, "statistic"), proportion_statistic(m));
        assert_eq!(text(&row, "method"), "Wilson");
        for (conf, lo, hi) in [(0.95, "lower95_0cl", "upper95_0cl"), (99.8, "lower99_8cl", "upper99_8cl")] {
            match wilson_proportion(x, n, conf, m) {
                Ok(e) => {
                    w.check(e.value, num(&row, "value"), "value");
                    w.check(e.lower, num(&row, lo), lo);
                    w.check(e.upper, num(&row, hi), hi);
                }
                Err(err) => {
                    assert!(num(&row, "value").is_nan(), "unexpected error {err}");
                    assert!(matches!(err, StatsError::Missing(_)));
                }
            }
        }
    }
}

#[test]
fn wilson_grouped_sums_match_package() {
    // The grouped expectation: sums of the two Prop rows per Area (NA when any is missing).
    let rows = read_rows(PROP);
    let mut w = Worst::new("wilson_proportion (Prop_g, summed)", CLOSED);
    for g in read_rows(PROP_G) {
        let area = text(&g, "Area");
        let members: Vec<_> = rows.iter().filter(|r| text(r, "Area") == area).collect();
        let x: f64 = members.iter().map(|r| num(r, "Numerator")).sum();
        let n: f64 = members.iter().map(|r| num(r, "Denominator")).sum();
        assert_eq!(text(&g, "confidence"), "95%");
        match wilson_proportion(x, n, 95.0, num(&g, "multiplier")) {
            Ok(e) => {
                w.check(x, num(&g, "Numerator"), "sum x");
                w.check(e.value, num(&g, "value"), "value");
                w.check(e.lower, num(&g, "lowercl"), "lowercl");
                w.check(e.upper, num(&g, "uppercl"), "uppercl");
            }
            Err(_) => assert!(num(&g, "value").is_nan()),
        }
    }
}

#[test]
fn rates_match_package() {
    let mut w = Worst::new("poisson_rate (Rate)", CLOSED);
    for row in read_rows(RATE) {
        let (x, n, m) = (num(&row, "Numerator"), num(&row, "Denominator"), num(&row, "multiplier"));
        assert_eq!(text(&row, "statistic"), rate_statistic(m));
        if !x.is_nan() {
            assert_eq!(text(&row, "method"), rate_method_name(x));
        }
        for (conf, lo, hi) in [(95.0, "lower95_0cl", "upper95_0cl"), (0.998, "lower99_8cl", "upper99_8cl")] {
            match poisson_rate(x, n, conf, m) {
                Ok(e) => {
                    w.check(e.value, num(&row, "value"), "value");
                    w.check(e.lower, num(&row, lo), lo);
                    w.check(e.upper, num(&row, hi), hi);
                }
                Err(err) => {
                    assert!(num(&row, "value").is_nan(), "unexpected error {err}");
                    assert!(matches!(err, StatsError::Missing(_)));
                }
            }
        }
    }
}

#[test]
fn rates_grouped_sums_match_package() {
    let rows = read_rows(RATE);
    let mut w = Worst::new("poisson_rate (Rate_g, summed)", CLOSED);
    for g in read_rows(RATE_G) {
        let area = text(&g, "Area");
        let members: Vec<_> = rows.iter().filter(|r| text(r, "Area") == area).collect();
        let x: f64 = members.iter().map(|r| num(r, "Numerator")).sum();
        let n: f64 = members.iter().map(|r| num(r, "Denominator")).sum();
        if !x.is_nan() {
            assert_eq!(text(&g, "method"), rate_method_name(x));
        }
        match poisson_rate(x, n, 0.95, num(&g, "multiplier")) {
            Ok(e) => {
                w.check(e.value, num(&g, "value"), "value");
                w.check(e.lower, num(&g, "lowercl"), "lowercl");
                w.check(e.upper, num(&g, "uppercl"), "uppercl");
            }
            Err(_) => assert!(num(&g, "value").is_nan()),
        }
    }
}

#[test]
fn byars_and_wilson_primitives_match_package() {
    let mut w = Worst::new("byars_lower/upper, wilson_lower/upper", CLOSED);
    for row in read_rows(BW) {
        let x = num(&row, "x");
        let c = normalise_confidence(text(&row, "confidence").trim_end_matches('%').parse().unwrap()).unwrap();
        let (lo, hi) = match text(&row, "method") {
            "Byars" => (byars_lower(x, c), byars_upper(x, c)),
            "Wilson" => {
                let n = num(&row, "n");
                (wilson_lower(x, n, c), wilson_upper(x, n, c))
            }
            other => panic!("unknown method {other}"),
        };
        w.check(lo, num(&row, "lowercl"), "lowercl");
        w.check(hi, num(&row, "uppercl"), "uppercl");
    }
}

#[test]
fn edge_cases_are_values_not_panics() {
    // 0 and n events are fine for Wilson.
    let z = wilson_proportion(0.0, 50.0, 0.95, 100.0).unwrap();
    assert_eq!(z.value, 0.0);
    assert_eq!(z.lower, 0.0);
    assert!(z.upper > 0.0 && z.upper < 100.0);
    let all = wilson_proportion(50.0, 50.0, 0.95, 1.0).unwrap();
    assert_eq!(all.value, 1.0);
    assert!((all.upper - 1.0).abs() < 1e-15 && all.lower < 1.0);
    // Denominator 0 and x > n are errors with a reason.
    assert_eq!(wilson_proportion(1.0, 0.0, 0.95, 1.0), Err(StatsError::NonPositiveDenominator));
    let e = wilson_proportion(5.0, 4.0, 0.95, 1.0).unwrap_err();
    assert_eq!(e, StatsError::NumeratorGreaterThanDenominator);
    assert_eq!(e.to_string(), "numerator greater than denominator");
    assert!(wilson_proportion(-1.0, 4.0, 0.95, 1.0).is_err());
    // Confidence 1 gives (0, multiplier), as the package.
    let one = wilson_proportion(3.0, 10.0, 1.0, 100.0).unwrap();
    assert_eq!((one.lower, one.upper), (0.0, 100.0));
    // Confidence spellings.
    assert_eq!(normalise_confidence(95.0).unwrap(), 0.95);
    assert_eq!(normalise_confidence(99.8).unwrap(), 0.998);
    assert_eq!(normalise_confidence(0.998).unwrap(), 0.998);
    for bad in [0.89, 3.0, 86.0, 1000.0, f64::NAN] {
        assert!(normalise_confidence(bad).is_err(), "{bad}");
    }
    // Rates: zero events is exact with lower 0; x > n allowed; n = 0 is an error.
    let r0 = poisson_rate(0.0, 1000.0, 0.95, 1e5).unwrap();
    assert_eq!((r0.value, r0.lower), (0.0, 0.0));
    assert!(r0.upper > 0.0);
    assert!(poisson_rate(250.0, 220.0, 0.95, 1e5).is_ok());
    assert!(poisson_rate(1.0, 0.0, 0.95, 1e5).is_err());
    assert!(poisson_rate(1.0, 10.0, 0.95, 0.0).is_err());
    assert_eq!(rate_method_name(9.0), "Exact");
    assert_eq!(rate_method_name(10.0), "Byars");
}

#[test]
fn distribution_quantiles_are_accurate() {
    // Reference values computed with mpmath at 40 digits (root of the regularised CDFs).
    let mut w = Worst::new("statrs quantiles vs mpmath", 1e-11);
    w.check(norm_quantile(0.975), 1.959963984540054, "qnorm .975");
    w.check(norm_quantile(0.999), 3.090232306167813, "qnorm .999");
    w.check(chisq_quantile(0.025, 2.0), 0.05063561596857975, "qchisq .025 2");
    w.check(chisq_quantile(0.975, 20.0), 34.16960690283833, "qchisq .975 20");
    w.check(chisq_quantile(0.001, 18.0), 4.904_848_808_727_55, "qchisq .001 18");
    w.check(chisq_quantile(0.0005, 2.0), 0.0010002500833645959, "qchisq .0005 2");
    w.check(t_quantile(0.025, 7.0), -2.364624251592785, "qt .025 7");
    w.check(t_quantile(0.001, 25.0), -3.450188726973064, "qt .001 25");
    w.check(t_quantile(0.001, 7.0), -4.785289628638334, "qt .001 7");
}
