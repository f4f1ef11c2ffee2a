//! A dataset as the app holds it: the events with what is computed from them once (the search
//! index, the menus' choices, each event's span on the axis, the widest view), where the
//! dataset came from, and how a link's choices resolve against it.

use super::attribution::{Attribution, WHO_SAYS_SO};
use super::dataset::{Dataset, Event};
use std::ops::Range;

use super::date::{day_range_words, Day};
use super::filter::{EventValues, Facets, Filter, SearchIndex};
use super::loading::Opened;
use super::problem::Problem;
use super::story::Step;
use super::timeline::Viewport;
use super::url_state::ViewState;
use super::words::{count, shortened};

/// The names of an event's facts, in the app's panel and on the event's page.
pub const WHEN: &str = "When";
pub const WHERE: &str = "Where";

/// The product's name, as pages, previews and titles give it.
pub const SITE_NAME: &str = "sourceline";

/// The longest description of a page, as search engines and link previews show it.
pub const DESCRIPTION_CHARS: usize = 160;

/// The most events a page lists. A larger dataset is listed by period: its events in stretches
/// of this many, in time order. An event's page then lists the events of its own period, with
/// links to the periods either side, and the index links to the periods, so that no page grows
/// with the dataset (a page listing all of 100,000 events would be megabytes, and writing one
/// for every event, terabytes).
pub const LISTED_EVENTS: usize = 50;

/// The most periods the index links to: above that, each of its links opens a wider stretch of
/// whole periods, so that the index, the page of the first visit, stays small at any size.
pub const INDEX_LINKS: usize = 200;

/// Where a dataset came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetOrigin {
    /// The dataset the site was built with, read from its compiled catalog.
    Bundled,
    /// A file on the app's own site, named by a `?data=` link, as the link gave it.
    Link(String),
    /// A file the reader opened from their device, by its name.
    File(String),
}

impl DatasetOrigin {
    /// The `data=` a link to this dataset carries: only a file on the site can be linked to.
    pub fn data_link(&self) -> Option<&str> {
        match self {
            DatasetOrigin::Link(path) => Some(path),
            DatasetOrigin::Bundled | DatasetOrigin::File(_) => None,
        }
    }

    /// How the reader named it: the link's path or the file's name; `None` for the bundled
    /// dataset.
    pub fn name(&self) -> Option<&str> {
        match self {
            DatasetOrigin::Bundled => None,
            DatasetOrigin::Link(name) | DatasetOrigin::File(name) => Some(name),
        }
    }

    /// What the banner over a dataset that is not the bundled one says about where it came
    /// from; `None` for the bundled dataset.
    pub fn banner(&self) -> Option<String> {
        match self {
            DatasetOrigin::Bundled => None,
            DatasetOrigin::Link(path) => {
                Some(format!("You are viewing data loaded from {path}, which this site does not vouch for. "))
            }
            DatasetOrigin::File(name) => Some(format!(
                "You are viewing your file {name}, read in this browser only: nothing was sent anywhere, and links copied from it open the bundled dataset. "
            )),
        }
    }
}

/// A dataset and what is computed from it once, when it is loaded.
#[derive(Debug)]
pub struct Catalog {
    pub dataset: Dataset,
    pub index: SearchIndex,
    pub facets: Facets,
    /// Each event's span of days on the axis, by event index.
    pub spans: Vec<(Day, Day)>,
    /// The whole span of the dataset: the widest view.
    pub limits: Viewport,
    pub origin: DatasetOrigin,
}

/// A catalog being worked out from its dataset a slice of events at a time, so that a page
/// can answer in between: at 100,000 events, the whole at once took the page 50 ms.
pub struct Indexing {
    dataset: Dataset,
    origin: DatasetOrigin,
    spans: Vec<(Day, Day)>,
    values: EventValues,
}

impl Indexing {
    pub fn new(dataset: Dataset, origin: DatasetOrigin) -> Indexing {
        let spans = Vec::with_capacity(dataset.events.len());
        Indexing { dataset, origin, spans, values: EventValues::default() }
    }

