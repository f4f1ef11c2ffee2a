//! The static site written around the app at build time: a page of plain HTML for every event
//! of the bundled dataset, the index page with every event listed, the head metadata that link
//! previews, search engines and archives read, a preview image per page, the sitemap, and the
//! shell the service worker answers with offline.
//!
//! Native only: `src/bin/site.rs` runs it on a built `dist/` (see `scripts/post-build.mjs`).
//! It depends on `model` for every word it writes, so a page says what the app says, and on
//! `ui` only for a large site's first screen, which the app's own components draw
//! (`first_screen`). Data reaches a page only through `maud`, which escapes every string it is
//! given, or through [`json_ld`], which escapes what would end a script; never by pasting
//! strings into markup.
//!
//! The layout of a built folder, all relative, so it works from any sub-path of any static host:
//!
//! | file | what |
//! | --- | --- |
//! | `index.html` | the app, with the dataset's title, description and every event as HTML |
//! | `_catalog.slcat` | up to 5,000 events, the dataset, compiled (`model::compiled`), which the app reads |
//! | `_tiles.slroot`, `_tiles/SUM.slcat` | above 5,000 events, the dataset instead in tiles of 2,000 events, each compiled, and the root that lists them (`model::tiles`) |
//! | `_start.slcat` | with them, the first screen's events, compiled (`model::start`), which the index preloads |
//! | `_start.css` | with it, the stylesheet of the first screen written into the index (`first_screen`) |
//! | `EVENT-ID.html` | one event's page, which becomes the app opened on that event |
//! | `_shell.html` | the app with no content, for the service worker to answer offline |
//! | `preview.png`, `previews/EVENT-ID.png` | 1200×630 preview images: the dataset's, and those of the events that have one of their own ([`DEFAULT_PREVIEWS`] at most unless the publisher says) |
//! | `sitemap.xml` | every page, when the site's address is known (above 50,000 pages, the index of `_sitemap-N.xml`) |

mod address;
mod csp;
mod error;
mod first_screen;
mod json_ld;
mod pages;
mod preview;

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use maud::Markup;
use rayon::prelude::*;

use crate::model::{compiled, start, tiles};
use crate::model::ids::{is_site_name, PageName};
use crate::model::url_state::event_page;
use crate::model::Event;

pub use address::{Site, SiteUrl, DEFAULT_PREVIEWS, INDEX_PREVIEW, SHELL_PAGE};
pub use error::{SiteError, SiteErrorKind};
pub use first_screen::{FirstScreen, STYLE_FILE};
pub use preview::{render_png, PREVIEW_HEIGHT, PREVIEW_WIDTH};

/// Where the built app's `index.html` holds what this module writes: the generated part of the
/// head and of the body each sit between a pair of markers, which stay, so that a built folder
/// can be written again (with another address, or another dataset for the tests).
const HEAD: (&str, &str) = ("<!--sourceline:head-->", "<!--/sourceline:head-->");
const BODY: (&str, &str) = ("<!--sourceline:body-->", "<!--/sourceline:body-->");

/// What was written, for the build to report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    /// Files written because they were new or differed from what the folder held: a build
    /// after a change to one event writes that event's page, the pages that list it, the index
    /// and the catalog, not the whole site.
    pub changed: usize,
    /// Pages and images of an earlier build whose events are gone, removed.
    pub removed: usize,
    /// Preview images written, drawn or taken from the cache.
    pub images: usize,
    /// Of those, how many were taken from the cache, drawn by an earlier build.
    pub reused: usize,
    /// How many sitemap files: none without the site's address, one, or an index and its parts
    /// above [`pages::SITEMAP_URLS`] pages.
    pub sitemaps: usize,
}

