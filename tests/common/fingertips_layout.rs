//! Writing rows in the Fingertips download layout (27 quoted columns), for tests that make their own fixtures.

/// The newer Fingertips header, in order.
pub const HEADER: [&str; 27] = [
    "Indicator ID",
    "Indicator Name",
    "Parent Code",
    "Parent Name",
    "Area Code",
    "Area Name",
    "Area Type",
    "Sex",
    "Age",
    "Category Type",
    "Category",
    "Time period",
    "Value",
    "Lower CI 95.0 limit",
    "Upper CI 95.0 limit",
    "Lower CI 99.8 limit",
    "Upper CI 99.8 limit",
    "Count",
    "Denominator",
    "Value note",
    "Recent Trend",
    "Compared to England value or percentiles",
    "Compared to Region value or percentiles",
    "Time period Sortable",
    "New data",
    "Compared to goal",
    "Time period range",
];

/// One row: the cells that vary; the rest left empty.
#[derive(Clone, Debug, Default)]
pub struct FtRow {
    pub indicator_id: String,
    pub indicator_name: String,
    pub area_code: String,
    pub area_name: String,
    pub area_type: String,
    pub sex: String,
    pub age: String,
    pub category_type: String,
    pub category: String,
    pub period: String,
    pub value: String,
    pub lower95: String,
    pub upper95: String,
    pub count: String,
    pub denominator: String,
}

fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// The rows as a Fingertips download (header first, every field quoted).
pub fn fingertips_csv(rows: &[FtRow]) -> String {
    let mut text = HEADER.map(quoted).join(",") + "\n";
    for r in rows {
        let mut cells = vec![String::new(); 27];
        let set = [
            (0, &r.indicator_id),
            (1, &r.indicator_name),
            (4, &r.area_code),
            (5, &r.area_name),
            (6, &r.area_type),
            (7, &r.sex),
            (8, &r.age),
            (9, &r.category_type),
            (10, &r.category),
            (11, &r.period),
            (12, &r.value),
            (13, &r.lower95),
            (14, &r.upper95),
            (17, &r.count),
            (18, &r.denominator),
        ];
        for (i, v) in set {
            cells[i] = v.clone();
        }
        text.push_str(&cells.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(","));
        text.push('\n');
    }
    text
}
