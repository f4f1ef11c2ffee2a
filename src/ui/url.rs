//! Keeps the app state and the address bar in step, through `model::url_state`, which alone
//! parses and prints the query string. Also the document title and description, and links to
//! copy or share.
//!
//! Choosing an event or claim adds a history entry, so Back and Forward walk through them;
//! typing, filtering, zooming and panning replace the current entry.

use leptos::{ev, prelude::*};
use wasm_bindgen::JsValue;

use super::{use_state, AppState, Catalog};
use crate::model::{EventDate, ViewState, Viewport};

/// The query string of the page, as the browser has it.
fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's address without its query string, to build links on.
fn base_address() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The absolute link to an event, or to one of its claims, in the dataset loaded from `data`
/// (or the bundled one).
pub fn link_to(data: Option<&str>, event: &str, claim: Option<&str>) -> String {
    let state = ViewState {
        data: data.map(str::to_string),
        event: Some(event.to_string()),
        claim: claim.map(str::to_string),
        ..ViewState::default()
    };
    format!("{}{state}", base_address())
}

/// The state the app is in, as a link would say it, with the view range once it has settled.
fn view_state(state: &AppState, viewport: Viewport) -> ViewState {
    let catalog = state.catalog;
    let zoomed = viewport != catalog.limits;
    let day = |d: crate::model::Day| EventDate::parse(&d.to_string()).ok();
    let (first, last) = viewport.days();
    ViewState {
        data: catalog.origin.clone(),
        event: state.selected.get().map(|i| catalog.dataset.events[i].id.clone()),
        claim: state.claim.get(),
        filter: state.filter.get(),
        from: zoomed.then(|| day(first)).flatten(),
        to: zoomed.then(|| day(last)).flatten(),
        ignored: Vec::new(),
    }
}

/// Applies what a link says, and returns what could not be applied, for telling the reader.
pub fn apply(state: &AppState, link: &ViewState) -> Vec<String> {
    let catalog: &Catalog = state.catalog;
    let mut notes: Vec<String> = link.ignored.iter().map(ToString::to_string).collect();
    state.filter.set(link.filter.clone());
    let viewport = match link.range() {
        Some((from, to)) => Viewport::exactly(from, to, &catalog.limits),
        None => catalog.limits,
    };
    state.viewport.set(viewport);
    match link.event.as_deref() {
        None => {
            state.selected.set(None);
            state.claim.set(None);
        }
        Some(id) => match catalog.position(id) {
            None => {
                state.selected.set(None);
                state.claim.set(None);
                notes.insert(0, format!("There is no event “{id}” in this dataset."));
            }
            Some(index) => {
                state.select(index);
                let claim = link.claim.as_deref();
                match claim {
                    Some(c) if catalog.dataset.events[index].claim(c).is_none() => {
                        notes.insert(0, format!("This event has no claim “{c}”; showing the whole event."));
                    }
                    _ => state.claim.set(claim.map(str::to_string)),
                }
            }
        },
    }
    notes
}

/// Reads the address bar into the state now and on Back and Forward, and writes the state
/// back whenever it changes. Returns the notes about what the first link could not say.
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
    // Dragging moves the view many times a second; the address follows once it rests.
    let settled = RwSignal::new(state.viewport.get_untracked());
    let moves = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let viewport = state.viewport.get();
        moves.update_value(|n| *n += 1);
        let this_move = moves.get_value();
        set_timeout(
            // The app may have been replaced (another dataset opened) before this fires.
            move || {
                if moves.try_get_value() == Some(this_move) {
                    settled.try_set(viewport);
                }
            },
            std::time::Duration::from_millis(250),
        );
    });
    Effect::new(move |_| {
        let query = view_state(&state, settled.get()).to_string();
        let choice = (state.selected.get(), state.claim.get());
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

    // The document's title and description follow the selected event.
    let default_title = document().title();
    let description = document().query_selector("meta[name=description]").ok().flatten();
    let default_description = description.as_ref().and_then(|m| m.get_attribute("content")).unwrap_or_default();
    Effect::new(move |_| {
        let selected = state.selected.get().map(|i| &state.catalog.dataset.events[i]);
        let (title, text) = match selected {
            Some(event) => (format!("{} · {}", event.title, default_title), short(&event.summary)),
            None => (default_title.clone(), default_description.clone()),
        };
        document().set_title(&title);
        if let Some(meta) = &description {
            let _ = meta.set_attribute("content", &text);
        }
    });
}

/// At most about 160 characters, cut at a word.
fn short(text: &str) -> String {
    if text.chars().count() <= 160 {
        return text.to_string();
    }
    let cut: String = text.chars().take(157).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
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

/// Copies a link to the clipboard, or offers the system's share sheet where there is one.
#[component]
pub fn CopyLink(
    /// The event the link points at.
    event: String,
    /// The claim within it, if the link is to one claim.
    #[prop(optional)]
    claim: Option<String>,
    /// What the link is to, for the buttons' names: "event", "claim".
    what: &'static str,
) -> impl IntoView {
    let link = link_to(use_state().catalog.origin.as_deref(), &event, claim.as_deref());
    let status = RwSignal::new(String::new());
    let navigator = window().navigator();
    let can_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    let copy = {
        let link = link.clone();
        move |_| {
            let link = link.clone();
            let promise = window().navigator().clipboard().write_text(&link);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set("Link copied.".to_string()),
                    Err(_) => status.set(format!("Copy this link by hand: {link}")),
                }
            });
        }
    };
    let share = {
        let link = link.clone();
        move |_| {
            let data = web_sys::ShareData::new();
            data.set_url(&link);
            let promise = window().navigator().share_with_data(&data);
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    view! {
        <span class="copy-link">
            <button type="button" on:click=copy>{format!("Copy link to this {what}")}</button>
            {can_share.then(|| view! { <button type="button" on:click=share>{format!("Share this {what}…")}</button> })}
            <span class="copy-status" role="status">{move || status.get()}</span>
        </span>
    }
}
