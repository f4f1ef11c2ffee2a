//! The names by which the page and the app find elements: ids, classes and the head's own
//! `meta`, in one place on the UI's side. The stylesheet uses the same names; `model` holds none
//! (`tests/architecture.rs`).

use crate::model::attribution::ChainRole;

/// The element that holds a page's own content, written at build time, which the app removes
/// when it takes the page's place.
pub const PAGE_ID: &str = "page";

/// Each copy of a page's first screen, written before the page's own content
/// (`site::first_screen`), which the app removes with that content.
pub const FIRST_SCREEN_CLASS: &str = "first-screen";

/// The attribute that marks a first screen shown until the reader asks for the app, not one the
/// app takes the place of as soon as it has read its catalog (a large site's index):
/// `public/start.js` starts the app on the first sign of intent where the page has one.
pub const ON_INTENT_ATTRIBUTE: &str = "data-on-intent";

/// The attribute, and its value, that the root element carries once the app is open, for
/// `public/start.js` and the tests.
pub const OPEN_ATTRIBUTE: (&str, &str) = ("data-app", "open");

/// The event the document hears when the app has opened, in the same task.
pub const OPENED_EVENT: &str = "sourceline-open";

/// The selected event's title, in the app's panel and on the event's page written at build
/// time: the app finds the page's title by it when it takes over.
pub const EVENT_TITLE_ID: &str = "event-panel-heading";

/// The heading of the attribution panel, which names it.
pub const ATTRIBUTION_HEADING_ID: &str = "attribution-heading";

/// The main region, where the skip link leads.
pub const MAIN_ID: &str = "main";

/// The timeline's drawing area, where Page Down and Page Up step as a presentation clicker's do.
pub const TIMELINE_AREA_CLASS: &str = "timeline-area";

/// The name of the `meta` element by which every page of a site gives the title of the dataset
/// it was built with, so that the app can offer it back from another dataset without reading it.
pub const BUILT_TITLE_META: &str = "sourceline-dataset";

/// A claim's element in its event's panel, which a link to the claim names as its fragment.
pub fn claim_anchor(claim: &str) -> String {
    format!("claim-{claim}")
}

/// The class of a node of a claim's relay chain, for its look.
pub fn chain_role_class(role: ChainRole) -> &'static str {
    match role {
        ChainRole::Originated => "originated",
        ChainRole::Relayed => "relayed",
        ChainRole::PublishedIn => "document",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_what_the_stylesheet_and_the_links_use() {
        assert_eq!(claim_anchor("army"), "claim-army");
        assert_eq!(chain_role_class(ChainRole::PublishedIn), "document");
        let style = include_str!("../../public/style.css");
        for class in [FIRST_SCREEN_CLASS, TIMELINE_AREA_CLASS, "originated", "relayed", "document"] {
            assert!(style.contains(&format!(".{class}")), "public/style.css has no rule for .{class}");
        }
    }
}