impl Site<'_> {
    /// Refuses a catalog whose event ids cannot all be page names. The reader refuses both
    /// (`ProblemKind::SiteName`, `ProblemKind::SamePage`) by the same rules; a catalog made some
    /// other way is held to them here.
    fn check_page_names(&self) -> Result<(), SiteErrorKind> {
        let mut names = rustc_hash::FxHashMap::default();
        for event in &self.catalog.dataset.events {
            if is_site_name(&event.id) {
                return Err(SiteErrorKind::ReservedId(event.id.clone()));
            }
            // `Foo.html` and `foo.html` are one file on many disks and hosts.
            if let Some(other) = names.insert(PageName(&event.id), &event.id) {
                return Err(SiteErrorKind::SameFile(other.clone(), event.id.clone()));
            }
        }
        Ok(())
    }

    /// Whether the site has a start file ([`start::START_FILE`]), which its index preloads
    /// instead of the catalog.
    pub fn has_start_file(&self) -> bool {
        start::has_first_screen(&self.catalog.dataset)
    }

    /// The index page, made from `template`, the built `index.html`.
    pub fn index_page(&self, template: &str) -> Result<String, SiteErrorKind> {
        let written = self.written_screen(None)?;
        let first = match self.first_screen()? {
            Some(first) => Some(first),
            None => written.as_ref(),
        };
        fill(template, pages::head(self, None, written.as_ref()), pages::index_body(self, first))
    }

    /// The page of the event at `index`, made from `template`.
    pub fn event_page(&self, template: &str, index: usize) -> Result<String, SiteErrorKind> {
        let written = self.written_screen(Some(index))?;
        fill(template, pages::head(self, Some(index), written.as_ref()), pages::event_body(self, index, written.as_ref()))
    }

    /// The shell the service worker answers with, made from `template`.
    pub fn shell_page(&self, template: &str) -> Result<String, SiteErrorKind> {
        fill(template, pages::shell_head(self), Markup::default())
    }

    /// Every page as a whole document made from `template`: the index, then each event's page
    /// by file name, then the shell. All at once, for tests: [`Site::write`] writes them one by
    /// one.
    pub fn pages(&self, template: &str) -> Result<Vec<(String, String)>, SiteErrorKind> {
        let events = &self.catalog.dataset.events;
        let mut out = Vec::with_capacity(events.len() + 2);
        out.push(("index.html".to_string(), self.index_page(template)?));
        self.check_page_names()?;
        for (index, event) in events.iter().enumerate() {
            out.push((event_page(&event.id), self.event_page(template, index)?));
        }
        out.push((SHELL_PAGE.to_string(), self.shell_page(template)?));
        Ok(out)
    }

    /// The sitemap files by name, when the site's address is known: `sitemap.xml` alone, or, for
    /// more pages than one sitemap may list, `sitemap.xml` as the index of its parts.
    pub fn sitemaps(&self) -> Vec<(String, String)> {
        if self.url.is_some() {
            pages::sitemaps(self)
        } else {
            Vec::new()
        }
    }

    /// Writes the compiled catalog, every page, the preview images and the sitemap into `dir`,
    /// a built app whose `index.html` is the template. The events' pages and images are made
    /// and written in parallel, each as it is made, so that memory does not grow with the
    /// dataset. A file whose bytes the folder already holds is left as it is, and the pages and
    /// images of events that are gone are removed, so that a build after a change rewrites only
    /// what changed; an image whose picture an earlier build drew is taken from the cache, if
    /// there is one. `progress` hears how many events are done, of how many, now and then.
    pub fn write(&self, dir: &Path, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Written, SiteError> {
        fn at(path: &Path) -> impl Fn(SiteErrorKind) -> SiteError + '_ {
            move |kind| SiteError { path: path.to_path_buf(), kind }
        }
        let index = dir.join("index.html");
        let template = fs::read_to_string(&index).map_err(|e| at(&index)(SiteErrorKind::Read(e)))?;
        self.check_page_names().map_err(at(&index))?;
        let previews = dir.join("previews");
        fs::create_dir_all(&previews).map_err(|e| at(&previews)(SiteErrorKind::Write(e)))?;
        if let Some(cache) = &self.cache {
            fs::create_dir_all(cache).map_err(|e| at(cache)(SiteErrorKind::Write(e)))?;
        }

        // The dataset itself, compiled: what the app reads, in one catalog, or, for a large one,
        // in tiles and their root, with the events of the first screen, which the app draws
        // before it has read the rest.
        let mut changed = if self.has_start_file() {
            let start = compiled::write(&start::first_screen(&self.catalog.dataset));
            usize::from(write_if_changed(&dir.join(start::START_FILE), &start)?) + self.write_tiles(dir)?
        } else {
            usize::from(write_if_changed(&dir.join(compiled::FILE), &compiled::write(&self.catalog.dataset))?)
        };
        if let Some(first) = self.first_screen().map_err(at(&index))? {
            changed += usize::from(write_if_changed(&dir.join(STYLE_FILE), first.css.as_bytes())?);
        }
        let pages = [("index.html", self.index_page(&template)), (SHELL_PAGE, self.shell_page(&template))];
        for (name, page) in pages {
            changed += usize::from(write_if_changed(&dir.join(name), page.map_err(at(&index))?.as_bytes())?);
        }
        let (image_changed, reused) = self.write_image(dir, None)?;
        changed += usize::from(image_changed);

        let events = &self.catalog.dataset.events;
        let done = AtomicUsize::new(0);
        let every = (events.len() / 20).max(1000);
        // (files written, images, of which taken from the cache)
        let counts = (0..events.len())
            .into_par_iter()
            .map(|i| {
                let event = &events[i];
                let page = self.event_page(&template, i).map_err(at(&index))?;
                let mut counts = (usize::from(write_if_changed(&dir.join(event_page(&event.id)), page.as_bytes())?), 0, 0);
                if self.has_own_preview(event) {
                    let (written, reused) = self.write_image(dir, Some(event))?;
                    counts = (counts.0 + usize::from(written), 1, usize::from(reused));
                }
                let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                if finished.is_multiple_of(every) {
                    progress(finished, events.len());
                }
                Ok(counts)
            })
            .try_reduce(|| (0, 0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1, a.2 + b.2)))?;
        changed += counts.0;
        let removed = self.remove_gone(dir)?;

        // Sitemaps of an earlier build, with an address or more pages, would now be wrong.
        let sitemaps = self.sitemaps();
        for (name, xml) in &sitemaps {
            changed += usize::from(write_if_changed(&dir.join(name), xml.as_bytes())?);
        }
        let names: HashSet<&str> = sitemaps.iter().map(|(name, _)| name.as_str()).collect();
        for entry in fs::read_dir(dir).map_err(|e| at(dir)(SiteErrorKind::Read(e)))?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if pages::is_sitemap_file(&name) && !names.contains(name.as_str()) {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(Written {
            pages: events.len() + 2,
            changed,
            removed,
            images: counts.1 + 1,
            reused: counts.2 + usize::from(reused),
            sitemaps: sitemaps.len(),
        })
    }

    /// Writes a large dataset's tiles and their root (`model::tiles`), in parallel, each as it
    /// is made, and removes the tiles of an earlier build that the root no longer lists. How
    /// many files it wrote.
    fn write_tiles(&self, dir: &Path) -> Result<usize, SiteError> {
        let folder = dir.join(tiles::TILES_DIR);
        fs::create_dir_all(&folder).map_err(|e| SiteError { path: folder.clone(), kind: SiteErrorKind::Write(e) })?;
        let dataset = &self.catalog.dataset;
        let written: Vec<(tiles::Tile, bool)> = tiles::ranges(dataset.events.len())
            .into_par_iter()
            .map(|range| {
                let (tile, bytes) = tiles::tile(dataset, range);
                let written = write_if_changed(&dir.join(tile.file()), &bytes)?;
                Ok((tile, written))
            })
            .collect::<Result<_, SiteError>>()?;
        let mut changed = written.iter().filter(|(_, written)| *written).count();
        let root = tiles::Root { tiles: written.into_iter().map(|(tile, _)| tile).collect() };
        changed += usize::from(write_if_changed(&dir.join(tiles::ROOT_FILE), &root.write())?);
        let listed: HashSet<String> = root.tiles.iter().map(tiles::Tile::file).collect();
        for entry in fs::read_dir(&folder).map_err(|e| SiteError { path: folder.clone(), kind: SiteErrorKind::Read(e) })?.flatten() {
            let name = format!("{}/{}", tiles::TILES_DIR, entry.file_name().to_string_lossy());
            let tile = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".br")).unwrap_or(&name);
            if !listed.contains(tile) {
                let _ = fs::remove_file(entry.path());
            }
        }
        self.tiled(root);
        Ok(changed)
    }

    /// Removes what an earlier build wrote for events this dataset does not have: their pages
    /// (a page made from the template, whose name is no event's), their preview images, and the
    /// start file once the dataset is no longer large, with any compressed copies of them. How
    /// many files it removed.
    fn remove_gone(&self, dir: &Path) -> Result<usize, SiteError> {
        let events = &self.catalog.dataset.events;
        let pages: HashSet<String> = events.iter().map(|e| event_page(&e.id)).chain(["index.html".to_string(), SHELL_PAGE.to_string()]).collect();
        let images: HashSet<String> = events
            .iter()
            .filter(|e| self.has_own_preview(e))
            .map(|e| self.preview_path(Some(e)))
            .chain([self.preview_path(None)])
            .collect();
        let mut removed = 0;
        let mut remove = |path: &Path| {
            if fs::remove_file(path).is_ok() {
                removed += 1;
                for copy in ["gz", "br"] {
                    let _ = fs::remove_file(path.with_extension(format!("{}.{copy}", path.extension().unwrap_or_default().to_string_lossy())));
                }
            }
        };
        let listed = |folder: &Path| -> Result<Vec<fs::DirEntry>, SiteError> {
            Ok(fs::read_dir(folder).map_err(|e| SiteError { path: folder.to_path_buf(), kind: SiteErrorKind::Read(e) })?.flatten().collect())
        };
        for entry in listed(dir)? {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".html") && !pages.contains(&name) && is_written_page(&entry.path()) {
                remove(&entry.path());
            }
        }
        // The start file and the tiles of a dataset that is no longer large, or the single
        // catalog of one that now is.
        if self.has_start_file() {
            remove(&dir.join(compiled::FILE));
        } else {
            remove(&dir.join(start::START_FILE));
            remove(&dir.join(STYLE_FILE));
            remove(&dir.join(tiles::ROOT_FILE));
            let _ = fs::remove_dir_all(dir.join(tiles::TILES_DIR));
        }
        for entry in listed(&dir.join("previews"))? {
            let name = format!("previews/{}", entry.file_name().to_string_lossy());
            if name.ends_with(".png") && !images.contains(&name) {
                remove(&entry.path());
            }
        }
        Ok(removed)
    }

    /// Draws the preview image of an event's page, or of the index, into `dir`, or takes it
    /// from the cache when an earlier build drew the same picture. Whether the file was written
    /// (it was new or showed something else), and whether it came from the cache.
    fn write_image(&self, dir: &Path, event: Option<&Event>) -> Result<(bool, bool), SiteError> {
        let path = dir.join(self.preview_path(event));
        let at = |kind| SiteError { path: path.clone(), kind };
        let svg = preview::svg(self.catalog, event);
        // Named by what it shows: a changed event, or a changed drawing, is drawn again.
        let cached = self.cache.as_ref().map(|cache| cache.join(format!("{:016x}.png", compiled::checksum(svg.as_bytes()))));
        if let Some(png) = cached.as_ref().and_then(|c| fs::read(c).ok()) {
            return Ok((write_if_changed(&path, &png)?, true));
        }
        let png = render_png(&svg).map_err(|e| at(SiteErrorKind::Image(e)))?;
        let written = write_if_changed(&path, &png)?;
        if let Some(cached) = cached {
            // A cache that cannot be written only costs the next build the drawing.
            let _ = fs::write(cached, &png);
        }
        Ok((written, false))
    }
}

