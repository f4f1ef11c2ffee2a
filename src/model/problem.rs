//! What can be wrong with a dataset, as data: a [`ProblemKind`] says what, a [`Problem`] adds
//! where, and the sentence a dataset author reads is derived from the kind.
//!
//! Keeping the kind typed lets tests and callers match on what went wrong instead of on English,
//! while the wording lives in one place, [`ProblemKind`]'s `Display`. The sentences are shown by
//! the `validate` command, the build guard and the app's failure page, so they change only on
//! purpose. Finding the problems is the reader's job ([`super::validate`]), not this module's.

use std::fmt;

use super::dataset::FORMAT;
use super::date::{DateError, Day};
use super::ids::{ends_in_html, MAX_ID_LEN, SITE_NAMES};

/// One thing wrong with a dataset: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path from the top of the file, such as `events[3].claims[1].via[0]`; empty for
    /// the file as a whole.
    pub path: String,
    /// What is wrong there.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at `path` (empty for the file as a whole).
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind }
    }

    /// Where it is, for a list of problems: the JSON path, or "(the file)" for the file as a
    /// whole.
    pub fn place(&self) -> &str {
        if self.path.is_empty() { "(the file)" } else { &self.path }
    }

    /// Why it is a problem, as a sentence for the dataset author, without the path.
    pub fn reason(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for Problem {
    /// `path: reason`, or the reason alone for the file as a whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// The type of a JSON value, as a dataset author would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    Null,
    Boolean,
    Number,
    String,
    List,
    Object,
}

impl fmt::Display for JsonType {
    /// "null", "true or false", "a number", "a string", "a list", "an object".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonType::Null => "null",
            JsonType::Boolean => "true or false",
            JsonType::Number => "a number",
            JsonType::String => "a string",
            JsonType::List => "a list",
            JsonType::Object => "an object",
        })
    }
}

/// The kinds of record in a dataset that carry an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    Document,
    Source,
    Event,
    Claim,
}

impl fmt::Display for Record {
    /// The record's name in the format: "document", "source", "event", "claim".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Record::Document => "document",
            Record::Source => "source",
            Record::Event => "event",
            Record::Claim => "claim",
        })
    }
}

/// What is wrong, without where. Values from the file are kept whole; they are shortened only
/// when worded, so that a huge string does not flood a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is larger than the reader accepts, in bytes.
    TooLarge { max_bytes: usize },
    /// The file is not JSON, with serde_json's description of why.
    NotJson(String),
    /// A value has the wrong JSON type.
    WrongType { expected: JsonType, found: JsonType },
    /// A string is empty or only whitespace.
    Empty,
    /// An object has a field its kind does not accept; these are the fields it does.
    UnknownField { accepted: &'static [&'static str] },
    /// An object lacks a required field, named here.
    MissingField(&'static str),
    /// A claim lacks `by`: it says nothing about who originated it.
    MissingOriginator,
    /// An id is not a URL-safe slug (see [`super::ids::is_slug`]).
    NotSlug(String),
    /// A date field is not a usable event date.
    BadDate { text: String, error: DateError },
    /// A `url` is not an `http:` or `https:` address.
    NotWebUrl(String),
    /// An id repeats one declared earlier in the same list, whose path is `first`.
    DuplicateId { record: Record, id: String, first: String },
    /// An event's id is a name the site gives one of its own files ([`super::ids::is_site_name`]),
    /// so the event could have no page of its own.
    SiteName(String),
    /// An event's id differs from an earlier event's, whose path is `first`, only in case: on
    /// disks and hosts that ignore case their pages would be one file.
    SamePage { id: String, other: String, first: String },
    /// A claim names a source id no source declares.
    UnknownSource(String),
    /// A claim names a document id no document declares.
    UnknownDocument(String),
    /// The `format` is not [`FORMAT`].
    UnknownFormat(String),
    /// An event has an empty list of claims.
    NoClaims,
    /// A source relays a claim it originated.
    RelayIsOriginator(String),
    /// A source appears twice in a relay chain.
    RelayRepeated(String),
    /// An event lists the same tag twice.
    RepeatedTag(String),
    /// A source's affiliation names no declared source.
    UnknownAffiliation(String),
    /// A source names itself as its affiliation.
    SelfAffiliation,
    /// A source's affiliation is itself affiliated to another source.
    NestedAffiliation(String),
    /// A claim cites a document published (at the latest on `published_by`) before the
    /// earliest day its event could have begun.
    PublishedBeforeEvent { document: String, published_by: Day, event_starts: Day },
    /// A claim's `stance` is not one of the three stances.
    BadStance(String),
    /// An event is left out because it cites a source that has problems of its own.
    CitesUnusableSource(String),
    /// An event is left out because it cites a document that has problems of its own.
    CitesUnusableDocument(String),
    /// A problem found by the reader in its Web Worker, as it worded it: only the sentence
    /// crosses from the worker to the page, which shows nothing else of a problem.
    Worded(String),
}

