//! The markup of the pages: the head every page carries, an event's page, the index and the
//! sitemap. An event's panels are the app's own views, drawn natively (`ui::written_panels_html`);
//! the frame around them is maud's. Every string from the dataset goes through maud or Leptos,
//! which escape it; every sentence about the data comes from `model`. The classes are the
//! app's own, so the page looks like the app it becomes.

use std::ops::Range;

use maud::{html, Markup, PreEscaped};

use super::{json_ld, FirstScreen, Site, PREVIEW_HEIGHT, PREVIEW_WIDTH, STYLE_FILE};
use crate::model::catalog::SITE_NAME;
use crate::model::compiled;
use crate::model::start::START_FILE;
use crate::model::tiles::ROOT_FILE;
use crate::model::url_state::event_page;
use crate::model::{Dataset, EventDate};
use crate::ui::dom::{BUILT_TITLE_META, MAIN_ID, PAGE_ID};
use crate::ui::written_panels_html;

/// The script at the top of the index's head that sends an old link to an event
/// (`./?event=palmyra-recaptured&claim=army`, the form links took before events had pages) to the
/// event's page (`palmyra-recaptured.html?claim=army`, the rest of the query and the fragment
/// kept) before anything else loads, so the reader does not wait for the app to find it. Only
/// for an event of this dataset, and only when the address names no `data=`; anything else is
/// left to the app. `IDS` is the dataset's ids as a JSON list. The Content-Security-Policy allows
/// it by its hash (`scripts/post-build.mjs`). It holds no `<`, so nothing in it can end or
/// comment out its element.
const OLD_LINK_SCRIPT: &str = r#"(function(){var ids=IDS,rest=[],id=null,stay=false;location.search.slice(1).split("&").forEach(function(pair){if(!pair||stay)return;var at=pair.indexOf("="),key=at==-1?pair:pair.slice(0,at),value=at==-1?"":pair.slice(at+1);try{key=decodeURIComponent(key.replace(/\+/g," "));value=decodeURIComponent(value.replace(/\+/g," "))}catch(e){stay=true;return}if(key==="data")stay=true;else if(key==="event")id=value;else rest.push(pair)});if(!stay&&id!==null&&ids.indexOf(id)!=-1){window.stop();location.replace(id+".html"+(rest.length?"?"+rest.join("&"):"")+location.hash)}})();"#;

/// [`OLD_LINK_SCRIPT`] for this dataset.
pub fn old_link_script(dataset: &Dataset) -> String {
    let ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
    let ids = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".to_string());
    OLD_LINK_SCRIPT.replacen("IDS", &json_ld::script_safe(&ids), 1)
}

/// The part of the head that differs from page to page: title, description, canonical link,
/// Open Graph and Twitter/X cards, and the page's JSON-LD. The index's starts with
/// [`old_link_script`]. The index's head, or, given its position, an event's; with the
/// positions of its written first screen's marks, if it has one, which the policy keeps out of
/// markup (allowed by their hash, `site::csp`).
pub fn head(site: &Site, index: Option<usize>, written: Option<&FirstScreen>) -> Markup {
    let catalog = site.catalog;
    let event = index.and_then(|i| catalog.dataset.events.get(i));
    let headline = event.map_or(&catalog.dataset.title, |e| &e.title);
    let description = catalog.page_description(event);
    let url = site.link(&event.map_or_else(|| "./".to_string(), |e| event_page(&e.id)));
    let image = site.link(&site.preview_path(event));
    let alt = site.preview_alt(event);
    html! {
        // A large dataset's ids would make the index heavy: the app sends its old links on.
        @if event.is_none() && !catalog.listed_by_period() { script { (PreEscaped(old_link_script(&catalog.dataset))) } }
        // What the app reads first, fetched from the start of the page: the catalog, or, for a
        // large dataset, the root of its tiles, and on its index the first screen's events
        // (with how many the catalog holds). An event's page names the tile that holds its
        // event, which the app asks for first: by its place, not its file, so that a change
        // to one event does not change the page of every event in its tile.
        @if let Some(root) = site.root() {
            @if event.is_none() {
                link rel="preload" href=(START_FILE) as="fetch" crossorigin data-events=(catalog.dataset.events.len());
                // The positions of the first screen's marks, which the policy keeps out of markup.
                link rel="stylesheet" href=(STYLE_FILE);
            }
            @match index.and_then(|i| root.tile_of(i)) {
                Some(at) => link rel="preload" href=(ROOT_FILE) as="fetch" crossorigin data-tile=(at);,
                None => link rel="preload" href=(ROOT_FILE) as="fetch" crossorigin;,
            }
        } @else {
            link rel="preload" href=(compiled::FILE) as="fetch" crossorigin;
        }
        @if let Some(screen) = written { style { (PreEscaped(&screen.css)) } }
        title { (catalog.page_title(event)) }
        meta name="description" content=(description);
        meta name=(BUILT_TITLE_META) content=(catalog.dataset.title);
        link rel="canonical" href=(url);
        meta property="og:site_name" content=(SITE_NAME);
        meta property="og:type" content=(if event.is_some() { "article" } else { "website" });
        meta property="og:title" content=(headline);
        meta property="og:description" content=(description);
        meta property="og:url" content=(url);
        meta property="og:image" content=(image);
        meta property="og:image:type" content="image/png";
        meta property="og:image:width" content=(PREVIEW_WIDTH);
        meta property="og:image:height" content=(PREVIEW_HEIGHT);
        meta property="og:image:alt" content=(alt);
        meta name="twitter:card" content="summary_large_image";
        meta name="twitter:title" content=(headline);
        meta name="twitter:description" content=(description);
        meta name="twitter:image" content=(image);
        meta name="twitter:image:alt" content=(alt);
        script type="application/ld+json" { (PreEscaped(json_ld::page(site, event))) }
    }
}

