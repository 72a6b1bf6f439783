//! The fast path of the record splitter: one well-formed record split without csv-core's state machine.
//!
//! Almost every record of a real download is plain: fields either unquoted, or quoted with only
//! doubled quotes inside, each followed by the delimiter or a line end. Such a record is split
//! here, eight bytes at a time, exactly as csv-core would split it; anything else (a byte after a
//! closing quote, a record not complete in the input, output buffers too small) is declined and
//! csv-core reads it. `splitter::tests` holds this to csv-core under proptest.

/// A record split by the fast path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimpleRecord {
    /// Input bytes consumed, through the record's line end (`\r` or `\n`; a following `\n` is left).
    pub consumed: usize,
    /// Field bytes written to the output.
    pub bytes: usize,
    /// Fields written to `ends`.
    pub fields: usize,
    /// True when the record ends with `\n` (a `\n` inside a quoted field shows in the field bytes).
    pub ends_with_newline: bool,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `word` equal to `byte` (exact for the lowest such byte, which is all a search needs).
#[inline(always)]
fn equal_bytes(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * byte as u64);
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Copies `input[at..]` to `output[out..]` up to the first byte equal to one of `stops`, and
/// returns that byte's index (None when there is none or the output is too small). Words are
/// copied whole as they are scanned, so bytes past the hit may be written too: the caller
/// overwrites or ignores them.
#[inline(always)]
fn scan_copy<const N: usize>(input: &[u8], at: usize, stops: [u8; N], output: &mut [u8], out: usize) -> Option<usize> {
    let (rest, room) = (input.get(at..)?, output.get_mut(out..)?);
    // Whole words of input side by side with whole words of room: no bounds to check inside.
    let mut words = rest.chunks_exact(8);
    let mut scanned = 0;
    for (word, slot) in (&mut words).zip(room.chunks_exact_mut(8)) {
        slot.copy_from_slice(word);
        let word = u64::from_le_bytes(word.try_into().ok()?);
        let hits = stops.iter().fold(0, |hits, &stop| hits | equal_bytes(word, stop));
        if hits != 0 {
            return Some(at + scanned + (hits.trailing_zeros() / 8) as usize);
        }
        scanned += 8;
    }
    if words.len() > 0 {
        // The room ran out first: csv-core reads this record and grows the buffer.
        return None;
    }
    let tail = &rest[scanned..];
    let hit = tail.iter().position(|x| stops.contains(x))?;
    room.get_mut(scanned..scanned + hit)?.copy_from_slice(&tail[..hit]);
    Some(at + scanned + hit)
}

/// Writes one byte to `output` at `*out`, or returns None when it does not fit.
#[inline(always)]
fn put(byte: u8, output: &mut [u8], out: &mut usize) -> Option<()> {
    *output.get_mut(*out)? = byte;
    *out += 1;
    Some(())
}

/// Splits the record at the start of `input` (which starts a record, not a line end) into
/// `output` and `ends` as csv-core would (double quotes, no escape character, CR, LF or CRLF
/// ends), or returns None when the record is not plain or not complete in `input`.
pub fn split_simple(input: &[u8], delimiter: u8, output: &mut [u8], ends: &mut [usize]) -> Option<SimpleRecord> {
    let (mut at, mut out, mut fields) = (0usize, 0usize, 0usize);
    loop {
        // At the start of a field.
        let slot = ends.get_mut(fields)?;
        let end = if *input.get(at)? == b'"' {
            at += 1;
            loop {
                let hit = scan_copy(input, at, [b'"'], output, out)?;
                out += hit - at;
                // A closing quote, or the first of a doubled one.
                let after = *input.get(hit + 1)?;
                if after == b'"' {
                    put(b'"', output, &mut out)?;
                    at = hit + 2;
                    continue;
                }
                if after != delimiter && after != b'\r' && after != b'\n' {
                    return None;
                }
                break hit + 1;
            }
        } else {
            let hit = scan_copy(input, at, [delimiter, b'\r', b'\n'], output, out)?;
            out += hit - at;
            hit
        };
        *slot = out;
        fields += 1;
        let stop = input[end];
        at = end + 1;
        if stop != delimiter {
            return Some(SimpleRecord { consumed: at, bytes: out, fields, ends_with_newline: stop == b'\n' });
        }
    }
}

