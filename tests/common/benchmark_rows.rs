//! Hand-built datasets for benchmark, view and chart tests (shared with `#[path]`; no tests of its own).

use indicator_lens::model::{Area, AreaKind, Dataset, Indicator, IntervalSource, Observation, Period, Sym};

/// One row to add to a test dataset.
pub struct TestRow<'a> {
    pub indicator: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub area_type: &'a str,
    pub parent: &'a str,
    pub period: &'a str,
    pub value: f64,
    pub lower: f64,
    pub upper: f64,
    pub count: f64,
    pub denominator: f64,
    pub note: &'a str,
    pub published_england: &'a str,
}

impl<'a> TestRow<'a> {
    /// A row with an interval and no counts.
    pub fn new(indicator: &'a str, code: &'a str, name: &'a str, value: f64, lower: f64, upper: f64) -> TestRow<'a> {
        let area_type = match AreaKind::from_code(code) {
            AreaKind::England => "England",
            AreaKind::Region => "Region",
            _ => "Upper tier local authorities",
        };
        let parent = if code.starts_with("E92") {
            ""
        } else if code.starts_with("E12") {
            "E92000001"
        } else {
            "E12000004"
        };
        TestRow {
            indicator,
            code,
            name,
            area_type,
            parent,
            period: "2023/24",
            value,
            lower,
            upper,
            count: f64::NAN,
            denominator: f64::NAN,
            note: "",
            published_england: "",
        }
    }
}

/// Adds rows to a dataset.
pub fn add_rows(dataset: &mut Dataset, rows: &[TestRow]) {
    for row in rows {
        let indicator = dataset.indicator_id(Indicator::new(row.indicator, &format!("Indicator {}", row.indicator)));
        let area = dataset.area_id(Area {
            code: row.code.to_owned(),
            name: row.name.to_owned(),
            kind: AreaKind::from_code(row.code),
            area_type: row.area_type.to_owned(),
            parent_code: row.parent.to_owned(),
            parent_name: String::new(),
        });
        let start: i32 = row.period.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2020);
        let period = dataset.period_id(Period {
            label: row.period.to_owned(),
            start: indicator_lens::model::CalendarDate::new(start, 4, 1),
            end: indicator_lens::model::CalendarDate::new(start + 1, 3, 31),
            kind: indicator_lens::model::PeriodKind::FinancialYear,
        });
        let persons = dataset.strings.intern("Persons");
        let note = dataset.strings.intern(row.note);
        let published_england = dataset.strings.intern(row.published_england);
        let has_interval = row.lower.is_finite();
        dataset.push(Observation {
            indicator,
            area,
            period,
            sex: persons,
            age: Sym(0),
            category_type: Sym(0),
            category: Sym(0),
            value: row.value,
            lower95: row.lower,
            upper95: row.upper,
            lower998: f64::NAN,
            upper998: f64::NAN,
            count: row.count,
            denominator: row.denominator,
            note,
            published_england,
            published_parent: Sym(0),
            published_trend: Sym(0),
            interval_source: if has_interval { IntervalSource::Published } else { IntervalSource::None },
            area_type: Sym(0),
            parent: Sym(0),
            file: Sym(0),
            line: 0,
        });
    }
    indicator_lens::analysis::evidence::decide_all(dataset);
}

/// England, a region and six county/UA areas for indicator "1" (2023/24), with intervals.
pub fn counties() -> Dataset {
    let mut dataset = Dataset::new();
    add_rows(
        &mut dataset,
        &[
            TestRow::new("1", "E92000001", "England", 22.28, 22.21, 22.34),
            TestRow::new("1", "E12000004", "East Midlands region", 23.0, 22.8, 23.2),
            TestRow::new("1", "E06000015", "Derby", 25.0, 23.5, 26.5),
            TestRow::new("1", "E10000007", "Derbyshire", 19.33, 18.94, 19.73),
            TestRow::new("1", "E06000016", "Leicester", 22.0, 20.0, 22.28),
            TestRow::new("1", "E10000018", "Leicestershire", 21.0, 19.0, 23.0),
            TestRow::new("1", "E06000018", "Nottingham", f64::NAN, f64::NAN, f64::NAN),
            TestRow::new("1", "E10000024", "Nottinghamshire", 24.0, f64::NAN, f64::NAN),
        ],
    );
    dataset
}
