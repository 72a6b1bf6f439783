//! The streaming load: a file pushed in chunks as it is read, parsed as it arrives, same report as `load`.
//!
//! The first bytes are kept until they decide the delimiter and the first 20 records (the header
//! search). A Fingertips download in UTF-8 (or Windows-1252) is then read record by record and
//! its bytes dropped; any other file is kept whole and read by `load` at the end, so every layout
//! gives exactly the report and observations `load` gives.

use super::formats::fingertips::{self, Reader};
use super::layout::Layout;
use super::row::{Row, TextRow};
use super::sink::{Sink, SinkState};
use super::splitter::{RawRecord, Splitter};
use super::table::{self, Record};
use super::{explain_empty, sniff, too_big, FileReport, LoadOptions, DEFAULT_MAX_BYTES, MAX_COLUMNS};
use crate::ingest::RejectKind;
use crate::model::Dataset;
use encoding_rs::WINDOWS_1252;

/// Bytes kept before deciding: `load` looks at the first 64 KiB for NUL bytes and archives.
const DECIDE_AFTER: usize = 64 * 1024;

/// Where the load is.
enum Stage {
    /// Keeping bytes until they decide the delimiter.
    Sniffing,
    /// Splitting kept bytes into the first records, looking for the header.
    Head { splitter: Box<Splitter>, parsed: usize, head: Vec<Record>, decoder: Decoder },
    /// Reading a Fingertips file record by record; bytes are no longer kept.
    Rows(Box<Rows>),
    /// Keeping every byte, to read the whole file with `load` at the end.
    Whole,
    /// Over the size limit: nothing more is kept.
    TooBig,
}

/// The state of the record-by-record read.
struct Rows {
    splitter: Splitter,
    reader: Option<Reader>,
    sink: SinkState,
    header_line: u64,
    decoder: Decoder,
}

/// How record bytes become text, and what the decoding found on the way.
#[derive(Default)]
struct Decoder {
    bom: bool,
    windows_1252: bool,
    seen_non_ascii: bool,
    invalid_lines: Vec<u64>,
    control_lines: Vec<u64>,
}

/// A file loaded chunk by chunk: `new`, optionally `reserve`, `push` per chunk, then `finish`.
pub struct StreamingLoad {
    report: FileReport,
    options: LoadOptions,
    limit: u64,
    total: u64,
    kept: Vec<u8>,
    stage: Stage,
}

impl std::fmt::Debug for StreamingLoad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamingLoad").field("file", &self.report.file).field("bytes", &self.total).finish()
    }
}

impl StreamingLoad {
    /// Starts loading the file called `name` with the user's `options`.
    pub fn new(name: &str, options: LoadOptions) -> StreamingLoad {
        let mut report = FileReport::new(name);
        report.format = "unreadable".into();
        let limit = options.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
        StreamingLoad { report, options, limit, total: 0, kept: Vec::new(), stage: Stage::Sniffing }
    }

    /// Says the file's size ahead: an oversized file is refused before any of it is read, and the
    /// dataset grows once instead of doubling (about 250 bytes a row in a Fingertips download).
    pub fn reserve(&mut self, dataset: &mut Dataset, file_size: u64) {
        if file_size > self.limit {
            self.refuse(file_size);
            return;
        }
        dataset.reserve((file_size / 250) as usize);
    }

    /// Bytes pushed so far.
    pub fn bytes_read(&self) -> u64 {
        self.total
    }

    /// Rows read so far (data records after the header).
    pub fn rows_read(&self) -> u64 {
        self.report.rows_read
    }

    fn refuse(&mut self, size: u64) {
        self.report.error = Some(too_big(size, self.limit));
        self.kept = Vec::new();
        self.stage = Stage::TooBig;
    }

    /// Reads the next chunk of the file.
    pub fn push(&mut self, dataset: &mut Dataset, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        if self.total > self.limit && !matches!(self.stage, Stage::TooBig) {
            // Rows already read stay; the report says the file was refused.
            self.refuse(self.total);
        }
        match &mut self.stage {
            Stage::TooBig => {}
            Stage::Rows(rows) => rows.feed(dataset, &mut self.report, &self.options, chunk, false),
            Stage::Sniffing | Stage::Head { .. } | Stage::Whole => {
                self.kept.extend_from_slice(chunk);
                self.advance(dataset);
            }
        }
    }

    /// Reads what is left and returns the file's report.
    pub fn finish(mut self, dataset: &mut Dataset) -> FileReport {
        match std::mem::replace(&mut self.stage, Stage::Whole) {
            Stage::TooBig => {
                self.report.format = "unreadable".into();
                self.report
            }
            Stage::Rows(mut rows) => {
                rows.feed(dataset, &mut self.report, &self.options, &[], true);
                rows.close(dataset, &mut self.report, &self.options);
                explain_empty(&mut self.report);
                self.report
            }
            _ => super::load(dataset, &self.report.file, &self.kept, &self.options),
        }
    }

