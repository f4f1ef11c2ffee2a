//! Loading a dataset named by `?data=`: only from the app's own origin, with progress, checked by
//! the model, and always labelled as not the bundled dataset.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::{Catalog, Shell};
use crate::model::dataset::MAX_DATASET_BYTES;
use crate::model::{Dataset, Problem};

/// Where the app's dataset is: being downloaded or read, failed, or ready to show.
#[derive(Clone)]
pub enum Stage {
    /// Bytes received, and the total when the server says it.
    Downloading { label: String, done: f64, total: Option<f64> },
    /// Downloaded or picked; being read and checked.
    Reading { label: String, bytes: usize },
    Failed { label: String, reason: String, problems: Vec<Problem> },
    Ready(&'static Catalog, Vec<Problem>),
}

/// The app's dataset slot, in context, so that opening a file can replace what is shown.
#[derive(Clone, Copy)]
pub struct DatasetSlot(pub RwSignal<Stage>);

/// The address `path` resolves to, if it is on this page's origin.
fn same_origin_url(path: &str) -> Option<String> {
    let location = window().location();
    let url = web_sys::Url::new_with_base(path, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| url.href())
}

fn megabytes(bytes: f64) -> String {
    let tenths = (bytes / 104_857.6).round() as u64;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Starts fetching the dataset a `?data=` link names.
pub fn start_fetch(path: String, stage: RwSignal<Stage>) {
    stage.set(Stage::Downloading { label: path.clone(), done: 0.0, total: None });
    match same_origin_url(&path) {
        None => stage.set(Stage::Failed { label: path, reason: "The link must point to a file on this site.".into(), problems: Vec::new() }),
        Some(url) => fetch(url, path, stage),
    }
}

/// Whatever stage the dataset is at: progress, a failure with its problems, or the app.
#[component]
pub fn DatasetView(
    /// The app's dataset slot.
    stage: RwSignal<Stage>,
) -> impl IntoView {
    move || match stage.get() {
        Stage::Ready(catalog, problems) => view! { <Shell catalog=catalog problems=problems/> }.into_any(),
        Stage::Downloading { label, done, total } => {
            let (value, amount) = match total {
                Some(total) if total > 0.0 => (Some((done / total * 100.0).round() as u32), format!("{} of {}", megabytes(done), megabytes(total))),
                _ => (None, megabytes(done)),
            };
            view! {
                <main id="main" class="loading">
                    <h1>"sourceline"</h1>
                    <p id="load-label">{format!("Loading the dataset {label}…")}</p>
                    <progress aria-labelledby="load-label" max="100" value=value.map(|v| v.to_string())></progress>
                    <p>{amount}</p>
                </main>
            }
            .into_any()
        }
        Stage::Reading { label, bytes } => view! {
            <main id="main" class="loading">
                <h1>"sourceline"</h1>
                <p role="status">{format!("Reading and checking {label} ({})…", megabytes(bytes as f64))}</p>
            </main>
        }
        .into_any(),
        Stage::Failed { label, reason, problems } => view! { <LoadFailure path=label reason=reason problems=problems/> }.into_any(),
    }
}

/// Downloads with progress, then reads the text once the page has shown that it is reading.
fn fetch(url: String, path: String, stage: RwSignal<Stage>) {
    // Copyable, so that every handler below can name the file.
    let label = StoredValue::new(path);
    let path_label = move || label.get_value();
    let fail = move |reason: &str| Stage::Failed { label: path_label(), reason: reason.to_string(), problems: Vec::new() };
    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        stage.set(fail("This browser cannot download files."));
        return;
    };
    if request.open("GET", &url).is_err() {
        stage.set(fail("The address could not be opened."));
        return;
    }
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        let total = e.length_computable().then(|| e.total());
        if total.is_some_and(|t| t > MAX_DATASET_BYTES as f64) {
            stage.set(fail(&too_large()));
        } else if !matches!(stage.get_untracked(), Stage::Failed { .. }) {
            stage.set(Stage::Downloading { label: path_label(), done: e.loaded(), total });
        }
    });
    let xhr = request.clone();
    let on_done = Closure::<dyn FnMut()>::new(move || {
        if matches!(stage.get_untracked(), Stage::Failed { .. }) {
            return;
        }
        let status = xhr.status().unwrap_or(0);
        if !(200..300).contains(&status) {
            stage.set(fail(&format!("The server answered {status} for this file.")));
            return;
        }
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        read_later(text, path_label(), Some(path_label()), stage);
    });
    let on_error = Closure::<dyn FnMut()>::new(move || {
        stage.set(fail("The file could not be downloaded."));
    });
    request.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    request.set_onload(Some(on_done.as_ref().unchecked_ref()));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page, as the request does.
    on_progress.forget();
    on_done.forget();
    on_error.forget();
    if request.send().is_err() {
        stage.set(fail("The file could not be requested."));
    }
}

fn too_large() -> String {
    format!("The file is larger than {}, the most this app reads.", megabytes(MAX_DATASET_BYTES as f64))
}

