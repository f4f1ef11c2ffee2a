//! Dates as precise as their source and no more: EDTF (ISO 8601-2) expressions with their
//! precision, their earliest and latest calendar days, a chronological order that respects
//! uncertainty, and a rendering for people ("December 2016", "about late August 2016").
//!
//! Parsing EDTF is delegated to `edtf-core`; this module adds what the product needs on top:
//! day numbers for placing events on an axis, and human wording.

use std::cmp::{Ordering, Reverse};
use std::fmt;

use edtf_core::{
    Bound, Date, DateField, Edtf, Interval, IntervalEndpoint, Precision, Qualifier as EdtfQualifier, SetElement, SetKind, Year,
    YearKind,
};
use chrono::{Datelike, NaiveDate};

/// A calendar day, counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// A calendar date split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The English name of a month numbered 1 to 12 (a number beyond reads as the nearest month).
pub fn month_name(month: u8) -> &'static str {
    chrono::Month::try_from(month.clamp(1, 12)).map_or("", |m| m.name())
}

/// The number of days in a month of a year (0 for a month that is not 1 to 12, or a year beyond
/// the calendar's range).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    NaiveDate::from_ymd_opt(year, u32::from(month), 1).map_or(0, |first| first.num_days_in_month())
}

/// Day numbers count from 1 January 1970; chrono's from 1 January of the year 1.
const DAYS_FROM_CE_TO_1970: i32 = 719_163;

impl Day {
    /// The day number of a calendar date, or `None` when there is no such day or it lies
    /// beyond the calendar's range (about 262,000 years either side of the year 1).
    pub fn from_civil(date: CivilDate) -> Option<Day> {
        let day = NaiveDate::from_ymd_opt(date.year, u32::from(date.month), u32::from(date.day))?;
        Some(Day(day.num_days_from_ce() - DAYS_FROM_CE_TO_1970))
    }

    /// The calendar date of this day; a day beyond the calendar's range reads as its first or
    /// last day.
    pub fn to_civil(self) -> CivilDate {
        let day = self
            .0
            .checked_add(DAYS_FROM_CE_TO_1970)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or(if self.0 < 0 { NaiveDate::MIN } else { NaiveDate::MAX });
        CivilDate { year: day.year(), month: day.month() as u8, day: day.day() as u8 }
    }
}

impl fmt::Display for Day {
    /// ISO 8601: `2017-03-02`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.to_civil();
        write!(f, "{:04}-{:02}-{:02}", c.year, c.month, c.day)
    }
}

/// How finely a date is known: the coarsest part of the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Season,
    Year,
    /// A year with unspecified digits (`201X`), or anything coarser.
    Decade,
}

/// What the EDTF text beside a date in words is, for a tooltip.
pub const AS_WRITTEN: &str = "The date as written in the dataset (EDTF)";

/// The shape an event takes on an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateShape {
    /// One day, known to the day.
    Point,
    /// One date known only to the month, season or year, or qualified as approximate or
    /// uncertain: somewhere within its bounds.
    Fuzzy,
    /// An interval: it lasted from its start to its end.
    Interval,
}

impl DateShape {
    /// Its name, as the stylesheet knows it.
    pub fn name(self) -> &'static str {
        match self {
            DateShape::Point => "point",
            DateShape::Fuzzy => "fuzzy",
            DateShape::Interval => "interval",
        }
    }
}

/// An event's date: the EDTF text the author wrote, and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    text: String,
    edtf: Edtf,
    earliest: Option<Day>,
    latest: Option<Day>,
}

/// Why a text is not a usable event date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not EDTF at all, with edtf-core's reason.
    NotEdtf(String),
    /// Valid EDTF that places nothing in time (`../..`, `/`).
    Unbounded,
    /// Time of day is finer than any timeline here; dates stop at the day.
    HasTimeOfDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::NotEdtf(reason) => write!(f, "is not an EDTF date ({reason})"),
            DateError::Unbounded => f.write_str("has neither an earliest nor a latest known day"),
            DateError::HasTimeOfDay => {
                f.write_str("has a time of day; write the date alone, to the day at most")
            }
        }
    }
}

fn bound_day(bound: Bound) -> Option<Day> {
    match bound {
        Bound::Date(d) => {
            let year = i32::try_from(d.year).ok()?;
            Day::from_civil(CivilDate { year, month: d.month, day: d.day })
        }
        Bound::NegativeInfinity | Bound::PositiveInfinity | Bound::Unknown => None,
    }
}

