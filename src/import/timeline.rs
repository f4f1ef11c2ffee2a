//! TimelineJS timelines, from its JSON format or its spreadsheet saved as CSV, turned into a
//! dataset with the gap in attribution made explicit.
//!
//! Each slide becomes one event: its date as precise as the slide gives it (a year stays a
//! year), its headline the title, its text the summary, its group a tag. Text is HTML in
//! TimelineJS and plain text here ([`plain_text`]). TimelineJS says nothing about who claims
//! what, so every event gets one claim by one stand-in source, [`UNATTRIBUTED`], in one
//! document standing for the timeline, and is reported as needing attribution. The timeline's
//! publication date is not in the file and is never guessed: it comes from `--published`.
//! Media, backgrounds, eras and display dates have no place in a dataset; they are counted in
//! the report.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::model::dataset::BYTE_ORDER_MARK;
use crate::model::ids::{is_site_name, is_slug, MAX_ID_LEN};
use crate::model::words::shortened;

use super::finding::{Finding, FindingKind, NotCarried};
use super::html::plain_text;
use super::output::{ClaimOut, DatasetOut, DocumentOut, EventOut, SourceOut, Trace};
use super::place::{Column, Place};
use super::sheets::header_key;
use super::table::{Cell, Row, Table};
use super::Options;

/// The id of the stand-in source every imported claim is attributed to.
pub const UNATTRIBUTED: &str = "unattributed";
/// The id of the document standing for the TimelineJS timeline.
pub const TIMELINE_DOCUMENT: &str = "timeline";
/// The id of each event's one imported claim.
pub const TIMELINE_CLAIM: &str = "timeline";

/// The longest title taken from a slide's text when it has no headline, in characters.
const TITLE_FROM_TEXT_CHARS: usize = 80;

/// A date as a slide gives it, read into EDTF, with where it was.
#[derive(Debug, Clone)]
struct SlideDate {
    edtf: String,
    place: Place,
}

/// One slide, read from either form, with where each part of it was.
#[derive(Debug, Clone)]
struct Slide {
    place: Place,
    start: Option<SlideDate>,
    end: Option<SlideDate>,
    headline: Option<(String, Place)>,
    text: Option<(String, Place)>,
    group: Option<(String, Place)>,
    unique_id: Option<(String, Place)>,
}

/// What a timeline holds, read from either form.
#[derive(Debug, Default)]
struct Timeline {
    title: Option<Slide>,
    slides: Vec<Slide>,
    /// How many slides had each thing that is not carried, and how many credited media.
    not_carried: HashMap<NotCarried, usize>,
    media_credits: usize,
}

impl Timeline {
    fn count(&mut self, what: NotCarried) {
        *self.not_carried.entry(what).or_default() += 1;
    }
}

/// A whole number in a date part: a JSON number, or text with spaces and thousands commas
/// (as TimelineJS reads it). `Ok(None)` when absent or empty.
fn whole_number(text: &str) -> Result<Option<i64>, ()> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<i64>() {
        Ok(n) => Ok(Some(n)),
        // A spreadsheet may hold 2017 as 2017.0.
        Err(_) => match cleaned.parse::<f64>() {
            Ok(x) if x.fract() == 0.0 && x.abs() < 1e15 => Ok(Some(x as i64)),
            _ => Err(()),
        },
    }
}

/// The parts of a date as text, each with its place: year, month, day, and whether a time of
/// day was given.
struct DateParts {
    year: Option<(String, Place)>,
    month: Option<(String, Place)>,
    day: Option<(String, Place)>,
    /// Where a time of day was given, if it was.
    time: Option<Place>,
}

