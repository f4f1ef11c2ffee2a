//! Keeps the app state and the address bar in step.
//!
//! Choosing an event or claim adds a history entry, so Back and Forward walk through them;
//! typing, filtering, zooming and panning replace the current entry.

use gloo_timers::callback::Timeout;
use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;

use super::{base_address, current_query};
use crate::model::ViewState;
use crate::ui::AppState;

/// How long the view must rest before the address follows it: dragging moves it many times a
/// second.
const SETTLE_MS: u32 = 250;

/// Applies what a link says, and returns what could not be applied, for telling the reader.
fn apply(state: &AppState, link: &ViewState) -> Vec<String> {
    let resolved = state.catalog().resolve(link);
    state.filter.set(resolved.filter);
    state.viewport.set(resolved.viewport);
    match resolved.event {
        Some(index) => {
            state.select(index);
            state.claim.set(resolved.claim);
        }
        None => {
            state.selected.set(None);
            state.claim.set(None);
        }
    }
    resolved.notes
}

/// Reads the address bar into the state now and on Back and Forward, and writes the state
/// back whenever it changes. What a link could not say goes into `notes`.
pub fn sync_with_address_bar(state: AppState, notes: RwSignal<Vec<String>>) {
    notes.set(apply(&state, &ViewState::parse(&current_query())));
    reveal_selection(&state);

    // Which event and claim the current history entry is about: a change of either is a new
    // entry, anything else replaces the current one.
    let last_choice = StoredValue::new((state.selected.get_untracked(), state.claim.get_untracked()));

    let on_popstate = window_event_listener(ev::popstate, move |_| {
        notes.set(apply(&state, &ViewState::parse(&current_query())));
        last_choice.set_value((state.selected.get_untracked(), state.claim.get_untracked()));
    });
    on_cleanup(move || on_popstate.remove());

    // The range the address shows follows the view once it has rested. Each move replaces the
    // pending timer, which cancels the one before; the timer goes with the app.
    let settled = RwSignal::new(state.viewport.get_untracked());
    let pending = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        let viewport = state.viewport.get();
        pending.set_value(Some(Timeout::new(SETTLE_MS, move || settled.set(viewport))));
    });
    Effect::new(move |_| {
        let choice = (state.selected.get(), state.claim.get());
        let link = state.catalog().link(choice.0, choice.1.clone(), state.filter.get(), settled.get());
        let query = link.to_string();
        if query == current_query() {
            last_choice.set_value(choice);
            return;
        }
        let url = if query.is_empty() { base_address() } else { query };
        let Ok(history) = window().history() else { return };
        let _ = if last_choice.get_value() != choice {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        last_choice.set_value(choice);
    });
}

/// Scrolls to what a link pointed at: the claim, else the event's panel.
fn reveal_selection(state: &AppState) {
    let target = match (state.selected.get_untracked(), state.claim.get_untracked()) {
        (Some(_), Some(claim)) => format!("claim-{claim}"),
        (Some(_), None) => "event-panel-heading".to_string(),
        _ => return,
    };
    // After the first render, so that the element exists.
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&target) {
            el.scroll_into_view();
        }
    });
}
