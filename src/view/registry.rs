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
use super::spec::{benchmark_options, selected_area, ViewError, ViewSpec};
use super::spine::SpineView;
use super::table::ViewTable;
use super::trend::TrendView;
pub use super::view_info::{BuildContext, ViewInfo};
use crate::analysis::Benchmarker;
use crate::model::Dataset;
use serde::{Deserialize, Serialize};

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
    ViewEntry {
        id: "kpi-summary",
        label: "KPI summary",
        aliases: &["kpi"],
        controls: &["area", "comparator", "level"],
        summary: "one row per indicator × area: value, comparison, trend, direction, target status and SPC icons",
        build: build_kpi_summary,
    },
    ViewEntry {
        id: "overview",
        label: "Overview",
        aliases: &["tartan-rug"],
        controls: &["area_type", "comparator", "level"],
        summary: "the “tartan rug”: indicators × areas, each cell coloured by its comparison",
        build: build_overview,
    },
    ViewEntry {
        id: "compare-areas",
        label: "Compare areas",
        aliases: &[],
        controls: &["indicator", "period", "area_type", "comparator", "level", "sort"],
        summary: "every area of a type as a bar with its interval, against England, the region or chosen comparators",
        build: build_compare_areas,
    },
    ViewEntry {
        id: "spine",
        label: "Spine chart",
        aliases: &["spine-chart"],
        controls: &["area", "comparator", "level"],
        summary: "one area's indicators against England, the worst and best areas and the middle half",
        build: build_spine,
    },
    ViewEntry {
        id: "map",
        label: "Map",
        aliases: &["hex-map"],
        controls: &["indicator", "period", "comparator", "level"],
        summary: "a hex map of districts and UAs, counties, or a HexJSON you drop, coloured by comparison or quintile",
        build: build_map,
    },
    ViewEntry {
        id: "trend",
        label: "Trend",
        aliases: &["trajectory"],
        controls: &["indicator", "area", "comparator_period", "relative_change_percent"],
        summary: "one indicator over time with intervals, England and region lines, recent trend, direction of travel, targets and plans",
        build: build_trend,
    },
    ViewEntry {
        id: "spc",
        label: "SPC",
        aliases: &["xmr"],
        controls: &["indicator", "area", "improvement", "target", "shift_length", "trend_length", "two_in_three", "rebase"],
        summary: "an XmR chart with Making Data Count rules, variation and assurance icons",
        build: build_spc,
    },
    ViewEntry {
        id: "board-summary",
        label: "Board summary",
        aliases: &["summary"],
        controls: &["area", "relative_change_percent"],
        summary: "the board-paper sentence and table: improved, stayed the same, worsened, off target",
        build: build_board_summary,
    },
    ViewEntry {
        id: "inequalities",
        label: "Inequalities",
        aliases: &[],
        controls: &["indicator", "period", "area", "level"],
        summary: "one indicator by category (deprivation, ethnicity, sex, age) with the slope and relative index of inequality",
        build: build_inequalities,
    },
    ViewEntry {
        id: "funnel",
        label: "Funnel plot",
        aliases: &[],
        controls: &["indicator", "period", "area_type", "area", "overdispersion"],
        summary: "value against denominator for every area, with 95% and 99.8% limits",
        build: build_funnel,
    },
    ViewEntry {
        id: "scatter",
        label: "Compare indicators",
        aliases: &["compare-indicators"],
        controls: &["indicator", "indicator_y", "area_type", "area"],
        summary: "two indicators across areas, with the least-squares line and R²",
        build: build_scatter,
    },
    ViewEntry {
        id: "prevalence",
        label: "Prevalence",
        aliases: &[],
        controls: &["bands"],
        summary: "national rates by age band applied to local populations: estimated numbers with intervals",
        build: build_prevalence,
    },
    ViewEntry {
        id: "access",
        label: "Access",
        aliases: &[],
        controls: &["area", "bands", "target_share", "estimated_need"],
        summary: "people seen as a share of the estimated need, against a target, with the planned trajectory",
        build: build_access,
    },
];

/// Builds the kpi summary view.
fn build_kpi_summary(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::KpiSummary(super::kpi_summary::kpi_summary_view(ctx.dataset, ctx.benchmarker, ctx.spec)?))
}