/// The EDTF of a date's parts, as precise as they are: `2017`, `2017-03`, `2017-03-02`.
/// `Ok(None)` when there is no year. Bad parts are reported.
fn date_of(
    parts: DateParts,
    whole: Place,
    findings: &mut Vec<Finding>,
) -> Result<Option<SlideDate>, ()> {
    let mut number = |part: &'static str,
                      value: &Option<(String, Place)>,
                      range: std::ops::RangeInclusive<i64>| match value {
        None => Ok(None),
        Some((text, place)) => match whole_number(text) {
            Ok(Some(n)) if range.contains(&n) => Ok(Some(n)),
            Ok(None) => Ok(None),
            _ => {
                findings.push(Finding::new(
                    place.clone(),
                    FindingKind::BadDatePart {
                        part,
                        value: text.clone(),
                    },
                ));
                Err(())
            }
        },
    };
    let year = number("year", &parts.year, -999_999_999..=999_999_999);
    let month = number("month", &parts.month, 1..=12);
    let day = number("day", &parts.day, 1..=31);
    let (Ok(year), Ok(month), Ok(day)) = (year, month, day) else {
        return Err(());
    };
    let Some(year) = year else {
        return Ok(None);
    };
    if let Some(place) = parts.time {
        findings.push(Finding::new(place, FindingKind::TimeDropped));
    }
    let mut edtf = match year {
        0..=9999 => format!("{year:04}"),
        -9999..=-1 => format!("-{:04}", -year),
        _ => format!("Y{year}"),
    };
    if let Some(month) = month {
        edtf.push_str(&format!("-{month:02}"));
        if let Some(day) = day {
            edtf.push_str(&format!("-{day:02}"));
        }
    } else if let (Some(_), Some((text, place))) = (day, &parts.day) {
        findings.push(Finding::new(
            place.clone(),
            FindingKind::BadDatePart {
                part: "day",
                value: text.clone(),
            },
        ));
        return Err(());
    }
    Ok(Some(SlideDate { edtf, place: whole }))
}

// ---------------------------------------------------------------------------------------------
// The JSON form.

/// A JSON value as text: strings as they are, numbers as written, anything else absent.
fn json_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_json_date(
    value: &Value,
    file: &str,
    path: &str,
    findings: &mut Vec<Finding>,
) -> Result<Option<SlideDate>, ()> {
    let place = |key: &str| Place::json(file, format!("{path}.{key}"));
    let part = |key: &str| json_text(value.get(key)).map(|text| (text, place(key)));
    let parts = DateParts {
        year: part("year"),
        month: part("month"),
        day: part("day"),
        time: ["hour", "minute", "second", "millisecond"]
            .into_iter()
            .find(|key| json_text(value.get(*key)).is_some())
            .map(place),
    };
    date_of(parts, Place::json(file, path), findings)
}

fn read_json_slide(
    value: &Value,
    file: &str,
    path: &str,
    findings: &mut Vec<Finding>,
    timeline: &mut Timeline,
) -> Option<Slide> {
    if !value.is_object() {
        findings.push(Finding::new(
            Place::json(file, path),
            FindingKind::NotTimeline("a slide must be an object"),
        ));
        return None;
    }
    let mut ok = true;
    let mut date = |key: &str| {
        let date = value.get(key).filter(|d| !d.is_null())?;
        let path = format!("{path}.{key}");
        if !date.is_object() {
            findings.push(Finding::new(
                Place::json(file, path),
                FindingKind::NotTimeline("a date must be an object with a year"),
            ));
            ok = false;
            return None;
        }
        match read_json_date(date, file, &path, findings) {
            Ok(None) if key == "end_date" && date.as_object().is_some_and(|d| !d.is_empty()) => {
                findings.push(Finding::new(
                    Place::json(file, path),
                    FindingKind::EndWithoutYear,
                ));
                None
            }
            Ok(date) => date,
            Err(()) => {
                ok = false;
                None
            }
        }
    };
    let start = date("start_date");
    let end = date("end_date");
    let text_of = |key: &str| {
        json_text(value.get("text").and_then(|t| t.get(key)))
            .map(|t| (t, Place::json(file, format!("{path}.text.{key}"))))
    };
    let slide = Slide {
        place: Place::json(file, path),
        start,
        end,
        headline: text_of("headline"),
        text: text_of("text"),
        group: json_text(value.get("group"))
            .map(|g| (g, Place::json(file, format!("{path}.group")))),
        unique_id: json_text(value.get("unique_id"))
            .map(|id| (id, Place::json(file, format!("{path}.unique_id")))),
    };
    if let Some(media) = value.get("media").filter(|m| m.is_object()) {
        timeline.count(NotCarried::Media);
        if json_text(media.get("credit")).is_some() {
            timeline.media_credits += 1;
        }
    }
    if value.get("background").is_some_and(|b| !b.is_null()) {
        timeline.count(NotCarried::Background);
    }
    let display_date = |v: &Value| json_text(v.get("display_date")).is_some();
    let dates = ["start_date", "end_date"].map(|key| value.get(key).is_some_and(display_date));
    if display_date(value) || dates.contains(&true) {
        timeline.count(NotCarried::DisplayDate);
    }
    ok.then_some(slide)
}

