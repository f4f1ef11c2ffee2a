//! The static site written around the app at build time: a page of plain HTML for every event
//! of the bundled dataset, the index page with every event listed, the head metadata that link
//! previews, search engines and archives read, a preview image per page, the sitemap, and the
//! shell the service worker answers with offline.
//!
//! Native only: `src/bin/site.rs` runs it on a built `dist/` (see `scripts/post-build.mjs`).
//! It depends on `model` for every word it writes, so a page says what the app says, and on
//! nothing of `ui`. Data reaches a page only through `maud`, which escapes every string it is
//! given, or through [`json_ld`], which escapes what would end a script; never by pasting
//! strings into markup.
//!
//! The layout of a built folder, all relative, so it works from any sub-path of any static host:
//!
//! | file | what |
//! | --- | --- |
//! | `index.html` | the app, with the dataset's title, description and every event as HTML |
//! | `EVENT-ID.html` | one event's page, which becomes the app opened on that event |
//! | `_shell.html` | the app with no content, for the service worker to answer offline |
//! | `preview.png`, `previews/EVENT-ID.png` | 1200×630 preview images |
//! | `sitemap.xml` | every page, when the site's address is known |

mod address;
mod error;
mod json_ld;
mod pages;
mod preview;

use std::fs;
use std::path::Path;

use maud::Markup;

use crate::model::ids::{is_site_name, PageName};
use crate::model::url_state::event_page;

pub use address::{Site, SiteUrl, INDEX_PREVIEW, SHELL_PAGE};
pub use error::{SiteError, SiteErrorKind};
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
    pub images: usize,
    pub sitemap: bool,
}

impl Site<'_> {
    /// Every page as a whole document made from `template`, the built `index.html`: the index,
    /// then each event's page by file name, then the shell.
    pub fn pages(&self, template: &str) -> Result<Vec<(String, String)>, SiteErrorKind> {
        let events = &self.catalog.dataset.events;
        let mut out = Vec::with_capacity(events.len() + 2);
        out.push(("index.html".to_string(), fill(template, pages::head(self, None), pages::index_body(self))?));
        let mut names = std::collections::HashMap::new();
        for (index, event) in events.iter().enumerate() {
            // The reader refuses both (`ProblemKind::SiteName`, `ProblemKind::SamePage`) by the
            // same rules; a catalog made some other way is held to them here.
            if is_site_name(&event.id) {
                return Err(SiteErrorKind::ReservedId(event.id.clone()));
            }
            // `Foo.html` and `foo.html` are one file on many disks and hosts.
            if let Some(other) = names.insert(PageName(&event.id), &event.id) {
                return Err(SiteErrorKind::SameFile(other.clone(), event.id.clone()));
            }
            let page = fill(template, pages::head(self, Some(event)), pages::event_body(self, index))?;
            out.push((event_page(&event.id), page));
        }
        out.push((SHELL_PAGE.to_string(), fill(template, pages::shell_head(self), Markup::default())?));
        Ok(out)
    }

    /// The sitemap, when the site's address is known.
    pub fn sitemap(&self) -> Option<String> {
        self.url.as_ref().map(|_| pages::sitemap(self))
    }

    /// Writes every page, image and the sitemap into `dir`, a built app whose `index.html` is
    /// the template.
    pub fn write(&self, dir: &Path) -> Result<Written, SiteError> {
        fn at(path: &Path) -> impl Fn(SiteErrorKind) -> SiteError + '_ {
            move |kind| SiteError { path: path.to_path_buf(), kind }
        }
        let index = dir.join("index.html");
        let template = fs::read_to_string(&index).map_err(|e| at(&index)(SiteErrorKind::Read(e)))?;
        let pages = self.pages(&template).map_err(at(&index))?;
        let mut written = Written::default();
        for (name, html) in &pages {
            let path = dir.join(name);
            fs::write(&path, html).map_err(|e| at(&path)(SiteErrorKind::Write(e)))?;
            written.pages += 1;
        }
        let previews = dir.join("previews");
        fs::create_dir_all(&previews).map_err(|e| at(&previews)(SiteErrorKind::Write(e)))?;
        let events = self.catalog.dataset.events.iter().map(Some);
        for event in std::iter::once(None).chain(events) {
            let path = dir.join(Site::preview_path(event));
            let png = render_png(&preview::svg(self.catalog, event)).map_err(|e| at(&path)(SiteErrorKind::Image(e)))?;
            fs::write(&path, png).map_err(|e| at(&path)(SiteErrorKind::Write(e)))?;
            written.images += 1;
        }
        let sitemap = dir.join("sitemap.xml");
        match self.sitemap() {
            Some(xml) => {
                fs::write(&sitemap, xml).map_err(|e| at(&sitemap)(SiteErrorKind::Write(e)))?;
                written.sitemap = true;
            }
            // A sitemap from an earlier build with an address would now be wrong.
            None => {
                let _ = fs::remove_file(&sitemap);
            }
        }
        Ok(written)
    }
}

/// The template with its head and body parts replaced by markup, the markers kept. Only
/// `Markup`, which maud has escaped, goes in.
fn fill(template: &str, head: Markup, body: Markup) -> Result<String, SiteErrorKind> {
    let with_head = between(template, HEAD, &head.into_string())?;
    between(&with_head, BODY, &body.into_string())
}

fn between(text: &str, (open, close): (&'static str, &'static str), content: &str) -> Result<String, SiteErrorKind> {
    let start = text.find(open).ok_or(SiteErrorKind::NoMarkers(open))? + open.len();
    let end = start + text[start..].find(close).ok_or(SiteErrorKind::NoMarkers(close))?;
    Ok(format!("{}\n{content}\n{}", &text[..start], &text[end..]))
}

#[cfg(test)]
mod tests;
