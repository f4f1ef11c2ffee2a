//! The sourceline spreadsheet: sheets `events`, `claims`, `sources`, `documents` and an
//! optional `dataset`, one row per record, turned into a dataset with a [`Trace`] from every
//! JSON path back to its cell. `docs/template/README.md` describes the sheets for authors.
//!
//! Only the shape is checked here: the sheets and columns, and which event a claim belongs to
//! (a claim row names its event by id, which JSON expresses by nesting). Everything else (ids,
//! dates, references between records, stances) is left to the app's reader, whose problems the
//! trace brings back to the cell. Text is trimmed of surrounding white space and otherwise kept
//! exactly as written: quotes are verbatim.

use std::collections::HashMap;

use super::finding::{Finding, FindingKind};
use super::output::{ClaimOut, ControlOut, DatasetOut, DocumentOut, EventOut, SourceOut, Trace};
use super::place::{Column, Place};
use super::table::{Cell, Row, Table};
use super::Options;

/// The separator of lists in a cell: an event's tags, a claim's relays.
pub const LIST_SEPARATOR: char = ';';

/// One kind of sheet: its name, its columns in the template's order, and which must be there.
pub struct SheetShape {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub required: &'static [&'static str],
}

pub const EVENTS: SheetShape = SheetShape {
    name: "events",
    columns: &[
        "id",
        "date",
        "title",
        "summary",
        "place",
        "tags",
        "control place",
        "control holder",
    ],
    required: &["id", "date", "title", "summary"],
};
pub const CLAIMS: SheetShape = SheetShape {
    name: "claims",
    columns: &[
        "event", "id", "text", "quote", "by", "via", "in", "locator", "stance",
    ],
    required: &["event", "id", "text", "by", "in"],
};
pub const SOURCES: SheetShape = SheetShape {
    name: "sources",
    columns: &["id", "name", "kind", "description", "party", "affiliation"],
    required: &["id", "name", "kind"],
};
pub const DOCUMENTS: SheetShape = SheetShape {
    name: "documents",
    columns: &["id", "title", "published", "publisher", "url", "kind"],
    required: &["id", "title", "published", "kind"],
};
/// The dataset's own fields, one a row: `title` and `description`.
pub const DATASET: SheetShape = SheetShape {
    name: "dataset",
    columns: &["field", "value"],
    required: &["field", "value"],
};

/// Every sheet, in the order they are read and written.
pub const SHEETS: [&SheetShape; 5] = [&DATASET, &EVENTS, &CLAIMS, &SOURCES, &DOCUMENTS];