fn read_json(bytes: &[u8], file: &str, findings: &mut Vec<Finding>) -> Option<Timeline> {
    let bytes = bytes.strip_prefix(BYTE_ORDER_MARK).unwrap_or(bytes);
    let root: Value = match serde_json::from_slice(bytes) {
        Ok(root) => root,
        Err(error) => {
            findings.push(Finding::new(
                Place::json(file, ""),
                FindingKind::NotJson(error.to_string()),
            ));
            return None;
        }
    };
    let Some(events) = root.get("events").and_then(Value::as_array) else {
        findings.push(Finding::new(
            Place::json(file, ""),
            FindingKind::NotTimeline("it has no `events` list"),
        ));
        return None;
    };
    let mut timeline = Timeline::default();
    if let Some(title) = root.get("title").filter(|t| !t.is_null()) {
        timeline.title = read_json_slide(title, file, "title", findings, &mut timeline);
    }
    for (i, event) in events.iter().enumerate() {
        let path = format!("events[{i}]");
        let slide = read_json_slide(event, file, &path, findings, &mut timeline);
        match slide {
            Some(slide) if slide.start.is_none() => {
                findings.push(Finding::new(
                    Place::json(file, path),
                    FindingKind::NoStartDate,
                ));
            }
            Some(slide) => timeline.slides.push(slide),
            None => {}
        }
    }
    if let Some(eras) = root
        .get("eras")
        .and_then(Value::as_array)
        .filter(|e| !e.is_empty())
    {
        timeline.not_carried.insert(NotCarried::Eras, eras.len());
    }
    Some(timeline)
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet form, saved as CSV.

/// The columns of TimelineJS's spreadsheet template, as [`header_key`] reads them.
pub const TIMELINE_COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// Whether a CSV header row is TimelineJS's: it has a Year and a Headline column.
pub fn is_timeline_header(header: &Row) -> bool {
    let keys: HashSet<String> = header
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Text(t) => Some(header_key(t)),
            _ => None,
        })
        .collect();
    keys.contains("year") && keys.contains("headline")
}

fn read_csv(table: &Table, findings: &mut Vec<Finding>) -> Option<Timeline> {
    let Some(header) = &table.header else {
        findings.push(Finding::new(
            Place::sheet(&table.label),
            FindingKind::NoHeader,
        ));
        return None;
    };
    let mut columns: HashMap<&'static str, Column> = HashMap::new();
    for (index, cell) in header.cells.iter().enumerate() {
        let Cell::Text(written) = cell else { continue };
        let written = written.trim();
        if written.is_empty() {
            continue;
        }
        let place = Place::cell(&table.label, header.number, &Column::new(index, written));
        match TIMELINE_COLUMNS.iter().find(|c| **c == header_key(written)) {
            Some(name) if columns.contains_key(name) => findings.push(Finding::new(
                place,
                FindingKind::RepeatedColumn(written.to_string()),
            )),
            Some(name) => {
                columns.insert(name, Column::new(index, written));
            }
            None => findings.push(Finding::new(place, FindingKind::IgnoredColumn)),
        }
    }
    let label = table.label.as_str();
    let mut timeline = Timeline::default();
    for row in &table.rows {
        let text = |name: &str| -> Option<(String, Place)> {
            let column = columns.get(name)?;
            let place = Place::cell(label, row.number, column);
            match row.cell(column.index) {
                Cell::Text(t) if !t.trim().is_empty() => Some((t.clone(), place)),
                Cell::Date(day) => Some((day.clone(), place)),
                _ => None,
            }
        };
        for (column, cell) in columns.values().map(|c| (c, row.cell(c.index))) {
            if let Cell::NotUtf8 = cell {
                findings.push(Finding::new(
                    Place::cell(label, row.number, column),
                    FindingKind::NotUtf8,
                ));
            }
        }
        let kind = text("type")
            .map(|(t, _)| header_key(&t))
            .unwrap_or_default();
        if kind == "era" {
            *timeline.not_carried.entry(NotCarried::Eras).or_default() += 1;
            continue;
        }
        let date = |year: &str, month: &str, day: &str, time: &str, findings: &mut Vec<Finding>| {
            let whole = match columns.get(year) {
                Some(column) => Place::cell(label, row.number, column),
                None => Place::row(label, row.number),
            };
            let parts = DateParts {
                year: text(year),
                month: text(month),
                day: text(day),
                time: text(time).map(|(_, place)| place),
            };
            let any = parts.year.is_some()
                || parts.month.is_some()
                || parts.day.is_some()
                || parts.time.is_some();
            (any, date_of(parts, whole, findings))
        };
        let (_, start) = date("year", "month", "day", "time", findings);
        let (any_end, end) = date("end year", "end month", "end day", "end time", findings);
        let (Ok(start), Ok(end)) = (start, end) else {
            continue;
        };
        if any_end && end.is_none() {
            findings.push(Finding::new(
                Place::row(label, row.number),
                FindingKind::EndWithoutYear,
            ));
        }
        let slide = Slide {
            place: Place::row(label, row.number),
            start,
            end,
            headline: text("headline"),
            text: text("text"),
            group: text("group"),
            unique_id: None,
        };
        if kind == "title" && timeline.title.is_none() {
            timeline.title = Some(slide);
            continue;
        }
        if text("media").is_some() {
            timeline.count(NotCarried::Media);
        }
        if text("media credit").is_some() {
            timeline.media_credits += 1;
        }
        if text("background").is_some() {
            timeline.count(NotCarried::Background);
        }
        if text("display date").is_some() {
            timeline.count(NotCarried::DisplayDate);
        }
        if slide.start.is_none() {
            let place = columns.get("year").map_or_else(
                || Place::row(label, row.number),
                |c| Place::cell(label, row.number, c),
            );
            findings.push(Finding::new(place, FindingKind::NoStartDate));
            continue;
        }
        timeline.slides.push(slide);
    }
    Some(timeline)
}

