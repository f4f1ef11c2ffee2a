//! The import command's work: a dataset made from what an author already has, checked by the
//! app's own reader, with every finding at the place in the input it comes from.
//!
//! Native only (`src/bin/import.rs` runs it); its crates (`csv`, `calamine`, `rust_xlsxwriter`)
//! never reach the browser. It depends on [`crate::model`] for the format and its rules and
//! adds none of its own beyond the shape of its inputs: what a valid dataset is, is decided by
//! [`crate::model::Dataset::parse`], here as in the app.
//!
//! | input | read by |
//! | --- | --- |
//! | a folder of `events.csv`, `claims.csv`, `sources.csv`, `documents.csv` (and `dataset.csv`) | [`table`], [`sheets`] |
//! | an `.xlsx` or `.ods` workbook with sheets of those names | [`table`] (calamine), [`sheets`] |
//! | a TimelineJS JSON file | [`timeline`] |
//! | a TimelineJS spreadsheet saved as CSV | [`table`], [`timeline`] |
//!
//! What belongs here: reading those inputs, the [`output`] they become, where each part of it
//! came from, and the findings about them. What does not: the format's rules, and wording of the
//! dataset itself, which are the model's.

pub mod finding;
pub mod html;
mod options;
pub mod output;
pub mod place;
pub mod sheets;
pub mod table;
pub mod template;
pub mod timeline;

use std::fmt;
use std::path::Path;

use crate::model::words::count;
use crate::model::{Dataset, ProblemKind};

pub use finding::{Finding, FindingKind, Severity};
pub use options::Options;
use output::{DatasetOut, Trace};
pub use place::{Column, Place};
use table::Table;

/// What kind of input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    CsvFolder,
    Workbook,
    TimelineJson,
    TimelineCsv,
    /// TimelineJS's spreadsheet saved as a workbook (`.xlsx`, `.ods`), as Google Sheets downloads it.
    TimelineWorkbook,
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputKind::CsvFolder => "a folder of CSV sheets",
            InputKind::Workbook => "a workbook",
            InputKind::TimelineJson => "a TimelineJS JSON file",
            InputKind::TimelineCsv => "a TimelineJS spreadsheet saved as CSV",
            InputKind::TimelineWorkbook => "a TimelineJS spreadsheet saved as a workbook",
        })
    }
}

/// What became of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written, with nothing for the author to do (notes at most).
    Written,
    /// Written, but with warnings the author must look at (such as events needing attribution).
    WrittenWithWarnings,
    /// Not written: it has errors.
    NotWritten,
}

impl Outcome {
    /// The command's exit code: 0 written with no problem, 1 otherwise (2 is a usage error,
    /// which the command decides before importing).
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Written => 0,
            Outcome::WrittenWithWarnings | Outcome::NotWritten => 1,
        }
    }
}

/// The result of an import: the dataset when it can be written, and every finding.
#[derive(Debug, Clone)]
pub struct Import {
    pub kind: Option<InputKind>,
    /// The dataset as pretty-printed JSON; `None` when it has an error.
    pub json: Option<String>,
    /// The dataset as the app reads it, when the importer got that far.
    pub dataset: Option<Dataset>,
    pub findings: Vec<Finding>,
}

impl Import {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    pub fn outcome(&self) -> Outcome {
        if self.json.is_none() {
            Outcome::NotWritten
        } else if self.count(Severity::Warning) > 0 {
            Outcome::WrittenWithWarnings
        } else {
            Outcome::Written
        }
    }

    /// The report's last line: what was read and written, or why nothing was.
    pub fn summary(&self, written_to: &str) -> String {
        let tally = [Severity::Error, Severity::Warning, Severity::Note]
            .map(|severity| {
                let n = self.count(severity);
                match severity {
                    Severity::Error => count(n, "error", "errors"),
                    Severity::Warning => count(n, "warning", "warnings"),
                    Severity::Note => count(n, "note", "notes"),
                }
            })
            .join(", ");
        let read = self
            .kind
            .map_or_else(String::new, |kind| format!("read {kind}; "));
        match (&self.dataset, self.outcome()) {
            (Some(dataset), Outcome::Written | Outcome::WrittenWithWarnings) => {
                format!("{read}{} written to {written_to} ({tally})", dataset.contents())
            }
            _ => format!("{read}nothing written ({tally})"),
        }
    }
}

