//! Checks the dataset the app is built with and copies it into the build, refusing to build
//! when it has any problem, listing each with its path.
//!
//! The dataset is `data/palmyra.json`, or the file the `SOURCELINE_DATA` environment variable
//! names (an absolute path, or one relative to this folder; `./x` makes it absolute). The model
//! is compiled into this script from its own source files, so the build checks the dataset
//! with exactly the rules the app and the `validate` command use.

use std::path::PathBuf;

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

/// The model names the text of the dataset built in as `crate::bundled::JSON`; this script is
/// what puts it there, so within the script it is empty.
#[allow(dead_code)]
mod bundled {
    pub const JSON: &str = "";
    pub const TITLE: &str = "";
}

const DEFAULT: &str = "data/palmyra.json";

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

fn main() {
    println!("cargo:rerun-if-changed=src/model");
    println!("cargo:rerun-if-env-changed=SOURCELINE_DATA");
    let named = std::env::var("SOURCELINE_DATA").ok().filter(|path| !path.trim().is_empty());
    let path = named.clone().unwrap_or_else(|| DEFAULT.to_string());
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| match &named {
        Some(_) => fail(format!("SOURCELINE_DATA={path}: cannot be read: {e}")),
        None => fail(format!("{path}: cannot be read: {e}")),
    });
    let (dataset, problems) = model::Dataset::parse(&text);
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("{path}: {problem}");
        }
        fail(format!("{path} has {}; the app is not built with it", model::words::count(problems.len(), "problem", "problems")));
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_else(|| fail("cargo set no OUT_DIR".into())));
    if let Err(e) = std::fs::write(out.join("bundled.json"), &text) {
        fail(format!("cannot copy {path} into the build: {e}"));
    }
    // The title on its own, for what the app says about the dataset it is built with before (or
    // without) reading it: the link back to it from another dataset.
    let title = dataset.map(|d| d.title).unwrap_or_default();
    if let Err(e) = std::fs::write(out.join("bundled-title.txt"), title) {
        fail(format!("cannot write the title of {path} into the build: {e}"));
    }
}