/// The head of the shell the service worker answers with: the app reads the event from the
/// address and names the page itself, and no search engine should list it.
pub fn shell_head(site: &Site) -> Markup {
    html! {
        link rel="preload" href=(if site.root().is_some() { ROOT_FILE } else { compiled::FILE }) as="fetch" crossorigin;
        title { (site.catalog.page_title(None)) }
        meta name="description" content=(site.catalog.page_description(None));
        meta name="robots" content="noindex";
        meta name=(BUILT_TITLE_META) content=(site.catalog.dataset.title);
    }
}

/// The masthead of a page: the product, linked to the timeline, and the dataset's title when
/// the page's own heading is not already that. Not a heading: the page's one `h1` is its own
/// subject.
fn masthead(dataset_title: Option<&str>) -> Markup {
    html! {
        header.masthead {
            div.brand {
                p.site-name { a href="./" { (SITE_NAME) } }
                @if let Some(title) = dataset_title { p.dataset-title { (title) } }
            }
        }
    }
}

/// A date in words, in a `<time>` element where it has a machine form.
fn date(date: &EventDate) -> Markup {
    html! {
        @if let Some(machine) = date.machine() {
            time datetime=(machine) { (date.human()) }
        } @else {
            (date.human())
        }
    }
}

/// Every event as a list of links to their pages, the current one marked.
fn event_links(dataset: &Dataset, period: Range<usize>, current: Option<&str>) -> Markup {
    let start = period.start + 1;
    html! {
        ol.page-events start=[(start > 1).then_some(start)] {
            @for event in dataset.events.get(period).unwrap_or_default() {
                li {
                    a href=(event_page(&event.id)) aria-current=[(current == Some(event.id.as_str())).then_some("page")] {
                        (event.title)
                    }
                    span.date { (date(&event.date)) }
                }
            }
        }
    }
}

/// The static part of `index.html`: the dataset's title and description, and every event.
pub fn index_body(site: &Site, first_screen: Option<&FirstScreen>) -> Markup {
    let catalog = site.catalog;
    let dataset = &catalog.dataset;
    html! {
        // A large site's first screen, drawn by the app's components, for readers whose
        // browser runs the app; the listing below is for the others.
        @if let Some(first) = first_screen {
            (PreEscaped(&first.html))
        }
        div.page id=(PAGE_ID) {
            (masthead(None))
            main id=(MAIN_ID) .page-index {
                h1 { (dataset.title) }
                p.description { (dataset.description) }
                nav aria-labelledby="page-events-heading" {
                    h2 #page-events-heading { (catalog.events_count()) }
                    @if catalog.listed_by_period() {
                        // Each period's link opens its first event, whose page lists the period.
                        ol.page-periods {
                            @for period in catalog.index_periods() {
                                li { a href=(event_page(&dataset.events[period.start].id)) { (catalog.period_label(&period)) } }
                            }
                        }
                    } @else {
                        (event_links(dataset, 0..dataset.events.len(), None))
                    }
                }
            }
        }
    }
}