/// Which kind of input `path` is: a folder, or by its extension. A `.csv` is read to tell
/// TimelineJS's spreadsheet from anything else.
fn kind_of(path: &Path) -> Option<InputKind> {
    if path.is_dir() {
        return Some(InputKind::CsvFolder);
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("xlsx" | "xlsm" | "ods") => Some(InputKind::Workbook),
        Some("json") => Some(InputKind::TimelineJson),
        Some("csv") => Some(InputKind::TimelineCsv),
        _ => None,
    }
}

/// The name a file is shown by in the report: its file name.
fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}

/// Imports whatever `path` is.
pub fn import_path(path: &Path, options: &Options) -> Import {
    let mut findings = Vec::new();
    let label = file_label(path);
    match kind_of(path) {
        None => {
            findings.push(Finding::new(Place::sheet(&label), FindingKind::UnknownInput));
            finish(None, None, findings)
        }
        Some(InputKind::CsvFolder) => {
            let named = read_folder(path, &mut findings);
            from_sheets(InputKind::CsvFolder, &named, options, findings)
        }
        Some(InputKind::Workbook | InputKind::TimelineWorkbook) => {
            let named = read_workbook(path, &mut findings);
            match timeline_sheet(&named) {
                Some(index) => {
                    for (i, (_, table)) in named.iter().enumerate() {
                        if i != index {
                            findings.push(Finding::new(Place::sheet(&table.label), FindingKind::IgnoredSheet));
                        }
                    }
                    let built = timeline::from_csv(&named[index].1, options, &mut findings);
                    finish(Some(InputKind::TimelineWorkbook), built, findings)
                }
                None => from_sheets(InputKind::Workbook, &named, options, findings),
            }
        }
        Some(kind @ (InputKind::TimelineJson | InputKind::TimelineCsv)) => match std::fs::read(path) {
            Ok(bytes) if kind == InputKind::TimelineJson => import_timeline_json(&bytes, &label, options),
            Ok(bytes) => import_timeline_csv(&bytes, &label, options),
            Err(error) => {
                findings.push(Finding::new(Place::sheet(&label), FindingKind::Unreadable(error.to_string())));
                finish(Some(kind), None, findings)
            }
        },
    }
}

/// Imports the template's sheets, read from a folder or a workbook. Their documents sheet says
/// when each document was published, so `--published` is named as unused, first.
fn from_sheets(kind: InputKind, named: &[(String, Table)], options: &Options, mut findings: Vec<Finding>) -> Import {
    if options.published.is_some() {
        findings.insert(0, Finding::new(Place::Option("--published"), FindingKind::OptionUnused));
    }
    let options = Options {
        published: None,
        ..options.clone()
    };
    let sheets = sheets::Sheets::pick(named, &mut findings);
    let built = sheets::build(&sheets, &options, &mut findings);
    finish(Some(kind), built, findings)
}

/// The sheet of a workbook that is a TimelineJS spreadsheet: the first whose header row has
/// TimelineJS's columns, in a workbook with none of the template's sheets.
fn timeline_sheet(named: &[(String, Table)]) -> Option<usize> {
    let template = named
        .iter()
        .any(|(name, _)| sheets::SHEETS.iter().any(|shape| sheets::header_key(name) == shape.name));
    if template {
        return None;
    }
    named
        .iter()
        .position(|(_, table)| table.header.as_ref().is_some_and(timeline::is_timeline_header))
}

/// Imports a TimelineJS JSON file's bytes; `label` names the file in the report.
pub fn import_timeline_json(bytes: &[u8], label: &str, options: &Options) -> Import {
    let mut findings = Vec::new();
    let built = timeline::from_json(bytes, label, options, &mut findings);
    finish(Some(InputKind::TimelineJson), built, findings)
}

/// Imports a `.csv` file given alone: TimelineJS's spreadsheet, or nothing the importer reads.
pub fn import_timeline_csv(bytes: &[u8], label: &str, options: &Options) -> Import {
    let mut findings = Vec::new();
    let built = timeline_csv(bytes, label, options, &mut findings);
    finish(Some(InputKind::TimelineCsv), built, findings)
}

