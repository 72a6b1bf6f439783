//! Indicator metadata inferred from names and cells, only where it is safe; else left Unknown.

use crate::model::{Decision, EvidenceSource, Indicator, ValueType};

/// Fills value type, multiplier and unit of `indicator` from its name (or from every value
/// being written with `%`), leaving them unknown when the name does not say.
pub fn fill(indicator: &mut Indicator, all_percent: bool) {
    let name = indicator.name.to_lowercase();
    let compact = name.replace([',', ' '], "");
    // Order matters: "estimated number … prevalence" is a count, "rate per 10,000" a rate.
    let (value_type, multiplier, unit, source, rule) = if name.contains(": count") || name.contains("estimated number") {
        (ValueType::Count, f64::NAN, "", EvidenceSource::Name, "the name says it is a count".to_owned())
    } else if let Some(per) = per_multiplier(&compact) {
        let unit = match per as u64 {
            1_000 => "per 1,000",
            10_000 => "per 10,000",
            100_000 => "per 100,000",
            _ => "per 100",
        };
        let standardised = name.contains("standardised");
        let rule = format!("the name says “{unit}”{}", if standardised { " and “standardised”" } else { "" });
        (if standardised { ValueType::Dsr } else { ValueType::Rate }, per, unit, EvidenceSource::Name, rule)
    } else if all_percent || name.contains('%') || name.contains("percentage") || name.contains("proportion") || name.contains("prevalence") {
        let (source, rule) = if all_percent {
            (EvidenceSource::File, "the values are written with %".to_owned())
        } else {
            let word = ["%", "percentage", "proportion", "prevalence"].into_iter().find(|w| name.contains(w)).unwrap_or("%");
            (EvidenceSource::Name, format!("the name says “{word}”"))
        };
        (ValueType::Proportion, 100.0, "%", source, rule)
    } else if name.contains("directly standardised") || name.contains("directly age standardised") {
        (ValueType::Dsr, f64::NAN, "", EvidenceSource::Name, "the name says “directly standardised”".to_owned())
    } else if name.contains("standardised ratio") || name.contains("(sir)") || name.contains("(smr)") {
        (ValueType::Ratio, 100.0, "", EvidenceSource::Name, "the name says “standardised ratio”".to_owned())
    } else {
        return;
    };
    indicator.value_type = value_type;
    indicator.multiplier = multiplier;
    indicator.unit = unit.to_owned();
    indicator.evidence.value_type = Some(Decision::new(value_type_text(value_type, multiplier), source, rule));
}

/// The indicator as its id and name alone describe it (value type, multiplier, unit and the rule).
pub fn infer_from_name(id: &str, name: &str) -> Indicator {
    let mut indicator = Indicator::new(id, name);
    fill(&mut indicator, false);
    indicator
}

/// A value type and multiplier in words (`proportion ×100`, `rate per 10,000`, `directly standardised rate`).
pub fn value_type_text(value_type: ValueType, multiplier: f64) -> String {
    let per = multiplier_text;
    match value_type {
        ValueType::Proportion if multiplier == 100.0 => "percentage".into(),
        ValueType::Proportion if multiplier.is_finite() => format!("proportion ×{}", per(multiplier)),
        ValueType::Proportion => "proportion".into(),
        ValueType::Rate if multiplier.is_finite() => format!("crude rate per {}", per(multiplier)),
        ValueType::Rate => "crude rate".into(),
        ValueType::Dsr => "directly standardised rate".into(),
        ValueType::Ratio => "ratio".into(),
        ValueType::Mean => "mean".into(),
        ValueType::Count => "count".into(),
        ValueType::Unknown => "not known".into(),
    }
}

/// A power-of-ten multiplier with thousands separators (`100,000`).
pub fn multiplier_text(multiplier: f64) -> String {
    let digits = format!("{:.0}", multiplier.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The N of "per N" in a compacted name (`per100000`, `per1000`).
fn per_multiplier(compact: &str) -> Option<f64> {
    [100_000.0, 10_000.0, 1_000.0, 100.0].into_iter().find(|n: &f64| {
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
