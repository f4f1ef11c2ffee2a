//! The shape of `src/model`, which ARCHITECTURE.md promises: its files depend on each other
//! one way only (plain types and predicates at the bottom, the reader and the derived views
//! above them), and none of them reaches for a browser crate.
//!
//! It also holds the promise that `src/ui` and `src/site` spell no wording of data: no counts with their
//! nouns, no plural branches, no party, date or qualifier words. Those are the model's, so that
//! the app and anything rendered at build time say the same thing.
//!
//! The checks read the source text, not the compiled crate: an import cycle compiles fine in
//! Rust, and a browser crate is already unreachable natively, so only the text shows either
//! mistake before it spreads.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

/// The crates that would tie the model to the browser.
const BROWSER_CRATES: &[&str] = &["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"];

/// Every `src/model/*.rs` file by module name (`mod` for `mod.rs`), with its text.
fn model_files() -> BTreeMap<String, String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/model");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("src/model is readable") {
        let path = entry.expect("src/model is listable").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_stem().and_then(|s| s.to_str()).expect("file names are UTF-8").to_string();
            files.insert(name, std::fs::read_to_string(&path).expect("model files are readable"));
        }
    }
    files
}

/// The text without its comment lines, so that a doc link or a sentence that names a module or
/// a crate is not taken for a use of it.
fn code(text: &str) -> String {
    text.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The first path segment of each item of a `use` tree that starts at `rest`: `x` for
/// `x::Y`, and `a`, `b` for `{a, b::{C, D}}`.
fn first_segments(rest: &str) -> Vec<&str> {
    let Some(inner) = rest.strip_prefix('{') else {
        let end = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
        return vec![&rest[..end]];
    };
    let mut depth = 0;
    let mut start = 0;
    let mut items = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&inner[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
        .into_iter()
        .map(str::trim)
        .map(|item| &item[..item.find(|c: char| !is_ident_char(c)).unwrap_or(item.len())])
        .filter(|segment| !segment.is_empty())
        .collect()
}

/// The items `mod.rs` re-exports (`pub use date::{Day, EventDate};`), each with the module it
/// comes from, so that `crate::model::Day` counts as a use of `date`.
fn reexports(mod_rs: &str) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for line in code(mod_rs).lines() {
        let Some(path) = line.trim().strip_prefix("pub use ") else { continue };
        let Some((module, items)) = path.split_once("::") else { continue };
        let items = items.trim_end_matches(';').trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let name = item.rsplit(" as ").next().unwrap_or(item).trim();
            found.insert(name.to_string(), module.to_string());
        }
    }
    found
}

/// The sibling modules a model file uses: through `super::x`, `crate::model::x` or
/// `super::{a, b}`, directly or through an item `mod.rs` re-exports.
fn imports(text: &str, modules: &BTreeSet<String>, reexported: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code = code(text);
    let mut found = BTreeSet::new();
    for prefix in ["super::", "crate::model::"] {
        for (at, _) in code.match_indices(prefix) {
            // `my_super::` is not `super::`; `super::super::` is, twice.
            if code[..at].chars().next_back().is_some_and(is_ident_char) {
                continue;
            }
            for segment in first_segments(&code[at + prefix.len()..]) {
                if modules.contains(segment) {
                    found.insert(segment.to_string());
                } else if let Some(module) = reexported.get(segment) {
                    found.insert(module.clone());
                }
            }
        }
    }
    found
}

/// The dependency graph among the model's files, `mod.rs` aside: it declares and re-exports
/// every module, and no module imports it.
fn dependency_graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.keys().filter(|name| *name != "mod").cloned().collect();
    let reexported = files.get("mod").map(|text| reexports(text)).unwrap_or_default();
    modules
        .iter()
        .map(|name| {
            let mut uses = imports(&files[name], &modules, &reexported);
            uses.remove(name);
            (name.clone(), uses)
        })
        .collect()
}

/// A cycle in `graph`, as the modules along it with the first repeated at the end, if any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    fn visit(node: &str, graph: &BTreeMap<String, BTreeSet<String>>, marks: &mut BTreeMap<String, Mark>, path: &mut Vec<String>) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::OnPath) => {
                let start = path.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::OnPath);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph.keys().find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

