//! The domain model: everything sourceline knows about events, claims, sources and dates.
//!
//! What belongs here: dataset types, reading and validation, dates and their precision, and the
//! views derived from a dataset (attribution, corroboration, control of a place). What does
//! not: anything that touches the DOM, the URL bar or the network. This module compiles without
//! leptos, web-sys, wasm-bindgen or gloo, is tested natively with `cargo test`, and runs in the
//! build's `site` step, which refuses a dataset with problems and compiles it for the app.

pub mod attribution;
pub mod catalog;
pub mod compiled;
pub mod control;
pub mod dataset;
pub mod embed;
pub mod export;
pub mod date;
pub mod filter;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod ids;
pub mod linked_data;
pub mod loading;
pub mod marks;
pub mod overview;
pub mod problem;
pub mod start;
pub mod story;
pub mod tiles;
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

/// `value` kept within `low` and `high`; `high` when they cross, a bound for NaN. Unlike
/// `f64::clamp`, it never panics (an axis a few pixels long made a mark's bounds cross), and the
/// panic's message would bring the whole of float formatting into the wasm with it.
pub fn within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

#[cfg(test)]
mod tests {
    #[test]
    fn within_keeps_a_value_between_its_bounds_and_never_panics() {
        use super::within;
        assert_eq!(within(0.5, 0.0, 1.0), 0.5);
        assert_eq!(within(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(within(7.0, 0.0, 1.0), 1.0);
        assert_eq!(within(5.0, 2.0, -14.0), -14.0);
        assert_eq!(within(f64::NAN, 0.0, 1.0), 0.0);
    }
}
