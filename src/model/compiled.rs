//! The compiled catalog: a checked dataset as the build writes it for the app, read with no JSON.
//!
//! `site`, the build's step that writes the static site, checks a dataset with the reader, then
//! writes it here as bytes, `_catalog.slcat` beside the pages; the app downloads those bytes and
//! reads them back into the same [`Dataset`] without tokenising JSON, without a field-by-field
//! check and without looking up an id by its text.
//!
//! The layout is columnar (ARCHITECTURE.md, "The compiled catalog", gives the figures that chose
//! it over a layout of fixed-width rows):
//!
//! ```text
//! magic "SLCAT" 0 · version u16 · checksum u64 (of everything after it, see [`checksum`])
//! the length of each of the 20 columns below, then the columns end to end:
//! head:       documents, sources, events, claims (counts); title; description
//! documents:  id, title, published, publisher (string)?, url?, kind (string)
//! sources:    id, name, kind (string), description?, party (string)?, affiliation (source)?
//! events:     one column each: ids, dates, titles, summaries, places (string)?,
//!             tags (count, strings), control (place (string)?, holder (string)), claims (count)
//! claims:     one column each: ids, texts, quotes?, by (source), via (count, sources),
//!             documents (document), locators?, stances (a byte)
//! strings:    the text that repeats (tags, places, kinds, parties, publishers), each once
//! ```
//!
//! Numbers are LEB128 varints; a text is its length and its UTF-8; an absent field (`?`) is 0,
//! and a present one is written one more than it is. A field that names a source, a document or
//! a string names it by its position, never by its id. Each column holds one kind of value, so
//! gzip finds the repeats of each (dates beside dates, titles beside titles): the catalog is
//! smaller compressed than the JSON it was written from.
//!
//! Reading never panics and never gives a wrong picture. A file is refused, with what is wrong
//! and where, when it is not a catalog, is another version, is cut short or changed (the
//! checksum), names a string, source, document, tag or claim that is not there, or describes a
//! dataset the reader would refuse in a way the app relies on (an event without claims, ids that
//! repeat or name the site's files, a date that is not EDTF, a link that is not `http:` or
//! `https:`, events out of chronological order, an affiliation to oneself or through another).

use std::fmt;

use super::dataset::{Claim, Control, Dataset, Document, Event, Source, Stance};
use super::date::{chronological_key, EventDate};
use super::ids::{is_site_name, is_slug, is_web_url, PageName};

/// The file the site writes the dataset into, beside its pages, and the app reads. Its name
/// cannot be an event's page: ids start with a letter or a digit.
pub const FILE: &str = "_catalog.slcat";

/// What every compiled catalog starts with.
pub const MAGIC: &[u8; 6] = b"SLCAT\0";

/// The version of the layout this code writes and reads.
pub const VERSION: u16 = 1;

/// Where the columns start: after the magic, the version and the checksum, which covers
/// everything from here on.
pub const HEADER: usize = MAGIC.len() + 2 + 8;

/// How many columns a catalog has.
const COLUMNS: usize = 20;

/// Why bytes are not a catalog the app can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledError {
    /// The bytes do not start as a compiled catalog does.
    NotACatalog,
    /// A catalog of another version of the layout.
    OtherVersion(u16),
    /// The bytes differ from what was written: cut short, or changed.
    Changed,
    /// The bytes end before the part named.
    Truncated(&'static str),
    /// A number in the part named points outside what the catalog holds.
    OutOfRange(&'static str, usize),
    /// The catalog's text is not UTF-8, or a string ends inside a character.
    NotText,
    /// What the catalog describes is not a dataset the app shows: the rule broken, and where.
    Invalid(&'static str, String),
}

impl fmt::Display for CompiledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompiledError::NotACatalog => f.write_str("is not a compiled sourceline catalog"),
            CompiledError::OtherVersion(version) => {
                write!(f, "is a compiled catalog of version {version}; this app reads version {VERSION}: build the site again")
            }
            CompiledError::Changed => f.write_str("was changed or cut short since it was built (its checksum differs)"),
            CompiledError::Truncated(part) => write!(f, "ends before its {part}"),
            CompiledError::OutOfRange(part, at) => write!(f, "names something it does not hold, in its {part} at {at}"),
            CompiledError::NotText => f.write_str("holds text that is not UTF-8"),
            CompiledError::Invalid(rule, at) => write!(f, "is not a dataset the app can show: {rule}, at {at}"),
        }
    }
}

