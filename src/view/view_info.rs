//! What every view model says about itself (`ViewInfo`) and what a view's builder gets (`BuildContext`).

use super::annotation::AnnotationView;
use super::spec::ViewSpec;
use super::table::ViewTable;
use crate::analysis::Benchmarker;
use crate::model::Dataset;

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
