//! Checks dataset files and lists every problem with its JSON path.
//!
//! `cargo run --bin validate -- data/palmyra.json [more.json ...]` exits 0 when every file is
//! valid, 1 when any has a problem, 2 on a usage error.

use std::process::ExitCode;

use sourceline::model::dataset::MAX_DATASET_BYTES;
use sourceline::model::loading::too_large_to_open;
use sourceline::model::words::count;
use sourceline::model::Dataset;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|p| p == "-h" || p == "--help") {
        eprintln!("usage: validate DATASET.json [DATASET.json ...]");
        return ExitCode::from(2);
    }
    let mut all_valid = true;
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: cannot be read: {e}");
                all_valid = false;
                continue;
            }
        };
        // Any size: a site is built from a dataset of any size, though the app opens one from a
        // link or a file only up to MAX_DATASET_BYTES.
        match Dataset::parse_any_size(&text) {
            (Some(dataset), problems) if problems.is_empty() => {
                println!("{path}: valid: {}", dataset.contents());
                if text.len() > MAX_DATASET_BYTES {
                    println!("{path}: {}", too_large_to_open(text.len()));
                }
            }
            (_, problems) => {
                all_valid = false;
                for problem in &problems {
                    println!("{path}: {problem}");
                }
                println!("{path}: {}", count(problems.len(), "problem", "problems"));
            }
        }
    }
    if all_valid { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
