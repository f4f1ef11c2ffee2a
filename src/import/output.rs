//! The dataset the importer writes, as the `sourceline/1` JSON an author would write by hand
//! (fields in the order docs/format.md lists them, optional ones left out when absent), and the
//! [`Trace`] from each JSON path in it back to the place in the input it was made from.
//!
//! The importer never decides what is a valid dataset: it writes what it read, and the app's
//! own reader ([`Dataset::parse`]) checks it. The trace then says where each problem it finds
//! came from.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::dataset::FORMAT;
use crate::model::{Dataset, ProblemKind};

use super::finding::{Finding, FindingKind};
use super::place::Place;

#[derive(Debug, Clone, Default, Serialize)]
pub struct DatasetOut {
    pub format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub documents: Vec<DocumentOut>,
    pub sources: Vec<SourceOut>,
    pub events: Vec<EventOut>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub title: String,
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub kind: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EventOut {
    pub id: String,
    pub date: String,
    pub title: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<ControlOut>,
    pub claims: Vec<ClaimOut>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ControlOut {
    pub place: String,
    pub holder: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ClaimOut {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    pub by: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    #[serde(rename = "in")]
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
}

impl DatasetOut {
    pub fn new() -> DatasetOut {
        DatasetOut {
            format: FORMAT,
            ..DatasetOut::default()
        }
    }

    /// The dataset as pretty-printed JSON, ending with a new line.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and lists cannot fail; an empty object stands in if it did.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        json.push('\n');
        json
    }
}

/// Where each part of the written dataset came from, by JSON path (`events[3].claims[1].by`).
#[derive(Debug, Clone)]
pub struct Trace {
    places: HashMap<String, Place>,
    /// Where the dataset as a whole, and anything not traced more finely, came from.
    whole: Place,
}

impl Trace {
    pub fn new(whole: Place) -> Trace {
        Trace {
            places: HashMap::new(),
            whole,
        }
    }

    /// Records that the value at `path` was made from `place`.
    pub fn record(&mut self, path: impl Into<String>, place: Place) {
        self.places.insert(path.into(), place);
    }

    /// The place the value at `path` came from: the path's own, or else its nearest enclosing
    /// value's (`events[3].claims` is the event's row), or else the whole input's.
    pub fn place_of(&self, path: &str) -> Place {
        let mut path = path;
        loop {
            if let Some(place) = self.places.get(path) {
                return place.clone();
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return self.whole.clone(),
            }
        }
    }

    /// Reads `json` with the app's reader and gives every problem at the place it came from.
    /// A duplicate id's "first used at" names the place of the first use too.
    pub fn check(&self, json: &str) -> (Option<Dataset>, Vec<Finding>) {
        let (dataset, problems) = Dataset::parse(json);
        let findings = problems
            .into_iter()
            .map(|problem| {
                let kind = match problem.kind {
                    ProblemKind::DuplicateId { record, id, first } => ProblemKind::DuplicateId {
                        record,
                        id,
                        first: self.place_of(&first).to_string(),
                    },
                    kind => kind,
                };
                Finding::new(self.place_of(&problem.path), FindingKind::Dataset(kind))
            })
            .collect();
        (dataset, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::place::Column;

    #[test]
    fn a_path_is_traced_to_its_own_place_or_its_nearest_enclosing_one() {
        let mut trace = Trace::new(Place::Input);
        let by = Place::cell("claims.csv", 7, &Column::new(5, "by"));
        trace.record("events[3]", Place::row("events.csv", 5));
        trace.record("events[3].claims[1].by", by.clone());
        trace.record("events[3].claims[1]", Place::row("claims.csv", 7));
        assert_eq!(trace.place_of("events[3].claims[1].by"), by);
        assert_eq!(
            trace.place_of("events[3].claims[1].via[0]"),
            Place::row("claims.csv", 7)
        );
        assert_eq!(
            trace.place_of("events[3].claims"),
            Place::row("events.csv", 5)
        );
        assert_eq!(trace.place_of("events[30]"), Place::Input);
        assert_eq!(trace.place_of(""), Place::Input);
    }

    #[test]
    fn fields_are_written_in_the_order_of_the_format_and_absent_ones_left_out() {
        let claim = ClaimOut {
            id: "a".into(),
            text: "t".into(),
            by: "b".into(),
            document: "d".into(),
            ..ClaimOut::default()
        };
        let json = serde_json::to_string(&claim).unwrap();
        assert_eq!(json, r#"{"id":"a","text":"t","by":"b","in":"d"}"#);
    }
}
