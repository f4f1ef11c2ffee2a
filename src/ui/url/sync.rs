//! Keeps the app state and the address bar in step.
//!
//! Choosing an event or claim adds a history entry, so Back and Forward walk through them;
//! typing, filtering, zooming and panning replace the current entry. Embedded in another
//! site's page, every change replaces it: the host page keeps the history (`embed`). An event of the bundled
//! dataset is addressed by its own page (`palmyra-recaptured.html?claim=army`), a real file, so
//! a reload or a copied address lands on it; the app reads the event back from the path.

use gloo_timers::callback::Timeout;
use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;

use super::{current_address, current_link};
use crate::model::{ViewState, Viewport};
use crate::ui::dom::{claim_anchor, EVENT_TITLE_ID};
use crate::ui::AppState;

/// Where the page written at build time showed the event's title, in pixels from the top of the
/// window, when the app took its place: the first view of an event scrolls so that the title
/// stays there. Taken once, so a dataset loaded later does not scroll to it.
#[derive(Debug, Clone, Copy)]
pub struct TakenOver(StoredValue<Option<f64>>);

impl TakenOver {
    /// The title's place, `top` pixels from the top of the window.
    pub fn at(top: f64) -> TakenOver {
        TakenOver(StoredValue::new(Some(top)))
    }

    /// The title's place, the first time only.
    pub fn take(self) -> Option<f64> {
        self.0.try_update_value(Option::take).flatten()
    }
}

/// How long the view must rest before the address follows it: dragging moves it many times a
/// second.
const SETTLE_MS: u32 = 250;

/// Applies what a link says, and returns what could not be applied, for telling the reader,
/// and whether the link named an event the dataset does not have.
fn apply(state: &AppState, link: &ViewState) -> (Vec<String>, bool) {
    let resolved = state.catalog().resolve(link);
    let missing = link.event.is_some() && resolved.event.is_none();
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
    (resolved.notes, missing)
}

/// The address of the state, relative to the app's folder, with the view at `viewport`.
fn address(state: &AppState, viewport: Viewport) -> String {
    let catalog = state.catalog();
    let mut link = catalog.link(state.selected.get_untracked(), state.claim.get_untracked(), state.filter.get_untracked(), viewport);
    link.embed = state.embed;
    catalog.address(&link)
}

/// The address a link to an event the dataset lacks left in the address bar, kept there while
/// the state is what that link left it in: the reader can still see and copy what they were
/// sent (a link made with a newer version, say). Shared through context, so that asking for the
/// whole timeline lets it go even when that changes nothing else.
#[derive(Debug, Clone, Copy)]
pub struct KeptAddress(StoredValue<Option<String>>);

impl KeptAddress {
    /// Lets the kept address go: the next change of state writes the address.
    pub fn forget(self) {
        self.0.set_value(None);
    }
}

/// Reads the address bar into the state now and on Back and Forward, and writes the state
/// back whenever it changes. What a link could not say goes into `notes`.
pub fn sync_with_address_bar(state: AppState, notes: RwSignal<Vec<String>>) {
    let kept = StoredValue::new(None::<String>);
    provide_context(KeptAddress(kept));
    let read = move || {
        let (said, missing) = apply(&state, &current_link());
        notes.set(said);
        kept.set_value(missing.then(|| address(&state, state.viewport.get_untracked())));
    };
    read();
    // A page written at build time has no address bar to follow.
    if !crate::ui::IN_BROWSER {
        return;
    }
    reveal_selection(&state);

    // Which event and claim the current history entry is about: a change of either is a new
    // entry, anything else replaces the current one.
    let last_choice = StoredValue::new((state.selected.get_untracked(), state.claim.get_untracked()));

    let on_popstate = window_event_listener(ev::popstate, move |_| {
        read();
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
        state.filter.track();
        let url = address(&state, settled.get());
        if url == current_address() || kept.with_value(|kept| kept.as_ref() == Some(&url)) {
            last_choice.set_value(choice);
            return;
        }
        kept.set_value(None);
        let Ok(history) = window().history() else { return };
        // Embedded, the host page's history has the entries (its script adds them), not the
        // frame's, so that Back in the host page steps through the host's own addresses.
        let _ = if last_choice.get_value() != choice && !state.embed {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        last_choice.set_value(choice);
    });
}

/// Scrolls to what a link pointed at: the claim, else the event's panel. When the app has just
/// taken the place of the event's page, the title stays where the page showed it.
fn reveal_selection(state: &AppState) {
    let (target, keep_at) = match (state.selected.get_untracked(), state.claim.get_untracked()) {
        (Some(_), Some(claim)) => (claim_anchor(&claim), None),
        (Some(_), None) => (EVENT_TITLE_ID.to_string(), use_context::<TakenOver>().and_then(TakenOver::take)),
        _ => return,
    };
    // After the first render, so that the element exists, and before it is painted.
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&target) else { return };
        match keep_at {
            Some(top) => {
                // At once, not smoothly: the reader should see the app appear around the title,
                // not the page glide to it.
                let options = web_sys::ScrollToOptions::new();
                options.set_top(el.get_bounding_client_rect().top() - top);
                options.set_behavior(web_sys::ScrollBehavior::Instant);
                window().scroll_by_with_scroll_to_options(&options);
            }
            None => el.scroll_into_view(),
        }
    });
}
