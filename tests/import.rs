//! The import command's work, on the template, on TimelineJS files in TimelineJS's own
//! documented shapes, and on a broken file of each kind of input, whose every finding is
//! checked with its place. The TimelineJS fixtures are invented (`tests/fixtures/import/`); the
//! template's rows are taken from the bundled dataset.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use sourceline::import::table::Table;
use sourceline::import::template::{write_workbook, WORKBOOK};
use sourceline::import::timeline::{TIMELINE_DOCUMENT, UNATTRIBUTED};
use sourceline::import::{
    import_path, import_tables, import_timeline_csv, import_timeline_json, Import, InputKind,
    Options, Outcome, Severity,
};
use sourceline::model::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/template");

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// Every finding as the report prints it.
fn report(import: &Import) -> Vec<String> {
    import.findings.iter().map(ToString::to_string).collect()
}

/// The import's errors, as the report writes them.
fn errors(import: &Import) -> Vec<String> {
    import.findings.iter().filter(|f| f.severity() == Severity::Error).map(ToString::to_string).collect()
}

fn published(edtf: &str) -> Options {
    Options {
        published: Some(edtf.to_string()),
        ..Options::default()
    }
}

/// The imported JSON, read again by the app with no problem at all.
fn valid(import: &Import) -> Dataset {
    support::valid(import.json.as_deref().expect("the dataset is written"))
}

/// A folder of its own under the system's temporary folder, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sourceline-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

// ---------------------------------------------------------------------------------------------
// The template.

#[test]
fn the_template_folder_imports_with_no_finding_at_all() {
    let import = import_path(Path::new(TEMPLATE), &Options::default());
    assert_eq!(report(&import), Vec::<String>::new());
    assert_eq!(
        (import.kind, import.outcome()),
        (Some(InputKind::CsvFolder), Outcome::Written)
    );
    let dataset = valid(&import);
    assert_eq!(dataset.events.len(), 3);
    assert_eq!(
        dataset.events.iter().map(|e| e.claims.len()).sum::<usize>(),
        9
    );
}

#[test]
fn the_template_workbook_reads_to_the_same_dataset_as_its_csv_files() {
    let csv = import_path(Path::new(TEMPLATE), &Options::default());
    let workbook = import_path(&Path::new(TEMPLATE).join(WORKBOOK), &Options::default());
    assert_eq!(report(&workbook), Vec::<String>::new());
    assert_eq!(workbook.kind, Some(InputKind::Workbook));
    assert!(csv.json.is_some());
    assert_eq!(
        workbook.json, csv.json,
        "regenerate it: cargo run --bin import -- --write-template docs/template/"
    );
}

#[test]
fn the_template_workbook_is_what_write_template_writes() {
    let dir = scratch("template");
    for sheet in ["dataset", "events", "claims", "sources", "documents"] {
        let name = format!("{sheet}.csv");
        std::fs::copy(Path::new(TEMPLATE).join(&name), dir.join(&name))
            .expect("the template's CSV files copy");
    }
    let written = write_workbook(&dir).expect("the workbook is written");
    let fresh = import_path(&written, &Options::default());
    let committed = import_path(&Path::new(TEMPLATE).join(WORKBOOK), &Options::default());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(report(&fresh), Vec::<String>::new());
    assert_eq!(fresh.json, committed.json);
}

/// The template's CSV files, each as an .ods sheet of text cells, as LibreOffice would save
/// them when every column is formatted as text.
fn template_as_ods(dir: &Path) -> PathBuf {
    let mut workbook = spreadsheet_ods::WorkBook::new_empty();
    for name in ["events", "claims", "sources", "documents", "dataset"] {
        let file = format!("{name}.csv");
        let bytes = std::fs::read(Path::new(TEMPLATE).join(&file)).expect("a CSV file of the template");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
        let mut sheet = spreadsheet_ods::Sheet::new(name);
        for (r, record) in reader.records().enumerate() {
            for (c, value) in record.expect("a CSV row").iter().enumerate() {
                if !value.is_empty() {
                    sheet.set_value(r as u32, c as u32, value);
                }
            }
        }
        workbook.push_sheet(sheet);
    }
    let path = dir.join("sourceline-template.ods");
    spreadsheet_ods::write_ods(&mut workbook, &path).expect("the .ods workbook is written");
    path
}

#[test]
fn the_template_saved_as_ods_reads_to_the_same_dataset_as_its_csv_files() {
    let dir = scratch("ods-template");
    let path = template_as_ods(&dir);
    let ods = import_path(&path, &Options::default());
    std::fs::remove_dir_all(&dir).ok();
    let csv = import_path(Path::new(TEMPLATE), &Options::default());
    assert_eq!(report(&ods), Vec::<String>::new());
    assert_eq!(ods.kind, Some(InputKind::Workbook));
    assert!(csv.json.is_some());
    assert_eq!(ods.json, csv.json);
}