/// A 64-bit checksum, eight bytes at a step (each word mixed in with a multiply and a rotation,
/// the length last): the same on every platform, enough to notice a changed, missing or moved
/// byte, and about eight times faster than FNV-1a's byte at a time, which took 25 ms of a
/// 100,000-event catalog's read natively. Not made to resist a forger: the catalog comes from the
/// site's own origin, and its reader checks what it reads anyway.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Summing::new();
    sum.add(bytes);
    sum.finish()
}

/// [`checksum`] worked out a part at a time, as the bytes are copied where they are read: the
/// parts may be cut anywhere.
pub struct Summing {
    hash: u64,
    len: usize,
    /// The bytes of a word not yet whole, at the end of the last part.
    word: [u8; 8],
    filled: usize,
}

const SUM_START: u64 = 0xcbf2_9ce4_8422_2325;

fn mix(hash: u64, word: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    (hash ^ word).wrapping_mul(K).rotate_left(29)
}

impl Summing {
    pub fn new() -> Summing {
        Summing { hash: SUM_START, len: 0, word: [0; 8], filled: 0 }
    }

    /// Adds the next part of the bytes.
    pub fn add(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len();
        if self.filled > 0 {
            let take = bytes.len().min(8 - self.filled);
            self.word[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 8 {
                return;
            }
            self.hash = mix(self.hash, u64::from_le_bytes(self.word));
            self.filled = 0;
        }
        let mut words = bytes.chunks_exact(8);
        self.hash = words.by_ref().fold(self.hash, |hash, w| mix(hash, u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])));
        let rest = words.remainder();
        self.word[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    /// The checksum of every part added, in order.
    pub fn finish(mut self) -> u64 {
        self.word[self.filled..].fill(0);
        mix(mix(self.hash, u64::from_le_bytes(self.word)), self.len as u64)
    }
}

impl Default for Summing {
    fn default() -> Summing {
        Summing::new()
    }
}

/// A column being written: numbers as LEB128 varints, texts as their length and their UTF-8.
#[derive(Default)]
pub(super) struct Column(pub(super) Vec<u8>);

impl Column {
    pub(super) fn number(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend(text.as_bytes());
    }
    fn optional_text(&mut self, text: Option<&str>) {
        match text {
            None => self.number(0),
            Some(text) => {
                self.number(text.len() as u64 + 1);
                self.0.extend(text.as_bytes());
            }
        }
    }
}

#[derive(Default)]
struct Table<'a> {
    numbers: rustc_hash::FxHashMap<&'a str, u64>,
    column: Column,
}

impl<'a> Table<'a> {
    fn number(&mut self, text: &'a str) -> u64 {
        let next = self.numbers.len() as u64;
        let column = &mut self.column;
        *self.numbers.entry(text).or_insert_with(|| {
            column.text(text);
            next
        })
    }
}

pub fn write(dataset: &Dataset) -> Vec<u8> {
    write_range(dataset, 0..dataset.events.len())
}

/// How many parts a catalog is handed over in, where it is (see [`write_parts`]): the first is
/// read while the next are written.
pub const PARTS: usize = 4;

/// The dataset's catalog in at most `parts` parts of as many events each, in order, and at
/// least one: each part is a catalog of its own, with the dataset's head, documents and
/// sources and its share of the events, so that it can be read as soon as it is written, while
/// the next is. [`join`] makes the dataset of the parts read.
pub fn write_parts(dataset: &Dataset, parts: usize) -> impl Iterator<Item = Vec<u8>> + '_ {
    let all = dataset.events.len();
    let each = all.div_ceil(parts.max(1)).max(1);
    (0..all.div_ceil(each).max(1)).map(move |part| write_range(dataset, part * each..((part + 1) * each).min(all)))
}

/// The dataset of the parts of a catalog ([`write_parts`]), each read: refused if a part is of
/// another dataset (another head, other documents or sources), or if the events, together,
/// break a rule that takes all of them (ids unique, in chronological order).
pub fn join(parts: Vec<Dataset>) -> Result<Dataset, CompiledError> {
    let whole = join_parts(parts)?;
    check_whole(&whole)?;
    Ok(whole)
}

