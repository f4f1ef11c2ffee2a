//! Copying or sharing a link to an event or a claim, and copying a claim's citation.

use leptos::prelude::*;

use super::absolute;
use crate::model::date::{CivilDate, Day};
use crate::model::export;
use crate::ui::use_state;

/// Today, on the reader's calendar.
fn today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    Day::from_civil(CivilDate { year: now.get_full_year() as i32, month: now.get_month() as u8 + 1, day: now.get_date() as u8 })
}

/// Writes `text` to the clipboard, then says `done`, or shows the text to copy by hand.
pub(super) fn copy_text(text: String, done: &'static str, status: RwSignal<String>) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(done.to_string()),
            Err(_) => status.set(format!("Copy this by hand: {text}")),
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
    let catalog = use_state().catalog();
    let address = catalog.address(&catalog.link_to(&event, claim.as_deref()));
    let link = absolute(&address);
    let status = RwSignal::new(String::new());
    let can_share = crate::ui::IN_BROWSER && js_sys::Reflect::has(&window().navigator(), &wasm_bindgen::JsValue::from_str("share")).unwrap_or(false);
    let copy = {
        let link = link.clone();
        move |_| copy_text(link.clone(), "Link copied.", status)
    };
    let cite = claim.map(|claim| {
        let (link, catalog) = (link.clone(), catalog.clone());
        move |_| {
            let dataset = &catalog.dataset;
            let cited = dataset.event(&event).zip(today()).and_then(|(e, day)| export::citation(dataset, e, &claim, &link, day));
            if let Some(cited) = cited {
                copy_text(cited, "Citation copied.", status);
            }
        }
    });
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_url(&link);
        let promise = window().navigator().share_with_data(&data);
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    view! {
        <span class="copy-link">
            <button type="button" on:click=copy>{format!("Copy link to this {what}")}</button>
            {cite.map(|cite| view! { <button type="button" on:click=cite>"Copy citation"</button> })}
            {can_share.then(|| view! { <button type="button" on:click=share>{format!("Share this {what}…")}</button> })}
            <span class="copy-status" role="status">{move || status.get()}</span>
        </span>
    }
}
