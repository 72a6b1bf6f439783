//! Column roles: what a header means, matched by name and synonyms (never by position).

use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Fingertips `Indicator ID`, a KPI number.
    IndicatorId,
    /// Indicator name (also `Measure`, `Disorder`).
    IndicatorName,
    /// ONS area code.
    AreaCode,
    /// Area name.
    AreaName,
    /// Area type label.
    AreaType,
    /// Parent area code.
    ParentCode,
    /// Parent area name.
    ParentName,
    /// Period label.
    Period,
    /// Fingertips `Time period range` (`3y`).
    PeriodRange,
    /// Sex breakdown.
    Sex,
    /// Age breakdown (`Age band`).
    Age,
    /// Category type.
    CategoryType,
    /// Category.
    Category,
    /// The value.
    Value,
    /// Lower 95% limit.
    Lower95,
    /// Upper 95% limit.
    Upper95,
    /// Lower 99.8% limit.
    Lower998,
    /// Upper 99.8% limit.
    Upper998,
    /// Count / numerator.
    Count,
    /// Denominator / population.
    Denominator,
    /// Value note.
    Note,
    /// Target as written.
    Target,
    /// Polarity as written.
    Polarity,
    /// Planned (trajectory) value.
    Planned,
    /// Published comparison with England.
    ComparedEngland,
    /// Published comparison with the region / parent.
    ComparedParent,
    /// Published recent trend.
    RecentTrend,
    /// Not used.
    Ignore,
}

impl Role {
    /// The role's name as the report and `LoadOptions` write it (`area_code`, `value` …).
    pub fn name(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// The role named `name` (as `name()` writes it), if any.
    pub fn from_name(name: &str) -> Option<Role> {
        serde_json::from_value(serde_json::Value::String(name.trim().to_lowercase())).ok()
    }
}

/// A header lower-cased with whitespace collapsed (so `Area  Name` matches `area name`).
pub fn normalise(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The role a header names, by exact synonym first and then by telling words.
pub fn role_of(header: &str) -> Option<Role> {
    use Role::*;
    let h = normalise(header);
    let exact: &[(&[&str], Role)] = &[
        (&["indicator id", "indicatorid", "kpi", "kpi id", "kpi number", "kpi no", "indicator code", "id", "ref"], IndicatorId),
        (
            &["indicator name", "indicatorname", "indicator", "measure", "metric", "disorder", "condition", "kpi name", "description", "measure name"],
            IndicatorName,
        ),
        (&["area code", "areacode", "code", "ons code", "la code", "gss code", "geography code", "org code", "organisation code", "ccg code"], AreaCode),
        (
            &[
                "area name",
                "areaname",
                "area",
                "local authority",
                "la",
                "la name",
                "local authority name",
                "geography",
                "organisation",
                "organisation name",
                "org name",
                "ccg",
                "ccg name",
                "place",
            ],
            AreaName,
        ),
        (&["area type", "areatype", "geography type"], AreaType),
        (&["parent code", "parentcode"], ParentCode),
        (&["parent name", "parentname"], ParentName),
        (&["time period", "timeperiod", "period", "year", "financial year", "date", "month", "quarter", "reporting period", "time"], Period),
        (&["time period range"], PeriodRange),
        (&["sex", "gender"], Sex),
        (&["age", "age band", "age group", "ageband", "age range"], Age),
        (&["category type", "categorytype"], CategoryType),
        (&["category", "group"], Category),
        (&["value", "rate", "percentage", "percent", "%", "proportion", "actual", "result", "indicator value", "performance"], Value),
        (&["lower ci 95.0 limit", "lower ci", "lower 95% ci", "lci", "lower95", "lower ci 95", "lower 95"], Lower95),
        (&["upper ci 95.0 limit", "upper ci", "upper 95% ci", "uci", "upper95", "upper ci 95", "upper 95"], Upper95),
        (&["lower ci 99.8 limit", "lower 99.8", "lower998"], Lower998),
        (&["upper ci 99.8 limit", "upper 99.8", "upper998"], Upper998),
        (&["count", "numerator", "events", "cases", "number", "n", "deaths", "admissions", "num"], Count),
        (&["denominator", "population", "eligible", "cohort", "denom", "base", "total population", "eligible population"], Denominator),
        (&["value note", "valuenote", "note", "notes", "comment", "comments", "footnote"], Note),
        (&["target", "goal", "standard", "threshold", "target value"], Target),
        (&["polarity", "direction", "good is"], Polarity),
        (&["recent trend"], RecentTrend),
    ];
    if let Some((_, role)) = exact.iter().find(|(names, _)| names.contains(&h.as_str())) {
        return Some(*role);
    }
    let starts = |p: &str| h.starts_with(p);
    Some(if starts("compared to england") {
        ComparedEngland
    } else if starts("compared to region") || starts("compared to parent") {
        ComparedParent
    } else if h.contains("planned") || h.contains("trajectory") || h == "plan" {
        Planned
    } else if h.contains("lower") && h.contains("99.8") {
        Lower998
    } else if h.contains("upper") && h.contains("99.8") {
        Upper998
    } else if h.contains("lower") && (h.contains("95") || h.contains("ci") || h.contains("confidence")) {
        Lower95
    } else if h.contains("upper") && (h.contains("95") || h.contains("ci") || h.contains("confidence")) {
        Upper95
    } else if starts("numerator") || starts("number of") {
        Count
    } else if starts("denominator") {
        Denominator
    } else if starts("prevalence") || starts("rate ") || starts("value ") || starts("percentage ") {
        Value
    } else if starts("target") {
        Target
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms() {
        assert_eq!(role_of("AreaName"), Some(Role::AreaName));
        assert_eq!(role_of("Area  Name"), Some(Role::AreaName));
        assert_eq!(role_of("Compared to Region value or percentiles"), Some(Role::ComparedParent));
        assert_eq!(role_of("Compared to parent value or percentiles"), Some(Role::ComparedParent));
        assert_eq!(role_of("Events"), Some(Role::Count));
        assert_eq!(role_of("Eligible"), Some(Role::Denominator));
        assert_eq!(role_of("Prevalence (% of population)"), Some(Role::Value));
        assert_eq!(role_of("Planned (trajectory)"), Some(Role::Planned));
        assert_eq!(role_of("Derby"), None);
        assert_eq!(Role::AreaCode.name(), "area_code");
        assert_eq!(Role::from_name("lower95"), Some(Role::Lower95));
    }
}
