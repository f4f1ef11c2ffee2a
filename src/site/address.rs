//! Where the site is and what its files are called: its address, when known, and the links
//! and file names its pages give.

use std::path::PathBuf;

use super::error::{SiteError, SiteErrorKind};
use crate::model::ids::is_web_url;
use crate::model::{Catalog, Event};

/// The page the service worker answers with, offline, for an event page it has not stored.
/// Its name cannot be an event's: ids start with a letter or a digit.
pub const SHELL_PAGE: &str = "_shell.html";

/// The index page's preview image.
pub const INDEX_PREVIEW: &str = "preview.png";

/// The address the site will be served from, `https://example.org/palmyra/`: absolute links in
/// the head and the sitemap need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// An `http:` or `https:` address, given a final `/` if it lacks one.
    pub fn parse(text: &str) -> Result<SiteUrl, SiteError> {
        let text = text.trim();
        if !is_web_url(text) || text.contains(['?', '#']) {
            return Err(SiteError { path: PathBuf::from("SITE_URL"), kind: SiteErrorKind::BadSiteUrl(text.to_string()) });
        }
        Ok(SiteUrl(if text.ends_with('/') { text.to_string() } else { format!("{text}/") }))
    }
}

/// A dataset's site: its catalog, and where it will be served from if that is known.
pub struct Site<'a> {
    pub catalog: &'a Catalog,
    pub url: Option<SiteUrl>,
}

impl Site<'_> {
    /// A path within the site as a link in the head gives it: absolute when the site's address
    /// is known, else relative (`./` for the index).
    pub fn link(&self, path: &str) -> String {
        match (&self.url, path) {
            (Some(SiteUrl(base)), "./") => base.clone(),
            (Some(SiteUrl(base)), path) => format!("{base}{path}"),
            (None, path) => path.to_string(),
        }
    }

    /// The preview image of an event's page, or of the index.
    pub fn preview_path(event: Option<&Event>) -> String {
        event.map_or_else(|| INDEX_PREVIEW.to_string(), |e| format!("previews/{}.png", e.id))
    }
}
