//! The app and the page's address, head and links. `model::url_state` alone parses and prints
//! addresses (an event's page and the query string); this module only moves them between the
//! browser and the app state.
//!
//! - `sync`: the address bar follows the state, and Back and Forward move the state;
//! - `head`: the document's title and description follow the selected event;
//! - `copy_link`: the buttons that copy or share a link to an event or a claim, or cite a claim;
//! - `download`: the buttons that download the events in view;
//! - `embed`: the app inside another site's page, and the code to put it there.

mod copy_link;
mod download;
mod embed;
mod head;
mod sync;

pub use copy_link::CopyLink;
pub use download::Downloads;
pub use embed::{keep_host_in_step, EmbedCode};
pub use head::follow_selection_in_document_head;
pub use sync::{sync_with_address_bar, KeptAddress, TakenOver};

use leptos::prelude::{use_context, window};

use crate::model::url_state::relative_address;
use crate::model::ViewState;

/// What the page's address says: the event whose page it is, and the query string.
///
/// A page written at build time ([`crate::ui::IN_BROWSER`] false) has none: the view it draws is
/// the one its writer provides as context (the event whose page it is), else the dataset's as
/// it opens.
pub fn current_link() -> ViewState {
    // Written at build time, the address is the page's own, which the writer gives in context.
    if !crate::ui::IN_BROWSER {
        return use_context::<ViewState>().unwrap_or_default();
    }
    let location = window().location();
    ViewState::from_address(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default())
}

/// The page's address relative to the app's folder, as `Catalog::address` prints one.
fn current_address() -> String {
    let location = window().location();
    relative_address(&location.pathname().unwrap_or_default(), &location.search().unwrap_or_default())
}

/// An address relative to the app's folder (`palmyra-recaptured.html?claim=army`, `./?q=a`),
/// made absolute.
pub fn absolute(address: &str) -> String {
    format!("{}{}", folder(), address.strip_prefix("./").unwrap_or(address))
}

/// The absolute address of the app's folder, every page's and the app's, to build links on.
fn folder() -> String {
    // Written at build time, a link is relative to the page's folder.
    if !crate::ui::IN_BROWSER {
        return "./".to_string();
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rsplit_once('/').map_or("/", |(folder, _)| folder);
    format!("{}{folder}/", location.origin().unwrap_or_default())
}
