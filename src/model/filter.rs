//! Which events a reader sees: search text and filters by source, kind of source, party, tag
//! and place, and the choices each filter offers.

use super::dataset::{Dataset, Event, Source};

/// The party filter value that picks events with an originator who is not a party.
pub const NOT_A_PARTY: &str = "none";

/// What the reader has asked to see. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear, in any order and case, in the event's title, summary, place,
    /// tags, claims, quotes or source names.
    pub text: String,
    /// Events this source originated, relayed, or (as an organisation) spoke through a person.
    pub source: Option<String>,
    /// Events with a source of this kind anywhere in a claim's chain.
    pub kind: Option<String>,
    /// Events originated by a source of this party, or by one outside every party
    /// ([`NOT_A_PARTY`]).
    pub party: Option<String>,
    pub tag: Option<String>,
    pub place: Option<String>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.source.is_none()
            && self.kind.is_none()
            && self.party.is_none()
            && self.tag.is_none()
            && self.place.is_none()
    }

    /// Whether `event` passes every filter. `haystack` is the event's searchable text in lower
    /// case, from [`SearchIndex`].
    pub fn matches(&self, dataset: &Dataset, event: &Event, haystack: &str) -> bool {
        let sources = || event.claims.iter().flat_map(|c| std::iter::once(&c.by).chain(&c.via)).filter_map(|id| dataset.source(id));
        let originators = || event.claims.iter().filter_map(|c| dataset.source(&c.by));
        self.text.split_whitespace().all(|word| haystack.contains(&word.to_lowercase()))
            && self.source.as_ref().is_none_or(|id| sources().any(|s| &s.id == id || s.affiliation.as_ref() == Some(id)))
            && self.kind.as_ref().is_none_or(|kind| sources().any(|s| &s.kind == kind))
            && self.party.as_ref().is_none_or(|party| originators().any(|s| party_of(dataset, s) == Some(party.as_str()) || (party == NOT_A_PARTY && party_of(dataset, s).is_none())))
            && self.tag.as_ref().is_none_or(|tag| event.tags.contains(tag))
            && self.place.as_ref().is_none_or(|place| event.place.as_ref() == Some(place))
    }
}

/// A source's party, or its organisation's where it speaks for one.
pub fn party_of<'a>(dataset: &'a Dataset, source: &'a Source) -> Option<&'a str> {
    source
        .party
        .as_deref()
        .or_else(|| source.affiliation.as_deref().and_then(|id| dataset.source(id)).and_then(|org| org.party.as_deref()))
}

/// The searchable text of every event, lower-cased once when a dataset is loaded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let haystacks = dataset
            .events
            .iter()
            .map(|event| {
                let mut text = format!("{}\n{}\n", event.title, event.summary);
                for part in event.place.iter().chain(&event.tags) {
                    text.push_str(part);
                    text.push('\n');
                }
                for claim in &event.claims {
                    text.push_str(&claim.text);
                    text.push('\n');
                    if let Some(quote) = &claim.quote {
                        text.push_str(quote);
                        text.push('\n');
                    }
                    for source in std::iter::once(&claim.by).chain(&claim.via).filter_map(|id| dataset.source(id)) {
                        text.push_str(&source.name);
                        text.push('\n');
                    }
                }
                text.to_lowercase()
            })
            .collect();
        SearchIndex { haystacks }
    }

    /// The indices of the events that pass `filter`, in dataset order.
    pub fn matching(&self, dataset: &Dataset, filter: &Filter) -> Vec<usize> {
        if filter.is_empty() {
            return (0..dataset.events.len()).collect();
        }
        dataset
            .events
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (event, haystack))| filter.matches(dataset, event, haystack))
            .map(|(i, _)| i)
            .collect()
    }
}