/// A header as the importer compares it: trimmed, in lower case, with `_`, `-` and runs of
/// white space read as one space (`Control_Place` is `control place`).
pub fn header_key(header: &str) -> String {
    let spaced = header.trim().to_ascii_lowercase().replace(['_', '-'], " ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sheet whose header row has been read: where each known column is.
struct Sheet<'t> {
    table: &'t Table,
    columns: HashMap<&'static str, Column>,
}

impl<'t> Sheet<'t> {
    /// Reads the header row. `None` when a column the sheet needs is missing (reported).
    fn read(
        table: &'t Table,
        shape: &SheetShape,
        findings: &mut Vec<Finding>,
    ) -> Option<Sheet<'t>> {
        let Some(header) = &table.header else {
            findings.push(Finding::new(
                Place::sheet(&table.label),
                FindingKind::NoHeader,
            ));
            return None;
        };
        let mut columns: HashMap<&'static str, Column> = HashMap::new();
        let mut named = vec![false; header.cells.len()];
        for (index, cell) in header.cells.iter().enumerate() {
            let written = match cell {
                Cell::Text(text) | Cell::Date(text) => text.trim().to_string(),
                Cell::Error(_) | Cell::NotUtf8 => String::new(),
            };
            if written.is_empty() {
                continue;
            }
            named[index] = true;
            let place = Place::cell(
                &table.label,
                header.number,
                &Column::new(index, written.clone()),
            );
            let key = header_key(&written);
            match shape.columns.iter().find(|c| **c == key) {
                Some(name) if columns.contains_key(name) => {
                    findings.push(Finding::new(place, FindingKind::RepeatedColumn(written)));
                }
                Some(name) => {
                    columns.insert(name, Column::new(index, *name));
                }
                None => findings.push(Finding::new(
                    place,
                    FindingKind::UnknownColumn {
                        header: written,
                        accepted: shape.columns,
                    },
                )),
            }
        }
        // A value under no header would be lost without a word.
        for row in &table.rows {
            for (index, cell) in row.cells.iter().enumerate() {
                if !named.get(index).copied().unwrap_or(false) && !cell.is_blank() {
                    let column = Column::new(index, "no header");
                    findings.push(Finding::new(
                        Place::cell(&table.label, row.number, &column),
                        FindingKind::ValueWithoutColumn,
                    ));
                }
            }
        }
        let mut complete = true;
        for name in shape.required {
            if !columns.contains_key(name) {
                findings.push(Finding::new(
                    Place::row(&table.label, header.number),
                    FindingKind::MissingColumn(name),
                ));
                complete = false;
            }
        }
        complete.then_some(Sheet { table, columns })
    }

    /// Where the value of `column` in `row` is; the row itself for a column the sheet lacks.
    fn place(&self, row: &Row, column: &str) -> Place {
        match self.columns.get(column) {
            Some(column) => Place::cell(&self.table.label, row.number, column),
            None => Place::row(&self.table.label, row.number),
        }
    }

    /// The text of `column` in `row`, trimmed; `None` when blank or absent. A date cell is
    /// read as its day and warned about; an error or bytes that are not text are reported.
    fn text(&self, row: &Row, column: &str, findings: &mut Vec<Finding>) -> Option<String> {
        let index = self.columns.get(column)?.index;
        let place = || self.place(row, column);
        match row.cell(index) {
            Cell::Text(text) => Some(text.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            Cell::Date(day) => {
                findings.push(Finding::new(place(), FindingKind::DateCell(day.clone())));
                Some(day.clone())
            }
            Cell::Error(error) => {
                findings.push(Finding::new(place(), FindingKind::CellError(error.clone())));
                None
            }
            Cell::NotUtf8 => {
                findings.push(Finding::new(place(), FindingKind::NotUtf8));
                None
            }
        }
    }

    /// A list in one cell, split at [`LIST_SEPARATOR`], each item trimmed, empty ones left out.
    fn list(&self, row: &Row, column: &str, findings: &mut Vec<Finding>) -> Vec<String> {
        let text = self.text(row, column, findings).unwrap_or_default();
        text.split(LIST_SEPARATOR)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// What one sheet of the dataset was read from, by name; `None` where the input lacks it.
pub struct Sheets<'t> {
    pub tables: HashMap<&'static str, &'t Table>,
}

impl<'t> Sheets<'t> {
    /// Picks the known sheets out of `tables`, by the name each was found under.
    pub fn pick(named: &'t [(String, Table)], findings: &mut Vec<Finding>) -> Sheets<'t> {
        let mut tables = HashMap::new();
        for (name, table) in named {
            match SHEETS.iter().find(|shape| header_key(name) == shape.name) {
                Some(shape) if tables.contains_key(shape.name) => findings.push(Finding::new(
                    Place::sheet(&table.label),
                    FindingKind::RepeatedSheet(shape.name),
                )),
                Some(shape) => {
                    tables.insert(shape.name, table);
                }
                None => findings.push(Finding::new(
                    Place::sheet(&table.label),
                    FindingKind::IgnoredSheet,
                )),
            }
        }
        Sheets { tables }
    }
}

/// Builds the dataset from the sheets. `None` when a sheet or a required column is missing
/// (reported): the rows cannot be read without them.
pub fn build(
    sheets: &Sheets<'_>,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> Option<(DatasetOut, Trace)> {
    let read = |shape: &SheetShape, findings: &mut Vec<Finding>| match sheets.tables.get(shape.name)
    {
        Some(table) => Some(Sheet::read(table, shape, findings)),
        None => {
            findings.push(Finding::new(
                Place::Input,
                FindingKind::MissingSheet(shape.name),
            ));
            None
        }
    };
    let dataset = sheets
        .tables
        .get(DATASET.name)
        .map(|table| Sheet::read(table, &DATASET, findings));
    let events = read(&EVENTS, findings);
    let claims = read(&CLAIMS, findings);
    let sources = read(&SOURCES, findings);
    let documents = read(&DOCUMENTS, findings);
    let (Some(Some(events)), Some(Some(claims)), Some(Some(sources)), Some(Some(documents))) =
        (events, claims, sources, documents)
    else {
        return None;
    };
    let dataset = match dataset {
        Some(None) => return None,
        Some(Some(sheet)) => Some(sheet),
        None => None,
    };

    let mut out = DatasetOut::new();
    let mut trace = Trace::new(Place::Input);
    read_dataset_fields(dataset.as_ref(), options, &mut out, &mut trace, findings);
    read_documents(&documents, &mut out, &mut trace, findings);
    read_sources(&sources, &mut out, &mut trace, findings);
    read_events(&events, &mut out, &mut trace, findings);
    read_claims(&claims, &mut out, &mut trace, findings);
    Some((out, trace))
}

/// The title and description: from the options if given, else from the dataset sheet.
fn read_dataset_fields(
    sheet: Option<&Sheet<'_>>,
    options: &Options,
    out: &mut DatasetOut,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) {
    // Without either, the reader's "missing field" points where they can be given.
    let nowhere = match sheet {
        Some(sheet) => Place::sheet(&sheet.table.label),
        None => Place::Option("--title or --description (or a dataset sheet)"),
    };
    trace.record("", nowhere);
    if let Some(sheet) = sheet {
        for row in &sheet.table.rows {
            let field = sheet.text(row, "field", findings).map(|f| header_key(&f));
            let value = sheet.text(row, "value", findings);
            let place = sheet.place(row, "value");
            match field.as_deref() {
                Some("title") => {
                    trace.record("title", place);
                    out.title = Some(value.unwrap_or_default());
                }
                Some("description") => {
                    trace.record("description", place);
                    out.description = Some(value.unwrap_or_default());
                }
                Some(other) => findings.push(Finding::new(
                    sheet.place(row, "field"),
                    FindingKind::UnknownDatasetField(other.to_string()),
                )),
                None => {}
            }
        }
    }
    if let Some(title) = &options.title {
        trace.record("title", Place::Option("--title"));
        out.title = Some(title.clone());
    }
    if let Some(description) = &options.description {
        trace.record("description", Place::Option("--description"));
        out.description = Some(description.clone());
    }
}

/// Reads `column` into `path.key`, recording where it came from.
fn field(
    sheet: &Sheet<'_>,
    row: &Row,
    column: &str,
    path: &str,
    key: &str,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    trace.record(format!("{path}.{key}"), sheet.place(row, column));
    sheet.text(row, column, findings)
}

fn read_documents(
    sheet: &Sheet<'_>,
    out: &mut DatasetOut,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) {
    for row in &sheet.table.rows {
        let path = format!("documents[{}]", out.documents.len());
        trace.record(&path, Place::row(&sheet.table.label, row.number));
        let mut get =
            |column: &str, key: &str| field(sheet, row, column, &path, key, trace, findings);
        out.documents.push(DocumentOut {
            id: get("id", "id").unwrap_or_default(),
            title: get("title", "title").unwrap_or_default(),
            published: get("published", "published").unwrap_or_default(),
            publisher: get("publisher", "publisher"),
            url: get("url", "url"),
            kind: get("kind", "kind").unwrap_or_default(),
        });
    }
}

fn read_sources(
    sheet: &Sheet<'_>,
    out: &mut DatasetOut,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) {
    for row in &sheet.table.rows {
        let path = format!("sources[{}]", out.sources.len());
        trace.record(&path, Place::row(&sheet.table.label, row.number));
        let mut get =
            |column: &str, key: &str| field(sheet, row, column, &path, key, trace, findings);
        out.sources.push(SourceOut {
            id: get("id", "id").unwrap_or_default(),
            name: get("name", "name").unwrap_or_default(),
            kind: get("kind", "kind").unwrap_or_default(),
            description: get("description", "description"),
            party: get("party", "party"),
            affiliation: get("affiliation", "affiliation"),
        });
    }
}

fn read_events(
    sheet: &Sheet<'_>,
    out: &mut DatasetOut,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) {
    for row in &sheet.table.rows {
        let path = format!("events[{}]", out.events.len());
        trace.record(&path, Place::row(&sheet.table.label, row.number));
        let mut get =
            |column: &str, key: &str| field(sheet, row, column, &path, key, trace, findings);
        let id = get("id", "id").unwrap_or_default();
        let date = get("date", "date").unwrap_or_default();
        let title = get("title", "title").unwrap_or_default();
        let summary = get("summary", "summary").unwrap_or_default();
        let place = get("place", "place");
        let control_place = get("control place", "control.place");
        let control_holder = get("control holder", "control.holder");
        trace.record(format!("{path}.tags"), sheet.place(row, "tags"));
        let tags = sheet.list(row, "tags", findings);
        let control = (control_place.is_some() || control_holder.is_some()).then(|| ControlOut {
            place: control_place.unwrap_or_default(),
            holder: control_holder.unwrap_or_default(),
        });
        out.events.push(EventOut {
            id,
            date,
            title,
            summary,
            place,
            tags,
            control,
            claims: Vec::new(),
        });
    }
}

fn read_claims(
    sheet: &Sheet<'_>,
    out: &mut DatasetOut,
    trace: &mut Trace,
    findings: &mut Vec<Finding>,
) {
    // A claim belongs to the first event with its id; a repeated event id is the reader's to report.
    let mut event_at: HashMap<String, usize> = HashMap::new();
    for (i, event) in out.events.iter().enumerate() {
        event_at.entry(event.id.clone()).or_insert(i);
    }
    for row in &sheet.table.rows {
        let event = sheet.text(row, "event", findings);
        let Some(event) = event else {
            findings.push(Finding::new(
                sheet.place(row, "event"),
                FindingKind::ClaimWithoutEvent,
            ));
            continue;
        };
        let Some(&e) = event_at.get(&event) else {
            findings.push(Finding::new(
                sheet.place(row, "event"),
                FindingKind::UnknownEvent(event),
            ));
            continue;
        };
        let Some(claims) = out.events.get_mut(e).map(|event| &mut event.claims) else {
            continue;
        };
        let path = format!("events[{e}].claims[{}]", claims.len());
        trace.record(&path, Place::row(&sheet.table.label, row.number));
        let mut get =
            |column: &str, key: &str| field(sheet, row, column, &path, key, trace, findings);
        let id = get("id", "id").unwrap_or_default();
        let text = get("text", "text").unwrap_or_default();
        let quote = get("quote", "quote");
        let by = get("by", "by").unwrap_or_default();
        let document = get("in", "in").unwrap_or_default();
        let locator = get("locator", "locator");
        // Spreadsheets capitalise the first letter of a cell: the stance is a word of the format.
        let stance = get("stance", "stance").map(|s| s.to_ascii_lowercase());
        trace.record(format!("{path}.via"), sheet.place(row, "via"));
        let via = sheet.list(row, "via", findings);
        claims.push(ClaimOut {
            id,
            text,
            quote,
            by,
            via,
            document,
            locator,
            stance,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_compared_loosely() {
        assert_eq!(header_key("  Control_Place "), "control place");
        assert_eq!(header_key("control-holder"), "control holder");
        assert_eq!(header_key("Control   Holder"), "control holder");
        assert_eq!(header_key("IN"), "in");
    }

    /// A field added to the format needs a column: the sheets and the reader list the same.
    #[test]
    fn the_sheets_have_a_column_for_every_field_of_the_format() {
        use crate::model::validate::{
            CLAIM_FIELDS, CONTROL_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS, SOURCE_FIELDS,
        };
        assert_eq!(DOCUMENTS.columns, DOCUMENT_FIELDS);
        assert_eq!(SOURCES.columns, SOURCE_FIELDS);
        let mut event_fields: Vec<String> = EVENT_FIELDS
            .iter()
            .filter(|f| !matches!(**f, "control" | "claims"))
            .map(|f| f.to_string())
            .collect();
        event_fields.extend(CONTROL_FIELDS.iter().map(|f| format!("control {f}")));
        assert_eq!(EVENTS.columns, event_fields);
        let claim_fields: Vec<&str> = std::iter::once("event")
            .chain(CLAIM_FIELDS.iter().copied())
            .collect();
        assert_eq!(CLAIMS.columns, claim_fields);
    }

    #[test]
    fn every_required_column_is_a_column() {
        for shape in SHEETS {
            for required in shape.required {
                assert!(
                    shape.columns.contains(required),
                    "{} {}",
                    shape.name,
                    required
                );
            }
        }
    }
}