#[test]
fn the_template_rows_are_the_bundled_datasets_own() {
    let template = valid(&import_path(Path::new(TEMPLATE), &Options::default()));
    let palmyra = support::palmyra();
    for event in &template.events {
        let bundled = palmyra
            .events
            .iter()
            .find(|e| e.id == event.id)
            .expect("the event is bundled");
        assert_eq!(event, bundled);
    }
    for source in &template.sources {
        assert_eq!(Some(source), palmyra.source(&source.id));
    }
    assert_eq!(template.documents, palmyra.documents);
}

// ---------------------------------------------------------------------------------------------
// TimelineJS, in its JSON format and as its spreadsheet saved as CSV.

/// What an imported timeline's events are: id, date, title, summary, tags.
fn events(dataset: &Dataset) -> Vec<(String, String, String, String, Vec<String>)> {
    let mut events: Vec<_> = dataset
        .events
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.date.as_str().to_string(),
                e.title.clone(),
                e.summary.clone(),
                e.tags.clone(),
            )
        })
        .collect();
    events.sort_by(|a, b| a.1.cmp(&b.1));
    events
}

const PIER: &str = "Work starts on the bridge's first pier, on the north bank of the river, after two years of disputes.";

/// The invented timeline's events, in both forms, but for the ids.
fn expected_timeline(ids: [&str; 5]) -> Vec<(String, String, String, String, Vec<String>)> {
    let tag = |t: &str| vec![t.to_string()];
    [
        (
            ids[0],
            "1998",
            "The ferry's last owner buys it",
            "A family firm takes over the ferry.",
            tag("Ferry"),
        ),
        (
            ids[1],
            "2004-06",
            "A bridge is proposed",
            "The council proposes a bridge, says its plan. Cost & size are not given.",
            tag("Bridge"),
        ),
        (
            ids[2],
            "2009-03-14",
            "Work starts on the bridge's first pier, on the north bank of the river,…",
            PIER,
            vec![],
        ),
        (
            ids[3],
            "2010-05/2011-03",
            "The ferry runs on reduced hours",
            "The ferry runs on reduced hours",
            tag("Ferry"),
        ),
        (
            ids[4],
            "2012-09-01",
            "The bridge opens",
            "Traffic crosses “the new bridge” for the first time.",
            tag("Bridge"),
        ),
    ]
    .into_iter()
    .map(|(id, date, title, summary, tags)| {
        (
            id.to_string(),
            date.to_string(),
            title.to_string(),
            summary.to_string(),
            tags,
        )
    })
    .collect()
}

/// Every event of an imported timeline has one claim, by the stand-in source, in the
/// timeline's document, saying what the slide says; no markup is left anywhere.
fn assert_attribution_gap_is_explicit(dataset: &Dataset) {
    assert_eq!(dataset.sources.len(), 1);
    assert_eq!(dataset.sources[0].id, UNATTRIBUTED);
    assert_eq!(dataset.sources[0].kind, "unknown");
    assert_eq!(dataset.documents.len(), 1);
    assert_eq!(
        (
            dataset.documents[0].id.as_str(),
            dataset.documents[0].kind.as_str()
        ),
        (TIMELINE_DOCUMENT, "timeline")
    );
    assert_eq!(
        dataset.documents[0].title,
        "The Northbank ferry & its bridge"
    );
    assert_eq!(dataset.title, "The Northbank ferry & its bridge");
    assert_eq!(
        dataset.description,
        "An invented timeline, made up for the importer's tests."
    );
    for event in &dataset.events {
        assert_eq!(event.claims.len(), 1);
        let claim = &event.claims[0];
        assert_eq!(
            (claim.by.as_str(), claim.document.as_str()),
            (UNATTRIBUTED, TIMELINE_DOCUMENT)
        );
        assert_eq!(claim.text, event.summary);
        for text in [&event.title, &event.summary] {
            assert!(
                !text.contains('<') && !text.contains("&amp;") && !text.contains("alert"),
                "{text}"
            );
        }
    }
}

const NEEDS_ATTRIBUTION: &str = "needs attribution: TimelineJS does not say who claims this; replace the `unattributed` source with who said it, through whom, in which document";

#[test]
fn a_timelinejs_json_file_imports_to_a_valid_dataset_that_says_what_it_lacks() {
    let import = import_path(&fixture("timeline.json"), &published("2013-01"));
    assert_eq!(
        (import.kind, import.outcome()),
        (Some(InputKind::TimelineJson), Outcome::WrittenWithWarnings)
    );
    let dataset = valid(&import);
    assert_eq!(
        events(&dataset),
        expected_timeline([
            "ferry-sold",
            "bridge-proposed",
            "works-start",
            "works-start-2",
            "the-bridge-opens"
        ])
    );
    assert_attribution_gap_is_explicit(&dataset);
    assert_eq!(dataset.documents[0].published.as_str(), "2013-01");
    let needs = |at: &str| format!("warning: timeline.json {at}: {NEEDS_ATTRIBUTION}");
    assert_eq!(
        report(&import),
        [
            "note: timeline.json events[2].start_date.hour: has a time of day, dropped: dates in sourceline stop at the day".to_string(),
            needs("events[0]"),
            "note: timeline.json events[1].unique_id: unique_id `Bridge Proposed!` is not a sourceline id (letters, digits, -, _ and .): the event's id is `bridge-proposed`".to_string(),
            needs("events[1]"),
            "warning: timeline.json events[2]: has no headline: the event's title was taken from its text; write a title".to_string(),
            needs("events[2]"),
            "warning: timeline.json events[3]: has no text: the event's summary and claim repeat its headline".to_string(),
            "warning: timeline.json events[3].unique_id: id `works-start` is used by an earlier slide: this event's id is `works-start-2`".to_string(),
            needs("events[3]"),
            needs("events[4]"),
            "note: timeline.json: media of 2 slides not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.json: backgrounds of 1 slide not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.json: 1 era not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.json: display dates of 1 slide not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.json: media credits on 2 slides: a media credit names who made the picture, not who made the claim, so it is not made a source".to_string(),
        ]
    );
}

