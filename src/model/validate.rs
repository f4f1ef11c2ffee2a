//! Reading a dataset from JSON and checking it, reporting every problem at once.
//!
//! The reader checks each field itself rather than deserialising into the dataset's types in
//! one go, so that one bad field does not hide the next: each [`Problem`] carries the JSON path
//! where it is (`events[3].claims[1].via[0]`) and a [`ProblemKind`] a dataset author can act
//! on. The text is first read into records as written ([`super::written`]), where any value of
//! any type is a finding rather than an error; the checks run over those. Nothing here panics,
//! whatever the input.
//!
//! The reader sits above the plain types: it builds [`Dataset`]s, so it holds
//! [`Dataset::parse`], and nothing below it depends on it.

use std::collections::hash_map::Entry;
// Ids are hashed with Fx: the default hasher's resistance to crafted keys costs a twentieth of
// reading a large dataset, and a dataset can only slow its own reading.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::dataset::{
    without_byte_order_mark, Claim, Control, Dataset, Document, Event, Source, Stance, FORMAT, MAX_DATASET_BYTES,
};
use super::date::{Day, EventDate};
use super::ids::{is_site_name, is_slug, is_web_url, PageName};
use super::problem::{JsonType, ProblemKind, Record};
use super::words::count;
use super::written::{
    id_of, Field, Found, List, Lists, Span, Text, WrittenClaim, WrittenControl, WrittenDataset, WrittenDocument,
    WrittenEvent, WrittenRecord, WrittenSource, WrittenWithId,
};

/// Re-exported for callers that named it here before it had a module of its own.
pub use super::problem::Problem;

impl Dataset {
    /// Reads a dataset from JSON text. The dataset holds everything that could be read; events
    /// with problems are left out of it, and every problem is returned with its path.
    /// `None` when there is nothing usable at all (not JSON, not an object, wrong format).
    /// A leading byte-order mark, which JSON does not allow but editors write, is skipped.
    /// A text above [`MAX_DATASET_BYTES`] is refused unread, so that no link or file can
    /// freeze the browser's tab.
    pub fn parse(text: &str) -> (Option<Dataset>, Vec<Problem>) {
        if without_byte_order_mark(text).len() > MAX_DATASET_BYTES {
            return (None, vec![Problem::new("", ProblemKind::TooLarge { max_bytes: MAX_DATASET_BYTES })]);
        }
        Dataset::parse_any_size(text)
    }

    /// [`Dataset::parse`] for the build and the command line, where no tab can freeze: a text of
    /// any size is read (a site of 1,000,000 events is built from 400 MB of JSON).
    pub fn parse_any_size(text: &str) -> (Option<Dataset>, Vec<Problem>) {
        let text = without_byte_order_mark(text);
        let mut reader = Reader::default();
        let dataset = match WrittenDataset::read(text) {
            Ok(root) => reader.dataset(&root),
            Err(e) => {
                reader.report("", ProblemKind::NotJson(e.to_string()));
                None
            }
        };
        (dataset, reader.problems)
    }

    /// What a dataset holds, counted: "13 events, 31 claims, 17 sources, 1 document".
    pub fn contents(&self) -> String {
        let claims: usize = self.events.iter().map(|e| e.claims.len()).sum();
        [
            count(self.events.len(), "event", "events"),
            count(claims, "claim", "claims"),
            count(self.sources.len(), "source", "sources"),
            count(self.documents.len(), "document", "documents"),
        ]
        .join(", ")
    }
}

/// Whether a string is empty or only whitespace, as `str::trim` sees it. Most strings start
/// with a letter or digit, which settles it at once.
fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(first) if first.is_ascii_alphanumeric() => false,
        _ => text.chars().all(char::is_whitespace),
    }
}

/// Checks the records as written, collecting every problem on the way rather than stopping at
/// one.
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

/// The fields each kind of object accepts; any other is reported. The JSON Schema in
/// `docs/` lists the same (a test holds them together).
pub const DATASET_FIELDS: &[&str] = &["format", "title", "description", "documents", "sources", "events"];
/// The fields a document accepts.
pub const DOCUMENT_FIELDS: &[&str] = &["id", "title", "published", "publisher", "url", "kind"];
/// The fields a source accepts.
pub const SOURCE_FIELDS: &[&str] = &["id", "name", "kind", "description", "party", "affiliation"];
/// The fields an event accepts.
pub const EVENT_FIELDS: &[&str] = &["id", "date", "title", "summary", "place", "tags", "control", "claims"];
/// The fields an event's `control` accepts.
pub const CONTROL_FIELDS: &[&str] = &["place", "holder"];
/// The fields a claim accepts.
pub const CLAIM_FIELDS: &[&str] = &["id", "text", "quote", "by", "via", "in", "locator", "stance"];

/// One of the top-level lists: its field, the fields its items accept, and what they are.
struct ListOf {
    key: &'static str,
    fields: &'static [&'static str],
    record: Record,
}

const DOCUMENTS: ListOf = ListOf { key: "documents", fields: DOCUMENT_FIELDS, record: Record::Document };
const SOURCES: ListOf = ListOf { key: "sources", fields: SOURCE_FIELDS, record: Record::Source };
const EVENTS: ListOf = ListOf { key: "events", fields: EVENT_FIELDS, record: Record::Event };

