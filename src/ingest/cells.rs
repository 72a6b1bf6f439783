//! Cells: one text cell read as a number, a missing-value marker, or text, saying what was repaired.

/// What one cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing written.
    Empty,
    /// A number, with its note and what was done to read it.
    Number(Number),
    /// A missing or suppressed value; the marker as written is kept as the note.
    Missing {
        /// The marker (`-`, `*`, `x`, `c`, `..`, `:`, `< 5`, `n/a`, …).
        note: String,
    },
    /// Text that is neither a number nor a known marker.
    Text,
}

/// A number read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The value as written (a `%` is not divided out: `72.60%` is 72.6).
    pub value: f64,
    /// True when written with a trailing `%`.
    pub percent: bool,
    /// A note written after the number (`*` in `9.2*`, a trend arrow), else empty.
    pub note: String,
    /// True when digits split by a space (OCR) were joined: `4.6 2` → 4.62.
    pub ocr_joined: bool,
}

/// Markers that mean "no value" in published tables.
const MISSING_MARKERS: &[&str] =
    &["-", "–", "—", "*", "**", "x", "c", "..", ".", ":", "n/a", "na", "n.a.", "nd", "no data", "z", "#n/a", "not available", "suppressed", "np"];

/// Symbols printed after a number as a footnote or trend mark.
fn is_note_char(c: char) -> bool {
    matches!(c, '*' | '†' | '‡' | '#' | '^' | '~' | '↑' | '↓' | '→' | '↗' | '↘' | '▲' | '▼' | '§' | '¹' | '²' | '³')
}

/// True when the cell is an HTML fragment (Fingertips writes `<div class="no-data">-</div>`).
pub fn is_html(raw: &str) -> bool {
    // Most cells start with a printable ASCII byte other than `<`: then trimming cannot reveal one.
    match raw.as_bytes().first() {
        None => return false,
        Some(&b) if b > b' ' && b < 0x80 && b != b'<' => return false,
        _ => {}
    }
    let t = raw.trim();
    t.starts_with('<') && t.ends_with('>') && t.contains("</")
}

/// The text of an HTML fragment with its tags removed.
fn strip_tags(raw: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Reads one cell.
pub fn parse(raw: &str) -> Cell {
    let stripped;
    let mut text = super::table::clean(raw);
    if is_html(text) {
        stripped = strip_tags(text);
        text = stripped.trim();
    }
    if text.is_empty() {
        return Cell::Empty;
    }
    // Plain numbers are most cells of a big file: read them before anything that allocates.
    if let Some(value) = number(text) {
        return Cell::Number(Number { value, percent: false, note: String::new(), ocr_joined: false });
    }
    let lower = text.to_lowercase();
    // `-`, and `- -` (a missing value followed by an empty trend mark, as profiles print it).
    if lower.split_whitespace().all(|t| MISSING_MARKERS.contains(&t)) {
        return Cell::Missing { note: text.to_owned() };
    }
    // `< 5`, `<5`, `≤3`: a small number suppressed for disclosure control.
    if let Some(rest) = text.strip_prefix('<').or_else(|| text.strip_prefix('≤')) {
        if number(rest.trim()).is_some() {
            return Cell::Missing { note: text.to_owned() };
        }
        return Cell::Text;
    }
    // Peel footnote symbols off the end: `9.2*`, `8004 ↑`.
    let body_end = text.trim_end_matches(|c: char| is_note_char(c) || c.is_whitespace()).len();
    let (body, note) = text.split_at(body_end);
    if body.is_empty() {
        return Cell::Missing { note: text.to_owned() };
    }
    let (body, percent) = match body.strip_suffix('%') {
        Some(b) => (b.trim_end(), true),
        None => (body, false),
    };
    let body = body.strip_prefix('£').unwrap_or(body);
    if let Some(value) = number(body) {
        return Cell::Number(Number { value, percent, note: note.trim().to_owned(), ocr_joined: false });
    }
    if let Some((value, ocr_joined)) = spaced_number(body) {
        return Cell::Number(Number { value, percent, note: note.trim().to_owned(), ocr_joined });
    }
    Cell::Text
}

/// A plain number: optional sign, digits with optional `,` thousands groups, optional decimals
/// and exponent. Rejects `inf`, `nan` and other things `f64::from_str` would take.
pub fn number(text: &str) -> Option<f64> {
    if let Some(value) = short_decimal(text) {
        return Some(value);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if int.is_empty() && frac.is_none_or(str::is_empty) {
        return None;
    }
    let int_ok = if int.contains(',') { thousands_groups(int, ',') } else { int.bytes().all(|b| b.is_ascii_digit()) };
    let frac_ok = frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()));
    let exp_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.len() <= 3 && e.bytes().all(|b| b.is_ascii_digit())
    });
    if !(int_ok && frac_ok && exp_ok) {
        return None;
    }
    let value = if int.contains(',') { text.replace(',', "").parse::<f64>() } else { text.parse::<f64>() };
    value.ok().filter(|v| v.is_finite())
}

/// Powers of ten exactly representable as f64.
const POWERS_OF_TEN: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// Most cells: `-`? digits with an optional `.` and at most 15 digits in all. Then m / 10^k with
/// both exact is one correctly rounded division — the same f64 `str::parse` gives, without its general path.
fn short_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    let (mut mantissa, mut count, mut scale, mut dot) = (0u64, 0usize, 0usize, false);
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                // Longer numbers take the general path; stopping here also keeps the u64 from overflowing.
                if count == 15 {
                    return None;
                }
                mantissa = mantissa * 10 + (b - b'0') as u64;
                count += 1;
                scale += dot as usize;
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    let value = mantissa as f64 / POWERS_OF_TEN[scale];
    Some(if negative { -value } else { value })
}

