//! Copying or sharing a link to an event or a claim.

use leptos::prelude::*;

use super::absolute;
use crate::ui::use_state;

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
    let navigator = window().navigator();
    let can_share = js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("share")).unwrap_or(false);
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
            {can_share.then(|| view! { <button type="button" on:click=share>{format!("Share this {what}…")}</button> })}
            <span class="copy-status" role="status">{move || status.get()}</span>
        </span>
    }
}