    /// Moves on from keeping bytes once they decide enough.
    fn advance(&mut self, dataset: &mut Dataset) {
        if matches!(self.stage, Stage::Sniffing) {
            let bom = self.kept.starts_with(b"\xef\xbb\xbf");
            let text = &self.kept[if bom { 3 } else { 0 }..];
            if self.kept.len() < DECIDE_AFTER || !sniff::delimiter_settled(text) {
                return;
            }
            let head = &self.kept[..DECIDE_AFTER];
            let plain = sniff::binary_kind(head).is_none() && !head.starts_with(b"\xff\xfe") && !head.starts_with(b"\xfe\xff") && !head.contains(&0);
            if !plain {
                self.stage = Stage::Whole;
                return;
            }
            let delimiter = match self.options.delimiter.as_deref().map(str::trim) {
                Some(";") => b';',
                Some("tab") | Some("\t") => b'\t',
                Some(",") => b',',
                // Sniffing reads only quotes, delimiters and line ends, which decoding never changes.
                _ => sniff::delimiter(&String::from_utf8_lossy(&text[..text.len().min(256 * 1024)])),
            };
            self.report.delimiter = sniff::delimiter_name(delimiter).into();
            let parsed = if bom { 3 } else { 0 };
            self.stage = Stage::Head { splitter: Box::new(Splitter::new(delimiter)), parsed, head: Vec::new(), decoder: Decoder { bom, ..Decoder::default() } };
        }
        let Stage::Head { splitter, parsed, head, decoder } = &mut self.stage else { return };
        let mut clean = true;
        let used = splitter.feed(&self.kept[*parsed..], false, |record| {
            match decoder.plain_text(&record) {
                Some(row) => {
                    let fields: Vec<&str> = (0..row.ends.len()).map(|i| raw_field(&row, i)).collect();
                    let record = Record::new(row.line, &fields);
                    if !record.is_blank() {
                        head.push(record);
                    }
                }
                _ => clean = false,
            }
            clean && head.len() < table::HEAD
        });
        *parsed += used;
        if !clean {
            self.stage = Stage::Whole;
            return;
        }
        if head.len() < table::HEAD {
            return;
        }
        let (head, splitter, parsed, decoder) = match std::mem::replace(&mut self.stage, Stage::Whole) {
            Stage::Head { splitter, parsed, head, decoder } => (head, splitter, parsed, decoder),
            _ => return,
        };
        self.start_rows(dataset, head, splitter, parsed, decoder);
    }

    /// Reads the header from the first records; a Fingertips file goes on record by record, any other kept whole.
    fn start_rows(&mut self, dataset: &mut Dataset, head: Vec<Record>, splitter: Box<Splitter>, parsed: usize, decoder: Decoder) {
        let header = table::header_index(&head);
        let headers: Vec<String> = head[header].iter().map(str::to_owned).collect();
        let layout = match self.options.format.as_deref().filter(|f| !f.trim().is_empty()) {
            Some(name) => Layout::from_name(name),
            None => Some(Layout::Fingertips).filter(|_| fingertips::matches(&headers)),
        };
        // The last head record must be a data row, so `load`'s "no data rows" cannot apply.
        if layout != Some(Layout::Fingertips) || headers.len() > MAX_COLUMNS || header + 1 >= head.len() {
            return;
        }
        let report = &mut self.report;
        if header > 0 {
            let first = head[0].line;
            let last = head[header].line.saturating_sub(1);
            report.warn(first, "", format!("lines {first}–{last} are titles above the header row: skipped"));
        }
        report.format = Layout::Fingertips.name().into();
        let mut sink = Sink::new(dataset, report, &self.options);
        let reader = Reader::new(&headers, &mut sink);
        if let Some(reader) = &reader {
            for row in &head[header + 1..] {
                reader.read_row(row, &mut sink);
            }
        }
        let header_line = head[header].line;
        let mut rows = Rows { splitter: *splitter, reader, sink: sink.suspend(), header_line, decoder };
        let kept = std::mem::take(&mut self.kept);
        rows.feed(dataset, &mut self.report, &self.options, &kept[parsed..], false);
        self.stage = Stage::Rows(Box::new(rows));
    }
}

/// A field of a plain-text row, untrimmed (head records trim when read).
fn raw_field<'a>(row: &TextRow<'a>, i: usize) -> &'a str {
    let start = if i == 0 { 0 } else { row.ends[i - 1] };
    row.text.get(start..row.ends[i]).unwrap_or("")
}

