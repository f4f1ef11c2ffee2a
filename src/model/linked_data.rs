//! The dataset in schema.org's terms, as JSON-LD: an `Event` for each event, and each claim a
//! `Claim` whose `author` is its originator, whose `contributor`s are its relays, whose
//! `appearance` is the document it was reported in and whose verbatim words, when there are
//! any, are a `Quotation`. Dates are only as firm as the dataset gives them. Event pages carry
//! these in their head (`site`); the app downloads the events in view in the same terms.

use serde_json::{json, Map, Value};

use super::attribution::AttributedClaim;
use super::{Attribution, Dataset, Document, Event, Source};

/// The events given, each with its claims, as one schema.org `Dataset` named for `dataset`,
/// at `address`; `page_of` gives each event's page address.
pub fn events_in_view<'a>(
    dataset: &Dataset,
    events: impl IntoIterator<Item = &'a Event>,
    address: &str,
    page_of: impl Fn(&Event) -> String,
) -> Value {
    let about: Vec<Value> = events
        .into_iter()
        .map(|event| {
            let mut entity = event_entity(event);
            let attribution = Attribution::of(dataset, event);
            let claims: Vec<Value> = attribution.groups.iter().flat_map(|g| &g.claims).map(|c| claim(dataset, c)).collect();
            merge(&mut entity, json!({ "url": page_of(event), "subjectOf": claims }));
            entity
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": dataset.title,
        "description": dataset.description,
        "url": address,
        "about": about,
    })
}

/// Adds `from`'s fields to `into`, both objects.
pub fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(into), Value::Object(from)) = (into, from) {
        into.extend(from);
    }
}

/// The event, with its dates only as firm as the dataset gives them.
pub fn event_entity(event: &Event) -> Value {
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

pub fn claim(dataset: &Dataset, attributed: &AttributedClaim<'_>) -> Value {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures;

    #[test]
    fn the_events_in_view_are_the_datasets_parts_with_their_claims() {
        let dataset = fixtures::palmyra();
        let events: Vec<&Event> = dataset.events.iter().rev().take(3).collect();
        let value = events_in_view(&dataset, events.iter().copied(), "https://example.org/p/?q=x", |e| format!("{}.html", e.id));
        assert_eq!(value["@type"], "Dataset");
        assert_eq!(value["name"], dataset.title.as_str());
        assert_eq!(value["url"], "https://example.org/p/?q=x");
        let about = value["about"].as_array().unwrap();
        assert_eq!(about.iter().map(|e| e["name"].as_str().unwrap()).collect::<Vec<_>>(), events.iter().map(|e| e.title.as_str()).collect::<Vec<_>>());
        for (entity, event) in about.iter().zip(&events) {
            assert_eq!(entity["url"], format!("{}.html", event.id));
            let claims = entity["subjectOf"].as_array().unwrap();
            assert_eq!(claims.len(), event.claims.len());
            for claim in claims {
                let written = event.claim(claim["identifier"].as_str().unwrap()).unwrap();
                assert_eq!(claim["author"]["name"], dataset.source(&written.by).unwrap().name.as_str());
            }
        }
    }
}
