//! The rows a cross-area view uses: one overall observation (no category) per local area of the selection's type.

use super::selection::Selection;
use crate::analysis::area_types::row_in_area_type;
use crate::model::{Dataset, Sym};

/// Row indexes of the selection's overall observations for each local area of its area type, in load order.
pub fn area_rows(dataset: &Dataset, selection: &Selection) -> Vec<usize> {
    dataset
        .rows()
        .enumerate()
        .filter(|(_, o)| {
            o.indicator == selection.indicator && o.period == selection.period && o.sex == selection.sex && o.age == selection.age && o.category_type == Sym(0)
        })
        .filter(|(_, o)| row_in_area_type(dataset, o, &selection.area_type))
        .map(|(row, _)| row)
        .collect()
}
