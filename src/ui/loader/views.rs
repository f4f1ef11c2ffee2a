//! What the page shows for each stage of a dataset: progress, the app, a failure with every
//! problem, and the banner over a dataset that is not the bundled one.

use leptos::prelude::*;

use super::Stage;
use crate::ui::dom::{BUILT_TITLE_META, MAIN_ID};
use crate::model::loading::{
    download_progress, downloading, failure_heading, more_problems, offers_built, open_built, open_built_instead, problems_found, reading,
    SHOWN_PROBLEMS,
};
use crate::model::{LoadFailure, Problem};

/// What the page shows while a dataset is not ready: progress, or a failure with its problems.
#[component]
pub fn NotReady(
    /// The dataset's stage; a ready one shows nothing here.
    stage: Stage,
) -> impl IntoView {
    match stage {
        Stage::Ready(..) | Stage::Preview(..) => ().into_any(),
        Stage::Downloading { label, done, total } => {
            let (percent, amount) = download_progress(done, total);
            view! {
                <main id=MAIN_ID class="loading">
                    <h1>"sourceline"</h1>
                    <p id="load-label">{downloading(&label)}</p>
                    <progress aria-labelledby="load-label" max="100" value=percent.map(|v| v.to_string())></progress>
                    <p>{amount}</p>
                </main>
            }
            .into_any()
        }
        Stage::Reading { label, bytes } => view! {
            <main id=MAIN_ID class="loading">
                <h1>"sourceline"</h1>
                <p role="status">{reading(&label, bytes)}</p>
            </main>
        }
        .into_any(),
        Stage::Failed { label, reason, problems } => view! { <LoadFailurePage label=label reason=reason problems=problems/> }.into_any(),
    }
}

/// Why a dataset could not be shown, with every problem found and its place in the file.
#[component]
fn LoadFailurePage(
    /// The dataset's address as the link gave it, or the file's name.
    label: String,
    /// What went wrong.
    reason: LoadFailure,
    /// Every problem found in the file, if it was read.
    problems: Vec<Problem>,
) -> impl IntoView {
    let offer = offers_built(&label);
    view! {
        <main id=MAIN_ID class="load-failure">
            <h1>"sourceline"</h1>
            <h2>{failure_heading(&label)}</h2>
            <p>{reason.to_string()}</p>
            <ProblemList problems=problems/>
            {offer.then(|| view! { <p><a href="./">{open_built_instead(&built_title())}</a></p> })}
        </main>
    }
}

/// The title of the dataset the site is built with, as its pages give it; empty where they do
/// not.
fn built_title() -> String {
    let meta = document().query_selector(&format!("meta[name=\"{BUILT_TITLE_META}\"]")).ok().flatten();
    meta.and_then(|meta| meta.get_attribute("content")).unwrap_or_default()
}

/// Problems as a list of places in the file and reasons.
#[component]
fn ProblemList(
    /// The problems, each with its JSON path.
    problems: Vec<Problem>,
) -> impl IntoView {
    let more = more_problems(problems.len());
    (!problems.is_empty()).then(|| {
        view! {
            <ul class="problems" aria-label="Problems in the file">
                {problems
                    .into_iter()
                    .take(SHOWN_PROBLEMS)
                    .map(|p| view! { <li><code>{p.place().to_string()}</code>": " {p.reason()}</li> })
                    .collect_view()}
                {more.map(|more| view! { <li>{more}</li> })}
            </ul>
        }
    })
}

/// The banner over a dataset loaded from a link or a file: whose data this is, and what was
/// left out.
#[component]
pub fn Provenance(
    /// Where the dataset came from, in a sentence.
    said: String,
    /// Problems found: the events with problems are not shown.
    problems: Vec<Problem>,
) -> impl IntoView {
    let summary = (!problems.is_empty()).then(|| problems_found(problems.len()));
    view! {
        <section class="provenance" aria-label="About this dataset">
            <p>
                <strong>"Not the bundled dataset. "</strong>
                {said}
                <a href="./">{open_built(&built_title())}</a>
            </p>
            {summary.map(|summary| view! {
                <details>
                    <summary>{summary}</summary>
                    <ProblemList problems=problems/>
                </details>
            })}
        </section>
    }
}