/// A plain calendar date, `2017`, `2017-03` or `2017-03-02`, with its earliest and latest day,
/// read without edtf-core: these are most dates in most datasets, and edtf-core's parser and
/// bounds (general enough for sets, seasons and unspecified digits) were a large part of the
/// time reading a large file took. It gives exactly the date and bounds edtf-core gives (a test
/// holds the two together); anything else, valid or not, is `None` and left to edtf-core.
fn plain_date(text: &str) -> Option<(Date, Day, Day)> {
    fn digit(byte: u8) -> Option<u8> {
        byte.is_ascii_digit().then(|| byte - b'0')
    }
    fn field(tens: u8, ones: u8) -> Option<DateField> {
        Some(DateField { digits: [Some(digit(tens)?), Some(digit(ones)?)], qualifier: Default::default() })
    }
    let (year_digits, rest) = text.as_bytes().split_first_chunk::<4>()?;
    let digits = [digit(year_digits[0])?, digit(year_digits[1])?, digit(year_digits[2])?, digit(year_digits[3])?];
    let year = digits.iter().fold(0, |year, &d| year * 10 + i32::from(d));
    let (month, day) = match *rest {
        [] => (None, None),
        [b'-', m1, m2] => (Some(field(m1, m2)?), None),
        [b'-', m1, m2, b'-', d1, d2] => (Some(field(m1, m2)?), Some(field(d1, d2)?)),
        _ => return None,
    };
    let (first_month, last_month) = match month.and_then(DateField::value) {
        None => (1, 12),
        Some(m @ 1..=12) => (m, m),
        Some(_) => return None,
    };
    let (first_day, last_day) = match day.and_then(DateField::value) {
        None => (1, days_in_month(year, last_month)),
        Some(d) if (1..=days_in_month(year, last_month)).contains(&d) => (d, d),
        Some(_) => return None,
    };
    let date = Date {
        year: Year { kind: YearKind::Standard { negative: false, digits: digits.map(Some) }, significant_digits: None, qualifier: Default::default() },
        month,
        day,
    };
    let earliest = Day::from_civil(CivilDate { year, month: first_month, day: first_day })?;
    let latest = Day::from_civil(CivilDate { year, month: last_month, day: last_day })?;
    Some((date, earliest, latest))
}

/// A plain date with at most a qualifier after it (`2017-03-02~`, `2016-12?`, `2015%`): a
/// qualifier after the last part qualifies every part, as edtf-core reads it, and does not move
/// the bounds.
fn qualified_date(text: &str) -> Option<(Date, Day, Day)> {
    let (uncertain, approximate) = match text.as_bytes().last() {
        Some(b'~') => (false, true),
        Some(b'?') => (true, false),
        Some(b'%') => (true, true),
        _ => return plain_date(text),
    };
    let (mut date, earliest, latest) = plain_date(text.get(..text.len() - 1)?)?;
    let qualifier = EdtfQualifier { uncertain, approximate };
    date.year.qualifier = qualifier;
    for part in [&mut date.month, &mut date.day].into_iter().flatten() {
        part.qualifier = qualifier;
    }
    Some((date, earliest, latest))
}

/// The dates most datasets write, read without edtf-core: a plain date, qualified or not, or
/// an interval between two such dates in order (`2017-03-01/2017-03-05`). It gives exactly the
/// expression and bounds edtf-core gives (tests hold the two together); anything else, an
/// interval whose end precedes its start among them, is `None` and left to edtf-core.
fn simple_date(text: &str) -> Option<(Edtf, Day, Day)> {
    let Some((start, end)) = text.split_once('/') else {
        let (date, earliest, latest) = qualified_date(text)?;
        return Some((Edtf::Date(date), earliest, latest));
    };
    let (start, earliest, _) = qualified_date(start)?;
    let (end, _, latest) = qualified_date(end)?;
    let interval = Interval { start: IntervalEndpoint::Date(start), end: IntervalEndpoint::Date(end) };
    (earliest <= latest).then_some((Edtf::Interval(interval), earliest, latest))
}

impl EventDate {
    /// Parses an EDTF expression that can place an event in time.
    pub fn parse(text: &str) -> Result<EventDate, DateError> {
        match simple_date(text) {
            Some((edtf, earliest, latest)) => {
                Ok(EventDate { text: text.to_string(), edtf, earliest: Some(earliest), latest: Some(latest) })
            }
            None => EventDate::parse_with_edtf_core(text),
        }
    }

