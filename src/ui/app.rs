//! The app: how it starts on a page (over the dataset the site is built with, once its compiled
//! catalog is read, or over one a link names), the dataset slot, and what the page shows at each
//! of its stages, the shell once a dataset is ready.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::loader::{fetch, read_catalog, DatasetSlot, NotReady, Preview, Stage, Tiling};
use super::shell::Shell;
use super::{panic, url};
use super::dom::{EVENT_TITLE_ID, FIRST_SCREEN_CLASS, OPENED_EVENT, OPEN_ATTRIBUTE, PAGE_ID};
use crate::model::{compiled, start, tiles};
use crate::model::{DatasetOrigin, LoadFailure};

thread_local! {
    /// The download of the site's catalog, or of its start file, while the app starts; nothing
    /// holds it once it is done.
    static STARTING: RefCell<Option<fetch::Download>> = const { RefCell::new(None) };
    /// The download of the site's catalog behind a first screen.
    static READING: RefCell<Option<fetch::Download>> = const { RefCell::new(None) };
    /// The reading of a large site's tiles.
    static TILING: RefCell<Option<Tiling>> = const { RefCell::new(None) };
    /// The dataset slot of the app the page opened, once it has.
    static OPEN: RefCell<Option<DatasetSlot>> = const { RefCell::new(None) };
}

/// Starts the app on this page. A `?data=` link opens the app at once, which downloads that
/// dataset; otherwise the site's own dataset is downloaded first (its compiled catalog, beside
/// the page), and the app opens over it when it is read. Until then the page written at build
/// time stays as it is, readable.
pub fn start() {
    if let Some(path) = url::current_link().data {
        mount(Stage::Downloading { label: path, done: 0.0, total: None });
        return;
    }
    // A large site's index first draws its start file's events (`model::start`), then the
    // whole catalog, read in the meantime; any other page reads the catalog before it opens.
    let Some(events) = start_file_events() else { return read_all(None) };
    let report = move |report| match report {
        fetch::Report::Progress { .. } => {}
        fetch::Report::Done(bytes) => read_catalog(bytes, DatasetOrigin::Bundled, || true, move |read| match read {
            Ok(catalog) => {
                let preview = Preview { events, read: RwSignal::new((0.0, None)) };
                show(Stage::Preview(Arc::new(catalog), preview));
                super::tasks::after_paint(move || read_all(Some(preview)));
            }
            // The start file is only a head start: without it, the catalog is read as on any page.
            Err(_) => read_all(None),
        }),
        fetch::Report::Failed(_) => read_all(None),
    };
    match fetch::Download::start(start::START_FILE, false, report) {
        Ok(download) => STARTING.with(|starting| *starting.borrow_mut() = Some(download)),
        Err(_) => read_all(None),
    }
}

/// How many events the catalog holds, if the page preloads the start file: a large site's
/// index.
fn start_file_events() -> Option<usize> {
    let link = document().query_selector(&format!("link[rel=preload][href=\"{}\"][data-events]", start::START_FILE)).ok()??;
    link.get_attribute("data-events")?.parse().ok()
}

/// Downloads the site's catalog and reads it, then shows the app over it; a first screen, if
/// one is showing, hears how far the download has come.
fn read_all(preview: Option<Preview>) {
    if has_tiles() {
        return read_tiles(preview);
    }
    let failed = |reason| Stage::Failed { label: compiled::FILE.to_string(), reason, problems: Vec::new() };
    // The catalog is copied in, read and indexed in short tasks, and drawn in another, so that
    // the page can answer in between: read, indexed and drawn in one task, 100,000 events kept
    // it from answering for 600 ms at a stretch.
    let report = move |report| match report {
        fetch::Report::Progress { done, total } => {
            if let Some(preview) = preview {
                preview.read.set((done, total));
            }
        }
        fetch::Report::Done(bytes) => read_catalog(bytes, DatasetOrigin::Bundled, || true, move |read| match read {
            Ok(catalog) => show(Stage::Ready(Arc::new(catalog), Vec::new())),
            Err(error) => show(failed(LoadFailure::NotACatalog(error))),
        }),
        fetch::Report::Failed(reason) => show(failed(reason)),
    };
    match fetch::Download::start(compiled::FILE, false, report) {
        Ok(download) => READING.with(|reading| *reading.borrow_mut() = Some(download)),
        Err(reason) => show(failed(reason)),
    }
}

/// Whether the page preloads the root of the site's tiles (`model::tiles`): a large site's page.
fn has_tiles() -> bool {
    document().query_selector(&format!("link[rel=preload][href=\"{}\"]", tiles::ROOT_FILE)).ok().flatten().is_some()
}

/// The tile an event's page preloads: the one that holds its event.
fn page_tile() -> Option<usize> {
    document().query_selector("link[rel=preload][data-tile]").ok()??.get_attribute("data-tile")?.parse().ok()
}

