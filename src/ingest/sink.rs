//! The sink: where format readers put observations, targets and plans, and the warnings they raise.

use super::{areas, periods, FileReport, LoadOptions};
use crate::model::{Area, Dataset, Indicator, IntervalSource, Observation, PlannedValue, PushOutcome, Sym, TargetText};
use std::collections::HashMap;

/// Warnings of one kind seen on many rows are reported once, with a count and the first line.
#[derive(Debug)]
struct Tally {
    kind: &'static str,
    line: u64,
    column: String,
    message: String,
    count: u64,
}

/// What a sink remembers between rows: caches and tallies, kept apart from the borrows so a
/// streaming load can put a sink away between chunks (`Sink::suspend`, `Sink::resume`).
#[derive(Debug, Default)]
pub struct SinkState {
    file: Sym,
    tallies: Vec<Tally>,
    period_cache: HashMap<(String, String), u32>,
    last_period: Option<(String, String, u32)>,
    last_syms: Vec<(String, Sym)>,
    last_indicator: Option<(String, String, bool, u32)>,
    replaced: Vec<(u64, String, u32)>,
}

/// Collects one file's output into the dataset and its report.
pub struct Sink<'a> {
    /// The dataset being filled.
    pub dataset: &'a mut Dataset,
    /// The report being written.
    pub report: &'a mut FileReport,
    /// The user's choices.
    pub options: &'a LoadOptions,
    /// The file name, interned.
    pub file: Sym,
    state: SinkState,
}