impl SearchIndex {
    /// The events that pass `filter`, given the result of an earlier `previous` filter: when
    /// the new one can only narrow it (the same menus, and search text that extends the old),
    /// only the earlier matches are searched again, so typing a word does not rescan
    /// everything at each key.
    pub fn refine(&self, dataset: &Dataset, filter: &Filter, previous: Option<(&Filter, &[usize])>) -> Vec<usize> {
        match previous {
            Some((before, matches)) if narrows(before, filter) => matches
                .iter()
                .copied()
                .filter(|&i| filter.matches(dataset, &dataset.events[i], &self.haystacks[i]))
                .collect(),
            _ => self.matching(dataset, filter),
        }
    }
}

/// Whether every event `after` lets through, `before` let through too.
fn narrows(before: &Filter, after: &Filter) -> bool {
    let menus = |f: &Filter| (f.source.clone(), f.kind.clone(), f.party.clone(), f.tag.clone(), f.place.clone());
    let words = |f: &Filter| f.text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let (old, new) = (words(before), words(after));
    menus(before) == menus(after)
        && old.len() <= new.len()
        // Every old word is still required, itself or lengthened, so nothing new can match.
        && old.iter().zip(&new).all(|(o, n)| n.contains(o.as_str()))
}

/// The values each filter can take in a dataset, sorted for display.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    /// Source ids and names, in dataset order.
    pub sources: Vec<(String, String)>,
    pub kinds: Vec<String>,
    /// Party names; [`NOT_A_PARTY`] is offered separately.
    pub parties: Vec<String>,
    pub tags: Vec<String>,
    pub places: Vec<String>,
}

impl Facets {
    pub fn of(dataset: &Dataset) -> Facets {
        let sorted = |values: &mut Vec<String>| {
            values.sort_by_key(|v| v.to_lowercase());
            values.dedup();
        };
        let mut kinds: Vec<String> = dataset.sources.iter().map(|s| s.kind.clone()).collect();
        let mut parties: Vec<String> = dataset.sources.iter().filter_map(|s| s.party.clone()).collect();
        let mut tags: Vec<String> = dataset.events.iter().flat_map(|e| e.tags.clone()).collect();
        let mut places: Vec<String> = dataset.events.iter().filter_map(|e| e.place.clone()).collect();
        for values in [&mut kinds, &mut parties, &mut tags, &mut places] {
            sorted(values);
        }
        Facets {
            sources: dataset.sources.iter().map(|s| (s.id.clone(), s.name.clone())).collect(),
            kinds,
            parties,
            tags,
            places,
        }
    }
}

