//! A sheet as the importer reads it, whatever it came from: a CSV file (read with `csv`) or a
//! workbook's sheet (read with `calamine`). Every cell is kept with the row and column a
//! spreadsheet shows it at, so that whatever is found in it can be said to be there.
//!
//! Cells are turned into text here, once: a whole number stays a whole number (`2017`, not
//! `2017.0`), a date cell becomes `YYYY-MM-DD` and is remembered as one, so that the author can
//! be warned that the spreadsheet may have changed its precision.

use calamine::Data;

use crate::model::dataset::BYTE_ORDER_MARK;

use super::finding::{Finding, FindingKind};
use super::place::Place;

/// One cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text as written (empty for an empty cell).
    Text(String),
    /// A date cell, as the day it holds (`2017-03-02`).
    Date(String),
    /// A spreadsheet error such as `#REF!`.
    Error(String),
    /// Bytes that are not UTF-8 (CSV only).
    NotUtf8,
}

impl Cell {
    const EMPTY: Cell = Cell::Text(String::new());

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(text) if text.trim().is_empty())
    }
}

/// One row: its number as a spreadsheet shows it, and its cells from column A.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `index` (0 for A); an empty one past the end of the row.
    pub fn cell(&self, index: usize) -> &Cell {
        static EMPTY: Cell = Cell::EMPTY;
        self.cells.get(index).unwrap_or(&EMPTY)
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// A sheet: how the author knows it (`claims.csv`, `sheet claims`), its header row and the rows
/// under it. Blank rows are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub label: String,
    pub header: Option<Row>,
    pub rows: Vec<Row>,
}

impl Table {
    fn from_rows(label: &str, rows: Vec<Row>) -> Table {
        let mut rows = rows.into_iter();
        let header = rows.next();
        Table {
            label: label.to_string(),
            header,
            rows: rows.filter(|row| !row.is_blank()).collect(),
        }
    }

    /// Reads CSV bytes (UTF-8, with or without a byte-order mark, as spreadsheets save it).
    /// A row is a record, as a spreadsheet shows it, even when a quoted cell spans lines.
    pub fn from_csv(label: &str, bytes: &[u8], findings: &mut Vec<Finding>) -> Table {
        let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut rows = Vec::new();
        for (i, record) in reader.byte_records().enumerate() {
            match record {
                Ok(record) => rows.push(Row {
                    number: i + 1,
                    cells: record
                        .iter()
                        .map(|bytes| match std::str::from_utf8(bytes) {
                            Ok(text) => Cell::Text(text.to_string()),
                            Err(_) => Cell::NotUtf8,
                        })
                        .collect(),
                }),
                Err(error) => {
                    findings.push(Finding::new(
                        Place::row(label, i + 1),
                        FindingKind::Unreadable(error.to_string()),
                    ));
                    break;
                }
            }
        }
        Table::from_rows(label, rows)
    }

    /// Reads a workbook's sheet. Rows and columns keep the numbers the spreadsheet shows,
    /// wherever the sheet's first used cell is.
    pub fn from_range(label: &str, range: &calamine::Range<Data>) -> Table {
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: first_row as usize + i + 1,
                cells: std::iter::repeat_n(Cell::EMPTY, first_column as usize)
                    .chain(cells.iter().map(cell_of))
                    .collect(),
            })
            .collect();
        Table::from_rows(label, rows)
    }
}

/// A workbook cell as text: whole numbers without a decimal point, dates as their day.
pub fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::EMPTY,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Text(n.to_string()),
        Data::Float(x) => Cell::Text(number_text(*x)),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(when) if when.is_datetime() => match when.as_datetime() {
            Some(when) => {
                use chrono::Datelike;
                Cell::Date(format!(
                    "{:04}-{:02}-{:02}",
                    when.year(),
                    when.month(),
                    when.day()
                ))
            }
            None => Cell::Text(number_text(when.as_f64())),
        },
        Data::DateTime(duration) => Cell::Text(number_text(duration.as_f64())),
        Data::DateTimeIso(text) => match text.get(..10) {
            Some(day) if is_iso_day(day) => Cell::Date(day.to_string()),
            _ => Cell::Text(text.clone()),
        },
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

/// A number as a person typed it: `2017`, not `2017.0`; `2.5` as `2.5`.
fn number_text(x: f64) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole number below is exact.
    if x.fract() == 0.0 && x.abs() < EXACT {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// `YYYY-MM-DD`, by shape.
fn is_iso_day(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn text(t: &str) -> Cell {
        Cell::Text(t.to_string())
    }

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(cell_of(&Data::Float(2017.0)), text("2017"));
        assert_eq!(cell_of(&Data::Float(-44.0)), text("-44"));
        assert_eq!(cell_of(&Data::Float(2.5)), text("2.5"));
        assert_eq!(cell_of(&Data::Int(12)), text("12"));
        assert_eq!(cell_of(&Data::Bool(true)), text("TRUE"));
        assert_eq!(cell_of(&Data::Empty), text(""));
    }

    #[test]
    fn date_cells_read_as_their_day() {
        // 42796 is 2017-03-02 in the 1900 date system.
        let when = ExcelDateTime::new(42796.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_of(&Data::DateTime(when)),
            Cell::Date("2017-03-02".into())
        );
        assert_eq!(
            cell_of(&Data::DateTimeIso("2016-12-01T00:00:00".into())),
            Cell::Date("2016-12-01".into())
        );
        assert_eq!(
            cell_of(&Data::DateTimeIso("10:00:00".into())),
            text("10:00:00")
        );
    }

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let mut findings = Vec::new();
        let table = Table::from_csv(
            "t.csv",
            b"\xEF\xBB\xBFa,b\n\"x\ny\",2\n,\n3\n",
            &mut findings,
        );
        assert_eq!(findings, []);
        assert_eq!(
            table.header.as_ref().map(|h| h.cells.clone()),
            Some(vec![text("a"), text("b")])
        );
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [2, 4], "the blank row 3 is left out");
        assert_eq!(table.rows[0].cell(0), &text("x\ny"));
        assert_eq!(table.rows[1].cell(5), &text(""));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_cell_of_their_own() {
        let mut findings = Vec::new();
        let table = Table::from_csv("t.csv", b"a\n\xff\n", &mut findings);
        assert_eq!(table.rows[0].cells, [Cell::NotUtf8]);
    }
}