    /// Parses any EDTF expression, with edtf-core's parser and bounds.
    fn parse_with_edtf_core(text: &str) -> Result<EventDate, DateError> {
        let edtf = Edtf::parse(text).map_err(|e| DateError::NotEdtf(e.message.to_string()))?;
        if matches!(edtf, Edtf::DateTime(_)) {
            return Err(DateError::HasTimeOfDay);
        }
        let bounds = edtf.bounds();
        let (earliest, latest) = (bound_day(bounds.earliest), bound_day(bounds.latest));
        if earliest.is_none() && latest.is_none() {
            return Err(DateError::Unbounded);
        }
        Ok(EventDate { text: text.to_string(), edtf, earliest, latest })
    }

    /// The EDTF text as the author wrote it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The earliest day the date can fall on, or `None` where it is open or unknown.
    pub fn earliest(&self) -> Option<Day> {
        self.earliest
    }

    /// The latest day the date can fall on, or `None` where it is open or unknown.
    pub fn latest(&self) -> Option<Day> {
        self.latest
    }

    /// The day an event is anchored at when one day is needed: its earliest known day, or its
    /// latest where the start is open.
    pub fn anchor(&self) -> Day {
        self.earliest.or(self.latest).unwrap_or(Day(0))
    }

    /// The span it covers on an axis, with a missing bound standing at the known one.
    pub fn span(&self) -> (Day, Day) {
        let anchor = self.anchor();
        (anchor, self.latest.unwrap_or(anchor).max(anchor))
    }

    /// True when a start or end is open or unknown (`2015-05/..`, `[..2017-03-02]`).
    pub fn is_open(&self) -> bool {
        self.earliest.is_none() || self.latest.is_none()
    }

    /// The coarsest precision of any date in the expression.
    pub fn precision(&self) -> DatePrecision {
        dates_of(&self.edtf).iter().map(date_precision).max().unwrap_or(DatePrecision::Day)
    }

    /// True when any part is approximate (`~` or `%`).
    pub fn is_approximate(&self) -> bool {
        self.edtf.is_approximate()
    }

    /// True when any part is uncertain (`?` or `%`).
    pub fn is_uncertain(&self) -> bool {
        self.edtf.is_uncertain()
    }

    /// How the date is drawn: a point, a fuzzy span, or an interval bar.
    pub fn shape(&self) -> DateShape {
        match &self.edtf {
            Edtf::Interval(_) => DateShape::Interval,
            _ if self.earliest == self.latest && !self.is_approximate() && !self.is_uncertain() => {
                DateShape::Point
            }
            _ => DateShape::Fuzzy,
        }
    }

    /// How the date is qualified: exact, approximate, uncertain or both.
    pub fn qualifier(&self) -> Qualifier {
        match (self.is_approximate(), self.is_uncertain()) {
            (false, false) => Qualifier::Exact,
            (true, false) => Qualifier::Approximate,
            (false, true) => Qualifier::Uncertain,
            (true, true) => Qualifier::Both,
        }
    }

    /// The date as HTML's `datetime` and schema.org write it ("2017-03-02", "2016-12", "2015"),
    /// for a single date that is neither approximate nor uncertain; `None` for anything a
    /// machine form would state more firmly than the source does.
    pub fn machine(&self) -> Option<&str> {
        (matches!(self.edtf, Edtf::Date(_)) && self.qualifier() == Qualifier::Exact && is_plain(&self.text))
            .then_some(self.text.as_str())
    }

    /// The start and end in machine form: each end of an interval that is a plain date (an
    /// approximate or open end has none), or a single plain date as the start.
    pub fn machine_ends(&self) -> (Option<&str>, Option<&str>) {
        match &self.edtf {
            Edtf::Interval(_) => {
                let (start, end) = self.text.split_once('/').unwrap_or((&self.text, ""));
                (is_plain(start).then_some(start), is_plain(end).then_some(end))
            }
            _ => (self.machine(), None),
        }
    }

    /// The date in words: "2 March 2017", "December 2016", "about late August 2016",
    /// "1–2 March 2017", "on or before 2 March 2017".
    pub fn human(&self) -> String {
        let words = match &self.edtf {
            Edtf::Date(d) => human_date(d),
            Edtf::DateTime(dt) => human_date(&dt.date),
            Edtf::Interval(iv) => human_interval(&iv.start, &iv.end),
            Edtf::Set(set) => human_set(set.kind, &set.elements),
        };
        match self.qualifier().word() {
            Some(word) => format!("{word} {words}"),
            None => words,
        }
    }
}

