//! The app's page over one dataset: the header, the notices about the link it was opened with,
//! the filters, the timeline or the sources view, the list and the panels.

use std::sync::Arc;

use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

use super::dom::{MAIN_ID, TIMELINE_AREA_CLASS};
use super::loader::{self, Preview};
use super::tasks::next_task_flag;
use super::{url, use_state, AppState, IN_BROWSER, AttributionPanel, EventList, EventPanel, Filters, SourcesView, Timeline, View};
use crate::model::start::reading_all;
use crate::model::{Catalog, Problem};

/// The app over a given catalog: header, search and filters, the timeline or the sources
/// view, the event list and the panels.
#[component]
pub fn Shell(
    /// The dataset to show, and what is computed from it.
    catalog: Arc<Catalog>,
    /// What was wrong with a loaded dataset: the events with problems were left out.
    #[prop(optional)]
    problems: Vec<Problem>,
    /// A large site's first screen, over its start file's events, while the whole catalog is
    /// read: it follows no link and writes none, and does not answer until the catalog is read.
    #[prop(optional)]
    preview: Option<Preview>,
) -> impl IntoView {
    let title = catalog.dataset.title.clone();
    let banner = catalog.origin.banner();
    let state = AppState { embed: url::current_link().embed, preview, ..AppState::new(catalog) };
    provide_context(state);
    let notes = RwSignal::new(Vec::<String>::new());
    if state.embed && IN_BROWSER {
        // Compact inside the host page: the stylesheet leaves out the filters and the list.
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("embedded");
        }
    }
    if preview.is_none() {
        url::sync_with_address_bar(state, notes);
        if state.embed {
            url::keep_host_in_step(state);
        }
        if IN_BROWSER {
            url::follow_selection_in_document_head(state);
        }
    }
    let previewing = preview.is_some();
    // A page written at build time, which may be shown embedded (`?embed=1`, `public/start.js`).
    let written = !IN_BROWSER && !previewing;
    // A large dataset's list is drawn in a task after the one that draws the timeline.
    let list_drawn = next_task_flag(state.drawn_in_parts());
    let reading = preview.map(|p| {
        let said = move || p.read.with(|(done, total)| reading_all(p.events, *done, *total));
        view! { <p class="reading-all" role="status">{said}</p> }
    });
    // Said when the selection changes, not each time a filter moves the event's place.
    let announcement = move || {
        let index = state.selected.get()?;
        let step = untrack(|| state.step())?;
        Some(state.catalog().dataset.events[index].announcement(&step))
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
        <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to the timeline"</a>
        <header class="masthead">
            <div class="brand">
                <h1>"sourceline"</h1>
                <p class="dataset-title">{title}</p>
            </div>
            {if state.embed {
                view! { <FullView/> }.into_any()
            } else {
                view! {
                    <nav aria-label="Views" class="views" inert=previewing>
                        {view_button(View::Timeline, "Timeline")}
                        {view_button(View::Sources, "Sources")}
                    </nav>
                    <div class="file-open-box" inert=previewing>
                        <loader::FileOpener/>
                    </div>
                    // Where the page is shown embedded, the stylesheet shows this link in the
                    // place of the two above, as the app draws it there.
                    {written.then(|| view! { <FullView/> })}
                }
                .into_any()
            }}
        </header>
        {banner.map(|said| view! { <loader::Provenance said=said problems=problems/> })}
        <Notices notes=notes/>
        {reading}
        <div class="filters-box" inert=previewing>
            <Filters/>
        </div>
        <div class="layout" on:keydown=move |e| step_by_key(state, e)>
            <main id=MAIN_ID tabindex="-1" aria-busy=previewing.then_some("true")>
                {move || match state.view.get() {
                    View::Timeline => view! { <Timeline/> {move || (!previewing && list_drawn.get()).then(|| view! { <EventList/> })} }.into_any(),
                    View::Sources => view! { <SourcesView/> }.into_any(),
                }}
            </main>
            <div class="panels" inert=previewing>
                <EventPanel/>
                <AttributionPanel/>
            </div>
        </div>
        <div class="sr-only" role="status" aria-live="polite">{announcement}</div>
    }
}

/// Steps through the events by key while focus is inside the app's layout, so the keys never
/// act on a page the reader is not using (WCAG 2.1.4). Keys typed into a field, keys with
/// Ctrl, Alt or Meta, and keys something inside already used (the timeline's) are left alone.
fn step_by_key(state: AppState, e: ev::KeyboardEvent) {
    if state.preview.is_some() || e.default_prevented() || e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() {
        return;
    }
    let typing = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") || el.is_content_editable()
    });
    if typing {
        return;
    }
    // Page Down and Page Up step, as a presentation clicker's do, only on the timeline.
    let on_timeline = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.class_list().contains(TIMELINE_AREA_CLASS));
    if let Some(direction) = super::keys::story_step(&e.key(), on_timeline) {
        state.step_towards(direction);
        e.prevent_default();
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
    let kept = use_context::<url::KeptAddress>();
    let show_everything = move |_| {
        if let Some(kept) = kept {
            kept.forget();
        }
        state.show_everything();
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

/// Embedded, a link to the same view in the app itself, in a new tab.
#[component]
fn FullView() -> impl IntoView {
    let state = use_state();
    let href = move || {
        let catalog = state.catalog();
        let link = catalog.link(state.selected.get(), state.claim.get(), state.filter.get(), state.viewport.get());
        url::absolute(&catalog.address(&link))
    };
    view! { <a class="full-view" href=href target="_blank" rel="noopener">"Open the full view ↗"</a> }
}
