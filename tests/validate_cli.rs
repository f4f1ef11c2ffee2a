//! The `validate` command, as a dataset author runs it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::process::Command;

use sourceline::model::dataset::EMBEDDED_JSON;
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
    let broken = EMBEDDED_JSON
        .replacen("\"via\": [\"sana\"]", "\"via\": [\"sana2\"]", 1)
        .replacen("\"date\": \"2016-12\"", "\"date\": \"2016-13\"", 1);
    std::fs::write(&path, broken).unwrap();
    let (code, text) = validate(&[path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("claims[1].via[0]: unknown source id `sana2`"), "{text}");
    assert!(text.contains(".date: date `2016-13` is not an EDTF date"), "{text}");
    assert!(text.contains(": 2 problem(s)"), "{text}");
}

#[test]
fn no_argument_is_a_usage_error() {
    assert_eq!(validate(&[]).0, 2);
    let (code, text) = validate(&["/nonexistent/dataset.json"]);
    assert_eq!((code, text.contains("cannot be read")), (1, true));
}