    /// Takes in up to `events` more events; gives the catalog once every one is.
    pub fn step(&mut self, events: usize) -> Option<Catalog> {
        let (from, all) = (self.spans.len(), self.dataset.events.len());
        let slice = &self.dataset.events[from..all.min(from.saturating_add(events))];
        self.spans.extend(slice.iter().map(|e| e.date.span()));
        self.values.add(slice);
        if self.spans.len() < all {
            return None;
        }
        let first = self.spans.iter().map(|s| s.0).min().unwrap_or(Day(0));
        let last = self.spans.iter().map(|s| s.1).max().unwrap_or(first);
        let dataset = std::mem::replace(&mut self.dataset, Dataset::empty());
        Some(Catalog {
            index: SearchIndex::new(),
            facets: std::mem::take(&mut self.values).facets(&dataset),
            limits: Viewport::around(first, last),
            spans: std::mem::take(&mut self.spans),
            dataset,
            origin: self.origin.clone(),
        })
    }
}

/// What a link selects, resolved against a catalog, and what it said that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The selected event, by index.
    pub event: Option<usize>,
    /// The highlighted claim of that event, by id; only a claim the event has.
    pub claim: Option<String>,
    pub filter: Filter,
    pub viewport: Viewport,
    /// Sentences for the reader about what the link asked for and did not get.
    pub notes: Vec<String>,
}

impl Catalog {
    pub fn new(dataset: Dataset, origin: DatasetOrigin) -> Catalog {
        let mut indexing = Indexing::new(dataset, origin);
        loop {
            if let Some(catalog) = indexing.step(usize::MAX) {
                return catalog;
            }
        }
    }

    /// Reads a dataset file into a catalog, with every problem found (its events with problems
    /// are left out). A file with nothing to show fails, with the problems that explain why.
    pub fn read(text: &str, origin: DatasetOrigin) -> Opened<Catalog> {
        Catalog::from_parsed(Dataset::parse(text), origin)
    }

    /// A catalog of what [`Dataset::parse`] or [`Dataset::parse_any_size`] read, as
    /// [`Catalog::read`] makes it.
    pub fn from_parsed(parsed: (Option<Dataset>, Vec<Problem>), origin: DatasetOrigin) -> Opened<Catalog> {
        super::loading::showable(parsed).map(|(dataset, problems)| (Catalog::new(dataset, origin), problems))
    }