impl fmt::Display for ProblemKind {
    /// The sentence a dataset author reads after the path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Worded(sentence) => f.write_str(sentence),
            ProblemKind::TooLarge { max_bytes } => {
                write!(f, "is larger than {} MB, the most this app reads", max_bytes / (1024 * 1024))
            }
            ProblemKind::NotJson(error) => write!(f, "is not valid JSON: {error}"),
            ProblemKind::WrongType { expected, found } => write!(f, "must be {expected}, found {found}"),
            ProblemKind::Empty => f.write_str("must not be empty"),
            ProblemKind::UnknownField { accepted } => {
                write!(f, "is not a field here (expected one of: {})", accepted.join(", "))
            }
            ProblemKind::MissingField(field) => write!(f, "is missing the required field `{field}`"),
            ProblemKind::MissingOriginator => {
                f.write_str("is missing the required field `by`: every claim is attributed")
            }
            ProblemKind::NotSlug(id) => write!(
                f,
                "{} is not a URL-safe id: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most {MAX_ID_LEN} characters",
                Shown(id)
            ),
            ProblemKind::BadDate { text, error } => write!(f, "date {} {error}", Shown(text)),
            ProblemKind::NotWebUrl(url) => {
                write!(f, "{} is not a web address: only http:// and https:// links are allowed", Shown(url))
            }
            ProblemKind::DuplicateId { record, id, first } => {
                write!(f, "duplicate {record} id {} (first used at {first})", Shown(id))
            }
            ProblemKind::SiteName(id) if ends_in_html(id) => write!(
                f,
                "{} cannot be an event's id: its page's address without `.html` would be another page's; give the event another id",
                Shown(id)
            ),
            ProblemKind::SiteName(id) => write!(
                f,
                "{} cannot be an event's id: its page would take the name of one of the site's own files ({}, in any case); give the event another id",
                Shown(id),
                SITE_NAMES.join(", ")
            ),
            ProblemKind::SamePage { id, other, first } => write!(
                f,
                "{} differs from the event id {} (at {first}) only in case, and where case is ignored their pages would be one file; give one of them another id",
                Shown(id),
                Shown(other)
            ),
            ProblemKind::UnknownSource(id) | ProblemKind::UnknownAffiliation(id) => {
                write!(f, "unknown source id {}", Shown(id))
            }
            ProblemKind::UnknownDocument(id) => write!(f, "unknown document id {}", Shown(id)),
            ProblemKind::UnknownFormat(format) => {
                write!(f, "{} is not a format this app reads (expected `{FORMAT}`)", Shown(format))
            }
            ProblemKind::NoClaims => f.write_str("an event needs at least one claim: who says it happened?"),
            ProblemKind::RelayIsOriginator(id) => {
                write!(f, "{} originated the claim; it cannot also relay it", Shown(id))
            }
            ProblemKind::RelayRepeated(id) => write!(f, "{} already relays this claim earlier in the chain", Shown(id)),
            ProblemKind::RepeatedTag(tag) => write!(f, "repeats the tag {}", Shown(tag)),
            ProblemKind::SelfAffiliation => f.write_str("a source cannot be its own affiliation"),
            ProblemKind::NestedAffiliation(id) => write!(
                f,
                "{} is itself affiliated to another source; name the organisation at the top",
                Shown(id)
            ),
            ProblemKind::PublishedBeforeEvent { document, published_by, event_starts } => write!(
                f,
                "document {} was published by {published_by}, before the event's earliest possible day, {event_starts}",
                Shown(document)
            ),
            ProblemKind::BadStance(word) => {
                write!(f, "{} is not a stance: use supports, qualifies or disputes", Shown(word))
            }
            ProblemKind::CitesUnusableSource(id) => {
                write!(f, "left out: it cites source {}, which has problems of its own", Shown(id))
            }
            ProblemKind::CitesUnusableDocument(id) => {
                write!(f, "left out: it cites document {}, which has problems of its own", Shown(id))
            }
        }
    }
}

