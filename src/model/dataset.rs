//! The dataset format `sourceline/1` as Rust types, and the dataset bundled with the app.
//!
//! The types here are plain data and depend on nothing but dates. Reading them from JSON, with
//! every problem reported, is the reader's job: it sits above these types and holds
//! [`Dataset::parse`]; `super::compiled` writes them for the app and reads them back. What is derived from them (attribution,
//! corroboration, control of a place) lives in modules of its own.

use std::cmp::Reverse;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::date::{chronological_key, Day, EventDate};

/// The format tag every dataset of this version carries.
pub const FORMAT: &str = "sourceline/1";

/// The largest dataset file the app reads; bigger ones are refused before parsing, so that a
/// link cannot freeze the tab.
pub const MAX_DATASET_BYTES: usize = 50 * 1024 * 1024;

/// The bytes of UTF-8's byte-order mark, which editors on Windows write before the text they save
/// as UTF-8. JSON allows none, so every reader of a dataset (or of a file it is made from) reads
/// the text after it.
pub const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// The text without a leading byte-order mark.
pub fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A whole dataset: what happened, who says so, and where they said it.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: String,
    pub description: String,
    pub documents: Vec<Document>,
    pub sources: Vec<Source>,
    /// In chronological order (see [`super::date::chronological`]), ties kept in the author's
    /// order.
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

    /// Puts events in chronological order (see [`super::date::chronological`]), keeping the
    /// author's order for ties. The order is found on small keys and the events are then put
    /// in place: sorting the events themselves moved every one of them many times, which was
    /// most of the time sorting a large dataset took.
    pub(crate) fn sort_events(&mut self) {
        // Each key packs the order into one number, earliest day, then latest day (later
        // first), then place in the file, so that sorting compares plain integers.
        fn ascending(day: Day) -> u128 {
            u128::from((day.0 as u32) ^ (1 << 31))
        }
        let mut keys: Vec<u128> = self
            .events
            .iter()
            .enumerate()
            .map(|(at, event)| {
                let (earliest, Reverse(latest)) = chronological_key(&event.date);
                ascending(earliest) << 96 | (u128::from(u32::MAX) - ascending(latest)) << 64 | at as u128
            })
            .collect();
        keys.sort_unstable();
        // `from[i]`: where the event that goes to `i` is now. Each cycle of the permutation is
        // followed once, swapping along it, and marked done on the way.
        let mut from: Vec<usize> = keys.into_iter().map(|key| key as u64 as usize).collect();
        for start in 0..from.len() {
            let mut at = start;
            while from[at] != start {
                let next = from[at];
                self.events.swap(at, next);
                from[at] = at;
                at = next;
            }
            from[at] = at;
        }
    }
}

impl Event {
    /// The claim about this event with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::chronological;

    /// Sorting by packed keys gives the order of `chronological`, ties in the author's order,
    /// before 1970 as after it.
    #[test]
    fn events_sort_as_chronological_says() {
        let text = crate::synthetic::dataset(3000, 11).to_string();
        let mut dataset = Dataset::parse(&text).0.unwrap();
        dataset.events.reverse();
        let early = ["0500-03", "1900", "1969-12-31", "1970-01-01", "1969", "1969-12", "../1969-12-31", "1969-12-31/.."];
        for (event, date) in dataset.events.iter_mut().step_by(97).zip(early.iter().cycle()) {
            event.date = EventDate::parse(date).unwrap();
        }
        let mut expected = dataset.events.clone();
        expected.sort_by(|a, b| chronological(&a.date, &b.date));
        dataset.sort_events();
        let ids = |events: &[Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&dataset.events), ids(&expected));
    }
}
