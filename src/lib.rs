//! sourceline: a timeline of events with a source-attribution panel, running entirely in the
//! browser.
//!
//! The crate has two halves with a hard wall between them:
//! - [`model`] is pure Rust: dataset types, dates, validation and every rule of the product. It
//!   compiles and is tested natively, with no web types in reach.
//! - `ui` (browser builds only) renders the model with Leptos and holds no rules of its own.
//! - `site` (native builds only) writes the same model into static pages at build time.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod model;

/// The text of the dataset the app is built with. `build.rs` checks the file (`data/palmyra.json`,
/// or the one `SOURCELINE_DATA` names) and copies it into the build, so that a site can be built
/// with any dataset without a change to the repository. The model reads it as
/// [`model::dataset::EMBEDDED_JSON`], and its title, which `build.rs` writes beside it, as
/// [`model::dataset::EMBEDDED_TITLE`].
mod bundled {
    pub const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.json"));
    pub const TITLE: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled-title.txt"));
}

/// Invented datasets for tests and benchmarks (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;

/// The static site written around the app at build time: a page and a preview image per
/// event, the index, the sitemap (native builds only; run by `src/bin/site.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod site;

/// The import command's work: a dataset made from a spreadsheet or a TimelineJS timeline,
/// checked by the app's reader, every finding at its cell (native only; run by
/// `src/bin/import.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod import;

#[cfg(target_arch = "wasm32")]
pub mod ui;
