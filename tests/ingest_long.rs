//! Long KPI returns (synonym matching, targets, polarity) and the user's LoadOptions as JSON.

mod common;
use common::*;
use indicator_lens::ingest::{self, LoadOptions};
use indicator_lens::model::{Dataset, PeriodKind, Polarity};

const KPI_RETURN: &str = "\
Area code,Area name,KPI,Indicator,Quarter,Numerator,Eligible,Target,Polarity
E06000015,Derby,1a,Breastfeeding at 6-8 weeks,2018/19 Q2,512,1010,45%,High is good
E10000007,Derbyshire,1a,Breastfeeding at 6-8 weeks,2018/19 Q2,\"1,010\",2400,45%,High is good
E06000015,Derby,4b,Excess weight at 4-5 years,2018/19 Q2,< 5,200,<22%,Low is good
";

#[test]
fn kpi_return_by_synonyms() {
    let (ds, report) = load("kpi.csv", KPI_RETURN.as_bytes());
    assert_eq!(report.format, "long");
    assert_eq!((report.rows_read, report.observations, report.targets), (3, 3, 3));
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let role = |h: &str| report.columns.iter().find(|c| c.header == h).unwrap().role.clone();
    assert_eq!(
        (role("Numerator"), role("Eligible"), role("Quarter"), role("KPI")),
        ("count".into(), "denominator".into(), "period".into(), "indicator_id".into())
    );
    let derbyshire = find(&ds, "E10000007", "1a", "2018/19 Q2");
    close(derbyshire.count, 1010.0);
    close(derbyshire.denominator, 2400.0);
    assert!(derbyshire.value.is_nan());
    let suppressed = find(&ds, "E06000015", "4b", "2018/19 Q2");
    assert!(suppressed.count.is_nan());
    assert_eq!(ds.periods[suppressed.period as usize].kind, PeriodKind::Quarter);
    assert_eq!(ds.indicators[suppressed.indicator as usize].polarity, Polarity::LowIsGood);
    assert_eq!(ds.indicators[derbyshire.indicator as usize].polarity, Polarity::HighIsGood);
    let target = ds.targets.iter().find(|t| t.indicator == suppressed.indicator).unwrap();
    assert_eq!((target.text.as_str(), target.area), ("<22%", Some(suppressed.area)));
}

#[test]
fn options_from_json_force_layout_and_map_columns() {
    let json = r#"{"format":"long","columns":[{"header":"Org","role":"area_name"},{"header":"Thing","role":"indicator_name"},
        {"header":"When","role":"period"},{"header":"Pop","role":"denominator"},{"header":"Extra","role":"ignore"}]}"#;
    let options: LoadOptions = serde_json::from_str(json).unwrap();
    let text = "Org,Thing,When,Events,Pop,Extra\nDerby,Admissions,2017/18,40,1000,zzz\n";
    let mut ds = Dataset::new();
    let report = ingest::load(&mut ds, "mapped.csv", text.as_bytes(), &options);
    assert_eq!((report.format.as_str(), report.observations), ("long", 1));
    let o = find(&ds, "E06000015", "Admissions", "2017/18");
    close(o.count, 40.0);
    close(o.denominator, 1000.0);
    assert!(report.columns.iter().any(|c| c.header == "Extra" && c.role == "ignored"));
    // Without the mapping the layout is not recognised, and the message says how to fix it.
    let (_, plain) = load("mapped.csv", text.as_bytes());
    assert!(plain.error.unwrap().contains("map the columns"));
    // Defaults: `{}` is a valid options object; round trip keeps every field.
    let empty: LoadOptions = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, LoadOptions::default());
    let back: LoadOptions = serde_json::from_str(&serde_json::to_string(&options).unwrap()).unwrap();
    assert_eq!(back, options);
}

#[test]
fn default_area_option_for_files_without_one() {
    let options = LoadOptions { area: Some("Derby".into()), ..LoadOptions::default() };
    let mut ds = Dataset::new();
    let report = ingest::load(&mut ds, "monthly.csv", b"Measure,Apr 2018,May 2018\nSeen,3,4\n", &options);
    assert_eq!(report.observations, 2);
    close(find(&ds, "E06000015", "Seen", "May 2018").value, 4.0);
}

#[test]
fn unknown_period_kept_as_text_with_a_warning() {
    let text = "Area,Indicator,Period,Value\nDerby,Visits,Spring term,4\nDerby,Visits,2017,5\n";
    let (ds, report) = load("terms.csv", text.as_bytes());
    assert_eq!(report.observations, 2);
    let o = find(&ds, "E06000015", "Visits", "Spring term");
    let p = &ds.periods[o.period as usize];
    assert_eq!(p.kind, PeriodKind::Unknown);
    let w = report.warnings.iter().find(|w| w.message.contains("Spring term")).unwrap();
    assert_eq!((w.line, w.column.as_str()), (2, "Period"));
    assert!(p > &ds.periods[find(&ds, "E06000015", "Visits", "2017").period as usize], "unknown sorts last");
}

#[test]
fn ignored_columns_are_not_read_as_areas_or_periods() {
    let options: LoadOptions = serde_json::from_str(r#"{"columns":[{"header":"Leicester","role":"ignore"},{"header":"2016","role":"ignore"}]}"#).unwrap();
    let mut ds = Dataset::new();
    let wide = "Indicator,Period,England,Derby,Leicester\nA,2017,1,2,3\n";
    let report = ingest::load(&mut ds, "a.csv", wide.as_bytes(), &options);
    assert_eq!((report.format.as_str(), report.observations), ("wide-by-area", 2));
    assert!(report.columns.iter().any(|c| c.header == "Leicester" && c.role == "ignored"));
    let report = ingest::load(&mut ds, "b.csv", b"Indicator,2015,2016\nA,1,2\n", &options);
    assert_eq!((report.format.as_str(), report.observations), ("wide-by-period", 1));
}
