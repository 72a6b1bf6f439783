//! Temporary (not committed): writes every view's JSON, table, caption, marks and SVG for the samples to $SNAPSHOT_DIR.

use indicator_lens::chart::{marks, render_svg};
use indicator_lens::ingest::LoadOptions;
use indicator_lens::session::Session;
use indicator_lens::view::{ViewSpec, VIEWS};
use std::fmt::Write;

fn sample(path: &str) -> Vec<u8> {
    match path.strip_prefix("fixtures/") {
        Some(f) => std::fs::read(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
        None => std::fs::read(format!("{}/../shared/samples/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    }
}

#[test]
fn snapshot() {
    let Ok(dir) = std::env::var("SNAPSHOT_DIR") else { return };
    let sets: Vec<Vec<&str>> = vec![
        vec!["warwickshire-outcomes-financial-years.csv", "warwickshire-outcomes-calendar-years.csv"],
        vec!["warwickshire-outcomes-three-year-periods.csv"],
        vec!["warwickshire-neet-snapshot.csv"],
        vec!["fingertips/ncmp_reception_prev_overweight.csv"],
        vec!["fingertips/ncmp_reception_prev_overweight_dist.csv"],
        vec!["eating-disorder-service-monthly-2018-19.csv", "healthy-child-programme-kpi-targets.csv"],
        vec!["east-midlands-cyp-profile-wide-by-area.csv"],
        vec!["fixtures/ncmp-year6-obesity-deprivation-deciles-fingertips-layout.csv"],
        vec!["fixtures/illustrative-hcp-kpi-return.csv", "healthy-child-programme-kpi-targets.csv"],
        vec!["eating-disorder-service-monthly-2018-19.csv"],
        vec!["cyp-mental-health-prevalence-rates-2017.csv", "derby-derbyshire-population-by-age-band-2017.csv", "cyp-mental-health-access-trajectory.csv"],
    ];
    for (n, set) in sets.iter().enumerate() {
        let mut session = Session::new();
        for f in set {
            session.load(f, &sample(f), &LoadOptions::default());
        }
        let mut out = String::new();
        let indicators: Vec<String> = session.dataset.indicators.iter().take(6).map(|i| i.key().to_owned()).collect();
        let areas: Vec<String> =
            session.dataset.areas.iter().skip(1).take(2).map(|a| if a.code.is_empty() { a.name.clone() } else { a.code.clone() }).collect();
        for entry in VIEWS {
            let mut specs = vec![ViewSpec { view: entry.id.into(), ..ViewSpec::default() }];
            for i in &indicators {
                specs.push(ViewSpec { view: entry.id.into(), indicator: Some(i.clone()), ..ViewSpec::default() });
                for a in &areas {
                    specs.push(ViewSpec { view: entry.id.into(), indicator: Some(i.clone()), area: Some(a.clone()), ..ViewSpec::default() });
                }
            }
            if indicators.len() >= 2 {
                specs.push(ViewSpec { view: entry.id.into(), indicators: vec![indicators[1].clone(), indicators[0].clone()], ..ViewSpec::default() });
            }
            let mut s = ViewSpec {
                view: entry.id.into(),
                palette: serde_json::from_str("\"colour_blind_safe\"").unwrap(),
                target: Some(50.0),
                improvement: Some("decrease".into()),
                ..ViewSpec::default()
            };
            s.kpi.sort = indicator_lens::view::KpiSort::Variation;
            s.kpi.descending = true;
            specs.push(s);
            for (target, improvement) in [(Some(1.0), "increase"), (Some(1e9), "increase"), (Some(1.0), "decrease"), (None, "neutral")] {
                for i in indicators.iter().take(3) {
                    specs.push(ViewSpec {
                        view: entry.id.into(),
                        indicator: Some(i.clone()),
                        target,
                        improvement: Some(improvement.into()),
                        ..ViewSpec::default()
                    });
                }
            }
            for spec in specs {
                writeln!(out, "=== {} {:?} {:?} {:?}", entry.id, spec.indicator, spec.area, spec.indicators).unwrap();
                match session.view(&spec) {
                    Ok(o) => {
                        writeln!(out, "{}", serde_json::to_string(&o.model).unwrap()).unwrap();
                        writeln!(out, "{}\n{}\n{}x{} {:?}", o.table.to_csv(), o.caption, o.width, o.height, o.polarity_needed).unwrap();
                        let svg = render_svg(&o.model, o.width, o.height).unwrap();
                        writeln!(out, "{svg}").unwrap();
                        writeln!(out, "{:?}", marks(&o.model, o.width, o.height)).unwrap();
                    }
                    Err(e) => writeln!(out, "ERR {e}").unwrap(),
                }
            }
        }
        std::fs::write(format!("{dir}/set{n}.txt"), out).unwrap();
    }
}
