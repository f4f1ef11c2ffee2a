//! The `validate` command, as a dataset author runs it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::process::Command;

/// The repository's dataset as written.
const PALMYRA_JSON: &str = include_str!("../data/palmyra.json");
use support::PALMYRA_PATH;

fn validate(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_validate")).args(args).output().expect("validate runs");
    let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn the_bundled_dataset_is_valid() {
    let (code, text) = validate(&[PALMYRA_PATH]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("valid: 13 events"), "{text}");
}

#[test]
fn a_broken_dataset_lists_each_problem_with_its_path_and_fails() {
    let dir = std::env::temp_dir().join(format!("sourceline-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.json");
    let broken = PALMYRA_JSON
        .replacen("\"via\": [\"sana\"]", "\"via\": [\"sana2\"]", 1)
        .replacen("\"date\": \"2016-12\"", "\"date\": \"2016-13\"", 1);
    std::fs::write(&path, broken).unwrap();
    let (code, text) = validate(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("claims[1].via[0]: unknown source id `sana2`"), "{text}");
    assert!(text.contains(".date: date `2016-13` is not an EDTF date"), "{text}");
    assert!(text.ends_with(": 2 problems\n"), "{text}");
}

#[test]
fn no_argument_is_a_usage_error() {
    assert_eq!(validate(&[]).0, 2);
    let (code, text) = validate(&["/nonexistent/dataset.json"]);
    assert_eq!((code, text.contains("cannot be read")), (1, true));
}

/// Writes each file into a folder of its own and runs `validate` on them all.
fn validate_files(name: &str, files: &[(&str, String)]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("sourceline-validate-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<String> = files
        .iter()
        .map(|(file, text)| {
            let path = dir.join(file);
            std::fs::write(&path, text).unwrap();
            path.to_str().unwrap().to_string()
        })
        .collect();
    let result = validate(&paths.iter().map(String::as_str).collect::<Vec<_>>());
    std::fs::remove_dir_all(&dir).ok();
    result
}

#[test]
fn a_file_saved_with_a_byte_order_mark_is_read_and_counted_in_words() {
    let (code, text) = validate_files("bom", &[("bom.json", format!("\u{feff}{}", support::SMALL_JSON))]);
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with("bom.json: valid: 1 event, 2 claims, 4 sources, 1 document\n"), "{text}");
}

#[test]
fn an_event_whose_page_would_be_a_file_of_the_site_or_another_event_s_is_a_problem() {
    let mut value = support::small_json();
    let mut again = value["events"][0].clone();
    value["events"][0]["id"] = "index".into();
    again["id"] = "INDEX".into();
    value["events"].as_array_mut().unwrap().push(again);
    let (code, text) = validate_files("ids", &[("ids.json", value.to_string())]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("ids.json: events[0].id: `index` cannot be an event's id: its page would take the name of one of the site's own files"), "{text}");
    assert!(text.contains("ids.json: events[1].id: `INDEX` cannot be an event's id"), "{text}");
    assert!(text.ends_with("ids.json: 2 problems\n"), "{text}");
}