#[test]
fn ids_that_name_a_file_of_the_site_or_another_page_in_another_case_are_given_others() {
    let slide = |id: &str, day: u32| {
        serde_json::json!({
            "unique_id": id,
            "start_date": { "year": "2012", "month": "5", "day": day.to_string() },
            "text": { "headline": format!("Slide {day}"), "text": "Something happened." }
        })
    };
    let ids = ["index", "sw", "sitemap", "manifest", "INDEX", "Ferry", "ferry"];
    let slides: Vec<_> = ids.iter().enumerate().map(|(i, id)| slide(id, i as u32 + 1)).collect();
    let file = serde_json::json!({ "events": slides }).to_string();
    let import = import_timeline_json(file.as_bytes(), "t.json", &published("2013"));
    let dataset = valid(&import);
    let written: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(written, ["index-2", "sw-2", "sitemap-2", "manifest-2", "INDEX-3", "Ferry", "ferry-2"]);
    let changed: Vec<String> = report(&import).into_iter().filter(|line| line.contains("unique_id: id")).collect();
    let reserved = |i: usize, id: &str, now: &str| {
        format!("warning: t.json events[{i}].unique_id: id `{id}` would give the event's page the name of one of the site's own files: this event's id is `{now}`")
    };
    assert_eq!(
        changed,
        [
            reserved(0, "index", "index-2"),
            reserved(1, "sw", "sw-2"),
            reserved(2, "sitemap", "sitemap-2"),
            reserved(3, "manifest", "manifest-2"),
            reserved(4, "INDEX", "INDEX-3"),
            "warning: t.json events[6].unique_id: id `ferry` is used by an earlier slide: this event's id is `ferry-2`".to_string(),
        ]
    );
}

#[test]
fn a_timelinejs_file_saved_with_a_byte_order_mark_imports_as_without() {
    let bytes = std::fs::read(fixture("timeline.json")).expect("the fixture");
    let marked = [b"\xEF\xBB\xBF".as_slice(), &bytes].concat();
    let plain = import_timeline_json(&bytes, "timeline.json", &published("2013-01"));
    let with_mark = import_timeline_json(&marked, "timeline.json", &published("2013-01"));
    assert_eq!(report(&with_mark), report(&plain));
    assert_eq!(with_mark.json, plain.json);
    assert!(plain.json.is_some());
}

#[test]
fn a_timelinejs_spreadsheet_saved_as_csv_imports_to_the_same_events() {
    let import = import_path(&fixture("timeline.csv"), &published("2013-01"));
    assert_eq!(
        (import.kind, import.outcome()),
        (Some(InputKind::TimelineCsv), Outcome::WrittenWithWarnings)
    );
    let dataset = valid(&import);
    let ids = [
        "the-ferry-s-last-owner-buys-it",
        "a-bridge-is-proposed",
        "work-starts-on-the-bridge-s-first-pier-on-the-north-bank-of-the",
        "the-ferry-runs-on-reduced-hours",
        "the-bridge-opens",
    ];
    assert_eq!(events(&dataset), expected_timeline(ids));
    assert_attribution_gap_is_explicit(&dataset);
    let needs = |row: usize| format!("warning: timeline.csv row {row}: {NEEDS_ATTRIBUTION}");
    assert_eq!(
        report(&import),
        [
            "note: timeline.csv row 5, column D (Time): has a time of day, dropped: dates in sourceline stop at the day".to_string(),
            needs(3),
            needs(4),
            "warning: timeline.csv row 5: has no headline: the event's title was taken from its text; write a title".to_string(),
            needs(5),
            "warning: timeline.csv row 6: has no text: the event's summary and claim repeat its headline".to_string(),
            needs(6),
            needs(7),
            "note: timeline.csv: media of 1 slide not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.csv: backgrounds of 1 slide not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.csv: 1 era not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.csv: display dates of 1 slide not carried: a sourceline dataset has no place for them".to_string(),
            "note: timeline.csv: media credits on 1 slide: a media credit names who made the picture, not who made the claim, so it is not made a source".to_string(),
        ]
    );
}

