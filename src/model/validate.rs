//! Reading a dataset from JSON and checking it, reporting every problem at once.
//!
//! The reader walks the JSON tree itself rather than deserialising in one go, so that one bad
//! field does not hide the next: each problem carries the JSON path where it is
//! (`events[3].claims[1].via[0]`) and a reason a dataset author can act on. Nothing here
//! panics, whatever the input.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use super::dataset::{Claim, Control, Dataset, Document, Event, Source, Stance, FORMAT};
use super::date::EventDate;

/// One thing wrong with a dataset: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path from the top of the file, such as `events[3].claims[1].via[0]`; empty for
    /// the file as a whole.
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// The longest id accepted, so that ids stay readable in links.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` is a stable, URL-safe slug: ASCII letters, digits, `-`, `_` and `.`, starting
/// with a letter or digit, at most [`MAX_ID_LEN`] long.
pub fn is_slug(id: &str) -> bool {
    id.len() <= MAX_ID_LEN
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether `url` is an absolute `http:` or `https:` URL with nothing that could hide another
/// scheme or break out of an attribute.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub(crate) fn read_dataset(text: &str) -> (Option<Dataset>, Vec<Problem>) {
    let mut reader = Reader::default();
    if text.len() > super::dataset::MAX_DATASET_BYTES {
        let mb = super::dataset::MAX_DATASET_BYTES / (1024 * 1024);
        reader.report("", format!("is larger than {mb} MB, the most this app reads"));
        return (None, reader.problems);
    }
    let dataset = match serde_json::from_str::<Value>(text) {
        Ok(root) => reader.dataset(&root),
        Err(e) => {
            reader.report("", format!("is not valid JSON: {e}"));
            None
        }
    };
    (dataset, reader.problems)
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

/// Where a value is in the file. Built on the stack as the reader descends and written out only
/// when there is a problem to report, so reading a large valid file allocates no paths.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Shortens a value quoted back to the author, so that a huge string does not flood a report.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("`{}…`", &text[..cut]),
        None => format!("`{text}`"),
    }
}

/// The fields each kind of object accepts; any other is reported. The JSON Schema in
/// `docs/` lists the same (a test holds them together).
pub const DATASET_FIELDS: &[&str] = &["format", "title", "description", "documents", "sources", "events"];
pub const DOCUMENT_FIELDS: &[&str] = &["id", "title", "published", "publisher", "url", "kind"];
pub const SOURCE_FIELDS: &[&str] = &["id", "name", "kind", "description", "party", "affiliation"];
pub const EVENT_FIELDS: &[&str] = &["id", "date", "title", "summary", "place", "tags", "control", "claims"];
pub const CONTROL_FIELDS: &[&str] = &["place", "holder"];
pub const CLAIM_FIELDS: &[&str] = &["id", "text", "quote", "by", "via", "in", "locator", "stance"];

/// The ids a dataset declares, for checking references to them. A reference to a declared
/// item that has problems of its own is not reported again here.
struct Ids<'a> {
    sources: &'a HashSet<String>,
    documents: &'a HashSet<String>,
    published: &'a HashMap<String, EventDate>,
}

/// The string ids of the objects in a top-level list, whatever else is wrong with them.
fn declared_ids(list: Option<&Value>) -> HashSet<String> {
    let items = list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    items.iter().filter_map(|item| item.get("id")?.as_str()).map(str::to_string).collect()
}

