//! What the command line adds to what the input holds.

/// What the command line adds to what the input holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// When the input was published, as EDTF: TimelineJS does not say.
    pub published: Option<String>,
    /// The dataset's title, instead of the input's.
    pub title: Option<String>,
    /// The dataset's description, instead of the input's.
    pub description: Option<String>,
}