/// The browser crates the code of a file names, outside comments.
fn browser_crates(text: &str) -> Vec<&'static str> {
    let code = code(text);
    BROWSER_CRATES
        .iter()
        .copied()
        .filter(|name| {
            code.match_indices(name).any(|(at, _)| code[..at].chars().next_back().is_none_or(|c| !is_ident_char(c)))
        })
        .collect()
}

#[test]
fn model_files_import_each_other_one_way_only() {
    let graph = dependency_graph(&model_files());
    assert!(graph.len() >= 10, "the model's files are all read: {:?}", graph.keys());
    if let Some(cycle) = find_cycle(&graph) {
        panic!("src/model has an import cycle: {}\nthe whole graph: {graph:#?}", cycle.join(" → "));
    }
}

#[test]
fn the_reader_sits_above_the_types_and_the_predicates() {
    let graph = dependency_graph(&model_files());
    let uses = |name: &str| graph[name].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(uses("ids"), Vec::<&str>::new(), "the predicates depend on nothing");
    assert_eq!(uses("dataset"), ["date"], "the types depend on dates alone");
    assert!(!graph["problem"].contains("validate"), "problems are worded without the reader");
    assert!(!graph["url_state"].contains("validate"), "links do not depend on the dataset reader");
    for below in ["dataset", "ids", "problem"] {
        assert!(graph["validate"].contains(below), "the reader uses {below}");
    }
}

#[test]
fn no_model_file_names_a_browser_crate() {
    let offenders: Vec<(String, Vec<&str>)> = model_files()
        .into_iter()
        .map(|(name, text)| (name, browser_crates(&text)))
        .filter(|(_, crates)| !crates.is_empty())
        .collect();
    assert_eq!(offenders, [], "src/model must not depend on the browser");
}

// The checker itself, on made-up files: a check that cannot fail proves nothing.

fn made_up(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect()
}

#[test]
fn every_form_of_import_is_seen() {
    let files = made_up(&[
        ("mod", "pub mod a;\npub use b::{Bee, Other as Renamed};\npub use c::Sea;"),
        ("a", "use super::{b::Bee, c};\nuse crate::model::d;\nfn f() -> super::e::E { todo!() }\nuse crate::model::Renamed;"),
        ("b", "#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::model::Sea;\n}"),
        ("c", "/// See [`super::a`].\n// super::b in a comment\nuse super::super::d::D;"),
        ("d", "use std::fmt;"),
        ("e", ""),
    ]);
    let graph = dependency_graph(&files);
    let uses = |name: &str| graph[name].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(uses("a"), ["b", "c", "d", "e"]);
    assert_eq!(uses("b"), ["c"]);
    assert_eq!(uses("c"), ["d"]);
    assert_eq!(uses("d"), Vec::<&str>::new());
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn a_cycle_is_found_and_named() {
    let files = made_up(&[
        ("mod", ""),
        ("dataset", "use super::date::EventDate;\nuse super::validate::Problem;"),
        ("date", ""),
        ("validate", "use super::{dataset::Dataset, date};"),
    ]);
    let cycle = find_cycle(&dependency_graph(&files)).expect("a cycle");
    assert_eq!(cycle.join(" → "), "dataset → validate → dataset");
}

#[test]
fn browser_crates_are_found_in_code_not_in_comments() {
    assert_eq!(browser_crates("//! Compiles without leptos or gloo.\nuse std::fmt;"), Vec::<&str>::new());
    assert_eq!(browser_crates("use leptos::prelude::*;\nfn f(_: web_sys::Url) {}"), ["leptos", "web_sys"]);
    assert_eq!(browser_crates("let t = gloo_timers::Timeout::new(1, f);"), ["gloo"]);
    assert_eq!(browser_crates("let not_leptos = 1;"), Vec::<&str>::new());
}

/// Every `src/{ui,site}/**/*.rs` file by path, with its text: the two places that render the
/// model, in the browser and at build time.
fn rendering_files() -> BTreeMap<String, String> {
    fn walk(dir: &std::path::Path, files: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("the folder is readable") {
            let path = entry.expect("the folder is listable").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "tests.rs") {
                files.insert(path.display().to_string(), std::fs::read_to_string(&path).expect("source files are readable"));
            }
        }
    }
    let mut files = BTreeMap::new();
    for dir in ["src/ui", "src/site"] {
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    }
    assert!(files.keys().any(|p| p.contains("/src/site/")), "src/site is read");
    files
}