/// Reads a large site's catalog from its tiles, the one its page names first, then shows the
/// app over it; a first screen, if one is showing, hears how far the reading has come.
fn read_tiles(preview: Option<Preview>) {
    let progress = move |done, total| {
        if let Some(preview) = preview {
            preview.read.set((done, total));
        }
    };
    let tiling = Tiling::start(page_tile(), progress, |read| {
        show(match read {
            Ok(catalog) => Stage::Ready(Arc::new(catalog), Vec::new()),
            Err((label, reason)) => Stage::Failed { label, reason, problems: Vec::new() },
        })
    });
    TILING.with(|reading| *reading.borrow_mut() = Some(tiling));
}

/// Shows `stage`: the app opens over it, or, open over a first screen already, moves to it.
fn show(stage: Stage) {
    // The downloads are not dropped from within their own listeners: a moment later.
    let ready = !matches!(stage, Stage::Preview(..));
    set_timeout(
        move || {
            drop(STARTING.with(RefCell::take));
            if ready {
                drop(READING.with(RefCell::take));
                drop(TILING.with(RefCell::take));
            }
        },
        Duration::ZERO,
    );
    match OPEN.with(|open| *open.borrow()) {
        Some(slot) => slot.show(stage),
        None => mount(stage),
    }
}

/// Opens the app on the page, in the place of what the page held, and says so on the root
/// element (`data-app="open"`), for the starter (`public/start.js`), which hands on to it what
/// the reader began on the page meanwhile.
fn mount(stage: Stage) {
    leptos::mount::mount_to_body(move || view! { <App stage=stage/> });
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(OPEN_ATTRIBUTE.0, OPEN_ATTRIBUTE.1);
    }
    if let Ok(opened) = web_sys::Event::new(OPENED_EVENT) {
        let _ = document().dispatch_event(&opened);
    }
}

/// A large site's first screen as HTML, drawn by the app's own components as the browser draws
/// it over the start file (`model::start`): `catalog` holds the start file's events, `events`
/// counts the whole dataset's, and the timeline is laid out for the drawing area `geometry`,
/// its labels measured with `advance`.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_screen_html(catalog: Arc<crate::model::Catalog>, events: usize, geometry: super::Geometry, advance: super::TextAdvance) -> String {
    Owner::new().with(|| {
        provide_context(super::timeline::Measured::assumed(geometry));
        provide_context(advance);
        let preview = Preview { events, read: RwSignal::new((0.0, None)) };
        view! { <Shell catalog=catalog preview=preview/> }.to_html()
    })
}

/// A page's first screen as HTML: the app's own view of `link` (the page's address: its
/// event, or none for the index) over the whole of `catalog`, as the browser draws it when it
/// opens there, laid out for the drawing area `geometry`, its labels measured with `advance`.
/// The page shows it until the reader asks for what only the app does (`public/start.js`);
/// the app then draws the same in its place.
#[cfg(not(target_arch = "wasm32"))]
pub fn written_screen_html(catalog: Arc<crate::model::Catalog>, link: crate::model::ViewState, geometry: super::Geometry, advance: super::TextAdvance) -> String {
    Owner::new().with(|| {
        provide_context(super::timeline::Measured::assumed(geometry));
        provide_context(advance);
        provide_context(link);
        view! { <Shell catalog=catalog/> }.to_html()
    })
}

/// The panels of the event at `index` of `catalog` as its page written at build time shows
/// them: the app's own views of the event and of who says so
/// ([`super::event_panel::written_panels`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn written_panels_html(catalog: &crate::model::Catalog, index: usize) -> String {
    Owner::new().with(|| super::event_panel::written_panels(catalog, index).to_html())
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
    // had it. A large site's first screen, written into its index, goes with it.
    // Where the reader sees the event's title: in the first screen written for the page's
    // width, else in the page's own content.
    let title = super::IN_BROWSER
        .then(|| {
            [format!("{EVENT_TITLE_ID}-wide"), format!("{EVENT_TITLE_ID}-narrow"), EVENT_TITLE_ID.to_string()]
                .iter()
                .filter_map(|id| document().get_element_by_id(id))
                .find(|title| title.get_bounding_client_rect().height() > 0.0)
                .map(|title| title.get_bounding_client_rect().top())
        })
        .flatten();
    if super::IN_BROWSER {
        let screens = document().get_elements_by_class_name(FIRST_SCREEN_CLASS);
        while let Some(screen) = screens.item(0) {
            screen.remove();
        }
    }
    if let Some(page) = super::IN_BROWSER.then(|| document().get_element_by_id(PAGE_ID)).flatten() {
        page.remove();
        // Should the app ever fail, the page is shown again under the failure.
        panic::keep_page(page);
        if let Some(top) = title {
            provide_context(url::TakenOver::at(top));
        }
    }
    let downloading = matches!(stage, Stage::Downloading { .. });
    let slot = DatasetSlot::new(stage);
    OPEN.with(|open| *open.borrow_mut() = Some(slot));
    if let Some(path) = url::current_link().data.filter(|_| downloading) {
        slot.fetch(path);
    }
    provide_context(slot);
    provide_context(slot.measured);
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
        Stage::Preview(catalog, preview) => view! { <Shell catalog=catalog preview=preview/> }.into_any(),
        other => view! { <NotReady stage=other/> }.into_any(),
    }
}
