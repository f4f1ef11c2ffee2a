//! The dataset format `sourceline/1` as Rust types, and the dataset bundled with the app.
//!
//! The types here are plain data and depend on nothing but dates. Reading them from JSON, with
//! every problem reported, is the reader's job: it sits above these types and holds
//! [`Dataset::parse`] and [`Dataset::embedded`]. What is derived from them (attribution,
//! corroboration, control of a place) lives in modules of its own.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::date::{chronological, EventDate};

/// The format tag every dataset of this version carries.
pub const FORMAT: &str = "sourceline/1";

/// The largest dataset file the app reads; bigger ones are refused before parsing, so that a
/// link cannot freeze the tab.
pub const MAX_DATASET_BYTES: usize = 50 * 1024 * 1024;

/// The bundled default dataset, embedded at compile time (and validated by `build.rs`).
pub const EMBEDDED_JSON: &str = include_str!("../../data/palmyra.json");

/// A whole dataset: what happened, who says so, and where they said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub description: String,
    pub documents: Vec<Document>,
    pub sources: Vec<Source>,
    /// In chronological order (see [`chronological`]), ties kept in the author's order.
    pub events: Vec<Event>,
    /// Where each source and document is, by id, for [`Dataset::source`] and
    /// [`Dataset::document`]: a claim names its sources and document by id, and a hundred
    /// thousand events look them up.
    pub(crate) lookup: Lookup,
}

/// The position of each source and document by id, worked out on first use. Only a hint:
/// an answer is checked against the lists, which are public and may have changed since, and a
/// wrong or missing one falls back to searching them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lookup {
    sources: OnceLock<HashMap<String, usize>>,
    documents: OnceLock<HashMap<String, usize>>,
}

/// A lookup says nothing about a dataset: two datasets are equal by their contents.
impl PartialEq for Lookup {
    fn eq(&self, _: &Lookup) -> bool {
        true
    }
}

/// The item with `id` in `items`, through `index` when it points right.
fn find<'a, T>(items: &'a [T], index: &OnceLock<HashMap<String, usize>>, id: &str, id_of: fn(&T) -> &str) -> Option<&'a T> {
    let index = index.get_or_init(|| items.iter().enumerate().rev().map(|(i, item)| (id_of(item).to_string(), i)).collect());
    match index.get(id).and_then(|&i| items.get(i)) {
        Some(item) if id_of(item) == id => Some(item),
        _ => items.iter().find(|item| id_of(item) == id),
    }
}

/// A document that claims are reported in: an article, a statement, a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub published: EventDate,
    pub publisher: Option<String>,
    /// Only ever `http:` or `https:`.
    pub url: Option<String>,
    pub kind: String,
}

/// Someone who makes claims or relays them: a government, an army, an agency, a person.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub description: Option<String>,
    /// The side of the conflict the source belongs to; `None` for outside observers.
    pub party: Option<String>,
    /// The organisation a person speaks for, by source id: corroboration counts the
    /// organisation once, however many of its people speak.
    pub affiliation: Option<String>,
}

/// Something that happened, placed in time as precisely as its sources allow.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// A stable, URL-safe slug chosen by the author.
    pub id: String,
    pub date: EventDate,
    pub title: String,
    pub summary: String,
    pub place: Option<String>,
    pub tags: Vec<String>,
    pub control: Option<Control>,
    /// At least one.
    pub claims: Vec<Claim>,
}

/// A change of who holds a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    pub place: String,
    pub holder: String,
}

/// One attributed statement about an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Unique within its event.
    pub id: String,
    /// What is claimed, in the dataset author's words.
    pub text: String,
    /// The source's own words, verbatim from the document, where it quotes them directly.
    pub quote: Option<String>,
    /// The source id of who originated the claim.
    pub by: String,
    /// Source ids of who relayed it, in order from the originator towards the document.
    pub via: Vec<String>,
    /// The document id it is reported in.
    pub document: String,
    /// Where in the document, e.g. "paragraph 7".
    pub locator: Option<String>,
    pub stance: Stance,
}

/// How a claim bears on its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stance {
    /// It says the event happened as described. The default.
    Supports,
    /// It accepts the event but limits or corrects it.
    Qualifies,
    /// It says the event did not happen as described.
    Disputes,
}

impl Stance {
    /// Every stance, in the order the format lists them.
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Qualifies, Stance::Disputes];

    /// The word used in the data format.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Qualifies => "qualifies",
            Stance::Disputes => "disputes",
        }
    }
}

impl Dataset {
    /// A dataset with nothing in it.
    pub fn empty() -> Dataset {
        Dataset {
            title: String::new(),
            description: String::new(),
            documents: Vec::new(),
            sources: Vec::new(),
            events: Vec::new(),
            lookup: Lookup::default(),
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        find(&self.sources, &self.lookup.sources, id, |s| &s.id)
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        find(&self.documents, &self.lookup.documents, id, |d| &d.id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Puts events in chronological order; a stable sort keeps the author's order for ties.
    pub(crate) fn sort_events(&mut self) {
        self.events.sort_by(|a, b| chronological(&a.date, &b.date));
    }
}

impl Event {
    /// The claim about this event with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