/// What one source did across the whole dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceActivity<'a> {
    pub source: &'a Source,
    /// Claims it originated (or its people did, for an organisation): (event, claim) pairs in
    /// chronological order.
    pub originated: Vec<(&'a Event, &'a super::dataset::Claim)>,
    /// How many claims it relayed.
    pub relayed: usize,
}

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::EMBEDDED_JSON;

    fn palmyra() -> Dataset {
        Dataset::parse(EMBEDDED_JSON).0.unwrap()
    }

    fn ids(filter: Filter) -> Vec<String> {
        let dataset = palmyra();
        let index = SearchIndex::new(&dataset);
        index.matching(&dataset, &filter).into_iter().map(|i| dataset.events[i].id.clone()).collect()
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        assert!(Filter::default().is_empty());
        assert!(Filter { text: "  ".into(), ..Filter::default() }.is_empty());
        assert!(!Filter { tag: Some("x".into()), ..Filter::default() }.is_empty());
        assert_eq!(ids(Filter::default()).len(), palmyra().events.len());
    }

    #[test]
    fn search_matches_every_word_in_any_case_across_claims_and_quotes() {
        assert_eq!(ids(Filter { text: "SURROUNDING territory".into(), ..Filter::default() }), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter { text: "terrorists".into(), ..Filter::default() }), ["turkish-operation"]);
        assert_eq!(ids(Filter { text: "sana".into(), ..Filter::default() }), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter { text: "mines neighbourhoods".into(), ..Filter::default() }), ["palmyra-recaptured", "mine-clearing"]);
        assert_eq!(ids(Filter { text: "nothing-like-this".into(), ..Filter::default() }), Vec::<String>::new());
    }

    #[test]
    fn source_filter_follows_relays_and_affiliations() {
        let by_source = |id: &str| ids(Filter { source: Some(id.into()), ..Filter::default() });
        assert_eq!(by_source("sana"), ["palmyra-recaptured"]);
        assert_eq!(by_source("sohr"), ["western-breakthrough", "palmyra-recaptured", "mine-clearing", "russian-strikes-continue"]);
        assert_eq!(by_source("turkey"), ["turkish-operation"]);
    }

    #[test]
    fn kind_party_tag_and_place_filters() {
        assert_eq!(ids(Filter { kind: Some("state news agency".into()), ..Filter::default() }), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter { party: Some("Russia".into()), ..Filter::default() }), ["palmyra-recaptured"]);
        assert_eq!(ids(Filter { party: Some("Turkey".into()), tag: Some("sdf".into()), ..Filter::default() }), ["turkish-operation"]);
        assert_eq!(ids(Filter { place: Some("Aleppo".into()), ..Filter::default() }), ["aleppo"]);
        assert_eq!(ids(Filter { party: Some("SDF".into()), ..Filter::default() }), ["sdf-cedes-villages"]);
        // The article or the Observatory, neither a party, stands behind every Palmyra event.
        assert_eq!(ids(Filter { party: Some(NOT_A_PARTY.into()), ..Filter::default() }).len(), 13);
        assert_eq!(ids(Filter { tag: Some("control".into()), ..Filter::default() }).len(), 4);
    }

    #[test]
    fn refining_a_search_gives_what_a_full_search_gives() {
        let dataset = palmyra();
        let index = SearchIndex::new(&dataset);
        let steps = ["p", "pa", "pal", "palm", "palmyra", "palmyra ar", "palmyra army", "palmyra ar", "", "mines"];
        let mut previous: Option<(Filter, Vec<usize>)> = None;
        for text in steps {
            let filter = Filter { text: text.into(), ..Filter::default() };
            let refined = index.refine(&dataset, &filter, previous.as_ref().map(|(f, m)| (f, m.as_slice())));
            assert_eq!(refined, index.matching(&dataset, &filter), "after typing {text:?}");
            previous = Some((filter, refined));
        }
    }

    #[test]
    fn only_a_narrowing_filter_refines() {
        let f = |text: &str, tag: Option<&str>| Filter { text: text.into(), tag: tag.map(Into::into), ..Filter::default() };
        assert!(narrows(&f("pal", None), &f("palm", None)));
        assert!(narrows(&f("pal", None), &f("pal army", None)));
        assert!(narrows(&f("", None), &f("x", None)));
        assert!(!narrows(&f("palm", None), &f("pal", None)));
        assert!(!narrows(&f("pal", None), &f("pal", Some("control"))));
        assert!(!narrows(&f("pal army", None), &f("pal", None)));
    }

    #[test]
    fn facets_list_each_value_once() {
        let facets = Facets::of(&palmyra());
        assert_eq!(facets.parties, ["Russia", "SDF", "Syrian government", "Turkey"]);
        assert_eq!(facets.places, ["Aleppo", "Palmyra", "Syria"]);
        assert_eq!(facets.sources.len(), 10);
    }

    #[test]
    fn source_activity_counts_what_each_source_said_and_relayed() {
        let dataset = palmyra();
        let all = SourceActivity::all(&dataset);
        let of = |id: &str| all.iter().find(|a| a.source.id == id).unwrap();
        assert_eq!((of("sana").originated.len(), of("sana").relayed), (0, 1));
        assert_eq!(of("sohr").originated.len(), 4);
        assert_eq!(of("rami-abdel-rahman").originated.len(), 2);
    }
}
