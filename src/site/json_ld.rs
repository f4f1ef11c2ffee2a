//! The JSON-LD of a page, in schema.org's terms: an event's page is a `WebPage` about an
//! `Event`, and each claim is a `Claim` whose `author` is its originator, whose `contributor`s
//! are its relays, whose `appearance` is the document it was reported in and whose verbatim
//! words, when there are any, are a `Quotation`. The index is a `WebPage` whose main entity is
//! the `ItemList` of every event's page.

use serde_json::{json, Value};

use super::Site;
use crate::model::catalog::SITE_NAME;
use crate::model::linked_data::{claim, event_entity, merge};
use crate::model::url_state::event_page;
use crate::model::{Attribution, Event};

/// The page's JSON-LD, ready to sit inside `<script type="application/ld+json">`.
pub fn page(site: &Site, event: Option<&Event>) -> String {
    let catalog = site.catalog;
    let dataset = &catalog.dataset;
    let address = event.map_or_else(|| "./".to_string(), |e| event_page(&e.id));
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": catalog.page_title(event),
        "description": catalog.page_description(event),
        "url": site.link(&address),
        "isPartOf": { "@type": "WebSite", "name": SITE_NAME, "url": site.link("./") },
        "primaryImageOfPage": {
            "@type": "ImageObject",
            "url": site.link(&site.preview_path(event)),
            "width": super::PREVIEW_WIDTH,
            "height": super::PREVIEW_HEIGHT,
        },
    });
    let more = match event {
        Some(event) => {
            let attribution = Attribution::of(dataset, event);
            let claims: Vec<Value> = attribution.groups.iter().flat_map(|g| &g.claims).map(|c| claim(dataset, c)).collect();
            json!({ "about": event_entity(event), "hasPart": claims })
        }
        // The index's list, as its page shows it: every event, or, for a dataset listed by
        // period, the first event of each stretch the index links to.
        None => {
            let listed: Vec<(usize, String)> = match catalog.listed_by_period() {
                true => catalog.index_periods().map(|p| (p.start, catalog.period_label(&p))).collect(),
                false => dataset.events.iter().enumerate().map(|(i, e)| (i, e.label())).collect(),
            };
            json!({
                "mainEntity": {
                    "@type": "ItemList",
                    "name": dataset.title,
                    "numberOfItems": listed.len(),
                    "itemListElement": listed.iter().enumerate().map(|(position, (i, name))| json!({
                        "@type": "ListItem",
                        "position": position + 1,
                        "name": name,
                        "url": site.link(&event_page(&dataset.events[*i].id)),
                    })).collect::<Vec<_>>(),
                },
            })
        }
    };
    merge(&mut page, more);
    script_safe(&page.to_string())
}

/// JSON that cannot end the script element it sits in, nor open a comment or markup there:
/// `<`, `>` and `&` are written as `\u` escapes, which mean the same to a JSON reader.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

