//! Text shared by view tables and charts: numbers rounded one way everywhere (the rounding the analyses write
//! their reasons with), so a chart label, a tooltip and a table cell never disagree.

pub use crate::analysis::number_text::format_number;
