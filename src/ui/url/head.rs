//! The document's title, description, canonical link and `og:url` follow the selected event, so
//! that a tab, a bookmark or a shared link (browsers share the canonical link) names what it
//! shows.

use leptos::prelude::*;

use super::absolute;
use crate::ui::AppState;

/// Keeps `<title>`, `<meta name=description>`, the canonical link and `og:url` on the selected
/// event, or on the dataset when nothing is selected, with the same words and addresses as the
/// pages written at build time.
pub fn follow_selection_in_document_head(state: AppState) {
    let find = |selector: &str| document().query_selector(selector).ok().flatten();
    let description = find("meta[name=description]");
    let canonical = find("link[rel=canonical]");
    let og_url = find("meta[property='og:url']");
    Effect::new(move |_| {
        let selected = state.selected.get();
        let catalog = state.catalog();
        let event = selected.map(|index| &catalog.dataset.events[index]);
        document().set_title(&catalog.page_title(event));
        let link = absolute(&catalog.address(&event.map_or_else(|| catalog.link_to_all(), |e| catalog.link_to(&e.id, None))));
        for (element, attribute, value) in [
            (&description, "content", catalog.page_description(event)),
            (&canonical, "href", link.clone()),
            (&og_url, "content", link),
        ] {
            if let Some(element) = element {
                let _ = element.set_attribute(attribute, &value);
            }
        }
    });
}
