//! The April 2023 lookup of English districts & UAs to their upper tier (county or the UA itself).

use std::collections::BTreeMap;

/// One district's upper-tier authority.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpperTier {
    /// Upper-tier code (E10 county, or the district's own code for a unitary, metropolitan or London authority).
    pub code: String,
    /// Upper-tier name.
    pub name: String,
}

/// Districts & UAs → upper tier, with names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DistrictLookup {
    /// Upper tier by district code.
    pub upper_tier: BTreeMap<String, UpperTier>,
    /// District names by code.
    pub district_names: BTreeMap<String, String>,
}

impl DistrictLookup {
    /// Reads the `LTLA23CD,LTLA23NM,UTLA23CD,UTLA23NM` table.
    pub fn parse(text: &str) -> Result<DistrictLookup, String> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().map_err(|e| e.to_string())?.clone();
        let column = |name: &str| headers.iter().position(|h| h.trim() == name).ok_or_else(|| format!("lookup has no {name} column"));
        let (ld, ln, ud, un) = (column("LTLA23CD")?, column("LTLA23NM")?, column("UTLA23CD")?, column("UTLA23NM")?);
        let mut lookup = DistrictLookup::default();
        for record in reader.records() {
            let record = record.map_err(|e| e.to_string())?;
            let cell = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
            lookup.district_names.insert(cell(ld), cell(ln));
            lookup.upper_tier.insert(cell(ld), UpperTier { code: cell(ud), name: cell(un) });
        }
        Ok(lookup)
    }

    /// The district codes under an upper-tier code (a UA is under itself), in code order.
    pub fn districts_of(&self, upper_tier_code: &str) -> Vec<&str> {
        self.upper_tier.iter().filter(|(_, u)| u.code == upper_tier_code).map(|(d, _)| d.as_str()).collect()
    }

    /// True when `code` is an upper-tier code of the lookup.
    pub fn is_upper_tier(&self, code: &str) -> bool {
        self.upper_tier.values().any(|u| u.code == code)
    }
}
