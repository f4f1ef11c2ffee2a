//! Loading a dataset named by `?data=`: only from the app's own origin, with progress, checked by
//! the model, and always labelled as not the bundled dataset.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::{Catalog, Shell};
use crate::model::dataset::MAX_DATASET_BYTES;
use crate::model::{Dataset, Problem};

/// Where a load has got to.
#[derive(Clone)]
enum Stage {
    /// Bytes received, and the total when the server says it.
    Downloading(f64, Option<f64>),
    /// Downloaded; being read and checked.
    Reading(usize),
    Failed(String, Vec<Problem>),
    Ready(&'static Catalog, Vec<Problem>),
}

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

/// Fetches, checks and shows the dataset at `path`.
#[component]
pub fn Loader(
    /// The dataset's address, relative to the app.
    path: String,
) -> impl IntoView {
    let stage = RwSignal::new(Stage::Downloading(0.0, None));
    match same_origin_url(&path) {
        None => stage.set(Stage::Failed("The link must point to a file on this site.".into(), Vec::new())),
        Some(url) => fetch(url, path.clone(), stage),
    }
    let shown = path.clone();
    view! {
        {move || match stage.get() {
            Stage::Ready(catalog, problems) => view! { <Shell catalog=catalog problems=problems/> }.into_any(),
            Stage::Downloading(done, total) => {
                let (value, label) = match total {
                    Some(total) if total > 0.0 => (Some((done / total * 100.0).round()), format!("{} of {}", megabytes(done), megabytes(total))),
                    _ => (None, megabytes(done)),
                };
                view! {
                    <main id="main" class="loading">
                        <h1>"sourceline"</h1>
                        <p id="load-label">{format!("Loading the dataset {shown}…")}</p>
                        <progress aria-labelledby="load-label" max="100" value=value.map(|v| v.to_string())></progress>
                        <p>{label}</p>
                    </main>
                }
                .into_any()
            }
            Stage::Reading(bytes) => view! {
                <main id="main" class="loading">
                    <h1>"sourceline"</h1>
                    <p role="status">{format!("Reading and checking {} of data…", megabytes(bytes as f64))}</p>
                </main>
            }
            .into_any(),
            Stage::Failed(reason, problems) => view! { <LoadFailure path=shown.clone() reason=reason problems=problems/> }.into_any(),
        }}
    }
}

/// Downloads with progress, then reads the text once the page has shown that it is reading.
fn fetch(url: String, path: String, stage: RwSignal<Stage>) {
    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        stage.set(Stage::Failed("This browser cannot download files.".into(), Vec::new()));
        return;
    };
    if request.open("GET", &url).is_err() {
        stage.set(Stage::Failed("The address could not be opened.".into(), Vec::new()));
        return;
    }
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        let total = e.length_computable().then(|| e.total());
        if total.is_some_and(|t| t > MAX_DATASET_BYTES as f64) {
            stage.set(Stage::Failed(format!("The file is larger than {}, the most this app reads.", megabytes(MAX_DATASET_BYTES as f64)), Vec::new()));
        } else {
            stage.set(Stage::Downloading(e.loaded(), total));
        }
    });
    let xhr = request.clone();
    let on_done = Closure::<dyn FnMut()>::new(move || {
        if matches!(stage.get_untracked(), Stage::Failed(..)) {
            return;
        }
        let status = xhr.status().unwrap_or(0);
        if !(200..300).contains(&status) {
            stage.set(Stage::Failed(format!("The server answered {status} for this file."), Vec::new()));
            return;
        }
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        stage.set(Stage::Reading(text.len()));
        let path = path.clone();
        // Give the page a frame to say that it is reading before the work starts.
        request_animation_frame(move || {
            set_timeout(move || read(text, path, stage), std::time::Duration::ZERO);
        });
    });
    let on_error = Closure::<dyn FnMut()>::new(move || {
        stage.set(Stage::Failed("The file could not be downloaded.".into(), Vec::new()));
    });
    request.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    request.set_onload(Some(on_done.as_ref().unchecked_ref()));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page, as the request does.
    on_progress.forget();
    on_done.forget();
    on_error.forget();
    if request.send().is_err() {
        stage.set(Stage::Failed("The file could not be requested.".into(), Vec::new()));
    }
}

fn read(text: String, path: String, stage: RwSignal<Stage>) {
    let (dataset, problems) = Dataset::parse(&text);
    drop(text);
    match dataset {
        Some(dataset) if !dataset.events.is_empty() => {
            let catalog: &'static Catalog = Box::leak(Box::new(Catalog::loaded_from(dataset, Some(path))));
            stage.set(Stage::Ready(catalog, problems));
        }
        Some(_) => stage.set(Stage::Failed("The dataset has no event that could be shown.".into(), problems)),
        None => stage.set(Stage::Failed("This file is not a dataset this app can read.".into(), problems)),
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
                    .map(|p| view! { <li><code>{if p.path.is_empty() { "(the file)".to_string() } else { p.path }}</code>" " {p.reason}</li> })
                    .collect_view()}
                {(more > 0).then(|| view! { <li>{format!("…and {more} more")}</li> })}
            </ul>
        }
    })
}

/// The banner over a dataset loaded from a link: whose data this is, and what was left out.
#[component]
pub fn Provenance(
    /// The dataset's address as the link gave it.
    origin: String,
    /// Problems found: the events with problems are not shown.
    problems: Vec<Problem>,
) -> impl IntoView {
    let count = problems.len();
    view! {
        <div class="provenance" role="note" aria-label="About this dataset">
            <p>
                <strong>"Not the bundled dataset. "</strong>
                {format!("You are viewing data loaded from {origin}, which this site does not vouch for. ")}
                <a href="./">"Open the bundled Palmyra dataset"</a>
            </p>
            {(count > 0).then(|| view! {
                <details>
                    <summary>{format!("{count} problem(s) found; the events concerned are left out")}</summary>
                    <ProblemList problems=problems/>
                </details>
            })}
        </div>
    }
}
