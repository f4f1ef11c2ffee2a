//! What the integration tests share: the fixture datasets of `tests/fixtures/` (the same files
//! the model's unit tests read through `src/model/fixtures.rs`), the bundled dataset, and a
//! few ways of reading them.
//!
//! Each test file includes this module with `mod support;` and uses only part of it.

// Every test file is its own crate, and none uses all of this module.
#![allow(dead_code)]

use serde_json::Value;
use sourceline::model::{Dataset, Problem};

/// A valid dataset to break one field at a time: one document, an army relayed by an agency,
/// a monitor and its director, and one event with a supporting and a qualifying claim.
pub const SMALL_JSON: &str = include_str!("../fixtures/small.json");

/// One event whose claims are grouped by originator: an army (twice, once through an agency),
/// a monitor and its director (one organisation), and a rebel group that disputes it.
pub const CONTESTED_JSON: &str = include_str!("../fixtures/contested.json");

/// Control of two places: a town taken in May 2015 and again in March 2016 (listed out of
/// order), and a city taken in June 2015.
pub const CONTROL_JSON: &str = include_str!("../fixtures/control.json");

/// The file the app bundles, for tests that read it as a file rather than as text.
pub const PALMYRA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/palmyra.json");

/// Reads `text`, which must be a dataset with no problem at all.
pub fn valid(text: &str) -> Dataset {
    let (dataset, problems) = Dataset::parse(text);
    assert_eq!(problems, [], "the dataset has problems");
    dataset.expect("the dataset is readable")
}

/// The problems `Dataset::parse` finds in `value`.
pub fn problems(value: &Value) -> Vec<Problem> {
    Dataset::parse(&value.to_string()).1
}

/// [`SMALL_JSON`], read.
pub fn small() -> Dataset {
    valid(SMALL_JSON)
}

/// [`SMALL_JSON`] as a JSON value, to edit before reading.
pub fn small_json() -> Value {
    serde_json::from_str(SMALL_JSON).expect("the small fixture is JSON")
}

/// [`CONTESTED_JSON`], read.
pub fn contested() -> Dataset {
    valid(CONTESTED_JSON)
}

/// [`CONTROL_JSON`], read.
pub fn control() -> Dataset {
    valid(CONTROL_JSON)
}

/// The repository's dataset, as the app is built with it unless `SOURCELINE_DATA` names another.
pub const PALMYRA_JSON: &str = include_str!("../../data/palmyra.json");

/// The bundled Palmyra dataset, read.
pub fn palmyra() -> Dataset {
    valid(PALMYRA_JSON)
}

/// The bundled Palmyra dataset as a JSON value, to edit before reading.
pub fn palmyra_json() -> Value {
    serde_json::from_str(PALMYRA_JSON).expect("the bundled dataset is JSON")
}