/// The first half of [`join`], for a page that does each in a task of its own: the parts made
/// one, not yet checked as a whole ([`check_whole`]).
pub fn join_parts(parts: Vec<Dataset>) -> Result<Dataset, CompiledError> {
    let mut parts = parts.into_iter();
    let mut whole = parts.next().ok_or(CompiledError::Truncated("parts"))?;
    for (at, part) in parts.enumerate() {
        let same = part.title == whole.title && part.description == whole.description && part.documents == whole.documents && part.sources == whole.sources;
        if !same {
            return Err(invalid("the parts are of different datasets", format_args!("parts[{}]", at + 1)));
        }
        whole.events.extend(part.events);
    }
    Ok(whole)
}

/// The second half of [`join`]: the rules that take every event, checked across the parts.
pub fn check_whole(whole: &Dataset) -> Result<(), CompiledError> {
    whole_rules(&whole.events)
}

/// The rules that take every event: page names unique, and the events in time order.
fn whole_rules(events: &[Event]) -> Result<(), CompiledError> {
    let mut pages = rustc_hash::FxHashSet::default();
    pages.reserve(events.len());
    if let Some(at) = events.iter().position(|e| !pages.insert(PageName(&e.id))) {
        return Err(invalid("an event id is not a slug, names a file of the site, or repeats another", format_args!("events[{at}].id")));
    }
    if !events.windows(2).all(|pair| chronological_key(&pair[0].date) <= chronological_key(&pair[1].date)) {
        return Err(invalid("the events are not in chronological order", "events"));
    }
    Ok(())
}

/// The catalog of the dataset's head, documents and sources and of the events in `range`.
pub fn write_range(dataset: &Dataset, range: std::ops::Range<usize>) -> Vec<u8> {
    let events = &dataset.events[range];
    let mut table = Table::default();
    let mut c: [Column; COLUMNS] = Default::default();
    let [head, documents, sources, e_id, e_date, e_title, e_summary, e_place, e_tags, e_control, e_claims, c_id, c_text, c_quote, c_by, c_via, c_document, c_locator, c_stance, _] = &mut c;
    let source_number: rustc_hash::FxHashMap<&str, u64> =
        dataset.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u64)).collect();
    let document_number: rustc_hash::FxHashMap<&str, u64> =
        dataset.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i as u64)).collect();
    let claims: usize = events.iter().map(|e| e.claims.len()).sum();
    // The large columns are given their room at once (a length takes a few bytes): grown by
    // doubling, they were copied over and over, a third of the time a large catalog took.
    let all_claims = || events.iter().flat_map(|e| &e.claims);
    let events = events.iter();
    e_id.0.reserve(events.clone().map(|e| e.id.len() + 2).sum());
    e_date.0.reserve(events.clone().map(|e| e.date.as_str().len() + 1).sum());
    e_title.0.reserve(events.clone().map(|e| e.title.len() + 2).sum());
    e_summary.0.reserve(events.clone().map(|e| e.summary.len() + 2).sum());
    c_id.0.reserve(all_claims().map(|c| c.id.len() + 1).sum());
    c_text.0.reserve(all_claims().map(|c| c.text.len() + 2).sum());
    c_quote.0.reserve(all_claims().map(|c| c.quote.as_ref().map_or(1, |q| q.len() + 2)).sum());
    for n in [dataset.documents.len(), dataset.sources.len(), events.len(), claims] {
        head.number(n as u64);
    }
    head.text(&dataset.title);
    head.text(&dataset.description);
    for d in &dataset.documents {
        documents.text(&d.id);
        documents.text(&d.title);
        documents.text(d.published.as_str());
        documents.number(d.publisher.as_deref().map_or(0, |p| table.number(p) + 1));
        documents.optional_text(d.url.as_deref());
        documents.number(table.number(&d.kind));
    }
    for s in &dataset.sources {
        sources.text(&s.id);
        sources.text(&s.name);
        sources.number(table.number(&s.kind));
        sources.optional_text(s.description.as_deref());
        sources.number(s.party.as_deref().map_or(0, |p| table.number(p) + 1));
        sources.number(s.affiliation.as_deref().and_then(|a| source_number.get(a)).map_or(0, |n| n + 1));
    }
    for e in events {
        e_id.text(&e.id);
        e_date.text(e.date.as_str());
        e_title.text(&e.title);
        e_summary.text(&e.summary);
        e_place.number(e.place.as_deref().map_or(0, |p| table.number(p) + 1));
        e_tags.number(e.tags.len() as u64);
        for tag in &e.tags {
            e_tags.number(table.number(tag));
        }
        match &e.control {
            None => e_control.number(0),
            Some(control) => {
                e_control.number(table.number(&control.place) + 1);
                e_control.number(table.number(&control.holder));
            }
        }
        e_claims.number(e.claims.len() as u64);
        for claim in &e.claims {
            c_id.text(&claim.id);
            c_text.text(&claim.text);
            c_quote.optional_text(claim.quote.as_deref());
            c_by.number(source_number.get(claim.by.as_str()).copied().unwrap_or(u64::MAX));
            c_via.number(claim.via.len() as u64);
            for id in &claim.via {
                c_via.number(source_number.get(id.as_str()).copied().unwrap_or(u64::MAX));
            }
            c_document.number(document_number.get(claim.document.as_str()).copied().unwrap_or(u64::MAX));
            c_locator.optional_text(claim.locator.as_deref());
            c_stance.0.push(claim.stance as u8);
        }
    }
    c[19] = std::mem::take(&mut table.column);
    // The columns are copied once, into the catalog, whose checksum is written last.
    let mut lengths = Column::default();
    for column in &c {
        lengths.number(column.0.len() as u64);
    }
    let mut out = Vec::with_capacity(HEADER + lengths.0.len() + c.iter().map(|column| column.0.len()).sum::<usize>());
    out.extend(MAGIC);
    out.extend(VERSION.to_le_bytes());
    out.extend([0; 8]);
    out.extend(&lengths.0);
    for column in c {
        out.extend(column.0);
    }
    let sum = checksum(&out[HEADER..]);
    out[HEADER - 8..HEADER].copy_from_slice(&sum.to_le_bytes());
    out
}