impl<'a> Sink<'a> {
    /// A sink for the file the report names.
    pub fn new(dataset: &'a mut Dataset, report: &'a mut FileReport, options: &'a LoadOptions) -> Sink<'a> {
        let file = dataset.strings.intern(&report.file);
        Sink { dataset, report, options, file, state: SinkState { file, ..SinkState::default() } }
    }

    /// A sink picking up where `suspend` left off (the next chunk of a streamed file).
    pub fn resume(dataset: &'a mut Dataset, report: &'a mut FileReport, options: &'a LoadOptions, state: SinkState) -> Sink<'a> {
        Sink { dataset, report, options, file: state.file, state }
    }

    /// Puts the sink away between chunks, keeping its caches and tallies.
    pub fn suspend(self) -> SinkState {
        self.state
    }

    /// Records a warning of `kind` about `column`, told once per file with the number of rows it
    /// touched; `message` is only built for the first.
    pub fn tally(&mut self, kind: &'static str, line: u64, column: &str, message: impl FnOnce() -> String) {
        // Few kinds per file: a scan beats hashing, and nothing is allocated for repeats.
        match self.state.tallies.iter_mut().find(|t| t.kind == kind && t.column == column) {
            Some(t) => t.count += 1,
            None => {
                let message = message();
                self.state.tallies.push(Tally { kind, line, column: column.to_owned(), message, count: 1 });
            }
        }
    }

    /// Interns a label.
    pub fn sym(&mut self, text: &str) -> Sym {
        if text.is_empty() {
            return Sym(0);
        }
        self.dataset.strings.intern(text)
    }

    /// Interns a label from column `slot`, reusing the symbol when the column repeats its
    /// previous row's text (breakdowns and published labels mostly do).
    pub fn sym_in_column(&mut self, slot: usize, text: &str) -> Sym {
        if slot >= self.state.last_syms.len() {
            self.state.last_syms.resize(slot + 1, (String::new(), Sym(0)));
        }
        let (last, sym) = &self.state.last_syms[slot];
        // Empty cells are the common case: compare lengths first, since glibc's memcmp of zero
        // bytes from an empty String's dangling pointer costs a masked-load fault assist (~25% of a load).
        if last.len() == text.len() && (text.is_empty() || last == text) {
            return *sym;
        }
        let sym = self.sym(text);
        self.state.last_syms[slot] = (text.to_owned(), sym);
        sym
    }

    /// The id of the period labelled `label`, warning once when it cannot be parsed.
    pub fn period(&mut self, label: &str, hint: &str, line: u64, column: &str) -> u32 {
        // Rows come grouped, so the previous row's period usually matches without allocating.
        if let Some((l, h, id)) = &self.state.last_period {
            if l == label && h == hint {
                return *id;
            }
        }
        let key = (label.to_owned(), hint.to_owned());
        if let Some(&id) = self.state.period_cache.get(&key) {
            self.state.last_period = Some((key.0, key.1, id));
            return id;
        }
        let period = match periods::parse(label, Some(hint).filter(|h| !h.is_empty())) {
            Some(p) => p,
            None => {
                let shown = if label.is_empty() { "(none)" } else { label };
                self.report.warn(line, column, format!("period `{shown}` not recognised: kept as text, sorted last"));
                crate::model::Period::unknown(label)
            }
        };
        let id = self.dataset.period_id(period);
        self.state.period_cache.insert(key.clone(), id);
        self.state.last_period = Some((key.0, key.1, id));
        id
    }

    /// The period for a file with no period column: a year in the file name, else unknown.
    pub fn period_from_file_name(&mut self) -> u32 {
        let name = self.report.file.clone();
        let year = name.split(|c: char| !c.is_ascii_digit()).find(|t| t.len() == 4 && (t.starts_with("19") || t.starts_with("20"))).map(str::to_owned);
        match year {
            Some(y) => {
                self.report.warn(0, "", format!("no period column: period {y} taken from the file name"));
                self.period(&y, "", 0, "")
            }
            None => {
                self.report.warn(0, "", "no period column and no year in the file name: period left unknown");
                self.period("", "", 0, "")
            }
        }
    }

    /// The id of an indicator, with its value type inferred from the name where safe.
    pub fn indicator(&mut self, id: &str, name: &str, all_percent: bool) -> u32 {
        if let Some((i, n, p, known)) = &self.state.last_indicator {
            if i == id && n == name && *p == all_percent {
                return *known;
            }
        }
        let raw_name = name;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut indicator = Indicator::new(id.trim(), &name);
        super::infer::fill(&mut indicator, all_percent);
        let known = self.dataset.indicator_id(indicator);
        self.state.last_indicator = Some((id.to_owned(), raw_name.to_owned(), all_percent, known));
        known
    }

    /// The id of an area known by name only (codes looked up where known).
    pub fn area_by_name(&mut self, name: &str) -> u32 {
        let area = areas::from_name(name, self.dataset);
        self.dataset.area_id(area)
    }

    /// The area for a file with no area column: the user's choice, a known area in the file
    /// name, else an unnamed area (each with a warning).
    pub fn default_area(&mut self) -> u32 {
        if let Some(name) = self.options.area.clone().filter(|a| !a.trim().is_empty()) {
            return self.area_by_name(&name);
        }
        if let Some(area) = areas::from_file_name(&self.report.file) {
            let message = format!("no area column: area {} ({}) taken from the file name", area.name, area.code);
            self.report.warn(0, "", message);
            return self.dataset.area_id(area);
        }
        self.report.warn(0, "", "no area column: values belong to an unnamed area (set one in the load options)");
        self.dataset.area_id(Area { name: "(unnamed area)".into(), ..areas::from_code_and_name("", "") })
    }

    /// A blank observation of `indicator`, `area`, `period` from `line`, every number NaN.
    pub fn observation(&self, indicator: u32, area: u32, period: u32, line: u64) -> Observation {
        Observation::blank(indicator, area, period, self.file, line.min(u32::MAX as u64) as u32)
    }

    /// Adds an observation; the later of two with the same key wins and the report says so.
    pub fn push(&mut self, mut observation: Observation) {
        let has_interval =
            (observation.lower95.is_finite() && observation.upper95.is_finite()) || (observation.lower998.is_finite() && observation.upper998.is_finite());
        if observation.interval_source == IntervalSource::None && has_interval {
            observation.interval_source = IntervalSource::Published;
        }
        let line = observation.line as u64;
        if let PushOutcome::Replaced { file, line: old_line } = self.dataset.push(observation) {
            let old_file = self.dataset.text(file).to_owned();
            self.state.replaced.push((line, old_file, old_line));
        }
        self.report.observations += 1;
    }

    /// Adds a target text (later files win).
    pub fn target(&mut self, indicator: u32, area: Option<u32>, period: u32, text: &str, line: u64) {
        let target = TargetText { indicator, area, period, text: text.to_owned(), file: self.file, line: line as u32 };
        if let Some(old) = self.dataset.push_target(target) {
            let old_file = self.dataset.text(old.file).to_owned();
            self.state.replaced.push((line, old_file, old.line));
        }
        self.report.targets += 1;
    }

    /// Adds a planned value (later files win).
    pub fn plan(&mut self, indicator: u32, area: u32, period: u32, value: f64, note: Sym, line: u64) {
        let plan = PlannedValue { indicator, area, period, value, note, file: self.file, line: line as u32 };
        if let Some(old) = self.dataset.push_plan(plan) {
            let old_file = self.dataset.text(old.file).to_owned();
            self.state.replaced.push((line, old_file, old.line));
        }
        self.report.plans += 1;
    }

    /// Writes the tallied warnings and replacements into the report.
    pub fn finish(self) {
        for t in self.state.tallies {
            let message = if t.count > 1 { format!("{} ({} rows; first shown)", t.message, t.count) } else { t.message };
            self.report.warn(t.line, &t.column, message);
        }
        if let Some((line, old_file, old_line)) = self.state.replaced.first() {
            self.report.replaced = self.state.replaced.len() as u64;
            let message = format!(
                "{} value(s) replaced earlier ones with the same indicator, area, period and breakdown \
                 (the later file wins); first: this line replaced {old_file} line {old_line}",
                self.state.replaced.len()
            );
            self.report.warn(*line, "", message);
        }
    }
}
