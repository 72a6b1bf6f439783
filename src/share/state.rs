//! `ShareState`: everything about a view that a link carries besides the data.

use crate::view::ViewSpec;
use serde::{Deserialize, Serialize};

/// The page's view state, as carried by a share link, a snapshot or an embed's attributes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShareState {
    /// The open view (`overview`, `compare-areas`, `spine`, …).
    pub view: String,
    /// Its selections: indicator, period, area, comparator (or comparator set), level, sort, polarity.
    pub spec: ViewSpec,
    /// Counts below this are suppressed in exports and shared data (0 = off).
    pub suppress_below: u32,
}