    /// The index of the event with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.dataset.events.iter().position(|e| e.id == id)
    }

    /// What a link selects in this dataset. An event the dataset lacks selects nothing; a
    /// claim its event lacks shows the whole event; each is said in a note, after the notes
    /// about parameters the link could not use.
    pub fn resolve(&self, link: &ViewState) -> Resolved {
        let mut notes: Vec<String> = link.ignored.iter().map(ToString::to_string).collect();
        let viewport = match link.range() {
            Some((from, to)) => Viewport::exactly(from, to, &self.limits),
            None => self.limits,
        };
        let event = link.event.as_deref().and_then(|id| {
            let found = self.position(id);
            if found.is_none() {
                notes.insert(0, format!("There is no event “{id}” in this dataset."));
            }
            found
        });
        let claim = match (event, link.claim.as_deref()) {
            (Some(index), Some(claim)) if self.dataset.events[index].claim(claim).is_none() => {
                notes.insert(0, format!("This event has no claim “{claim}”; showing the whole event."));
                None
            }
            (Some(_), claim) => claim.map(str::to_string),
            (None, _) => None,
        };
        Resolved { event, claim, filter: link.filter.clone(), viewport, notes }
    }

    /// The link to a view of this dataset: the selection, the filter, and the visible range
    /// when it is not the whole dataset.
    pub fn link(&self, event: Option<usize>, claim: Option<String>, filter: Filter, viewport: Viewport) -> ViewState {
        let state = ViewState {
            data: self.origin.data_link().map(str::to_string),
            event: event.map(|i| self.dataset.events[i].id.clone()),
            claim,
            filter,
            ..ViewState::default()
        };
        if viewport == self.limits {
            state
        } else {
            state.with_range(viewport.days())
        }
    }

    /// The address of a view relative to the app's folder: an event of the bundled dataset is
    /// its own page (`palmyra-recaptured.html?claim=army`); a dataset from a link or a file has
    /// no pages, so everything stays in the query string of the app's page.
    pub fn address(&self, state: &ViewState) -> String {
        match self.origin {
            DatasetOrigin::Bundled => state.page_address(),
            DatasetOrigin::Link(_) | DatasetOrigin::File(_) => state.app_address(),
        }
    }

    /// The page's title: the event's, "Syrian forces recapture Palmyra · sourceline", or the
    /// dataset's when no event is selected, "Palmyra changes hands, 2011–2017 · sourceline".
    pub fn page_title(&self, event: Option<&Event>) -> String {
        format!("{} · {SITE_NAME}", event.map_or(&self.dataset.title, |e| &e.title))
    }

    /// The page's description: the event's summary, or the dataset's description, shortened.
    pub fn page_description(&self, event: Option<&Event>) -> String {
        event.map_or_else(|| shortened(&self.dataset.description, DESCRIPTION_CHARS), Event::description)
    }

    /// What the index page's preview image shows, for those who cannot see it: "Preview of
    /// “Palmyra changes hands, 2011–2017”: 13 events."
    pub fn preview_alt(&self) -> String {
        format!("Preview of “{}”: {}.", self.dataset.title, self.events_count())
    }

    /// How many events there are: "13 events".
    pub fn events_count(&self) -> String {
        count(self.dataset.events.len(), "event", "events")
    }

    /// The stretches of events the pages list: one of every event for a dataset of at most
    /// [`LISTED_EVENTS`], else consecutive stretches of that many, in time order.
    pub fn periods(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let events = self.dataset.events.len();
        (0..events).step_by(LISTED_EVENTS).map(move |start| start..(start + LISTED_EVENTS).min(events))
    }

    /// The stretches of events the index links to, each opened at its first event: every
    /// period, or, for a dataset of more than [`INDEX_LINKS`] periods, wider stretches of whole
    /// periods, at most [`INDEX_LINKS`] of them.
    pub fn index_periods(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let events = self.dataset.events.len();
        let periods = events.div_ceil(LISTED_EVENTS);
        let width = periods.div_ceil(INDEX_LINKS).max(1) * LISTED_EVENTS;
        (0..events).step_by(width).map(move |start| start..(start + width).min(events))
    }

    /// Whether the pages list the events by period rather than all at once.
    pub fn listed_by_period(&self) -> bool {
        self.dataset.events.len() > LISTED_EVENTS
    }

    /// The period the event at `index` is listed in.
    pub fn period_of(&self, index: usize) -> Range<usize> {
        let start = index / LISTED_EVENTS * LISTED_EVENTS;
        start..(start + LISTED_EVENTS).min(self.dataset.events.len())
    }

    /// A period as the pages name it, by the events' places in time order and the earliest
    /// days of its first and last events, the order they are in: "Events 51–100, 3 January –
    /// 12 February 2000". (The days the events could span would overlap from period to period:
    /// an event known only to its year reaches to the year's end.)
    pub fn period_label(&self, period: &Range<usize>) -> String {
        let spans = self.spans.get(period.clone()).unwrap_or_default();
        let first = spans.first().map_or(Day(0), |s| s.0);
        let last = spans.last().map_or(first, |s| s.0);
        format!("Events {}–{}, {}", period.start + 1, period.end, day_range_words(first, last))
    }

    /// The link from an event's page to the list of every period: "Every period of 100000 events".
    pub fn every_period(&self) -> String {
        format!("Every period of {}", self.events_count())
    }

    /// The events just before and just after the one at `index`, in time.
    pub fn neighbours(&self, index: usize) -> (Option<&Event>, Option<&Event>) {
        let events = &self.dataset.events;
        (index.checked_sub(1).and_then(|i| events.get(i)), events.get(index + 1))
    }

    /// The link to the whole dataset: nothing selected, nothing filtered.
    pub fn link_to_all(&self) -> ViewState {
        ViewState { data: self.origin.data_link().map(str::to_string), ..ViewState::default() }
    }

    /// The link to one event, or to one of its claims, and nothing else.
    pub fn link_to(&self, event: &str, claim: Option<&str>) -> ViewState {
        ViewState {
            data: self.origin.data_link().map(str::to_string),
            event: Some(event.to_string()),
            claim: claim.map(str::to_string),
            ..ViewState::default()
        }
    }
}