/// Bytes being read as a [`Column`] wrote them, `name` saying where in a refusal.
pub(super) struct Cursor<'a> {
    pub(super) name: &'static str,
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn number(&mut self) -> Result<u64, CompiledError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(CompiledError::Truncated(self.name))?;
            self.at += 1;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(CompiledError::OutOfRange(self.name, self.at))
    }
    pub(super) fn count(&mut self, most: usize) -> Result<usize, CompiledError> {
        let n = self.number()?;
        usize::try_from(n).ok().filter(|&n| n <= most).ok_or(CompiledError::OutOfRange(self.name, self.at))
    }
    fn bytes(&mut self, len: usize) -> Result<&'a [u8], CompiledError> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len()).ok_or(CompiledError::Truncated(self.name))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn text(&mut self) -> Result<&'a str, CompiledError> {
        let len = self.count(self.bytes.len())?;
        std::str::from_utf8(self.bytes(len)?).map_err(|_| CompiledError::NotText)
    }
    fn optional_text(&mut self) -> Result<Option<&'a str>, CompiledError> {
        match self.count(self.bytes.len() + 1)? {
            0 => Ok(None),
            n => std::str::from_utf8(self.bytes(n - 1)?).map(Some).map_err(|_| CompiledError::NotText),
        }
    }
    fn string(&mut self) -> Result<String, CompiledError> {
        self.text().map(str::to_string)
    }
    fn optional_string(&mut self) -> Result<Option<String>, CompiledError> {
        self.optional_text().map(|t| t.map(str::to_string))
    }
    fn of<'t, T>(&mut self, items: &'t [T]) -> Result<&'t T, CompiledError> {
        let n = self.number()?;
        usize::try_from(n).ok().and_then(|n| items.get(n)).ok_or(CompiledError::OutOfRange(self.name, self.at))
    }
    fn optional_of<'t, T>(&mut self, items: &'t [T]) -> Result<Option<&'t T>, CompiledError> {
        match self.number()? {
            0 => Ok(None),
            n => usize::try_from(n - 1).ok().and_then(|n| items.get(n)).map(Some).ok_or(CompiledError::OutOfRange(self.name, self.at)),
        }
    }
}

const NAMES: [&str; COLUMNS] = [
    "head", "documents", "sources", "event ids", "event dates", "event titles", "event summaries", "event places", "event tags", "event control",
    "event claims", "claim ids", "claim texts", "claim quotes", "claim sources", "claim relays", "claim documents", "claim locators", "claim stances", "strings",
];

