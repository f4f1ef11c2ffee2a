//! A dataset as written: each record's fields as they were found in the JSON text, of whatever
//! JSON type, with the names of the fields no record of its kind has, and nothing checked yet.
//!
//! The reader ([`super::validate`]) checks these and reports every problem. Reading the text
//! straight into these records, rather than into a tree of `serde_json::Value`s first, keeps
//! the reading of a large file fast: strings stay borrowed from the text (an escaped one is the
//! only copy), no map of every object is built only to be taken apart again, and the lists
//! inside events are held together ([`Lists`]) rather than one allocation each.
//!
//! Reading here fails only where the text is not JSON, with serde_json's own message, exactly
//! as reading it into a `Value` would: every value goes through serde_json's `deserialize_any`,
//! as a `Value` does, so numbers and strings are parsed the same way and nesting deeper than
//! its limit (128) is refused the same way, even inside a field that is not used. A value of an
//! unexpected type is never an error here, only a [`JsonType`] kept for the reader to report.
//! Nothing else belongs in this module: which fields are required, what a valid id or date is,
//! and every other rule are the reader's.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::problem::JsonType;

/// A value as found: of the expected type, or the JSON type found instead.
pub type Found<T> = Result<T, JsonType>;

/// A field of a record: `None` where the record does not have it. Where a record names a
/// field twice, the last value is kept, as a JSON object's value would be.
pub type Field<T> = Option<Found<T>>;

/// A string from the text, borrowed from it unless it had escapes to undo.
pub type Text<'a> = Cow<'a, str>;

/// A list, each item as found.
pub type List<T> = Vec<Found<T>>;

/// The whole file, when it is a JSON object.
#[derive(Debug, Default)]
pub struct WrittenDataset<'a> {
    pub format: Field<Text<'a>>,
    pub title: Field<Text<'a>>,
    pub description: Field<Text<'a>>,
    pub documents: Field<List<WrittenDocument<'a>>>,
    pub sources: Field<List<WrittenSource<'a>>>,
    pub events: Field<List<WrittenEvent<'a>>>,
    pub unknown: Vec<Text<'a>>,
    /// The lists inside the events.
    pub lists: Lists<'a>,
}

/// The lists inside events, for every event at once: an event's claims and tags and a claim's
/// relays are [`Span`]s of these. A large file has lists in every event and claim; held in two
/// lists instead of one each, they cost a few allocations instead of several for every event,
/// and as many frees.
#[derive(Debug, Default)]
pub struct Lists<'a> {
    pub claims: Vec<Found<WrittenClaim<'a>>>,
    pub texts: Vec<Found<Text<'a>>>,
}

/// A list inside an event, as where its items are in [`Lists`].
pub type Span = Range<usize>;

impl<'a> Lists<'a> {
    /// The claims of a span.
    pub fn claims(&self, span: &Span) -> &[Found<WrittenClaim<'a>>] {
        self.claims.get(span.clone()).unwrap_or_default()
    }

    /// The strings of a span.
    pub fn texts(&self, span: &Span) -> &[Found<Text<'a>>] {
        self.texts.get(span.clone()).unwrap_or_default()
    }
}

/// One item of `documents`.
#[derive(Debug, Default)]
pub struct WrittenDocument<'a> {
    pub id: Field<Text<'a>>,
    pub title: Field<Text<'a>>,
    pub published: Field<Text<'a>>,
    pub publisher: Field<Text<'a>>,
    pub url: Field<Text<'a>>,
    pub kind: Field<Text<'a>>,
    pub unknown: Vec<Text<'a>>,
}

/// One item of `sources`.
#[derive(Debug, Default)]
pub struct WrittenSource<'a> {
    pub id: Field<Text<'a>>,
    pub name: Field<Text<'a>>,
    pub kind: Field<Text<'a>>,
    pub description: Field<Text<'a>>,
    pub party: Field<Text<'a>>,
    pub affiliation: Field<Text<'a>>,
    pub unknown: Vec<Text<'a>>,
}

/// One item of `events`.
#[derive(Debug, Default)]
pub struct WrittenEvent<'a> {
    pub id: Field<Text<'a>>,
    pub date: Field<Text<'a>>,
    pub title: Field<Text<'a>>,
    pub summary: Field<Text<'a>>,
    pub place: Field<Text<'a>>,
    /// Strings in [`Lists::texts`].
    pub tags: Field<Span>,
    pub control: Field<WrittenControl<'a>>,
    /// Claims in [`Lists::claims`].
    pub claims: Field<Span>,
    pub unknown: Vec<Text<'a>>,
}

/// An event's `control`.
#[derive(Debug, Default)]
pub struct WrittenControl<'a> {
    pub place: Field<Text<'a>>,
    pub holder: Field<Text<'a>>,
    pub unknown: Vec<Text<'a>>,
}

