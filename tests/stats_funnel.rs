//! Funnel plot limits and significance (proportion, ratio count/isr, rate dsr/crude) against the package's test data.

mod common;

use common::oracle::*;
use indicator_lens::stats::*;

/// An expected column name and the field of a computed row it holds.
type Column = (&'static str, fn(&FunnelRow) -> f64);

fn col(rows: &[Row], c: &str) -> Vec<f64> {
    rows.iter().map(|r| num(r, c)).collect()
}

/// Compares a computed funnel with an expected table, column by column.
fn compare(w: &mut Worst, got: &FunnelLimits, want: &[Row], x: &str, cols: &[Column]) {
    assert_eq!(got.rows.len(), want.len());
    for (g, e) in got.rows.iter().zip(want) {
        assert_eq!(g.x, num(e, x), "x axis");
        for (name, f) in cols {
            w.check(f(g), num(e, name), name);
        }
    }
}

#[test]
fn proportion_limits_match_package() {
    let inputs = read_rows("csv/testdata_funnel_prop_inputs.csv");
    let mut w = Worst::new("funnel limits: proportion", PRINTED);
    let cols: [Column; 5] = [
        ("Lower2s0025limit", |r| r.lower_2s_limit),
        ("Upper2s0025limit", |r| r.upper_2s_limit),
        ("Lower3s0001limit", |r| r.lower_3s_limit),
        ("Upper3s0001limit", |r| r.upper_3s_limit),
        ("Baseline", |r| r.baseline),
    ];
    let f = calculate_funnel_limits(&col(&inputs, "numerator"), Some(&col(&inputs, "denominator")), None, FunnelStatistic::Proportion, 100.0).unwrap();
    assert_eq!((f.x_name, f.statistic.as_str(), f.method), ("Population", "proportion", "Wilson"));
    compare(&mut w, &f, &read_rows("csv/testdata_funnel_prop_outputs.csv"), "Population", &cols);
    // Axis variation: as the package test, only rows with denominator < 31000.
    let small: Vec<Row> = inputs.into_iter().filter(|r| num(r, "denominator") < 31000.0).collect();
    let f = calculate_funnel_limits(&col(&small, "numerator"), Some(&col(&small, "denominator")), None, FunnelStatistic::Proportion, 100.0).unwrap();
    compare(&mut w, &f, &read_rows("csv/testdata_funnel_prop_outputs_with_axis_variation.csv"), "Population", &cols);
}

#[test]
fn ratio_limits_match_package() {
    let inputs = read_rows("csv/testdata_funnel_ratio_inputs.csv");
    let want = read_rows("csv/testdata_funnel_ratio_outputs.csv");
    let (o, e) = (col(&inputs, "obs"), col(&inputs, "expected"));
    let mut w = Worst::new("funnel limits: ratio (count, isr)", PRINTED);
    for (rt, suffix, label) in [(RatioType::Count, "count", "ratio (count)"), (RatioType::Isr, "isr", "ratio (isr)")] {
        let f = calculate_funnel_limits(&o, Some(&e), None, FunnelStatistic::Ratio(rt), 100.0).unwrap();
        assert_eq!((f.statistic.as_str(), f.method), (label, "Poisson"));
        assert_eq!(f.rows.len(), want.len());
        for (g, r) in f.rows.iter().zip(&want) {
            assert_eq!(g.x, num(r, "Observed_events"));
            let lims = [g.lower_2s_limit, g.upper_2s_limit, g.lower_3s_limit, g.upper_3s_limit];
            for (k, side) in ["lower_2s", "upper_2s", "lower_3s", "upper_3s"].iter().enumerate() {
                w.check(g.denominators[k], num(r, &format!("{side}_exp_events")), "exp_events");
                w.check(lims[k], num(r, &format!("{side}_{suffix}")), suffix);
            }
        }
    }
}

#[test]
fn rate_limits_match_package() {
    let input = read_rows("csv/testdata_funnel_rate_input_funnels.csv");
    let (ev, rate) = (col(&input, "ev"), col(&input, "rate"));
    let maxev = ev.iter().copied().fold(f64::MIN, f64::max);
    let mut w = Worst::new("funnel limits: rate (dsr, crude)", PRINTED);
    let check = |w: &mut Worst, f: &FunnelLimits, file: &str| {
        let want = read_rows(file);
        assert_eq!(f.rows.len(), want.len());
        for (g, r) in f.rows.iter().zip(&want) {
            assert_eq!(g.x, num(r, "Events"));
            assert_eq!(f.statistic, text(r, "statistic"));
            assert_eq!(f.method, text(r, "method"));
            let lims = [g.lower_2s_limit, g.upper_2s_limit, g.lower_3s_limit, g.upper_3s_limit];
            for (k, side) in ["lower_2s", "upper_2s", "lower_3s", "upper_3s"].iter().enumerate() {
                w.check(g.denominators[k], num(r, &format!("{side}_population_1_year")), "population_1_year");
                w.check(lims[k], num(r, &format!("{side}_limit")), "limit");
            }
            w.check(g.baseline, num(r, "baseline"), "baseline");
        }
    };
    let dsr3 = FunnelStatistic::Rate { rate_type: RateType::Dsr, years_of_data: 3.0 };
    let crude3 = FunnelStatistic::Rate { rate_type: RateType::Crude, years_of_data: 3.0 };
    let f = calculate_funnel_limits(&ev, None, Some(&rate), dsr3, 1e5).unwrap();
    check(&mut w, &f, "csv/testdata_funnel_rate_outputs.csv");
    // Crude, with the largest event count replaced by 5 (rate unchanged), as the package test.
    let ev5: Vec<f64> = ev.iter().map(|&e| if e == maxev { 5.0 } else { e }).collect();
    let f = calculate_funnel_limits(&ev5, None, Some(&rate), crude3, 1e5).unwrap();
    check(&mut w, &f, "csv/testdata_funnel_rate_outputs_2.csv");
    // Crude with a zero-event row and denominators: pop = 1e5·ev/rate, then rows with pop > max/2.
    let pop: Vec<f64> = ev.iter().zip(&rate).map(|(e, r)| 1e5 * e / r).collect();
    let maxpop = pop.iter().copied().fold(f64::MIN, f64::max);
    let keep: Vec<usize> = (0..ev.len()).filter(|&i| pop[i] > maxpop / 2.0).collect();
    let ev0: Vec<f64> = keep.iter().map(|&i| if ev[i] == maxev { 0.0 } else { ev[i] }).collect();
    let rate0: Vec<f64> = keep.iter().map(|&i| if ev[i] == maxev { 0.0 } else { rate[i] }).collect();
    let pop0: Vec<f64> = keep.iter().map(|&i| pop[i]).collect();
    let f = calculate_funnel_limits(&ev0, Some(&pop0), Some(&rate0), crude3, 1e5).unwrap();
    check(&mut w, &f, "csv/testdata_funnel_rate_outputs_3.csv");
}

#[test]
fn significance_matches_package() {
    let p = read_rows("csv/testdata_funnel_prop_inputs.csv");
    let got = assign_funnel_significance(&col(&p, "numerator"), Some(&col(&p, "denominator")), None, FunnelStatistic::Proportion, 100.0).unwrap();
    for (g, r) in got.iter().zip(&p) {
        assert_eq!(*g, text(r, "significance"), "proportion {}", text(r, "Area"));
    }
    let r = read_rows("csv/testdata_funnel_ratio_inputs.csv");
    let got = assign_funnel_significance(&col(&r, "obs"), Some(&col(&r, "expected")), None, FunnelStatistic::Ratio(RatioType::Count), 1.0).unwrap();
    for (g, row) in got.iter().zip(&r) {
        assert_eq!(*g, text(row, "significance"), "ratio obs {}", text(row, "obs"));
    }
    let all = read_rows("csv/testdata_funnel_rate_dsr_inputs.csv");
    let mut n = 0;
    for (rt, rate_col, m, label) in [
        (RateType::Dsr, "rate_dsr", 1e5, "dsr_per_100000"),
        (RateType::Dsr, "rate_dsr", 100.0, "dsr_per_100"),
        (RateType::Crude, "rate_crude_per_100000", 1e5, "crude_per_100000"),
        (RateType::Crude, "rate_crude_per_100", 100.0, "crude_per_100"),
    ] {
        for with0 in [true, false] {
            let rows: Vec<Row> = all.iter().filter(|r| with0 || num(r, "count") != 0.0).cloned().collect();
            let want_col = format!("{label}_{}", if with0 { "with_0" } else { "without_0" });
            if rows.iter().all(|r| text(r, &want_col).is_empty()) {
                continue;
            }
            let stat = FunnelStatistic::Rate { rate_type: rt, years_of_data: 1.0 };
            let got = assign_funnel_significance(&col(&rows, "count"), Some(&col(&rows, "pop")), Some(&col(&rows, rate_col)), stat, m).unwrap();
            for (g, row) in got.iter().zip(&rows) {
                assert_eq!(*g, text(row, &want_col), "{want_col} count {}", text(row, "count"));
                n += 1;
            }
        }
    }
    assert!(n > 0);
}

#[test]
fn funnel_errors_are_values() {
    let st = FunnelStatistic::Proportion;
    assert_eq!(assign_funnel_significance(&[65.0, 80.0, 30.0], Some(&[100.0, 100.0, 0.0]), None, st, 100.0).unwrap_err(), StatsError::NonPositiveDenominator);
    assert_eq!(assign_funnel_significance(&[65.0, -80.0, 30.0], Some(&[100.0, 100.0, 200.0]), None, st, 100.0).unwrap_err(), StatsError::NegativeNumerator);
    assert_eq!(
        assign_funnel_significance(&[65.0, 80.0, 30.0], Some(&[100.0, 100.0, 20.0]), None, st, 100.0).unwrap_err(),
        StatsError::NumeratorGreaterThanDenominator
    );
    let rate = FunnelStatistic::Rate { rate_type: RateType::Crude, years_of_data: 1.0 };
    assert!(calculate_funnel_limits(&[0.0, 5.0], None, Some(&[0.0, 10.0]), rate, 1e5).is_err());
    assert!(calculate_funnel_limits(&[], Some(&[]), None, st, 100.0).is_err());
}