/// `2017`, `2017-03` or `2017-03-02`: a date written the same in EDTF, ISO 8601 and HTML, with
/// nothing approximate, uncertain, unspecified or open in it.
fn is_plain(text: &str) -> bool {
    let number = |part: &str, n: usize, most: u32| {
        part.len() == n && part.bytes().all(|b| b.is_ascii_digit()) && part.parse::<u32>().is_ok_and(|v| (1..=most).contains(&v))
    };
    // A season (`2016-21`) is no month.
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year, rest @ ..] if rest.len() <= 2 => {
            number(year, 4, 9999) && rest.first().is_none_or(|m| number(m, 2, 12)) && rest.get(1).is_none_or(|d| number(d, 2, 31))
        }
        _ => false,
    }
}

impl From<Day> for EventDate {
    /// The date of exactly one day, as a link writes the first and last day of a view.
    fn from(day: Day) -> EventDate {
        let civil = day.to_civil();
        let field = |n: u8| DateField { digits: [Some(n / 10), Some(n % 10)], qualifier: Default::default() };
        let year = Year {
            kind: YearKind::Big { value: i64::from(civil.year) },
            significant_digits: None,
            qualifier: Default::default(),
        };
        let date = Date { year, month: Some(field(civil.month)), day: Some(field(civil.day)) };
        EventDate { text: day.to_string(), edtf: Edtf::Date(date), earliest: Some(day), latest: Some(day) }
    }
}

/// How sure a date is: the `~` and `?` of EDTF, as a word for sentences and a mark for the
/// axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// `~`: an estimate.
    Approximate,
    /// `?`: the source is in doubt.
    Uncertain,
    /// `%`, or both marks.
    Both,
}

impl Qualifier {
    /// The word put before the date in sentences: "about 2011", "possibly 2016".
    pub fn word(self) -> Option<&'static str> {
        match self {
            Qualifier::Exact => None,
            Qualifier::Approximate => Some("about"),
            Qualifier::Uncertain => Some("possibly"),
            Qualifier::Both => Some("possibly about"),
        }
    }

    /// The mark drawn beside a title on the axis: "~", "?", "~?", or nothing.
    pub fn mark(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Approximate => "~",
            Qualifier::Uncertain => "?",
            Qualifier::Both => "~?",
        }
    }
}

/// A range of whole days in words, sharing what the ends share: "2 March 2017",
/// "1–3 March 2017", "28 February – 2 March 2017", "30 December 2016 – 2 January 2017".
pub fn day_range_words(from: Day, to: Day) -> String {
    let (a, b) = (from.to_civil(), to.to_civil());
    match (a.year == b.year, a.month == b.month, a.day == b.day) {
        (true, true, true) => format!("{} {} {}", a.day, month_name(a.month), a.year),
        (true, true, false) => format!("{}–{} {} {}", a.day, b.day, month_name(a.month), a.year),
        (true, false, _) => format!("{} {} – {} {} {}", a.day, month_name(a.month), b.day, month_name(b.month), b.year),
        _ => format!("{} {} {} – {} {} {}", a.day, month_name(a.month), a.year, b.day, month_name(b.month), b.year),
    }
}

/// Chronological order under uncertainty: by earliest possible day, then by latest, so that a
/// date known to the month comes before the days within it and after the month before.
pub fn chronological(a: &EventDate, b: &EventDate) -> Ordering {
    chronological_key(a).cmp(&chronological_key(b))
}