/// One item of an event's `claims`.
#[derive(Debug, Default)]
pub struct WrittenClaim<'a> {
    pub id: Field<Text<'a>>,
    pub text: Field<Text<'a>>,
    pub quote: Field<Text<'a>>,
    pub by: Field<Text<'a>>,
    /// Strings in [`Lists::texts`].
    pub via: Field<Span>,
    /// `in` in the file.
    pub document: Field<Text<'a>>,
    pub locator: Field<Text<'a>>,
    pub stance: Field<Text<'a>>,
    pub unknown: Vec<Text<'a>>,
}

/// A record of the format: a JSON object with fields of its own.
pub trait WrittenRecord {
    /// The names of the fields this kind of record does not have, in the order written,
    /// repeated as often as they were.
    fn unknown_fields(&self) -> &[Text<'_>];
}

/// A record that other records name by its `id`.
pub trait WrittenWithId<'a>: WrittenRecord {
    fn id(&self) -> &Field<Text<'a>>;
}

/// The id of an item of a list, when it is an object whose `id` is a string (of any content).
pub fn id_of<'w, 'a, R: WrittenWithId<'a>>(item: &'w Found<R>) -> Option<&'w Text<'a>> {
    match item.as_ref().ok()?.id() {
        Some(Ok(id)) => Some(id),
        _ => None,
    }
}

impl<'a> WrittenDataset<'a> {
    /// Reads JSON text as a dataset; `Err` with serde_json's error only where the text is not
    /// JSON. This is what `serde_json::from_str` does, with the dataset's own visitor.
    pub fn read(text: &'a str) -> Result<Found<WrittenDataset<'a>>, serde_json::Error> {
        let mut json = serde_json::Deserializer::from_str(text);
        let dataset = (&mut json).deserialize_any(AnyValueVisitor(DatasetReading))?;
        json.end()?;
        Ok(dataset)
    }
}

/// Reading the dataset's object, the lists inside its events into [`Lists`].
struct DatasetReading;

impl<'a> Reading<'a> for DatasetReading {
    type Read = WrittenDataset<'a>;

    fn object<A: MapAccess<'a>>(self, mut object: A) -> Result<Option<WrittenDataset<'a>>, A::Error> {
        let mut dataset = WrittenDataset::default();
        let lists = &mut dataset.lists;
        while let Some(FieldName(name)) = object.next_key()? {
            match &*name {
                "format" => dataset.format = Some(object.next_value::<AnyValue<_>>()?.0),
                "title" => dataset.title = Some(object.next_value::<AnyValue<_>>()?.0),
                "description" => dataset.description = Some(object.next_value::<AnyValue<_>>()?.0),
                "documents" => dataset.documents = Some(object.next_value::<AnyValue<_>>()?.0),
                "sources" => dataset.sources = Some(object.next_value::<AnyValue<_>>()?.0),
                "events" => dataset.events = Some(object.next_value_seed(Seed(EventsReading(&mut *lists)))?),
                _ => {
                    object.next_value::<AnyValue<Unused>>()?;
                    dataset.unknown.push(name);
                }
            }
        }
        Ok(Some(dataset))
    }
}

/// Reading the `events` list, the lists inside them into [`Lists`].
struct EventsReading<'l, 'a>(&'l mut Lists<'a>);

impl<'a> Reading<'a> for EventsReading<'_, 'a> {
    type Read = List<WrittenEvent<'a>>;

    fn list<A: SeqAccess<'a>>(self, mut list: A) -> Result<Option<List<WrittenEvent<'a>>>, A::Error> {
        let lists = self.0;
        let mut events = Vec::new();
        while let Some(event) = list.next_element_seed(Seed(EventReading(&mut *lists)))? {
            events.push(event);
        }
        Ok(Some(events))
    }
}

/// Reading an event, its lists into [`Lists`].
struct EventReading<'l, 'a>(&'l mut Lists<'a>);

impl<'a> Reading<'a> for EventReading<'_, 'a> {
    type Read = WrittenEvent<'a>;

