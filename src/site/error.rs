//! What stops the site from being written, and where.

use std::fmt;
use std::path::PathBuf;

/// What stopped the site from being written, and where.
#[derive(Debug)]
pub struct SiteError {
    pub path: PathBuf,
    pub kind: SiteErrorKind,
}

/// Why the site could not be written.
#[derive(Debug)]
pub enum SiteErrorKind {
    Read(std::io::Error),
    Write(std::io::Error),
    /// The template lacks a pair of markers.
    NoMarkers(&'static str),
    /// An event's page would take the name of one of the site's own files
    /// ([`crate::model::ids::is_site_name`]).
    ReservedId(String),
    /// Two events whose ids differ only in case, whose pages would be one file.
    SameFile(String, String),
    BadSiteUrl(String),
    Image(String),
    /// A large site's first screen, as the app's components drew it, could not be rewritten
    /// for the pages' policy (`site::first_screen`).
    FirstScreen(String),
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            SiteErrorKind::Read(e) => write!(f, "{path}: cannot be read: {e}"),
            SiteErrorKind::Write(e) => write!(f, "{path}: cannot be written: {e}"),
            SiteErrorKind::NoMarkers(marker) => write!(f, "{path}: has no {marker} marker to write the page into"),
            SiteErrorKind::ReservedId(id) => {
                write!(f, "{path}: the page of the event “{id}” would take the name of one of the site's own files; give it another id")
            }
            SiteErrorKind::SameFile(a, b) => {
                write!(f, "{path}: the events “{a}” and “{b}” differ only in case, so their pages would be one file; give one another id")
            }
            SiteErrorKind::BadSiteUrl(url) => write!(f, "{path}: “{url}” is not an http: or https: address of a folder"),
            SiteErrorKind::Image(reason) => write!(f, "{path}: the preview image cannot be drawn: {reason}"),
            SiteErrorKind::FirstScreen(reason) => write!(f, "{path}: the first screen cannot be written: {reason}"),
        }
    }
}

impl std::error::Error for SiteError {}
