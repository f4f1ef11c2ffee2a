//! Which events a reader sees: search text and filters by source, kind of source, party, tag
//! and place, and the choices each filter offers.

use super::attribution::{Standing, NOT_A_PARTY_WORDS};
use super::dataset::{Claim, Dataset, Event, Source};
use super::words::count;

/// The party filter value that picks events with an originator who is not a party.
pub const NOT_A_PARTY: &str = "none";

/// The menus that narrow the events, beside the search text: the one list of them, which the
/// filter, the link and the menus all follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Events this source originated, relayed, or (as an organisation) spoke through a person.
    Source,
    /// Events with a source of this kind anywhere in a claim's chain.
    Kind,
    /// Events originated by a source of this party, or by one outside every party
    /// ([`NOT_A_PARTY`]).
    Party,
    Tag,
    Place,
}

impl Facet {
    /// Every facet, in the order the menus and links show them.
    pub const ALL: [Facet; 5] = [Facet::Source, Facet::Kind, Facet::Party, Facet::Tag, Facet::Place];

    /// Its name in a link's query string.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Source => "source",
            Facet::Kind => "kind",
            Facet::Party => "party",
            Facet::Tag => "tag",
            Facet::Place => "place",
        }
    }

    /// The menu's label.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Source => "Source",
            Facet::Kind => "Kind of source",
            Facet::Party => "Party",
            Facet::Tag => "Tag",
            Facet::Place => "Place",
        }
    }

    /// True when its values are ids, which a link must spell as ids.
    pub fn takes_ids(self) -> bool {
        self == Facet::Source
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// What the reader has asked to see. Empty parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear, in any order and case, in the event's title, summary, place,
    /// tags, claims, quotes or source names.
    pub text: String,
    /// The value chosen in each menu, by [`Facet`].
    menus: [Option<String>; Facet::ALL.len()],
}

impl Filter {
    /// A filter of search text alone.
    pub fn text(text: impl Into<String>) -> Filter {
        Filter { text: text.into(), ..Filter::default() }
    }

    /// This filter with `facet` set to `value`.
    pub fn with(mut self, facet: Facet, value: impl Into<String>) -> Filter {
        self.set(facet, Some(value.into()));
        self
    }

    /// The value chosen for `facet`, if any.
    pub fn get(&self, facet: Facet) -> Option<&str> {
        self.menus[facet.slot()].as_deref()
    }

    /// Chooses a value for `facet`, or clears it with `None` (or an empty value).
    pub fn set(&mut self, facet: Facet, value: Option<String>) {
        self.menus[facet.slot()] = value.filter(|v| !v.is_empty());
    }

    /// How many menus are set (the search text aside).
    pub fn menus_set(&self) -> usize {
        self.menus.iter().filter(|m| m.is_some()).count()
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.menus_set() == 0
    }

    /// The search text's words in lower case, each to be found in an event's searchable text.
    fn words(&self) -> Vec<String> {
        self.text.split_whitespace().map(lower_case).collect()
    }

    /// Whether `event` passes every filter. `haystack` is the event's searchable text in lower
    /// case, from [`SearchIndex`]; `words` are this filter's [`Filter::words`], lowered once for
    /// every event.
    fn matches(&self, dataset: &Dataset, event: &Event, haystack: &str, words: &[String]) -> bool {
        let sources = || event.claims.iter().flat_map(|c| std::iter::once(&c.by).chain(&c.via)).filter_map(|id| dataset.source(id));
        let originators = || event.claims.iter().filter_map(|c| dataset.source(&c.by));
        let in_party = |s: &Source, wanted: &str| Standing::of(dataset, s).party().unwrap_or(NOT_A_PARTY) == wanted;
        words.iter().all(|word| haystack.contains(word.as_str()))
            && Facet::ALL.into_iter().all(|facet| {
                let Some(wanted) = self.get(facet) else { return true };
                match facet {
                    Facet::Source => sources().any(|s| s.id == wanted || s.affiliation.as_deref() == Some(wanted)),
                    Facet::Kind => sources().any(|s| s.kind == wanted),
                    Facet::Party => originators().any(|s| in_party(s, wanted)),
                    Facet::Tag => event.tags.iter().any(|t| t == wanted),
                    Facet::Place => event.place.as_deref() == Some(wanted),
                }
            })
    }
}

