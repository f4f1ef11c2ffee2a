//! The JSON-LD of a page, in schema.org's terms: an event's page is a `WebPage` about an
//! `Event`, and each claim is a `Claim` whose `author` is its originator, whose `contributor`s
//! are its relays, whose `appearance` is the document it was reported in and whose verbatim
//! words, when there are any, are a `Quotation`. The index is a `WebPage` whose main entity is
//! the `ItemList` of every event's page.

use serde_json::{json, Map, Value};

use super::Site;
use crate::model::attribution::AttributedClaim;
use crate::model::catalog::SITE_NAME;
use crate::model::url_state::event_page;
use crate::model::{Attribution, Dataset, Document, Event, Source};

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
            "url": site.link(&Site::preview_path(event)),
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
        None => json!({
            "mainEntity": {
                "@type": "ItemList",
                "name": dataset.title,
                "numberOfItems": dataset.events.len(),
                "itemListElement": dataset.events.iter().enumerate().map(|(i, e)| json!({
                    "@type": "ListItem",
                    "position": i + 1,
                    "name": e.label(),
                    "url": site.link(&event_page(&e.id)),
                })).collect::<Vec<_>>(),
            },
        }),
    };
    merge(&mut page, more);
    script_safe(&page.to_string())
}

/// JSON that cannot end the script element it sits in, nor open a comment or markup there:
/// `<`, `>` and `&` are written as `\u` escapes, which mean the same to a JSON reader.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(into), Value::Object(from)) = (into, from) {
        into.extend(from);
    }
}

/// The event, with its dates only as firm as the dataset gives them.
fn event_entity(event: &Event) -> Value {
    let mut entity = Map::new();
    entity.insert("@type".into(), "Event".into());
    entity.insert("name".into(), event.title.clone().into());
    entity.insert("description".into(), event.summary.clone().into());
    let (start, end) = event.date.machine_ends();
    if let Some(start) = start {
        entity.insert("startDate".into(), start.into());
    }
    if let Some(end) = end {
        entity.insert("endDate".into(), end.into());
    }
    if let Some(place) = &event.place {
        entity.insert("location".into(), json!({ "@type": "Place", "name": place }));
    }
    if !event.tags.is_empty() {
        entity.insert("keywords".into(), event.tags.join(", ").into());
    }
    Value::Object(entity)
}

/// A source as schema.org sees it: a person (one who speaks for an organisation, or an
/// official) or an organisation.
fn agent(dataset: &Dataset, source: &Source) -> Value {
    let organisation = source.affiliation.as_deref().and_then(|id| dataset.source(id));
    let person = organisation.is_some() || matches!(source.kind.as_str(), "person" | "official");
    let mut agent = json!({ "@type": if person { "Person" } else { "Organization" }, "name": source.name });
    if let Some(organisation) = organisation {
        merge(&mut agent, json!({ "affiliation": { "@type": "Organization", "name": organisation.name } }));
    }
    agent
}

fn appearance(document: &Document) -> Value {
    let kind = if document.kind.contains("article") { "NewsArticle" } else { "CreativeWork" };
    let mut work = json!({ "@type": kind, "name": document.title });
    if let Some(url) = &document.url {
        merge(&mut work, json!({ "url": url }));
    }
    if let Some(published) = document.published.machine() {
        merge(&mut work, json!({ "datePublished": published }));
    }
    if let Some(publisher) = &document.publisher {
        merge(&mut work, json!({ "publisher": { "@type": "Organization", "name": publisher } }));
    }
    work
}

fn claim(dataset: &Dataset, attributed: &AttributedClaim<'_>) -> Value {
    let claim = attributed.claim;
    let mut chain = attributed.chain.iter();
    let author = chain.next().map(|s| agent(dataset, s));
    let mut value = json!({ "@type": "Claim", "identifier": claim.id, "text": claim.text, "author": author });
    let relays: Vec<Value> = chain.map(|s| agent(dataset, s)).collect();
    if !relays.is_empty() {
        merge(&mut value, json!({ "contributor": relays }));
    }
    if let Some(document) = attributed.document {
        merge(&mut value, json!({ "appearance": appearance(document) }));
    }
    if let Some(quote) = &claim.quote {
        merge(&mut value, json!({ "hasPart": { "@type": "Quotation", "text": quote, "creator": author } }));
    }
    value
}