/// The template with its head and body parts replaced by markup, the markers kept. Only
/// `Markup`, which maud has escaped, goes in.
fn fill(template: &str, head: Markup, body: Markup) -> Result<String, SiteErrorKind> {
    let with_head = between(template, HEAD, &head.into_string())?;
    Ok(csp::with_script_hashes(between(&with_head, BODY, &body.into_string())?))
}

/// Writes `bytes` at `path` unless the file there holds them already. Whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, SiteError> {
    if fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64) && fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    fs::write(path, bytes).map_err(|e| SiteError { path: path.to_path_buf(), kind: SiteErrorKind::Write(e) })?;
    Ok(true)
}

/// Whether a page was made from the template by an earlier build: it carries the markers.
fn is_written_page(path: &Path) -> bool {
    fs::read_to_string(path).is_ok_and(|page| page.contains(BODY.0))
}

fn between(text: &str, (open, close): (&'static str, &'static str), content: &str) -> Result<String, SiteErrorKind> {
    let start = text.find(open).ok_or(SiteErrorKind::NoMarkers(open))? + open.len();
    let end = start + text[start..].find(close).ok_or(SiteErrorKind::NoMarkers(close))?;
    Ok(format!("{}\n{content}\n{}", &text[..start], &text[end..]))
}

#[cfg(test)]
mod tests;
