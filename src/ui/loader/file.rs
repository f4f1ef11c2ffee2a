//! Opening a dataset file from the reader's device, through the File API.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::DatasetSlot;

/// A control that opens a dataset file from this device: nothing is sent anywhere.
#[component]
pub fn FileOpener() -> impl IntoView {
    let slot = use_context::<DatasetSlot>();
    let on_change = move |e: leptos::ev::Event| {
        let Some(slot) = slot else { return };
        let input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|files| files.get(0)) {
            slot.open_file(file);
        }
    };
    view! {
        <label class="file-open">
            "Open a dataset file…"
            <input type="file" accept=".json,application/json" on:change=on_change/>
        </label>
    }
}
