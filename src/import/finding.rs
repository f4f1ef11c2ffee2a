//! What the importer has to tell an author, as data: a [`FindingKind`] says what, a
//! [`Finding`] adds where ([`Place`]), and the sentence is derived from the kind.
//!
//! A finding is one of three [`Severity`]s. An error means nothing is written; a warning is
//! written into the dataset but needs the author's attention (every imported TimelineJS event
//! needs attribution; a date cell may have lost precision); a note says what was left out or
//! changed on the way. Problems that the app's own reader ([`crate::model::Dataset::parse`])
//! finds in the built dataset are carried whole as [`FindingKind::Dataset`], at the cell they
//! came from.

use std::fmt;

use crate::model::words;
use crate::model::ProblemKind;

use super::place::Place;

/// How much a finding matters to whether and how the dataset is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing is written until it is fixed.
    Error,
    /// Written, but the author must look: the command exits 1.
    Warning,
    /// Written; only said.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// What TimelineJS holds that a sourceline dataset does not carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotCarried {
    Media,
    Background,
    Eras,
    DisplayDate,
}

impl fmt::Display for NotCarried {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotCarried::Media => "media",
            NotCarried::Background => "backgrounds",
            NotCarried::Eras => "eras",
            NotCarried::DisplayDate => "display dates",
        })
    }
}