impl Reader {
    fn report(&mut self, path: impl fmt::Display, reason: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), reason: reason.into() });
    }

    fn object<'v>(&mut self, value: &'v Value, path: &Path<'_>, known: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.report(path, format!("must be an object, found {}", kind_of(value)));
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let expected = known.join(", ");
            self.report(path.key(key), format!("is not a field here (expected one of: {expected})"));
        }
        Some(map)
    }

    fn list<'v>(&mut self, value: &'v Value, path: &Path<'_>) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.report(path, format!("must be a list, found {}", kind_of(other)));
                None
            }
        }
    }

    fn string(&mut self, value: &Value, path: &Path<'_>) -> Option<String> {
        match value {
            Value::String(s) if s.trim().is_empty() => {
                self.report(path, "must not be empty");
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.report(path, format!("must be a string, found {}", kind_of(other)));
                None
            }
        }
    }

    fn required_string(&mut self, map: &Map<String, Value>, path: &Path<'_>, key: &str) -> Option<String> {
        match map.get(key) {
            Some(value) => self.string(value, &path.key(key)),
            None => {
                self.report(path, format!("is missing the required field `{key}`"));
                None
            }
        }
    }

    /// `Ok(None)` when absent, `Err(())` when present but unusable (already reported).
    fn optional_string(&mut self, map: &Map<String, Value>, path: &Path<'_>, key: &str) -> Result<Option<String>, ()> {
        match map.get(key) {
            None => Ok(None),
            Some(value) => self.string(value, &path.key(key)).map(Some).ok_or(()),
        }
    }

    fn id(&mut self, map: &Map<String, Value>, path: &Path<'_>) -> Option<String> {
        let id = self.required_string(map, path, "id")?;
        if is_slug(&id) {
            Some(id)
        } else {
            self.report(
                path.key("id"),
                format!(
                    "{} is not a URL-safe id: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most {MAX_ID_LEN} characters",
                    shown(&id)
                ),
            );
            None
        }
    }

    fn date(&mut self, map: &Map<String, Value>, path: &Path<'_>, key: &str) -> Option<EventDate> {
        let text = self.required_string(map, path, key)?;
        match EventDate::parse(&text) {
            Ok(date) => Some(date),
            Err(e) => {
                self.report(path.key(key), format!("date {} {e}", shown(&text)));
                None
            }
        }
    }

    /// Reads a list field of objects, each with an `id`, reporting duplicate ids.
    fn unique_ids<'v>(&mut self, items: &'v [Value], path: &Path<'_>, what: &str) -> HashMap<&'v str, usize> {
        let mut first: HashMap<&'v str, usize> = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(id) = item.get("id").and_then(Value::as_str) else { continue };
            if let Some(j) = first.get(id) {
                self.report(
                    path.index(i).key("id"),
                    format!("duplicate {what} id {} (first used at {path}[{j}])", shown(id)),
                );
            } else {
                first.insert(id, i);
            }
        }
        first
    }

    fn dataset(&mut self, root: &Value) -> Option<Dataset> {
        let map = self.object(root, &Path::Root, DATASET_FIELDS)?;
        let format_ok = match self.required_string(map, &Path::Root, "format") {
            Some(format) if format == FORMAT => true,
            Some(format) => {
                self.report("format", format!("{} is not a format this app reads (expected `{FORMAT}`)", shown(&format)));
                false
            }
            None => false,
        };
        let title = self.required_string(map, &Path::Root, "title");
        let description = self.required_string(map, &Path::Root, "description");

        let documents = self.section(map, "documents", DOCUMENT_FIELDS, "document", Self::document);
        let sources = self.section(map, "sources", SOURCE_FIELDS, "source", Self::source);
        self.check_affiliations(&sources);

        let declared_sources = declared_ids(map.get("sources"));
        let declared_documents = declared_ids(map.get("documents"));
        let published: HashMap<String, EventDate> =
            documents.iter().map(|(_, d)| (d.id.clone(), d.published.clone())).collect();
        let ids = Ids { sources: &declared_sources, documents: &declared_documents, published: &published };
        let mut events = self.section(map, "events", EVENT_FIELDS, "event", |r, v, p| r.event(v, p, &ids));
        self.leave_out_events_citing_unusable(&mut events, &sources, &documents);

        if !format_ok {
            return None;
        }
        let mut dataset = Dataset {
            title: title.unwrap_or_default(),
            description: description.unwrap_or_default(),
            documents: documents.into_iter().map(|(_, d)| d).collect(),
            sources: sources.into_iter().map(|(_, s)| s).collect(),
            events: events.into_iter().map(|(_, e)| e).collect(),
        };
        dataset.sort_events();
        Some(dataset)
    }

    /// Reads one of the top-level lists. Items with problems, or whose id repeats an earlier
    /// one, are left out; each kept item comes with its index.
    fn section<T>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        fields: &[&str],
        what: &str,
        mut read: impl FnMut(&mut Self, &Map<String, Value>, &Path<'_>) -> Option<T>,
    ) -> Vec<(usize, T)> {
        let Some(value) = map.get(key) else {
            self.report("", format!("is missing the required field `{key}`"));
            return Vec::new();
        };
        let Some(items) = self.list(value, &Path::Root.key(key)) else { return Vec::new() };
        let root = Path::Root;
        let list = root.key(key);
        let first = self.unique_ids(items, &list, what);
        let mut kept = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = list.index(i);
            let before = self.problems.len();
            let Some(object) = self.object(item, &path, fields) else { continue };
            let value = read(self, object, &path);
            let is_first = object.get("id").and_then(Value::as_str).is_none_or(|id| first.get(id) == Some(&i));
            if let Some(value) = value.filter(|_| self.problems.len() == before && is_first) {
                kept.push((i, value));
            }
        }
        kept
    }

    fn document(&mut self, map: &Map<String, Value>, path: &Path<'_>) -> Option<Document> {
        let id = self.id(map, path);
        let title = self.required_string(map, path, "title");
        let published = self.date(map, path, "published");
        let publisher = self.optional_string(map, path, "publisher");
        let url = self.optional_string(map, path, "url").and_then(|url| match url {
            Some(u) if !is_web_url(&u) => {
                self.report(path.key("url"), format!("{} is not a web address: only http:// and https:// links are allowed", shown(&u)));
                Err(())
            }
            other => Ok(other),
        });
        let kind = self.required_string(map, path, "kind");
        Some(Document { id: id?, title: title?, published: published?, publisher: publisher.ok()?, url: url.ok()?, kind: kind? })
    }

    fn source(&mut self, map: &Map<String, Value>, path: &Path<'_>) -> Option<Source> {
        let id = self.id(map, path);
        let name = self.required_string(map, path, "name");
        let kind = self.required_string(map, path, "kind");
        let description = self.optional_string(map, path, "description");
        let party = self.optional_string(map, path, "party");
        let affiliation = self.optional_string(map, path, "affiliation");
        Some(Source {
            id: id?,
            name: name?,
            kind: kind?,
            description: description.ok()?,
            party: party.ok()?,
            affiliation: affiliation.ok()?,
        })
    }

    /// An event that cites a source or document with problems of its own is left out too, and
    /// says why, so that no claim is shown with part of its attribution missing.
    fn leave_out_events_citing_unusable(
        &mut self,
        events: &mut Vec<(usize, Event)>,
        sources: &[(usize, Source)],
        documents: &[(usize, Document)],
    ) {
        let sources: HashSet<&str> = sources.iter().map(|(_, s)| s.id.as_str()).collect();
        let documents: HashSet<&str> = documents.iter().map(|(_, d)| d.id.as_str()).collect();
        let usable_source = |id: &String| sources.contains(id.as_str());
        let usable_document = |id: &String| documents.contains(id.as_str());
        let mut reasons = Vec::new();
        events.retain(|(i, event)| {
            let claims = event.claims.iter();
            let source = claims.clone().flat_map(|c| std::iter::once(&c.by).chain(&c.via)).find(|id| !usable_source(id));
            let document = claims.map(|c| &c.document).find(|id| !usable_document(id));
            let reason = match (source, document) {
                (Some(id), _) => format!("left out: it cites source {}, which has problems of its own", shown(id)),
                (None, Some(id)) => format!("left out: it cites document {}, which has problems of its own", shown(id)),
                (None, None) => return true,
            };
            reasons.push((format!("events[{i}]"), reason));
            false
        });
        for (path, reason) in reasons {
            self.report(&path, reason);
        }
    }

    /// An affiliation names an organisation among the sources, which speaks for itself.
    fn check_affiliations(&mut self, sources: &[(usize, Source)]) {
        let by_id: HashMap<&str, &Source> = sources.iter().map(|(_, s)| (s.id.as_str(), s)).collect();
        for (i, source) in sources {
            let Some(org) = &source.affiliation else { continue };
            let path = format!("sources[{i}].affiliation");
            match by_id.get(org.as_str()) {
                None => self.report(&path, format!("unknown source id {}", shown(org))),
                Some(_) if org == &source.id => self.report(&path, "a source cannot be its own affiliation"),
                Some(parent) if parent.affiliation.is_some() => self.report(
                    &path,
                    format!("{} is itself affiliated to another source; name the organisation at the top", shown(org)),
                ),
                Some(_) => {}
            }
        }
    }

    fn event(&mut self, map: &Map<String, Value>, path: &Path<'_>, ids: &Ids) -> Option<Event> {
        let id = self.id(map, path);
        let date = self.date(map, path, "date");
        let title = self.required_string(map, path, "title");
        let summary = self.required_string(map, path, "summary");
        let place = self.optional_string(map, path, "place");
        let tags = self.tags(map, path);
        let control = match map.get("control") {
            None => Ok(None),
            Some(value) => self.control(value, &path.key("control")).map(Some).ok_or(()),
        };
        let claims = match map.get("claims") {
            None => {
                self.report(path, "is missing the required field `claims`");
                None
            }
            Some(value) => self.claims(value, &path.key("claims"), ids, date.as_ref()),
        };
        Some(Event {
            id: id?,
            date: date?,
            title: title?,
            summary: summary?,
            place: place.ok()?,
            tags: tags?,
            control: control.ok()?,
            claims: claims?,
        })
    }

    fn tags(&mut self, map: &Map<String, Value>, path: &Path<'_>) -> Option<Vec<String>> {
        let Some(value) = map.get("tags") else { return Some(Vec::new()) };
        let path = path.key("tags");
        let items = self.list(value, &path)?;
        let mut tags: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.string(item, &item_path) {
                Some(tag) if tags.contains(&tag) => {
                    self.report(item_path, format!("repeats the tag {}", shown(&tag)));
                    ok = false;
                }
                Some(tag) => tags.push(tag),
                None => ok = false,
            }
        }
        ok.then_some(tags)
    }

    fn control(&mut self, value: &Value, path: &Path<'_>) -> Option<Control> {
        let map = self.object(value, path, CONTROL_FIELDS)?;
        let place = self.required_string(map, path, "place");
        let holder = self.required_string(map, path, "holder");
        Some(Control { place: place?, holder: holder? })
    }

    fn claims(&mut self, value: &Value, path: &Path<'_>, ids: &Ids, date: Option<&EventDate>) -> Option<Vec<Claim>> {
        let items = self.list(value, path)?;
        if items.is_empty() {
            self.report(path, "an event needs at least one claim: who says it happened?");
            return None;
        }
        let before = self.problems.len();
        self.unique_ids(items, path, "claim");
        let mut claims = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let claim_path = path.index(i);
            if let Some(map) = self.object(item, &claim_path, CLAIM_FIELDS) {
                claims.extend(self.claim(map, &claim_path, ids, date));
            }
        }
        (self.problems.len() == before).then_some(claims)
    }

    fn source_ref(&mut self, value: &Value, path: &Path<'_>, ids: &Ids) -> Option<String> {
        let id = self.string(value, path)?;
        if ids.sources.contains(&id) {
            Some(id)
        } else {
            self.report(path, format!("unknown source id {}", shown(&id)));
            None
        }
    }

    fn claim(&mut self, map: &Map<String, Value>, path: &Path<'_>, ids: &Ids, date: Option<&EventDate>) -> Option<Claim> {
        let id = self.id(map, path);
        let text = self.required_string(map, path, "text");
        let quote = self.optional_string(map, path, "quote");
        let by = match map.get("by") {
            Some(value) => self.source_ref(value, &path.key("by"), ids),
            None => {
                self.report(path, "is missing the required field `by`: every claim is attributed");
                None
            }
        };
        let via = self.via(map, path, ids, by.as_deref());
        let document = self.required_string(map, path, "in").and_then(|doc| {
            if !ids.documents.contains(&doc) {
                self.report(path.key("in"), format!("unknown document id {}", shown(&doc)));
                return None;
            }
            // A document cannot report what had not yet begun when it was published.
            let published_by = ids.published.get(&doc).and_then(EventDate::latest);
            if let (Some(published_by), Some(starts)) = (published_by, date.and_then(EventDate::earliest)) {
                if published_by < starts {
                    self.report(
                        path.key("in"),
                        format!("document {} was published by {published_by}, before the event's earliest possible day, {starts}", shown(&doc)),
                    );
                    return None;
                }
            }
            Some(doc)
        });
        let locator = self.optional_string(map, path, "locator");
        let stance = match map.get("stance") {
            None => Some(Stance::Supports),
            Some(value) => self.string(value, &path.key("stance")).and_then(|word| {
                let stance = Stance::ALL.into_iter().find(|s| s.as_str() == word);
                if stance.is_none() {
                    self.report(path.key("stance"), format!("{} is not a stance: use supports, qualifies or disputes", shown(&word)));
                }
                stance
            }),
        };
        Some(Claim {
            id: id?,
            text: text?,
            quote: quote.ok()?,
            by: by?,
            via: via?,
            document: document?,
            locator: locator.ok()?,
            stance: stance?,
        })
    }

    fn via(&mut self, map: &Map<String, Value>, path: &Path<'_>, ids: &Ids, by: Option<&str>) -> Option<Vec<String>> {
        let Some(value) = map.get("via") else { return Some(Vec::new()) };
        let path = path.key("via");
        let items = self.list(value, &path)?;
        let mut chain: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.source_ref(item, &item_path, ids) {
                Some(id) if Some(id.as_str()) == by => {
                    self.report(item_path, format!("{} originated the claim; it cannot also relay it", shown(&id)));
                    ok = false;
                }
                Some(id) if chain.contains(&id) => {
                    self.report(item_path, format!("{} already relays this claim earlier in the chain", shown(&id)));
                    ok = false;
                }
                Some(id) => chain.push(id),
                None => ok = false,
            }
        }
        ok.then_some(chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A small valid dataset to break one field at a time.
    fn valid() -> Value {
        json!({
            "format": "sourceline/1",
            "title": "Test",
            "description": "A dataset for tests.",
            "documents": [
                { "id": "doc", "title": "A report", "published": "2017-03-02", "kind": "news article" }
            ],
            "sources": [
                { "id": "army", "name": "An army", "kind": "military", "party": "Government" },
                { "id": "agency", "name": "An agency", "kind": "state news agency", "party": "Government" },
                { "id": "monitor", "name": "A monitor", "kind": "monitoring group" },
                { "id": "director", "name": "Its director", "kind": "official", "affiliation": "monitor" }
            ],
            "events": [
                {
                    "id": "taken",
                    "date": "2017-03-02",
                    "title": "Town taken",
                    "summary": "The army took the town.",
                    "claims": [
                        { "id": "army", "text": "The army says it took the town.", "by": "army", "via": ["agency"], "in": "doc" },
                        { "id": "monitor", "text": "Not all of it yet.", "by": "director", "in": "doc", "stance": "qualifies" }
                    ]
                }
            ]
        })
    }

    fn problems_of(value: &Value) -> Vec<String> {
        Dataset::parse(&value.to_string()).1.iter().map(Problem::to_string).collect()
    }

    /// Applies `edit` to the valid dataset and expects exactly `expected` problems.
    fn check(edit: impl FnOnce(&mut Value), expected: &[&str]) {
        let mut value = valid();
        edit(&mut value);
        assert_eq!(problems_of(&value), expected);
    }

    #[test]
    fn the_valid_fixture_has_no_problem() {
        check(|_| {}, &[]);
        let (dataset, _) = Dataset::parse(&valid().to_string());
        let dataset = dataset.unwrap();
        assert_eq!(dataset.events[0].claims[1].stance, Stance::Qualifies);
        assert_eq!(dataset.events[0].claims[0].via, ["agency"]);
    }

    #[test]
    fn every_error_kind_is_reported_with_its_path() {
        check(|v| v["format"] = json!("sourceline/2"), &["format: `sourceline/2` is not a format this app reads (expected `sourceline/1`)"]);
        check(|v| drop(v.as_object_mut().unwrap().remove("title")), &["is missing the required field `title`"]);
        check(|v| v["title"] = json!(7), &["title: must be a string, found a number"]);
        check(|v| v["title"] = json!("  "), &["title: must not be empty"]);
        check(|v| v["tittle"] = json!("x"), &["tittle: is not a field here (expected one of: format, title, description, documents, sources, events)"]);
        check(|v| v["events"] = json!({}), &["events: must be a list, found an object"]);
        check(|v| v["events"][0]["claims"][0]["via"][0] = json!("sana2"), &["events[0].claims[0].via[0]: unknown source id `sana2`"]);
        check(|v| v["events"][0]["claims"][0]["by"] = json!("nobody"), &["events[0].claims[0].by: unknown source id `nobody`"]);
        check(|v| v["events"][0]["claims"][0]["in"] = json!("nodoc"), &["events[0].claims[0].in: unknown document id `nodoc`"]);
        check(|v| v["events"][0]["date"] = json!("2016-13"), &["events[0].date: date `2016-13` is not an EDTF date (month must be 01-12 or a sub-year code 21-41)"]);
        check(|v| v["events"][0]["claims"] = json!([]), &["events[0].claims: an event needs at least one claim: who says it happened?"]);
        check(
            |v| drop(v["events"][0]["claims"][0].as_object_mut().unwrap().remove("by")),
            &["events[0].claims[0]: is missing the required field `by`: every claim is attributed"],
        );
        check(|v| v["documents"][0]["url"] = json!("javascript:alert(1)"), &["documents[0].url: `javascript:alert(1)` is not a web address: only http:// and https:// links are allowed", "events[0]: left out: it cites document `doc`, which has problems of its own"]);
        check(|v| v["sources"][1]["kind"] = json!(1), &["sources[1].kind: must be a string, found a number", "events[0]: left out: it cites source `agency`, which has problems of its own"]);
        check(|v| v["events"][0]["id"] = json!("has space"), &["events[0].id: `has space` is not a URL-safe id: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most 64 characters"]);
        check(|v| v["events"][0]["claims"][1]["stance"] = json!("maybe"), &["events[0].claims[1].stance: `maybe` is not a stance: use supports, qualifies or disputes"]);
        check(|v| v["events"][0]["claims"][0]["via"] = json!(["army"]), &["events[0].claims[0].via[0]: `army` originated the claim; it cannot also relay it"]);
        check(|v| v["events"][0]["claims"][0]["via"] = json!(["agency", "agency"]), &["events[0].claims[0].via[1]: `agency` already relays this claim earlier in the chain"]);
        check(|v| v["events"][0]["tags"] = json!(["a", "a"]), &["events[0].tags[1]: repeats the tag `a`"]);
        check(|v| v["sources"][3]["affiliation"] = json!("ghost"), &["sources[3].affiliation: unknown source id `ghost`"]);
        check(|v| v["sources"][3]["affiliation"] = json!("director"), &["sources[3].affiliation: a source cannot be its own affiliation"]);
        check(|v| v["events"][0]["control"] = json!({ "place": "Town" }), &["events[0].control: is missing the required field `holder`"]);
        check(|v| v["events"][0]["date"] = json!("2017-04"), &["events[0].claims[0].in: document `doc` was published by 2017-03-02, before the event's earliest possible day, 2017-04-01", "events[0].claims[1].in: document `doc` was published by 2017-03-02, before the event's earliest possible day, 2017-04-01"]);
        check(|v| v["documents"][0]["published"] = json!("soon"), &["documents[0].published: date `soon` is not an EDTF date (year must have exactly four digits (or X))", "events[0]: left out: it cites document `doc`, which has problems of its own"]);
    }

    #[test]
    fn duplicate_ids_are_reported_where_they_repeat() {
        check(
            |v| {
                let event = v["events"][0].clone();
                v["events"].as_array_mut().unwrap().push(event);
            },
            &["events[1].id: duplicate event id `taken` (first used at events[0])"],
        );
        check(|v| v["events"][0]["claims"][1]["id"] = json!("army"), &["events[0].claims[1].id: duplicate claim id `army` (first used at events[0].claims[0])"]);
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let problems = problems_of(&json!({
            "format": "sourceline/1", "title": "", "description": "x", "documents": [], "sources": [],
            "events": [ { "id": "a", "date": "nope", "title": "t", "summary": "s", "claims": [ { "id": "c", "text": "t", "by": "x", "in": "y" } ] } ]
        }));
        assert_eq!(problems.len(), 4, "{problems:#?}");
    }

    #[test]
    fn events_with_problems_are_left_out_and_the_rest_kept() {
        let mut value = valid();
        let mut bad = value["events"][0].clone();
        bad["id"] = json!("bad");
        bad["date"] = json!("never");
        value["events"].as_array_mut().unwrap().push(bad);
        let (dataset, problems) = Dataset::parse(&value.to_string());
        assert_eq!(problems.len(), 1);
        let ids: Vec<_> = dataset.unwrap().events.iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids, ["taken"]);
    }

    #[test]
    fn unreadable_input_is_one_problem_and_no_dataset() {
        for text in ["", "not json", "[]", "{\"format\": \"other\"}", "null"] {
            let (dataset, problems) = Dataset::parse(text);
            assert!(dataset.is_none(), "{text}");
            assert!(!problems.is_empty(), "{text}");
        }
    }

    #[test]
    fn web_urls() {
        for good in ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1"] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://", "https:///path", "//example.org", "ftp://x", "https://a b", "https://a\nb", ""] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
