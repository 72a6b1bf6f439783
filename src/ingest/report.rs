//! The load report: what was read from each file, what was used, and every row rejected and why.

use serde::Serialize;

/// What kind of fault made a record or cell unusable (the same kinds in the page and the CLI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectKind {
    /// A record with more or fewer fields than the header, so columns would not line up.
    FieldCount,
    /// A cell that should hold a number holds text.
    NotANumber,
    /// A record with no indicator (id or name).
    NoIndicator,
    /// A record with no area (code or name).
    NoArea,
    /// A record with no value, count or denominator to use.
    NoValue,
    /// A quoted field that is never closed.
    UnclosedQuote,
}

impl RejectKind {
    /// The kind in words (`not a number`).
    pub fn text(self) -> &'static str {
        match self {
            RejectKind::FieldCount => "wrong number of fields",
            RejectKind::NotANumber => "not a number",
            RejectKind::NoIndicator => "no indicator",
            RejectKind::NoArea => "no area",
            RejectKind::NoValue => "no value",
            RejectKind::UnclosedQuote => "unclosed quote",
        }
    }
}

/// A record (or cell) that could not be used, with where it is, what kind of fault, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reject {
    /// File name as dropped.
    pub file: String,
    /// 1-based line number in the file (of the record's first line).
    pub line: u64,
    /// Column name (or 1-based number when there is no header), empty for a whole record.
    pub column: String,
    /// What kind of fault it is.
    pub kind: RejectKind,
    /// Why it was rejected, in words a user understands.
    pub reason: String,
}

impl std::fmt::Display for Reject {
    /// `file:line: column: reason` — the one form the page's report and the CLI's stderr both use.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column.as_str() {
            "" => write!(f, "{}:{}: {}", self.file, self.line, self.reason),
            column => write!(f, "{}:{}: {column}: {}", self.file, self.line, self.reason),
        }
    }
}

/// Something worth telling the user that did not stop a value being used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// 1-based line number, 0 when it concerns the whole file.
    pub line: u64,
    /// Column name, empty when it concerns a whole record or file.
    pub column: String,
    /// What happened.
    pub message: String,
}

/// How one source column was used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnUse {
    /// Header as written in the file.
    pub header: String,
    /// What it was read as (`area_name`, `value`, `period 2017/18`, `ignored` …).
    pub role: String,
}

/// How one fact about an indicator of the file was decided (value type, level, polarity), for the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceEntry {
    /// Indicator key (id, or name).
    pub indicator: String,
    /// Indicator name.
    pub name: String,
    /// `value type`, `comparison level`, `polarity` or `conflict`.
    pub fact: String,
    /// The choice made (`crude rate per 10,000`, `99.8%`, `low is good`).
    pub choice: String,
    /// What decided it (`the rows' numbers`, `the published labels`, `the indicator's name`, `default`).
    pub source: String,
    /// The rule and the numbers behind it.
    pub rule: String,
}

/// The report on one loaded file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileReport {
    /// File name as dropped.
    pub file: String,
    /// Detected layout (`fingertips`, `long`, `wide-by-period`, …), or `unreadable`.
    pub format: String,
    /// Detected text encoding (`UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `windows-1252`).
    pub encoding: String,
    /// Detected delimiter as text (`,`, `;`, `tab`).
    pub delimiter: String,
    /// Data records read (header and title rows excluded).
    pub rows_read: u64,
    /// Observations made from them.
    pub observations: u64,
    /// Target texts read (target schedules, KPI returns with a target column).
    pub targets: u64,
    /// Planned (trajectory) values read.
    pub plans: u64,
    /// Observations, targets or plans that replaced ones from an earlier file (same key).
    pub replaced: u64,
    /// Records or cells that could not be used.
    pub rejected: Vec<Reject>,
    /// Things worth knowing that did not stop a value being used.
    pub warnings: Vec<Warning>,
    /// How each column was read.
    pub columns: Vec<ColumnUse>,
    /// Interval methods used where the file gave counts but no interval (`Wilson score` …).
    pub interval_methods: Vec<String>,
    /// How each indicator's value type, comparison level and polarity were decided, over everything loaded then.
    pub evidence: Vec<EvidenceEntry>,
    /// A message when nothing usable was found (not CSV, empty, binary …).
    pub error: Option<String>,
}

impl FileReport {
    /// A report for `file` with nothing read yet.
    pub fn new(file: &str) -> FileReport {
        FileReport { file: file.to_owned(), ..FileReport::default() }
    }

    /// Records a rejected record or cell.
    pub fn reject(&mut self, line: u64, column: &str, kind: RejectKind, reason: impl Into<String>) {
        let file = self.file.clone();
        self.rejected.push(Reject { file, line, column: column.to_owned(), kind, reason: reason.into() });
    }

    /// Records a warning.
    pub fn warn(&mut self, line: u64, column: &str, message: impl Into<String>) {
        self.warnings.push(Warning { line, column: column.to_owned(), message: message.into() });
    }

    /// True when the file gave at least one observation.
    pub fn is_usable(&self) -> bool {
        self.error.is_none() && self.observations > 0
    }
}

/// The report on one load: one entry per file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LoadReport {
    /// One report per file, in load order.
    pub files: Vec<FileReport>,
}
