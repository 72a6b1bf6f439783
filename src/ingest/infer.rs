//! Indicator metadata inferred from names and cells, only where it is safe; else left Unknown.

use crate::model::{Indicator, ValueType};

/// Fills value type, multiplier and unit of `indicator` from its name (or from every value
/// being written with `%`), leaving them unknown when the name does not say.
pub fn fill(indicator: &mut Indicator, all_percent: bool) {
    let name = indicator.name.to_lowercase();
    let compact = name.replace([',', ' '], "");
    // Order matters: "estimated number … prevalence" is a count, "rate per 10,000" a rate.
    let (value_type, multiplier, unit) = if name.contains(": count") || name.contains("estimated number") {
        (ValueType::Count, f64::NAN, "")
    } else if let Some(per) = per_multiplier(&compact) {
        let unit = match per as u64 {
            1_000 => "per 1,000",
            10_000 => "per 10,000",
            100_000 => "per 100,000",
            _ => "per 100",
        };
        (if name.contains("standardised") { ValueType::Dsr } else { ValueType::Rate }, per, unit)
    } else if all_percent
        || name.contains('%')
        || name.contains("percentage")
        || name.contains("proportion")
        || name.contains("prevalence")
    {
        (ValueType::Proportion, 100.0, "%")
    } else {
        return;
    };
    indicator.value_type = value_type;
    indicator.multiplier = multiplier;
    indicator.unit = unit.to_owned();
}

/// The N of "per N" in a compacted name (`per100000`, `per1000`).
fn per_multiplier(compact: &str) -> Option<f64> {
    [100_000.0, 10_000.0, 1_000.0, 100.0]
        .into_iter()
        .find(|n: &f64| {
            let pattern = format!("per{}", *n as u64);
            compact.match_indices(&pattern).any(|(i, _)| {
                // `per1000` must not match `per10000`: the next character is not a digit.
                !compact[i + pattern.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer(name: &str) -> (ValueType, String) {
        let mut i = Indicator::new("", name);
        fill(&mut i, false);
        (i.value_type, i.unit)
    }

    #[test]
    fn conservative() {
        assert_eq!(infer("Reception prevalence of overweight (including obesity), 3 years data combined").0, ValueType::Proportion);
        assert_eq!(infer("Children in need: rate per 10,000 children aged under 18"), (ValueType::Rate, "per 10,000".into()));
        assert_eq!(infer("Under 18 conceptions per 1000 females aged 15-17").1, "per 1,000");
        assert_eq!(infer("Prevalence of ADHD among young people: estimated number aged 16 - 24").0, ValueType::Count);
        assert_eq!(infer("Life expectancy at birth - Male").0, ValueType::Unknown);
        assert_eq!(infer("Pupil absence").0, ValueType::Unknown);
    }
}
