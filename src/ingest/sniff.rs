//! Sniffing: which bytes are not a CSV at all, the text encoding, and the delimiter.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// The file decoded to text, with what was found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    /// The text (BOM removed), borrowed from the bytes when they were valid UTF-8 already.
    pub text: Cow<'a, str>,
    /// Encoding name for the report (`UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// 1-based lines holding bytes that are not valid UTF-8 in an otherwise UTF-8 file.
    pub invalid_lines: Vec<u64>,
}

/// Names a file kind that is certainly not CSV text, from its first bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel (.xls) or other Office file; save it as CSV"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ];
    for (magic, kind) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // An .xlsx is a zip whose entries live under `xl/`; say what to do rather than "zip".
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let is_excel = find(head, b"xl/").is_some() || find(head, b"[Content_Types].xml").is_some();
        return Some(if is_excel {
            "an Excel file (.xlsx); save it as CSV (File → Save As → CSV UTF-8) and drop that"
        } else {
            "a zip archive; unzip it and drop the CSV inside"
        });
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Decodes bytes to text: BOMs first, then UTF-8, else Windows-1252; `None` for binary data.
pub fn decode(bytes: &[u8]) -> Option<Decoded<'_>> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Some(decode_utf8(rest, "UTF-8 with BOM", 1));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return Some(Decoded { text, encoding: "UTF-16LE", invalid_lines: Vec::new() });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return Some(Decoded { text, encoding: "UTF-16BE", invalid_lines: Vec::new() });
    }
    // NUL bytes never occur in 8-bit text: UTF-16 without a BOM (every other byte NUL), else binary.
    if bytes.iter().take(64 * 1024).any(|&b| b == 0) {
        let head = &bytes[..bytes.len().min(4096) & !1];
        let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
        let half = head.len() / 2;
        if half >= 2 && nul_at(1) * 10 >= half * 9 && nul_at(0) == 0 {
            let (text, _) = UTF_16LE.decode_without_bom_handling(bytes);
            return Some(Decoded { text, encoding: "UTF-16LE", invalid_lines: Vec::new() });
        }
        if half >= 2 && nul_at(0) * 10 >= half * 9 && nul_at(1) == 0 {
            let (text, _) = UTF_16BE.decode_without_bom_handling(bytes);
            return Some(Decoded { text, encoding: "UTF-16BE", invalid_lines: Vec::new() });
        }
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8", invalid_lines: Vec::new() }),
        Err(error) => {
            // Valid multi-byte UTF-8 before the first bad byte means a UTF-8 file with a defect,
            // which must be reported, not re-read as Windows-1252 (that would garble every `£`).
            let good = &bytes[..error.valid_up_to()];
            if good.iter().any(|&b| b >= 0x80) {
                Some(decode_utf8(bytes, "UTF-8", 1))
            } else {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                Some(Decoded { text, encoding: "windows-1252", invalid_lines: Vec::new() })
            }
        }
    }
}

/// Decodes UTF-8, replacing invalid sequences with U+FFFD and noting their lines.
fn decode_utf8<'a>(bytes: &'a [u8], encoding: &'static str, first_line: u64) -> Decoded<'a> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: Cow::Borrowed(text), encoding, invalid_lines: Vec::new() };
    }
    let mut text = String::with_capacity(bytes.len());
    let mut invalid_lines = Vec::new();
    let mut rest = bytes;
    let mut line = first_line;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                let valid = std::str::from_utf8(valid).unwrap_or("");
                line += valid.bytes().filter(|&b| b == b'\n').count() as u64;
                text.push_str(valid);
                text.push('\u{FFFD}');
                if invalid_lines.last() != Some(&line) {
                    invalid_lines.push(line);
                }
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
            }
        }
    }
    Decoded { text: Cow::Owned(text), encoding, invalid_lines }
}

/// Picks the delimiter (comma, semicolon or tab) that splits the first lines most consistently.
pub fn delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize);
    for candidate in [b',', b';', b'\t'] {
        let counts = counts_per_line(text, candidate, SNIFF_LINES);
        // Score: lines agreeing with the most common non-zero count (title rows may disagree).
        let mut modal = (0usize, 0usize);
        for &c in &counts {
            if c == 0 {
                continue;
            }
            let agree = counts.iter().filter(|&&x| x == c).count();
            if agree > modal.1 || (agree == modal.1 && c > modal.0) {
                modal = (c, agree);
            }
        }
        let score = modal.1 * 1000 + modal.0.min(999);
        if modal.0 > 0 && score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

/// Lines `delimiter` looks at: once a prefix of a file holds this many, more bytes cannot change it.
const SNIFF_LINES: usize = 30;

/// True when `bytes` (the start of a file, after any BOM) already decide `delimiter`: its first
/// lines all lie inside them. (Replacement or Windows-1252 decoding never adds quotes, delimiters or line ends.)
pub fn delimiter_settled(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    let mut lines = 0;
    let mut quoted = false;
    for &b in window {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines >= SNIFF_LINES {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// How much of the text `delimiter` reads at most.
const SNIFF_WINDOW: usize = 256 * 1024;

/// Counts `delimiter` outside quotes on each of the first `max_lines` records.
fn counts_per_line(text: &str, delimiter: u8, max_lines: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut count = 0;
    let mut quoted = false;
    for &b in text.as_bytes().iter().take(SNIFF_WINDOW) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                counts.push(count);
                count = 0;
                if counts.len() >= max_lines {
                    return counts;
                }
            }
            _ if b == delimiter && !quoted => count += 1,
            _ => {}
        }
    }
    if count > 0 {
        counts.push(count);
    }
    counts
}

/// The delimiter as the report shows it.
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => ";",
        b'\t' => "tab",
        _ => ",",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xef\xbb\xbfa,b").unwrap().encoding, "UTF-8 with BOM");
        assert_eq!(decode(b"\xef\xbb\xbfa,b").unwrap().text, "a,b");
        let w = decode(b"Spend (\xa3000s),x").unwrap();
        assert_eq!((w.encoding, &*w.text), ("windows-1252", "Spend (£000s),x"));
        let bytes: Vec<u8> = "a,£\nb,\u{2013}\nc,".as_bytes().iter().copied().chain(*b"\xff\n").collect();
        let bad = decode(&bytes).unwrap();
        assert_eq!((bad.encoding, bad.invalid_lines.clone()), ("UTF-8", vec![3]));
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("a,b".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode(&utf16).unwrap().text, "a,b");
        assert!(decode(b"ab\0cd").is_none());
        let no_bom: Vec<u8> = "a,b\n1,2".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&no_bom).unwrap().text, "a,b\n1,2");
        let be: Vec<u8> = "a,b\n1,2".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(delimiter("\"x;y\",b\n1,2\n"), b',');
        assert_eq!(delimiter("single\n"), b',');
    }

    #[test]
    fn binaries() {
        assert!(binary_kind(b"\x89PNG\r\n\x1a\n....").unwrap().contains("PNG"));
        assert!(binary_kind(b"PK\x03\x04....xl/workbook.xml").unwrap().contains("Excel"));
        assert!(binary_kind(b"PK\x03\x04....foo.txt").unwrap().contains("zip"));
        assert!(binary_kind(b"a,b\n").is_none());
    }
}