// ---------------------------------------------------------------------------------------------
// From a timeline to a dataset.

/// A sourceline id made from any text: ASCII letters and digits in lower case, anything else a
/// `-`, at most [`MAX_ID_LEN`] long. Empty when the text has no letter or digit.
pub fn slug_of(text: &str) -> String {
    let mut slug = String::new();
    // Letters with accents, and of other scripts, spelled in Latin letters: `Été` is `ete`.
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(MAX_ID_LEN);
    slug.trim_end_matches('-').to_string()
}

/// The first words of `text`, at most about [`TITLE_FROM_TEXT_CHARS`] characters.
fn title_from(text: &str) -> String {
    shortened(text, TITLE_FROM_TEXT_CHARS)
}

/// Builds the dataset: one event a slide, the stand-in source, the timeline's document.
fn build(
    timeline: Timeline,
    file: &str,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> (DatasetOut, Trace) {
    let mut out = DatasetOut::new();
    let mut trace = Trace::new(Place::json(file, ""));
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file)
        .to_string();

    let title_slide = timeline.title.as_ref();
    let title_headline = title_slide
        .and_then(|s| s.headline.as_ref())
        .map(|(h, place)| (plain_text(h), place.clone()));
    let title_text = title_slide
        .and_then(|s| s.text.as_ref())
        .map(|(t, place)| (plain_text(t), place.clone()));
    let (title, title_place) = match (
        &options.title,
        title_headline.filter(|(h, _)| !h.is_empty()),
    ) {
        (Some(title), _) => (title.clone(), Place::Option("--title")),
        (None, Some((headline, place))) => (headline, place),
        (None, None) => (stem.clone(), Place::json(file, "")),
    };
    let (description, description_place) = match (
        &options.description,
        title_text.filter(|(t, _)| !t.is_empty()),
    ) {
        (Some(description), _) => (description.clone(), Place::Option("--description")),
        (None, Some((text, place))) => (text, place),
        (None, None) => (
            format!("Imported from the TimelineJS timeline {stem}."),
            Place::json(file, ""),
        ),
    };
    trace.record("title", title_place.clone());
    trace.record("description", description_place);
    out.title = Some(title.clone());
    out.description = Some(description);

    trace.record("documents[0]", Place::json(file, ""));
    trace.record("documents[0].title", title_place);
    trace.record("documents[0].published", Place::Option("--published"));
    let published = match &options.published {
        Some(published) => published.clone(),
        None => {
            findings.push(Finding::new(
                Place::Option("--published"),
                FindingKind::PublishedMissing,
            ));
            String::new()
        }
    };
    out.documents.push(DocumentOut {
        id: TIMELINE_DOCUMENT.to_string(),
        title,
        published,
        publisher: None,
        url: None,
        kind: "timeline".to_string(),
    });
    out.sources.push(SourceOut {
        id: UNATTRIBUTED.to_string(),
        name: "Unattributed (imported from TimelineJS)".to_string(),
        kind: "unknown".to_string(),
        description: Some(
            "Stands for whoever made the claims of a TimelineJS timeline, which does not say: replace it with the sources."
                .to_string(),
        ),
        party: None,
        affiliation: None,
    });

    let mut used: HashSet<String> = HashSet::new();
    for slide in timeline.slides {
        let headline = slide
            .headline
            .as_ref()
            .map(|(h, _)| plain_text(h))
            .filter(|h| !h.is_empty());
        let text = slide
            .text
            .as_ref()
            .map(|(t, _)| plain_text(t))
            .filter(|t| !t.is_empty());
        let (title, summary) = match (headline, text) {
            (Some(headline), Some(text)) => (headline, text),
            (None, Some(text)) => {
                findings.push(Finding::new(slide.place.clone(), FindingKind::NoHeadline));
                (title_from(&text), text)
            }
            (Some(headline), None) => {
                findings.push(Finding::new(slide.place.clone(), FindingKind::NoText));
                (headline.clone(), headline)
            }
            (None, None) => {
                findings.push(Finding::new(slide.place.clone(), FindingKind::EmptySlide));
                continue;
            }
        };
        let id = event_id(&slide, &title, &mut used, findings);
        let path = format!("events[{}]", out.events.len());
        trace.record(&path, slide.place.clone());
        if let Some((_, place)) = &slide.unique_id {
            trace.record(format!("{path}.id"), place.clone());
        }
        if let Some(start) = &slide.start {
            trace.record(format!("{path}.date"), start.place.clone());
        }
        if let Some((_, place)) = &slide.headline {
            trace.record(format!("{path}.title"), place.clone());
        }
        if let Some((_, place)) = &slide.text {
            trace.record(format!("{path}.summary"), place.clone());
            trace.record(format!("{path}.claims[0].text"), place.clone());
        }
        if let Some((_, place)) = &slide.group {
            trace.record(format!("{path}.tags"), place.clone());
        }
        let date = match (&slide.start, &slide.end) {
            (Some(start), Some(end)) => format!("{}/{}", start.edtf, end.edtf),
            (Some(start), None) => start.edtf.clone(),
            (None, _) => String::new(),
        };
        let tags = slide
            .group
            .as_ref()
            .map(|(g, _)| g.trim().to_string())
            .filter(|g| !g.is_empty())
            .into_iter()
            .collect();
        findings.push(Finding::new(
            slide.place.clone(),
            FindingKind::NeedsAttribution,
        ));
        out.events.push(EventOut {
            id,
            date,
            title,
            summary: summary.clone(),
            place: None,
            tags,
            control: None,
            claims: vec![ClaimOut {
                id: TIMELINE_CLAIM.to_string(),
                text: summary,
                by: UNATTRIBUTED.to_string(),
                document: TIMELINE_DOCUMENT.to_string(),
                ..ClaimOut::default()
            }],
        });
    }

    let whole = Place::json(file, "");
    for what in [
        NotCarried::Media,
        NotCarried::Background,
        NotCarried::Eras,
        NotCarried::DisplayDate,
    ] {
        if let Some(&count) = timeline.not_carried.get(&what) {
            findings.push(Finding::new(
                whole.clone(),
                FindingKind::NotCarried { what, count },
            ));
        }
    }
    if timeline.media_credits > 0 {
        findings.push(Finding::new(
            whole,
            FindingKind::MediaCredits(timeline.media_credits),
        ));
    }
    (out, trace)
}