/// A value from the file quoted back to its author in backticks, cut after
/// [`Shown::MAX_CHARS`] characters so that a huge string does not flood a report.
struct Shown<'a>(&'a str);

impl Shown<'_> {
    const MAX_CHARS: usize = 60;
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(Self::MAX_CHARS) {
            Some((cut, _)) => write!(f, "`{}…`", &self.0[..cut]),
            None => write!(f, "`{}`", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::EventDate;

    /// One named test per sentence shape: the kind, worded, is exactly this sentence.
    macro_rules! wording {
        ($name:ident, $kind:expr, $sentence:expr) => {
            #[test]
            fn $name() {
                assert_eq!($kind.to_string(), $sentence);
            }
        };
    }

    fn day(text: &str) -> Day {
        EventDate::parse(text).unwrap().anchor()
    }

    wording!(too_large, ProblemKind::TooLarge { max_bytes: 50 * 1024 * 1024 }, "is larger than 50 MB, the most this app reads");
    wording!(
        not_json,
        ProblemKind::NotJson("expected value at line 1 column 1".into()),
        "is not valid JSON: expected value at line 1 column 1"
    );
    wording!(
        wrong_type,
        ProblemKind::WrongType { expected: JsonType::String, found: JsonType::Number },
        "must be a string, found a number"
    );
    wording!(
        wrong_type_names_every_json_type,
        [JsonType::Null, JsonType::Boolean, JsonType::Number, JsonType::String, JsonType::List, JsonType::Object]
            .map(|found| ProblemKind::WrongType { expected: JsonType::Object, found }.to_string())
            .join("; "),
        "must be an object, found null; must be an object, found true or false; must be an object, found a number; \
         must be an object, found a string; must be an object, found a list; must be an object, found an object"
    );
    wording!(empty, ProblemKind::Empty, "must not be empty");
    wording!(
        unknown_field,
        ProblemKind::UnknownField { accepted: &["place", "holder"] },
        "is not a field here (expected one of: place, holder)"
    );
    wording!(missing_field, ProblemKind::MissingField("title"), "is missing the required field `title`");
    wording!(
        missing_originator,
        ProblemKind::MissingOriginator,
        "is missing the required field `by`: every claim is attributed"
    );
    wording!(
        not_slug,
        ProblemKind::NotSlug("has space".into()),
        "`has space` is not a URL-safe id: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, at most 64 characters"
    );
    wording!(
        bad_date,
        ProblemKind::BadDate { text: "2016-13".into(), error: DateError::NotEdtf("month must be 01-12".into()) },
        "date `2016-13` is not an EDTF date (month must be 01-12)"
    );
    wording!(
        bad_date_with_time_of_day,
        ProblemKind::BadDate { text: "2017-03-02T10:00".into(), error: DateError::HasTimeOfDay },
        "date `2017-03-02T10:00` has a time of day; write the date alone, to the day at most"
    );
    wording!(
        not_web_url,
        ProblemKind::NotWebUrl("javascript:alert(1)".into()),
        "`javascript:alert(1)` is not a web address: only http:// and https:// links are allowed"
    );
    wording!(
        site_name,
        ProblemKind::SiteName("Index".into()),
        "`Index` cannot be an event's id: its page would take the name of one of the site's own files (index, 404, sw, register-sw, embed, manifest, sitemap, preview, previews, icon, icon-192, icon-512, in any case); give the event another id"
    );
    wording!(
        site_name_html,
        ProblemKind::SiteName("a.html".into()),
        "`a.html` cannot be an event's id: its page's address without `.html` would be another page's; give the event another id"
    );
    wording!(
        same_page,
        ProblemKind::SamePage { id: "INDEX-2".into(), other: "index-2".into(), first: "events[0]".into() },
        "`INDEX-2` differs from the event id `index-2` (at events[0]) only in case, and where case is ignored their pages would be one file; give one of them another id"
    );
    wording!(
        duplicate_id,
        ProblemKind::DuplicateId { record: Record::Claim, id: "army".into(), first: "events[0].claims[0]".into() },
        "duplicate claim id `army` (first used at events[0].claims[0])"
    );
    wording!(
        duplicate_id_names_every_record,
        [Record::Document, Record::Source, Record::Event, Record::Claim].map(|r| r.to_string()).join(" "),
        "document source event claim"
    );
    wording!(unknown_source, ProblemKind::UnknownSource("sana2".into()), "unknown source id `sana2`");
    wording!(unknown_document, ProblemKind::UnknownDocument("nodoc".into()), "unknown document id `nodoc`");
    wording!(
        unknown_format,
        ProblemKind::UnknownFormat("sourceline/2".into()),
        "`sourceline/2` is not a format this app reads (expected `sourceline/1`)"
    );
    wording!(no_claims, ProblemKind::NoClaims, "an event needs at least one claim: who says it happened?");
    wording!(
        relay_is_originator,
        ProblemKind::RelayIsOriginator("army".into()),
        "`army` originated the claim; it cannot also relay it"
    );
    wording!(
        relay_repeated,
        ProblemKind::RelayRepeated("agency".into()),
        "`agency` already relays this claim earlier in the chain"
    );
    wording!(repeated_tag, ProblemKind::RepeatedTag("a".into()), "repeats the tag `a`");
    wording!(unknown_affiliation, ProblemKind::UnknownAffiliation("ghost".into()), "unknown source id `ghost`");
    wording!(self_affiliation, ProblemKind::SelfAffiliation, "a source cannot be its own affiliation");
    wording!(
        nested_affiliation,
        ProblemKind::NestedAffiliation("monitor".into()),
        "`monitor` is itself affiliated to another source; name the organisation at the top"
    );
    wording!(
        published_before_event,
        ProblemKind::PublishedBeforeEvent {
            document: "doc".into(),
            published_by: day("2017-03-02"),
            event_starts: day("2017-04-01")
        },
        "document `doc` was published by 2017-03-02, before the event's earliest possible day, 2017-04-01"
    );
    wording!(
        bad_stance,
        ProblemKind::BadStance("maybe".into()),
        "`maybe` is not a stance: use supports, qualifies or disputes"
    );
    wording!(
        cites_unusable_source,
        ProblemKind::CitesUnusableSource("agency".into()),
        "left out: it cites source `agency`, which has problems of its own"
    );
    wording!(
        cites_unusable_document,
        ProblemKind::CitesUnusableDocument("doc".into()),
        "left out: it cites document `doc`, which has problems of its own"
    );
    wording!(
        long_values_are_shortened_after_sixty_characters,
        ProblemKind::UnknownSource(format!("{}{}", "é".repeat(60), "tail")),
        format!("unknown source id `{}…`", "é".repeat(60))
    );
    wording!(
        values_of_sixty_characters_are_shown_whole,
        ProblemKind::UnknownSource("x".repeat(60)),
        format!("unknown source id `{}`", "x".repeat(60))
    );

    #[test]
    fn a_problem_reads_path_then_reason() {
        let problem = Problem::new("events[0].claims[0].via[0]", ProblemKind::UnknownSource("sana2".into()));
        assert_eq!(problem.to_string(), "events[0].claims[0].via[0]: unknown source id `sana2`");
        assert_eq!(problem.reason(), "unknown source id `sana2`");
        assert_eq!(problem.place(), "events[0].claims[0].via[0]");
    }

    #[test]
    fn a_problem_with_the_whole_file_reads_as_its_reason_alone() {
        let problem = Problem::new("", ProblemKind::MissingField("title"));
        assert_eq!(problem.to_string(), "is missing the required field `title`");
        assert_eq!(problem.reason(), problem.to_string());
        assert_eq!(problem.place(), "(the file)");
    }
}
