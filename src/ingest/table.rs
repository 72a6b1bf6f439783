//! The table: decoded text split into records (each with its first line) and the header row found.

use std::borrow::Cow;

/// One CSV record with the 1-based line on which it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Line of the record's first character (records may span lines inside quotes).
    pub line: u64,
    /// Fields as written (read them trimmed through `get`); one buffer per record, not per field.
    fields: csv::StringRecord,
}

impl Record {
    /// A record from fields (for tests and callers building tables by hand).
    pub fn new(line: u64, fields: &[&str]) -> Record {
        Record { line, fields: csv::StringRecord::from(fields.to_vec()) }
    }

    /// The field at `index` trimmed of surrounding whitespace, or "" past the end (ragged rows).
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map(clean).unwrap_or("")
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when the record has no fields at all.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Every field, trimmed.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(clean)
    }

    /// True when every field is empty.
    pub fn is_blank(&self) -> bool {
        self.iter().all(str::is_empty)
    }

    /// Number of non-empty fields.
    pub fn filled(&self) -> usize {
        self.iter().filter(|f| !f.is_empty()).count()
    }

    /// True when a field at or past `width` is filled (a ragged row with cells no header names).
    pub fn filled_past(&self, width: usize) -> bool {
        self.iter().skip(width).any(|f| !f.is_empty())
    }
}

/// A decoded file ready to be read row by row: its first records (for detection), the header
/// row, and defects found while scanning. Data rows are parsed on demand, so a million-row
/// file is never held as records (one pass, one reused record).
#[derive(Clone, Debug, Default)]
pub struct Table<'t> {
    text: Cow<'t, str>,
    delimiter: u8,
    /// The first (up to 20) non-blank records, where the header is looked for.
    pub head: Vec<Record>,
    /// Index in `head` of the header row.
    pub header: usize,
    /// Start (byte, line) of the last record, once a pass over the rows has reached the end.
    last_record: std::cell::Cell<Option<(usize, u64)>>,
    /// Lines holding control characters (removed from the fields).
    pub control_lines: Vec<u64>,
    header_fields: Vec<String>,
}

/// How many non-blank records at the top are searched for the header row.
pub(crate) const HEAD: usize = 20;

impl Table<'_> {
    /// The header row's fields, trimmed (empty when there are no records).
    pub fn headers(&self) -> &[String] {
        &self.header_fields
    }

    /// Line of the header row (0 when there are no records).
    pub fn header_line(&self) -> u64 {
        self.head.get(self.header).map_or(0, |r| r.line)
    }

    /// True when the file holds no non-blank record.
    pub fn is_blank(&self) -> bool {
        self.head.is_empty()
    }

    /// The line where a quoted field opens and is never closed, if the file ends inside quotes.
    /// Only the last record can hold one (it runs to the end), so only it is scanned.
    pub fn open_quote_line(&self) -> Option<u64> {
        if self.last_record.get().is_none() {
            let mut rows = self.rows();
            while rows.next_row().is_some() {}
        }
        let (start, line) = self.last_record.get()?;
        let tail = self.text.get(start..)?;
        unterminated_quote(tail, self.delimiter).map(|l| line + l - 1)
    }

    /// A cursor over the data records after the header, blank ones skipped.
    pub fn rows(&self) -> Rows<'_> {
        let mut cursor = Cursor::new(&self.text, self.delimiter);
        cursor.check_controls = !self.control_lines.is_empty();
        Rows { cursor, after_line: self.header_line(), row: Record::new(0, &[]), last_record: &self.last_record }
    }
}

/// Data records one at a time (`while let Some(row) = rows.next_row()`), reusing one buffer.
pub struct Rows<'a> {
    cursor: Cursor<'a>,
    last_record: &'a std::cell::Cell<Option<(usize, u64)>>,
    after_line: u64,
    row: Record,
}

impl Rows<'_> {
    /// The next non-blank data record, or `None` at the end.
    pub fn next_row(&mut self) -> Option<&Record> {
        loop {
            if !self.cursor.next(&mut self.row) {
                self.last_record.set(Some(self.cursor.last_start));
                return None;
            }
            if self.row.line > self.after_line && !self.row.is_blank() {
                return Some(&self.row);
            }
        }
    }
}

/// The csv reader plus our own line count (the reader's lags on CRLF files).
struct Cursor<'a> {
    reader: csv::Reader<&'a [u8]>,
    bytes: &'a [u8],
    counted: usize,
    line: u64,
    /// Whether to look for control characters (only when the whole-text scan found some).
    check_controls: bool,
    /// Start (byte, line) of the record read last.
    last_start: (usize, u64),
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str, delimiter: u8) -> Cursor<'a> {
        let reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
        Cursor { reader, bytes: text.as_bytes(), counted: 0, line: 1, check_controls: true, last_start: (0, 1) }
    }

    /// Reads the next record into `into`; false at the end.
    fn next(&mut self, into: &mut Record) -> bool {
        // Text is valid UTF-8 already, so the reader cannot fail; stop quietly if it ever does.
        if !matches!(self.reader.read_record(&mut into.fields), Ok(true)) {
            return false;
        }
        // Count newlines up to the record's first byte, skipping line ends the reader had not consumed.
        let bytes = self.bytes;
        let mut start = into.fields.position().map_or(self.counted, |p| p.byte() as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted {
            self.line += bytes[self.counted..start].iter().filter(|&&b| b == b'\n').count() as u64;
            self.counted = start;
        }
        into.line = self.line;
        self.last_start = (start, self.line);
        if self.check_controls && has_stray_control(into.fields.as_byte_record().as_slice()) {
            let cleaned: Vec<String> = into.fields.iter().map(|f| f.replace(is_stray_control, "")).collect();
            into.fields = csv::StringRecord::from(cleaned);
        }
        true
    }
}

