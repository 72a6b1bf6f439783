//! `SpcRules`: the run lengths and switches of the Making Data Count special-cause rules that users may set.

use serde::{Deserialize, Serialize};

/// Run lengths and switches of the special-cause rules (NHSRplotthedots lets users choose these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpcRules {
    /// Points in a row on one side of the mean that make a shift: 7 (default) or 8.
    pub shift_length: usize,
    /// Points in a row each higher (or lower) than the one before that make a trend: 7 (default) or 6.
    pub trend_length: usize,
    /// Whether the two-in-three (beyond 2σ) rule is applied (default on).
    pub two_in_three: bool,
}

impl Default for SpcRules {
    fn default() -> SpcRules {
        SpcRules { shift_length: 7, trend_length: 7, two_in_three: true }
    }
}

impl SpcRules {
    /// An error in words when a length is not one NHSRplotthedots offers (shift 7 or 8, trend 6 or 7).
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`, issue #202) and the Making Data Count guidance: runs
    /// of 7 (or 8) and trends of 7 (or 6).
    pub fn check(&self) -> Result<(), String> {
        if !matches!(self.shift_length, 7 | 8) {
            return Err(format!("shift length must be 7 or 8 points (got {})", self.shift_length));
        }
        if !matches!(self.trend_length, 6 | 7) {
            return Err(format!("trend length must be 6 or 7 points (got {})", self.trend_length));
        }
        Ok(())
    }

    /// True for the Making Data Count defaults (shift 7, trend 7, two-in-three on).
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 `ptd_spc` defaults (Making Data Count): shift 7, trend 7, two in three on.
    pub fn is_default(&self) -> bool {
        *self == SpcRules::default()
    }

    /// The settings in words, e.g. "Rules: shift 8 points, trend 6 points, two-in-three off (not the defaults 7, 7, on)".
    ///
    /// # Method / Reference
    /// NHSRplotthedots v0.2.2 (`R/ptd_calculate_point_type.R`).
    pub fn text(&self) -> String {
        let two = if self.two_in_three { "on" } else { "off" };
        let mut text = format!("Rules: shift {} points, trend {} points, two-in-three {two}", self.shift_length, self.trend_length);
        if !self.is_default() {
            text.push_str(" (not the defaults: shift 7, trend 7, two-in-three on)");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_checks() {
        assert!(SpcRules::default().is_default() && SpcRules::default().check().is_ok());
        assert!(SpcRules { shift_length: 9, ..SpcRules::default() }.check().is_err());
        assert!(SpcRules { trend_length: 5, ..SpcRules::default() }.check().is_err());
        let custom = SpcRules { shift_length: 8, trend_length: 6, two_in_three: false };
        assert!(custom.check().is_ok() && custom.text().contains("shift 8 points, trend 6 points, two-in-three off (not the defaults"));
        let read: SpcRules = serde_json::from_str(r#"{"shift_length": 8}"#).unwrap();
        assert_eq!(read, SpcRules { shift_length: 8, ..SpcRules::default() });
    }
}
