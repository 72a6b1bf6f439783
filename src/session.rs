//! The analysis session: loaded data plus the reports, shared by the page binding and the CLI.

use crate::analysis::area_types::area_type_conflicts;
use crate::analysis::computed_intervals::fill_computed_intervals;
use crate::analysis::england_counts::{england_counts, EnglandCounts};
use crate::analysis::evidence::{decide_levels_and_polarities, decide_value_types, evidence_entries};
use crate::analysis::ConfidenceLevel;
use crate::ingest::value_type_text;
use crate::ingest::{self, FileReport, LoadOptions, StreamingLoad};
use crate::model::{Dataset, Decision, EvidenceSource, ValueType};
use crate::view::{build_view, ViewError, ViewModel, ViewSpec, ViewTable};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything loaded so far and the report on each load.
#[derive(Debug, Default)]
pub struct Session {
    /// The merged observations of every file loaded.
    pub dataset: Dataset,
    /// One report per file loaded, in order.
    pub reports: Vec<FileReport>,
    /// The file being streamed in, between `begin_load` and `finish_load`.
    streaming: Option<StreamingLoad>,
    /// Value types the user chose over the files' evidence, by indicator key (applied after every load).
    value_types: BTreeMap<String, ValueType>,
}

/// A built view with its table and a one-line caption, as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ViewOutput {
    /// The view model the chart is drawn from.
    pub model: ViewModel,
    /// The same data as a table (text alternative and CSV).
    pub table: ViewTable,
    /// A sentence saying what the chart shows.
    pub caption: String,
    /// Chart width in pixels at which every label has room.
    pub width: u32,
    /// Chart height in pixels.
    pub height: u32,
    /// Indicator keys whose polarity the data do not give: the page asks for them (never guessed).
    pub polarity_needed: Vec<String>,
}

impl Session {
    /// An empty session.
    pub fn new() -> Session {
        Session::default()
    }

    /// Loads one file's bytes, computes intervals the file lacks, and keeps the report.
    pub fn load(&mut self, name: &str, bytes: &[u8], options: &LoadOptions) -> FileReport {
        let report = ingest::load(&mut self.dataset, name, bytes, options);
        self.keep_report(report)
    }

    /// Starts streaming a file of `size` bytes in (memory for its rows is taken once, now).
    /// A load still open is finished first.
    pub fn begin_load(&mut self, name: &str, size: u64, options: LoadOptions) {
        self.finish_load();
        let mut load = StreamingLoad::new(name, options);
        load.reserve(&mut self.dataset, size);
        self.streaming = Some(load);
    }

    /// Reads the next chunk of the file being streamed; returns the rows read so far (0 when none is open).
    pub fn push_chunk(&mut self, chunk: &[u8]) -> u64 {
        match &mut self.streaming {
            Some(load) => {
                load.push(&mut self.dataset, chunk);
                load.rows_read()
            }
            None => 0,
        }
    }

    /// Ends the streamed file: its report, with intervals computed as `load` does (None when none was open).
    pub fn finish_load(&mut self) -> Option<FileReport> {
        let load = self.streaming.take()?;
        let report = load.finish(&mut self.dataset);
        Some(self.keep_report(report))
    }

    /// Areas' 95% intervals against England's value in their group, tallied over everything loaded.
    pub fn england_counts(&self) -> EnglandCounts {
        england_counts(&self.dataset, ConfidenceLevel::P95)
    }

    /// After each file: decide what each indicator is from everything loaded (value type before the
    /// intervals computed from counts, since the method depends on it; level and polarity after), then
    /// report the decisions for the file's indicators and the areas it places differently from earlier files.
    fn keep_report(&mut self, mut report: FileReport) -> FileReport {
        let name = report.file.clone();
        decide_value_types(&mut self.dataset);
        if let Some(file) = self.dataset.strings.get(&name) {
            // In a Fingertips download a blank value is a missing point, whatever the count says.
            let blank_value_is_missing = report.format == "fingertips";
            report.interval_methods.extend(fill_computed_intervals(&mut self.dataset, file, blank_value_is_missing));
        }
        decide_levels_and_polarities(&mut self.dataset);
        self.apply_value_type_choices();
        if let Some(file) = self.dataset.strings.get(&name) {
            report.evidence = evidence_entries(&self.dataset, file);
            for message in area_type_conflicts(&self.dataset, file) {
                report.warn(0, "Area Type", message);
            }
        }
        self.reports.push(report.clone());
        report
    }

    /// Runs a small generated file through the streaming load, the England comparison and the
    /// page's first view, so a fresh engine has compiled the hot code before the user's file
    /// arrives; returns that view, so the page can warm its drawing code on it too.
    pub fn warm_up() -> Result<ViewOutput, ViewError> {
        let bytes = crate::synthetic::fingertips_bytes(3000, 1);
        let mut session = Session::new();
        session.begin_load("warm-up.csv", bytes.len() as u64, LoadOptions::default());
        for chunk in bytes.chunks(64 * 1024) {
            session.push_chunk(chunk);
        }
        session.finish_load();
        session.england_counts();
        session.view(&ViewSpec { view: "compare_areas".into(), ..ViewSpec::default() })
    }

    /// Takes the value types a spec chooses (from the page, a link or a snapshot): when they change, the files'
    /// evidence is decided again and the choices laid over it, each recorded as the user's.
    pub fn choose_value_types(&mut self, chosen: &BTreeMap<String, ValueType>) {
        if *chosen == self.value_types {
            return;
        }
        self.value_types = chosen.clone();
        decide_value_types(&mut self.dataset);
        decide_levels_and_polarities(&mut self.dataset);
        self.apply_value_type_choices();
    }

    fn apply_value_type_choices(&mut self) {
        for (key, &value_type) in &self.value_types {
            let Some(id) = self.dataset.find_indicator(key) else { continue };
            let indicator = &mut self.dataset.indicators[id as usize];
            if value_type == ValueType::Proportion && indicator.multiplier.is_nan() {
                indicator.multiplier = 100.0;
            }
            let was = indicator.evidence.value_type.as_ref().map(|d| format!("{} ({})", d.choice, d.rule)).unwrap_or_default();
            indicator.value_type = value_type;
            let rule = format!("chosen in the page; the files' evidence said: {was}");
            indicator.evidence.value_type = Some(Decision::new(value_type_text(value_type, indicator.multiplier), EvidenceSource::User, rule));
        }
    }

    /// Builds the view a spec asks for, with its table and caption (callers that take specs from the page,
    /// a link or the CLI apply the spec's value-type choices first with `choose_value_types`).
    pub fn view(&self, spec: &ViewSpec) -> Result<ViewOutput, ViewError> {
        let model = build_view(&self.dataset, spec)?;
        let table = model.table();
        let caption = model.caption();
        let (width, height) = crate::chart::preferred_size(&model);
        let polarity_needed = model.polarity_needed();
        Ok(ViewOutput { model, table, caption, width, height, polarity_needed })
    }

    /// The view's table as injection-safe CSV, counts below `suppress_below` shown as `*` (0 = off).
    pub fn export_csv(&self, spec: &ViewSpec, suppress_below: u32) -> Result<String, ViewError> {
        let mut table = build_view(&self.dataset, spec)?.table();
        table.suppress_small_counts(suppress_below);
        Ok(table.to_csv())
    }
}