/// What [`chronological`] orders by, to sort many dates by key: the earliest day, then the
/// latest day, later first.
pub fn chronological_key(date: &EventDate) -> (Day, Reverse<Day>) {
    let (start, end) = date.span();
    (start, Reverse(end))
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn dates_of(edtf: &Edtf) -> Vec<Date> {
    match edtf {
        Edtf::Date(d) => vec![*d],
        Edtf::DateTime(dt) => vec![dt.date],
        Edtf::Interval(iv) => [iv.start, iv.end].iter().filter_map(endpoint_date).collect(),
        Edtf::Set(set) => set
            .elements
            .iter()
            .flat_map(|e| match e {
                SetElement::Date(d) | SetElement::OnOrBefore(d) | SetElement::OnOrAfter(d) => {
                    vec![*d]
                }
                SetElement::Range(a, b) => vec![*a, *b],
            })
            .collect(),
    }
}

fn endpoint_date(endpoint: &IntervalEndpoint) -> Option<Date> {
    match endpoint {
        IntervalEndpoint::Date(d) | IntervalEndpoint::OnOrBefore(d) | IntervalEndpoint::OnOrAfter(d) => {
            Some(*d)
        }
        IntervalEndpoint::Open | IntervalEndpoint::Unknown => None,
    }
}

fn date_precision(date: &Date) -> DatePrecision {
    if date.year.has_unspecified() {
        return DatePrecision::Decade;
    }
    let masked = date.month.is_some_and(|m| m.has_unspecified());
    match date.precision() {
        _ if masked => DatePrecision::Year,
        Precision::Day if date.day.is_some_and(|d| d.has_unspecified()) => DatePrecision::Month,
        Precision::Day => DatePrecision::Day,
        Precision::Month => DatePrecision::Month,
        Precision::Season => DatePrecision::Season,
        Precision::Year => DatePrecision::Year,
    }
}

/// The parts of a date that are fully specified, as numbers.
fn parts(date: &Date) -> (Option<i32>, Option<u8>, Option<u8>) {
    let year = date.year.value().and_then(|y| i32::try_from(y).ok());
    let month = date.month.and_then(|m| m.value());
    let day = date.day.and_then(|d| d.value());
    (year, month, day)
}

fn human_date(date: &Date) -> String {
    if date.has_unspecified() {
        return human_bounds(date);
    }
    match parts(date) {
        (Some(y), Some(m @ 1..=12), Some(d)) => format!("{d} {} {y}", month_name(m)),
        (Some(y), Some(m @ 1..=12), None) => format!("{} {y}", month_name(m)),
        (Some(y), Some(code @ 21..=41), None) => format!("{} {y}", season_name(code)),
        (Some(y), None, None) => y.to_string(),
        _ => human_bounds(date),
    }
}

/// Fallback wording for dates with unspecified digits: the range they denote.
fn human_bounds(date: &Date) -> String {
    let bounds = Edtf::Date(*date).bounds();
    match (bound_day(bounds.earliest), bound_day(bounds.latest)) {
        (Some(e), Some(l)) if e.to_civil().year == l.to_civil().year => {
            format!("some time in {}", e.to_civil().year)
        }
        (Some(e), Some(l)) => format!("between {} and {}", e.to_civil().year, l.to_civil().year),
        _ => Edtf::Date(*date).to_string(),
    }
}

fn season_name(code: u8) -> &'static str {
    match code {
        21 | 25 | 29 => "spring",
        22 | 26 | 30 => "summer",
        23 | 27 | 31 => "autumn",
        24 | 28 | 32 => "winter",
        33 => "first quarter of",
        34 => "second quarter of",
        35 => "third quarter of",
        36 => "fourth quarter of",
        37 => "first third of",
        38 => "second third of",
        39 => "last third of",
        40 => "first half of",
        _ => "second half of",
    }
}

fn human_interval(start: &IntervalEndpoint, end: &IntervalEndpoint) -> String {
    match (endpoint_date(start), endpoint_date(end)) {
        (Some(a), Some(b)) => human_range(&a, &b),
        (Some(a), None) if matches!(end, IntervalEndpoint::Open) => {
            format!("from {} onwards", human_date(&a))
        }
        (Some(a), None) => format!("from {} (end unknown)", human_date(&a)),
        (None, Some(b)) if matches!(start, IntervalEndpoint::Open) => {
            format!("until {}", human_date(&b))
        }
        (None, Some(b)) => format!("until {} (start unknown)", human_date(&b)),
        (None, None) => "at an unknown time".to_string(),
    }
}

/// Two dates as one range, sharing what they share: "1–2 March 2017", "late August 2016",
/// "28 February – 2 March 2017", "May 2015 – March 2016".
fn human_range(a: &Date, b: &Date) -> String {
    match (parts(a), parts(b)) {
        ((Some(ya), Some(ma @ 1..=12), Some(da)), (Some(yb), Some(mb), Some(db))) if ya == yb => {
            if ma == mb {
                let last = days_in_month(ya, ma);
                let part = match (da, db) {
                    (1, 31) | (1, 30) | (1, 29) | (1, 28) if db == last => {
                        return format!("{} {ya}", month_name(ma))
                    }
                    (1, 10) => Some("early"),
                    (11, 20) => Some("mid"),
                    (21, _) if db == last => Some("late"),
                    _ => None,
                };
                match part {
                    Some(part) => format!("{part} {} {ya}", month_name(ma)),
                    None if da == db => format!("{da} {} {ya}", month_name(ma)),
                    None => format!("{da}–{db} {} {ya}", month_name(ma)),
                }
            } else {
                format!("{da} {} – {db} {} {ya}", month_name(ma), month_name(mb))
            }
        }
        ((Some(ya), Some(ma @ 1..=12), None), (Some(yb), Some(mb @ 1..=12), None)) if ya == yb => {
            format!("{} – {} {ya}", month_name(ma), month_name(mb))
        }
        _ => format!("{} – {}", human_date(a), human_date(b)),
    }
}

