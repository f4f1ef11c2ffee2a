//! The document's title and description follow the selected event, so that a tab, a bookmark
//! or a shared link names what it shows.

use leptos::prelude::*;

use crate::model::words::shortened;
use crate::ui::AppState;

/// The longest description, as search engines and link previews show it.
const DESCRIPTION_CHARS: usize = 160;

/// Keeps `<title>` and `<meta name=description>` on the selected event, and restores the
/// page's own when nothing is selected.
pub fn follow_selection_in_document_head(state: AppState) {
    let default_title = document().title();
    let description = document().query_selector("meta[name=description]").ok().flatten();
    let default_description = description.as_ref().and_then(|m| m.get_attribute("content")).unwrap_or_default();
    Effect::new(move |_| {
        let (title, text) = match state.selected.get() {
            Some(index) => {
                let catalog = state.catalog();
                let event = &catalog.dataset.events[index];
                (event.page_title(&default_title), shortened(&event.summary, DESCRIPTION_CHARS))
            }
            None => (default_title.clone(), default_description.clone()),
        };
        document().set_title(&title);
        if let Some(meta) = &description {
            let _ = meta.set_attribute("content", &text);
        }
    });
}