/// How many events the app reads from the site's catalog in one step: natively 1.7 ms of
/// reading per 1,000 events (`cargo bench --bench read`), a few times that in a browser.
pub const EVENTS_PER_STEP: usize = 1_000;

/// How long the app goes on reading steps in one task before it lets the page answer: under
/// the 50 ms from which a browser counts a long task, with room for a step and a collection of
/// JavaScript's garbage (at 40 ms, tasks of 46 to 52 ms were seen). Each task ends
/// with a wait of a few milliseconds, so fewer, fuller tasks finish sooner (at 100,000 events,
/// 20 tasks of 5,000 events made the first draw 110 ms later than one task).
pub const TASK_MS: f64 = 30.0;

/// Reads a compiled catalog back into the dataset it was written from.
pub fn read(bytes: &[u8]) -> Result<Dataset, CompiledError> {
    let mut reading = Reading::new(bytes)?;
    loop {
        if let Some(dataset) = reading.step(usize::MAX)? {
            return Ok(dataset);
        }
    }
}

/// A catalog being read a number of events at a time, so that a page can answer between the
/// steps: at 100,000 events reading it whole is one task of a few hundred milliseconds. The
/// header, the checksum, the documents and the sources are read when it starts; each
/// [`Reading::step`] reads the next events; the last checks what takes all of them (ids
/// unique, time order). What it returns, and where it refuses the bytes, is what [`read`]
/// does, whatever the steps.
pub struct Reading<B> {
    bytes: B,
    /// Where each column lies in `bytes`, and how far it has been read.
    columns: [(usize, usize); COLUMNS],
    read_to: [usize; COLUMNS],
    table: Vec<String>,
    dataset: Dataset,
    events: usize,
    list: Vec<Event>,
    /// The rules that take every event, checked a step at a time (see [`Reading::step`]).
    whole: WholeRules,
}

/// What [`whole_rules`] checks, as the events are read: each event's page name against those
/// before it, by a hash (two names of one hash send the check to the whole list at the end), and
/// its place in time against the one before it. At 1,000,000 events, the whole check at the end
/// kept a page from answering for 200 ms.
#[derive(Default)]
struct WholeRules {
    names: rustc_hash::FxHashSet<u64>,
    same_hash: bool,
    last: Option<(super::date::Day, std::cmp::Reverse<super::date::Day>)>,
}

impl WholeRules {
    fn take(&mut self, events: &[Event]) -> Result<(), CompiledError> {
        use std::hash::BuildHasher;
        for event in events {
            self.same_hash |= !self.names.insert(rustc_hash::FxBuildHasher.hash_one(PageName(&event.id)));
            let key = chronological_key(&event.date);
            if self.last.is_some_and(|last| last > key) {
                return Err(invalid("the events are not in chronological order", "events"));
            }
            self.last = Some(key);
        }
        Ok(())
    }
}

impl<B: AsRef<[u8]>> Reading<B> {
    /// Starts reading `bytes`: refuses at once what is not a catalog of this version, has
    /// changed or is cut short, and reads the dataset's head, documents and sources.
    pub fn new(bytes: B) -> Result<Reading<B>, CompiledError> {
        let sum = bytes.as_ref().get(HEADER..).map(checksum);
        Reading::summed(bytes, sum)
    }

    /// [`Reading::new`], given the [`checksum`] of what follows the header, worked out while
    /// the bytes were copied (see [`Summing`]), or `None` for bytes that end before it.
    pub fn summed(bytes: B, sum_of_body: Option<u64>) -> Result<Reading<B>, CompiledError> {
        let all = bytes.as_ref();
        check_kind(all, MAGIC, VERSION)?;
        let body = all.get(HEADER..).ok_or(CompiledError::Truncated("checksum"))?;
        let sum = all.get(HEADER - 8..HEADER).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
        if sum.is_none() || sum != sum_of_body {
            return Err(CompiledError::Changed);
        }
        let mut lengths = Cursor { name: "lengths", bytes: body, at: 0 };
        let mut sizes = [0usize; COLUMNS];
        for size in &mut sizes {
            *size = lengths.count(body.len())?;
        }
        let mut columns = [(0, 0); COLUMNS];
        let mut from = HEADER + lengths.at;
        for ((column, size), name) in columns.iter_mut().zip(sizes).zip(NAMES) {
            if size > all.len() - from {
                return Err(CompiledError::Truncated(name));
            }
            *column = (from, from + size);
            from += size;
        }
        let mut reading = Reading { columns, read_to: columns.map(|(start, _)| start), table: Vec::new(), dataset: Dataset::empty(), events: 0, list: Vec::new(), whole: WholeRules::default(), bytes };
        reading.head()?;
        Ok(reading)
    }

