//! Indicators and their metadata: value type, multiplier, polarity, unit.

use serde::{Deserialize, Serialize};

/// What kind of statistic an indicator's value is; decides how intervals are computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueType {
    /// Numerator ÷ denominator × multiplier (a percentage when the multiplier is 100).
    Proportion,
    /// Crude rate: events ÷ population × multiplier (e.g. per 100,000).
    Rate,
    /// Directly standardised rate.
    Dsr,
    /// Ratio such as an indirectly standardised ratio.
    Ratio,
    /// Mean of values.
    Mean,
    /// A plain count.
    Count,
    /// Not known from the file.
    Unknown,
}

/// Which direction is good, as Fingertips' polarity settings say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Polarity {
    /// "RAG – High is good": higher than the benchmark is Better.
    HighIsGood,
    /// "RAG – Low is good": lower than the benchmark is Better.
    LowIsGood,
    /// "BOB": no judgement, Higher / Lower.
    NoJudgement,
    /// Not known yet: shown as Higher / Lower until the user sets it.
    Unknown,
}

/// One indicator as the files describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Identifier (Fingertips `Indicator ID`, a KPI number), else empty.
    pub id: String,
    /// Name as written (whitespace normalised).
    pub name: String,
    /// Value type, inferred where safe.
    pub value_type: ValueType,
    /// Multiplier of the value (100 for a percentage, 100000 for per 100,000), NaN when unknown.
    pub multiplier: f64,
    /// Polarity, from the file, the built-in table or the user.
    pub polarity: Polarity,
    /// Unit label for display (`%`, `per 100,000`), else empty.
    pub unit: String,
}

impl Indicator {
    /// A new indicator with unknown metadata.
    pub fn new(id: &str, name: &str) -> Indicator {
        Indicator {
            id: id.to_owned(),
            name: name.to_owned(),
            value_type: ValueType::Unknown,
            multiplier: f64::NAN,
            polarity: Polarity::Unknown,
            unit: String::new(),
        }
    }

    /// The key that identifies an indicator across files: its id, or its name when it has none.
    pub fn key(&self) -> &str {
        if self.id.is_empty() {
            &self.name
        } else {
            &self.id
        }
    }
}
