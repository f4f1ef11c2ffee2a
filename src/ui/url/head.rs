//! The document's title and description follow the selected event, so that a tab, a bookmark
//! or a shared link names what it shows.

use leptos::prelude::*;

use crate::ui::AppState;

/// Keeps `<title>` and `<meta name=description>` on the selected event, or on the dataset when
/// nothing is selected, with the same words as the pages written at build time.
pub fn follow_selection_in_document_head(state: AppState) {
    let description = document().query_selector("meta[name=description]").ok().flatten();
    Effect::new(move |_| {
        let selected = state.selected.get();
        let catalog = state.catalog();
        let event = selected.map(|index| &catalog.dataset.events[index]);
        document().set_title(&catalog.page_title(event));
        if let Some(meta) = &description {
            let _ = meta.set_attribute("content", &catalog.page_description(event));
        }
    });
}
