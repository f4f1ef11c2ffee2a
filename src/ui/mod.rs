//! The Leptos user interface. Components render what the model derives; they hold no rules.
//!
//! The app's state is a handful of signals in [`AppState`], shared through context; the
//! loaded dataset and what is computed once from it live in a [`Catalog`].

mod event_list;
mod event_panel;
mod filters;
mod loader;
mod panic;
mod sources;
mod timeline;
mod url;

use leptos::prelude::*;

use crate::model::{Dataset, Day, Facets, Filter, Problem, SearchIndex, ViewState, Viewport};

pub use event_list::EventList;
pub use event_panel::{AttributionPanel, EventPanel};
pub use filters::Filters;
pub use panic::{install_panic_hook, show_failure_in};
pub use sources::SourcesView;
pub use timeline::Timeline;
pub use url::CopyLink;

/// A dataset and what is computed from it once, when it is loaded.
pub struct Catalog {
    pub dataset: Dataset,
    pub index: SearchIndex,
    pub facets: Facets,
    /// Each event's span of days on the axis, by event index.
    pub spans: Vec<(Day, Day)>,
    /// The whole span of the dataset: the widest view.
    pub limits: Viewport,
    /// Where the dataset was loaded from (`?data=`), or `None` for the bundled one.
    pub origin: Option<String>,
    /// The name of the file it was read from, when a reader opened one from their device.
    pub local: Option<String>,
}

impl Catalog {
    pub fn new(dataset: Dataset) -> Catalog {
        Catalog::loaded_from(dataset, None, None)
    }

    /// A catalog of a dataset loaded from a link, which links to its events will carry, or
    /// from a file on this device, named `local`.
    pub fn loaded_from(dataset: Dataset, origin: Option<String>, local: Option<String>) -> Catalog {
        let spans: Vec<(Day, Day)> = dataset.events.iter().map(|e| e.date.span()).collect();
        let first = spans.iter().map(|s| s.0).min().unwrap_or(Day(0));
        let last = spans.iter().map(|s| s.1).max().unwrap_or(first);
        Catalog {
            index: SearchIndex::new(&dataset),
            facets: Facets::of(&dataset),
            limits: Viewport::around(first, last),
            spans,
            dataset,
            origin,
            local,
        }
    }

    /// The index of the event with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.dataset.events.iter().position(|e| e.id == id)
    }
}

/// Which of the two main views is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Timeline,
    Sources,
}

/// Everything the reader has chosen, shared by every component through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
    /// The selected event, by index into the dataset's events.
    pub selected: RwSignal<Option<usize>>,
    /// The highlighted claim of the selected event, by id.
    pub claim: RwSignal<Option<String>>,
    pub filter: RwSignal<Filter>,
    pub viewport: RwSignal<Viewport>,
    pub view: RwSignal<View>,
    /// The events that pass the filter, in chronological order.
    pub matching: Memo<Vec<usize>>,
}

impl AppState {
    /// Fresh state over a catalog that lives as long as the page.
    pub fn new(catalog: &'static Catalog) -> AppState {
        let filter = RwSignal::new(Filter::default());
        // Typing narrows the last result instead of searching everything again.
        let last = StoredValue::new(None::<Filter>);
        let matching = Memo::new(move |previous: Option<&Vec<usize>>| {
            let current = filter.get();
            let before = last.get_value();
            let earlier = before.as_ref().zip(previous).map(|(f, m)| (f, m.as_slice()));
            let result = catalog.index.refine(&catalog.dataset, &current, earlier);
            last.set_value(Some(current));
            result
        });
        AppState {
            catalog,
            selected: RwSignal::new(None),
            claim: RwSignal::new(None),
            filter,
            viewport: RwSignal::new(catalog.limits),
            view: RwSignal::new(View::Timeline),
            matching,
        }
    }

    /// Selects an event and brings it into view if it is not.
    pub fn select(&self, index: usize) {
        let (from, to) = self.catalog.spans[index];
        let revealed = self.viewport.get_untracked().reveal(from, to, &self.catalog.limits);
        if revealed != self.viewport.get_untracked() {
            self.viewport.set(revealed);
        }
        self.claim.set(None);
        self.selected.set(Some(index));
    }
}