    /// The cursors over every column, from where the last step left them.
    fn cursors(&self) -> [Cursor<'_>; COLUMNS] {
        let all = self.bytes.as_ref();
        std::array::from_fn(|i| {
            let (start, end) = self.columns[i];
            Cursor { name: NAMES[i], bytes: &all[start..end], at: self.read_to[i] - start }
        })
    }

    /// Where each column is read to, from the cursors that read it.
    fn kept(&self, cursors: &[Cursor<'_>; COLUMNS]) -> [usize; COLUMNS] {
        std::array::from_fn(|i| self.columns[i].0 + cursors[i].at)
    }

    /// The strings table, the head, the documents and the sources.
    fn head(&mut self) -> Result<(), CompiledError> {
        let most = self.bytes.as_ref().len();
        let mut c = self.cursors();
        let [head, documents_c, sources_c, .., table_c] = &mut c;
        let mut table = Vec::new();
        while table_c.at < table_c.bytes.len() {
            table.push(table_c.string()?);
        }
        let [documents, sources, events, _claims] = [(); 4].map(|_| head.count(most));
        let (documents, sources, events) = (documents?, sources?, events?);
        let mut dataset = Dataset::empty();
        dataset.title = head.string()?;
        dataset.description = head.string()?;
        for at in 0..documents {
            let d = &mut *documents_c;
            let id = d.string()?;
            let title = d.string()?;
            let published = date(d.text()?, format_args!("documents[{at}].published"))?;
            let publisher = d.optional_of(&table)?.cloned();
            let url = d.optional_string()?;
            if url.as_deref().is_some_and(|u| !is_web_url(u)) {
                return Err(invalid("a link is not http: or https:", format_args!("documents[{at}].url")));
            }
            let kind = d.of(&table)?.clone();
            dataset.documents.push(Document { id, title, published, publisher, url, kind });
        }
        let mut affiliations = Vec::with_capacity(sources);
        for _ in 0..sources {
            let s = &mut *sources_c;
            let id = s.string()?;
            let name = s.string()?;
            let kind = s.of(&table)?.clone();
            let description = s.optional_string()?;
            let party = s.optional_of(&table)?.cloned();
            affiliations.push(s.count(sources)?);
            dataset.sources.push(Source { id, name, kind, description, party, affiliation: None });
        }
        for (at, &affiliation) in affiliations.iter().enumerate() {
            let Some(org) = affiliation.checked_sub(1) else { continue };
            if org == at || affiliations.get(org).is_some_and(|&a| a != 0) {
                return Err(invalid("an affiliation is to the source itself or to one with an affiliation", format_args!("sources[{at}]")));
            }
            let id = dataset.sources.get(org).map(|s| s.id.clone());
            if let Some(source) = dataset.sources.get_mut(at) {
                source.affiliation = id;
            }
        }
        unique(dataset.sources.iter().map(|s| s.id.as_str()), "sources")?;
        unique(dataset.documents.iter().map(|d| d.id.as_str()), "documents")?;
        self.read_to = self.kept(&c);
        (self.table, self.dataset, self.events) = (table, dataset, events);
        self.list = Vec::with_capacity(events.min(most));
        Ok(())
    }

    /// How many of the catalog's events have been read, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.list.len(), self.events)
    }

