//! `ShareError`: why a state could not be shared or a link could not be opened.

/// Why a state could not be shared or a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The data makes the link longer than `limit` characters.
    TooLarge {
        /// Fragment length with the data.
        length: usize,
        /// The limit.
        limit: usize,
    },
    /// A link of another version.
    UnsupportedVersion(String),
    /// A part is missing, not base64url, not deflate, too big or not the expected shape.
    Corrupt(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLarge { length, limit } => {
                write!(f, "the data is too large for a link ({length} characters; links carry up to {limit}): save the page as one file instead")
            }
            ShareError::UnsupportedVersion(v) => write!(f, "this link is of version `{v}`, which this page cannot open"),
            ShareError::Corrupt(why) => write!(f, "this link is damaged or incomplete: {why}"),
        }
    }
}

impl std::error::Error for ShareError {}
