//! The share-link fragment `v=1&s=<state>&d=<data>`: JSON state and packed files, deflated and base64url-encoded.

use super::container::{pack, unpack, SharedFile};
use super::error::ShareError;
use super::state::ShareState;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Longest fragment offered as a link (characters); beyond it the page offers the one-file snapshot.
pub const LINK_LIMIT: usize = 60_000;
/// Largest inflated state accepted (bytes): a view state is a few hundred.
const STATE_LIMIT: usize = 256 * 1024;
/// Largest inflated data accepted (bytes), so a forged link cannot expand without bound.
const DATA_LIMIT: usize = 256 * 1024 * 1024;
/// Version written and accepted.
const VERSION: &str = "1";

/// A decoded link: the view state and the files it carried (none for a view-only link).
#[derive(Clone, Debug, PartialEq)]
pub struct SharedPage {
    /// The view state.
    pub state: ShareState,
    /// The data, when the link carried it.
    pub files: Vec<SharedFile>,
}

fn squeeze(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(compress_to_vec(bytes, 9))
}

fn unsqueeze(text: &str, limit: usize, part: &str) -> Result<Vec<u8>, ShareError> {
    // base64 grows data by 4/3 and deflate cannot shrink below ~1/1032: refuse absurd inputs early.
    let compressed = URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).map_err(|_| ShareError::Corrupt(format!("the {part} is not base64url")))?;
    decompress_to_vec_with_limit(&compressed, limit).map_err(|_| ShareError::Corrupt(format!("the {part} does not inflate within {limit} bytes")))
}

/// Encodes state and files as a fragment (without `#`); `TooLarge` when the data would pass `limit`.
/// With small-number suppression on (`state.suppress_below > 0`) the files are never packed: raw files would
/// carry the small counts the suppression hides, so such a link or snapshot carries the view only.
pub fn encode_fragment(state: &ShareState, files: &[SharedFile], limit: usize) -> Result<String, ShareError> {
    let json = serde_json::to_vec(state).map_err(|e| ShareError::Corrupt(e.to_string()))?;
    let mut fragment = format!("v={VERSION}&s={}", squeeze(&json));
    let files = if state.suppress_below > 0 { &[][..] } else { files };
    if !files.is_empty() {
        fragment.push_str("&d=");
        fragment.push_str(&squeeze(&pack(files)));
    }
    if fragment.len() > limit {
        return Err(ShareError::TooLarge { length: fragment.len(), limit });
    }
    Ok(fragment)
}

/// Decodes a fragment (with or without `#`), strictly: version, every part and every length checked.
pub fn decode_fragment(fragment: &str) -> Result<SharedPage, ShareError> {
    decode_fragment_within(fragment, DATA_LIMIT)
}

/// `decode_fragment` with the inflated data limited to `data_limit` bytes.
fn decode_fragment_within(fragment: &str, data_limit: usize) -> Result<SharedPage, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (mut version, mut state, mut data) = (None, None, None);
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').ok_or_else(|| ShareError::Corrupt(format!("`{}` has no value", clip(pair))))?;
        let slot = match key {
            "v" => &mut version,
            "s" => &mut state,
            "d" => &mut data,
            other => return Err(ShareError::Corrupt(format!("unknown part `{}`", clip(other)))),
        };
        if slot.replace(value).is_some() {
            return Err(ShareError::Corrupt(format!("part `{key}` appears twice")));
        }
    }
    match version {
        Some(VERSION) => {}
        Some(other) => return Err(ShareError::UnsupportedVersion(clip(other))),
        None => return Err(ShareError::Corrupt("no version".into())),
    }
    let state_bytes = unsqueeze(state.ok_or_else(|| ShareError::Corrupt("no view state".into()))?, STATE_LIMIT, "view state")?;
    let state: ShareState = serde_json::from_slice(&state_bytes).map_err(|e| ShareError::Corrupt(format!("the view state is not valid: {e}")))?;
    let files = match data {
        Some(text) => unpack(&unsqueeze(text, data_limit, "data")?)?,
        None => Vec::new(),
    };
    Ok(SharedPage { state, files })
}

/// A short, printable excerpt of untrusted text for messages.
fn clip(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> ShareState {
        let mut state = ShareState { view: "spine".into(), ..ShareState::default() };
        state.spec.area = Some("E06000015".into());
        state
    }

    #[test]
    fn round_trip_with_and_without_data() {
        let files = vec![SharedFile { name: "kpi.csv".into(), bytes: b"Indicator,2017\nA,1\n".to_vec() }];
        let fragment = encode_fragment(&state(), &files, LINK_LIMIT).unwrap();
        assert!(fragment.starts_with("v=1&s="));
        let page = decode_fragment(&format!("#{fragment}")).unwrap();
        assert_eq!(page.state, state());
        assert_eq!(page.files, files);
        let view_only = encode_fragment(&state(), &[], LINK_LIMIT).unwrap();
        assert!(decode_fragment(&view_only).unwrap().files.is_empty());
    }

    #[test]
    fn a_link_made_with_suppression_on_carries_no_data() {
        let files = vec![SharedFile { name: "kpi.csv".into(), bytes: b"Indicator,2017\nA,3\n".to_vec() }];
        let suppressed = ShareState { suppress_below: 5, ..state() };
        let fragment = encode_fragment(&suppressed, &files, LINK_LIMIT).unwrap();
        assert!(!fragment.contains("&d="), "{fragment}");
        let page = decode_fragment(&fragment).unwrap();
        assert!(page.files.is_empty());
        assert_eq!(page.state.suppress_below, 5);
    }

    #[test]
    fn too_large_data_is_refused_with_the_sizes() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let noise: Vec<u8> = (0..200_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let files = vec![SharedFile { name: "big.csv".into(), bytes: noise }];
        assert!(matches!(encode_fragment(&state(), &files, LINK_LIMIT), Err(ShareError::TooLarge { .. })));
    }

    #[test]
    fn forged_links_end_in_messages() {
        let good = encode_fragment(&state(), &[], LINK_LIMIT).unwrap();
        let cases = [
            String::new(),
            "v=2&s=abc".into(),
            "s=abc".into(),
            "v=1".into(),
            "v=1&s=***".into(),
            "v=1&s=AAAA".into(),
            format!("{good}&x=1"),
            format!("{good}&v=1"),
            good[..good.len() - 5].to_owned(),
        ];
        for case in cases {
            assert!(decode_fragment(&case).is_err(), "{case}");
        }
        // A decompression bomb: 8 MB of zeros deflates to a few KB; refused past the (here 1 MB) limit.
        let bomb = compress_to_vec(&vec![0u8; 8 * 1024 * 1024], 9);
        let forged = format!("{good}&d={}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(matches!(decode_fragment_within(&forged, 1024 * 1024), Err(ShareError::Corrupt(_))));
        // Script in a state field stays a string; it is never interpreted here.
        let hostile = ShareState { view: "<img src=x onerror=alert(1)>".into(), ..ShareState::default() };
        let fragment = encode_fragment(&hostile, &[], LINK_LIMIT).unwrap();
        assert_eq!(decode_fragment(&fragment).unwrap().state.view, hostile.view);
    }
}