impl Rows {
    /// Splits and reads the records in `chunk`.
    fn feed(&mut self, dataset: &mut Dataset, report: &mut FileReport, options: &LoadOptions, chunk: &[u8], eof: bool) {
        let mut sink = Sink::resume(dataset, report, options, std::mem::take(&mut self.sink));
        let (reader, decoder, header_line) = (&self.reader, &mut self.decoder, self.header_line);
        self.splitter.feed(chunk, eof, |record| {
            let Some(reader) = reader else { return true };
            if record.line <= header_line {
                return true;
            }
            match decoder.plain_text(&record) {
                Some(row) => {
                    if (0..row.ends.len()).any(|i| !row.get(i).is_empty()) {
                        reader.read_row(&row, &mut sink);
                    }
                }
                None => {
                    let row = decoder.decoded(&record);
                    if !row.is_blank() {
                        reader.read_row(&row, &mut sink);
                    }
                }
            }
            true
        });
        self.sink = sink.suspend();
    }

    /// Ends the read: tallies, the open-quote check, and the decoding warnings put first (as `load` orders them).
    fn close(self, dataset: &mut Dataset, report: &mut FileReport, options: &LoadOptions) {
        Sink::resume(dataset, report, options, self.sink).finish();
        if let Some(line) = self.splitter.open_quote_line() {
            report.reject(line, "", RejectKind::UnclosedQuote, "a quoted field opens here and is never closed: the rest of the file was read as one field");
        }
        let decoder = self.decoder;
        report.encoding = if decoder.bom {
            "UTF-8 with BOM"
        } else if decoder.windows_1252 {
            "windows-1252"
        } else {
            "UTF-8"
        }
        .into();
        let mut first = FileReport::new(&report.file);
        for line in decoder.invalid_lines.iter().take(20) {
            first.warn(*line, "", "bytes that are not valid UTF-8 (shown as �); re-save the file as UTF-8");
        }
        if decoder.invalid_lines.len() > 20 {
            first.warn(0, "", format!("{} lines hold bytes that are not valid UTF-8", decoder.invalid_lines.len()));
        }
        if let Some(&line) = decoder.control_lines.first() {
            first.warn(line, "", format!("control characters removed from {} record(s)", decoder.control_lines.len()));
        }
        report.warnings.splice(0..0, first.warnings);
    }
}

impl Decoder {
    /// The record as UTF-8 text when it is plain (valid, no control characters, not in a
    /// Windows-1252 file): the fast path, nothing copied.
    fn plain_text<'r>(&mut self, record: &RawRecord<'r>) -> Option<TextRow<'r>> {
        if self.windows_1252 {
            return None;
        }
        // The splitter's one pass settles most records: printable ASCII has no control and nothing to note.
        let printable = record.printable;
        if !printable && table::has_stray_control(record.bytes) {
            return None;
        }
        let text = std::str::from_utf8(record.bytes).ok()?;
        if printable {
            return Some(TextRow { line: record.line, text, ends: record.ends });
        }
        if !record.ends.iter().all(|&e| text.is_char_boundary(e)) {
            return None;
        }
        if !self.seen_non_ascii && !text.is_ascii() {
            self.seen_non_ascii = true;
        }
        Some(TextRow { line: record.line, text, ends: record.ends })
    }

    /// The record decoded the slow way: invalid UTF-8 replaced (or the file switched to
    /// Windows-1252, as `load` decides it), control characters removed, lines noted.
    fn decoded(&mut self, record: &RawRecord) -> Record {
        if !self.windows_1252 && !self.bom {
            if let Err(error) = std::str::from_utf8(record.bytes) {
                // No valid non-ASCII text before the first bad byte: the whole file is Windows-1252.
                let before = &record.bytes[..error.valid_up_to()];
                if !self.seen_non_ascii && before.is_ascii() {
                    self.windows_1252 = true;
                }
            }
        }
        let mut start = 0;
        let mut offset = 0u64;
        let mut fields = Vec::with_capacity(record.ends.len());
        for &end in record.ends {
            let bytes = &record.bytes[start..end];
            start = end;
            let text = if self.windows_1252 { WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned() } else { self.lossy(bytes, record.line + offset) };
            let mut cleaned = String::with_capacity(text.len());
            for c in text.chars() {
                if c == '\n' {
                    offset += 1;
                } else if table::is_stray_control(c) {
                    let line = record.line + offset;
                    if self.control_lines.last() != Some(&line) {
                        self.control_lines.push(line);
                    }
                    continue;
                }
                cleaned.push(c);
            }
            if !self.seen_non_ascii && !cleaned.is_ascii() {
                self.seen_non_ascii = true;
            }
            fields.push(cleaned);
        }
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        Record::new(record.line, &fields)
    }

    /// UTF-8 with invalid sequences replaced, noting the line of each (from `first_line`).
    fn lossy(&mut self, bytes: &[u8], first_line: u64) -> String {
        let text = String::from_utf8_lossy(bytes);
        if text.contains('\u{FFFD}') {
            let mut rest = bytes;
            let mut line = first_line;
            while let Err(error) = std::str::from_utf8(rest) {
                let (valid, after) = rest.split_at(error.valid_up_to());
                line += valid.iter().filter(|&&b| b == b'\n').count() as u64;
                if self.invalid_lines.last() != Some(&line) {
                    self.invalid_lines.push(line);
                }
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
        text.into_owned()
    }
}
