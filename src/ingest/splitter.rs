//! The record splitter for streamed bytes: csv-core fed chunk by chunk, each record with its first line.
//!
//! It splits exactly as the `csv` crate does (the same csv-core state machine, flexible records,
//! blank lines skipped) and numbers lines as `table::Rows` does: a record's line is the line of
//! its first byte that is not a line end. Field bytes go to one reused buffer; nothing is
//! allocated per record or per cell. Plain records take `fast_split`; csv-core reads the rest.

use super::fast_split::{printable_ascii, split_simple};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record as split: field bytes back to back and the end of each field.
#[derive(Clone, Copy, Debug)]
pub struct RawRecord<'a> {
    /// 1-based line of the record's first byte.
    pub line: u64,
    /// Every field's bytes, concatenated (quotes removed, `""` unescaped).
    pub bytes: &'a [u8],
    /// End offset of each field in `bytes`.
    pub ends: &'a [usize],
    /// True when `bytes` are all printable ASCII (no control characters, no line ends, valid UTF-8).
    pub printable: bool,
}

/// Splits bytes pushed in chunks into records.
pub struct Splitter {
    core: Reader,
    delimiter: u8,
    fields: Vec<u8>,
    ends: Vec<usize>,
    used: (usize, usize),
    /// Between records (line ends are skipped here, counted, before a record starts).
    at_start: bool,
    line: u64,
    /// Raw bytes of a record still open at the end of the last chunk (for the open-quote check).
    pending: Vec<u8>,
    open_quote: Option<u64>,
    /// Plain records go to the fast path (off only to test it against csv-core alone).
    fast: bool,
}

impl Splitter {
    /// A splitter for `delimiter`.
    pub fn new(delimiter: u8) -> Splitter {
        let mut core = ReaderBuilder::new().delimiter(delimiter).build();
        // csv-core strips a BOM on its first read, wherever that falls; the caller strips the
        // file's own, so a first read of a line end (skipped, line count restored) turns that off.
        let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        core.set_line(1);
        Splitter {
            core,
            delimiter,
            fields: vec![0; 4096],
            ends: vec![0; 64],
            used: (0, 0),
            at_start: true,
            line: 1,
            pending: Vec::new(),
            open_quote: None,
            fast: true,
        }
    }

    /// A splitter that reads every record with csv-core (the reference the fast path is tested against).
    #[cfg(test)]
    fn csv_core_only(delimiter: u8) -> Splitter {
        Splitter { fast: false, ..Splitter::new(delimiter) }
    }

    /// The line where a quoted field opened and never closed, once the end has been fed.
    pub fn open_quote_line(&self) -> Option<u64> {
        self.open_quote
    }

