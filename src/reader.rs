//! The dataset reader in its Web Worker, both ends of the conversation (it runs only in a
//! browser; natively it compiles, so that the components that start it compile too).
//!
//! A dataset opened from a link (`?data=`) or from the reader's device is JSON: reading and
//! checking 100,000 events takes the better part of a second, which on the page's own thread
//! kept it from answering for as long. So the page hands the file's bytes to a worker
//! (`src/bin/reader.rs`, built by Trunk as `reader.js` and `reader_bg.wasm`, fetched only when
//! a dataset is opened, never with the first load), which reads, checks and compiles them
//! ([`loading::read_file`]) and hands back a compiled catalog in parts
//! ([`compiled::write_parts`]), each read by the page in short tasks, as the site's own
//! catalog is, while the worker writes the next.
//!
//! The conversation: the worker says [`READY`] once it runs; the page then sends the file, a
//! `Blob` (downloaded as one, or a `File` the reader opened), whose bytes the worker reads, so
//! that the page never holds them; the worker answers with lists: for a
//! dataset large enough to have a first screen ([`start::has_first_screen`]), first
//! `["start", catalog, events]`, the first screen's catalog and how many events the whole
//! holds; then one `["part", catalog]` for each part; `catalog` is always an `ArrayBuffer`
//! (transferred); then `["read", null, problems]`; or, for a file with nothing to show, `["failed", why, problems]`
//! alone, where `why` is [`failure_code`]'s word. `problems` lists each problem's path and
//! sentence in turn: only what the page shows of a problem crosses, its place and its reason
//! ([`ProblemKind::Worded`]).

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{compiled, start};
use crate::model::loading::{self, Opened};
use crate::model::{LoadFailure, Problem, ProblemKind};

/// What the worker says first, once it can read.
pub const READY: &str = "ready";

/// The worker's script, beside the app's pages (Trunk's loader for `reader.js`).
pub const SCRIPT: &str = "reader_loader.js";

/// The first word of each of the worker's messages, and the word a failure crosses as.
const START: &str = "start";
const PART: &str = "part";
const READ: &str = "read";
const FAILED: &str = "failed";
const NO_EVENTS: &str = "no-events";
const NOT_A_DATASET: &str = "not-a-dataset";
const CANNOT_READ: &str = "cannot-read";

/// The worker's side: answers every dataset it is sent. Called by `src/bin/reader.rs`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        // The file, downloaded or opened, is read here: the page never holds its bytes.
        let bytes = e.data().dyn_into::<web_sys::Blob>().ok().and_then(|file| web_sys::FileReaderSync::new().ok()?.read_as_array_buffer(&file).ok());
        let Some(bytes) = bytes.map(|b| Uint8Array::new(&b).to_vec()) else {
            let _ = answer.post_message(&Array::of3(&FAILED.into(), &CANNOT_READ.into(), &Array::new()));
            return;
        };
        // Nothing is left to tell the page if posting fails: it hears of it as an error.
        let end = match loading::read_file(bytes) {
            Ok((dataset, problems)) => {
                // The first screen first: the page draws it while it reads the rest.
                if start::has_first_screen(&dataset) {
                    let buffer = Uint8Array::from(&compiled::write(&start::first_screen(&dataset))[..]).buffer();
                    let events = JsValue::from(dataset.events.len() as f64);
                    let _ = answer.post_message_with_transfer(&Array::of3(&START.into(), &buffer, &events), &Array::of1(&buffer));
                }
                for part in compiled::write_parts(&dataset, compiled::PARTS) {
                    let buffer = Uint8Array::from(&part[..]).buffer();
                    let _ = answer.post_message_with_transfer(&Array::of2(&PART.into(), &buffer), &Array::of1(&buffer));
                }
                Array::of3(&READ.into(), &JsValue::NULL, &words(&problems))
            }
            Err((failure, problems)) => Array::of3(&FAILED.into(), &failure_code(&failure).into(), &words(&problems)),
        };
        let _ = answer.post_message(&end);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The word a failure the worker can give crosses as.
fn failure_code(failure: &LoadFailure) -> &'static str {
    match failure {
        LoadFailure::NoEvents => NO_EVENTS,
        _ => NOT_A_DATASET,
    }
}

/// Each problem's path and sentence, in turn.
fn words(problems: &[Problem]) -> Array {
    problems.iter().flat_map(|p| [JsValue::from_str(&p.path), JsValue::from_str(&p.reason())]).collect()
}

/// What the worker hands over before it is done.
pub enum Piece {
    /// The first screen's catalog, and how many events the whole dataset holds.
    Start(ArrayBuffer, usize),
    /// A part of the whole catalog.
    Part(ArrayBuffer),
}

/// What the worker says: a piece of what it read, or that it is done.
pub enum Said {
    Piece(Piece),
    /// Every part is sent, with the problems found; or nothing can be shown, and why.
    Done(Opened<()>),
}

/// What the page makes of a message from the worker.
pub fn decode(said: &JsValue) -> Said {
    let said: Array = said.clone().dyn_into().unwrap_or_default();
    let (kind, second) = (said.get(0).as_string(), said.get(1));
    if kind.as_deref() == Some(PART) && second.is_instance_of::<ArrayBuffer>() {
        return Said::Piece(Piece::Part(second.unchecked_into()));
    }
    if let (Some(START), true, Some(events)) = (kind.as_deref(), second.is_instance_of::<ArrayBuffer>(), said.get(2).as_f64()) {
        return Said::Piece(Piece::Start(second.unchecked_into(), events as usize));
    }
    let words: Vec<String> = said.get(2).dyn_into::<Array>().unwrap_or_default().iter().map(|v| v.as_string().unwrap_or_default()).collect();
    let problems = words.chunks(2).map(|p| Problem::new(p[0].clone(), ProblemKind::Worded(p.get(1).cloned().unwrap_or_default()))).collect();
    Said::Done(match (kind.as_deref(), second.as_string().as_deref()) {
        (Some(READ), _) => Ok(((), problems)),
        (_, Some(NO_EVENTS)) => Err((LoadFailure::NoEvents, problems)),
        (_, Some(CANNOT_READ)) => Err((LoadFailure::CannotRead, problems)),
        _ => Err((LoadFailure::NotADataset, problems)),
    })
}