/// How many events the filter lets through: "All 13 events", "4 of 13 events match".
pub fn match_count(matching: usize, total: usize) -> String {
    if matching == total {
        format!("All {}", count(total, "event", "events"))
    } else {
        format!("{matching} of {} match", count(total, "event", "events"))
    }
}

/// How many of the matching events are in the visible range: "13 in view", "3 of 13 in view".
pub fn in_view_count(shown: usize, matching: usize) -> String {
    if shown == matching {
        format!("{shown} in view")
    } else {
        format!("{shown} of {matching} in view")
    }
}

/// The button that unfolds the menus on a phone, with how many are set: "Filters (2 on)".
pub fn menus_button(set: usize) -> String {
    match set {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} on)"),
    }
}

/// The searchable text of every event, lower-cased once. It is worked out on first use, or a
/// slice at a time ([`SearchIndex::prepare_some`]) once the first events are painted, not while
/// a dataset is loaded, so a large dataset's first events are drawn without waiting for it, and
/// the page answers while it is worked out.
#[derive(Debug, Default)]
pub struct SearchIndex {
    haystacks: std::sync::OnceLock<Vec<String>>,
    /// The events' searchable text worked out so far, in order, until every event's is.
    made: std::sync::Mutex<Vec<String>>,
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    /// Works out the searchable text of up to `events` more events; says whether every
    /// event's is now known.
    pub fn prepare_some(&self, dataset: &Dataset, events: usize) -> bool {
        if self.haystacks.get().is_some() {
            return true;
        }
        let mut made = self.made.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let from = made.len().min(dataset.events.len());
        let to = dataset.events.len().min(from.saturating_add(events));
        made.extend(dataset.events[from..to].iter().map(|event| haystack(dataset, event)));
        if to < dataset.events.len() {
            return false;
        }
        let _ = self.haystacks.set(std::mem::take(&mut made));
        true
    }

    fn haystacks(&self, dataset: &Dataset) -> &[String] {
        self.prepare_some(dataset, usize::MAX);
        self.haystacks.get().map_or(&[], Vec::as_slice)
    }

    /// The indices of the events that pass `filter`, in dataset order.
    pub fn matching(&self, dataset: &Dataset, filter: &Filter) -> Vec<usize> {
        if filter.is_empty() {
            return (0..dataset.events.len()).collect();
        }
        let words = filter.words();
        dataset
            .events
            .iter()
            .zip(self.haystacks(dataset))
            .enumerate()
            .filter(|(_, (event, haystack))| filter.matches(dataset, event, haystack, &words))
            .map(|(i, _)| i)
            .collect()
    }
}

/// One event's searchable text: its title, summary, place, tags, and each claim's words and
/// sources' names, lower-cased.
fn haystack(dataset: &Dataset, event: &Event) -> String {
    let mut text = String::with_capacity(event.title.len() + event.summary.len() + 64);
    let mut add = |part: &str| {
        text.push_str(part);
        text.push('\n');
    };
    add(&event.title);
    add(&event.summary);
    for part in event.place.iter().chain(&event.tags) {
        add(part);
    }
    for claim in &event.claims {
        add(&claim.text);
        if let Some(quote) = &claim.quote {
            add(quote);
        }
        for source in std::iter::once(&claim.by).chain(&claim.via).filter_map(|id| dataset.source(id)) {
            add(&source.name);
        }
    }
    lower_case(&text)
}

/// `text` in lower case, for search and for sorting without regard to case, letter by letter
/// with Unicode's simple mappings for the scripts datasets are mostly written in: Latin (with
/// Latin-1, Extended-A, the regular pairs of Extended-B and Extended Additional), Greek, Cyrillic
/// and Armenian. Any other letter stays as written. This is not `str::to_lowercase`, whose
/// table cost 10.7 KB gzip of wasm; the tests hold it to the standard library letter by letter.
pub fn lower_case(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII are copied and lowered a byte at a time, as most text is.
        let (ascii, other) = rest.split_at(rest.bytes().position(|byte| !byte.is_ascii()).unwrap_or(rest.len()));
        let from = lower.len();
        lower.push_str(ascii);
        lower[from..].make_ascii_lowercase();
        let mut letters = other.chars();
        if let Some(letter) = letters.next() {
            lower.push(lower_letter(letter));
        }
        rest = letters.as_str();
    }
    lower
}

