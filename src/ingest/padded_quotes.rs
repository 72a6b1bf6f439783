//! Padded quoted fields: `  "Derbyshire, County" ,` — spaces around a quoted field (hand-typed KPI returns) make
//! the csv reader take the quotes literally and split the name at its comma; this removes that padding first.

/// The text with spaces (and tabs, unless tab is the delimiter) removed between a field's start and its opening
/// quote and between its closing quote and the field's end; None when there is no such padding (no copy made).
pub fn unpad_quoted_fields(text: &str, delimiter: u8) -> Option<String> {
    let bytes = text.as_bytes();
    if !(text.contains(" \"") || text.contains("\" ") || (delimiter != b'\t' && (text.contains("\t\"") || text.contains("\"\t")))) {
        return None;
    }
    let is_pad = |b: u8| b == b' ' || (b == b'\t' && delimiter != b'\t');
    let is_end = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        // At a field's start: skip padding when a quote follows it.
        let mut j = i;
        while j < bytes.len() && is_pad(bytes[j]) {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'"' {
            changed |= j > i;
            // Copy the quoted field, `""` escapes included.
            out.push(b'"');
            let mut k = j + 1;
            while k < bytes.len() {
                if bytes[k] == b'"' {
                    if bytes.get(k + 1) == Some(&b'"') {
                        out.extend_from_slice(b"\"\"");
                        k += 2;
                        continue;
                    }
                    out.push(b'"');
                    k += 1;
                    break;
                }
                out.push(bytes[k]);
                k += 1;
            }
            // After the closing quote: drop padding up to the field's end.
            let mut m = k;
            while m < bytes.len() && is_pad(bytes[m]) {
                m += 1;
            }
            if m > k && (m == bytes.len() || is_end(bytes[m])) {
                changed = true;
                k = m;
            }
            i = k;
        } else {
            // An unquoted field: copy up to and including its end.
            while i < bytes.len() && !is_end(bytes[i]) {
                out.push(bytes[i]);
                i += 1;
            }
            if i < bytes.len() {
                out.push(bytes[i]);
                i += 1;
            }
            continue;
        }
        if i < bytes.len() && is_end(bytes[i]) {
            out.push(bytes[i]);
            i += 1;
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_padding_around_quoted_fields_only() {
        let text = "a,b,c\n  \"Derbyshire, County\" , 1 ,\"x\"\n\"q \"\" y\"  ,2, 3\n";
        assert_eq!(unpad_quoted_fields(text, b',').unwrap(), "a,b,c\n\"Derbyshire, County\", 1 ,\"x\"\n\"q \"\" y\",2, 3\n");
        assert_eq!(unpad_quoted_fields("a, b\n1,\"x y\"\n", b','), None);
        assert_eq!(unpad_quoted_fields("a,5\" tall, x\n", b','), None);
        assert_eq!(unpad_quoted_fields("a;\t\"x;y\"\t;b\r\n", b';').unwrap(), "a;\"x;y\";b\r\n");
        assert_eq!(unpad_quoted_fields("\"multi\nline\" ,z\n", b',').unwrap(), "\"multi\nline\",z\n");
    }
}
