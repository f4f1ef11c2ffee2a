//! Downloading a dataset named by `?data=`: only from the app's own origin, with progress.
//!
//! `XMLHttpRequest` rather than `fetch`, for its progress events.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::loading::is_too_large;
use crate::model::LoadFailure;

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

/// What a download tells whoever started it: how far it has come, then its bytes or why it has
/// none. Nothing follows a `Done` or a `Failed`.
pub enum Report {
    Progress { done: f64, total: Option<f64> },
    /// The file's bytes, still in JavaScript: handed to the reader's worker, or copied into the
    /// app a slice at a time (see [`super::read_catalog`]).
    Done(js_sys::ArrayBuffer),
    Failed(LoadFailure),
}

impl Download {
    /// Starts downloading `path`, telling `report` how it goes. A download `capped` stops as
    /// soon as the server says it is larger than the app reads from a link
    /// (`loading::is_too_large`); the site's own catalog, whatever size its publisher built,
    /// is not.
    pub fn start(path: &str, capped: bool, report: impl Fn(Report) + 'static) -> Result<Download, LoadFailure> {
        let url = same_origin_url(path).ok_or(LoadFailure::NotOnThisSite)?;
        let request = web_sys::XmlHttpRequest::new().map_err(|_| LoadFailure::NoDownloads)?;
        request.open("GET", &url).map_err(|_| LoadFailure::CannotOpen)?;
        // Bytes, not text: a JavaScript string of megabytes is slow to copy into WebAssembly,
        // and bytes can be handed to a worker without a copy.
        request.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
        let report = Rc::new(report);
        // Set once the download has failed, after which nothing more is said.
        let failed = Rc::new(Cell::new(false));
        let fail = {
            let (report, failed) = (report.clone(), failed.clone());
            move |reason| {
                if !failed.replace(true) {
                    report(Report::Failed(reason));
                }
            }
        };
        let progress = {
            let (report, failed, fail) = (report.clone(), failed.clone(), fail.clone());
            EventListener::new(&request, "progress", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::ProgressEvent>() else { return };
                let total = e.length_computable().then(|| e.total());
                if capped && total.is_some_and(is_too_large) {
                    fail(LoadFailure::TooLarge);
                } else if !failed.get() {
                    report(Report::Progress { done: e.loaded(), total });
                }
            })
        };
        let done = {
            let (request, fail) = (request.clone(), fail.clone());
            EventListener::once(&request.clone(), "load", move |_| {
                if failed.get() {
                    return;
                }
                match request.status().unwrap_or(0) {
                    200..=299 => {
                        let bytes = request.response().ok().and_then(|body| body.dyn_into::<js_sys::ArrayBuffer>().ok());
                        report(Report::Done(bytes.unwrap_or_else(|| js_sys::ArrayBuffer::new(0))));
                    }
                    status => fail(LoadFailure::Status(status)),
                }
            })
        };
        let error = EventListener::once(&request, "error", move |_| fail(LoadFailure::DownloadFailed));
        request.send().map_err(|_| LoadFailure::CannotRequest)?;
        Ok(Download { request, _listeners: [progress, done, error] })
    }
}