    fn object<A: MapAccess<'a>>(self, mut object: A) -> Result<Option<WrittenEvent<'a>>, A::Error> {
        let lists = self.0;
        let mut event = WrittenEvent::default();
        while let Some(FieldName(name)) = object.next_key()? {
            match &*name {
                "id" => event.id = Some(object.next_value::<AnyValue<_>>()?.0),
                "date" => event.date = Some(object.next_value::<AnyValue<_>>()?.0),
                "title" => event.title = Some(object.next_value::<AnyValue<_>>()?.0),
                "summary" => event.summary = Some(object.next_value::<AnyValue<_>>()?.0),
                "place" => event.place = Some(object.next_value::<AnyValue<_>>()?.0),
                "tags" => event.tags = Some(object.next_value_seed(Seed(TextsReading(&mut *lists)))?),
                "control" => event.control = Some(object.next_value::<AnyValue<_>>()?.0),
                "claims" => event.claims = Some(object.next_value_seed(Seed(ClaimsReading(&mut *lists)))?),
                _ => {
                    object.next_value::<AnyValue<Unused>>()?;
                    event.unknown.push(name);
                }
            }
        }
        Ok(Some(event))
    }
}

/// Reading a claim, its relays into [`Lists`].
struct ClaimReading<'l, 'a>(&'l mut Lists<'a>);

impl<'a> Reading<'a> for ClaimReading<'_, 'a> {
    type Read = WrittenClaim<'a>;

    fn object<A: MapAccess<'a>>(self, mut object: A) -> Result<Option<WrittenClaim<'a>>, A::Error> {
        let lists = self.0;
        let mut claim = WrittenClaim::default();
        while let Some(FieldName(name)) = object.next_key()? {
            match &*name {
                "id" => claim.id = Some(object.next_value::<AnyValue<_>>()?.0),
                "text" => claim.text = Some(object.next_value::<AnyValue<_>>()?.0),
                "quote" => claim.quote = Some(object.next_value::<AnyValue<_>>()?.0),
                "by" => claim.by = Some(object.next_value::<AnyValue<_>>()?.0),
                "via" => claim.via = Some(object.next_value_seed(Seed(TextsReading(&mut *lists)))?),
                "in" => claim.document = Some(object.next_value::<AnyValue<_>>()?.0),
                "locator" => claim.locator = Some(object.next_value::<AnyValue<_>>()?.0),
                "stance" => claim.stance = Some(object.next_value::<AnyValue<_>>()?.0),
                _ => {
                    object.next_value::<AnyValue<Unused>>()?;
                    claim.unknown.push(name);
                }
            }
        }
        Ok(Some(claim))
    }
}

/// Reading a list of claims into [`Lists::claims`].
struct ClaimsReading<'l, 'a>(&'l mut Lists<'a>);

impl<'a> Reading<'a> for ClaimsReading<'_, 'a> {
    type Read = Span;

    fn list<A: SeqAccess<'a>>(self, mut list: A) -> Result<Option<Span>, A::Error> {
        let lists = self.0;
        let start = lists.claims.len();
        while let Some(claim) = list.next_element_seed(Seed(ClaimReading(&mut *lists)))? {
            lists.claims.push(claim);
        }
        Ok(Some(start..lists.claims.len()))
    }
}

/// Reading a list of strings into [`Lists::texts`].
struct TextsReading<'l, 'a>(&'l mut Lists<'a>);

impl<'a> Reading<'a> for TextsReading<'_, 'a> {
    type Read = Span;

    fn list<A: SeqAccess<'a>>(self, mut list: A) -> Result<Option<Span>, A::Error> {
        let lists = self.0;
        let start = lists.texts.len();
        while let Some(AnyValue(text)) = list.next_element()? {
            lists.texts.push(text);
        }
        Ok(Some(start..lists.texts.len()))
    }
}

/// The records read without [`Lists`]: each field known by its name in the file.
macro_rules! records {
    ($($record:ident { $($name:literal => $field:ident,)* })*) => {$(
        impl<'de> Shape<'de> for $record<'de> {
            fn from_object<A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
                let mut record = $record::default();
                while let Some(FieldName(name)) = object.next_key()? {
                    match &*name {
                        $($name => record.$field = Some(object.next_value::<AnyValue<_>>()?.0),)*
                        _ => {
                            object.next_value::<AnyValue<Unused>>()?;
                            record.unknown.push(name);
                        }
                    }
                }
                Ok(Some(record))
            }
        }
    )*};
}

records! {
    WrittenDocument {
        "id" => id, "title" => title, "published" => published, "publisher" => publisher, "url" => url, "kind" => kind,
    }
    WrittenSource {
        "id" => id, "name" => name, "kind" => kind, "description" => description, "party" => party,
        "affiliation" => affiliation,
    }
    WrittenControl {
        "place" => place, "holder" => holder,
    }
}

macro_rules! written_records {
    ($($record:ident)*) => {$(
        impl WrittenRecord for $record<'_> {
            fn unknown_fields(&self) -> &[Text<'_>] {
                &self.unknown
            }
        }
    )*};
}

written_records!(WrittenDataset WrittenDocument WrittenSource WrittenEvent WrittenControl WrittenClaim);

macro_rules! with_ids {
    ($($record:ident)*) => {$(
        impl<'a> WrittenWithId<'a> for $record<'a> {
            fn id(&self) -> &Field<Text<'a>> {
                &self.id
            }
        }
    )*};
}

