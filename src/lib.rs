//! sourceline: a timeline of events with a source-attribution panel, running entirely in the
//! browser.
//!
//! The crate has two halves with a hard wall between them:
//! - [`model`] is pure Rust: dataset types, dates, validation and every rule of the product. It
//!   compiles and is tested natively, with no web types in reach.
//! - `ui` renders the model with Leptos and holds no rules of its own: in the browser, and
//!   natively into HTML, with the same components.
//! - `site` (native builds only) writes the same model into static pages at build time.

// The natively rendered views' types are deeper than the compiler's default limit.
#![recursion_limit = "256"]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod model;

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

pub mod ui;

/// The dataset reader in its Web Worker, both ends of the conversation (run in the browser only).
pub mod reader;