/// On a one-column layout the panels sit below the list: after a reader picks an event there,
/// bring its panel up so the choice visibly did something.
pub fn reveal_panel() {
    let one_column = window().match_media("(max-width: 900px)").ok().flatten().is_some_and(|m| m.matches());
    if one_column {
        if let Some(panel) = document().get_element_by_id("event-panel-heading") {
            panel.scroll_into_view();
        }
    }
}

/// Reads the app state from context. Every component below [`App`] has one.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The whole app: over the bundled dataset, or over one a link names with `?data=`.
#[component]
pub fn App() -> impl IntoView {
    let link = ViewState::parse(&window().location().search().unwrap_or_default());
    // The catalog lives as long as the page.
    let bundled = || -> &'static Catalog { Box::leak(Box::new(Catalog::new(Dataset::embedded()))) };
    let stage = RwSignal::new(loader::Stage::Ready(bundled(), Vec::new()));
    if let Some(path) = link.data {
        loader::start_fetch(path, stage);
    }
    provide_context(loader::DatasetSlot(stage));
    view! { <loader::DatasetView stage=stage/> }
}

/// The app over a given catalog: header, search and filters, the timeline or the sources
/// view, the event list and the panels.
#[component]
pub fn Shell(
    /// The dataset to show, and what is computed from it.
    catalog: &'static Catalog,
    /// What was wrong with a loaded dataset: the events with problems were left out.
    #[prop(optional)]
    problems: Vec<Problem>,
) -> impl IntoView {
    let state = AppState::new(catalog);
    provide_context(state);
    let notes = RwSignal::new(Vec::<String>::new());
    url::sync_with_address_bar(state, notes);
    let announcement = move || {
        state.selected.get().map(|i| {
            let event = &catalog.dataset.events[i];
            format!("Selected: {}, {}", event.title, event.date.human())
        })
    };
    let view_button = move |view: View, label: &'static str| {
        view! {
            <button
                type="button"
                class="view-switch"
                aria-pressed=move || (state.view.get() == view).to_string()
                on:click=move |_| state.view.set(view)
            >
                {label}
            </button>
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to the timeline"</a>
        <header class="masthead">
            <div class="brand">
                <h1>"sourceline"</h1>
                <p class="dataset-title">{catalog.dataset.title.clone()}</p>
            </div>
            <nav aria-label="Views" class="views">
                {view_button(View::Timeline, "Timeline")}
                {view_button(View::Sources, "Sources")}
            </nav>
            <loader::FileOpener/>
        </header>
        {catalog.origin.clone().or_else(|| catalog.local.clone()).map(|origin| {
            view! { <loader::Provenance origin=origin local=catalog.local.is_some() problems=problems/> }
        })}
        <Notices notes=notes/>
        <Filters/>
        <div class="layout">
            <main id="main" tabindex="-1">
                {move || match state.view.get() {
                    View::Timeline => view! { <Timeline/> <EventList/> }.into_any(),
                    View::Sources => view! { <SourcesView/> }.into_any(),
                }}
            </main>
            <div class="panels">
                <EventPanel/>
                <AttributionPanel/>
            </div>
        </div>
        <div class="sr-only" role="status" aria-live="polite">{announcement}</div>
    }
}

/// What the app could not do with the link it was opened with, and a way back to the whole
/// timeline.
#[component]
fn Notices(
    /// The notes to show; empty shows nothing.
    notes: RwSignal<Vec<String>>,
) -> impl IntoView {
    let state = use_state();
    let show_everything = move |_| {
        state.filter.set(Filter::default());
        state.selected.set(None);
        state.claim.set(None);
        state.viewport.set(state.catalog.limits);
        notes.set(Vec::new());
    };
    view! {
        <div class="notices" role="status">
            <Show when=move || notes.with(|n| !n.is_empty())>
                <div class="notice">
                    <ul>{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" on:click=show_everything>"Show the whole timeline"</button>
                    <button type="button" on:click=move |_| notes.set(Vec::new())>"Dismiss"</button>
                </div>
            </Show>
        </div>
    }
}
