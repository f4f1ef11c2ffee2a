//! The domain model: everything sourceline knows about events, claims, sources and dates.
//!
//! What belongs here: dataset types, reading and validation, dates and their precision, and the
//! views derived from a dataset (attribution, corroboration, control of a place). What does
//! not: anything that touches the DOM, the URL bar or the network. This module compiles without
//! leptos, web-sys, wasm-bindgen or gloo, is tested natively with `cargo test`, and is also
//! compiled into `build.rs` to refuse a build whose bundled dataset has problems.

pub mod attribution;
pub mod catalog;
pub mod control;
pub mod dataset;
pub mod date;
pub mod filter;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod ids;
pub mod loading;
pub mod marks;
pub mod overview;
pub mod problem;
pub mod story;
pub mod timeline;
pub mod url_state;
pub mod validate;
pub mod words;
pub mod written;

pub use attribution::{Attribution, Corroboration, Standing};
pub use catalog::{Catalog, DatasetOrigin, Resolved};
pub use control::{ControlSegment, ControlTrack};
pub use dataset::{Claim, Control, Dataset, Document, Event, Source, Stance};
pub use date::{DatePrecision, DateShape, Day, EventDate, Qualifier};
pub use filter::{Facet, Facets, Filter, SearchIndex, SourceActivity};
pub use loading::LoadFailure;
pub use problem::{Problem, ProblemKind};
pub use story::{Direction, Step};
pub use timeline::Viewport;
pub use url_state::ViewState;
