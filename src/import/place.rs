//! Where something is in the input an author gave the importer, as the author would look for
//! it: a file or sheet, a row numbered as a spreadsheet numbers it, a column by letter and name,
//! a field of a TimelineJS file, or an option on the command line.

use std::fmt;

/// A column of a sheet: its position (0 for A) and its header as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub index: usize,
    pub name: String,
}

impl Column {
    pub fn new(index: usize, name: impl Into<String>) -> Column {
        Column {
            index,
            name: name.into(),
        }
    }

    /// The column's letters as a spreadsheet shows them: A … Z, AA, AB …
    pub fn letter(&self) -> String {
        column_letter(self.index)
    }
}

/// The letters of the column at `index` (0 for A, 26 for AA).
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Where something is in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The input as a whole (a folder, a workbook, a file).
    Input,
    /// A whole sheet, or a CSV file standing for one, by its label (`claims.csv`,
    /// `sheet claims`).
    Sheet { sheet: String },
    /// A row of a sheet, numbered as a spreadsheet numbers it (the header is row 1).
    Row { sheet: String, row: usize },
    /// One cell.
    Cell {
        sheet: String,
        row: usize,
        column: Column,
    },
    /// A field of a JSON input file, by its path there (`events[2].start_date.year`).
    Json { file: String, path: String },
    /// An option of the command line, such as `--published`.
    Option(&'static str),
}

impl Place {
    pub fn sheet(sheet: &str) -> Place {
        Place::Sheet {
            sheet: sheet.to_string(),
        }
    }

    pub fn row(sheet: &str, row: usize) -> Place {
        Place::Row {
            sheet: sheet.to_string(),
            row,
        }
    }

    pub fn cell(sheet: &str, row: usize, column: &Column) -> Place {
        Place::Cell {
            sheet: sheet.to_string(),
            row,
            column: column.clone(),
        }
    }

    pub fn json(file: &str, path: impl Into<String>) -> Place {
        Place::Json {
            file: file.to_string(),
            path: path.into(),
        }
    }
}

impl fmt::Display for Place {
    /// `claims.csv row 7, column F (by)`, `events.csv row 3`, `timeline.json events[2].text`,
    /// `option --published`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Input => f.write_str("the input"),
            Place::Sheet { sheet } => f.write_str(sheet),
            Place::Row { sheet, row } => write!(f, "{sheet} row {row}"),
            Place::Cell { sheet, row, column } => {
                write!(
                    f,
                    "{sheet} row {row}, column {} ({})",
                    column.letter(),
                    column.name
                )
            }
            Place::Json { file, path } if path.is_empty() => f.write_str(file),
            Place::Json { file, path } => write!(f, "{file} {path}"),
            Place::Option(option) => write!(f, "option {option}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_as_a_spreadsheet_names_them() {
        let letters: Vec<String> = [0, 1, 5, 25, 26, 27, 51, 52, 701, 702]
            .map(column_letter)
            .to_vec();
        assert_eq!(
            letters,
            ["A", "B", "F", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn places_read_as_an_author_looks_for_them() {
        let by = Column::new(5, "by");
        assert_eq!(
            Place::cell("claims.csv", 7, &by).to_string(),
            "claims.csv row 7, column F (by)"
        );
        assert_eq!(Place::row("events.csv", 3).to_string(), "events.csv row 3");
        assert_eq!(Place::sheet("sheet sources").to_string(), "sheet sources");
        assert_eq!(
            Place::json("t.json", "events[2].text").to_string(),
            "t.json events[2].text"
        );
        assert_eq!(Place::json("t.json", "").to_string(), "t.json");
        assert_eq!(
            Place::Option("--published").to_string(),
            "option --published"
        );
        assert_eq!(Place::Input.to_string(), "the input");
    }
}
