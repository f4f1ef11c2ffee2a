//! Refuses to build when the bundled dataset has any problem, listing each with its path.
//!
//! The model is compiled into this script from its own source files, so the build checks the
//! dataset with exactly the rules the app and the `validate` command use.

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

fn main() {
    println!("cargo:rerun-if-changed=data/palmyra.json");
    println!("cargo:rerun-if-changed=src/model");
    let (_, problems) = model::Dataset::parse(model::dataset::EMBEDDED_JSON);
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("data/palmyra.json: {problem}");
        }
        eprintln!("data/palmyra.json has {} problem(s); the app is not built with it", problems.len());
        std::process::exit(1);
    }
}
