//! The published format (docs/format.md and its JSON Schema) and the Rust reader agree.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::Value;
use sourceline::model::validate::{
    CLAIM_FIELDS, CONTROL_FIELDS, DATASET_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS, SOURCE_FIELDS,
};
use sourceline::model::{Problem, ProblemKind};
use support::problems;

const FORMAT_DOC: &str = include_str!("../docs/format.md");
const SCHEMA: &str = include_str!("../docs/sourceline-1.schema.json");

/// The worked example: the first JSON block of the format page.
fn example() -> Value {
    let start = FORMAT_DOC.find("```json\n").expect("the format page has a JSON example") + 8;
    let end = start + FORMAT_DOC[start..].find("```").expect("the example block is closed");
    serde_json::from_str(&FORMAT_DOC[start..end]).expect("the example is JSON")
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

#[test]
fn the_worked_example_is_valid() {
    assert_eq!(problems(&example()), []);
}

/// Whether `problem` says that `field` is missing; a claim without `by` says so with a reason.
fn says_missing(problem: &Problem, field: &str) -> bool {
    match problem.kind {
        ProblemKind::MissingField(missing) => missing == field,
        ProblemKind::MissingOriginator => field == "by",
        _ => false,
    }
}

/// For each kind of object: the schema's definition, a pointer to one such object in the
/// worked example, and the fields the reader accepts.
fn kinds() -> [(&'static str, Value, &'static str, &'static [&'static str]); 6] {
    let schema = schema();
    let def = |name: &str| schema["$defs"][name].clone();
    [
        ("dataset", schema.clone(), "", DATASET_FIELDS),
        ("document", def("document"), "/documents/0", DOCUMENT_FIELDS),
        ("source", def("source"), "/sources/3", SOURCE_FIELDS),
        ("event", def("event"), "/events/0", EVENT_FIELDS),
        ("control", def("event")["properties"]["control"].clone(), "/events/0/control", CONTROL_FIELDS),
        ("claim", def("claim"), "/events/0/claims/0", CLAIM_FIELDS),
    ]
}

#[test]
fn the_schema_names_exactly_the_fields_the_reader_accepts() {
    for (kind, definition, _, fields) in kinds() {
        let mut in_schema: Vec<&str> =
            definition["properties"].as_object().unwrap_or_else(|| panic!("{kind} has properties")).keys().map(String::as_str).collect();
        let mut in_reader = fields.to_vec();
        in_schema.sort_unstable();
        in_reader.sort_unstable();
        assert_eq!(in_schema, in_reader, "fields of {kind}");
        assert_eq!(definition["additionalProperties"], Value::Bool(false), "{kind} refuses other fields");
    }
}

/// Dropping a field the schema requires is a problem for the reader; dropping an optional one
/// is not. The example uses every field at least once, so each is tried.
#[test]
fn the_schema_and_the_reader_require_the_same_fields() {
    let example = example();
    for (kind, definition, pointer, fields) in kinds() {
        let required: Vec<&str> = definition["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        for field in fields {
            let object = example.pointer(pointer).unwrap_or_else(|| panic!("the example has {pointer}"));
            let present = object.get(field).is_some() || claim_elsewhere_has(&example, kind, field);
            assert!(present, "the worked example shows {kind}.{field}");
            if object.get(field).is_none() {
                continue;
            }
            let mut edited = example.clone();
            edited.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(*field);
            let found = problems(&edited);
            if required.contains(field) {
                assert!(found.iter().any(|p| says_missing(p, field)), "{kind}.{field} is required: {found:?}");
            } else {
                assert_eq!(found, [], "{kind}.{field} is optional");
            }
        }
    }
}

fn claim_elsewhere_has(example: &Value, kind: &str, field: &str) -> bool {
    let list = match kind {
        "claim" => example.pointer("/events/0/claims"),
        "source" => example.pointer("/sources"),
        _ => None,
    };
    list.and_then(Value::as_array).is_some_and(|items| items.iter().any(|item| item.get(field).is_some()))
}

#[test]
fn the_format_page_documents_every_field() {
    for (kind, _, _, fields) in kinds() {
        for field in fields {
            assert!(FORMAT_DOC.contains(&format!("| `{field}` |")), "docs/format.md has a row for {kind}.{field}");
        }
    }
}