#[test]
fn a_timeline_without_a_publication_date_is_not_written_and_says_which_option_to_give() {
    let import = import_path(&fixture("timeline.json"), &Options::default());
    assert_eq!(import.outcome(), Outcome::NotWritten);
    let errors = errors(&import);
    assert_eq!(
        errors,
        ["error: option --published: is needed: TimelineJS does not say when the timeline was published; give it as EDTF, e.g. --published 2017-03-02"]
    );
}

#[test]
fn a_bad_publication_date_is_reported_at_its_option() {
    let import = import_path(&fixture("timeline.json"), &published("2017-13"));
    let errors = errors(&import);
    assert_eq!(
        errors,
        ["error: option --published: date `2017-13` is not an EDTF date (month must be 01-12 or a sub-year code 21-41)"]
    );
    assert_eq!(import.outcome(), Outcome::NotWritten);
}

#[test]
fn a_publication_date_before_an_event_is_reported_at_each_slide_it_precedes() {
    let import = import_path(&fixture("timeline.json"), &published("2005"));
    let errors = errors(&import);
    assert_eq!(
        errors,
        [
            "error: timeline.json events[2]: document `timeline` was published by 2005-12-31, before the event's earliest possible day, 2009-03-14",
            "error: timeline.json events[3]: document `timeline` was published by 2005-12-31, before the event's earliest possible day, 2010-05-01",
            "error: timeline.json events[4]: document `timeline` was published by 2005-12-31, before the event's earliest possible day, 2012-09-01",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// A broken file of each kind: every finding, each at its place.

#[test]
fn a_broken_folder_reports_every_problem_at_its_cell() {
    let import = import_path(&fixture("broken-folder"), &Options::default());
    assert_eq!(import.outcome(), Outcome::NotWritten);
    assert_eq!(
        report(&import),
        [
            "error: claims.csv row 1, column J (notes): `notes` is not a column of this sheet (expected one of: event, id, text, quote, by, via, in, locator, stance)",
            "error: claims.csv row 1, column K (quote): `quote` names a column already named to its left",
            "error: dataset.csv row 3, column A (field): `subtitle` is not a field of the dataset sheet (expected title or description)",
            "error: claims.csv row 4, column A (event): is a claim for no event: fill in the event column",
            "error: claims.csv row 5, column A (event): names event `ghost-event`, which no row of the events sheet has",
            "error: dataset.csv: is missing the required field `description`",
            "error: documents.csv row 2, column E (url): `javascript:alert(1)` is not a web address: only http:// and https:// links are allowed",
            "error: events.csv row 3, column A (id): duplicate event id `town-taken` (first used at events.csv row 2)",
            "error: claims.csv row 2, column F (via): unknown source id `sana2`",
            "error: claims.csv row 3, column I (stance): `maybe` is not a stance: use supports, qualifies or disputes",
            "error: events.csv row 3: an event needs at least one claim: who says it happened?",
            "error: events.csv row 4, column B (date): date `2016-13` is not an EDTF date (month must be 01-12 or a sub-year code 21-41)",
            "error: claims.csv row 6, column G (in): unknown document id `nodoc`",
            "error: events.csv row 5, column G (control place): must not be empty",
            "error: events.csv row 5: an event needs at least one claim: who says it happened?",
        ]
    );
}

/// A workbook with a sheet the importer does not read, a date typed into a date cell, a year
/// typed as a number, a sheet whose cells start at B3, and a claim by an unknown source.
/// A workbook with a problem of each kind a workbook can have, as `.xlsx` or `.ods`: a sheet the
/// importer does not read, a date typed into a column left as it was (a date cell), a year as a
/// number cell (fine), a claims sheet that starts at B3, and a claim by an unknown source.
fn broken_workbook(dir: &Path, extension: &str) -> PathBuf {
    type Sheet<'a> = (&'a str, u32, u16, &'a [&'a [&'a str]]);
    let sheets: [Sheet; 5] = [
        (
            "Events",
            0,
            0,
            &[
                &["id", "date", "title", "summary"],
                &["taken", "", "The town is taken", "Forces enter the town."],
                &["year", "", "A year typed as a number", "Summary."],
            ],
        ),
        (
            "claims",
            2,
            1,
            &[
                &["event", "id", "text", "by", "in"],
                &["taken", "army", "The army says so.", "army", "daily"],
                &["year", "y", "Claimed.", "navy", "daily"],
            ],
        ),
        ("sources", 0, 0, &[&["id", "name", "kind"], &["army", "The army", "military"]]),
        (
            "documents",
            0,
            0,
            &[&["id", "title", "published", "kind"], &["daily", "A report", "2020-05-04", "news article"]],
        ),
        ("notes", 0, 0, &[&["anything"]]),
    ];
    let cells = |(_, top, left, rows): &Sheet| -> Vec<(u32, u16, String)> {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                cells.push((top + r as u32, left + c as u16, value.to_string()));
            }
        }
        cells
    };
    let path = dir.join(format!("broken.{extension}"));
    if extension == "xlsx" {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut workbook = Workbook::new();
        for sheet in &sheets {
            let written = workbook.add_worksheet().set_name(sheet.0).expect("a sheet name");
            for (row, column, value) in cells(sheet) {
                written.write_string(row, column, value).expect("a cell is written");
            }
            if sheet.0 == "Events" {
                let day = ExcelDateTime::from_ymd(2020, 5, 3).expect("a day");
                written
                    .write_datetime_with_format(1, 1, &day, &Format::new().set_num_format("yyyy-mm-dd"))
                    .expect("a date cell");
                written.write_number(2, 1, 2019.0).expect("a number cell");
            }
        }
        workbook.save(&path).expect("the workbook is saved");
    } else {
        let mut workbook = spreadsheet_ods::WorkBook::new_empty();
        for sheet in &sheets {
            let mut written = spreadsheet_ods::Sheet::new(sheet.0);
            for (row, column, value) in cells(sheet) {
                written.set_value(row, u32::from(column), value);
            }
            if sheet.0 == "Events" {
                written.set_value(1, 1, chrono::NaiveDate::from_ymd_opt(2020, 5, 3).expect("a day"));
                written.set_value(2, 1, 2019.0);
            }
            workbook.push_sheet(written);
        }
        spreadsheet_ods::write_ods(&mut workbook, &path).expect("the .ods workbook is written");
    }
    path
}

#[test]
fn a_broken_workbook_reports_every_problem_at_its_cell() {
    for extension in ["xlsx", "ods"] {
        let dir = scratch(&format!("workbook-{extension}"));
        let path = broken_workbook(&dir, extension);
        let options = Options {
            title: Some("A broken workbook".into()),
            description: Some("Made by a test.".into()),
            ..Options::default()
        };
        let import = import_path(&path, &options);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!((import.kind, import.outcome()), (Some(InputKind::Workbook), Outcome::NotWritten), "{extension}");
        assert_eq!(
            report(&import),
            [
                "note: notes sheet: is not a sheet the importer reads; it was left out",
                "warning: Events sheet row 2, column B (date): is a date cell, read as `2020-05-03`: the spreadsheet may have made the date more precise than you typed; format the column as text and type the date as EDTF",
                "error: claims sheet row 5, column E (by): unknown source id `navy`",
            ],
            "{extension}"
        );
    }
}

#[test]
fn a_broken_timelinejs_json_file_reports_every_problem_at_its_field() {
    let import = import_path(&fixture("broken-timeline.json"), &published("2017-03-02"));
    assert_eq!(import.outcome(), Outcome::NotWritten);
    let at = "broken-timeline.json";
    assert_eq!(
        report(&import),
        [
            format!("error: {at} events[0].start_date.month: month `13` is not a whole number that can be a month"),
            format!("error: {at} events[1]: has no start date: TimelineJS needs a year for every slide but the title"),
            format!("error: {at} events[2]: is not a TimelineJS timeline: a slide must be an object"),
            format!("warning: {at} events[5].end_date: has an end date with no year; it was left out, as TimelineJS leaves it out"),
            format!("error: {at} events[6].start_date: is not a TimelineJS timeline: a date must be an object with a year"),
            format!("error: {at} events[3]: has neither a headline nor a text: there is nothing to call the event"),
            format!("warning: {at} events[4]: has no text: the event's summary and claim repeat its headline"),
            format!("warning: {at} events[4]: {NEEDS_ATTRIBUTION}"),
            format!("warning: {at} events[5]: has no text: the event's summary and claim repeat its headline"),
            format!("warning: {at} events[5]: {NEEDS_ATTRIBUTION}"),
            format!("error: {at} events[4].start_date: date `2016-02-30` is not an EDTF date (day is out of range for the month)"),
        ]
    );
}

#[test]
fn a_broken_timelinejs_spreadsheet_reports_every_problem_at_its_cell() {
    let import = import_path(&fixture("broken-timeline.csv"), &published("2017-03-02"));
    assert_eq!(import.outcome(), Outcome::NotWritten);
    assert_eq!(report(&import), broken_timeline_report("broken-timeline.csv"));
}

/// What the import says of `tests/fixtures/import/broken-timeline.csv`, read from `at`.
fn broken_timeline_report(at: &str) -> Vec<String> {
    vec![
        format!("note: {at} row 1, column H (Colour): is not a column of TimelineJS's spreadsheet; it was left out"),
        format!("error: {at} row 2, column A (Year): year `MMXVII` is not a whole number that can be a year"),
        format!("error: {at} row 4, column A (Year): has no start date: TimelineJS needs a year for every slide but the title"),
        format!("error: {at} row 5, column C (Day): day `40` is not a whole number that can be a day"),
        format!("error: {at} row 3: has neither a headline nor a text: there is nothing to call the event"),
        format!("warning: {at} row 6: {NEEDS_ATTRIBUTION}"),
    ]
}

/// A TimelineJS spreadsheet saved as CSV, saved again as a workbook (`xlsx` or `ods`) as Google
/// Sheets downloads it: one sheet, whole numbers as number cells, the rest text. `extra` adds a
/// sheet of notes after it.
fn timeline_workbook(csv_file: &str, dir: &Path, extension: &str, extra: bool) -> PathBuf {
    let bytes = std::fs::read(fixture(csv_file)).expect("the fixture");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_string).collect())
        .collect();
    let number = |value: &str| value.parse::<i32>().ok().filter(|n| n.to_string() == value).map(f64::from);
    let path = dir.join(format!("timeline.{extension}"));
    if extension == "xlsx" {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet().set_name("od1").expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                match number(value) {
                    Some(n) => sheet.write_number(r as u32, c as u16, n),
                    None => sheet.write_string(r as u32, c as u16, value),
                }
                .expect("a cell is written");
            }
        }
        if extra {
            workbook.add_worksheet().set_name("Notes").expect("a sheet name").write_string(0, 0, "anything").expect("a cell");
        }
        workbook.save(&path).expect("the workbook is saved");
    } else {
        let mut workbook = spreadsheet_ods::WorkBook::new_empty();
        let mut sheet = spreadsheet_ods::Sheet::new("od1");
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                match number(value) {
                    Some(n) => sheet.set_value(r as u32, c as u32, n),
                    None => sheet.set_value(r as u32, c as u32, value.as_str()),
                }
            }
        }
        workbook.push_sheet(sheet);
        if extra {
            let mut notes = spreadsheet_ods::Sheet::new("Notes");
            notes.set_value(0, 0, "anything");
            workbook.push_sheet(notes);
        }
        spreadsheet_ods::write_ods(&mut workbook, &path).expect("the .ods workbook is written");
    }
    path
}