fn lower_letter(letter: char) -> char {
    let u = letter as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        // Pairs with the capital first, at the even code point.
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x182..=0x185
        | 0x1A0..=0x1A5
        | 0x1DE..=0x1EF
        | 0x1F8..=0x21F
        | 0x222..=0x233
        | 0x246..=0x24F
        | 0x370..=0x373
        | 0x3D8..=0x3EF
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x52F
        | 0x1E00..=0x1E95
        | 0x1EA0..=0x1EFF => u | 1,
        // Pairs with the capital first, at the odd code point.
        0x139..=0x148 | 0x179..=0x17E | 0x1CD..=0x1DC | 0x4C1..=0x4CE => u + (u & 1),
        0x130 => 0x69,
        0x178 => 0xFF,
        0x1E9E => 0xDF,
        0x376 => 0x377,
        0x37F => 0x3F3,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 63,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F7 => 0x3F8,
        0x3F9 => 0x3F2,
        0x3FA => 0x3FB,
        0x3FD..=0x3FF => u - 130,
        0x400..=0x40F => u + 0x50,
        0x4C0 => 0x4CF,
        0x531..=0x556 => u + 0x30,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(letter)
}

impl SearchIndex {
    /// The events that pass `filter`, given the result of an earlier `previous` filter: when
    /// the new one can only narrow it (the same menus, and search text that extends the old),
    /// only the earlier matches are searched again, so typing a word does not rescan
    /// everything at each key.
    pub fn refine(&self, dataset: &Dataset, filter: &Filter, previous: Option<(&Filter, &[usize])>) -> Vec<usize> {
        match previous {
            Some((before, matches)) if narrows(before, filter) => {
                let words = filter.words();
                let haystacks = self.haystacks(dataset);
                matches.iter().copied().filter(|&i| filter.matches(dataset, &dataset.events[i], &haystacks[i], &words)).collect()
            }
            _ => self.matching(dataset, filter),
        }
    }
}

/// Whether every event `after` lets through, `before` let through too.
fn narrows(before: &Filter, after: &Filter) -> bool {
    let (old, new) = (before.words(), after.words());
    before.menus == after.menus
        && old.len() <= new.len()
        // Every old word is still required, itself or lengthened, so nothing new can match.
        && old.iter().zip(&new).all(|(o, n)| n.contains(o.as_str()))
}

/// The choices each menu offers in a dataset, as (value, name) pairs: sources by id with their
/// names, in dataset order; kinds, parties, tags and places sorted, each once; and for parties
/// one more choice, for sources outside every party.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    options: [Vec<(String, String)>; Facet::ALL.len()],
}

impl Facets {
    pub fn of(dataset: &Dataset) -> Facets {
        let mut values = EventValues::default();
        values.add(&dataset.events);
        values.facets(dataset)
    }

    fn choices(dataset: &Dataset, facet: Facet, values: &mut EventValues) -> Vec<(String, String)> {
        // Each value once, then sorted without regard to case: a tag on thousands of events is
        // compared once, not thousands of times.
        let sorted = |values: Vec<&String>| {
            let mut unique: Vec<&String> = values.into_iter().collect::<rustc_hash::FxHashSet<_>>().into_iter().collect();
            unique.sort_by_cached_key(|v| (lower_case(v), v.as_str()));
            unique.into_iter().map(|v| (v.clone(), v.clone())).collect::<Vec<_>>()
        };
        match facet {
            Facet::Source => dataset.sources.iter().map(|s| (s.id.clone(), s.name.clone())).collect(),
            Facet::Kind => sorted(dataset.sources.iter().map(|s| &s.kind).collect()),
            Facet::Party => {
                let mut parties = sorted(dataset.sources.iter().filter_map(|s| s.party.as_ref()).collect());
                parties.push((NOT_A_PARTY.to_string(), NOT_A_PARTY_WORDS.to_string()));
                parties
            }
            Facet::Tag => sorted(std::mem::take(&mut values.tags).iter().collect()),
            Facet::Place => sorted(std::mem::take(&mut values.places).iter().collect()),
        }
    }