/// Takes the decoded `text`, finds the header among its first records, and notes defects.
pub fn read(text: Cow<'_, str>, delimiter: u8) -> Table<'_> {
    let text = match super::padded_quotes::unpad_quoted_fields(&text, delimiter) {
        Some(unpadded) => Cow::Owned(unpadded),
        None => text,
    };
    let mut table = Table { control_lines: control_lines(&text), ..Table::default() };
    let mut cursor = Cursor::new(&text, delimiter);
    let mut record = Record::new(0, &[]);
    while table.head.len() < HEAD && cursor.next(&mut record) {
        if !record.is_blank() {
            table.head.push(record.clone());
        }
    }
    table.header = header_index(&table.head);
    table.header_fields = table.head.get(table.header).map(|r| r.iter().map(str::to_owned).collect()).unwrap_or_default();
    table.text = text;
    table.delimiter = delimiter;
    table
}

/// Lines holding stray control characters (a fast scan first: almost every file has none).
fn control_lines(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    if !has_stray_control(bytes) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if has_stray_control(line.as_bytes()) {
            lines.push(i as u64 + 1);
        }
    }
    lines
}

/// Control characters other than tab and line ends, which no real table contains.
pub(crate) fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Byte-level test for `is_stray_control` (C0 controls, DEL, and C1 controls as UTF-8 `C2 80–9F`).
pub(crate) fn has_stray_control(bytes: &[u8]) -> bool {
    // Fast path without branches on neighbours (line ends are common, controls almost never).
    if !bytes.iter().any(|&b| (b < 0x20 && b != b'\n' && b != b'\r' && b != b'\t') || b == 0x7f || b == 0xc2) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// A field trimmed of whitespace, non-breaking spaces included.
pub(crate) fn clean(field: &str) -> &str {
    // Most cells start and end with a printable ASCII byte: nothing to trim, no characters decoded.
    match (field.as_bytes().first(), field.as_bytes().last()) {
        (None, _) => field,
        (Some(&first), Some(&last)) if (0x21..0x80).contains(&first) && (0x21..0x80).contains(&last) => field,
        _ => field.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}'),
    }
}

/// The header is the first record with at least two filled cells and at least half as many
/// as the fullest of the first ones; rows above are titles pasted from a report.
pub(crate) fn header_index(records: &[Record]) -> usize {
    let widest = records.iter().map(Record::filled).max().unwrap_or(0);
    records.iter().position(|r| r.filled() >= 2 && r.filled() * 2 >= widest).unwrap_or(0)
}

/// The line of a quoted field still open at the end of the text (as csv-core reads quotes: a
/// quote opens a field only at its start; `""` inside is an escaped quote).
pub(crate) fn unterminated_quote<T: AsRef<[u8]> + ?Sized>(text: &T, delimiter: u8) -> Option<u64> {
    let bytes = text.as_ref();
    let next_quote = |from: usize| bytes[from..].iter().position(|&b| b == b'"').map(|o| from + o);
    let mut i = 0;
    while let Some(open) = next_quote(i) {
        let at_field_start = open == 0 || matches!(bytes[open - 1], b'\n' | b'\r') || bytes[open - 1] == delimiter;
        i = open + 1;
        if !at_field_start {
            continue;
        }
        loop {
            let Some(close) = next_quote(i) else {
                return Some(1 + bytes[..open].iter().filter(|&&b| b == b'\n').count() as u64);
            };
            if bytes.get(close + 1) == Some(&b'"') {
                i = close + 2;
            } else {
                i = close + 1;
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_multiline_records() {
        let t = read("a,b\n\"x\ny\",1\nz,2\n".into(), b',');
        assert_eq!(t.head.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 4]);
        let crlf = read("a,b\r\n\"x\r\ny\",1\r\n,\r\nz,2\r\n".into(), b',');
        assert_eq!(crlf.head.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 5]);
        assert_eq!(t.head[1].get(0), "x\ny");
        let mut rows = crlf.rows();
        assert_eq!(rows.next_row().map(|r| (r.line, r.get(0).to_owned())), Some((2, "x\r\ny".into())));
        assert_eq!(rows.next_row().map(|r| r.line), Some(5));
        assert!(rows.next_row().is_none());
    }

    #[test]
    fn title_rows_are_skipped() {
        let t = read(Cow::Borrowed("Table 3: outcomes\n\nIndicator,2015,2016\nA,1,2\n"), b',');
        assert_eq!(t.headers(), ["Indicator", "2015", "2016"]);
    }

    #[test]
    fn unterminated() {
        assert_eq!(unterminated_quote("a,b\n1,\"open\n2,3\n", b','), Some(2));
        assert_eq!(unterminated_quote("a,\"x\"\"y\"\n", b','), None);
        assert_eq!(unterminated_quote("a,5\" tall\n", b','), None);
        assert_eq!(unterminated_quote("\"a\nb\",\"c\"\n\"", b','), Some(3));
        assert_eq!(unterminated_quote("x;\"y", b';'), Some(1));
        let t = read(Cow::Borrowed("a,b\r\n1,2\r\n\"x\ny\",3\r\n4,\"open\n5,6\n"), b',');
        assert_eq!(t.open_quote_line(), Some(5));
        assert_eq!(read(Cow::Borrowed("a,b\n1,\"x\ny\"\n"), b',').open_quote_line(), None);
    }
}