/// The string literals of a text, comments left out.
fn string_literals(text: &str) -> Vec<String> {
    let code = code(text);
    let mut literals = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    literal.push(c);
                    literal.extend(chars.next());
                }
                '"' => break,
                c => literal.push(c),
            }
        }
        literals.push(literal);
    }
    literals
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];
/// Nouns that a count says: "{n} events", "{shown} of {total} in view".
const COUNTED: [&str; 7] = ["originator", "claim", "event", "problem", "source", "in view", "match"];

/// What in `text` is wording of data: a reason for each literal or line that spells one.
fn wording_of_data(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for literal in string_literals(text) {
        let lower = literal.to_ascii_lowercase();
        let counted = literal.split('}').skip(1).any(|after| {
            // "{n} events", and "{n} of {total} events" once the "of {total}" is passed.
            let after = after.trim_start();
            let after = match after.strip_prefix("of {") {
                Some(rest) => rest.split_once('}').map_or("", |(_, tail)| tail).trim_start(),
                None => after,
            };
            COUNTED.iter().any(|noun| after.starts_with(noun))
        });
        let reason = if counted {
            Some("a count with its noun")
        } else if literal.contains("(s)") {
            Some("a plural spelled \"(s)\"")
        } else if lower.contains("party to the conflict") || lower.contains("parties") {
            Some("a party's wording")
        } else if MONTHS.iter().any(|m| literal.split(|c: char| !c.is_alphabetic()).any(|w| w == *m)) {
            Some("a month's name")
        } else if ["about ", "possibly "].iter().any(|q| literal.starts_with(q)) || ["~", "?", "~?"].contains(&literal.as_str()) {
            Some("a date's qualifier")
        } else if literal.contains("Selected:") || literal.contains("until the next change") {
            Some("a sentence about an event")
        } else {
            None
        };
        found.extend(reason.map(|r| format!("{r}: \"{literal}\"")));
    }
    for line in code(text).lines() {
        let arm = line.trim_start();
        if (arm.starts_with("0 =>") || arm.starts_with("1 =>")) && !arm.contains("\"Arrow") {
            found.push(format!("a branch on a count of zero or one: `{}`", arm.trim()));
        }
    }
    found
}

#[test]
fn no_ui_or_site_file_spells_wording_of_data() {
    let found: Vec<String> = rendering_files()
        .into_iter()
        .flat_map(|(path, text)| wording_of_data(&text).into_iter().map(move |w| format!("{path}: {w}")))
        .collect();
    assert_eq!(found, Vec::<String>::new(), "wording of data in src/ui or src/site: move it into the model");
}

#[test]
fn wording_of_data_is_found_in_the_forms_it_used_to_take() {
    let old = [
        (r#"format!("{n} of {total} events match")"#, "a count with its noun"),
        (r#"format!("{n} originators")"#, "a count with its noun"),
        (r#"format!("{shown} in view")"#, "a count with its noun"),
        (r#"format!("{count} problem(s) found")"#, "a count with its noun"),
        (r#"format!("party to the conflict: {party}")"#, "a party's wording"),
        (r#""Not a party to the conflict".to_string()"#, "a party's wording"),
        (r#"(true, false) => "~","#, "a date's qualifier"),
        (r#"format!("Selected: {}, {}", title, date)"#, "a sentence about an event"),
        (r#"format!("{}, from {} until the next change", h, d)"#, "a sentence about an event"),
        ("    1 => \"1 originator\".to_string(),", "a branch on a count of zero or one"),
    ];
    for (line, reason) in old {
        let found = wording_of_data(line);
        assert!(found.iter().any(|f| f.starts_with(reason)), "{line}: expected {reason}, found {found:?}");
    }
    let fine = [r#"format!("claim-{id}")"#, r#""Copy link to this {what}""#, r#""Show the whole timeline""#, r#""ArrowDown" => 1,"#];
    for line in fine {
        assert_eq!(wording_of_data(line), Vec::<String>::new(), "{line}");
    }
}