    /// The choices of one menu.
    pub fn options(&self, facet: Facet) -> &[(String, String)] {
        &self.options[facet.slot()]
    }
}

/// The tags and places of the events seen so far, each once: the events' part of the
/// [`Facets`], gathered a slice of events at a time if need be.
#[derive(Debug, Default)]
pub struct EventValues {
    tags: rustc_hash::FxHashSet<String>,
    places: rustc_hash::FxHashSet<String>,
}

impl EventValues {
    /// Takes in the tags and places of `events`.
    pub fn add(&mut self, events: &[Event]) {
        let take = |set: &mut rustc_hash::FxHashSet<String>, value: &String| {
            if !set.contains(value) {
                set.insert(value.clone());
            }
        };
        for event in events {
            for tag in &event.tags {
                take(&mut self.tags, tag);
            }
            if let Some(place) = &event.place {
                take(&mut self.places, place);
            }
        }
    }

    /// The facets of `dataset`, whose events were all taken in.
    pub fn facets(mut self, dataset: &Dataset) -> Facets {
        Facets { options: Facet::ALL.map(|facet| Facets::choices(dataset, facet, &mut self)) }
    }
}

/// What one source did across the whole dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceActivity<'a> {
    pub source: &'a Source,
    /// Claims it originated (or its people did, for an organisation): (event, claim) pairs in
    /// chronological order.
    pub originated: Vec<(&'a Event, &'a Claim)>,
    /// How many claims it relayed.
    pub relayed: usize,
}

/// Claims listed per source in the sources view; a large dataset's sources are read through
/// the filtered timeline.
pub const SHOWN_CLAIMS: usize = 50;

