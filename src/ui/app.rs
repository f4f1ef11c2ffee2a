//! The app: how it starts on a page (over the dataset the site is built with, once its compiled
//! catalog is read, or over one a link names), the dataset slot, and what the page shows at each
//! of its stages, the shell once a dataset is ready.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::loader::{fetch, read_catalog, DatasetSlot, NotReady, Stage};
use super::shell::Shell;
use super::{panic, url};
use crate::model::catalog::{EVENT_TITLE_ID, PAGE_ID};
use crate::model::compiled;
use crate::model::{DatasetOrigin, LoadFailure};

thread_local! {
    /// The download of the site's catalog while the app starts; nothing holds it once it is done.
    static STARTING: RefCell<Option<fetch::Download>> = const { RefCell::new(None) };
}

/// Starts the app on this page. A `?data=` link opens the app at once, which downloads that
/// dataset; otherwise the site's own dataset is downloaded first (its compiled catalog, beside
/// the page), and the app opens over it when it is read. Until then the page written at build
/// time stays as it is, readable.
pub fn start() {
    if let Some(path) = url::current_link().data {
        let stage = Stage::Downloading { label: path, done: 0.0, total: None };
        leptos::mount::mount_to_body(move || view! { <App stage=stage/> });
        return;
    }
    let open = |stage: Stage| {
        // Not dropped from within its own listener: a moment later.
        set_timeout(|| drop(STARTING.with(RefCell::take)), Duration::ZERO);
        leptos::mount::mount_to_body(move || view! { <App stage=stage/> });
    };
    let failed = |reason| Stage::Failed { label: compiled::FILE.to_string(), reason, problems: Vec::new() };
    // The catalog is copied in, read and indexed in short tasks, and drawn in another, so that
    // the page can answer in between: read, indexed and drawn in one task, 100,000 events kept
    // it from answering for 600 ms at a stretch.
    let report = move |report| match report {
        fetch::Report::Progress { .. } => {}
        fetch::Report::Done(bytes) => read_catalog(bytes, DatasetOrigin::Bundled, || true, move |read| match read {
            Ok(catalog) => open(Stage::Ready(Arc::new(catalog), Vec::new())),
            Err(error) => open(failed(LoadFailure::NotACatalog(error))),
        }),
        fetch::Report::Failed(reason) => open(failed(reason)),
    };
    match fetch::Download::start(compiled::FILE, false, report) {
        Ok(download) => STARTING.with(|starting| *starting.borrow_mut() = Some(download)),
        Err(reason) => open(failed(reason)),
    }
}

/// The whole app, from the stage its dataset is at: ready (the site's own), or being
/// downloaded from the `?data=` link the page was opened with.
#[component]
pub fn App(
    /// The dataset's stage as the app opens.
    stage: Stage,
) -> impl IntoView {
    // The page's own content, written at build time, gives way to the app in the same task,
    // so no frame shows both, or neither; the app then keeps the event's title where the page
    // had it.
    if let Some(page) = document().get_element_by_id(PAGE_ID) {
        let title = document().get_element_by_id(EVENT_TITLE_ID).map(|title| title.get_bounding_client_rect().top());
        page.remove();
        // Should the app ever fail, the page is shown again under the failure.
        panic::keep_page(page);
        if let Some(top) = title {
            provide_context(url::TakenOver::at(top));
        }
    }
    let downloading = matches!(stage, Stage::Downloading { .. });
    let slot = DatasetSlot::new(stage);
    if let Some(path) = url::current_link().data.filter(|_| downloading) {
        slot.fetch(path);
    }
    provide_context(slot);
    view! { <DatasetView stage=slot.stage/> }
}
/// Whatever stage the dataset is at: the app over it, or progress, or a failure with its
/// problems.
#[component]
pub fn DatasetView(
    /// The app's dataset slot.
    stage: RwSignal<Stage>,
) -> impl IntoView {
    move || match stage.get() {
        Stage::Ready(catalog, problems) => view! { <Shell catalog=catalog problems=problems/> }.into_any(),
        other => view! { <NotReady stage=other/> }.into_any(),
    }
}
