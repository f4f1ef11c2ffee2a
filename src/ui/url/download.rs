//! Downloading the events in view: the model writes the file, this hands it to the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::absolute;
use crate::model::{export, linked_data};
use crate::ui::use_state;

/// The events in view, as the event list shows them: indices into the dataset, in order.
pub type InView = Memo<Vec<usize>>;

/// Buttons that download the claims of the events in view as CSV, and the events as JSON-LD.
#[component]
pub fn Downloads(in_view: InView) -> impl IntoView {
    let state = use_state();
    let csv = move |_| {
        let catalog = state.catalog();
        let dataset = &catalog.dataset;
        let text = in_view.with_untracked(|v| export::claims_csv(dataset, v.iter().map(|&i| &dataset.events[i])));
        save(&text, "text/csv;charset=utf-8", &export::file_name(dataset, "csv"));
    };
    let json_ld = move |_| {
        let catalog = state.catalog();
        let dataset = &catalog.dataset;
        let here = window().location().href().unwrap_or_default();
        let page_of = |event: &crate::model::Event| absolute(&catalog.address(&catalog.link_to(&event.id, None)));
        let value = in_view.with_untracked(|v| linked_data::events_in_view(dataset, v.iter().map(|&i| &dataset.events[i]), &here, page_of));
        save(&value.to_string(), "application/ld+json", &export::file_name(dataset, "jsonld"));
    };
    view! {
        <p class="downloads">
            "Download these events: "
            <button type="button" aria-label="Download the events in view as CSV" on:click=csv>"CSV"</button>
            <button type="button" aria-label="Download the events in view as JSON-LD" on:click=json_ld>"JSON-LD"</button>
        </p>
    }
}

/// Offers `text` as a file named `name`, with no request to any server.
fn save(text: &str, mime: &str, name: &str) {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(link) = document().create_element("a") else { return };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
    // The browser has read the address when the click returns; the URL is revoked on drop,
    // after the download has started.
    let _ = gloo_timers::callback::Timeout::new(1_000, move || drop(url)).forget();
}
