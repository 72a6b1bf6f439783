//! A data row as the format readers see it: numbered fields read trimmed, whatever stored them.

/// One record's fields, read by index (trimmed of whitespace; "" past the end).
pub trait Row {
    /// 1-based line on which the record starts.
    fn line(&self) -> u64;
    /// Number of fields.
    fn len(&self) -> usize;
    /// The field at `index`, trimmed, or "" past the end.
    fn get(&self, index: usize) -> &str;
    /// True when a field at or past `width` is filled (cells no header names).
    fn filled_past(&self, width: usize) -> bool {
        (width..self.len()).any(|i| !self.get(i).is_empty())
    }
    /// True when the record has no fields.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Row for super::table::Record {
    fn line(&self) -> u64 {
        self.line
    }
    fn len(&self) -> usize {
        super::table::Record::len(self)
    }
    fn get(&self, index: usize) -> &str {
        super::table::Record::get(self, index)
    }
}

/// A record parsed straight from bytes: valid UTF-8 text of the fields back to back, and where each ends.
#[derive(Clone, Copy, Debug)]
pub struct TextRow<'a> {
    /// 1-based line on which the record starts.
    pub line: u64,
    /// Every field's text, concatenated.
    pub text: &'a str,
    /// End offset of each field in `text` (each on a character boundary).
    pub ends: &'a [usize],
}

impl Row for TextRow<'_> {
    fn line(&self) -> u64 {
        self.line
    }
    fn len(&self) -> usize {
        self.ends.len()
    }
    fn get(&self, index: usize) -> &str {
        let Some(&end) = self.ends.get(index) else { return "" };
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        self.text.get(start..end).map(super::table::clean).unwrap_or("")
    }
}
