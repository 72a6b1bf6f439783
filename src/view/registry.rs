//! The registry of views: `ViewModel` (one variant per view), what each view tells about itself (`ViewInfo`),
//! and `VIEWS`, the one list the page's tabs, the element, the CLI's `view`/`render` and the README read.

use super::access::AccessView;
use super::annotation::AnnotationView;
use super::board_summary::BoardSummaryView;
use super::compare_areas::CompareAreasView;
use super::funnel::FunnelView;
use super::inequalities::InequalitiesView;
use super::kpi_summary::KpiSummaryView;
use super::map::MapView;
use super::overview::OverviewView;
use super::prevalence::PrevalenceView;
use super::scatter::ScatterView;
use super::spc::SpcView;
use super::spec::{ViewError, ViewSpec};
use super::spine::SpineView;
use super::table::ViewTable;
use super::trend::TrendView;
use crate::analysis::Benchmarker;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// What every view model says about itself: its table, caption, the polarities it lacks and its notes.
pub trait ViewInfo {
    /// The view's data as a table (text alternative and CSV), without annotation rows.
    fn data_table(&self) -> ViewTable;
    /// One sentence saying what the chart shows, for the data it was built from.
    fn caption(&self) -> String;
    /// Indicator keys whose polarity the view needs and the data do not give (asked for, never guessed).
    fn polarity_needed(&self) -> Vec<String> {
        Vec::new()
    }
    /// The user's notes the view carries.
    fn annotations(&self) -> Vec<AnnotationView> {
        Vec::new()
    }
}

/// What a view's builder gets: the data, the spec, the benchmarker made from the spec and the spec's area.
pub struct BuildContext<'a> {
    /// Everything loaded.
    pub dataset: &'a Dataset,
    /// What was asked for.
    pub spec: &'a ViewSpec,
    /// Comparisons under the spec's benchmark, level and polarity choices.
    pub benchmarker: &'a Benchmarker<'a>,
    /// The spec's area, when it names one.
    pub area: Option<u32>,
}

/// One view as the registry lists it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ViewEntry {
    /// Identifier in the page, links, the element's `view` attribute and the CLI (`compare-areas`).
    pub id: &'static str,
    /// Tab label (`Compare areas`).
    pub label: &'static str,
    /// Other names accepted for it (`tartan-rug`).
    pub aliases: &'static [&'static str],
    /// The page controls the view reads, in order (names of `ViewSpec` fields or page-only controls).
    pub controls: &'static [&'static str],
    /// What it shows, in one line (the README's list).
    pub summary: &'static str,
    /// Builds the view's model.
    #[serde(skip)]
    pub build: fn(&BuildContext<'_>) -> Result<ViewModel, ViewError>,
}

/// Every view, in tab order.
pub const VIEWS: &[ViewEntry] = &[
    super::kpi_summary::ENTRY,
    super::overview::ENTRY,
    super::compare_areas::ENTRY,
    super::spine::ENTRY,
    super::map::ENTRY,
    super::trend::ENTRY,
    super::spc::ENTRY,
    super::board_summary::ENTRY,
    super::inequalities::ENTRY,
    super::funnel::ENTRY,
    super::scatter::ENTRY,
    super::prevalence::ENTRY,
    super::access::ENTRY,
];

/// The view an id or alias names (hyphens and underscores alike, case ignored; empty: compare areas).
pub fn find_view(name: &str) -> Option<&'static ViewEntry> {
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    let wanted = if wanted.is_empty() { "compare-areas".to_owned() } else { wanted };
    VIEWS.iter().find(|v| v.id == wanted || v.aliases.contains(&wanted.as_str()))
}

/// The ids of every view, for messages listing the allowed names.
pub fn view_ids() -> Vec<&'static str> {
    VIEWS.iter().map(|v| v.id).collect()
}

/// A built view, tagged by its kind for the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "view", rename_all = "snake_case")]
pub enum ViewModel {
    /// Bars for every area of a type.
    CompareAreas(CompareAreasView),
    /// Indicators × areas grid.
    Overview(OverviewView),
    /// One area's spine chart.
    Spine(SpineView),
    /// Estimated numbers from national rates × local populations.
    Prevalence(PrevalenceView),
    /// People seen ÷ estimated need over time, against a target.
    Access(AccessView),
    /// One indicator over time for one or more areas.
    Trend(TrendView),
    /// XmR chart of one indicator and area.
    Spc(SpcView),
    /// The board-paper sentence and table.
    BoardSummary(BoardSummaryView),
    /// Two indicators across areas with a least-squares line (`scatter`).
    Scatter(ScatterView),
    /// Value against denominator with control limits (`funnel`).
    Funnel(FunnelView),
    /// Hex map of districts, counties or the user's map (`map`).
    Map(MapView),
    /// One indicator, area and period by category with SII / RII (`inequalities`).
    Inequalities(InequalitiesView),
    /// One row per indicator × area with comparison, trend, direction, target and SPC icons, each with its why.
    KpiSummary(KpiSummaryView),
}

impl ViewModel {
    /// The view model as what it says about itself.
    pub fn info(&self) -> &dyn ViewInfo {
        match self {
            ViewModel::CompareAreas(v) => v,
            ViewModel::Overview(v) => v,
            ViewModel::Spine(v) => v,
            ViewModel::Prevalence(v) => v,
            ViewModel::Access(v) => v,
            ViewModel::Trend(v) => v,
            ViewModel::Spc(v) => v,
            ViewModel::BoardSummary(v) => v,
            ViewModel::Scatter(v) => v,
            ViewModel::Funnel(v) => v,
            ViewModel::Map(v) => v,
            ViewModel::Inequalities(v) => v,
            ViewModel::KpiSummary(v) => v,
        }
    }

    /// The view's table (text alternative and CSV export), with a row per annotation.
    pub fn table(&self) -> ViewTable {
        let mut table = self.info().data_table();
        super::annotation::append_annotation_rows(&mut table, &self.annotations());
        table
    }

    /// The user's annotations the view carries (empty for views without a single indicator).
    pub fn annotations(&self) -> Vec<AnnotationView> {
        self.info().annotations()
    }

    /// Indicator keys whose polarity the view needs and the data do not give (asked for, never guessed).
    pub fn polarity_needed(&self) -> Vec<String> {
        self.info().polarity_needed()
    }

    /// One sentence saying what the chart shows.
    pub fn caption(&self) -> String {
        self.info().caption()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_is_found_by_its_id_and_aliases() {
        for entry in VIEWS {
            assert_eq!(find_view(entry.id).map(|v| v.id), Some(entry.id));
            assert_eq!(find_view(&entry.id.replace('-', "_")).map(|v| v.id), Some(entry.id));
            for alias in entry.aliases {
                assert_eq!(find_view(alias).map(|v| v.id), Some(entry.id), "{alias}");
            }
        }
        assert_eq!(find_view("").map(|v| v.id), Some("compare-areas"));
        assert!(find_view("sideways").is_none());
        let mut ids = view_ids();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), VIEWS.len(), "ids are unique");
    }
}
