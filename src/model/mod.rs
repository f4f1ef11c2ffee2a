//! The domain model: everything sourceline knows about events, claims, sources and dates.
//!
//! What belongs here: dataset types, reading and validation, dates and their precision, and the
//! views derived from a dataset (attribution, corroboration, control of a place). What does
//! not: anything that touches the DOM, the URL bar or the network. This module compiles without
//! leptos, web-sys, wasm-bindgen or gloo, is tested natively with `cargo test`, and is also
//! compiled into `build.rs` to refuse a build whose bundled dataset has problems.

pub mod attribution;
pub mod control;
pub mod dataset;
pub mod date;
pub mod filter;
pub mod timeline;
pub mod url_state;
pub mod validate;

pub use attribution::{Attribution, Corroboration};
pub use control::ControlTrack;
pub use dataset::{Claim, Control, Dataset, Document, Event, Source, Stance};
pub use date::{DatePrecision, DateShape, Day, EventDate};
pub use filter::{Facets, Filter, SearchIndex, SourceActivity};
pub use timeline::Viewport;
pub use url_state::ViewState;
pub use validate::Problem;