    /// Splits `input` (the next bytes; `eof` when there are no more), calling `each` per record
    /// until it returns false. Returns how many bytes of `input` were consumed (all of them
    /// unless `each` stopped early).
    pub fn feed(&mut self, input: &[u8], eof: bool, mut each: impl FnMut(RawRecord) -> bool) -> usize {
        let mut pos = 0;
        let mut record_start = 0;
        loop {
            if self.at_start {
                while let Some(&b) = input.get(pos).filter(|b| matches!(**b, b'\r' | b'\n')) {
                    if b == b'\n' {
                        self.core.set_line(self.core.line() + 1);
                    }
                    pos += 1;
                }
                if pos == input.len() {
                    return pos;
                }
                self.at_start = false;
                self.line = self.core.line();
                self.pending.clear();
                record_start = pos;
                if self.fast {
                    if let Some(simple) = split_simple(&input[pos..], self.delimiter, &mut self.fields, &mut self.ends) {
                        pos += simple.consumed;
                        let bytes = &self.fields[..simple.bytes];
                        let printable = printable_ascii(bytes);
                        // Line ends inside quoted fields are kept in the field bytes, so only a record that is not printable has any.
                        let inside = if printable { 0 } else { bytes.iter().filter(|&&b| b == b'\n').count() as u64 };
                        self.core.set_line(self.line + inside + u64::from(simple.ends_with_newline));
                        self.at_start = true;
                        let record = RawRecord { line: self.line, bytes, ends: &self.ends[..simple.fields], printable };
                        if !each(record) {
                            return pos;
                        }
                        continue;
                    }
                }
            }
            let (fields_used, ends_used) = self.used;
            let (result, nin, nout, nend) = self.core.read_record(&input[pos..], &mut self.fields[fields_used..], &mut self.ends[ends_used..]);
            pos += nin;
            self.used = (fields_used + nout, ends_used + nend);
            match result {
                ReadRecordResult::InputEmpty if !eof => {
                    self.pending.extend_from_slice(&input[record_start..]);
                    return pos;
                }
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let len = self.fields.len();
                    self.fields.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => {
                    if eof {
                        // The last record ran to the end of the file: did it end inside quotes?
                        self.pending.extend_from_slice(&input[record_start..pos]);
                        let delimiter = self.delimiter;
                        self.open_quote = super::table::unterminated_quote(&self.pending, delimiter).map(|l| self.line + l - 1);
                    }
                    let (fields_used, ends_used) = std::mem::take(&mut self.used);
                    self.at_start = true;
                    let bytes = &self.fields[..fields_used];
                    let record = RawRecord { line: self.line, bytes, ends: &self.ends[..ends_used], printable: printable_ascii(bytes) };
                    if !each(record) {
                        return pos;
                    }
                }
                ReadRecordResult::End => return pos,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Records = Vec<(u64, Vec<Vec<u8>>)>;

    /// Every record of `bytes` fed in chunks of the given sizes (cycled), and the open-quote line.
    fn split_bytes(mut splitter: Splitter, bytes: &[u8], chunks: &[usize]) -> (Records, Option<u64>) {
        let mut out = Vec::new();
        let mut push = |r: RawRecord| {
            let mut start = 0;
            let fields = r
                .ends
                .iter()
                .map(|&e| {
                    let f = r.bytes[start..e].to_vec();
                    start = e;
                    f
                })
                .collect();
            out.push((r.line, fields));
            true
        };
        let mut rest = bytes;
        for &size in chunks.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (piece, after) = rest.split_at(size.clamp(1, rest.len()));
            splitter.feed(piece, false, &mut push);
            rest = after;
        }
        splitter.feed(&[], true, &mut push);
        (out, splitter.open_quote_line())
    }

    /// Bytes from a small alphabet that reaches every csv-core state: quotes, delimiters, line ends, a BOM, UTF-8.
    fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<&'static [u8]> = vec![
            b"a",
            b"bc",
            b"1.5",
            b",",
            b"\"",
            b"\"\"",
            b"\r",
            b"\n",
            b"\r\n",
            b";",
            b" ",
            b"\xef\xbb\xbf",
            "\u{e9}".as_bytes(),
            b"\xff",
            b"\"plain field\",",
            b"long unquoted text,",
        ];
        proptest::collection::vec(proptest::sample::select(pieces), 0..60).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The fast path splits exactly as csv-core alone: same records, fields, lines and open quote, however the bytes are chunked.
        #[test]
        fn fast_path_agrees_with_csv_core(bytes in tricky_bytes(), chunks in proptest::collection::vec(1usize..40, 1..5), semicolon in any::<bool>()) {
            let delimiter = if semicolon { b';' } else { b',' };
            let reference = split_bytes(Splitter::csv_core_only(delimiter), &bytes, &[usize::MAX]);
            prop_assert_eq!(&split_bytes(Splitter::new(delimiter), &bytes, &[usize::MAX]), &reference);
            prop_assert_eq!(&split_bytes(Splitter::new(delimiter), &bytes, &chunks), &reference);
            // And the fields are the csv crate's (the stream strips a leading BOM before splitting).
            prop_assume!(!bytes.starts_with(b"\xef\xbb\xbf"));
            let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(&bytes[..]);
            let fields: Vec<Vec<Vec<u8>>> = csv.byte_records().filter_map(Result::ok).map(|r| r.iter().map(<[u8]>::to_vec).collect()).collect();
            prop_assert_eq!(reference.0.into_iter().map(|r| r.1).collect::<Vec<_>>(), fields);
        }
    }

    fn split(text: &str, chunk: usize) -> Vec<(u64, Vec<String>)> {
        let (records, _) = split_bytes(Splitter::new(b','), text.as_bytes(), &[chunk]);
        records.into_iter().map(|(line, fields)| (line, fields.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect())).collect()
    }

    #[test]
    fn lines_and_chunks() {
        let text = "a,b\r\n\"x\r\ny\",1\r\n\r\n,\r\nz,2";
        let whole = split(text, 1000);
        assert_eq!(whole.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 2, 5, 6]);
        assert_eq!(whole[1].1, vec!["x\r\ny", "1"]);
        for chunk in 1..8 {
            assert_eq!(split(text, chunk), whole, "chunk {chunk}");
        }
    }
}