fn human_set(kind: SetKind, elements: &[SetElement]) -> String {
    let words: Vec<String> = elements
        .iter()
        .map(|e| match e {
            SetElement::Date(d) => human_date(d),
            SetElement::OnOrBefore(d) => format!("on or before {}", human_date(d)),
            SetElement::OnOrAfter(d) => format!("on or after {}", human_date(d)),
            SetElement::Range(a, b) => human_range(a, b),
        })
        .collect();
    match (kind, words.as_slice()) {
        (_, [one]) => one.clone(),
        (SetKind::OneMember, many) => format!("one of {}", many.join(", ")),
        (SetKind::AllMembers, many) => many.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        let p: Vec<i32> = text.split('-').map(|s| s.parse().unwrap()).collect();
        Day::from_civil(CivilDate { year: p[0], month: p[1] as u8, day: p[2] as u8 }).unwrap()
    }

    /// Every plain date reads as edtf-core reads it, with the same bounds, and whatever
    /// edtf-core refuses or reads otherwise is left to it.
    #[test]
    fn plain_dates_read_as_edtf_core_reads_them() {
        for common in ["2017", "2017-03", "2017-03-02", "2016-02-29"] {
            assert!(plain_date(common).is_some(), "{common} is read without edtf-core");
        }
        for other in ["2017-02-29", "2017-21", "2017-03-02~", "201X", "2017-00", "2017-03-00", "2017-13"] {
            assert!(plain_date(other).is_none(), "{other} is left to edtf-core");
        }
        let mut texts: Vec<String> = Vec::new();
        for year in (0..=9999).step_by(7).chain([0, 1, 1600, 1900, 1999, 2000, 2016, 2017, 2024, 2100, 9999]) {
            texts.push(format!("{year:04}"));
            for month in 0..=13 {
                texts.push(format!("{year:04}-{month:02}"));
                for day in [0, 1, 2, 27, 28, 29, 30, 31, 32] {
                    texts.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
        }
        let qualified: Vec<String> = texts.iter().flat_map(|t| ["~", "?", "%", "~~", "?~"].map(|q| format!("{t}{q}"))).collect();
        let intervals: Vec<String> = texts.iter().step_by(5).zip(texts.iter().skip(1).step_by(3)).map(|(a, b)| format!("{a}/{b}")).collect();
        texts.extend(qualified);
        texts.extend(intervals);
        texts.extend(
            ["201", "20177", "2017-3", "2017-03-2", "2017-21", "2017-03-02~", "-2017", "2017-0X", "201X", "2017-03-02T10:00:00", "2017/2018", "", "2017-03-021", "2017_03", "２０１７",
             "2018/2017", "2017-03-02/2017-03-01", "2017-03-02/2017-03-02", "2017-03/2017-03-01", "2017-03-31/2017-03", "2017~/2017?", "2017-03-02~/2017-03-05%",
             "2017/2018/2019", "/2017", "2017/", "../2017", "2017/..", "2017//2018", "2017-21/2018", "~2017", "2017-?03", "2017-03-02 ~", "2017-03-02/2017-03-02T10:00:00"]
                .map(String::from),
        );
        for text in &texts {
            assert_eq!(EventDate::parse(text), EventDate::parse_with_edtf_core(text), "{text}");
        }
    }

    proptest::proptest! {
        /// Any text shaped like a plain date reads as edtf-core reads it.
        #[test]
        fn texts_like_plain_dates_read_as_edtf_core_reads_them(text in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?") {
            proptest::prop_assert_eq!(EventDate::parse(&text), EventDate::parse_with_edtf_core(&text));
        }

        /// Any text shaped like an interval between plain dates, in order or not, reads as
        /// edtf-core reads it.
        #[test]
        fn texts_like_intervals_read_as_edtf_core_reads_them(
            text in "(19|20)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?[~?%]?/(19|20)[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?[~?%]?"
        ) {
            proptest::prop_assert_eq!(EventDate::parse(&text), EventDate::parse_with_edtf_core(&text));
        }

        /// Near misses of those shapes too.
        #[test]
        fn texts_near_simple_dates_read_as_edtf_core_reads_them(text in "[0-9]{1,5}([-/~?%.X][0-9X]{0,3}){0,5}[~?%/.]{0,2}") {
            proptest::prop_assert_eq!(EventDate::parse(&text), EventDate::parse_with_edtf_core(&text));
        }
    }

    fn check_human(edtf: &str, expected: &str) {
        let date = EventDate::parse(edtf).unwrap_or_else(|e| panic!("{edtf}: {e}"));
        assert_eq!(date.human(), expected, "human rendering of {edtf}");
    }

    #[test]
    fn machine_forms_are_never_firmer_than_the_date() {
        let machine = |edtf: &str| EventDate::parse(edtf).unwrap().machine().map(str::to_string);
        assert_eq!(machine("2017-03-02").as_deref(), Some("2017-03-02"));
        assert_eq!(machine("2016-12").as_deref(), Some("2016-12"));
        assert_eq!(machine("2015").as_deref(), Some("2015"));
        for vague in ["2011~", "2016?", "2016-XX", "201X", "2016-21", "[..2017-03-02]", "2016-08-21~/2016-08-31", "Y20000"] {
            assert_eq!(machine(vague), None, "{vague}");
        }
        let ends = |edtf: &str| {
            let date = EventDate::parse(edtf).unwrap();
            let (start, end) = date.machine_ends();
            (start.map(str::to_string), end.map(str::to_string))
        };
        assert_eq!(ends("2017-02~/2017-03-02"), (None, Some("2017-03-02".into())));
        assert_eq!(ends("2015-05/2016-03"), (Some("2015-05".into()), Some("2016-03".into())));
        assert_eq!(ends("2015-05/.."), (Some("2015-05".into()), None));
        assert_eq!(ends("2016-12"), (Some("2016-12".into()), None));
        assert_eq!(ends("2016~"), (None, None));
    }

    #[test]
    fn human_wording() {
        check_human("2017-03-02", "2 March 2017");
        check_human("2016-12", "December 2016");
        check_human("2015", "2015");
        check_human("2011~", "about 2011");
        check_human("2016?", "possibly 2016");
        check_human("2016%", "possibly about 2016");
        check_human("2016-08~", "about August 2016");
        check_human("2016-08-21~/2016-08-31", "about late August 2016");
        check_human("2016-08-01/2016-08-10", "early August 2016");
        check_human("2016-08-11/2016-08-20", "mid August 2016");
        check_human("2016-02-01/2016-02-29", "February 2016");
        check_human("2017-03-01/2017-03-02", "1–2 March 2017");
        check_human("2017-02-28/2017-03-02", "28 February – 2 March 2017");
        check_human("2017-02~/2017-03-02", "about February 2017 – 2 March 2017");
        check_human("2015-05/2016-03", "May 2015 – March 2016");
        check_human("2016-05/2016-07", "May – July 2016");
        check_human("2015-05/..", "from May 2015 onwards");
        check_human("2015-05/", "from May 2015 (end unknown)");
        check_human("../2017-03-02", "until 2 March 2017");
        check_human("[..2017-03-02]", "on or before 2 March 2017");
        check_human("[2016-12,2017-01]", "one of December 2016, January 2017");
        check_human("2016-21", "spring 2016");
        check_human("201X", "between 2010 and 2019");
        check_human("2016-XX", "some time in 2016");
    }

    fn check_bounds(edtf: &str, earliest: Option<&str>, latest: Option<&str>) {
        let date = EventDate::parse(edtf).unwrap();
        assert_eq!(date.earliest(), earliest.map(day), "earliest of {edtf}");
        assert_eq!(date.latest(), latest.map(day), "latest of {edtf}");
    }

    #[test]
    fn qualifiers_give_a_word_for_sentences_and_a_mark_for_the_axis() {
        let check = |text: &str, mark: &str| {
            let date = EventDate::parse(text).unwrap();
            assert_eq!(date.qualifier().mark(), mark, "{text}");
        };
        check("2017-03-02", "");
        check("2011~", "~");
        check("2016?", "?");
        check("2016%", "~?");
        check("2016-08-21~/2016-08-31", "~");
    }

    #[test]
    fn a_day_is_a_date_of_that_day() {
        for text in ["2017-03-02", "1970-01-01", "0999-12-31", "2016-02-29"] {
            let from_day = EventDate::from(day(text));
            let parsed = EventDate::parse(text).unwrap();
            assert_eq!(from_day.as_str(), text);
            assert_eq!((from_day.earliest(), from_day.latest()), (parsed.earliest(), parsed.latest()));
            assert_eq!(from_day.human(), parsed.human(), "{text}");
            assert_eq!((from_day.precision(), from_day.shape()), (DatePrecision::Day, DateShape::Point));
        }
    }

    #[test]
    fn day_ranges_in_words() {
        assert_eq!(day_range_words(day("2017-03-02"), day("2017-03-02")), "2 March 2017");
        assert_eq!(day_range_words(day("2017-03-01"), day("2017-03-03")), "1–3 March 2017");
        assert_eq!(day_range_words(day("2010-10-25"), day("2017-05-09")), "25 October 2010 – 9 May 2017");
    }

    #[test]
    fn bounds_cover_every_day_the_date_allows() {
        check_bounds("2017-03-02", Some("2017-03-02"), Some("2017-03-02"));
        check_bounds("2016-12", Some("2016-12-01"), Some("2016-12-31"));
        check_bounds("2016-02", Some("2016-02-01"), Some("2016-02-29"));
        check_bounds("2015", Some("2015-01-01"), Some("2015-12-31"));
        check_bounds("2016-08~", Some("2016-08-01"), Some("2016-08-31"));
        check_bounds("2017-02/2017-03-02", Some("2017-02-01"), Some("2017-03-02"));
        check_bounds("[..2017-03-02]", None, Some("2017-03-02"));
        check_bounds("2015-05/..", Some("2015-05-01"), None);
    }

    fn check_error(text: &str, expected: DateError) {
        assert_eq!(EventDate::parse(text), Err(expected), "{text}");
    }

    #[test]
    fn unusable_dates_are_refused_with_a_reason() {
        assert!(matches!(EventDate::parse("2016-13"), Err(DateError::NotEdtf(_))));
        assert!(matches!(EventDate::parse("yesterday"), Err(DateError::NotEdtf(_))));
        assert!(matches!(EventDate::parse(""), Err(DateError::NotEdtf(_))));
        check_error("Y17E10", DateError::Unbounded);
        assert!(matches!(EventDate::parse("../.."), Err(DateError::NotEdtf(_))));
        check_error("2017-03-02T10:00:00", DateError::HasTimeOfDay);
    }

    #[test]
    fn precision_and_shape() {
        let check = |text: &str, precision, shape| {
            let date = EventDate::parse(text).unwrap();
            assert_eq!((date.precision(), date.shape()), (precision, shape), "{text}");
        };
        check("2017-03-02", DatePrecision::Day, DateShape::Point);
        check("2017-03-02~", DatePrecision::Day, DateShape::Fuzzy);
        check("2016-12", DatePrecision::Month, DateShape::Fuzzy);
        check("2016-21", DatePrecision::Season, DateShape::Fuzzy);
        check("2015", DatePrecision::Year, DateShape::Fuzzy);
        check("201X", DatePrecision::Decade, DateShape::Fuzzy);
        check("2016-XX", DatePrecision::Year, DateShape::Fuzzy);
        check("2017-02/2017-03-02", DatePrecision::Month, DateShape::Interval);
    }

    #[test]
    fn chronological_order_puts_a_month_before_its_days_and_after_the_month_before() {
        let mut dates: Vec<EventDate> = ["2016-12-15", "2017", "2016-12", "2016-11-30", "[..2016-12-01]"]
            .iter()
            .map(|t| EventDate::parse(t).unwrap())
            .collect();
        dates.sort_by(chronological);
        let order: Vec<&str> = dates.iter().map(EventDate::as_str).collect();
        assert_eq!(order, ["2016-11-30", "2016-12", "[..2016-12-01]", "2016-12-15", "2017"]);
    }

    #[test]
    fn days_beyond_the_calendar_are_not_made_up() {
        assert_eq!(Day::from_civil(CivilDate { year: 2017, month: 2, day: 29 }), None);
        assert_eq!(Day::from_civil(CivilDate { year: 300_000, month: 1, day: 1 }), None);
        assert_eq!(days_in_month(300_000, 1), 0);
        assert_eq!(days_in_month(2016, 2), 29);
        assert_eq!(days_in_month(2017, 13), 0);
        // A year the calendar cannot hold places nothing, rather than somewhere wrong.
        assert_eq!(EventDate::parse("Y300000"), Err(DateError::Unbounded));
        // The ends of the calendar are where days beyond it are read.
        assert!(Day(i32::MAX).to_civil().year > 200_000);
        assert!(Day(i32::MIN).to_civil().year < -200_000);
    }

    #[test]
    fn day_numbers_round_trip_through_the_calendar() {
        assert_eq!(day("1970-01-01"), Day(0));
        assert_eq!(day("2000-03-01").to_civil(), CivilDate { year: 2000, month: 3, day: 1 });
        for n in (-800_000..800_000).step_by(997) {
            let civil = Day(n).to_civil();
            assert_eq!(Day::from_civil(civil), Some(Day(n)));
            assert!(civil.day >= 1 && civil.day <= days_in_month(civil.year, civil.month));
        }
    }
}