/// `1,010` / `12 345`: a first group of 1–3 digits, then groups of exactly three.
fn thousands_groups(int: &str, separator: char) -> bool {
    let mut groups = int.split(separator);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit()) && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A number with spaces in it: thousands groups (`12 345`, silently) or digits split by OCR
/// (`4.6 2` → 4.62, flagged so the caller warns).
fn spaced_number(body: &str) -> Option<(f64, bool)> {
    if !body.contains(' ') {
        return None;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if frac.is_none_or(|f| !f.contains(' ')) && thousands_groups(int.trim(), ' ') {
        let joined: String = body.chars().filter(|c| *c != ' ').collect();
        return number(&joined).map(|v| (v, false));
    }
    let parts: Vec<&str> = body.split(' ').filter(|p| !p.is_empty()).collect();
    if parts.len() == 2 && parts[1].len() <= 2 && parts[1].bytes().all(|b| b.is_ascii_digit()) {
        return number(&parts.concat()).map(|v| (v, true));
    }
    None
}

/// Indexes of plain numbers in (0, 1] among cells of which at least one is a percentage: a
/// fraction written among percentages (`0.822` beside `83.40%`), to flag and never rescale.
pub fn fraction_suspects(cells: &[Cell]) -> Vec<usize> {
    let any_percent = cells.iter().any(|c| matches!(c, Cell::Number(n) if n.percent));
    if !any_percent {
        return Vec::new();
    }
    cells.iter().enumerate().filter(|(_, c)| matches!(c, Cell::Number(n) if !n.percent && n.value > 0.0 && n.value <= 1.0)).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(raw: &str) -> Number {
        match parse(raw) {
            Cell::Number(n) => n,
            other => panic!("{raw:?} gave {other:?}"),
        }
    }

    fn missing(raw: &str) -> String {
        match parse(raw) {
            Cell::Missing { note } => note,
            other => panic!("{raw:?} gave {other:?}"),
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(num("72.60%"), Number { value: 72.6, percent: true, note: String::new(), ocr_joined: false });
        assert_eq!(num("0.822").value, 0.822);
        assert_eq!(num("1,010").value, 1010.0);
        assert_eq!(num("1,234,567.5").value, 1234567.5);
        assert_eq!(num("-3.5").value, -3.5);
        assert_eq!(num("12 345").value, 12345.0);
        assert!(!num("12 345").ocr_joined);
        assert_eq!(num("43.00 %").value, 43.0);
        assert_eq!(num(" 7 ").value, 7.0);
        assert_eq!(num("1e3").value, 1000.0);
    }

    #[test]
    fn notes_and_ocr() {
        let n = num("9.2*");
        assert_eq!((n.value, n.note.as_str()), (9.2, "*"));
        let n = num("8004 ↑");
        assert_eq!((n.value, n.note.as_str()), (8004.0, "↑"));
        let n = num("4.6 2");
        assert!((n.value - 4.62).abs() < 1e-12 && n.ocr_joined);
        assert!((num("2.1 1").value - 2.11).abs() < 1e-12);
        assert!((num("3.5 0").value - 3.5).abs() < 1e-12);
    }

    #[test]
    fn markers() {
        for m in ["-", "*", "x", "c", "..", ":", "n/a", "N/A", "< 5", "<5", "–", "- -"] {
            assert_eq!(missing(m), m);
        }
        assert_eq!(missing("<div class=\"no-data\">-</div>"), "-");
        assert_eq!(parse(""), Cell::Empty);
        assert_eq!(parse("   "), Cell::Empty);
    }

    #[test]
    fn short_decimals_equal_the_general_parse() {
        for t in ["0", "-0", "22.27767", "1.", ".5", "-3.5", "123456789012345", "0.00000000000001", "99.99999", "1674376", "007"] {
            assert_eq!(short_decimal(t).map(f64::to_bits), t.parse::<f64>().ok().map(f64::to_bits), "{t}");
        }
        for t in ["", "-", ".", "1.2.3", "1234567890123456", "0.000000000000001", "+1", "1e3"] {
            assert!(short_decimal(t).is_none(), "{t}");
        }
        // Found by the fuzzer: a long run of digits overflowed the mantissa before the length check.
        let long = "7".repeat(60);
        assert!(short_decimal(&long).is_none());
        assert_eq!(number(&long), long.parse::<f64>().ok());
    }

    #[test]
    fn text() {
        for t in ["inf", "NaN", "abc", "1,5", "1.2.3", "> National average", "12 34 56", "£", "1e9999", "4.6 2 3"] {
            assert_eq!(parse(t), Cell::Text, "{t}");
        }
    }

    #[test]
    fn fractions_among_percentages() {
        let row: Vec<Cell> = ["0.822", "0.879", "83.40%", "84%"].iter().map(|c| parse(c)).collect();
        assert_eq!(fraction_suspects(&row), vec![0, 1]);
        let rates: Vec<Cell> = ["0.22", "0.1"].iter().map(|c| parse(c)).collect();
        assert!(fraction_suspects(&rates).is_empty());
    }
}