    /// Reads up to `events` more events; once the last is read, checks them all and gives the
    /// dataset (after which the reading is spent: a further step gives an empty dataset).
    pub fn step(&mut self, events: usize) -> Result<Option<Dataset>, CompiledError> {
        let most = self.bytes.as_ref().len();
        let mut c = self.cursors();
        let [_, _, _, e_id, e_date, e_title, e_summary, e_place, e_tags, e_control, e_claims, c_id, c_text, c_quote, c_by, c_via, c_document, c_locator, c_stance, _] = &mut c;
        let (table, source_list, document_list) = (&self.table, &self.dataset.sources, &self.dataset.documents);
        let (first, until) = (self.list.len(), self.list.len().saturating_add(events).min(self.events));
        let mut list = Vec::with_capacity(until - first);
        for at in first..until {
            let id = e_id.string()?;
            if !is_slug(&id) || is_site_name(&id) {
                return Err(invalid("an event id is not a slug, names a file of the site, or repeats another", format_args!("events[{at}].id")));
            }
            let date = date(e_date.text()?, format_args!("events[{at}].date"))?;
            let title = e_title.string()?;
            let summary = e_summary.string()?;
            let place = e_place.optional_of(table)?.cloned();
            let tag_count = e_tags.count(most)?;
            let tags = (0..tag_count).map(|_| e_tags.of(table).cloned()).collect::<Result<Vec<_>, _>>()?;
            let control = match e_control.optional_of(table)? {
                None => None,
                Some(place) => Some(Control { place: place.clone(), holder: e_control.of(table)?.clone() }),
            };
            let claim_count = e_claims.count(most)?;
            if claim_count == 0 {
                return Err(invalid("an event has no claim", format_args!("events[{at}].claims")));
            }
            let mut claims = Vec::with_capacity(claim_count);
            for _ in 0..claim_count {
                let id = c_id.string()?;
                let text = c_text.string()?;
                let quote = c_quote.optional_string()?;
                let by = c_by.of(source_list)?.id.clone();
                let relays = c_via.count(most)?;
                let via = (0..relays).map(|_| c_via.of(source_list).map(|s| s.id.clone())).collect::<Result<Vec<_>, _>>()?;
                let document = c_document.of(document_list)?.id.clone();
                let locator = c_locator.optional_string()?;
                let stance = *c_stance.of(&Stance::ALL)?;
                claims.push(Claim { id, text, quote, by, via, document, locator, stance });
            }
            // An event has a few claims: each is compared with those before it, with no set to allocate.
            if let Some(at) = (0..claims.len()).find(|&i| !is_slug(&claims[i].id) || claims[..i].iter().any(|c| c.id == claims[i].id)) {
                return Err(invalid("an id is not a slug or repeats another", format_args!("claims[{at}].id")));
            }
            list.push(Event { id, date, title, summary, place, tags, control, claims });
        }
        self.read_to = self.kept(&c);
        self.whole.take(&list)?;
        self.list.append(&mut list);
        if self.list.len() < self.events {
            return Ok(None);
        }
        // What takes every event: checked as they were read, but for two page names of one hash,
        // which may be one name twice.
        if self.whole.same_hash {
            whole_rules(&self.list)?;
        }
        self.events = 0;
        let mut dataset = std::mem::replace(&mut self.dataset, Dataset::empty());
        dataset.events = std::mem::take(&mut self.list);
        Ok(Some(dataset))
    }
}

/// Refuses bytes that do not start with `magic` and `version`: not a file of this kind, or of
/// another version of its layout.
pub(super) fn check_kind(all: &[u8], magic: &[u8; 6], version: u16) -> Result<(), CompiledError> {
    if !all.starts_with(magic) {
        return Err(CompiledError::NotACatalog);
    }
    let found = all.get(magic.len()..magic.len() + 2).ok_or(CompiledError::Truncated("version"))?;
    let found = u16::from_le_bytes([found[0], found[1]]);
    if found != version {
        return Err(CompiledError::OtherVersion(found));
    }
    Ok(())
}

pub(super) fn invalid(rule: &'static str, at: impl fmt::Display) -> CompiledError {
    CompiledError::Invalid(rule, at.to_string())
}

