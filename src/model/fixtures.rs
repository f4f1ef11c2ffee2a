//! Small datasets shared by the model's unit tests, so that no test module keeps its own copy.
//!
//! The datasets are files in `tests/fixtures/`, the same files the integration tests read
//! through `tests/support/mod.rs`: one place each. Every helper panics on a problem, since a
//! fixture that does not read cleanly makes every test that uses it meaningless.

use serde_json::Value;

use super::dataset::{Dataset, Stance};

/// A valid dataset to break one field at a time: one document, an army relayed by an agency,
/// a monitor and its director, and one event with a supporting and a qualifying claim.
pub(crate) const SMALL_JSON: &str = include_str!("../../tests/fixtures/small.json");

/// One event whose claims are grouped by originator: an army (twice, once through an agency),
/// a monitor and its director (one organisation), and a rebel group that disputes it.
pub(crate) const CONTESTED_JSON: &str = include_str!("../../tests/fixtures/contested.json");

/// Control of two places: a town taken in May 2015 and again in March 2016 (listed out of
/// order), and a city taken in June 2015.
pub(crate) const CONTROL_JSON: &str = include_str!("../../tests/fixtures/control.json");

/// Reads `text`, which must be a dataset with no problem at all.
pub(crate) fn valid(text: &str) -> Dataset {
    let (dataset, problems) = Dataset::parse(text);
    assert_eq!(problems, [], "a fixture has problems");
    dataset.expect("a fixture is readable")
}

/// [`SMALL_JSON`], read.
pub(crate) fn small() -> Dataset {
    valid(SMALL_JSON)
}

/// [`SMALL_JSON`] as a JSON value, to edit before reading.
pub(crate) fn small_json() -> Value {
    serde_json::from_str(SMALL_JSON).expect("the small fixture is JSON")
}

/// [`CONTESTED_JSON`], read.
pub(crate) fn contested() -> Dataset {
    valid(CONTESTED_JSON)
}

/// [`CONTROL_JSON`], read.
pub(crate) fn control() -> Dataset {
    valid(CONTROL_JSON)
}

/// The repository's dataset, `data/palmyra.json`: what the app is built with unless
/// `SOURCELINE_DATA` names another file.
pub(crate) const PALMYRA_JSON: &str = include_str!("../../data/palmyra.json");

/// [`PALMYRA_JSON`], read.
pub(crate) fn palmyra() -> Dataset {
    valid(PALMYRA_JSON)
}

// The fixtures describe themselves above; these hold them to it, and keep every helper in use
// while the test modules that use them change.
#[test]
fn the_small_fixture_reads_cleanly() {
    let dataset = small();
    assert_eq!((dataset.documents.len(), dataset.sources.len(), dataset.events.len()), (1, 4, 1));
}

#[test]
fn the_contested_fixture_has_a_disputing_rebel_source() {
    let dataset = contested();
    assert_eq!(dataset.events[0].claims.len(), 5);
    let rebels = dataset.events[0].claims.iter().find(|c| c.by == "rebels").map(|c| c.stance);
    assert_eq!(rebels, Some(Stance::Disputes));
}

#[test]
fn the_control_fixture_changes_two_places() {
    let events: Vec<String> = control().events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(events, ["first", "other", "back"], "in chronological order");
}

#[test]
fn palmyra_is_the_bundled_dataset() {
    assert!(!palmyra().events.is_empty());
}
