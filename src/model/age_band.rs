//! Age bands as printed (`2-4`, `5 to 10`, `Age 7`, `18+`, `Under 5`) read as inclusive year ranges, and unions of them.

use serde::{Deserialize, Serialize};

/// Oldest age an open band (`90+`) reaches.
pub const OPEN_END: u32 = 150;

/// An inclusive range of whole years of age, with the label it was written as.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AgeBand {
    /// Youngest age in the band.
    pub low: u32,
    /// Oldest age in the band (`OPEN_END` for `90+`).
    pub high: u32,
    /// The label as written (or built from the range for unions).
    pub label: String,
}

impl AgeBand {
    /// A band from `low` to `high` labelled `low-high` (or `low+` when open).
    pub fn new(low: u32, high: u32) -> AgeBand {
        let label = if high >= OPEN_END {
            format!("{low}+")
        } else if low == high {
            format!("{low}")
        } else {
            format!("{low}-{high}")
        };
        AgeBand { low, high, label }
    }

    /// Reads a printed band; `None` when the text is not an age band.
    pub fn parse(text: &str) -> Option<AgeBand> {
        let label = text.trim();
        let lower = label.to_lowercase().replace(['–', '—'], "-");
        let mut body = lower.as_str();
        for prefix in ["aged", "age", "ages"] {
            if let Some(rest) = body.strip_prefix(prefix) {
                body = rest.trim_start();
            }
        }
        for suffix in ["years old", "years", "yrs", "yr", "y"] {
            if let Some(rest) = body.strip_suffix(suffix) {
                body = rest.trim_end();
                break;
            }
        }
        let number = |t: &str| -> Option<u32> { t.trim().parse::<u32>().ok().filter(|n| *n < OPEN_END) };
        let (low, high) = if let Some(rest) = body.strip_prefix("under").or_else(|| body.strip_prefix('<')) {
            (0, number(rest)?.checked_sub(1)?)
        } else if let Some(rest) = body.strip_suffix('+').or_else(|| body.strip_suffix("and over")).or_else(|| body.strip_suffix("and above")) {
            (number(rest)?, OPEN_END)
        } else if let Some((a, b)) = body.split_once('-').or_else(|| body.split_once(" to ")) {
            (number(a)?, number(b)?)
        } else {
            let n = number(body)?;
            (n, n)
        };
        (low <= high).then(|| AgeBand { low, high, label: label.to_owned() })
    }

    /// True when `other` lies wholly inside this band.
    pub fn contains(&self, other: &AgeBand) -> bool {
        self.low <= other.low && other.high <= self.high
    }

    /// True when the two bands share at least one year of age.
    pub fn overlaps(&self, other: &AgeBand) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// The bands of `parts` that make up `band` exactly, in age order; `Err` names the year of age left
/// uncovered or the part that straddles the band's edge (bands that do not line up are not guessed).
pub fn cover<'a>(band: &AgeBand, parts: &'a [AgeBand]) -> Result<Vec<&'a AgeBand>, CoverGap> {
    if let Some(straddling) = parts.iter().find(|p| p.overlaps(band) && !band.contains(p)) {
        return Err(CoverGap::Straddles(straddling.label.clone()));
    }
    let mut inside: Vec<&AgeBand> = parts.iter().filter(|p| band.contains(p)).collect();
    inside.sort_by_key(|p| (p.low, p.high));
    let mut next = band.low;
    for part in &inside {
        if part.low > next {
            return Err(CoverGap::Missing(AgeBand::new(next, part.low - 1).label));
        }
        if part.low < next {
            return Err(CoverGap::Overlap(part.label.clone()));
        }
        next = part.high.saturating_add(1);
    }
    if next <= band.high {
        return Err(CoverGap::Missing(AgeBand::new(next, band.high).label));
    }
    Ok(inside)
}

/// Why a band cannot be built from parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoverGap {
    /// These ages have no part.
    Missing(String),
    /// This part reaches across the band's edge.
    Straddles(String),
    /// This part overlaps another inside the band.
    Overlap(String),
}

impl std::fmt::Display for CoverGap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CoverGap::Missing(ages) => write!(f, "ages {ages} are missing"),
            CoverGap::Straddles(part) => write!(f, "band {part} reaches across its edge"),
            CoverGap::Overlap(part) => write!(f, "band {part} overlaps another"),
        }
    }
}

/// The band spanning all `bands` when they are contiguous (`2-4`, `5-16`, `17-19` → `2-19`), else `None`.
pub fn union(bands: &[AgeBand]) -> Option<AgeBand> {
    let low = bands.iter().map(|b| b.low).min()?;
    let high = bands.iter().map(|b| b.high).max()?;
    let whole = AgeBand::new(low, high);
    cover(&whole, bands).ok().map(|_| whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(text: &str) -> AgeBand {
        AgeBand::parse(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn reads_printed_bands() {
        assert_eq!((band("2-4").low, band("2-4").high), (2, 4));
        assert_eq!((band("5 to 10").low, band("5 to 10").high), (5, 10));
        assert_eq!((band("Age 7").low, band("Age 7").high), (7, 7));
        assert_eq!((band("17–19 yrs").low, band("17–19 yrs").high), (17, 19));
        assert_eq!((band("Under 5").low, band("Under 5").high), (0, 4));
        assert_eq!(band("90+").high, OPEN_END);
        assert_eq!(band("5-10").label, "5-10");
        assert!(AgeBand::parse("Persons").is_none());
        assert!(AgeBand::parse("10-5").is_none());
        assert!(AgeBand::parse("").is_none());
    }

    #[test]
    fn covers_exactly_or_says_why_not() {
        let parts = vec![band("2-4"), band("5-10"), band("11-16"), band("17-19")];
        let covered = cover(&band("5-16"), &parts).unwrap();
        assert_eq!(covered.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["5-10", "11-16"]);
        assert_eq!(cover(&band("5-15"), &parts), Err(CoverGap::Straddles("11-16".into())));
        assert_eq!(cover(&band("0-4"), &parts), Err(CoverGap::Missing("0-1".into())));
        assert_eq!(union(&parts).unwrap().label, "2-19");
        assert!(union(&[band("2-4"), band("11-16")]).is_none());
    }
}