#[test]
fn a_timelinejs_spreadsheet_saved_as_a_workbook_imports_as_its_csv_does() {
    let csv = import_path(&fixture("timeline.csv"), &published("2013-01"));
    let from_csv: Vec<String> = report(&csv).iter().map(|line| line.replace("timeline.csv", "od1 sheet")).collect();
    for extension in ["xlsx", "ods"] {
        let dir = scratch(&format!("timeline-{extension}"));
        let path = timeline_workbook("timeline.csv", &dir, extension, false);
        let import = import_path(&path, &published("2013-01"));
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(
            (import.kind, import.outcome()),
            (Some(InputKind::TimelineWorkbook), Outcome::WrittenWithWarnings),
            "{extension}"
        );
        assert_eq!(events(&valid(&import)), events(&valid(&csv)), "{extension}");
        assert_attribution_gap_is_explicit(&valid(&import));
        assert_eq!(report(&import), from_csv, "{extension}");
    }
}

#[test]
fn a_broken_timelinejs_workbook_reports_every_problem_at_its_cell() {
    for extension in ["xlsx", "ods"] {
        let dir = scratch(&format!("broken-timeline-{extension}"));
        let path = timeline_workbook("broken-timeline.csv", &dir, extension, true);
        let import = import_path(&path, &published("2017-03-02"));
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(import.outcome(), Outcome::NotWritten, "{extension}");
        let mut expected = vec!["note: Notes sheet: is not a sheet the importer reads; it was left out".to_string()];
        expected.extend(broken_timeline_report("od1 sheet"));
        assert_eq!(report(&import), expected, "{extension}");
    }
}

