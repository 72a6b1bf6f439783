//! HexJSON hex maps (odileeds/hexjson): parsing with validation, and hex centres and corners for drawing
//! (the map types themselves are data, in `model::user_map`).

pub use crate::model::{Hex, HexMap};
use std::collections::BTreeMap;

/// The layouts HexJSON defines.
pub const LAYOUTS: [&str; 4] = ["odd-r", "even-r", "odd-q", "even-q"];

/// Largest map accepted (hexes), so a hostile file cannot exhaust memory when drawn.
pub const MAX_HEXES: usize = 100_000;

/// True when `bytes` look like a HexJSON document (a JSON object naming `layout` and `hexes`).
pub fn looks_like_hexjson(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    let head = &text[..text.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    start.is_some_and(|i| text[i] == b'{') && has(b"\"layout\"") && has(b"\"hexes\"")
}

/// A whole-number coordinate from a JSON number or numeric text.
fn coordinate(value: Option<&serde_json::Value>, key: &str, what: &str) -> Result<i64, String> {
    let number = match value {
        Some(serde_json::Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    number.ok_or_else(|| format!("hex `{key}` has no whole-number `{what}`"))
}

/// Parses and checks a HexJSON document.
pub fn parse_hexjson(text: &str) -> Result<HexMap, String> {
    let text = text.trim_start_matches('\u{feff}');
    let document: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let layout = document.get("layout").and_then(|l| l.as_str()).ok_or("no `layout` (odd-r, even-r, odd-q or even-q)")?;
    if !LAYOUTS.contains(&layout) {
        return Err(format!("layout `{layout}` is not one of odd-r, even-r, odd-q, even-q"));
    }
    let hexes = document.get("hexes").and_then(|h| h.as_object()).ok_or("no `hexes` object")?;
    if hexes.is_empty() {
        return Err("the map has no hexes".into());
    }
    if hexes.len() > MAX_HEXES {
        return Err(format!("the map has {} hexes, over the limit of {MAX_HEXES}", hexes.len()));
    }
    let mut map = HexMap { layout: layout.to_owned(), hexes: BTreeMap::new() };
    let mut seen = std::collections::HashMap::new();
    for (key, hex) in hexes {
        let q = coordinate(hex.get("q"), key, "q")?;
        let r = coordinate(hex.get("r"), key, "r")?;
        if let Some(other) = seen.insert((q, r), key.clone()) {
            return Err(format!("hexes `{other}` and `{key}` are both at q = {q}, r = {r}"));
        }
        let name = hex.get("n").and_then(|n| n.as_str()).unwrap_or("").to_owned();
        map.hexes.insert(key.clone(), Hex { name, q, r });
    }
    Ok(map)
}

/// Centre of hex (q, r) in drawing units (neighbours 1 apart), y increasing with r.
pub fn hex_centre(layout: &str, q: i64, r: i64) -> (f64, f64) {
    let root3 = 3f64.sqrt();
    match layout {
        "odd-q" | "even-q" => {
            let shifted = (q.rem_euclid(2) == 1) == (layout == "odd-q");
            (q as f64 * root3 / 2.0, r as f64 + if shifted { -0.5 } else { 0.0 })
        }
        _ => {
            let shifted = (r.rem_euclid(2) == 1) == (layout == "odd-r");
            (q as f64 + if shifted { 0.5 } else { 0.0 }, r as f64 * root3 / 2.0)
        }
    }
}

/// The six corners of hex (q, r): pointy-top for row layouts, flat-top for column layouts.
pub fn hex_corners(layout: &str, q: i64, r: i64) -> [(f64, f64); 6] {
    let (cx, cy) = hex_centre(layout, q, r);
    let size = 1.0 / 3f64.sqrt();
    let start = if layout.ends_with('q') { 0.0 } else { 30.0 };
    std::array::from_fn(|k| {
        let angle = (start + 60.0 * k as f64).to_radians();
        (cx + size * angle.cos(), cy + size * angle.sin())
    })
}

/// An edge by its two corners rounded to thousandths, smaller corner first.
type EdgeKey = ((i64, i64), (i64, i64));

/// Edges of a group of hexes that no other hex of the group shares: the group's outline, as segments.
pub fn outline(layout: &str, cells: &[[i64; 2]]) -> Vec<[(f64, f64); 2]> {
    let key = |p: (f64, f64)| ((p.0 * 1000.0).round() as i64, (p.1 * 1000.0).round() as i64);
    let mut edges: std::collections::HashMap<EdgeKey, ([(f64, f64); 2], u32)> = std::collections::HashMap::new();
    for &[q, r] in cells {
        let corners = hex_corners(layout, q, r);
        for k in 0..6 {
            let (a, b) = (corners[k], corners[(k + 1) % 6]);
            let id = if key(a) < key(b) { (key(a), key(b)) } else { (key(b), key(a)) };
            edges.entry(id).or_insert(([a, b], 0)).1 += 1;
        }
    }
    let mut boundary: Vec<_> = edges.into_iter().filter(|(_, (_, n))| *n == 1).collect();
    boundary.sort_by_key(|(id, _)| *id);
    boundary.into_iter().map(|(_, (segment, _))| segment).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_checks_and_outlines() {
        let map = parse_hexjson(r#"{"layout":"odd-r","hexes":{"A":{"n":"Alpha","q":0,"r":0},"B":{"n":"Beta","q":1,"r":0}}}"#).unwrap();
        assert_eq!(map.hexes["A"].name, "Alpha");
        assert!(parse_hexjson("{").unwrap_err().contains("not valid JSON"));
        assert!(parse_hexjson(r#"{"layout":"hex","hexes":{"A":{"q":0,"r":0}}}"#).unwrap_err().contains("layout"));
        assert!(parse_hexjson(r#"{"layout":"odd-r","hexes":{"A":{"q":"x","r":0}}}"#).unwrap_err().contains("`q`"));
        assert!(parse_hexjson(r#"{"layout":"odd-r","hexes":{"A":{"q":0,"r":0},"B":{"q":0,"r":0}}}"#).unwrap_err().contains("both at"));
        // Two neighbours share one edge: 12 edges, 10 on the outline.
        assert_eq!(outline("odd-r", &[[0, 0], [1, 0]]).len(), 10);
        assert_eq!(hex_centre("odd-r", 0, 1), (0.5, 3f64.sqrt() / 2.0));
        assert!(looks_like_hexjson(b"\xEF\xBB\xBF { \"layout\": \"odd-r\", \"hexes\": {} }"));
        assert!(!looks_like_hexjson(b"Area,Value\n"));
    }
}