/// The ids a dataset declares, for checking references to them. A reference to a declared
/// item that has problems of its own is not reported again here.
struct Ids<'a> {
    sources: HashSet<&'a str>,
    /// Each declared document, with the latest day a usable one can have been published on.
    documents: HashMap<&'a str, Option<Day>>,
}

/// The string ids of the objects in a top-level list, whatever else is wrong with them.
fn declared_ids<'w, 'a: 'w, R: WrittenWithId<'a>>(list: &'w Field<List<R>>) -> HashSet<&'w str> {
    let items = match list {
        Some(Ok(items)) => items.as_slice(),
        _ => &[],
    };
    items.iter().filter_map(id_of).map(|id| &**id).collect()
}

/// The items of a list whose id repeats an earlier one's, each with the earlier one's index, in
/// order. A short list (an event's claims) is searched, a long one hashed.
fn repeated_ids<'a, R: WrittenWithId<'a>>(items: &[Found<R>]) -> Vec<(usize, usize)> {
    const SHORT: usize = 16;
    let mut repeated = Vec::new();
    let mut first_at: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(if items.len() > SHORT { items.len() } else { 0 }, Default::default());
    for (i, item) in items.iter().enumerate() {
        let Some(id) = id_of(item) else { continue };
        let first = if items.len() > SHORT {
            match first_at.entry(id) {
                Entry::Occupied(first) => Some(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    None
                }
            }
        } else {
            items[..i].iter().position(|earlier| id_of(earlier) == Some(id))
        };
        repeated.extend(first.map(|j| (i, j)));
    }
    repeated
}

impl Reader {
    fn report(&mut self, path: impl fmt::Display, kind: ProblemKind) {
        self.problems.push(Problem::new(path.to_string(), kind));
    }

    /// The record, when the value is an object; its unknown fields are reported in the order
    /// of their names, each once, as a JSON object holds them.
    fn object<'w, R: WrittenRecord>(
        &mut self,
        value: &'w Found<R>,
        path: &Path<'_>,
        known: &'static [&'static str],
    ) -> Option<&'w R> {
        let record = match value {
            Ok(record) => record,
            Err(found) => {
                self.report(path, ProblemKind::WrongType { expected: JsonType::Object, found: *found });
                return None;
            }
        };
        let unknown = record.unknown_fields();
        if !unknown.is_empty() {
            let mut names: Vec<&str> = unknown.iter().map(|name| &**name).collect();
            names.sort_unstable();
            names.dedup();
            for name in names {
                self.report(path.key(name), ProblemKind::UnknownField { accepted: known });
            }
        }
        Some(record)
    }

    fn list<'w, T>(&mut self, value: &'w Found<List<T>>, path: &Path<'_>) -> Option<&'w [Found<T>]> {
        match value {
            Ok(items) => Some(items),
            Err(found) => {
                self.report(path, ProblemKind::WrongType { expected: JsonType::List, found: *found });
                None
            }
        }
    }

    /// Where a list inside an event is, when the value is a list.
    fn span<'w>(&mut self, value: &'w Found<Span>, path: &Path<'_>) -> Option<&'w Span> {
        match value {
            Ok(span) => Some(span),
            Err(found) => {
                self.report(path, ProblemKind::WrongType { expected: JsonType::List, found: *found });
                None
            }
        }
    }

    /// The text of a string that is not blank, borrowed from the record.
    fn text<'w>(&mut self, value: &'w Found<Text<'_>>, path: &Path<'_>) -> Option<&'w str> {
        match value {
            Ok(text) if is_blank(text) => {
                self.report(path, ProblemKind::Empty);
                None
            }
            Ok(text) => Some(text),
            Err(found) => {
                self.report(path, ProblemKind::WrongType { expected: JsonType::String, found: *found });
                None
            }
        }
    }

    fn string(&mut self, value: &Found<Text<'_>>, path: &Path<'_>) -> Option<String> {
        self.text(value, path).map(str::to_string)
    }

    fn required_text<'w>(&mut self, field: &'w Field<Text<'_>>, path: &Path<'_>, key: &'static str) -> Option<&'w str> {
        match field {
            Some(value) => self.text(value, &path.key(key)),
            None => {
                self.report(path, ProblemKind::MissingField(key));
                None
            }
        }
    }

    fn required_string(&mut self, field: &Field<Text<'_>>, path: &Path<'_>, key: &'static str) -> Option<String> {
        self.required_text(field, path, key).map(str::to_string)
    }

    /// `Ok(None)` when absent, `Err(())` when present but unusable (already reported).
    fn optional_string(&mut self, field: &Field<Text<'_>>, path: &Path<'_>, key: &str) -> Result<Option<String>, ()> {
        match field {
            None => Ok(None),
            Some(value) => self.string(value, &path.key(key)).map(Some).ok_or(()),
        }
    }

    fn id(&mut self, field: &Field<Text<'_>>, path: &Path<'_>) -> Option<String> {
        let id = self.required_text(field, path, "id")?;
        if is_slug(id) {
            Some(id.to_string())
        } else {
            self.report(path.key("id"), ProblemKind::NotSlug(id.to_string()));
            None
        }
    }

    fn date(&mut self, field: &Field<Text<'_>>, path: &Path<'_>, key: &'static str) -> Option<EventDate> {
        let text = self.required_text(field, path, key)?;
        match EventDate::parse(text) {
            Ok(date) => Some(date),
            Err(error) => {
                self.report(path.key(key), ProblemKind::BadDate { text: text.to_string(), error });
                None
            }
        }
    }

    /// Reports the ids of a list's items that repeat an earlier one; gives which items do.
    fn unique_ids<'a, R: WrittenWithId<'a>>(&mut self, items: &[Found<R>], path: &Path<'_>, record: Record) -> Vec<(usize, usize)> {
        let repeated = repeated_ids(items);
        for &(i, j) in &repeated {
            let Some(id) = id_of(&items[i]) else { continue };
            let first = path.index(j).to_string();
            self.report(path.index(i).key("id"), ProblemKind::DuplicateId { record, id: id.to_string(), first });
        }
        repeated
    }

    fn dataset(&mut self, root: &Found<WrittenDataset<'_>>) -> Option<Dataset> {
        let written = self.object(root, &Path::Root, DATASET_FIELDS)?;
        let format_ok = match self.required_text(&written.format, &Path::Root, "format") {
            Some(format) if format == FORMAT => true,
            Some(format) => {
                self.report("format", ProblemKind::UnknownFormat(format.to_string()));
                false
            }
            None => false,
        };
        let title = self.required_string(&written.title, &Path::Root, "title");
        let description = self.required_string(&written.description, &Path::Root, "description");

        let documents = self.section(&written.documents, &DOCUMENTS, Self::document);
        let sources = self.section(&written.sources, &SOURCES, Self::source);
        self.check_affiliations(&sources);

        let mut declared_documents: HashMap<&str, Option<Day>> =
            declared_ids(&written.documents).into_iter().map(|id| (id, None)).collect();
        for (_, usable) in &documents {
            declared_documents.insert(&usable.id, usable.published.latest());
        }
        let ids = Ids { sources: declared_ids(&written.sources), documents: declared_documents };
        let lists = &written.lists;
        let mut events =
            self.section(&written.events, &EVENTS, |reader, event, path| reader.event(event, lists, path, &ids));
        self.leave_out_same_pages(&written.events, &mut events);
        self.leave_out_events_citing_unusable(&mut events, &sources, &documents, &ids);

        if !format_ok {
            return None;
        }
        let mut dataset = Dataset {
            title: title.unwrap_or_default(),
            description: description.unwrap_or_default(),
            documents: documents.into_iter().map(|(_, d)| d).collect(),
            sources: sources.into_iter().map(|(_, s)| s).collect(),
            events: events.into_iter().map(|(_, e)| e).collect(),
            lookup: Default::default(),
        };
        dataset.sort_events();
        Some(dataset)
    }

    /// Reads one of the top-level lists. Items with problems, or whose id repeats an earlier
    /// one, are left out; each kept item comes with its index.
    fn section<'a, R: WrittenWithId<'a>, T>(
        &mut self,
        field: &Field<List<R>>,
        list: &ListOf,
        mut read: impl FnMut(&mut Self, &R, &Path<'_>) -> Option<T>,
    ) -> Vec<(usize, T)> {
        let Some(value) = field else {
            self.report("", ProblemKind::MissingField(list.key));
            return Vec::new();
        };
        let root = Path::Root;
        let path = root.key(list.key);
        let Some(items) = self.list(value, &path) else { return Vec::new() };
        let repeated = self.unique_ids(items, &path, list.record);
        let mut kept = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            let before = self.problems.len();
            let Some(written) = self.object(item, &item_path, list.fields) else { continue };
            let value = read(self, written, &item_path);
            let is_first = || repeated.binary_search_by_key(&i, |&(repeat, _)| repeat).is_err();
            if let Some(value) = value.filter(|_| self.problems.len() == before && is_first()) {
                kept.push((i, value));
            }
        }
        kept
    }

    fn document(&mut self, written: &WrittenDocument<'_>, path: &Path<'_>) -> Option<Document> {
        let id = self.id(&written.id, path);
        let title = self.required_string(&written.title, path, "title");
        let published = self.date(&written.published, path, "published");
        let publisher = self.optional_string(&written.publisher, path, "publisher");
        let url = self.optional_string(&written.url, path, "url").and_then(|url| match url {
            Some(u) if !is_web_url(&u) => {
                self.report(path.key("url"), ProblemKind::NotWebUrl(u));
                Err(())
            }
            other => Ok(other),
        });
        let kind = self.required_string(&written.kind, path, "kind");
        Some(Document { id: id?, title: title?, published: published?, publisher: publisher.ok()?, url: url.ok()?, kind: kind? })
    }

    fn source(&mut self, written: &WrittenSource<'_>, path: &Path<'_>) -> Option<Source> {
        let id = self.id(&written.id, path);
        let name = self.required_string(&written.name, path, "name");
        let kind = self.required_string(&written.kind, path, "kind");
        let description = self.optional_string(&written.description, path, "description");
        let party = self.optional_string(&written.party, path, "party");
        let affiliation = self.optional_string(&written.affiliation, path, "affiliation");
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
        declared: &Ids<'_>,
    ) {
        // The events kept cite only declared sources and documents. When every one declared is
        // usable, which is when none is left out, there is nothing to look for.
        if sources.len() == declared.sources.len() && documents.len() == declared.documents.len() {
            return;
        }
        let sources: HashSet<&str> = sources.iter().map(|(_, s)| s.id.as_str()).collect();
        let documents: HashSet<&str> = documents.iter().map(|(_, d)| d.id.as_str()).collect();
        let usable_source = |id: &String| sources.contains(id.as_str());
        let usable_document = |id: &String| documents.contains(id.as_str());
        let mut left_out = Vec::new();
        events.retain(|(i, event)| {
            let claims = event.claims.iter();
            let source = claims.clone().flat_map(|c| std::iter::once(&c.by).chain(&c.via)).find(|id| !usable_source(id));
            let document = claims.map(|c| &c.document).find(|id| !usable_document(id));
            let kind = match (source, document) {
                (Some(id), _) => ProblemKind::CitesUnusableSource(id.clone()),
                (None, Some(id)) => ProblemKind::CitesUnusableDocument(id.clone()),
                (None, None) => return true,
            };
            left_out.push((*i, kind));
            false
        });
        let events = Path::Root.key("events");
        for (i, kind) in left_out {
            self.report(events.index(i), kind);
        }
    }

    /// An affiliation names an organisation among the sources, which speaks for itself.
    fn check_affiliations(&mut self, sources: &[(usize, Source)]) {
        let by_id: HashMap<&str, &Source> = sources.iter().map(|(_, s)| (s.id.as_str(), s)).collect();
        for (i, source) in sources {
            let Some(org) = &source.affiliation else { continue };
            let sources = Path::Root.key("sources");
            let item = sources.index(*i);
            let path = item.key("affiliation");
            match by_id.get(org.as_str()) {
                None => self.report(path, ProblemKind::UnknownAffiliation(org.clone())),
                Some(_) if org == &source.id => self.report(path, ProblemKind::SelfAffiliation),
                Some(parent) if parent.affiliation.is_some() => {
                    self.report(path, ProblemKind::NestedAffiliation(org.clone()));
                }
                Some(_) => {}
            }
        }
    }

    /// Reports every event whose id differs from an earlier event's only in case, whose page
    /// would be the same file where case is ignored, and leaves it out. Exact repeats are
    /// reported as duplicates already.
    fn leave_out_same_pages(&mut self, list: &Field<List<WrittenEvent<'_>>>, events: &mut Vec<(usize, Event)>) {
        let items = match list {
            Some(Ok(items)) => items.as_slice(),
            _ => return,
        };
        let mut first_at: HashMap<PageName<'_>, usize> = HashMap::with_capacity_and_hasher(items.len(), Default::default());
        let mut left_out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(id) = id_of(item).map(|id| &**id).filter(|id| is_slug(id)) else { continue };
            match first_at.entry(PageName(id)) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(first) => {
                    let other = first.key().0;
                    // Two site names alike but for case are reported as such already.
                    if other != id && !is_site_name(id) {
                        let path = Path::Root.key(EVENTS.key);
                        let first = path.index(*first.get()).to_string();
                        let kind = ProblemKind::SamePage { id: id.to_string(), other: other.to_string(), first };
                        self.report(path.index(i).key("id"), kind);
                        left_out.push(i);
                    }
                }
            }
        }
        if !left_out.is_empty() {
            events.retain(|(i, _)| left_out.binary_search(i).is_err());
        }
    }

    fn event(&mut self, written: &WrittenEvent<'_>, lists: &Lists<'_>, path: &Path<'_>, ids: &Ids<'_>) -> Option<Event> {
        // An event's id also names its page, which must not be one of the site's own files.
        let id = self.id(&written.id, path).filter(|id| {
            let taken = is_site_name(id);
            if taken {
                self.report(path.key("id"), ProblemKind::SiteName(id.clone()));
            }
            !taken
        });
        let date = self.date(&written.date, path, "date");
        let title = self.required_string(&written.title, path, "title");
        let summary = self.required_string(&written.summary, path, "summary");
        let place = self.optional_string(&written.place, path, "place");
        let tags = self.tags(&written.tags, lists, path);
        let control = match &written.control {
            None => Ok(None),
            Some(value) => self.control(value, &path.key("control")).map(Some).ok_or(()),
        };
        let claims = match &written.claims {
            None => {
                self.report(path, ProblemKind::MissingField("claims"));
                None
            }
            Some(value) => self.claims(value, lists, &path.key("claims"), ids, date.as_ref()),
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

    fn tags(&mut self, field: &Field<Span>, lists: &Lists<'_>, path: &Path<'_>) -> Option<Vec<String>> {
        let Some(value) = field else { return Some(Vec::new()) };
        let path = path.key("tags");
        let items = lists.texts(self.span(value, &path)?);
        let mut tags: Vec<String> = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.text(item, &item_path) {
                Some(tag) if tags.iter().any(|t| t == tag) => {
                    self.report(item_path, ProblemKind::RepeatedTag(tag.to_string()));
                    ok = false;
                }
                Some(tag) => tags.push(tag.to_string()),
                None => ok = false,
            }
        }
        ok.then_some(tags)
    }

    fn control(&mut self, value: &Found<WrittenControl<'_>>, path: &Path<'_>) -> Option<Control> {
        let written = self.object(value, path, CONTROL_FIELDS)?;
        let place = self.required_string(&written.place, path, "place");
        let holder = self.required_string(&written.holder, path, "holder");
        Some(Control { place: place?, holder: holder? })
    }

    fn claims(
        &mut self,
        value: &Found<Span>,
        lists: &Lists<'_>,
        path: &Path<'_>,
        ids: &Ids<'_>,
        date: Option<&EventDate>,
    ) -> Option<Vec<Claim>> {
        let items = lists.claims(self.span(value, path)?);
        if items.is_empty() {
            self.report(path, ProblemKind::NoClaims);
            return None;
        }
        let before = self.problems.len();
        self.unique_ids(items, path, Record::Claim);
        let mut claims = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let claim_path = path.index(i);
            if let Some(written) = self.object(item, &claim_path, CLAIM_FIELDS) {
                claims.extend(self.claim(written, lists, &claim_path, ids, date));
            }
        }
        (self.problems.len() == before).then_some(claims)
    }

    /// A source id that a source declares.
    fn source_ref<'w>(&mut self, value: &'w Found<Text<'_>>, path: &Path<'_>, ids: &Ids<'_>) -> Option<&'w str> {
        let id = self.text(value, path)?;
        if ids.sources.contains(id) {
            Some(id)
        } else {
            self.report(path, ProblemKind::UnknownSource(id.to_string()));
            None
        }
    }

    fn claim(
        &mut self,
        written: &WrittenClaim<'_>,
        lists: &Lists<'_>,
        path: &Path<'_>,
        ids: &Ids<'_>,
        date: Option<&EventDate>,
    ) -> Option<Claim> {
        let id = self.id(&written.id, path);
        let text = self.required_string(&written.text, path, "text");
        let quote = self.optional_string(&written.quote, path, "quote");
        let by = match &written.by {
            Some(value) => self.source_ref(value, &path.key("by"), ids),
            None => {
                self.report(path, ProblemKind::MissingOriginator);
                None
            }
        };
        let via = self.via(&written.via, lists, path, ids, by);
        let document = self.required_text(&written.document, path, "in").and_then(|doc| {
            let Some(&published_by) = ids.documents.get(doc) else {
                self.report(path.key("in"), ProblemKind::UnknownDocument(doc.to_string()));
                return None;
            };
            // A document cannot report what had not yet begun when it was published.
            if let (Some(published_by), Some(event_starts)) = (published_by, date.and_then(EventDate::earliest)) {
                if published_by < event_starts {
                    let kind = ProblemKind::PublishedBeforeEvent { document: doc.to_string(), published_by, event_starts };
                    self.report(path.key("in"), kind);
                    return None;
                }
            }
            Some(doc.to_string())
        });
        let locator = self.optional_string(&written.locator, path, "locator");
        let stance = match &written.stance {
            None => Some(Stance::Supports),
            Some(value) => self.text(value, &path.key("stance")).and_then(|word| {
                let stance = Stance::ALL.into_iter().find(|s| s.as_str() == word);
                if stance.is_none() {
                    self.report(path.key("stance"), ProblemKind::BadStance(word.to_string()));
                }
                stance
            }),
        };
        Some(Claim {
            id: id?,
            text: text?,
            quote: quote.ok()?,
            by: by?.to_string(),
            via: via?,
            document: document?,
            locator: locator.ok()?,
            stance: stance?,
        })
    }

    fn via(
        &mut self,
        field: &Field<Span>,
        lists: &Lists<'_>,
        path: &Path<'_>,
        ids: &Ids<'_>,
        by: Option<&str>,
    ) -> Option<Vec<String>> {
        let Some(value) = field else { return Some(Vec::new()) };
        let path = path.key("via");
        let items = lists.texts(self.span(value, &path)?);
        let mut chain: Vec<String> = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = path.index(i);
            match self.source_ref(item, &item_path, ids) {
                Some(id) if Some(id) == by => {
                    self.report(item_path, ProblemKind::RelayIsOriginator(id.to_string()));
                    ok = false;
                }
                Some(id) if chain.iter().any(|c| c == id) => {
                    self.report(item_path, ProblemKind::RelayRepeated(id.to_string()));
                    ok = false;
                }
                Some(id) => chain.push(id.to_string()),
                None => ok = false,
            }
        }
        ok.then_some(chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{DateError, Day};
    use crate::model::fixtures;
    use serde_json::{json, Value};

    /// The problems found in `value`, by path and kind.
    fn problems_of(value: &Value) -> Vec<(String, ProblemKind)> {
        Dataset::parse(&value.to_string()).1.into_iter().map(|p| (p.path, p.kind)).collect()
    }

    /// One named test per case: applies the edit to the small fixture and expects exactly these
    /// problems, in this order, each by path and kind.
    macro_rules! check {
        ($name:ident, $edit:expr, [$(($path:expr, $kind:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let edit: fn(&mut Value) = $edit;
                let mut value = fixtures::small_json();
                edit(&mut value);
                let expected: Vec<(String, ProblemKind)> = vec![$(($path.to_string(), $kind)),*];
                assert_eq!(problems_of(&value), expected);
            }
        };
    }

    /// Like [`check!`], for text that is not a JSON edit of the fixture.
    macro_rules! check_text {
        ($name:ident, $text:expr, [$(($path:expr, $kind:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let text: String = $text.to_string();
                let (dataset, problems) = Dataset::parse(&text);
                let found: Vec<(String, ProblemKind)> = problems.into_iter().map(|p| (p.path, p.kind)).collect();
                let expected: Vec<(String, ProblemKind)> = vec![$(($path.to_string(), $kind)),*];
                assert_eq!(found, expected);
                assert!(dataset.is_none(), "nothing usable is read");
            }
        };
    }

    use JsonType::{List, Number, Object};
    use ProblemKind::*;

    /// A date edtf-core refuses, with its reason.
    fn bad_date(text: &str, reason: &str) -> ProblemKind {
        BadDate { text: text.into(), error: DateError::NotEdtf(reason.into()) }
    }

    fn day(text: &str) -> Day {
        EventDate::parse(text).unwrap().anchor()
    }

    #[test]
    fn the_small_fixture_has_no_problem() {
        assert_eq!(problems_of(&fixtures::small_json()), []);
        let dataset = fixtures::small();
        assert_eq!(dataset.events[0].claims[1].stance, Stance::Qualifies);
        assert_eq!(dataset.events[0].claims[0].via, ["agency"]);
    }

    check_text!(too_large, " ".repeat(MAX_DATASET_BYTES + 1), [("", TooLarge { max_bytes: MAX_DATASET_BYTES })]);

    /// The cap is the browser's: the build reads a dataset of any size, the same way.
    #[test]
    fn the_build_reads_a_dataset_above_the_app_s_cap() {
        let padded = format!("{}{}", " ".repeat(MAX_DATASET_BYTES), crate::model::fixtures::SMALL_JSON);
        let (dataset, problems) = Dataset::parse(&padded);
        assert!(dataset.is_none());
        assert_eq!(problems, [Problem::new("", TooLarge { max_bytes: MAX_DATASET_BYTES })]);
        let (dataset, problems) = Dataset::parse_any_size(&padded);
        assert_eq!((dataset.as_ref(), problems), (Some(&crate::model::fixtures::small()), Vec::new()));
    }
    check_text!(
        not_json,
        "not json",
        [("", NotJson("expected ident at line 1 column 2".into()))]
    );
    check_text!(not_an_object, "[]", [("", WrongType { expected: Object, found: List })]);
    check_text!(
        another_format,
        r#"{"format": "other"}"#,
        [
            ("format", UnknownFormat("other".into())),
            ("", MissingField("title")),
            ("", MissingField("description")),
            ("", MissingField("documents")),
            ("", MissingField("sources")),
            ("", MissingField("events")),
        ]
    );
    check!(unknown_format, |v| v["format"] = json!("sourceline/2"), [("format", UnknownFormat("sourceline/2".into()))]);
    check!(missing_title, |v| drop(v.as_object_mut().unwrap().remove("title")), [("", MissingField("title"))]);
    check!(title_not_a_string, |v| v["title"] = json!(7), [("title", WrongType { expected: JsonType::String, found: Number })]);
    check!(empty_title, |v| v["title"] = json!("  "), [("title", Empty)]);
    check!(unknown_field, |v| v["tittle"] = json!("x"), [("tittle", UnknownField { accepted: DATASET_FIELDS })]);
    check!(
        unknown_claim_field,
        |v| v["events"][0]["claims"][0]["source"] = json!("army"),
        [("events[0].claims[0].source", UnknownField { accepted: CLAIM_FIELDS })]
    );
    check!(events_not_a_list, |v| v["events"] = json!({}), [("events", WrongType { expected: List, found: Object })]);
    check!(
        claim_not_an_object,
        |v| v["events"][0]["claims"][1] = json!(null),
        [("events[0].claims[1]", WrongType { expected: Object, found: JsonType::Null })]
    );
    check!(unknown_relay, |v| v["events"][0]["claims"][0]["via"][0] = json!("sana2"), [("events[0].claims[0].via[0]", UnknownSource("sana2".into()))]);
    check!(unknown_originator, |v| v["events"][0]["claims"][0]["by"] = json!("nobody"), [("events[0].claims[0].by", UnknownSource("nobody".into()))]);
    check!(unknown_document, |v| v["events"][0]["claims"][0]["in"] = json!("nodoc"), [("events[0].claims[0].in", UnknownDocument("nodoc".into()))]);
    check!(
        bad_event_date,
        |v| v["events"][0]["date"] = json!("2016-13"),
        [("events[0].date", bad_date("2016-13", "month must be 01-12 or a sub-year code 21-41"))]
    );
    check!(
        event_date_with_time_of_day,
        |v| v["events"][0]["date"] = json!("2017-03-02T10:00:00"),
        [("events[0].date", BadDate { text: "2017-03-02T10:00:00".into(), error: DateError::HasTimeOfDay })]
    );
    check!(no_claims, |v| v["events"][0]["claims"] = json!([]), [("events[0].claims", NoClaims)]);
    check!(
        claim_without_originator,
        |v| drop(v["events"][0]["claims"][0].as_object_mut().unwrap().remove("by")),
        [("events[0].claims[0]", MissingOriginator)]
    );
    check!(
        claim_without_document,
        |v| drop(v["events"][0]["claims"][0].as_object_mut().unwrap().remove("in")),
        [("events[0].claims[0]", MissingField("in"))]
    );
    check!(
        document_url_not_on_the_web,
        |v| v["documents"][0]["url"] = json!("javascript:alert(1)"),
        [("documents[0].url", NotWebUrl("javascript:alert(1)".into())), ("events[0]", CitesUnusableDocument("doc".into()))]
    );
    check!(
        source_kind_not_a_string,
        |v| v["sources"][1]["kind"] = json!(1),
        [("sources[1].kind", WrongType { expected: JsonType::String, found: Number }), ("events[0]", CitesUnusableSource("agency".into()))]
    );
    check!(event_id_not_a_slug, |v| v["events"][0]["id"] = json!("has space"), [("events[0].id", NotSlug("has space".into()))]);
    check!(event_id_a_site_name, |v| v["events"][0]["id"] = json!("Sitemap"), [("events[0].id", SiteName("Sitemap".into()))]);
    check!(event_id_ending_in_html, |v| v["events"][0]["id"] = json!("taken.html"), [("events[0].id", SiteName("taken.html".into()))]);
    check!(
        event_ids_differing_only_in_case,
        |v| {
            let mut again = v["events"][0].clone();
            again["id"] = json!("Taken");
            v["events"].as_array_mut().unwrap().push(again);
        },
        [("events[1].id", SamePage { id: "Taken".into(), other: "taken".into(), first: "events[0]".into() })]
    );
    check!(bad_stance, |v| v["events"][0]["claims"][1]["stance"] = json!("maybe"), [("events[0].claims[1].stance", BadStance("maybe".into()))]);
    check!(relay_is_originator, |v| v["events"][0]["claims"][0]["via"] = json!(["army"]), [("events[0].claims[0].via[0]", RelayIsOriginator("army".into()))]);
    check!(
        relay_repeated,
        |v| v["events"][0]["claims"][0]["via"] = json!(["agency", "agency"]),
        [("events[0].claims[0].via[1]", RelayRepeated("agency".into()))]
    );
    check!(repeated_tag, |v| v["events"][0]["tags"] = json!(["a", "a"]), [("events[0].tags[1]", RepeatedTag("a".into()))]);
    check!(empty_tag, |v| v["events"][0]["tags"] = json!(["a", ""]), [("events[0].tags[1]", Empty)]);
    check!(unknown_affiliation, |v| v["sources"][3]["affiliation"] = json!("ghost"), [("sources[3].affiliation", UnknownAffiliation("ghost".into()))]);
    check!(self_affiliation, |v| v["sources"][3]["affiliation"] = json!("director"), [("sources[3].affiliation", SelfAffiliation)]);
    check!(
        nested_affiliation,
        |v| v["sources"][2]["affiliation"] = json!("agency"),
        [("sources[3].affiliation", NestedAffiliation("monitor".into()))]
    );
    check!(control_without_holder, |v| v["events"][0]["control"] = json!({ "place": "Town" }), [("events[0].control", MissingField("holder"))]);
    check!(
        document_published_before_the_event,
        |v| v["events"][0]["date"] = json!("2017-04"),
        [
            ("events[0].claims[0].in", PublishedBeforeEvent { document: "doc".into(), published_by: day("2017-03-02"), event_starts: day("2017-04-01") }),
            ("events[0].claims[1].in", PublishedBeforeEvent { document: "doc".into(), published_by: day("2017-03-02"), event_starts: day("2017-04-01") }),
        ]
    );
    check!(
        document_date_unreadable,
        |v| v["documents"][0]["published"] = json!("soon"),
        [
            ("documents[0].published", bad_date("soon", "year must have exactly four digits (or X)")),
            ("events[0]", CitesUnusableDocument("doc".into())),
        ]
    );
    check!(
        duplicate_event_id,
        |v| {
            let event = v["events"][0].clone();
            v["events"].as_array_mut().unwrap().push(event);
        },
        [("events[1].id", DuplicateId { record: Record::Event, id: "taken".into(), first: "events[0]".into() })]
    );
    check!(
        duplicate_claim_id,
        |v| v["events"][0]["claims"][1]["id"] = json!("army"),
        [("events[0].claims[1].id", DuplicateId { record: Record::Claim, id: "army".into(), first: "events[0].claims[0]".into() })]
    );
    check!(
        duplicate_source_id,
        |v| {
            let monitor = v["sources"][2].clone();
            v["sources"].as_array_mut().unwrap().push(monitor);
        },
        [("sources[4].id", DuplicateId { record: Record::Source, id: "monitor".into(), first: "sources[2]".into() })]
    );

    /// The reader and the wording together give the sentences authors have always read.
    #[test]
    fn problems_read_as_path_and_sentence() {
        let mut value = fixtures::small_json();
        value["events"][0]["claims"][0]["via"][0] = json!("sana2");
        value["events"][0]["date"] = json!("2016-13");
        value["tittle"] = json!("x");
        drop(value.as_object_mut().unwrap().remove("description"));
        let sentences: Vec<String> = Dataset::parse(&value.to_string()).1.iter().map(Problem::to_string).collect();
        assert_eq!(
            sentences,
            [
                "tittle: is not a field here (expected one of: format, title, description, documents, sources, events)",
                "is missing the required field `description`",
                "events[0].date: date `2016-13` is not an EDTF date (month must be 01-12 or a sub-year code 21-41)",
                "events[0].claims[0].via[0]: unknown source id `sana2`",
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let (_, problems) = Dataset::parse(
            &json!({
                "format": "sourceline/1", "title": "", "description": "x", "documents": [], "sources": [],
                "events": [ { "id": "a", "date": "nope", "title": "t", "summary": "s", "claims": [ { "id": "c", "text": "t", "by": "x", "in": "y" } ] } ]
            })
            .to_string(),
        );
        assert_eq!(problems.len(), 4, "{problems:#?}");
    }

    /// The small fixture with a copy of its event added, changed by `edit`: how many problems
    /// reading it finds, and the ids of the events kept.
    fn with_a_second_event(edit: impl FnOnce(&mut Value)) -> (usize, Vec<String>) {
        let mut value = fixtures::small_json();
        let mut second = value["events"][0].clone();
        edit(&mut second);
        value["events"].as_array_mut().unwrap().push(second);
        let (dataset, problems) = Dataset::parse(&value.to_string());
        (problems.len(), dataset.unwrap().events.iter().map(|e| e.id.clone()).collect())
    }

    #[test]
    fn events_with_problems_are_left_out_and_the_rest_kept() {
        let kept = with_a_second_event(|bad| {
            bad["id"] = json!("bad");
            bad["date"] = json!("never");
        });
        assert_eq!(kept, (1, vec!["taken".to_string()]));
    }

    #[test]
    fn of_two_events_with_one_page_the_first_is_kept() {
        let kept = with_a_second_event(|again| again["id"] = json!("TAKEN"));
        assert_eq!(kept, (1, vec!["taken".to_string()]));
    }

    #[test]
    fn a_byte_order_mark_before_the_text_is_skipped() {
        let text = format!("\u{feff}{}", fixtures::SMALL_JSON);
        assert_eq!(Dataset::parse(&text), Dataset::parse(fixtures::SMALL_JSON));
        assert!(Dataset::parse(&text).1.is_empty());
        // Only before the text: anywhere else it is a character JSON does not allow there.
        let (_, problems) = Dataset::parse(&format!(" \u{feff}{}", fixtures::SMALL_JSON));
        assert!(matches!(problems[..], [Problem { kind: NotJson(_), .. }]), "{problems:?}");
    }

    #[test]
    fn contents_are_counted_in_the_singular_for_one_only() {
        let (dataset, _) = Dataset::parse(fixtures::SMALL_JSON);
        assert_eq!(dataset.unwrap().contents(), "1 event, 2 claims, 4 sources, 1 document");
    }

    #[test]
    fn unreadable_input_is_a_problem_and_no_dataset() {
        for text in ["", "not json", "[]", "{\"format\": \"other\"}", "null"] {
            let (dataset, problems) = Dataset::parse(text);
            assert!(dataset.is_none(), "{text}");
            assert!(!problems.is_empty(), "{text}");
        }
    }

    /// The small fixture's text with `fields` written first in its top-level object and
    /// `last` written last.
    fn small_text_with(fields: &str, last: &str) -> String {
        let text = fixtures::SMALL_JSON.trim_end();
        let inner = &text[1..text.len() - 1];
        format!("{{{fields}{inner}{last}}}")
    }

    fn text_problems(text: &str) -> Vec<(String, ProblemKind)> {
        Dataset::parse(text).1.into_iter().map(|p| (p.path, p.kind)).collect()
    }

    // The reader once read a tree of `serde_json::Value`s; these hold what that tree gave for
    // free now that the text is read straight into records.

    #[test]
    fn unknown_fields_are_reported_once_each_in_the_order_of_their_names() {
        let text = small_text_with(r#""zz": 1, "aa": 2, "zz": 3,"#, "");
        let unknown = UnknownField { accepted: DATASET_FIELDS };
        assert_eq!(text_problems(&text), [("aa".to_string(), unknown.clone()), ("zz".to_string(), unknown)]);
    }

    #[test]
    fn a_field_written_twice_has_its_last_value() {
        assert_eq!(text_problems(&small_text_with(r#""title": 7,"#, "")), []);
        let wrong = WrongType { expected: JsonType::String, found: Number };
        assert_eq!(text_problems(&small_text_with("", r#", "title": 7"#)), [("title".to_string(), wrong)]);
    }

    #[test]
    fn nesting_deeper_than_json_allows_is_not_json_even_where_unused() {
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        let (dataset, problems) = Dataset::parse(&small_text_with(&format!(r#""zz": {deep},"#), ""));
        assert!(dataset.is_none());
        assert_eq!(problems, [Problem::new("", NotJson("recursion limit exceeded at line 1 column 134".into()))]);
    }

    #[test]
    fn escaped_strings_read_as_what_they_stand_for() {
        let mut value = fixtures::small_json();
        let event = value["events"][0].clone();
        value["events"].as_array_mut().unwrap().push(event);
        let text = value.to_string().replacen(r#""Town taken""#, r#""Town \u0074aken""#, 1).replacen(r#""id":"taken""#, r#""id":"\u0074aken""#, 2);
        let (dataset, problems) = Dataset::parse(&text);
        let first = "events[0]".to_string();
        assert_eq!(problems, [Problem::new("events[1].id", DuplicateId { record: Record::Event, id: "taken".into(), first })]);
        assert_eq!(dataset.unwrap().events[0].title, "Town taken");
    }

    /// Each field a record accepts is read as that field, never taken for an unknown one.
    #[test]
    fn every_accepted_field_is_read() {
        let mut value = fixtures::small_json();
        /// Where in the dataset an object is.
        type Within = fn(&mut Value) -> &mut Value;
        let objects: [(&[&str], Within); 6] = [
            (DATASET_FIELDS, |v| v),
            (DOCUMENT_FIELDS, |v| &mut v["documents"][0]),
            (SOURCE_FIELDS, |v| &mut v["sources"][0]),
            (EVENT_FIELDS, |v| &mut v["events"][0]),
            (CONTROL_FIELDS, |v| &mut v["events"][0]["control"]),
            (CLAIM_FIELDS, |v| &mut v["events"][0]["claims"][0]),
        ];
        for (fields, object) in objects.iter().rev() {
            for field in *fields {
                let object = object(&mut value);
                if object.get(field).is_none() {
                    object[field] = json!(true);
                }
            }
        }
        let unknown: Vec<_> = problems_of(&value).into_iter().filter(|(_, kind)| matches!(kind, UnknownField { .. })).collect();
        assert_eq!(unknown, []);
    }
}