#[test]
fn a_timelinejs_workbook_without_a_publication_date_says_which_option_to_give() {
    let dir = scratch("timeline-unpublished");
    let path = timeline_workbook("timeline.csv", &dir, "xlsx", false);
    let import = import_path(&path, &Options::default());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(import.outcome(), Outcome::NotWritten);
    assert!(
        errors(&import).iter().any(|e| e.contains("--published")),
        "{:?}",
        report(&import)
    );
}

#[test]
fn a_file_of_no_known_kind_is_named_as_such() {
    let cases = [
        ("notes.txt", "error: notes.txt: is not something the importer reads: give a folder of CSV files, an .xlsx or .ods workbook, a TimelineJS .json file or a TimelineJS spreadsheet saved as .csv, .xlsx or .ods"),
        ("claims.csv", "error: claims.csv: is neither a TimelineJS spreadsheet (its header has no Year and Headline columns) nor a sourceline sheet: for a sourceline spreadsheet, give the folder that holds events.csv, claims.csv, sources.csv and documents.csv"),
    ];
    for (name, expected) in cases {
        let path = if name == "claims.csv" {
            Path::new(TEMPLATE).join(name)
        } else {
            fixture(name)
        };
        assert_eq!(report(&import_path(&path, &Options::default())), [expected]);
    }
}

#[test]
fn a_folder_without_its_sheets_or_columns_names_each_one_missing() {
    let mut findings = Vec::new();
    let events = Table::from_csv("events.csv", b"id,date,title\n", &mut findings);
    let claims = Table::from_csv("claims.csv", b"", &mut findings);
    let named = vec![
        ("events".to_string(), events),
        ("claims".to_string(), claims),
    ];
    let import = import_tables(&named, &Options::default());
    assert_eq!(
        report(&import),
        [
            "error: events.csv row 1: has no `summary` column; the header row must name it",
            "error: claims.csv: has no header row: its first row names the columns",
            "error: the input: has no `sources` sheet (or `sources.csv` file); the dataset needs one",
            "error: the input: has no `documents` sheet (or `documents.csv` file); the dataset needs one",
        ]
    );
    assert_eq!(import.outcome(), Outcome::NotWritten);
}

