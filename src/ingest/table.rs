//! The table: decoded text split into records (each with its first line) and the header row found.

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

/// All records of a file, the header index, and defects found while splitting.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Every record, blank ones included.
    pub records: Vec<Record>,
    /// Index in `records` of the header row.
    pub header: usize,
    /// Line where an unterminated quoted field starts, if the file ends inside quotes.
    pub unterminated_quote: Option<u64>,
    /// Lines holding control characters (removed from the fields).
    pub control_lines: Vec<u64>,
    header_fields: Vec<String>,
}

impl Table {
    /// The header row's fields, trimmed (empty when there are no records).
    pub fn headers(&self) -> &[String] {
        &self.header_fields
    }

    /// The data records after the header, blank ones skipped.
    pub fn rows(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().skip(self.header + 1).filter(|r| !r.is_blank())
    }
}

/// Splits `text` into records with `delimiter` and finds the header row.
pub fn read(text: &str, delimiter: u8) -> Table {
    let mut table = Table { unterminated_quote: unterminated_quote(text, delimiter), ..Table::default() };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let bytes = text.as_bytes();
    let (mut counted, mut line) = (0usize, 1u64);
    // Text is valid UTF-8 already, so the reader cannot fail; stop quietly if it ever does.
    while let Ok(true) = reader.read_record(&mut record) {
        // The reader's own line count lags on CRLF files, so count newlines up to the record's
        // first byte ourselves (skipping the line ends the reader had not consumed yet).
        let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(counted).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > counted {
            line += bytes[counted..start].iter().filter(|&&b| b == b'\n').count() as u64;
            counted = start;
        }
        if has_stray_control(record.as_byte_record().as_slice()) {
            table.control_lines.push(line);
            let cleaned: Vec<String> = record.iter().map(|f| f.replace(is_stray_control, "")).collect();
            record = csv::StringRecord::from(cleaned);
        }
        table.records.push(Record { line, fields: record.clone() });
    }
    table.header = header_index(&table.records);
    table.header_fields = table.records.get(table.header).map(|r| r.iter().map(str::to_owned).collect()).unwrap_or_default();
    table
}

/// Control characters other than tab and line ends, which no real table contains.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Byte-level test for `is_stray_control` (C0 controls, DEL, and C1 controls as UTF-8 `C2 80–9F`).
fn has_stray_control(bytes: &[u8]) -> bool {
    if !bytes.iter().any(|&b| b < 0x20 || b == 0x7f || b == 0xc2) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// A field trimmed of whitespace, non-breaking spaces included.
fn clean(field: &str) -> &str {
    field.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
}

/// The header is the first of the first 20 records with at least two filled cells and at
/// least half as many as the fullest of them; rows above are titles pasted from a report.
fn header_index(records: &[Record]) -> usize {
    let window = &records[..records.len().min(20)];
    let widest = window.iter().map(Record::filled).max().unwrap_or(0);
    window
        .iter()
        .position(|r| r.filled() >= 2 && r.filled() * 2 >= widest)
        .or_else(|| window.iter().position(|r| !r.is_blank()))
        .unwrap_or(0)
}

/// The line of a quoted field still open at the end of the text (as csv-core reads quotes: a
/// quote opens a field only at its start; `""` inside is an escaped quote).
fn unterminated_quote(text: &str, delimiter: u8) -> Option<u64> {
    let bytes = text.as_bytes();
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
        let t = read("a,b\n\"x\ny\",1\nz,2\n", b',');
        assert_eq!(t.records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 4]);
        let crlf = read("a,b\r\n\"x\r\ny\",1\r\n\r\nz,2\r\n", b',');
        assert_eq!(crlf.records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 5]);
        assert_eq!(t.records[1].get(0), "x\ny");
    }

    #[test]
    fn title_rows_are_skipped() {
        let t = read("Table 3: outcomes\n\nIndicator,2015,2016\nA,1,2\n", b',');
        assert_eq!(t.headers(), ["Indicator", "2015", "2016"]);
    }

    #[test]
    fn unterminated() {
        assert_eq!(unterminated_quote("a,b\n1,\"open\n2,3\n", b','), Some(2));
        assert_eq!(unterminated_quote("a,\"x\"\"y\"\n", b','), None);
        assert_eq!(unterminated_quote("a,5\" tall\n", b','), None);
        assert_eq!(unterminated_quote("\"a\nb\",\"c\"\n\"", b','), Some(3));
        assert_eq!(unterminated_quote("x;\"y", b';'), Some(1));
    }
}
