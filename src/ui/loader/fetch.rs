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

/// What a download tells whoever started it: how far it has come, then its body or why it has
/// none. Nothing follows a `Done` or a `Failed`.
pub enum Report<B> {
    Progress { done: f64, total: Option<f64> },
    /// The file's body, still in JavaScript.
    Done(B),
    Failed(LoadFailure),
}

/// What a download's body is received as.
pub trait Body: JsCast + 'static {
    const TYPE: web_sys::XmlHttpRequestResponseType;
    /// The body of an empty response, if one can be made.
    fn empty() -> Option<Self>;
}

/// Bytes, for a catalog the page reads itself, copied into the app a slice at a time (see
/// [`super::read_catalog`]).
impl Body for js_sys::ArrayBuffer {
    const TYPE: web_sys::XmlHttpRequestResponseType = web_sys::XmlHttpRequestResponseType::Arraybuffer;
    fn empty() -> Option<Self> {
        Some(js_sys::ArrayBuffer::new(0))
    }
}

/// A handle on the bytes, for a dataset handed to the reader's worker: the page never holds
/// them (an `ArrayBuffer` of a 40 MB file took the page 35 to 60 ms to be given).
impl Body for web_sys::Blob {
    const TYPE: web_sys::XmlHttpRequestResponseType = web_sys::XmlHttpRequestResponseType::Blob;
    fn empty() -> Option<Self> {
        web_sys::Blob::new().ok()
    }
}

impl Download {
    /// Starts downloading `path`, telling `report` how it goes. A download `capped` stops as
    /// soon as the server says it is larger than the app reads from a link
    /// (`loading::is_too_large`); the site's own catalog, whatever size its publisher built,
    /// is not.
    pub fn start<B: Body>(path: &str, capped: bool, report: impl Fn(Report<B>) + 'static) -> Result<Download, LoadFailure> {
        // Made once for each kind of body, not once for each listener.
        Download::start_dyn(path, capped, Rc::new(report))
    }

    fn start_dyn<B: Body>(path: &str, capped: bool, report: Rc<dyn Fn(Report<B>)>) -> Result<Download, LoadFailure> {
        let url = same_origin_url(path).ok_or(LoadFailure::NotOnThisSite)?;
        let request = web_sys::XmlHttpRequest::new().map_err(|_| LoadFailure::NoDownloads)?;
        request.open("GET", &url).map_err(|_| LoadFailure::CannotOpen)?;
        // Bytes, not text: a JavaScript string of megabytes is slow to copy into WebAssembly.
        request.set_response_type(B::TYPE);
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
                        match request.response().ok().and_then(|body| body.dyn_into::<B>().ok()).or_else(B::empty) {
                            Some(body) => report(Report::Done(body)),
                            None => fail(LoadFailure::DownloadFailed),
                        }
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