/// True when every byte is printable ASCII (0x20–0x7E), tested eight bytes at a time: such a
/// record is valid UTF-8 with no control character and no line end (almost every record of a real file).
pub fn printable_ascii(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut outside = 0;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        // A printable byte gets no high bit from adding 1 or from subtracting 0x20. Every other
        // byte gets one from either: 0x7F–0xFE plus 1, 0x00–0x1F and 0xA0–0xFF minus 0x20. A carry
        // or borrow into the next byte only comes from a byte that is itself outside.
        outside |= (w.wrapping_add(ONES) | w.wrapping_sub(ONES * 0x20)) & HIGHS;
    }
    outside == 0 && words.remainder().iter().all(|&b| (0x20..0x7f).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<(SimpleRecord, Vec<String>)> {
        let mut output = [0u8; 256];
        let mut ends = [0usize; 16];
        let record = split_simple(text.as_bytes(), b',', &mut output, &mut ends)?;
        let mut start = 0;
        let fields = ends[..record.fields]
            .iter()
            .map(|&e| {
                let f = String::from_utf8_lossy(&output[start..e]).into_owned();
                start = e;
                f
            })
            .collect();
        Some((record, fields))
    }

    #[test]
    fn plain_records() {
        let (record, fields) = split("\"a\",b,,\"c\"\"d\",\"\"\r\nnext").unwrap();
        assert_eq!(fields, vec!["a", "b", "", "c\"d", ""]);
        assert_eq!(record.consumed, "\"a\",b,,\"c\"\"d\",\"\"\r".len());
        assert!(!record.ends_with_newline);
        let (record, fields) = split("\"two\nlines, long enough\",x\n").unwrap();
        assert_eq!(fields, vec!["two\nlines, long enough", "x"]);
        assert!(record.ends_with_newline);
        let (_, fields) = split("a,\n").unwrap();
        assert_eq!(fields, vec!["a", ""]);
        let (_, fields) = split("mid\"quote,x\r").unwrap();
        assert_eq!(fields, vec!["mid\"quote", "x"]);
    }

    #[test]
    fn printable_screen() {
        assert!(printable_ascii(b"plain ascii text, longer than eight bytes ~"));
        assert!(!printable_ascii(b"plain ascii text\x01 longer than eight"));
        assert!(!printable_ascii(b"tab\there and more bytes"));
        assert!(!printable_ascii("\u{a3} sign and more text".as_bytes()));
        assert!(!printable_ascii(b"short\x7f"));
        assert!(!printable_ascii(b"eight by\x7f and more"));
        let printable = |b: u8| (0x20..0x7f).contains(&b);
        // Every pair of byte values side by side, at every place in a word and in the tail:
        // carries and borrows between neighbours must neither hide nor invent an outside byte.
        for place in 0..15 {
            for a in 0u8..=255 {
                for b in 0u8..=255 {
                    let mut bytes = *b"0123456789abcdef";
                    bytes[place] = a;
                    bytes[place + 1] = b;
                    assert_eq!(printable_ascii(&bytes), printable(a) && printable(b), "{a} {b} at {place}");
                }
            }
        }
    }

    #[test]
    fn declines_what_csv_core_must_read() {
        assert_eq!(split("\"a\"b,c\n"), None, "a byte after a closing quote");
        assert_eq!(split("a,b"), None, "no line end yet");
        assert_eq!(split("\"open,\n"), None, "quote still open");
        assert_eq!(split("\"a\""), None, "closing quote at the end of the input");
        let many = "x,".repeat(20) + "\n";
        assert_eq!(split(&many), None, "more fields than ends");
        let long = "y".repeat(300) + "\n";
        assert_eq!(split(&long), None, "longer than the output");
    }
}
