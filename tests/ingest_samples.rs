//! Every file in shared/samples loads with the right layout, the expected counts and exact values.

mod common;
use common::*;
use indicator_lens::model::{AreaKind, CalendarDate, PeriodKind, ValueType};

fn no_rejects(report: &indicator_lens::ingest::FileReport) {
    assert!(report.rejected.is_empty(), "{}: {:?}", report.file, report.rejected);
    assert!(report.error.is_none(), "{}: {:?}", report.file, report.error);
}

#[test]
fn every_sample_layout_and_count() {
    let expected = [
        ("fingertips/ncmp_reception_prev_overweight.csv", "fingertips", 156, 156),
        ("fingertips/ncmp_reception_prev_overweight_dist.csv", "fingertips", 12, 12),
        ("east-midlands-cyp-profile-wide-by-area.csv", "wide-by-area", 64, 690),
        ("warwickshire-outcomes-financial-years.csv", "wide-by-period", 28, 121),
        ("warwickshire-outcomes-calendar-years.csv", "wide-by-period", 14, 58),
        ("warwickshire-outcomes-three-year-periods.csv", "wide-by-period", 7, 20),
        ("warwickshire-neet-snapshot.csv", "wide-by-period", 2, 2),
        ("eating-disorder-service-monthly-2018-19.csv", "wide-by-period", 17, 204),
        ("healthy-child-programme-kpi-targets.csv", "target-schedule", 14, 0),
        ("cyp-mental-health-prevalence-rates-2017.csv", "reference-rates", 20, 20),
        ("derby-derbyshire-published-prevalence-estimates-2018.csv", "wide-by-area", 15, 30),
        ("derby-derbyshire-population-by-age-band-2017.csv", "population", 8, 8),
        ("cyp-mental-health-access-trajectory.csv", "planned-trajectory", 6, 1),
    ];
    let listed: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples"))
        .unwrap()
        .chain(std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples/fingertips")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for file in &listed {
        assert!(expected.iter().any(|(path, ..)| path.ends_with(file.as_str())), "sample {file} has no expectation");
    }
    for (path, format, rows, observations) in expected {
        let (_, report) = load_sample(path);
        assert_eq!(report.format, format, "{path}");
        assert_eq!((report.rows_read, report.observations), (rows, observations), "{path}");
        assert_eq!(report.encoding, if path.starts_with("fingertips") { "UTF-8 with BOM" } else { "UTF-8" });
        no_rejects(&report);
    }
}

#[test]
fn warwickshire_financial_years_fraction_flagged_not_rescaled() {
    let (ds, report) = load_sample("warwickshire-outcomes-financial-years.csv");
    let older = "Proportion of older people (65 and over)";
    close(find(&ds, "E10000031", older, "12/13").value, 0.822);
    close(find(&ds, "E10000031", older, "13/14").value, 0.879);
    close(find(&ds, "E10000031", older, "14/15").value, 83.4);
    let flagged: Vec<_> = report.warnings.iter().filter(|w| w.message.contains("fraction")).collect();
    assert_eq!(flagged.len(), 2);
    assert_eq!((flagged[0].line, flagged[0].column.as_str()), (8, "12/13"));
    assert!(flagged[0].message.contains("0.822"));
    close(find(&ds, "E10000031", "Proportion of adults with a learning disability who live", "12/13").value, 72.6);
    let social = find(&ds, "E10000031", "Proportion of people who use services and their carers", "12/13");
    assert!(social.value.is_nan());
    assert_eq!(ds.text(social.note), "-");
    let p = &ds.periods[social.period as usize];
    assert_eq!((p.start, p.kind), (CalendarDate::new(2012, 4, 1), PeriodKind::FinancialYear));
    let area = &ds.areas[social.area as usize];
    assert_eq!((area.name.as_str(), area.kind), ("Warwickshire", AreaKind::County));
    let learning = ds.find_indicator("Proportion of adults with a learning disability in paid employment").unwrap();
    assert_eq!(ds.indicators[learning as usize].value_type, ValueType::Proportion);
}