/// A `.csv` file given alone: TimelineJS's spreadsheet, or nothing the importer reads.
fn timeline_csv(
    bytes: &[u8],
    label: &str,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> Option<(DatasetOut, Trace)> {
    let table = Table::from_csv(label, bytes, findings);
    if table
        .header
        .as_ref()
        .is_some_and(timeline::is_timeline_header)
    {
        timeline::from_csv(&table, options, findings)
    } else {
        findings.push(Finding::new(Place::sheet(label), FindingKind::UnknownCsv));
        None
    }
}

/// The CSV files of a folder, each by its name without `.csv`, in the order of their names.
fn read_folder(folder: &Path, findings: &mut Vec<Finding>) -> Vec<(String, Table)> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            findings.push(Finding::new(
                Place::Input,
                FindingKind::Unreadable(error.to_string()),
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        })
        .collect();
    paths.sort();
    let mut named = Vec::new();
    for path in paths {
        let label = file_label(&path);
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        match std::fs::read(&path) {
            Ok(bytes) => named.push((name, Table::from_csv(&label, &bytes, findings))),
            Err(error) => findings.push(Finding::new(
                Place::sheet(&label),
                FindingKind::Unreadable(error.to_string()),
            )),
        }
    }
    named
}

/// The sheets of a workbook, each by its name, labelled `events sheet` in the report.
fn read_workbook(path: &Path, findings: &mut Vec<Finding>) -> Vec<(String, Table)> {
    use calamine::Reader;
    let label = file_label(path);
    let mut workbook = match calamine::open_workbook_auto(path) {
        Ok(workbook) => workbook,
        Err(error) => {
            findings.push(Finding::new(
                Place::sheet(&label),
                FindingKind::Unreadable(error.to_string()),
            ));
            return Vec::new();
        }
    };
    let mut named = Vec::new();
    for name in workbook.sheet_names() {
        let sheet_label = format!("{name} sheet");
        match workbook.worksheet_range(&name) {
            Ok(range) => named.push((name.clone(), Table::from_range(&sheet_label, &range))),
            Err(error) => findings.push(Finding::new(
                Place::sheet(&sheet_label),
                FindingKind::Unreadable(error.to_string()),
            )),
        }
    }
    named
}

/// Imports the sheets of a folder given as tables in memory (for tests, and for the template
/// check): each is named by its sheet name and labelled `NAME.csv`.
pub fn import_tables(named: &[(String, Table)], options: &Options) -> Import {
    let mut findings = Vec::new();
    let sheets = sheets::Sheets::pick(named, &mut findings);
    let built = sheets::build(&sheets, options, &mut findings);
    finish(Some(InputKind::CsvFolder), built, findings)
}

/// Checks the built dataset with the app's reader and keeps its JSON only when nothing is an
/// error. A place the importer already reported an error at is not reported again by the
/// reader (a cell holding `#REF!` is not also "empty"). Nor are the events the reader leaves
/// out for citing a document or source with problems of its own: the problem is reported at
/// its own cell, and nothing is written until it is fixed (no `--published` is one error, not
/// one per event).
fn finish(
    kind: Option<InputKind>,
    built: Option<(DatasetOut, Trace)>,
    mut findings: Vec<Finding>,
) -> Import {
    let Some((out, trace)) = built else {
        return Import {
            kind,
            json: None,
            dataset: None,
            findings,
        };
    };
    let json = out.to_json();
    let (dataset, checked) = trace.check(&json);
    let reported: Vec<Place> = findings
        .iter()
        .filter(|f| f.severity() == Severity::Error)
        .map(|f| f.place.clone())
        .collect();
    let consequence = |kind: &FindingKind| {
        matches!(
            kind,
            FindingKind::Dataset(
                ProblemKind::CitesUnusableDocument(_) | ProblemKind::CitesUnusableSource(_)
            )
        )
    };
    findings.extend(
        checked
            .into_iter()
            .filter(|f| !reported.contains(&f.place) && !consequence(&f.kind)),
    );
    let has_error = findings.iter().any(|f| f.severity() == Severity::Error);
    Import {
        kind,
        json: (!has_error).then_some(json),
        dataset,
        findings,
    }
}