fn date(text: &str, at: impl fmt::Display) -> Result<EventDate, CompiledError> {
    EventDate::parse(text).map_err(|_| invalid("a date is not EDTF", at))
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, part: &'static str) -> Result<(), CompiledError> {
    let mut seen = rustc_hash::FxHashSet::default();
    for (at, id) in ids.enumerate() {
        if !is_slug(id) || !seen.insert(id) {
            return Err(invalid("an id is not a slug or repeats another", format_args!("{part}[{at}].id")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures;

    #[test]
    fn the_bundled_dataset_reads_back_as_written() {
        let dataset = fixtures::palmyra();
        assert_eq!(read(&write(&dataset)), Ok(dataset));
    }

    #[test]
    fn text_that_repeats_is_kept_once_and_ids_are_not_kept_again() {
        let dataset = fixtures::palmyra();
        let bytes = write(&dataset);
        let times = |text: &str| bytes.windows(text.len()).filter(|w| *w == text.as_bytes()).count();
        let tagged = dataset.events.iter().filter(|e| e.tags.iter().any(|t| t == "control")).count();
        assert!(tagged > 1);
        // "control" as a tag once, and inside other text where it is written.
        let inside = dataset.events.iter().map(|e| e.summary.matches("control").count() + e.title.matches("control").count()).sum::<usize>()
            + dataset.events.iter().flat_map(|e| &e.claims).map(|c| c.text.matches("control").count() + c.quote.as_deref().unwrap_or("").matches("control").count()).sum::<usize>();
        assert!(times("control") <= inside + 1 + 2, "{} against {inside}", times("control"));
        // A source is named by its position: its id is written once, however many claims name it.
        let army = dataset.events.iter().flat_map(|e| &e.claims).filter(|c| c.by == "rami-abdel-rahman").count();
        assert!(army > 1 && times("rami-abdel-rahman") == 1);
    }

    #[test]
    fn what_is_not_a_catalog_of_this_version_is_refused_with_a_reason() {
        let bytes = write(&fixtures::palmyra());
        assert_eq!(read(b"{\"format\": \"sourceline/1\"}"), Err(CompiledError::NotACatalog));
        assert_eq!(read(b""), Err(CompiledError::NotACatalog));
        let mut other = bytes.clone();
        other[MAGIC.len()] = 2;
        assert_eq!(read(&other), Err(CompiledError::OtherVersion(2)));
        assert_eq!(read(&bytes[..bytes.len() - 1]), Err(CompiledError::Changed));
        assert_eq!(read(&bytes[..MAGIC.len() + 1]), Err(CompiledError::Truncated("version")));
        let mut changed = bytes.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert_eq!(read(&changed), Err(CompiledError::Changed));
        assert_eq!(CompiledError::Changed.to_string(), "was changed or cut short since it was built (its checksum differs)");
    }

    /// A catalog written from a dataset the reader would have refused is refused, for the rule
    /// it breaks: bytes are never read into a wrong picture.
    #[test]
    fn a_catalog_of_what_the_reader_refuses_is_refused() {
        let dataset = fixtures::palmyra();
        let refused = |edit: &dyn Fn(&mut Dataset)| {
            let mut changed = dataset.clone();
            edit(&mut changed);
            match read(&write(&changed)) {
                Err(CompiledError::Invalid(rule, at)) => format!("{rule} at {at}"),
                other => panic!("read as {other:?}"),
            }
        };
        assert_eq!(refused(&|d| d.events[0].claims.clear()), "an event has no claim at events[0].claims");
        assert_eq!(refused(&|d| d.events.swap(0, 5)), "the events are not in chronological order at events");
        assert_eq!(
            refused(&|d| d.events[1].id = d.events[0].id.to_ascii_uppercase()),
            "an event id is not a slug, names a file of the site, or repeats another at events[1].id"
        );
        assert_eq!(
            refused(&|d| d.events[2].id = "Sitemap".into()),
            "an event id is not a slug, names a file of the site, or repeats another at events[2].id"
        );
        assert_eq!(refused(&|d| d.documents[0].url = Some("javascript:alert(1)".into())), "a link is not http: or https: at documents[0].url");
        assert_eq!(refused(&|d| d.sources[1].id = d.sources[0].id.clone()), "an id is not a slug or repeats another at sources[1].id");
        let claims = |d: &mut Dataset| {
            let first = d.events[0].claims[0].clone();
            d.events[0].claims.push(first);
        };
        assert!(refused(&claims).starts_with("an id is not a slug or repeats another at claims"));
        let mut self_affiliated = dataset.clone();
        self_affiliated.sources[0].affiliation = Some(self_affiliated.sources[0].id.clone());
        assert!(matches!(read(&write(&self_affiliated)), Err(CompiledError::Invalid(_, at)) if at == "sources[0]"));
    }

    /// A number that names what the catalog does not hold is refused, with the column it is in.
    #[test]
    fn a_number_out_of_range_is_refused_with_its_column() {
        let dataset = fixtures::palmyra();
        let mut broken = dataset.clone();
        broken.events[0].claims[0].by = "nobody".into();
        let bytes = write(&broken);
        assert!(matches!(read(&bytes), Err(CompiledError::OutOfRange("claim sources", _))), "{:?}", read(&bytes));
    }
}