#[test]
fn warwickshire_calendar_three_year_and_snapshot() {
    let (ds, _) = load_sample("warwickshire-outcomes-calendar-years.csv");
    close(find(&ds, "E10000031", "Chlamydia diagnoses", "2013").value, 1543.0);
    close(find(&ds, "E10000031", "Low birth weight of term babies", "2014").value, 2.7);
    let (ds, _) = load_sample("warwickshire-outcomes-three-year-periods.csv");
    let excess = find(&ds, "E10000031", "Excess weight in adults", "2012-14");
    close(excess.value, 65.6);
    assert_eq!(ds.periods[excess.period as usize].kind, PeriodKind::MultiYear);
    let p = &ds.periods[find(&ds, "E10000031", "Life expectancy at birth - Male", "2011-2013").period as usize];
    assert_eq!((p.start, p.end), (CalendarDate::new(2011, 1, 1), CalendarDate::new(2013, 12, 31)));
    let (ds, _) = load_sample("warwickshire-neet-snapshot.csv");
    let neet = find(&ds, "E10000031", "16-17 year old NEET", "31/12/2016");
    close(neet.value, 2.4);
    assert_eq!(ds.periods[neet.period as usize].kind, PeriodKind::Date);
}

#[test]
fn eating_disorder_ocr_split_digits() {
    let (ds, report) = load_sample("eating-disorder-service-monthly-2018-19.csv");
    let area = "(unnamed area)";
    close(find(&ds, area, "% DNA or WNB", "Jul 2018").value, 4.62);
    close(find(&ds, area, "% DNA or WNB", "Oct 2018").value, 2.11);
    close(find(&ds, area, "% DNA or WNB", "Apr 2018").value, 5.39);
    close(find(&ds, area, "First Face to Face", "Mar 2019").value, 10.0);
    let ocr: Vec<_> = report.warnings.iter().filter(|w| w.message.contains("split")).collect();
    assert_eq!(ocr.len(), 3);
    assert_eq!((ocr[0].line, ocr[0].column.as_str()), (11, "Jul 2018"));
    assert!(ocr[0].message.contains("4.62"));
    let apr = &ds.periods[find(&ds, area, "Total First", "Apr 2018").period as usize];
    assert_eq!((apr.kind, apr.end), (PeriodKind::Month, CalendarDate::new(2018, 4, 30)));
}

#[test]
fn east_midlands_wide_by_area() {
    let (ds, report) = load_sample("east-midlands-cyp-profile-wide-by-area.csv");
    let prevalence = "Estimated prevalence of mental health disorders";
    let england = find(&ds, "E92000001", prevalence, "2015");
    close(england.value, 9.2);
    assert_eq!(ds.text(england.note), "*");
    let region = find(&ds, "E12000004", prevalence, "2015");
    close(region.value, 9.4);
    assert_eq!(ds.areas[region.area as usize].name, "East Midlands region");
    assert_eq!(ds.areas[region.area as usize].kind, AreaKind::Region);
    close(find(&ds, "E06000015", prevalence, "2015").value, 9.8);
    assert!(ds.rows().all(|o| !(ds.areas[o.area as usize].name == "Rutland" && ds.indicators[o.indicator as usize].name.starts_with(prevalence))));
    let gcse = find(&ds, "E06000015", "GCSEs achieved", "2015");
    assert!(gcse.value.is_nan());
    assert_eq!(ds.text(gcse.note), "*");
    let spend = find(&ds, "E06000015", "Spend (£000s) on Local Authority", "2017/18");
    close(spend.value, 10105.0);
    assert_eq!(ds.text(spend.note), "↑");
    close(find(&ds, "E92000001", "Unaccompanied Asylum", "2018").value, 4480.0);
    let rate = ds.find_indicator("Children in need due to abuse or neglect: rate per 10,000 children aged under 18 years").unwrap();
    assert_eq!(ds.indicators[rate as usize].multiplier, 10_000.0);
    assert_eq!(ds.areas.len(), 11);
    assert!(ds.areas.iter().all(|a| !a.code.is_empty()), "every area matched to a code");
    assert!(report.columns.iter().any(|c| c.header == "Derby" && c.role == "area Derby"));
}

