//! What a user may choose when correcting detection: the layouts and the column roles the ingest reads.

use super::columns::Role;
use super::layout::ALL;
use serde::Serialize;

/// Every role a column can be given, in the order a form lists them.
const ROLES: [Role; 28] = [
    Role::IndicatorId,
    Role::IndicatorName,
    Role::AreaCode,
    Role::AreaName,
    Role::AreaType,
    Role::ParentCode,
    Role::ParentName,
    Role::Period,
    Role::PeriodRange,
    Role::Sex,
    Role::Age,
    Role::CategoryType,
    Role::Category,
    Role::Value,
    Role::Lower95,
    Role::Upper95,
    Role::Lower998,
    Role::Upper998,
    Role::Count,
    Role::Denominator,
    Role::Note,
    Role::Target,
    Role::Polarity,
    Role::Planned,
    Role::ComparedEngland,
    Role::ComparedParent,
    Role::RecentTrend,
    Role::Ignore,
];

/// The choices offered to correct a file's detection (`LoadOptions::format` and `LoadOptions::columns`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DetectionChoices {
    /// Layout names, as `FileReport::format` writes them.
    pub formats: Vec<&'static str>,
    /// Column role names, as `LoadOptions::columns` takes them.
    pub roles: Vec<String>,
}

/// The layouts and roles a user can pick from.
pub fn detection_choices() -> DetectionChoices {
    DetectionChoices { formats: ALL.iter().map(|l| l.name()).collect(), roles: ROLES.iter().map(|r| r.name()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back() {
        let choices = detection_choices();
        assert!(choices.formats.iter().all(|f| super::super::Layout::from_name(f).is_some()));
        assert!(choices.roles.iter().all(|r| Role::from_name(r).is_some()));
        assert_eq!(choices.roles.len(), 28);
    }
}
