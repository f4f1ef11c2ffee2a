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

/// Every `.rs` file under `src/DIR` by its module path (`ui`, `ui::timeline`,
/// `ui::timeline::marks`), with its text.
fn module_files(dir: &str) -> BTreeMap<String, String> {
    fn walk(path: &std::path::Path, module: &str, files: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(path).expect("the folder is readable") {
            let path = entry.expect("the folder is listable").path();
            let name = path.file_stem().and_then(|s| s.to_str()).expect("file names are UTF-8").to_string();
            if path.is_dir() {
                walk(&path, &format!("{module}::{name}"), files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = if name == "mod" { module.to_string() } else { format!("{module}::{name}") };
                files.insert(module, std::fs::read_to_string(&path).expect("source files are readable"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir), dir, &mut files);
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

/// A path, or a `use` tree, that starts at `text`, as the paths it names, each with the name it
/// is known by where it is used (its alias, or its last segment): `a::{b, c::{D, E as F}}` gives
/// `a::b` as `b`, `a::c::D` as `D` and `a::c::E` as `F`. A glob names nothing in particular.
fn paths_at(text: &str) -> Vec<(Vec<String>, String)> {
    fn skip_space(text: &str, at: &mut usize) {
        *at += text[*at..].len() - text[*at..].trim_start().len();
    }
    fn ident(text: &str, at: &mut usize) -> String {
        let rest = &text[*at..];
        let end = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
        *at += end;
        rest[..end].to_string()
    }
    fn tree(text: &str, at: &mut usize, mut path: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        loop {
            skip_space(text, at);
            if text[*at..].starts_with('{') {
                *at += 1;
                loop {
                    skip_space(text, at);
                    if text[*at..].starts_with('}') {
                        *at += 1;
                        return;
                    }
                    let before = *at;
                    tree(text, at, path.clone(), out);
                    skip_space(text, at);
                    if text[*at..].starts_with(',') {
                        *at += 1;
                    } else if *at == before || !text[*at..].starts_with('}') {
                        return;
                    }
                }
            }
            let segment = ident(text, at);
            if segment.is_empty() {
                return;
            }
            path.push(segment);
            if text[*at..].starts_with("::") {
                *at += 2;
                continue;
            }
            // `a::{self}` is known as `a`.
            let mut name = path.iter().rev().find(|s| *s != "self").cloned().unwrap_or_default();
            let mut after = *at;
            skip_space(text, &mut after);
            if text[after..].starts_with("as ") {
                after += 3;
                skip_space(text, &mut after);
                name = ident(text, &mut after);
                *at = after;
            }
            out.push((path, name));
            return;
        }
    }
    let mut out = Vec::new();
    tree(text, &mut 0, Vec::new(), &mut out);
    out
}

/// The module a path leads to from `from`, within `modules`, following the re-exports of each
/// module on the way (`reexports[module][name]` is the path, from that module, of what it
/// re-exports as `name`), and whether the whole path named modules. `None` for a path that
/// leaves the files (another crate, or another part of this one).
fn resolve(
    from: &str,
    path: &[String],
    modules: &BTreeSet<String>,
    reexports: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
    depth: usize,
) -> Option<(String, bool)> {
    let mut at = from.to_string();
    for (i, segment) in path.iter().enumerate() {
        match segment.as_str() {
            "crate" if i == 0 => at = String::new(),
            "self" => {}
            "super" => at = at.rsplit_once("::").map_or(String::new(), |(parent, _)| parent.to_string()),
            _ => {
                let child = if at.is_empty() { segment.clone() } else { format!("{at}::{segment}") };
                if modules.contains(&child) {
                    at = child;
                    continue;
                }
                if !modules.contains(&at) {
                    return None;
                }
                // An item of `at`, or one it re-exports from elsewhere.
                return match reexports.get(&at).and_then(|names| names.get(segment)) {
                    Some(to) if depth < 8 => resolve(&at, to, modules, reexports, depth + 1).map(|(module, _)| (module, false)),
                    _ => Some((at, false)),
                };
            }
        }
    }
    modules.contains(&at).then_some((at, true))
}

/// What each file imports from the other files of its tree, as module paths: through
/// `crate::`, `super::` and `self::` paths, through the names of its child modules and of the
/// modules it brought into scope with `use`, directly or through what a module re-exports.
fn module_graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    let code: BTreeMap<&String, String> = files.iter().map(|(module, text)| (module, code(text))).collect();
    let is_reexport = |line: &str| line.trim_start().starts_with("pub use ") || line.trim_start().starts_with("pub(crate) use ");
    let reexports: BTreeMap<String, BTreeMap<String, Vec<String>>> = code
        .iter()
        .map(|(module, code)| {
            let names = code
                .lines()
                .filter(|line| is_reexport(line))
                .filter_map(|line| line.trim().strip_prefix("pub use ").or_else(|| line.trim().strip_prefix("pub(crate) use ")))
                .flat_map(paths_at)
                .map(|(path, name)| (name, path))
                .collect();
            ((*module).clone(), names)
        })
        .collect();
    let starts_path = |code: &str, at: usize| !code[..at].chars().next_back().is_some_and(|c| is_ident_char(c) || c == ':');
    let mut graph = BTreeMap::new();
    for (module, code) in &code {
        // A re-export passes a name on: it is not a use of what it names.
        let code = &code.lines().filter(|line| !is_reexport(line)).collect::<Vec<_>>().join("\n");
        // Names that lead to a module here: its children, then what `use` brings in.
        let mut scope: BTreeMap<String, String> = modules
            .iter()
            .filter_map(|m| m.strip_prefix(&format!("{module}::")).filter(|rest| !rest.contains("::")).map(|child| (child.to_string(), m.clone())))
            .collect();
        let mut uses = BTreeSet::new();
        let inline = inline_modules(code);
        for prefix in ["crate::", "super::", "self::"] {
            for (at, _) in code.match_indices(prefix).filter(|(at, _)| starts_path(code, *at)) {
                // Inside `mod tests { … }`, `super` is the file's own module.
                let from = inline.iter().find(|(start, end, _)| (*start..*end).contains(&at)).map_or_else(|| (*module).clone(), |(_, _, name)| format!("{module}::{name}"));
                for (path, name) in paths_at(&code[at..]) {
                    // A module brought in alone is a name for what it holds, not a use yet.
                    match resolve(&from, &path, &modules, &reexports, 0) {
                        Some((to, true)) => {
                            scope.insert(name, to);
                        }
                        Some((to, false)) => {
                            uses.insert(to);
                        }
                        None => {}
                    }
                }
            }
        }
        for (name, to) in &scope {
            let named = format!("{name}::");
            for (at, _) in code.match_indices(&named).filter(|(at, _)| starts_path(code, *at)) {
                for (path, _) in paths_at(&code[at + named.len()..]) {
                    uses.extend(resolve(to, &path, &modules, &reexports, 0).map(|(to, _)| to));
                }
            }
        }
        uses.remove(*module);
        graph.insert((*module).clone(), uses);
    }
    graph
}

/// The modules written inline in a file (`mod tests { … }`), each as where its text starts and
/// ends, and its name. Braces are counted as they come, strings and all: a format string's are
/// paired, and a module that is never closed runs to the end.
fn inline_modules(code: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in code.split_inclusive('\n') {
        let words: Vec<&str> = line.split_whitespace().collect();
        let at_mod = words.iter().position(|w| *w == "mod");
        if let Some(i) = at_mod.filter(|&i| words.get(i + 2) == Some(&"{") && words[..i].iter().all(|w| *w == "pub" || w.starts_with("#["))) {
            let start = line_start + line.find('{').unwrap_or(0);
            let mut depth = 0usize;
            let mut end = code.len();
            for (offset, c) in code[start..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            end = start + offset;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            found.push((start, end, words[i + 1].to_string()));
        }
        line_start += line.len();
    }
    found
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

/// The parts of the crate whose files must import one way: the model, the browser's
/// components, the static site and the importer.
const PARTS: [&str; 4] = ["model", "ui", "site", "import"];

#[test]
fn no_part_of_the_crate_has_an_import_cycle() {
    for part in PARTS {
        let graph = module_graph(&module_files(part));
        assert!(graph.len() >= 5, "the files of src/{part} are all read: {:?}", graph.keys());
        if let Some(cycle) = find_cycle(&graph) {
            panic!("src/{part} has an import cycle: {}\nthe whole graph: {graph:#?}", cycle.join(" → "));
        }
    }
}

/// The static site writes its pages from the model. Only a large site's first screen is drawn
/// by the app's own components (`site::first_screen`), so that it is the app's to the pixel.
#[test]
fn the_site_draws_what_the_app_shows_with_the_app_s_own_views() {
    let files = module_files("site");
    let users: Vec<&str> =
        files.iter().filter(|(module, text)| *module != "site::tests" && text.contains("crate::ui")).map(|(module, _)| module.as_str()).collect();
    assert_eq!(users, ["site::first_screen", "site::pages"], "src/site takes the first screen and an event's panels from the components");
    // One definition of an event's panels: the site writes none of their markup itself.
    let pages = &files["site::pages"];
    for class in ["originator", "claim-text", "chain", "corroboration", "facts", "stepper", "summary"] {
        // As maud names a class (`p.summary {`, `li.claim-text[…]`), or as an attribute's value.
        let named = [" ", "{", "[", "."].iter().any(|after| pages.contains(&format!(".{class}{after}"))) || pages.contains(&format!("\"{class}\""));
        assert!(!named, "src/site/pages.rs writes the panels' `{class}` itself");
    }
}

#[test]
fn the_dom_s_names_live_on_the_ui_s_side() {
    for (module, text) in module_files("model") {
        for named in ["_ID: &str", "_CLASS: &str", "fn class("] {
            assert!(!text.contains(named), "{module} names an element of the DOM (`{named}`): that is for ui::dom");
        }
    }
}

#[test]
fn the_reader_sits_above_the_types_and_the_predicates() {
    let graph = module_graph(&module_files("model"));
    let uses = |name: &str| graph[&format!("model::{name}")].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(uses("ids"), Vec::<&str>::new(), "the predicates depend on nothing");
    assert_eq!(uses("dataset"), ["model::date"], "the types depend on dates alone");
    assert!(!uses("problem").contains(&"model::validate"), "problems are worded without the reader");
    assert!(!uses("url_state").contains(&"model::validate"), "links do not depend on the dataset reader");
    for below in ["dataset", "ids", "problem"] {
        assert!(uses("validate").contains(&format!("model::{below}").as_str()), "the reader uses {below}");
    }
}

#[test]
fn no_model_file_names_a_browser_crate() {
    let offenders: Vec<(String, Vec<&str>)> = module_files("model")
        .into_iter()
        .map(|(name, text)| (name, browser_crates(&text)))
        .filter(|(_, crates)| !crates.is_empty())
        .collect();
    assert_eq!(offenders, [], "src/model must not depend on the browser");
}

/// What reads a dataset's JSON. The page reads compiled catalogs only; a dataset opened from a
/// link or a file is read in the reader's worker (`src/reader.rs`), so that neither the page's
/// tasks nor its wasm carry the JSON reader.
const JSON_READERS: &[&str] = &["Dataset::parse", "Catalog::read", "Catalog::from_parsed", "read_file(", "serde_json::from"];

fn json_readers(text: &str) -> Vec<&'static str> {
    let code = code(text);
    JSON_READERS.iter().copied().filter(|reader| code.contains(reader)).collect()
}

#[test]
fn no_ui_file_reads_a_dataset_s_json() {
    let offenders: Vec<(String, Vec<&str>)> = module_files("ui")
        .into_iter()
        .map(|(name, text)| (name, json_readers(&text)))
        .filter(|(_, readers)| !readers.is_empty())
        .collect();
    assert_eq!(offenders, [], "the page reads compiled catalogs; JSON is read in the reader's worker");
}

// The checker itself, on made-up files: a check that cannot fail proves nothing.

#[test]
fn json_readers_are_found_in_code_not_in_comments() {
    assert_eq!(json_readers("/// Not [`Dataset::parse`].\nlet x = 1;"), Vec::<&str>::new());
    assert_eq!(json_readers("let (d, p) = Dataset::parse(&text);"), ["Dataset::parse"]);
    assert_eq!(json_readers("match Catalog::read(&t, o) {}\nlet v = serde_json::from_str(t);"), ["Catalog::read", "serde_json::from"]);
}

fn made_up(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect()
}

#[test]
fn every_form_of_import_is_seen() {
    let files = made_up(&[
        ("m", "pub mod a;\npub use b::{Bee, Other as Renamed};\npub use c::Sea;"),
        (
            "m::a",
            "use super::{b::Bee, c};\nuse crate::m::d::D;\nfn f() -> super::e::E { todo!() }\nuse crate::m::Renamed;\nuse super::g;\nfn y() { g::Gee::new(); }",
        ),
        ("m::b", "#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::m::Sea;\n}"),
        ("m::c", "/// See [`super::a`].\n// super::b in a comment\nuse super::super::m::d::D;"),
        ("m::d", "use std::fmt;\nuse crate::model::Dataset;"),
        ("m::e", ""),
        ("m::g", "mod h;\npub use h::Gee;"),
        ("m::g::h", "pub struct Gee;\n#[cfg(test)]\nmod tests {\n    use super::Gee;\n    fn f() { let _ = format!(\"{}\", 1); }\n}\nuse super::e::E;"),
    ]);
    let graph = module_graph(&files);
    let uses = |name: &str| graph[name].iter().map(String::as_str).collect::<Vec<_>>();
    // A module brought in alone is no use of it: `c` and `g` are, only through what is used.
    assert_eq!(uses("m::a"), ["m::b", "m::d", "m::e", "m::g::h"]);
    assert_eq!(uses("m::b"), ["m::c"]);
    assert_eq!(uses("m::c"), ["m::d"]);
    assert_eq!(uses("m::d"), Vec::<&str>::new());
    // `super` in its tests module is the file itself; after the module, its parent again.
    assert_eq!(uses("m::g::h"), ["m::g"]);
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn a_cycle_is_found_and_named() {
    let files = made_up(&[
        ("m", ""),
        ("m::dataset", "use super::date::EventDate;\nuse super::validate::Problem;"),
        ("m::date", ""),
        ("m::validate", "use super::{dataset::Dataset, date};"),
    ]);
    let cycle = find_cycle(&module_graph(&files)).expect("a cycle");
    assert_eq!(cycle.join(" → "), "m::dataset → m::validate → m::dataset");
}

#[test]
fn a_cycle_behind_a_re_export_or_in_a_path_in_code_is_found() {
    // The shell shows the loader's view, which names the shell through the re-export above both.
    let files = made_up(&[
        ("u", "mod loader;\nmod shell;\npub use shell::Shell;"),
        ("u::shell", "use super::loader::{self, Slot};\nfn f() { loader::View::new(); }"),
        ("u::loader", "mod views;\npub use views::View;\npub struct Slot;"),
        ("u::loader::views", "use crate::u::Shell;"),
    ]);
    let cycle = find_cycle(&module_graph(&files)).expect("a cycle");
    assert_eq!(cycle.join(" → "), "u::loader::views → u::shell → u::loader::views");
    // Two files of one folder that each name the other, one of them in a path in its code.
    let files = made_up(&[
        ("t", "mod geometry;\nmod marks;"),
        ("t::geometry", "fn breadth() -> f64 { super::marks::COLUMN_PX }"),
        ("t::marks", "use super::geometry::px;"),
    ]);
    let cycle = find_cycle(&module_graph(&files)).expect("a cycle");
    assert_eq!(cycle.join(" → "), "t::geometry → t::marks → t::geometry");
}

#[test]
fn browser_crates_are_found_in_code_not_in_comments() {
    assert_eq!(browser_crates("//! Compiles without leptos or gloo.\nuse std::fmt;"), Vec::<&str>::new());
    assert_eq!(browser_crates("use leptos::prelude::*;\nfn f(_: web_sys::Url) {}"), ["leptos", "web_sys"]);
    assert_eq!(browser_crates("let t = gloo_timers::Timeout::new(1, f);"), ["gloo"]);
    assert_eq!(browser_crates("let not_leptos = 1;"), Vec::<&str>::new());
}

/// Every file of `src/ui` and `src/site` by module path, with its text: the two places that
/// render the model, in the browser and at build time (the site's tests aside).
fn rendering_files() -> BTreeMap<String, String> {
    let files: BTreeMap<String, String> = ["ui", "site"].into_iter().flat_map(module_files).filter(|(module, _)| module != "site::tests").collect();
    assert!(files.keys().any(|m| m.starts_with("site::")), "src/site is read");
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

/// The starter (`public/start.js`) speaks for an embedded page to the host page's script until
/// the app opens: it uses the protocol's own words, which `model::embed` holds, and the names
/// the app marks its opening with (`ui::dom`).
#[test]
fn the_starter_speaks_the_app_s_words() {
    use sourceline::model::embed::{ASK, FROM_APP, FROM_HOST, SELECT, STATE};
    use sourceline::ui::dom::{ON_INTENT_ATTRIBUTE, OPENED_EVENT, OPEN_ATTRIBUTE};
    let starter = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/start.js")).expect("public/start.js is readable");
    for word in [FROM_APP, FROM_HOST, STATE, ASK, SELECT, ON_INTENT_ATTRIBUTE, OPENED_EVENT, OPEN_ATTRIBUTE.0, OPEN_ATTRIBUTE.1] {
        let quoted = format!("'{word}'");
        let bracketed = format!("[{word}]");
        assert!(starter.contains(&quoted) || starter.contains(&bracketed), "public/start.js does not say {word}");
    }
}