#[test]
fn reference_rates_population_and_estimates() {
    let (ds, _) = load_sample("cyp-mental-health-prevalence-rates-2017.csv");
    let any = ds.rows().find(|o| ds.text(o.age) == "5-10" && ds.indicators[o.indicator as usize].name == "Any mental health disorder").unwrap();
    close(any.value, 9.5);
    assert!(ds.areas[any.area as usize].is_england());
    assert_eq!(ds.periods[any.period as usize].label, "2017");
    assert_eq!(ds.indicators[any.indicator as usize].value_type, ValueType::Proportion);

    let (ds, _) = load_sample("derby-derbyshire-population-by-age-band-2017.csv");
    let derby = ds.rows().find(|o| ds.text(o.age) == "2-4" && ds.areas[o.area as usize].name == "Derby").unwrap();
    close(derby.value, 10582.0);
    assert_eq!(ds.indicators[derby.indicator as usize].name, "Population");

    let (ds, _) = load_sample("derby-derbyshire-published-prevalence-estimates-2018.csv");
    let est = ds
        .rows()
        .find(|o| {
            ds.text(o.age) == "17-19"
                && ds.areas[o.area as usize].code == "E10000007"
                && ds.indicators[o.indicator as usize].name == "Any mental health disorder"
        })
        .unwrap();
    close(est.value, 4268.0);
}

#[test]
fn target_schedule_keeps_text_per_kpi_and_contract_year() {
    let (ds, report) = load_sample("healthy-child-programme-kpi-targets.csv");
    assert_eq!(report.targets, 56);
    let text = |kpi: &str, period: &str| {
        let t = ds.targets.iter().find(|t| ds.indicators[t.indicator as usize].id == kpi && ds.periods[t.period as usize].label == period);
        t.map(|t| t.text.clone()).unwrap_or_default()
    };
    assert_eq!(text("2a", "Year 1 (2017/18)"), "> National average or 5% increase on current baseline whichever is greater");
    assert_eq!(text("1a", "Year 0 (Oct 2016 - Mar 2017)"), "44.0%");
    assert_eq!(text("1b", "Year 0 (Oct 2016 - Mar 2017)"), "To record in agreement with commissioner");
    assert_eq!(text("10", "Year 3+ (2019/20)"), "100% with exception reporting");
    assert_eq!(text("36", "Year 0 (Oct 2016 - Mar 2017)"), "At least national average (4.7% 2014)");
    let y1 = ds.periods.iter().find(|p| p.label == "Year 1 (2017/18)").unwrap();
    assert_eq!((y1.kind, y1.start), (PeriodKind::FinancialYear, CalendarDate::new(2017, 4, 1)));
    assert!(ds.targets.iter().all(|t| t.area.is_none()));
    let kpi = ds.find_indicator("1a").unwrap();
    assert!(ds.indicator_texts.iter().any(|t| t.indicator == kpi && t.field == "numerator" && t.text == "Numbers breastfeeding at 6-8 weeks"));
}

#[test]
fn trajectory_actuals_and_plans_apart() {
    let (ds, report) = load_sample("cyp-mental-health-access-trajectory.csv");
    assert_eq!((report.observations, report.plans), (1, 5));
    let actual = find(&ds, "Derby and Derbyshire CCG", "Children and young people accessing", "2018/19");
    close(actual.value, 7005.0);
    assert_eq!(ds.areas[actual.area as usize].kind, AreaKind::SubIcb);
    let plan = |period: &str| ds.plans.iter().find(|p| ds.periods[p.period as usize].label == period).unwrap();
    close(plan("2019/20").value, 6612.0);
    close(plan("2023/24").value, 6876.0);
    assert_eq!(ds.text(plan("2023/24").note), "includes 0-25 years");
    assert_eq!(plan("2023/24").indicator, actual.indicator);
}
