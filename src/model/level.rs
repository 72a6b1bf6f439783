//! Confidence levels used for benchmarking: 95% and 99.8%.

use super::Observation;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The confidence level of the interval compared with the benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConfidenceLevel {
    /// 95% (Fingertips' usual level).
    #[default]
    P95,
    /// 99.8%.
    P998,
}

impl ConfidenceLevel {
    /// The level from a percentage (95 or 99.8) or a fraction (0.95, 0.998); None otherwise.
    pub fn from_number(number: f64) -> Option<ConfidenceLevel> {
        if (number - 95.0).abs() < 1e-9 || (number - 0.95).abs() < 1e-9 {
            Some(ConfidenceLevel::P95)
        } else if (number - 99.8).abs() < 1e-9 || (number - 0.998).abs() < 1e-9 {
            Some(ConfidenceLevel::P998)
        } else {
            None
        }
    }

    /// The level from text such as `95`, `99.8`, `95%`, `0.998`.
    pub fn parse(text: &str) -> Option<ConfidenceLevel> {
        text.trim().trim_end_matches('%').trim().parse::<f64>().ok().and_then(ConfidenceLevel::from_number)
    }

    /// The level as a percentage (95 or 99.8).
    pub fn percent(self) -> f64 {
        match self {
            ConfidenceLevel::P95 => 95.0,
            ConfidenceLevel::P998 => 99.8,
        }
    }

    /// The level as text (`95%`, `99.8%`).
    pub fn text(self) -> &'static str {
        match self {
            ConfidenceLevel::P95 => "95%",
            ConfidenceLevel::P998 => "99.8%",
        }
    }

    /// The observation's interval at this level as (lower, upper), NaN when absent.
    pub fn interval(self, observation: &Observation) -> (f64, f64) {
        match self {
            ConfidenceLevel::P95 => (observation.lower95, observation.upper95),
            ConfidenceLevel::P998 => (observation.lower998, observation.upper998),
        }
    }
}

impl Serialize for ConfidenceLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.percent())
    }
}

impl<'de> Deserialize<'de> for ConfidenceLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum NumberOrText {
            Number(f64),
            Text(String),
        }
        let level = match NumberOrText::deserialize(deserializer)? {
            NumberOrText::Number(n) => ConfidenceLevel::from_number(n),
            NumberOrText::Text(t) => ConfidenceLevel::parse(&t),
        };
        level.ok_or_else(|| serde::de::Error::custom("confidence level must be 95 or 99.8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels() {
        assert_eq!(ConfidenceLevel::parse("95"), Some(ConfidenceLevel::P95));
        assert_eq!(ConfidenceLevel::parse("99.8%"), Some(ConfidenceLevel::P998));
        assert_eq!(ConfidenceLevel::parse("0.998"), Some(ConfidenceLevel::P998));
        assert_eq!(ConfidenceLevel::parse("90"), None);
        let level: ConfidenceLevel = serde_json::from_str("99.8").unwrap_or_default();
        assert_eq!(level, ConfidenceLevel::P998);
    }
}