/// The static part of an event's page: the event as the app's panels show it, with every claim
/// and where it came from, links to the events either side and to the whole timeline, and
/// every event beside it.
pub fn event_body(site: &Site, index: usize, first_screen: Option<&FirstScreen>) -> Markup {
    let catalog = site.catalog;
    let dataset = &catalog.dataset;
    let event = &dataset.events[index];
    let (before, after) = catalog.neighbours(index);
    html! {
        // The app's own first screen of this event, for readers whose browser runs the app;
        // the page below is for the others.
        @if let Some(first) = first_screen {
            (PreEscaped(&first.html))
        }
        div.page id=(PAGE_ID) {
            (masthead(Some(&dataset.title)))
            div.layout.page-layout {
                main id=(MAIN_ID) .panels {
                    // The app's own views of the event and of who says so, drawn natively.
                    (PreEscaped(written_panels_html(catalog, index)))
                    nav.neighbours aria-label="Previous and next events" {
                        ul {
                            @if let Some(before) = before {
                                li { a href=(event_page(&before.id)) rel="prev" { "Previous: " (before.label()) } }
                            }
                            @if let Some(after) = after {
                                li { a href=(event_page(&after.id)) rel="next" { "Next: " (after.label()) } }
                            }
                            li { a href="./" { "The whole timeline" } }
                        }
                    }
                }
                nav.page-events-nav aria-labelledby="page-events-heading" {
                    @if catalog.listed_by_period() {
                        @let period = catalog.period_of(index);
                        h2 #page-events-heading { (catalog.period_label(&period)) }
                        (event_links(dataset, period.clone(), Some(&event.id)))
                        ul.page-periods {
                            @if let Some(before) = period.start.checked_sub(1) {
                                @let earlier = catalog.period_of(before);
                                li { a href=(event_page(&dataset.events[earlier.start].id)) { "Previous period: " (catalog.period_label(&earlier)) } }
                            }
                            @if period.end < dataset.events.len() {
                                @let later = catalog.period_of(period.end);
                                li { a href=(event_page(&dataset.events[later.start].id)) { "Next period: " (catalog.period_label(&later)) } }
                            }
                            li { a href="./" { (catalog.every_period()) } }
                        }
                    } @else {
                        h2 #page-events-heading { (catalog.events_count()) }
                        (event_links(dataset, 0..dataset.events.len(), Some(&event.id)))
                    }
                }
            }
        }
    }
}

/// The most addresses one sitemap file may list (sitemaps.org); a site with more pages gets an
/// index of sitemaps.
pub const SITEMAP_URLS: usize = 50_000;

/// Whether a file of the site's folder is one of its sitemaps: `sitemap.xml`, or a part of a
/// large site's, `_sitemap-2.xml`.
pub fn is_sitemap_file(name: &str) -> bool {
    name == "sitemap.xml" || (name.starts_with("_sitemap-") && name.ends_with(".xml"))
}

/// The sitemap files of every page, with absolute addresses: `sitemap.xml` alone, or, above
/// [`SITEMAP_URLS`] pages, `sitemap.xml` as the index of `_sitemap-1.xml`, `_sitemap-2.xml`, …
/// (their names cannot be an event's page: ids start with a letter or a digit).
pub fn sitemaps(site: &Site) -> Vec<(String, String)> {
    let pages: Vec<String> = std::iter::once("./".to_string()).chain(site.catalog.dataset.events.iter().map(|e| event_page(&e.id))).collect();
    let xml = |markup: Markup| format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n", markup.into_string());
    let urlset = |pages: &[String]| {
        xml(html! {
            urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {
                @for page in pages { url { loc { (site.link(page)) } } }
            }
        })
    };
    if pages.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".to_string(), urlset(&pages))];
    }
    let parts: Vec<(String, String)> =
        pages.chunks(SITEMAP_URLS).enumerate().map(|(i, chunk)| (format!("_sitemap-{}.xml", i + 1), urlset(chunk))).collect();
    let index = xml(html! {
        sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {
            @for (name, _) in &parts { sitemap { loc { (site.link(name)) } } }
        }
    });
    std::iter::once(("sitemap.xml".to_string(), index)).chain(parts).collect()
}
