//! The app: the dataset slot, over the bundled dataset or one a link names, and what the page
//! shows at each of its stages, the shell once a dataset is ready.

use std::sync::Arc;

use leptos::prelude::*;

use super::loader::{DatasetSlot, NotReady, Stage};
use super::shell::Shell;
use super::{panic, url};
use crate::model::catalog::{EVENT_TITLE_ID, PAGE_ID};
use crate::model::Catalog;

/// The whole app: over the bundled dataset, or over one a link names with `?data=`.
#[component]
pub fn App() -> impl IntoView {
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
    let link = url::current_link();
    let slot = DatasetSlot::new(Arc::new(Catalog::bundled()));
    if let Some(path) = link.data {
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
