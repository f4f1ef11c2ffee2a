//! Downloading a dataset named by `?data=`: only from the app's own origin, with progress.
//!
//! `XMLHttpRequest` rather than `fetch`, for its progress events.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{DatasetSlot, Stage};
use crate::model::loading::{dataset_text, is_too_large};
use crate::model::{DatasetOrigin, LoadFailure};

/// A download under way. Dropping it stops it and removes its listeners.
pub struct Download {
    request: web_sys::XmlHttpRequest,
    _listeners: [EventListener; 3],
}

impl Drop for Download {
    fn drop(&mut self) {
        let _ = self.request.abort();
    }
}

/// The address `path` resolves to, if it is on this page's origin.
fn same_origin_url(path: &str) -> Option<String> {
    let location = window().location();
    let url = web_sys::Url::new_with_base(path, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| url.href())
}

impl Download {
    /// Starts downloading `path` into `slot`: progress as it comes, then the text is read.
    pub fn start(path: &str, slot: DatasetSlot) -> Result<Download, LoadFailure> {
        let url = same_origin_url(path).ok_or(LoadFailure::NotOnThisSite)?;
        let request = web_sys::XmlHttpRequest::new().map_err(|_| LoadFailure::NoDownloads)?;
        request.open("GET", &url).map_err(|_| LoadFailure::CannotOpen)?;
        // Bytes, not text: a JavaScript string of megabytes is slow to copy into WebAssembly,
        // bytes are one copy.
        request.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
        let stage = slot.stage;
        let label = path.to_string();
        let failed = move || matches!(stage.get_untracked(), Stage::Failed { .. });
        let progress = {
            let label = label.clone();
            EventListener::new(&request, "progress", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::ProgressEvent>() else { return };
                let total = e.length_computable().then(|| e.total());
                if total.is_some_and(is_too_large) {
                    stage.set(Stage::Failed { label: label.clone(), reason: LoadFailure::TooLarge, problems: Vec::new() });
                } else if !failed() {
                    stage.set(Stage::Downloading { label: label.clone(), done: e.loaded(), total });
                }
            })
        };
        let done = {
            let (request, label) = (request.clone(), label.clone());
            EventListener::once(&request.clone(), "load", move |_| {
                if failed() {
                    return;
                }
                match request.status().unwrap_or(0) {
                    200..=299 => {
                        let bytes = request.response().map(|body| js_sys::Uint8Array::new(&body).to_vec()).unwrap_or_default();
                        slot.read_later(dataset_text(bytes), DatasetOrigin::Link(label));
                    }
                    status => stage.set(Stage::Failed { label, reason: LoadFailure::Status(status), problems: Vec::new() }),
                }
            })
        };
        let error = EventListener::once(&request, "error", move |_| {
            stage.set(Stage::Failed { label, reason: LoadFailure::DownloadFailed, problems: Vec::new() });
        });
        request.send().map_err(|_| LoadFailure::CannotRequest)?;
        Ok(Download { request, _listeners: [progress, done, error] })
    }
}