impl Event {
    /// The event named for a list or a button: "IS seizes Palmyra for the first time, May 2015".
    pub fn label(&self) -> String {
        format!("{}, {}", self.title, self.date.human())
    }


    /// The page's description, as search engines and link previews show it: the summary, cut
    /// at a word to at most [`DESCRIPTION_CHARS`] characters.
    pub fn description(&self) -> String {
        shortened(&self.summary, DESCRIPTION_CHARS)
    }

    /// What a preview image of the event shows, for those who cannot see it: "Preview of
    /// “Syrian forces recapture Palmyra”, 2 March 2017. Who says so: Sergei Shoigu, …"
    pub fn preview_alt(&self, attribution: &Attribution<'_>) -> String {
        format!("Preview of “{}”, {}. {}: {}.", self.title, self.date.human(), WHO_SAYS_SO, attribution.originator_names())
    }

    /// What a screen reader hears when the event is selected, with where it stands in the
    /// story: "Event 10 of 13: Syrian forces recapture Palmyra, 2 March 2017".
    pub fn announcement(&self, step: &Step) -> String {
        format!("{step}: {}", self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LoadFailure;
    use crate::model::filter::Facet;

    fn palmyra() -> Catalog {
        crate::model::Catalog::new(crate::model::fixtures::palmyra(), crate::model::DatasetOrigin::Bundled)
    }

    #[test]
    fn a_catalog_worked_out_a_slice_at_a_time_is_the_catalog_worked_out_at_once() {
        let whole = palmyra();
        for slice in 1..=whole.dataset.events.len() {
            let mut indexing = Indexing::new(whole.dataset.clone(), DatasetOrigin::Bundled);
            let mut steps = 1;
            let sliced = loop {
                match indexing.step(slice) {
                    Some(catalog) => break catalog,
                    None => steps += 1,
                }
            };
            assert_eq!(steps, whole.dataset.events.len().div_ceil(slice), "slices of {slice}");
            assert_eq!(sliced.dataset, whole.dataset);
            assert_eq!(sliced.facets, whole.facets, "slices of {slice}");
            assert_eq!((sliced.spans, sliced.limits), (whole.spans.clone(), whole.limits));
        }
        assert!(!whole.facets.options(crate::model::Facet::Tag).is_empty());
    }

    #[test]
    fn a_catalog_spans_its_events_and_finds_them_by_id() {
        let catalog = palmyra();
        assert_eq!(catalog.spans.len(), catalog.dataset.events.len());
        assert_eq!(catalog.position("civil-war"), Some(0));
        assert_eq!(catalog.position("nope"), None);
        let (first, last) = catalog.limits.days();
        assert!(first <= catalog.spans[0].0 && catalog.spans.iter().all(|s| s.1 <= last));
        assert_eq!(catalog.facets.options(crate::model::Facet::Source).len(), catalog.dataset.sources.len());
    }

    fn check_resolve(query: &str, event: Option<&str>, claim: Option<&str>, notes: &[&str]) {
        let catalog = palmyra();
        let resolved = catalog.resolve(&ViewState::parse(query));
        let id = resolved.event.map(|i| catalog.dataset.events[i].id.as_str());
        assert_eq!((id, resolved.claim.as_deref()), (event, claim), "{query}");
        assert_eq!(resolved.notes, notes, "{query}");
    }

    #[test]
    fn a_link_to_a_known_event_and_claim_selects_them() {
        check_resolve("?event=palmyra-recaptured&claim=army", Some("palmyra-recaptured"), Some("army"), &[]);
    }

    #[test]
    fn a_link_to_an_unknown_event_selects_nothing_and_says_so() {
        check_resolve("?event=nope&claim=army", None, None, &["There is no event “nope” in this dataset."]);
    }

    #[test]
    fn a_link_to_an_unknown_claim_shows_the_whole_event_and_says_so() {
        check_resolve(
            "?event=palmyra-recaptured&claim=nope",
            Some("palmyra-recaptured"),
            None,
            &["This event has no claim “nope”; showing the whole event."],
        );
    }

    #[test]
    fn notes_about_the_selection_come_before_notes_about_parameters() {
        check_resolve("?event=nope&zoom=9", None, None, &["There is no event “nope” in this dataset.", "“zoom” is not a setting this app knows"]);
    }

    #[test]
    fn links_carry_the_range_only_when_zoomed_and_the_data_only_from_the_site() {
        let catalog = palmyra();
        let whole = catalog.link(Some(9), None, Filter::default().with(Facet::Tag, "control"), catalog.limits);
        assert_eq!(whole.to_string(), "?event=palmyra-recaptured&tag=control");
        let zoomed = catalog.limits.zoom(0.01, 1.0, &catalog.limits);
        let link = catalog.link(None, None, Filter::default(), zoomed);
        assert_eq!(catalog.resolve(&ViewState::parse(&link.to_string())).viewport.days(), zoomed.days());

        let linked = Catalog::new(crate::model::fixtures::palmyra(), DatasetOrigin::Link("data/x.json".into()));
        assert_eq!(linked.link_to("e-1", Some("c")).to_string(), "?data=data%2Fx.json&event=e-1&claim=c");
        let opened = Catalog::new(crate::model::fixtures::palmyra(), DatasetOrigin::File("mine.json".into()));
        assert_eq!(opened.link_to("e-1", None).to_string(), "?event=e-1");
    }

    #[test]
    fn reading_a_file_keeps_what_can_be_shown_and_fails_when_nothing_can() {
        let origin = || DatasetOrigin::File("f.json".into());
        let (catalog, problems) = Catalog::read(crate::model::fixtures::PALMYRA_JSON, origin()).unwrap();
        assert_eq!((catalog.dataset.events.len(), problems.len()), (13, 0));
        assert_eq!(catalog.origin.name(), Some("f.json"));
        let empty = r#"{"format": "sourceline/1", "title": "t", "description": "d", "documents": [], "sources": [], "events": []}"#;
        assert_eq!(Catalog::read(empty, origin()).unwrap_err(), (LoadFailure::NoEvents, Vec::new()));
        let (failure, problems) = Catalog::read("not json", origin()).unwrap_err();
        assert_eq!((failure, problems.len()), (LoadFailure::NotADataset, 1));
    }

    #[test]
    fn only_a_dataset_that_is_not_bundled_has_a_banner() {
        assert_eq!(DatasetOrigin::Bundled.banner(), None);
        assert!(DatasetOrigin::Link("data/x.json".into()).banner().unwrap().contains("loaded from data/x.json"));
        assert!(DatasetOrigin::File("mine.json".into()).banner().unwrap().contains("your file mine.json"));
    }

    #[test]
    fn events_are_named_with_their_date_in_words() {
        let catalog = palmyra();
        let event = catalog.dataset.event("is-seizes-palmyra").unwrap();
        assert_eq!(event.label(), "IS seizes Palmyra for the first time, May 2015");
        let index = catalog.position("is-seizes-palmyra").unwrap();
        let all: Vec<usize> = (0..catalog.dataset.events.len()).collect();
        let step = Step::of(&all, all.len(), index).unwrap();
        assert_eq!(event.announcement(&step), "Event 2 of 13: IS seizes Palmyra for the first time, May 2015");
        let recaptured = catalog.position("palmyra-recaptured").unwrap();
        let step = Step::of(&all, all.len(), recaptured).unwrap();
        assert_eq!(
            catalog.dataset.events[recaptured].announcement(&step),
            "Event 10 of 13: Syrian forces recapture Palmyra, 2 March 2017"
        );
        assert_eq!(catalog.page_title(Some(event)), "IS seizes Palmyra for the first time · sourceline");
        assert_eq!(catalog.page_title(None), "Palmyra changes hands, 2011–2017 · sourceline");
        assert!(catalog.page_description(None).chars().count() <= DESCRIPTION_CHARS);
        assert!(catalog.page_description(None).ends_with('…'));
    }

    #[test]
    fn bundled_events_are_addressed_by_their_pages_and_others_by_the_query() {
        let catalog = palmyra();
        let link = catalog.link_to("palmyra-recaptured", Some("army"));
        assert_eq!(catalog.address(&link), "palmyra-recaptured.html?claim=army");
        let file = Catalog::new(crate::model::fixtures::palmyra(), DatasetOrigin::File("f.json".into()));
        assert_eq!(file.address(&file.link_to("palmyra-recaptured", None)), "./?event=palmyra-recaptured");
        let linked = Catalog::new(crate::model::fixtures::palmyra(), DatasetOrigin::Link("data/p.json".into()));
        assert_eq!(linked.address(&linked.link_to("palmyra-recaptured", None)), "./?data=data%2Fp.json&event=palmyra-recaptured");
        assert_eq!(linked.address(&linked.link_to_all()), "./?data=data%2Fp.json");
        assert_eq!(catalog.address(&catalog.link_to_all()), "./");
    }

    #[test]
    fn a_large_dataset_is_listed_by_period_and_a_small_one_at_once() {
        let small = palmyra();
        assert!(!small.listed_by_period());
        assert_eq!(small.periods().collect::<Vec<_>>(), vec![0..13_usize]);
        assert_eq!(small.period_of(12), 0..13);
        let text = crate::synthetic::dataset(120, 5).to_string();
        let large = Catalog::new(Dataset::parse(&text).0.unwrap(), DatasetOrigin::Bundled);
        assert!(large.listed_by_period());
        assert_eq!(large.periods().collect::<Vec<_>>(), [0..50, 50..100, 100..120]);
        assert_eq!(large.index_periods().collect::<Vec<_>>(), [0..50, 50..100, 100..120]);
        assert_eq!((large.period_of(0), large.period_of(99), large.period_of(119)), (0..50, 50..100, 100..120));
        let label = large.period_label(&(50..100));
        assert!(label.starts_with("Events 51–100, "), "{label}");
        let (first, last) = (large.spans[50].0, large.spans[99].0);
        assert!(label.ends_with(&crate::model::date::day_range_words(first, last)), "{label}");
        // 100,000 events are 2,000 periods: the index links to 200 stretches of 10 periods.
        let mut huge = Catalog::new(Dataset::parse(&text).0.unwrap(), DatasetOrigin::Bundled);
        let event = huge.dataset.events[0].clone();
        huge.dataset.events = vec![event; 100_000];
        let stretches: Vec<_> = huge.index_periods().collect();
        assert_eq!((stretches.len(), stretches[0].clone(), stretches[199].clone()), (INDEX_LINKS, 0..500, 99_500..100_000));
    }

    #[test]
    fn neighbours_are_the_events_either_side_in_time() {
        let catalog = palmyra();
        let events = &catalog.dataset.events;
        let last = events.len() - 1;
        assert_eq!(catalog.neighbours(0), (None, events.get(1)));
        assert_eq!(catalog.neighbours(3), (events.get(2), events.get(4)));
        assert_eq!(catalog.neighbours(last), (events.get(last - 1), None));
    }

    #[test]
    fn a_preview_is_described_with_its_title_date_and_voices() {
        let catalog = palmyra();
        let event = catalog.dataset.event("palmyra-recaptured").unwrap();
        let alt = event.preview_alt(&Attribution::of(&catalog.dataset, event));
        assert!(alt.starts_with("Preview of “Syrian forces recapture Palmyra”, 2 March 2017. Who says so: "), "{alt}");
        assert!(alt.contains("Syrian army") && alt.contains(" and "), "{alt}");
    }
}