// ---------------------------------------------------------------------------------------------
// The command.

fn import_command(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_import"))
        .args(args)
        .output()
        .expect("import runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).to_string(),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

#[test]
fn the_command_exits_0_when_written_with_no_problem_1_otherwise_and_2_on_a_usage_error() {
    let dir = scratch("command");
    let out = dir.join("out.json");
    let out = out.to_str().expect("a UTF-8 path");

    let (code, report, _) = import_command(&[TEMPLATE, "-o", out]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("3 events, 9 claims, 9 sources, 1 document written to"),
        "{report}"
    );
    support::valid(&std::fs::read_to_string(out).expect("written"));
    std::fs::remove_file(out).expect("removed");

    let broken = fixture("broken-folder");
    let (code, report, _) = import_command(&[broken.to_str().expect("UTF-8"), "-o", out]);
    assert_eq!(code, 1, "{report}");
    assert!(
        report.ends_with("nothing written (15 errors, 0 warnings, 0 notes)\n"),
        "{report}"
    );
    assert!(
        !Path::new(out).exists(),
        "nothing is written when there is an error"
    );

    let timeline = fixture("timeline.json");
    let (code, report, _) = import_command(&[
        timeline.to_str().expect("UTF-8"),
        "-o",
        out,
        "--published",
        "2013",
    ]);
    assert_eq!(code, 1, "needs attribution: {report}");
    assert!(Path::new(out).exists(), "written, with warnings");

    let (code, json, report) = import_command(&[TEMPLATE]);
    assert_eq!(code, 0, "{report}");
    support::valid(&json);
    assert!(report.contains("written to standard output"), "{report}");

    for args in [
        &[][..],
        &["--help"],
        &[TEMPLATE, "--bogus"],
        &[TEMPLATE, "-o"],
        &[TEMPLATE, TEMPLATE],
        &["--write-template"],
    ] {
        assert_eq!(import_command(args).0, 2, "{args:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// A date part as TimelineJS files hold them: absent, a number (mostly within `usual`), or text.
fn any_part(usual: std::ops::Range<i64>) -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        3 => Just(serde_json::Value::Null),
        8 => usual.prop_map(serde_json::Value::from),
        1 => any::<i64>().prop_map(serde_json::Value::from),
        1 => any::<f64>().prop_map(serde_json::Value::from),
        1 => "[0-9 ,.-]{0,7}".prop_map(serde_json::Value::from),
    ]
}

/// A slide with any values where its dates, text and id go.
fn any_slide() -> impl Strategy<Value = serde_json::Value> {
    (
        any_part(1..2100),
        any_part(1..13),
        any_part(1..29),
        any_part(2100..2200),
        "\\PC{0,20}",
        "(<[a-z/]{0,7}>|&[a-z#0-9]{0,5};?|\\PC){0,20}",
        "\\PC{0,12}",
    )
        .prop_map(|(year, month, day, end, headline, text, id)| {
            serde_json::json!({
                "start_date": { "year": year, "month": month, "day": day, "hour": "" },
                "end_date": { "year": end },
                "text": { "headline": headline, "text": text },
                "unique_id": id,
            })
        })
}

/// A folder with one event and one claim whose text and quote are `text` and `quote`, as a
/// spreadsheet program would save it.
fn one_claim(text: &str, quote: &str) -> Vec<(String, Table)> {
    let mut claims = csv::Writer::from_writer(Vec::new());
    claims
        .write_record(["event", "id", "text", "quote", "by", "in"])
        .expect("a header");
    claims
        .write_record(["e", "c", text, quote, "s", "d"])
        .expect("a row");
    let claims = claims.into_inner().expect("written");
    let sheets: [(&str, &[u8]); 5] = [
        ("dataset", b"field,value\ntitle,T\ndescription,D\n"),
        ("events", b"id,date,title,summary\ne,2017,T,S\n"),
        ("claims", &claims),
        ("sources", b"id,name,kind\ns,S,official\n"),
        ("documents", b"id,title,published,kind\nd,D,2017,report\n"),
    ];
    sheets
        .iter()
        .map(|(name, bytes)| {
            (
                name.to_string(),
                Table::from_csv(&format!("{name}.csv"), bytes, &mut Vec::new()),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500)
    ))]

    /// Cell text reaches the claim as written, but for white space around it: inner white
    /// space, quotes, commas, new lines and anything that looks like markup stay as they are.
    #[test]
    fn cell_text_reaches_the_claim_verbatim(text in "\\PC*[a-z]\\PC*", quote in "[ \t\n]*(\\PC|[<>&\"', \n\t])+[ \t]*") {
        let import = import_tables(&one_claim(&text, &quote), &Options::default());
        let dataset = import.dataset.expect("read");
        let claim = &dataset.events[0].claims[0];
        prop_assert_eq!(&claim.text, text.trim());
        let quote = Some(quote.trim().to_string()).filter(|q| !q.is_empty());
        prop_assert_eq!(&claim.quote, &quote);
    }

    /// Whatever bytes each sheet holds, importing never panics.
    #[test]
    fn any_bytes_in_any_sheet_never_panic(sheets in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..200), 5)) {
        let names = ["dataset", "events", "claims", "sources", "documents"];
        let named: Vec<(String, Table)> = names
            .iter()
            .zip(&sheets)
            .map(|(name, bytes)| (name.to_string(), Table::from_csv(name, bytes, &mut Vec::new())))
            .collect();
        let import = import_tables(&named, &Options::default());
        prop_assert!(import.json.is_some() || !import.findings.is_empty());
    }

    /// Whatever bytes a TimelineJS file holds, in either form, importing never panics.
    #[test]
    fn any_bytes_as_a_timeline_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let options = published("2017");
        let json = import_timeline_json(&bytes, "t.json", &options);
        let csv = import_timeline_csv(&bytes, "t.csv", &options);
        prop_assert!(json.json.is_some() || !json.findings.is_empty());
        prop_assert!(csv.json.is_some() || !csv.findings.is_empty());
    }

    /// Slides in TimelineJS's shape with any values where its dates, text and ids go never
    /// panic, and whatever is written is valid and holds no tag.
    #[test]
    fn timelinejs_slides_with_any_values_never_panic(slides in proptest::collection::vec(any_slide(), 0..6)) {
        let file = serde_json::json!({ "title": { "text": { "headline": "T", "text": "D" } }, "events": slides });
        let import = import_timeline_json(file.to_string().as_bytes(), "t.json", &published("9999"));
        if let Some(json) = &import.json {
            let dataset = support::valid(json);
            for event in &dataset.events {
                prop_assert!(!event.summary.contains("<script"), "{}", event.summary);
            }
        }
    }

    /// Sheets of CSV-like text, with the right headers, never panic and always say why they
    /// were not written.
    #[test]
    fn csv_like_rows_under_the_right_headers_never_panic(rows in proptest::collection::vec("[a-z0-9;,\"\n -]{0,40}", 5)) {
        let headers = [
            "field,value\n",
            "id,date,title,summary,place,tags,control place,control holder\n",
            "event,id,text,quote,by,via,in,locator,stance\n",
            "id,name,kind,description,party,affiliation\n",
            "id,title,published,publisher,url,kind\n",
        ];
        let names = ["dataset", "events", "claims", "sources", "documents"];
        let named: Vec<(String, Table)> = names
            .iter()
            .zip(headers.iter().zip(&rows))
            .map(|(name, (header, row))| (name.to_string(), Table::from_csv(name, format!("{header}{row}").as_bytes(), &mut Vec::new())))
            .collect();
        let import = import_tables(&named, &Options::default());
        prop_assert!(import.json.is_some() == import.findings.iter().all(|f| f.severity() != Severity::Error));
    }
}

