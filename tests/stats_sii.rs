//! SII / RII point estimates and intercepts against testdata_SII (the package's CIs are simulation based: not tested).

mod common;

use common::oracle::*;
use indicator_lens::stats::*;

#[test]
fn sii_point_estimates_match_package() {
    let rows = read_rows("xlsx_sheets/testdata_SII__testdata_SII.csv");
    let mut w = Worst::new("sii_point (sii, rii, intercept)", CLOSED);
    let mut groups = 0;
    // Untransformed point estimates only: the log/logit-transform tests change the fitted values.
    let cases = [
        ("default (e.g. life expectancy) - default parameters", 1.0),
        ("default - testing quintiles", 1.0),
        ("rate (e.g. infant mortality) - default parameters", 1.0),
        ("proportion (e.g. child obesity) - default parameters", 1.0),
        ("proportion - testing multiplier (x 100)", 100.0),
        ("proportion - testing multiplier (x -100)", -100.0),
        ("default (e.g. life expectancy) - intercept", 1.0),
        ("rate (e.g. infant mortality) - intercept", 1.0),
        ("proportion (e.g. child obesity) - intercept", 1.0),
    ];
    for (desc, mult) in cases {
        let sub: Vec<&Row> = rows.iter().filter(|r| text(r, "TestDescription") == desc).collect();
        let mut keys: Vec<String> = sub.iter().map(|r| format!("{}|{}|{}", text(r, "Area"), text(r, "Grouping1"), text(r, "Grouping2"))).collect();
        keys.dedup();
        for k in keys {
            let mut g: Vec<&Row> =
                sub.iter().copied().filter(|r| format!("{}|{}|{}", text(r, "Area"), text(r, "Grouping1"), text(r, "Grouping2")) == k).collect();
            g.sort_by(|a, b| num(a, "Quantile").total_cmp(&num(b, "Quantile")));
            let pop: Vec<f64> = g.iter().map(|r| num(r, "Population")).collect();
            let val: Vec<f64> = g.iter().map(|r| num(r, "Value")).collect();
            let got = sii_point(&pop, &val, mult).unwrap();
            let first = sub.iter().find(|r| format!("{}|{}|{}", text(r, "Area"), text(r, "Grouping1"), text(r, "Grouping2")) == k).unwrap();
            w.check(got.sii, num(first, "sii"), desc);
            if !num(first, "rii").is_nan() {
                w.check(got.rii, num(first, "rii"), desc);
            }
            if !num(first, "Intercept").is_nan() {
                w.check(got.intercept, num(first, "Intercept"), desc);
            }
            groups += 1;
        }
    }
    assert!(groups >= 9);
    assert!(sii_point(&[1.0], &[1.0], 1.0).is_err());
    assert!(sii_point(&[-1.0, 2.0], &[1.0, 2.0], 1.0).is_err());
}
