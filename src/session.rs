//! The analysis session: loaded data plus the reports, shared by the page binding and the CLI.

use crate::ingest::{self, FileReport, LoadOptions};
use crate::model::Dataset;

/// Everything loaded so far and the report on each load.
#[derive(Debug, Default)]
pub struct Session {
    /// The merged observations of every file loaded.
    pub dataset: Dataset,
    /// One report per file loaded, in order.
    pub reports: Vec<FileReport>,
}

impl Session {
    /// An empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// Loads one file's bytes; the returned report is also kept.
    pub fn load(&mut self, name: &str, bytes: &[u8], options: &LoadOptions) -> FileReport {
        let report = ingest::load(&mut self.dataset, name, bytes, options);
        self.reports.push(report.clone());
        report
    }
}
