//! Where the site is and what its files are called: its address, when known, and the links
//! and file names its pages give.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashSet;

use super::error::{SiteError, SiteErrorKind};
use super::first_screen::FirstScreen;
use crate::model::tiles::{self, Root};
use rayon::prelude::*;
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

/// How many events get a preview image of their own unless the publisher says otherwise
/// (`site --previews N`, `SOURCELINE_PREVIEWS=N ./x build`); the pages of the others show the
/// dataset's. Drawing one takes tens of milliseconds, so a site of 100,000 events would
/// otherwise take an hour and 100,000 images to build.
pub const DEFAULT_PREVIEWS: usize = 500;

/// A dataset's site: its catalog, where it will be served from if that is known, which events
/// have a preview image of their own, and where images drawn by earlier builds are kept.
pub struct Site<'a> {
    pub catalog: &'a Catalog,
    pub url: Option<SiteUrl>,
    /// The ids of the events with a preview image of their own.
    own_previews: FxHashSet<&'a str>,
    /// A folder of preview images by what they show, kept between builds.
    pub cache: Option<PathBuf>,
    /// A large site's first screen, drawn once when first asked for.
    first_screen: OnceLock<Result<Option<FirstScreen>, String>>,
    /// A large site's tiles, as its root lists them, worked out once.
    root: OnceLock<Option<Root>>,
    /// The catalog as the app's views take it, for the first screens of a site that has no
    /// start file, made once.
    shared: OnceLock<Arc<Catalog>>,
}

impl<'a> Site<'a> {
    /// The site of `catalog`, served from `url` if known, with up to [`DEFAULT_PREVIEWS`]
    /// preview images of events, and no cache.
    pub fn new(catalog: &'a Catalog, url: Option<SiteUrl>) -> Site<'a> {
        Site { catalog, url, own_previews: FxHashSet::default(), cache: None, first_screen: OnceLock::new(), root: OnceLock::new(), shared: OnceLock::new() }.with_previews(DEFAULT_PREVIEWS)
    }

    /// The same site with at most `most` events given a preview image of their own: every event
    /// when there are no more than that, else those with the most claims (the most attributed,
    /// and the likeliest to be shared), the earlier first where they have as many.
    pub fn with_previews(mut self, most: usize) -> Site<'a> {
        let events = &self.catalog.dataset.events;
        let mut chosen: Vec<usize> = (0..events.len()).collect();
        if events.len() > most {
            chosen.sort_unstable_by_key(|&i| (std::cmp::Reverse(events[i].claims.len()), i));
            chosen.truncate(most);
        }
        self.own_previews = chosen.into_iter().map(|i| events[i].id.as_str()).collect();
        self
    }

    /// A large site's first screen, for its index: the app's, drawn over the start file's
    /// events. None for a site with no start file, whose app draws its first screen from the
    /// whole catalog at once.
    pub fn first_screen(&self) -> Result<Option<&FirstScreen>, SiteErrorKind> {
        let drawn = self.first_screen.get_or_init(|| self.has_start_file().then(|| FirstScreen::of(self.catalog)).transpose());
        drawn.as_ref().map(Option::as_ref).map_err(|reason| SiteErrorKind::FirstScreen(reason.clone()))
    }

    /// The first screen of a page of a site with no start file: the app's view of the event at
    /// `index`, or of the index with none, drawn over the whole catalog, which the page shows
    /// until the reader asks for the app (`public/start.js`). None for a site of more than
    /// [`crate::model::start::WRITTEN_UP_TO`] events, whose app starts as its pages load.
    pub fn written_screen(&self, index: Option<usize>) -> Result<Option<FirstScreen>, SiteErrorKind> {
        if !crate::model::start::has_written_screens(&self.catalog.dataset) {
            return Ok(None);
        }
        let catalog = self.shared.get_or_init(|| Arc::new(Catalog::new(self.catalog.dataset.clone(), self.catalog.origin.clone())));
        let event = index.and_then(|i| self.catalog.dataset.events.get(i)).map(|e| e.id.as_str());
        FirstScreen::written(catalog.clone(), event).map(Some).map_err(SiteErrorKind::FirstScreen)
    }

    /// A large site's tiles (`model::tiles`), which it is written in instead of one catalog:
    /// none for a site with no start file. Worked out (in parallel) when first asked for,
    /// unless [`Site::write`] has written the tiles already and given it.
    pub fn root(&self) -> Option<&Root> {
        self.root
            .get_or_init(|| {
                let dataset = &self.catalog.dataset;
                self.has_start_file().then(|| Root { tiles: tiles::ranges(dataset.events.len()).into_par_iter().map(|range| tiles::tile(dataset, range).0).collect() })
            })
            .as_ref()
    }

    /// Gives the site the root of the tiles just written, if it has none yet.
    pub(super) fn tiled(&self, root: Root) {
        let _ = self.root.set(Some(root));
    }

    /// Whether the event's page has a preview image of its own, rather than the dataset's.
    pub fn has_own_preview(&self, event: &Event) -> bool {
        self.own_previews.contains(event.id.as_str())
    }
    /// A path within the site as a link in the head gives it: absolute when the site's address
    /// is known, else relative (`./` for the index).
    pub fn link(&self, path: &str) -> String {
        match (&self.url, path) {
            (Some(SiteUrl(base)), "./") => base.clone(),
            (Some(SiteUrl(base)), path) => format!("{base}{path}"),
            (None, path) => path.to_string(),
        }
    }

    /// The preview image of an event's page (its own, or the dataset's), or of the index.
    pub fn preview_path(&self, event: Option<&Event>) -> String {
        match event.filter(|e| self.has_own_preview(e)) {
            Some(e) => format!("previews/{}.png", e.id),
            None => INDEX_PREVIEW.to_string(),
        }
    }

    /// What the preview image of an event's page shows, for those who cannot see it.
    pub fn preview_alt(&self, event: Option<&Event>) -> String {
        match event.filter(|e| self.has_own_preview(e)) {
            Some(e) => e.preview_alt(&crate::model::Attribution::of(&self.catalog.dataset, e)),
            None => self.catalog.preview_alt(),
        }
    }
}