/// The event's id: the slide's `unique_id` (made an id if it is not one), or else one made from
/// its title; `-2`, `-3` … added when an earlier event's page has its name (in any case, as
/// hosts that ignore case see it), or when the site names a file of its own so
/// ([`is_site_name`]). `used` holds the pages' names lowered.
fn event_id(
    slide: &Slide,
    title: &str,
    used: &mut HashSet<String>,
    findings: &mut Vec<Finding>,
) -> String {
    let given = slide
        .unique_id
        .as_ref()
        .map(|(id, place)| (id.trim(), place));
    let base = match given {
        Some((id, _)) if is_slug(id) => id.to_string(),
        Some((id, place)) if !slug_of(id).is_empty() => {
            let to = slug_of(id);
            findings.push(Finding::new(
                place.clone(),
                FindingKind::IdChanged {
                    from: id.to_string(),
                    to: to.clone(),
                },
            ));
            to
        }
        _ => Some(slug_of(title))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "event".to_string()),
    };
    let taken = |id: &str| is_site_name(id) || used.contains(&id.to_ascii_lowercase());
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        let suffix = format!("-{n}");
        let mut stem = base.clone();
        stem.truncate(MAX_ID_LEN - suffix.len());
        id = format!("{stem}{suffix}");
        n += 1;
    }
    if id != base {
        if let Some((_, place)) = given {
            let now = id.clone();
            let kind = if is_site_name(&base) {
                FindingKind::IdReserved { id: base, now }
            } else {
                FindingKind::IdRepeated { id: base, now }
            };
            findings.push(Finding::new(place.clone(), kind));
        }
    }
    used.insert(id.to_ascii_lowercase());
    id
}