/// What the importer found, without where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// The input is not a folder, a workbook, a `.json` or a `.csv` file.
    UnknownInput,
    /// A CSV file that is neither a TimelineJS export nor one of the sheets of a folder.
    UnknownCsv,
    /// A file or workbook could not be read, with the reason.
    Unreadable(String),
    /// A sheet (or its CSV file) the dataset needs is not there.
    MissingSheet(&'static str),
    /// A sheet or file the importer does not read.
    IgnoredSheet,
    /// A second sheet (or file) of a name already read, such as `Events` beside `events`.
    RepeatedSheet(&'static str),
    /// An option that means nothing for this kind of input, such as `--published` for a
    /// spreadsheet, whose documents sheet dates each document.
    OptionUnused,
    /// A sheet has no header row.
    NoHeader,
    /// A column the sheet needs is not in its header row.
    MissingColumn(&'static str),
    /// A header names no column of this sheet; these are the columns it has.
    UnknownColumn {
        header: String,
        accepted: &'static [&'static str],
    },
    /// A column of a TimelineJS spreadsheet that is not one of TimelineJS's, left out as
    /// TimelineJS leaves it out.
    IgnoredColumn,
    /// A header repeats one to its left.
    RepeatedColumn(String),
    /// A cell is not UTF-8 text.
    NotUtf8,
    /// A cell holds a spreadsheet error such as `#REF!`.
    CellError(String),
    /// A row has a value beyond the last named column.
    ValueWithoutColumn,
    /// A date typed as a date cell, read as this day: the spreadsheet may have made it more
    /// precise than what was typed.
    DateCell(String),
    /// A claim names an event id no event row declares.
    UnknownEvent(String),
    /// A claim row names no event.
    ClaimWithoutEvent,
    /// A row of the dataset sheet names a field that is neither `title` nor `description`.
    UnknownDatasetField(String),
    /// The JSON input is not JSON, with serde_json's reason.
    NotJson(String),
    /// A JSON value is not what TimelineJS has there (`events` must be a list).
    NotTimeline(&'static str),
    /// A slide has no `start_date` (or no Year).
    NoStartDate,
    /// A date part is not a whole number in its range.
    BadDatePart { part: &'static str, value: String },
    /// An end date with no year, which TimelineJS ignores too.
    EndWithoutYear,
    /// A time of day, dropped: dates stop at the day.
    TimeDropped,
    /// A slide with no headline: its title was taken from its text.
    NoHeadline,
    /// A slide with no text: the event's summary repeats its headline.
    NoText,
    /// A slide with neither headline nor text.
    EmptySlide,
    /// A `unique_id` that is not a sourceline id, made into this one.
    IdChanged { from: String, to: String },
    /// An id used by an earlier slide (in any case: their pages would be one file where case
    /// is ignored), made unique as this one.
    IdRepeated { id: String, now: String },
    /// An id that names one of the site's own files, so its event could have no page: made
    /// another one.
    IdReserved { id: String, now: String },
    /// An imported event attributed only to the stand-in source: who says so is not known yet.
    NeedsAttribution,
    /// Parts of the TimelineJS file left out, with how many.
    NotCarried { what: NotCarried, count: usize },
    /// Media credits, which credit the media and not the claims, so are not made sources.
    MediaCredits(usize),
    /// TimelineJS has no publication date; the command needs one.
    PublishedMissing,
    /// Something the app's reader finds in the built dataset.
    Dataset(ProblemKind),
}

impl FindingKind {
    pub fn severity(&self) -> Severity {
        use FindingKind::*;
        match self {
            DateCell(_)
            | EndWithoutYear
            | NoHeadline
            | NoText
            | IdRepeated { .. }
            | IdReserved { .. }
            | NeedsAttribution => Severity::Warning,
            IgnoredSheet
            | OptionUnused
            | IgnoredColumn
            | TimeDropped
            | IdChanged { .. }
            | NotCarried { .. }
            | MediaCredits(_) => Severity::Note,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for FindingKind {
    /// The sentence an author reads after the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FindingKind::*;
        match self {
            UnknownInput => f.write_str(
                "is not something the importer reads: give a folder of CSV files, an .xlsx or .ods workbook, a TimelineJS .json file or a TimelineJS spreadsheet saved as .csv, .xlsx or .ods",
            ),
            UnknownCsv => f.write_str(
                "is neither a TimelineJS spreadsheet (its header has no Year and Headline columns) nor a sourceline sheet: for a sourceline spreadsheet, give the folder that holds events.csv, claims.csv, sources.csv and documents.csv",
            ),
            Unreadable(reason) => write!(f, "cannot be read: {reason}"),
            MissingSheet(name) => write!(f, "has no `{name}` sheet (or `{name}.csv` file); the dataset needs one"),
            IgnoredSheet => f.write_str("is not a sheet the importer reads; it was left out"),
            RepeatedSheet(name) => {
                write!(f, "is a second `{name}` sheet; only one is read, so merge them")
            }
            OptionUnused => f.write_str(
                "is used only for TimelineJS timelines; in a spreadsheet, the documents sheet gives each document's date",
            ),
            NoHeader => f.write_str("has no header row: its first row names the columns"),
            MissingColumn(name) => write!(f, "has no `{name}` column; the header row must name it"),
            UnknownColumn { header, accepted } => {
                write!(f, "`{header}` is not a column of this sheet (expected one of: {})", accepted.join(", "))
            }
            IgnoredColumn => f.write_str("is not a column of TimelineJS's spreadsheet; it was left out"),
            RepeatedColumn(header) => write!(f, "`{header}` names a column already named to its left"),
            NotUtf8 => f.write_str("is not UTF-8 text: save the file as CSV UTF-8"),
            CellError(error) => write!(f, "holds the spreadsheet error {error}"),
            ValueWithoutColumn => f.write_str("has a value in a column with no header"),
            DateCell(day) => write!(
                f,
                "is a date cell, read as `{day}`: the spreadsheet may have made the date more precise than you typed; format the column as text and type the date as EDTF"
            ),
            UnknownEvent(id) => write!(f, "names event `{id}`, which no row of the events sheet has"),
            ClaimWithoutEvent => f.write_str("is a claim for no event: fill in the event column"),
            UnknownDatasetField(field) => {
                write!(f, "`{field}` is not a field of the dataset sheet (expected title or description)")
            }
            NotJson(reason) => write!(f, "is not valid JSON: {reason}"),
            NotTimeline(what) => write!(f, "is not a TimelineJS timeline: {what}"),
            NoStartDate => f.write_str("has no start date: TimelineJS needs a year for every slide but the title"),
            BadDatePart { part, value } => write!(f, "{part} `{value}` is not a whole number that can be a {part}"),
            EndWithoutYear => f.write_str("has an end date with no year; it was left out, as TimelineJS leaves it out"),
            TimeDropped => f.write_str("has a time of day, dropped: dates in sourceline stop at the day"),
            NoHeadline => f.write_str("has no headline: the event's title was taken from its text; write a title"),
            NoText => f.write_str("has no text: the event's summary and claim repeat its headline"),
            EmptySlide => f.write_str("has neither a headline nor a text: there is nothing to call the event"),
            IdChanged { from, to } => write!(
                f,
                "unique_id `{from}` is not a sourceline id (letters, digits, -, _ and .): the event's id is `{to}`"
            ),
            IdRepeated { id, now } => write!(f, "id `{id}` is used by an earlier slide: this event's id is `{now}`"),
            IdReserved { id, now } => write!(
                f,
                "id `{id}` would give the event's page the name of one of the site's own files: this event's id is `{now}`"
            ),
            NeedsAttribution => f.write_str(
                "needs attribution: TimelineJS does not say who claims this; replace the `unattributed` source with who said it, through whom, in which document",
            ),
            NotCarried { what: self::NotCarried::Eras, count } => {
                write!(f, "{} not carried: a sourceline dataset has no place for them", words::count(*count, "era", "eras"))
            }
            NotCarried { what, count } => {
                write!(f, "{what} of {} not carried: a sourceline dataset has no place for them", words::count(*count, "slide", "slides"))
            }
            MediaCredits(count) => write!(
                f,
                "media credits on {}: a media credit names who made the picture, not who made the claim, so it is not made a source",
                words::count(*count, "slide", "slides")
            ),
            PublishedMissing => f.write_str(
                "is needed: TimelineJS does not say when the timeline was published; give it as EDTF, e.g. --published 2017-03-02",
            ),
            Dataset(problem) => write!(f, "{problem}"),
        }
    }
}

/// One thing the importer tells the author: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    pub kind: FindingKind,
}

impl Finding {
    pub fn new(place: Place, kind: FindingKind) -> Finding {
        Finding { place, kind }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl fmt::Display for Finding {
    /// `error: claims.csv row 7, column F (by): unknown source id `sana2``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity(), self.place, self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::place::Column;

    #[test]
    fn a_finding_reads_severity_place_then_sentence() {
        let place = Place::cell("claims.csv", 7, &Column::new(5, "by"));
        let finding = Finding::new(
            place,
            FindingKind::Dataset(ProblemKind::UnknownSource("sana2".into())),
        );
        assert_eq!(
            finding.to_string(),
            "error: claims.csv row 7, column F (by): unknown source id `sana2`"
        );
    }

    #[test]
    fn what_needs_the_author_is_a_warning_and_what_was_left_out_a_note() {
        assert_eq!(FindingKind::NeedsAttribution.severity(), Severity::Warning);
        assert_eq!(
            FindingKind::DateCell("2017-03-02".into()).severity(),
            Severity::Warning
        );
        assert_eq!(FindingKind::TimeDropped.severity(), Severity::Note);
        assert_eq!(
            FindingKind::NotCarried {
                what: NotCarried::Media,
                count: 2
            }
            .severity(),
            Severity::Note
        );
        assert_eq!(FindingKind::PublishedMissing.severity(), Severity::Error);
        assert_eq!(
            FindingKind::Dataset(ProblemKind::NoClaims).severity(),
            Severity::Error
        );
    }
}
