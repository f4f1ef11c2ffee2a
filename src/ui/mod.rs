//! The Leptos user interface. Components render what the model derives; they hold no rules and
//! no sentences about the data: every count, date, party or plural they show comes from a call
//! into [`crate::model`].
//!
//! What lives where:
//! - this file: the state every component shares ([`AppState`], through context);
//! - `app`: the app itself, over the bundled dataset or a loaded one, at each stage of loading;
//! - `shell`: the page over one dataset, its layout;
//! - `timeline/`, `event_list`, `event_panel`, `sources`, `filters`: the views;
//! - `loader/`: getting a dataset that is not the bundled one (a link or a file) and the
//!   pages shown while it loads or when it fails;
//! - `url/`: the address bar, the page's title and description, and links to copy or share;
//! - `panic`: the page shown if the app ever panics;
//! - `tasks`: work spread over the page's tasks, so that it keeps answering;
//! - `page`: whether the components are drawn in a browser or rendered to HTML;
//! - `dom`: the ids, classes and head names by which the page and the app find elements;
//! - `keys`: which key does what, every table of the app's keys.

mod app;
pub mod dom;
mod keys;
mod event_list;
mod event_panel;
mod filters;
mod loader;
mod page;
mod panic;
mod shell;
mod sources;
mod tasks;
mod timeline;
mod url;

use std::sync::Arc;

use leptos::prelude::*;

use dom::EVENT_TITLE_ID;
use crate::model::start::is_large;
use crate::model::story::{self, Direction, Step};
use crate::model::{Catalog, Filter, Viewport};

pub use event_list::EventList;
pub use event_panel::{AttributionPanel, EventPanel};
pub use filters::Filters;
#[cfg(not(target_arch = "wasm32"))]
pub use app::{first_screen_html, written_panels_html, written_screen_html};
pub use app::{start, App, DatasetView};
pub use loader::{read_catalog, DatasetSlot, Preview, Stage};
pub use page::IN_BROWSER;
pub use panic::{install_panic_hook, show_failure_in};
pub use shell::Shell;
pub use sources::SourcesView;
pub use timeline::{Geometry, TextAdvance, Timeline};
pub use url::CopyLink;

/// How many events' searchable text is worked out in one step: a millisecond or two.
const SEARCH_SLICE: usize = 2_000;

/// Which of the two main views is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Timeline,
    Sources,
}

/// Everything the reader has chosen, shared by every component through context.
///
/// The catalog is held by the reactive owner of the app over it, so it is freed when that app
/// is replaced (another dataset opened), and every component reaches it through
/// [`AppState::catalog`].
#[derive(Clone, Copy)]
pub struct AppState {
    catalog: StoredValue<Arc<Catalog>>,
    /// The selected event, by index into the dataset's events.
    pub selected: RwSignal<Option<usize>>,
    /// The highlighted claim of the selected event, by id.
    pub claim: RwSignal<Option<String>>,
    pub filter: RwSignal<Filter>,
    pub viewport: RwSignal<Viewport>,
    pub view: RwSignal<View>,
    /// The events that pass the filter, in chronological order.
    pub matching: Memo<Vec<usize>>,
    /// Shown inside another site's page (`?embed=1`): compact, in step with the host page.
    pub embed: bool,
    /// A large site's first screen, while its whole catalog is read (`model::start`): the
    /// views draw the start file's events and nothing that counts them, and nothing answers.
    pub preview: Option<Preview>,
}

impl AppState {
    /// Fresh state over a catalog, owned by the current reactive owner.
    pub fn new(catalog: Arc<Catalog>) -> AppState {
        let limits = catalog.limits;
        let stored = StoredValue::new(catalog);
        let filter = RwSignal::new(Filter::default());
        // Typing narrows the last result instead of searching everything again.
        let last = StoredValue::new(None::<Filter>);
        let matching = Memo::new(move |previous: Option<&Vec<usize>>| {
            let current = filter.get();
            let before = last.get_value();
            let earlier = before.as_ref().zip(previous).map(|(f, m)| (f, m.as_slice()));
            let result = stored.with_value(|c| c.index.refine(&c.dataset, &current, earlier));
            last.set_value(Some(current));
            result
        });
        // The search index is worked out once the first events are painted, not before, a
        // slice at a time: at 100,000 events, all at once kept the page from answering for
        // about 100 ms. A search before it is done works out the rest.
        let current = move || stored.try_with_value(|_| ()).is_some();
        tasks::after_paint(move || {
            let slice = move || match stored.try_with_value(|c| c.index.prepare_some(&c.dataset, SEARCH_SLICE)) {
                Some(false) => None,
                _ => Some(()),
            };
            tasks::in_tasks(tasks::Repeat(slice), current, |()| {});
        });
        AppState {
            catalog: stored,
            selected: RwSignal::new(None),
            claim: RwSignal::new(None),
            filter,
            viewport: RwSignal::new(limits),
            view: RwSignal::new(View::Timeline),
            matching,
            embed: false,
            preview: None,
        }
    }

    /// Whether the page is drawn in more than one task ([`is_large`]): the whole dataset's
    /// size decides, a first screen's too.
    pub fn drawn_in_parts(&self) -> bool {
        is_large(self.preview.map_or_else(|| self.catalog.with_value(|c| c.dataset.events.len()), |p| p.events))
    }

    /// The catalog the app shows.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog.get_value()
    }

    /// Selects an event and brings it into view if it is not.
    pub fn select(&self, index: usize) {
        let revealed = self.catalog.with_value(|c| {
            let (from, to) = c.spans[index];
            self.viewport.get_untracked().reveal(from, to, &c.limits)
        });
        if revealed != self.viewport.get_untracked() {
            self.viewport.set(revealed);
        }
        self.claim.set(None);
        self.selected.set(Some(index));
    }

    /// Where the selected event stands in the story, if one is selected (see [`Step::of`]).
    pub fn step(&self) -> Option<Step> {
        let selected = self.selected.get()?;
        let events = self.catalog.with_value(|c| c.dataset.events.len());
        self.matching.with(|matching| Step::of(matching, events, selected))
    }

    /// Selects the event a step in `direction` leads to (see [`story::step`]); false when there
    /// is none.
    pub fn step_towards(&self, direction: Direction) -> bool {
        let events = self.catalog.with_value(|c| c.dataset.events.len());
        let target = self
            .matching
            .with_untracked(|matching| story::step(matching, events, self.selected.get_untracked(), direction));
        target.inspect(|&index| self.select(index)).is_some()
    }

    /// Shows the whole dataset: no filter, no selection, every day.
    pub fn show_everything(&self) {
        self.filter.set(Filter::default());
        self.selected.set(None);
        self.claim.set(None);
        self.show_all_days();
    }

    /// Zooms out to every day of the dataset.
    pub fn show_all_days(&self) {
        self.viewport.set(self.catalog.with_value(|c| c.limits));
    }
}

/// On a one-column layout the panels sit below the list: after a reader picks an event there,
/// bring its panel up so the choice visibly did something.
pub fn reveal_panel() {
    let one_column = window().match_media("(max-width: 900px)").ok().flatten().is_some_and(|m| m.matches());
    if one_column {
        if let Some(panel) = document().get_element_by_id(EVENT_TITLE_ID) {
            panel.scroll_into_view();
        }
    }
}

/// Reads the app state from context. Every component below [`Shell`] has one.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
