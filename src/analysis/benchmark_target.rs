//! What a value is compared against (England, the parent, one area, a comparator set) and that benchmark's value.

use super::observation_groups::{GroupKey, ObservationGroups};
use crate::model::{AreaKind, Dataset, ValueType};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The benchmark chosen for a comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Benchmark {
    /// England (E92000001, or the area named England).
    #[default]
    England,
    /// Each area's parent (usually its region; in some downloads a county).
    Parent,
    /// One area, by code or name.
    Area(String),
    /// A comparator set (e.g. statistical neighbours), by area codes or names.
    Comparators(Vec<String>),
}

impl Benchmark {
    /// Reads `england`, `parent` / `region`, an area code, or a comma-separated list of codes.
    pub fn parse(text: &str) -> Benchmark {
        let trimmed = text.trim();
        match trimmed.to_ascii_lowercase().as_str() {
            "" | "england" => Benchmark::England,
            "parent" | "region" => Benchmark::Parent,
            _ if trimmed.contains(',') => Benchmark::Comparators(trimmed.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()),
            _ => Benchmark::Area(trimmed.to_owned()),
        }
    }

    /// The benchmark as a reader would name it (`England`, `each area's parent`, an area's name, a set's size).
    pub fn display_name(&self, dataset: &Dataset) -> String {
        match self {
            Benchmark::England => "England".into(),
            Benchmark::Parent => "each area's parent (region)".into(),
            Benchmark::Area(key) => dataset.find_area(key).map(|id| dataset.areas[id as usize].name.clone()).unwrap_or_else(|| key.clone()),
            Benchmark::Comparators(codes) => format!("a comparator set of {} areas", codes.len()),
        }
    }

    /// The benchmark as text (`england`, `parent`, the code, or codes joined by commas).
    pub fn text(&self) -> String {
        match self {
            Benchmark::England => "england".into(),
            Benchmark::Parent => "parent".into(),
            Benchmark::Area(code) => code.clone(),
            Benchmark::Comparators(codes) => codes.join(","),
        }
    }
}

impl Serialize for Benchmark {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Benchmark::Comparators(codes) => codes.serialize(serializer),
            other => serializer.serialize_str(&other.text()),
        }
    }
}

impl<'de> Deserialize<'de> for Benchmark {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum TextOrList {
            Text(String),
            List(Vec<String>),
        }
        Ok(match TextOrList::deserialize(deserializer)? {
            TextOrList::Text(text) => Benchmark::parse(&text),
            TextOrList::List(codes) => Benchmark::Comparators(codes),
        })
    }
}

/// How the benchmark's value was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkMethod {
    /// The benchmark area's own published value.
    AreaValue,
    /// A comparator set's value from pooled counts ÷ pooled denominators × multiplier.
    PooledCounts,
    /// A comparator set's value as the average of its members' values (counts not available).
    GroupAverage,
}

/// The benchmark's value for one group, with its name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchmarkValue {
    /// The value (NaN when the benchmark has none).
    pub value: f64,
    /// Display name (`England`, `East Midlands region`, `comparator group (3 areas, pooled)`).
    pub name: String,
    /// The benchmark area, when it is one area.
    pub area: Option<u32>,
    /// How the value was obtained.
    pub method: BenchmarkMethod,
}

/// The area id of England in `dataset`, if loaded.
pub fn england_area(dataset: &Dataset) -> Option<u32> {
    dataset.find_area("E92000001").or_else(|| dataset.areas.iter().position(|a| a.kind == AreaKind::England).map(|i| i as u32))
}

/// The benchmark's value for the group of a row whose parent is `parent`; None when the benchmark cannot be found at all.
pub fn benchmark_value(dataset: &Dataset, groups: &ObservationGroups, benchmark: &Benchmark, key: &GroupKey, parent: Option<u32>) -> Option<BenchmarkValue> {
    let single = |benchmark_area: Option<u32>| -> Option<BenchmarkValue> {
        let benchmark_area = benchmark_area?;
        let name = dataset.areas.get(benchmark_area as usize).map(|a| a.name.clone()).unwrap_or_default();
        let value = groups.row_of_or_overall(key, benchmark_area).map(|row| dataset.row(row).value).unwrap_or(f64::NAN);
        Some(BenchmarkValue { value, name, area: Some(benchmark_area), method: BenchmarkMethod::AreaValue })
    };
    match benchmark {
        Benchmark::England => single(england_area(dataset)),
        Benchmark::Parent => single(Some(parent?)),
        Benchmark::Area(code) => single(dataset.find_area(code)),
        Benchmark::Comparators(codes) => Some(comparator_set_value(dataset, groups, codes, key)),
    }
}

/// A comparator set's value: pooled counts ÷ denominators where every member has them, else the average of values.
pub fn comparator_set_value(dataset: &Dataset, groups: &ObservationGroups, codes: &[String], key: &GroupKey) -> BenchmarkValue {
    let members: Vec<&crate::model::Observation> = codes
        .iter()
        .filter_map(|code| dataset.find_area(code))
        .filter_map(|area| groups.row_of(key, area))
        .map(|row| dataset.row(row))
        .filter(|o| o.value.is_finite())
        .collect();
    let n = members.len();
    if n == 0 {
        return BenchmarkValue { value: f64::NAN, name: "comparator group (no members with values)".into(), area: None, method: BenchmarkMethod::GroupAverage };
    }
    if let Some(pooled) = pooled_value(dataset, key.0, &members) {
        return BenchmarkValue { value: pooled, name: format!("comparator group ({n} areas, pooled)"), area: None, method: BenchmarkMethod::PooledCounts };
    }
    let average = members.iter().map(|o| o.value).sum::<f64>() / n as f64;
    BenchmarkValue { value: average, name: format!("comparator group ({n} areas, average)"), area: None, method: BenchmarkMethod::GroupAverage }
}

/// Pooled Σcount ÷ Σdenominator × multiplier, when every member has a count and denominator that reproduce its value.
fn pooled_value(dataset: &Dataset, indicator: u32, members: &[&crate::model::Observation]) -> Option<f64> {
    let poolable = dataset
        .indicators
        .get(indicator as usize)
        .map(|i| matches!(i.value_type, ValueType::Proportion | ValueType::Rate | ValueType::Unknown))
        .unwrap_or(false);
    if !poolable {
        return None;
    }
    let mut multiplier = f64::NAN;
    for member in members {
        if !(member.count.is_finite() && member.denominator.is_finite() && member.denominator > 0.0) {
            return None;
        }
        let crude = member.count / member.denominator;
        if crude <= 0.0 {
            continue;
        }
        let implied = 10f64.powf((member.value / crude).log10().round());
        if (crude * implied - member.value).abs() > 0.005 * member.value.abs().max(1e-9) {
            return None; // value is not a crude ratio of its count (e.g. standardised)
        }
        if multiplier.is_nan() {
            multiplier = implied;
        } else if multiplier != implied {
            return None;
        }
    }
    if multiplier.is_nan() {
        multiplier = dataset.indicators.get(indicator as usize).map(|i| i.multiplier).filter(|m| m.is_finite()).unwrap_or(1.0);
    }
    let count: f64 = members.iter().map(|o| o.count).sum();
    let denominator: f64 = members.iter().map(|o| o.denominator).sum();
    Some(count / denominator * multiplier)
}