/// Reads a TimelineJS JSON file into a dataset. `None` when it is not one (reported).
pub fn from_json(
    bytes: &[u8],
    file: &str,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> Option<(DatasetOut, Trace)> {
    let timeline = read_json(bytes, file, findings)?;
    Some(build(timeline, file, options, findings))
}

/// Reads a TimelineJS spreadsheet saved as CSV into a dataset.
pub fn from_csv(
    table: &Table,
    options: &Options,
    findings: &mut Vec<Finding>,
) -> Option<(DatasetOut, Trace)> {
    let timeline = read_csv(table, findings)?;
    Some(build(timeline, &table.label, options, findings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_made_from_any_text() {
        assert_eq!(slug_of("Palmyra retaken!"), "palmyra-retaken");
        assert_eq!(slug_of("  --Été 2016-- "), "ete-2016");
        assert_eq!(slug_of("Пальмира"), "pal-mira");
        assert_eq!(slug_of("¿?"), "");
        assert_eq!(slug_of(&"a".repeat(100)).len(), MAX_ID_LEN);
        assert!(is_slug(&slug_of(&format!("{} b", "a".repeat(63)))));
    }

    #[test]
    fn date_parts_are_read_as_timelinejs_reads_them() {
        assert_eq!(whole_number(" 2,017 "), Ok(Some(2017)));
        assert_eq!(whole_number("2017.0"), Ok(Some(2017)));
        assert_eq!(whole_number(""), Ok(None));
        assert_eq!(whole_number("March"), Err(()));
        assert_eq!(whole_number("2.5"), Err(()));
    }

    fn edtf(year: Option<&str>, month: Option<&str>, day: Option<&str>) -> Option<String> {
        let part = |v: Option<&str>| v.map(|v| (v.to_string(), Place::Input));
        let parts = DateParts {
            year: part(year),
            month: part(month),
            day: part(day),
            time: None,
        };
        date_of(parts, Place::Input, &mut Vec::new())
            .ok()
            .flatten()
            .map(|d| d.edtf)
    }

    #[test]
    fn dates_keep_the_precision_the_slide_gives() {
        assert_eq!(edtf(Some("2017"), None, None).as_deref(), Some("2017"));
        assert_eq!(
            edtf(Some("2017"), Some("3"), None).as_deref(),
            Some("2017-03")
        );
        assert_eq!(
            edtf(Some("2017"), Some("3"), Some("2")).as_deref(),
            Some("2017-03-02")
        );
        assert_eq!(
            edtf(Some("-44"), Some("3"), Some("15")).as_deref(),
            Some("-0044-03-15")
        );
        assert_eq!(edtf(Some("12000"), None, None).as_deref(), Some("Y12000"));
        assert_eq!(edtf(None, Some("3"), None), None);
        assert_eq!(edtf(Some("2017"), Some("13"), None), None);
        assert_eq!(edtf(Some("2017"), None, Some("2")), None);
    }

    #[test]
    fn a_title_from_text_is_cut_at_a_word() {
        assert_eq!(title_from("Short."), "Short.");
        let long = "word ".repeat(30);
        let title = title_from(long.trim());
        assert!(
            title.ends_with("word…") && title.chars().count() <= TITLE_FROM_TEXT_CHARS + 1,
            "{title}"
        );
    }
}
