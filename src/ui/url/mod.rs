//! The app and the page's address, head and links. `model::url_state` alone parses and prints
//! the query string; this module only moves it between the browser and the app state.
//!
//! - `sync`: the address bar follows the state, and Back and Forward move the state;
//! - `head`: the document's title and description follow the selected event;
//! - `copy_link`: the buttons that copy or share a link to an event or a claim.

mod copy_link;
mod head;
mod sync;

pub use copy_link::CopyLink;
pub use head::follow_selection_in_document_head;
pub use sync::sync_with_address_bar;

use leptos::prelude::window;

/// The query string of the page, as the browser has it.
fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's address without its query string, to build links on.
fn base_address() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}
