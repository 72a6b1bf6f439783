//! Sharing: the page's state (view, selections and, when small, the data) as a URL fragment or snapshot.
//!
//! A link or snapshot from someone else is untrusted input: decoding checks the version, every
//! length and the decompressed size before anything is used.

mod container;
mod fragment;
mod state;

pub use container::SharedFile;
pub use fragment::{decode_fragment, encode_fragment, ShareError, SharedPage, LINK_LIMIT};
pub use state::ShareState;