impl<'a> SourceActivity<'a> {
    pub fn all(dataset: &'a Dataset) -> Vec<SourceActivity<'a>> {
        dataset
            .sources
            .iter()
            .map(|source| {
                let claims = || dataset.events.iter().flat_map(|e| e.claims.iter().map(move |c| (e, c)));
                SourceActivity {
                    source,
                    originated: claims().filter(|(_, c)| c.by == source.id).collect(),
                    relayed: claims().filter(|(_, c)| c.via.contains(&source.id)).count(),
                }
            })
            .collect()
    }

    /// "Originated 4 claims", "Originated no claim, relayed 1".
    pub fn summary(&self) -> String {
        let originated = match self.originated.len() {
            0 => "Originated no claim".to_string(),
            n => format!("Originated {}", count(n, "claim", "claims")),
        };
        match self.relayed {
            0 => originated,
            n => format!("{originated}, relayed {n}"),
        }
    }

    /// The originated claims the sources view lists, at most [`SHOWN_CLAIMS`].
    pub fn shown_claims(&self) -> &[(&'a Event, &'a Claim)] {
        &self.originated[..self.originated.len().min(SHOWN_CLAIMS)]
    }

    /// What is said after the listed claims when there are more than it shows.
    pub fn more(&self) -> Option<String> {
        let more = self.originated.len().checked_sub(SHOWN_CLAIMS).filter(|&n| n > 0)?;
        Some(format!("…and {more} more: show only this source's events to see them all."))
    }

    /// The button that filters the timeline to this source: "Show only events with SANA".
    pub fn show_only(&self) -> String {
        format!("Show only events with {}", self.source.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::palmyra;

    fn ids(filter: Filter) -> Vec<String> {
        let dataset = palmyra();
        let index = SearchIndex::new();
        index.matching(&dataset, &filter).into_iter().map(|i| dataset.events[i].id.clone()).collect()
    }

    /// The blocks `lower_case` covers: in them, every letter with a one-letter lower case in
    /// Unicode gets it.
    const COVERED: [std::ops::RangeInclusive<u32>; 7] =
        [0..=0x17F, 0x182..=0x185, 0x1A0..=0x1A5, 0x1CD..=0x1DC, 0x370..=0x3FF, 0x400..=0x52F, 0x1E00..=0x1EFF];

    #[test]
    fn lower_case_agrees_with_the_standard_library_letter_by_letter() {
        let mut covered = 0;
        for letter in (0..=0x10FFFF).filter_map(char::from_u32) {
            #[allow(clippy::disallowed_methods)] // the standard it is held to
            let mut std_lower = letter.to_lowercase();
            let simple = match (std_lower.next(), std_lower.next()) {
                (Some(one), None) => one,
                // Only capital I with a dot has a longer lower case; its simple one is "i".
                _ => 'i',
            };
            let ours = lower_letter(letter);
            // Never wrong: a letter is lowered as Unicode says, or left as written.
            assert!(ours == simple || ours == letter, "{letter:?} (U+{:04X}) became {ours:?}", letter as u32);
            // Complete where it claims to be.
            if COVERED.iter().any(|block| block.contains(&(letter as u32))) && !(0x186..=0x1CC).contains(&(letter as u32)) {
                assert_eq!(ours, simple, "U+{:04X}", letter as u32);
                covered += usize::from(simple != letter);
            }
        }
        assert!(covered > 450, "{covered} capitals covered");
        assert_eq!(lower_case("ÇA VA, Ελλάδα, МОСКВА, Tadmur"), "ça va, ελλάδα, москва, tadmur");
        assert_eq!(lower_case("ÀÉ"), "àé");
        assert_eq!(lower_case(""), "");
    }

    proptest::proptest! {
        /// The ASCII runs' shortcut changes nothing: the text is lowered letter by letter.
        #[test]
        fn lower_case_is_lowering_each_letter(text in "\\PC*") {
            proptest::prop_assert_eq!(lower_case(&text), text.chars().map(lower_letter).collect::<String>());
        }
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        assert!(Filter::default().is_empty());
        assert!(Filter::text("  ").is_empty());
        assert!(!Filter::default().with(Facet::Tag, "x").is_empty());
        assert_eq!(Filter::default().with(Facet::Tag, "x").with(Facet::Place, "y").menus_set(), 2);
        assert_eq!(Filter::default().with(Facet::Tag, "").menus_set(), 0, "an empty choice is no choice");
        assert_eq!(ids(Filter::default()).len(), palmyra().events.len());
    }

    #[test]
    fn search_matches_every_word_in_any_case_across_claims_and_quotes() {
        assert_eq!(ids(Filter::text("SURROUNDING territory")), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter::text("terrorists")), ["turkish-operation"]);
        assert_eq!(ids(Filter::text("sana")), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter::text("mines neighbourhoods")), ["palmyra-recaptured", "mine-clearing"]);
        assert_eq!(ids(Filter::text("nothing-like-this")), Vec::<String>::new());
    }

    #[test]
    fn an_index_worked_out_a_slice_at_a_time_searches_as_one_worked_out_at_once() {
        let dataset = palmyra();
        let filter = Filter::text("palmyra army");
        let whole = SearchIndex::new().matching(&dataset, &filter);
        assert!(!whole.is_empty());
        for slice in 1..=dataset.events.len() {
            // Slice by slice to the end; and half-way, then searched, which works out the rest.
            let index = SearchIndex::new();
            let steps = std::iter::repeat_with(|| index.prepare_some(&dataset, slice)).take_while(|done| !done).count();
            assert_eq!(steps, dataset.events.len().div_ceil(slice) - 1, "slices of {slice}");
            assert_eq!(index.matching(&dataset, &filter), whole, "slices of {slice}");
            let half = SearchIndex::new();
            assert!(!half.prepare_some(&dataset, dataset.events.len() / 2));
            assert_eq!(half.matching(&dataset, &filter), whole);
            assert!(half.prepare_some(&dataset, slice), "known once searched");
        }
    }

    #[test]
    fn source_filter_follows_relays_and_affiliations() {
        let by_source = |id: &str| ids(Filter::default().with(Facet::Source, id));
        assert_eq!(by_source("sana"), ["palmyra-recaptured"]);
        assert_eq!(by_source("sohr"), ["western-breakthrough", "palmyra-recaptured", "mine-clearing", "russian-strikes-continue"]);
        assert_eq!(by_source("turkey"), ["turkish-operation"]);
    }

    #[test]
    fn kind_party_tag_and_place_filters() {
        assert_eq!(ids(Filter::default().with(Facet::Kind, "state news agency")), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter::default().with(Facet::Party, "Russia")), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter::default().with(Facet::Party, "Turkey").with(Facet::Tag, "sdf")), ["turkish-operation"]);
        assert_eq!(ids(Filter::default().with(Facet::Place, "Aleppo")), ["aleppo"]);
        assert_eq!(ids(Filter::default().with(Facet::Party, "SDF")), ["sdf-cedes-villages"]);
        // The article or the Observatory, neither a party, stands behind every Palmyra event.
        assert_eq!(ids(Filter::default().with(Facet::Party, NOT_A_PARTY)).len(), 13);
        assert_eq!(ids(Filter::default().with(Facet::Tag, "control")).len(), 4);
    }

    #[test]
    fn refining_a_search_gives_what_a_full_search_gives() {
        let dataset = palmyra();
        let index = SearchIndex::new();
        let steps = ["p", "pa", "pal", "palm", "palmyra", "palmyra ar", "palmyra army", "palmyra ar", "", "mines"];
        let mut previous: Option<(Filter, Vec<usize>)> = None;
        for text in steps {
            let filter = Filter::text(text);
            let refined = index.refine(&dataset, &filter, previous.as_ref().map(|(f, m)| (f, m.as_slice())));
            assert_eq!(refined, index.matching(&dataset, &filter), "after typing {text:?}");
            previous = Some((filter, refined));
        }
    }

    #[test]
    fn only_a_narrowing_filter_refines() {
        let f = |text: &str, tag: Option<&str>| {
            let mut filter = Filter::text(text);
            filter.set(Facet::Tag, tag.map(Into::into));
            filter
        };
        assert!(narrows(&f("pal", None), &f("palm", None)));
        assert!(narrows(&f("pal", None), &f("pal army", None)));
        assert!(narrows(&f("", None), &f("x", None)));
        assert!(!narrows(&f("palm", None), &f("pal", None)));
        assert!(!narrows(&f("pal", None), &f("pal", Some("control"))));
        assert!(!narrows(&f("pal army", None), &f("pal", None)));
    }

    #[test]
    fn counts_of_matching_events_in_words() {
        assert_eq!(match_count(13, 13), "All 13 events");
        assert_eq!(match_count(4, 13), "4 of 13 events match");
        assert_eq!(match_count(1, 1), "All 1 event");
        assert_eq!(in_view_count(13, 13), "13 in view");
        assert_eq!(in_view_count(3, 13), "3 of 13 in view");
        assert_eq!(menus_button(0), "Filters");
        assert_eq!(menus_button(2), "Filters (2 on)");
    }

    #[test]
    fn facets_list_each_value_once() {
        let facets = Facets::of(&palmyra());
        let names = |facet| facets.options(facet).iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>();
        let values = |facet| facets.options(facet).iter().map(|(value, _)| value.as_str()).collect::<Vec<_>>();
        assert_eq!(names(Facet::Party), ["Russia", "SDF", "Syrian government", "Turkey", "Not a party to the conflict"]);
        assert_eq!(values(Facet::Party).last(), Some(&NOT_A_PARTY));
        assert_eq!(names(Facet::Place), ["Aleppo", "Palmyra", "Syria"]);
        assert_eq!(values(Facet::Source).len(), 10);
        assert_eq!(values(Facet::Source)[0], palmyra().sources[0].id);
        assert!(names(Facet::Kind).windows(2).all(|w| lower_case(w[0]) < lower_case(w[1])), "sorted, each once");
    }

    #[test]
    fn source_activity_counts_what_each_source_said_and_relayed() {
        let dataset = palmyra();
        let all = SourceActivity::all(&dataset);
        let of = |id: &str| all.iter().find(|a| a.source.id == id).unwrap();
        assert_eq!((of("sana").originated.len(), of("sana").relayed), (0, 1));
        assert_eq!(of("sohr").originated.len(), 4);
        assert_eq!(of("rami-abdel-rahman").originated.len(), 2);
        assert_eq!(of("sohr").summary(), "Originated 4 claims");
        assert_eq!(of("sana").summary(), "Originated no claim, relayed 1");
        assert_eq!(of("sana").show_only(), "Show only events with SANA");
        assert_eq!(of("sohr").more(), None);
    }
}
