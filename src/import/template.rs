//! The template workbook, `docs/template/sourceline-template.xlsx`, written from the
//! template's CSV files so that the two cannot differ (a test reads both and compares).
//!
//! `cargo run --bin import -- --write-template docs/template/` writes it. Every cell is written
//! as text and every column is formatted as text, so that a date typed into the workbook stays
//! the EDTF the author typed instead of becoming a date cell.

use std::fmt;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::sheets::SHEETS;
use super::table::{Cell, Table};

/// The workbook's file name, beside the CSV files.
pub const WORKBOOK: &str = "sourceline-template.xlsx";

/// Why the template could not be written.
#[derive(Debug)]
pub enum TemplateError {
    /// A CSV file of the template could not be read.
    Read(PathBuf, std::io::Error),
    /// The workbook could not be made or written.
    Write(XlsxError),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Read(path, error) => {
                write!(f, "{} cannot be read: {error}", path.display())
            }
            TemplateError::Write(error) => write!(f, "the workbook cannot be written: {error}"),
        }
    }
}

impl From<XlsxError> for TemplateError {
    fn from(error: XlsxError) -> TemplateError {
        TemplateError::Write(error)
    }
}

/// Writes `folder/sourceline-template.xlsx` from the CSV files in `folder`, one sheet per
/// file, in the order of [`SHEETS`] after `events` (the dataset sheet last). Gives its path.
pub fn write_workbook(folder: &Path) -> Result<PathBuf, TemplateError> {
    let mut workbook = Workbook::new();
    // A fixed creation date keeps the file the same from one run to the next.
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("sourceline template")
            .set_creation_datetime(&created),
    );
    let text = Format::new().set_num_format("@");
    let header = Format::new().set_num_format("@").set_bold();
    let mut order: Vec<_> = SHEETS.iter().filter(|s| s.name != "dataset").collect();
    order.extend(SHEETS.iter().filter(|s| s.name == "dataset"));
    for shape in order {
        let path = folder.join(format!("{}.csv", shape.name));
        let bytes = std::fs::read(&path).map_err(|e| TemplateError::Read(path.clone(), e))?;
        let table = Table::from_csv(&format!("{}.csv", shape.name), &bytes, &mut Vec::new());
        let sheet = workbook.add_worksheet();
        sheet.set_name(shape.name)?;
        let rows = table.header.iter().chain(&table.rows);
        let mut widest = vec![8usize; shape.columns.len().max(1)];
        for (r, row) in rows.enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                let (Cell::Text(value) | Cell::Date(value)) = cell else {
                    continue;
                };
                let format = if r == 0 { &header } else { &text };
                sheet.write_string_with_format(r as u32, c as u16, value, format)?;
                if let Some(width) = widest.get_mut(c) {
                    *width = (*width).max(value.chars().count().min(60));
                }
            }
        }
        for (c, width) in widest.iter().enumerate() {
            sheet.set_column_width(c as u16, *width as f64 + 2.0)?;
            sheet.set_column_format(c as u16, &text)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    let out = folder.join(WORKBOOK);
    workbook.save(&out)?;
    Ok(out)
}
