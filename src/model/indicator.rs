//! Indicators and their metadata: value type, multiplier, polarity, unit.

use super::ConfidenceLevel;
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

/// Where a fact about an indicator came from, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// A column of the file says it (a polarity or unit column, every value written with `%`).
    File,
    /// The rows' own numbers show it (value = count ÷ denominator × 10^k, the shape of the intervals).
    Data,
    /// The file's published comparison labels show it (the level and polarity that reproduce them).
    Labels,
    /// The indicator's name says it (`%`, `per 100,000`, `directly standardised`).
    Name,
    /// Nothing in the file says it: the documented default.
    Default,
    /// The user chose it in the page (or a link or snapshot carried the choice).
    User,
}

impl EvidenceSource {
    /// The source in words (`the file`, `the rows' numbers`, …).
    pub fn text(self) -> &'static str {
        match self {
            EvidenceSource::File => "the file",
            EvidenceSource::Data => "the rows' numbers",
            EvidenceSource::Labels => "the published labels",
            EvidenceSource::Name => "the indicator's name",
            EvidenceSource::Default => "default",
            EvidenceSource::User => "your choice",
        }
    }
}

/// One fact about an indicator as decided, with the rule that decided it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The choice in words (`proportion ×100`, `99.8%`, `low is good`).
    pub choice: String,
    /// What decided it.
    pub source: EvidenceSource,
    /// The rule and the numbers behind it, in words.
    pub rule: String,
}

impl Decision {
    /// A decision from `source` with its rule.
    pub fn new(choice: impl Into<String>, source: EvidenceSource, rule: impl Into<String>) -> Decision {
        Decision { choice: choice.into(), source, rule: rule.into() }
    }
}

/// How an indicator's value type, comparison level and polarity were decided, and where evidence conflicted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IndicatorEvidence {
    /// How the value type and multiplier were decided.
    pub value_type: Option<Decision>,
    /// How the comparison level was decided.
    pub level: Option<Decision>,
    /// How the polarity was decided.
    pub polarity: Option<Decision>,
    /// Evidence that disagreed with the decision, in words.
    pub conflicts: Vec<String>,
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
    /// The confidence level the file's own comparisons use, when its evidence shows one.
    pub level: Option<ConfidenceLevel>,
    /// How value type, level and polarity were decided.
    pub evidence: IndicatorEvidence,
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
            level: None,
            evidence: IndicatorEvidence::default(),
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