#[test]
fn every_date_the_template_readme_shows_is_read_by_the_app() {
    let readme = std::fs::read_to_string(Path::new(TEMPLATE).join("README.md"))
        .expect("the README is there");
    let section = readme.split("## Dates").nth(1).expect("a section on dates");
    let dates: Vec<&str> = section
        .lines()
        .filter(|line| {
            line.starts_with("| ")
                && !line.starts_with("| the source")
                && !line.starts_with("| ---")
        })
        .filter_map(|line| line.trim_end_matches('|').trim_end().rsplit('`').nth(1))
        .collect();
    assert_eq!(
        dates,
        [
            "2017-03-02",
            "2016-12",
            "2016",
            "2017-03-02?",
            "2016-12~",
            "2015-05/2016-03",
            "../2017-03-02"
        ]
    );
    for date in dates {
        assert!(sourceline::model::EventDate::parse(date).is_ok(), "{date}");
    }
}

#[test]
fn publication_dates_come_from_the_documents_sheet_not_the_option() {
    let import = import_path(Path::new(TEMPLATE), &published("2017"));
    assert_eq!(
        report(&import),
        ["note: option --published: is used only for TimelineJS timelines; in a spreadsheet, the documents sheet gives each document's date"]
    );
    assert_eq!(import.outcome(), Outcome::Written);
    assert_eq!(valid(&import).documents[0].published.as_str(), "2017-03-02");
}

#[test]
fn a_second_sheet_of_one_name_is_named_and_not_read() {
    let mut named: Vec<(String, Table)> = ["dataset", "events", "claims", "sources", "documents"]
        .iter()
        .map(|name| {
            let bytes = std::fs::read(Path::new(TEMPLATE).join(format!("{name}.csv")))
                .expect("the template");
            (
                name.to_string(),
                Table::from_csv(&format!("{name}.csv"), &bytes, &mut Vec::new()),
            )
        })
        .collect();
    named.push((
        "Events".to_string(),
        Table::from_csv("Events.csv", b"id\n", &mut Vec::new()),
    ));
    let import = import_tables(&named, &Options::default());
    assert_eq!(
        report(&import),
        ["error: Events.csv: is a second `events` sheet; only one is read, so merge them"]
    );
    assert_eq!(import.outcome(), Outcome::NotWritten);
}
