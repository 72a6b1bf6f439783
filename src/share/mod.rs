//! Sharing: the page's state (view, selections and, when small, the data) as a URL fragment or snapshot.
//!
//! A link or snapshot from someone else is untrusted input: decoding checks the version, every
//! length and the decompressed size before anything is used.

mod container;
mod error;
mod fragment;
mod state;

pub use container::SharedFile;
pub use error::ShareError;
pub use fragment::{decode_fragment, encode_fragment, SharedPage, LINK_LIMIT};
pub use state::ShareState;
