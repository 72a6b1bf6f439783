//! Quantiles (`phe_quantile`, against testdata_Quantiles QuantileInGrp) and life expectancy (inline package values).

mod common;

use common::oracle::*;
use indicator_lens::stats::*;

/// Runs phe_quantile per group of `rows` (by `key`) and compares with QuantileInGrp.
fn check_groups(rows: &[&Row], key: &dyn Fn(&Row) -> String, nq: u32, invert: &dyn Fn(&Row) -> bool) -> usize {
    let mut keys: Vec<String> = rows.iter().map(|r| key(r)).collect();
    keys.dedup();
    keys.sort();
    keys.dedup();
    let mut n = 0;
    for k in keys {
        let g: Vec<&Row> = rows.iter().copied().filter(|r| key(r) == k).collect();
        let inv = invert(g[0]);
        assert!(g.iter().all(|r| invert(r) == inv), "invert varies within group {k}");
        let vals: Vec<f64> = g.iter().map(|r| num(r, "Value")).collect();
        let got = phe_quantile(&vals, nq, inv).unwrap();
        for (q, r) in got.iter().zip(&g) {
            let want = num(r, "QuantileInGrp");
            assert!(q == &want || (q.is_nan() && want.is_nan()), "group {k} {}: got {q}, want {want}", text(r, "AreaCode"));
            n += 1;
        }
    }
    n
}

#[test]
fn quantiles_match_package() {
    let all = read_rows("xlsx_sheets/testdata_Quantiles__testdata_Quantiles.csv");
    let good: Vec<&Row> = all.iter().filter(|r| text(r, "Test").starts_with("Good")).collect();
    // Polarity is spelled "RAG - Low is good" / "RAG - High is good" or already TRUE / FALSE (invert).
    let low_is_good = |r: &Row| matches!(text(r, "Polarity"), "RAG - Low is good" | "TRUE");
    let set = |s: &'static str| good.iter().copied().filter(move |r| text(r, "GroupSet") == s).collect::<Vec<_>>();
    let mut n = 0;
    // Within-region deciles, polarity per row (as the package's "grouped df field" test).
    let reg = set("IndSexReg");
    n += check_groups(&reg, &|r| format!("{}|{}", text(r, "IndSexRef"), text(r, "ParentCode")), 10, &low_is_good);
    // One indicator, invert = FALSE.
    let one: Vec<&Row> = reg.iter().copied().filter(|r| text(r, "IndSexRef") == "90366Female").collect();
    n += check_groups(&one, &|r| text(r, "ParentCode").to_string(), 10, &|_| false);
    // Ungrouped: septiles by polarity; quartiles with the default invert = TRUE.
    n += check_groups(&set("IndSex"), &|_| String::new(), 7, &low_is_good);
    n += check_groups(&set("None"), &|_| String::new(), 4, &|_| true);
    println!("WORST {:<40} {:>10}  over {n} values (exact match)", "phe_quantile", 0);
    assert!(phe_quantile(&[1.0, 2.0], 0, true).is_err());
    assert!(phe_quantile(&[1.0, 2.0], 5, true).unwrap().iter().all(|v| v.is_nan()));
}

// Inputs and expected values from the package's tests/testthat/testLifeExpectancy.R (df1, answer1;
// written inline there, there is no data file); the package compares to 4 decimal places.
// Its limits look computed with z = 1.96 rather than qnorm(0.975) (≈ 5e-6 apart), so the tolerance is
// 1e-6 relative (≈ 4 dp at these magnitudes), not 1e-9.
const AGES: [f64; 20] = [0., 1., 5., 10., 15., 20., 25., 30., 35., 40., 45., 50., 55., 60., 65., 70., 75., 80., 85., 90.];
const POPS: [f64; 20] = [
    7060., 35059., 46974., 48489., 43219., 38561., 46009., 57208., 61435., 55601., 50209., 56416., 46411., 39820., 37978., 37039., 33288., 23306., 11936.,
    11936.,
];
const DEATHS: [f64; 20] = [17., 9., 4., 8., 20., 15., 24., 33., 50., 71., 100., 163., 263., 304., 536., 872., 1390., 1605., 1936., 1937.];
// (band index, value, lowercl, uppercl) for a few bands of answer1.
const ANSWER1: [(usize, f64, f64, f64); 6] = [
    (0, 80.16960813, 79.88268548, 80.45653078),
    (2, 75.44193645, 75.17407307, 75.70979983),
    (6, 55.78835987, 55.53801579, 56.03870395),
    (12, 27.26027992, 27.04337271, 27.47718713),
    (18, 6.163942934, 5.978358351, 6.349527517),
    (19, 6.16210635, 5.887683386, 6.436529314),
];

#[test]
fn life_expectancy_matches_package_inline_values() {
    let mut wv = Worst::new("life_expectancy value (Chiang II)", 1e-9);
    let mut w = Worst::new("life_expectancy limits (Silcocks)", 1e-6);
    // Bands shuffled on purpose: the package sorts them by start age.
    let mut order: Vec<usize> = (0..20).collect();
    order.swap(14, 19);
    let (a, p, d): (Vec<f64>, Vec<f64>, Vec<f64>) =
        (order.iter().map(|&i| AGES[i]).collect(), order.iter().map(|&i| POPS[i]).collect(), order.iter().map(|&i| DEATHS[i]).collect());
    let rows = life_expectancy(&a, &d, &p, 95.0).unwrap();
    for (i, v, lo, hi) in ANSWER1 {
        let r = rows[i];
        assert_eq!(r.startage, AGES[i]);
        wv.check(r.estimate.value, v, "value");
        w.check(r.estimate.lower, lo, "lowercl");
        w.check(r.estimate.upper, hi, "uppercl");
    }
    assert_eq!(rows[0].pops_used, POPS.iter().sum::<f64>());
    // The package's NA cases are errors here.
    let mut neg = DEATHS;
    neg[3] = -5.0;
    assert!(life_expectancy(&AGES, &neg, &POPS, 0.95).is_err());
    let mut zero = POPS;
    zero[5] = 0.0;
    assert!(life_expectancy(&AGES, &DEATHS, &zero, 0.95).is_err());
    let mut more = POPS;
    more[18] = 119.0;
    assert!(life_expectancy(&AGES, &DEATHS, &more, 0.95).is_err());
    assert!(life_expectancy(&AGES[..19], &DEATHS[..19], &POPS[..19], 0.95).is_err());
    assert!(life_expectancy(&AGES, &DEATHS, &[100.0; 20], 0.95).is_err());
}