/// Builds the overview view.
fn build_overview(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Overview(super::overview::overview_view(ctx.dataset, ctx.benchmarker, ctx.spec, ctx.spec.palette)))
}

/// Builds the compare areas view.
fn build_compare_areas(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    use super::selection::{select, select_indicator};
    let indicator = select_indicator(ctx.dataset, ctx.spec.indicator.as_deref())?;
    let selection = select(ctx.dataset, ctx.spec, indicator)?;
    let mut view = super::compare_areas::compare_areas_view(ctx.dataset, ctx.benchmarker, &selection, ctx.area, ctx.spec.sort, ctx.spec.palette);
    view.annotations = super::annotation::annotations_for(ctx.dataset, &ctx.spec.annotations, indicator);
    Ok(ViewModel::CompareAreas(view))
}

/// Builds the spine view.
fn build_spine(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Spine(super::spine::spine_view(ctx.dataset, ctx.benchmarker, ctx.spec, ctx.area, ctx.spec.palette)?))
}

/// Builds the map view.
fn build_map(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Map(super::map::map_view(ctx.dataset, ctx.benchmarker, ctx.spec, ctx.area)?))
}

/// Builds the trend view.
fn build_trend(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Trend(super::trend::trend_view(ctx.dataset, ctx.spec)?))
}

/// Builds the spc view.
fn build_spc(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Spc(super::spc::spc_view(ctx.dataset, ctx.spec)?))
}

/// Builds the board summary view.
fn build_board_summary(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::BoardSummary(super::board_summary::board_summary_view(ctx.dataset, ctx.spec)?))
}

/// Builds the inequalities view.
fn build_inequalities(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Inequalities(super::inequalities::inequalities_view(ctx.dataset, ctx.benchmarker, ctx.spec, ctx.area)?))
}

/// Builds the funnel view.
fn build_funnel(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Funnel(super::funnel::funnel_view(ctx.dataset, ctx.benchmarker, ctx.spec, ctx.area)?))
}

/// Builds the scatter view.
fn build_scatter(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    Ok(ViewModel::Scatter(super::scatter::scatter_view(ctx.dataset, ctx.spec, ctx.area)?))
}

/// Builds the prevalence view.
fn build_prevalence(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    let bands = super::prevalence::parse_bands(&ctx.spec.bands).map_err(ViewError::Unavailable)?;
    Ok(ViewModel::Prevalence(super::prevalence::prevalence_view(ctx.dataset, &bands)))
}

/// Builds the access view.
fn build_access(ctx: &BuildContext<'_>) -> Result<ViewModel, ViewError> {
    let bands = super::prevalence::parse_bands(&ctx.spec.bands).map_err(ViewError::Unavailable)?;
    let area = ctx.spec.area.as_deref().filter(|a| !a.trim().is_empty());
    let view = super::access::access_view(ctx.dataset, &bands, area, ctx.spec.estimated_need, ctx.spec.target_share).map_err(ViewError::Unavailable)?;
    Ok(ViewModel::Access(view))
}

/// The view an id or alias names (hyphens and underscores alike, case ignored; empty: compare areas).
pub fn find_view(name: &str) -> Option<&'static ViewEntry> {
    let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
    let wanted = if wanted.is_empty() { "compare-areas".to_owned() } else { wanted };
    VIEWS.iter().find(|v| v.id == wanted || v.aliases.contains(&wanted.as_str()))
}

/// The error for a view name the registry does not know, listing the allowed ones.
pub fn unknown_view(name: &str) -> ViewError {
    ViewError::UnknownView { name: name.trim().to_owned(), allowed: view_ids().join(", ") }
}

/// Builds the view a spec asks for from the loaded data (the view named by the spec, found in the registry).
pub fn build_view(dataset: &Dataset, spec: &ViewSpec) -> Result<ViewModel, ViewError> {
    if dataset.is_empty() {
        return Err(ViewError::NoData);
    }
    let entry = find_view(&spec.view).ok_or_else(|| unknown_view(&spec.view))?;
    let benchmarker = Benchmarker::new(dataset, benchmark_options(spec)?);
    let area = selected_area(dataset, spec)?;
    (entry.build)(&BuildContext { dataset, spec, benchmarker: &benchmarker, area })
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