with_ids!(WrittenDocument WrittenSource WrittenEvent WrittenClaim);

/// What a JSON value of the expected type is read into. Each method answers `None` for a value
/// of another type, having read the whole of it.
trait Shape<'de>: Sized {
    fn from_text(text: Text<'de>) -> Option<Self> {
        let _ = text;
        None
    }

    fn from_list<A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        while list.next_element::<AnyValue<Unused>>()?.is_some() {}
        Ok(None)
    }

    fn from_object<A: MapAccess<'de>>(mut object: A) -> Result<Option<Self>, A::Error> {
        while object.next_key::<AnyValue<Unused>>()?.is_some() {
            object.next_value::<AnyValue<Unused>>()?;
        }
        Ok(None)
    }
}

impl<'de> Shape<'de> for Text<'de> {
    fn from_text(text: Text<'de>) -> Option<Self> {
        Some(text)
    }
}

impl<'de, T: Shape<'de>> Shape<'de> for List<T> {
    fn from_list<A: SeqAccess<'de>>(mut list: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::with_capacity(list.size_hint().unwrap_or(0));
        while let Some(AnyValue(item)) = list.next_element()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

/// The value of a field no record has, or inside a value of an unexpected type: read, so that
/// the text is checked as JSON, and dropped.
enum Unused {}

impl Shape<'_> for Unused {}

/// A way to read a JSON value of the expected type, which may carry what the reading needs
/// (the [`Lists`] an event's lists go into); a [`Shape`] needs nothing. Each method answers `None` for a value of
/// another type, having read the whole of it.
trait Reading<'de>: Sized {
    type Read;

    fn text(self, text: Text<'de>) -> Option<Self::Read> {
        let _ = text;
        None
    }

    fn list<A: SeqAccess<'de>>(self, list: A) -> Result<Option<Self::Read>, A::Error> {
        Unused::from_list(list).map(|_| None)
    }

    fn object<A: MapAccess<'de>>(self, object: A) -> Result<Option<Self::Read>, A::Error> {
        Unused::from_object(object).map(|_| None)
    }
}

impl<'de, T: Shape<'de>> Reading<'de> for PhantomData<T> {
    type Read = T;

    fn text(self, text: Text<'de>) -> Option<T> {
        T::from_text(text)
    }

    fn list<A: SeqAccess<'de>>(self, list: A) -> Result<Option<T>, A::Error> {
        T::from_list(list)
    }

    fn object<A: MapAccess<'de>>(self, object: A) -> Result<Option<T>, A::Error> {
        T::from_object(object)
    }
}

/// Any JSON value, read as a `T` where it has the type a `T` is read from.
struct AnyValue<T>(Found<T>);

impl<'de, T: Shape<'de>> Deserialize<'de> for AnyValue<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnyValueVisitor(PhantomData::<T>)).map(AnyValue)
    }
}

/// Any JSON value, read in a [`Reading`] that carries state.
struct Seed<R>(R);

impl<'de, R: Reading<'de>> DeserializeSeed<'de> for Seed<R> {
    type Value = Found<R::Read>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(AnyValueVisitor(self.0))
    }
}

/// Every JSON value goes through this, through serde_json's `deserialize_any`, as it would to
/// become a `serde_json::Value`.
struct AnyValueVisitor<R>(R);

impl<'de, R: Reading<'de>> AnyValueVisitor<R> {
    fn text<E>(self, text: Text<'de>) -> Result<Found<R::Read>, E> {
        Ok(self.0.text(text).ok_or(JsonType::String))
    }
}

impl<'de, R: Reading<'de>> Visitor<'de> for AnyValueVisitor<R> {
    type Value = Found<R::Read>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Null))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Null))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Boolean))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Number))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Number))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(JsonType::Number))
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        self.text(Cow::Borrowed(text))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        self.text(Cow::Owned(text.to_string()))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        self.text(Cow::Owned(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, list: A) -> Result<Self::Value, A::Error> {
        Ok(self.0.list(list)?.ok_or(JsonType::List))
    }

    fn visit_map<A: MapAccess<'de>>(self, object: A) -> Result<Self::Value, A::Error> {
        Ok(self.0.object(object)?.ok_or(JsonType::Object))
    }
}

/// The name of a field: JSON names are always strings.
struct FieldName<'de>(Text<'de>);

impl<'de> Deserialize<'de> for FieldName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(FieldNameVisitor)
    }
}

struct FieldNameVisitor;

impl<'de> Visitor<'de> for FieldNameVisitor {
    type Value = FieldName<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Borrowed(name)))
    }

    fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Owned(name.to_string())))
    }

    fn visit_string<E>(self, name: String) -> Result<Self::Value, E> {
        Ok(FieldName(Cow::Owned(name)))
    }
}
