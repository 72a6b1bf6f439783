//! The record splitter for streamed bytes: csv-core fed chunk by chunk, each record with its first line.
//!
//! It splits exactly as the `csv` crate does (the same csv-core state machine, flexible records,
//! blank lines skipped) and numbers lines as `table::Rows` does: a record's line is the line of
//! its first byte that is not a line end. Field bytes go to one reused buffer; nothing is
//! allocated per record or per cell.

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
}

impl Splitter {
    /// A splitter for `delimiter`.
    pub fn new(delimiter: u8) -> Splitter {
        Splitter {
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            fields: vec![0; 4096],
            ends: vec![0; 64],
            used: (0, 0),
            at_start: true,
            line: 1,
            pending: Vec::new(),
            open_quote: None,
        }
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
            }
            let (fields_used, ends_used) = self.used;
            let (result, nin, nout, nend) =
                self.core.read_record(&input[pos..], &mut self.fields[fields_used..], &mut self.ends[ends_used..]);
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
                    let record = RawRecord { line: self.line, bytes: &self.fields[..fields_used], ends: &self.ends[..ends_used] };
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

    fn split(text: &str, chunk: usize) -> Vec<(u64, Vec<String>)> {
        let mut splitter = Splitter::new(b',');
        let mut out = Vec::new();
        let mut push = |r: RawRecord| {
            let mut start = 0;
            let fields = r
                .ends
                .iter()
                .map(|&e| {
                    let f = String::from_utf8_lossy(&r.bytes[start..e]).into_owned();
                    start = e;
                    f
                })
                .collect();
            out.push((r.line, fields));
            true
        };
        for piece in text.as_bytes().chunks(chunk.max(1)) {
            splitter.feed(piece, false, &mut push);
        }
        splitter.feed(&[], true, &mut push);
        out
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
