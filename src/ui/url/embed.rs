//! The app inside another site's page (`?embed=1`), and the code to put it there. The rules and
//! the message format are `model::embed`'s; this moves messages between the app and its host.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{absolute, copy_link::copy_text, folder};
use crate::model::embed::{self, HostRequest};
use crate::model::ViewState;
use crate::ui::AppState;

/// A field of a message as a string: `None` when absent, null or not a string.
fn text_field(data: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(key)).ok()?.as_string()
}

/// Tells the host page how tall the app is and what it shows, whenever either changes, and
/// shows what the host page asks for. Only called when the app is embedded.
pub fn keep_host_in_step(state: AppState) {
    let Ok(Some(host)) = window().parent() else { return };
    // This load of the frame, and the number of the last request from the host it handled.
    let load = js_sys::Math::random();
    let answered = StoredValue::new(None::<u64>);
    let send = {
        let host = host.clone();
        move || {
            let catalog = state.catalog();
            let event = state.selected.get_untracked().and_then(|i| catalog.dataset.events.get(i)).map(|e| e.id.clone());
            let claim = state.claim.get_untracked().filter(|_| event.is_some());
            let full = catalog.address(&catalog.link(state.selected.get_untracked(), claim.clone(), state.filter.get_untracked(), state.viewport.get_untracked()));
            let height = document().body().map_or(0, |body| body.offset_height());
            let message = js_sys::Object::new();
            let id = |id: Option<String>| id.map_or(JsValue::NULL, |id| JsValue::from_str(&id));
            for (key, value) in [
                ("source", JsValue::from_str(embed::FROM_APP)),
                ("type", JsValue::from_str(embed::STATE)),
                ("height", JsValue::from(height)),
                ("event", id(event)),
                ("claim", id(claim)),
                ("address", JsValue::from_str(&absolute(&full))),
                ("load", JsValue::from(load)),
                ("answered", answered.get_value().map_or(JsValue::NULL, |n| JsValue::from(n as f64))),
            ] {
                let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
            }
            // What it says is what the address bar of the full view would say: nothing private.
            let _ = host.post_message(&message, "*");
        }
    };
    Effect::new({
        let send = send.clone();
        move |_| {
            state.selected.track();
            state.claim.track();
            send();
        }
    });
    // The height follows the page's content, whatever changed it.
    let resized = Closure::<dyn FnMut()>::new(send.clone());
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()), document().body()) {
        observer.observe(&body);
        let kept = StoredValue::new_local(Some((observer, resized)));
        on_cleanup(move || {
            if let Some((observer, _)) = kept.try_update_value(Option::take).flatten() {
                observer.disconnect();
            }
        });
    }
    let listener = window_event_listener(leptos::ev::message, move |e| {
        let from_host = e.source().is_some_and(|source| JsValue::from(source) == JsValue::from(host.clone()));
        if !from_host {
            return;
        }
        let data = e.data();
        let field = |key| text_field(&data, key);
        let number = js_sys::Reflect::get(&data, &JsValue::from_str("request")).ok().and_then(|n| n.as_f64());
        let request = HostRequest::read(field("source").as_deref(), field("type").as_deref(), field("event").as_deref(), field("claim").as_deref(), number);
        let (event, claim, request) = match request {
            Some(HostRequest::Select { event, claim, request }) => (event, claim, request),
            Some(HostRequest::Ask) => return send(),
            None => return,
        };
        // Resolved as a link to the event would be: a claim the event lacks shows the whole event.
        let asked = event.is_some();
        let resolved = state.catalog().resolve(&ViewState { event, claim, ..ViewState::default() });
        match resolved.event {
            Some(index) => {
                state.select(index);
                state.claim.set(resolved.claim);
            }
            // An id this dataset does not have asks for nothing.
            None if asked => {}
            None => {
                state.selected.set(None);
                state.claim.set(None);
            }
        }
        // The answer, at once and whatever changed, so the host knows later states are news. A
        // request without a number (not from embed.js) keeps the last one.
        if request.is_some() {
            answered.set_value(request);
        }
        send();
    });
    on_cleanup(move || listener.remove());
}

/// "Embed…": the code that shows the current view in another site's page, to copy.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let state = crate::ui::use_state();
    let open = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let code = move || {
        let catalog = state.catalog();
        let mut link = catalog.link(state.selected.get(), state.claim.get(), state.filter.get(), state.viewport.get());
        link.embed = true;
        // The event's own page where it has one, as every link the app gives: an old `?event=`
        // address would cost the frame a second request.
        embed::embed_code(&absolute(&catalog.address(&link)), &format!("{}{}", folder(), embed::HOST_SCRIPT), &catalog.page_title(None))
    };
    view! {
        <div class="embed-code">
            <button type="button" aria-expanded=move || open.get().to_string() aria-controls="embed-code-panel" on:click=move |_| open.update(|o| *o = !*o)>
                "Embed…"
            </button>
            <Show when=move || open.get()>
                <div class="embed-panel" id="embed-code-panel" role="group" aria-labelledby="embed-code-label">
                    <label id="embed-code-label" for="embed-code-text">"Paste this into your page to show this view there"</label>
                    <textarea id="embed-code-text" readonly rows="4" prop:value=code></textarea>
                    <p class="embed-actions">
                        <button type="button" on:click=move |_| copy_text(code(), "Embed code copied.", status)>"Copy embed code"</button>
                        <span role="status">{move || status.get()}</span>
                    </p>
                </div>
            </Show>
        </div>
    }
}