/// Says that `text` is being read, gives the page a frame to show it, then reads it. `link` is
/// the `?data=` path for datasets a link can name again; `None` for a local file.
fn read_later(text: String, label: String, link: Option<String>, stage: RwSignal<Stage>) {
    stage.set(Stage::Reading { label: label.clone(), bytes: text.len() });
    request_animation_frame(move || {
        set_timeout(move || read(text, label, link, stage), std::time::Duration::ZERO);
    });
}

fn read(text: String, label: String, link: Option<String>, stage: RwSignal<Stage>) {
    let (dataset, problems) = Dataset::parse(&text);
    drop(text);
    let failed = |reason: &str, problems| Stage::Failed { label: label.clone(), reason: reason.to_string(), problems };
    match dataset {
        Some(dataset) if !dataset.events.is_empty() => {
            let local = link.is_none().then(|| label.clone());
            let catalog: &'static Catalog = Box::leak(Box::new(Catalog::loaded_from(dataset, link, local)));
            stage.set(Stage::Ready(catalog, problems));
        }
        Some(_) => stage.set(failed("The dataset has no event that could be shown.", problems)),
        None => stage.set(failed("This file is not a dataset this app can read.", problems)),
    }
}

/// Opens a dataset file from this device, through the File API: nothing is sent anywhere.
#[component]
pub fn FileOpener() -> impl IntoView {
    let slot = use_context::<DatasetSlot>();
    let on_change = move |e: leptos::ev::Event| {
        let Some(DatasetSlot(stage)) = slot else { return };
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        let name = file.name();
        if file.size() > MAX_DATASET_BYTES as f64 {
            stage.set(Stage::Failed { label: name, reason: too_large(), problems: Vec::new() });
            return;
        }
        let Ok(reader) = web_sys::FileReader::new() else { return };
        let on_load = {
            let reader = reader.clone();
            Closure::<dyn FnMut()>::new(move || {
                let text = reader.result().ok().and_then(|r| r.as_string()).unwrap_or_default();
                read_later(text, name.clone(), None, stage);
            })
        };
        reader.set_onload(Some(on_load.as_ref().unchecked_ref()));
        on_load.forget();
        let _ = reader.read_as_text(&file);
    };
    view! {
        <label class="file-open">
            "Open a dataset file…"
            <input type="file" accept=".json,application/json" on:change=on_change/>
        </label>
    }
}

/// Why a dataset could not be shown, with every problem found and its place in the file.
#[component]
fn LoadFailure(
    /// The dataset's address as the link gave it.
    path: String,
    /// What went wrong, in one sentence.
    reason: String,
    /// Every problem found in the file, if it was read.
    problems: Vec<Problem>,
) -> impl IntoView {
    view! {
        <main id="main" class="load-failure">
            <h1>"sourceline"</h1>
            <h2>{format!("The dataset {path} could not be shown")}</h2>
            <p>{reason}</p>
            <ProblemList problems=problems/>
            <p><a href="./">"Open the bundled Palmyra dataset instead"</a></p>
        </main>
    }
}

/// Problems as a list of places in the file and reasons.
#[component]
fn ProblemList(
    /// The problems, each with its JSON path.
    problems: Vec<Problem>,
) -> impl IntoView {
    const SHOWN: usize = 200;
    let more = problems.len().saturating_sub(SHOWN);
    (!problems.is_empty()).then(|| {
        view! {
            <ul class="problems" aria-label="Problems in the file">
                {problems
                    .into_iter()
                    .take(SHOWN)
                    .map(|p| view! { <li><code>{if p.path.is_empty() { "(the file)".to_string() } else { p.path }}</code>": " {p.reason}</li> })
                    .collect_view()}
                {(more > 0).then(|| view! { <li>{format!("…and {more} more")}</li> })}
            </ul>
        }
    })
}

/// The banner over a dataset loaded from a link or a file: whose data this is, and what was
/// left out.
#[component]
pub fn Provenance(
    /// The dataset's address as the link gave it, or the name of the file opened.
    origin: String,
    /// True for a file opened from this device rather than a link.
    local: bool,
    /// Problems found: the events with problems are not shown.
    problems: Vec<Problem>,
) -> impl IntoView {
    let count = problems.len();
    let said = if local {
        format!("You are viewing your file {origin}, read in this browser only: nothing was sent anywhere, and links copied from it open the bundled dataset. ")
    } else {
        format!("You are viewing data loaded from {origin}, which this site does not vouch for. ")
    };
    view! {
        <section class="provenance" aria-label="About this dataset">
            <p>
                <strong>"Not the bundled dataset. "</strong>
                {said}
                <a href="./">"Open the bundled Palmyra dataset"</a>
            </p>
            {(count > 0).then(|| view! {
                <details>
                    <summary>{format!("{count} problem(s) found; the events concerned are left out")}</summary>
                    <ProblemList problems=problems/>
                </details>
            })}
        </section>
    }
}
