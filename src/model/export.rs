//! Taking the data out: the claims of the events in view as CSV, and a claim as a citation.
//!
//! Both are text for other programs and other documents, so every field is the dataset's own
//! words, unchanged, with one exception: a CSV field that a spreadsheet program would run as a
//! formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written after an
//! apostrophe, which those programs read as "this is text" and do not show.

use super::attribution::Attribution;
use super::date::Day;
use super::dataset::{Dataset, Event};

/// The columns of [`claims_csv`], one row per claim.
pub const CSV_COLUMNS: [&str; 15] = [
    "event_id",
    "event_date",
    "event_date_words",
    "event_title",
    "event_place",
    "claim_id",
    "originator_id",
    "originator",
    "relays",
    "document_id",
    "document",
    "locator",
    "stance",
    "claim",
    "quote",
];

/// The file name a download of the events in view gets: `palmyra-changes-hands-2011-2017.csv`.
pub fn file_name(dataset: &Dataset, extension: &str) -> String {
    let mut name = String::new();
    for c in dataset.title.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "sourceline" } else { name };
    format!("{name}.{extension}")
}

/// Every claim of `events`, a row each, in the order given and each event's claims in the
/// dataset's order, under a header of [`CSV_COLUMNS`] (RFC 4180: commas, `"` doubled inside
/// quoted fields, CRLF between records). Relays are named in the order they passed the claim
/// on, joined by `; `; the date is given as written (EDTF) and in words.
pub fn claims_csv<'a>(dataset: &Dataset, events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut csv = String::new();
    record(&mut csv, CSV_COLUMNS);
    let name = |id: &str| dataset.source(id).map_or_else(|| id.to_string(), |s| s.name.clone());
    for event in events {
        let date_words = event.date.human();
        for claim in &event.claims {
            let relays = claim.via.iter().map(|id| name(id)).collect::<Vec<_>>().join("; ");
            let document = dataset.document(&claim.document).map_or("", |d| d.title.as_str());
            record(
                &mut csv,
                [
                    event.id.as_str(),
                    event.date.as_str(),
                    &date_words,
                    &event.title,
                    event.place.as_deref().unwrap_or(""),
                    &claim.id,
                    &claim.by,
                    &name(&claim.by),
                    &relays,
                    &claim.document,
                    document,
                    claim.locator.as_deref().unwrap_or(""),
                    claim.stance.as_str(),
                    &claim.text,
                    claim.quote.as_deref().unwrap_or(""),
                ],
            );
        }
    }
    csv
}

fn record<'f>(csv: &mut String, fields: impl IntoIterator<Item = &'f str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if formula || field.contains([',', '"', '\n', '\r']) {
            csv.push('"');
            if formula {
                csv.push('\'');
            }
            csv.push_str(&field.replace('"', "\"\""));
            csv.push('"');
        } else {
            csv.push_str(field);
        }
    }
    csv.push_str("\r\n");
}

/// A claim cited as a reference: who said it, through whom, in which document and where in it,
/// the event it is about, and where and when it was read:
///
/// Syrian army, relayed by SANA: "The army says it has retaken the town." In “Syrian forces
/// recapture Palmyra once again”, 2 March 2017, paragraph 4. On the event “Syrian forces
/// recapture Palmyra” (2 March 2017). sourceline, https://example.org/palmyra/…, accessed
/// 27 November 2026.
///
/// `None` when the event has no claim of that id.
pub fn citation(dataset: &Dataset, event: &Event, claim: &str, address: &str, accessed: Day) -> Option<String> {
    let attribution = Attribution::of(dataset, event);
    let attributed = attribution.groups.iter().flat_map(|g| &g.claims).find(|c| c.claim.id == claim)?;
    let mut chain = attributed.chain.iter().map(|s| s.name.as_str());
    let mut text = chain.next().unwrap_or(&attributed.claim.by).to_string();
    let relays: Vec<&str> = chain.collect();
    if !relays.is_empty() {
        text.push_str(", relayed by ");
        text.push_str(&relays.join(", then "));
    }
    text.push_str(&format!(": \"{}\"", attributed.claim.text));
    if let Some(quote) = &attributed.claim.quote {
        text.push_str(&format!(" (in their words: \"{quote}\")"));
    }
    match attributed.document {
        Some(document) => text.push_str(&format!(" In “{}”{}.", document.title, attributed.document_details())),
        None => text.push('.'),
    }
    text.push_str(&format!(" On the event “{}” ({}).", event.title, event.date.human()));
    text.push_str(&format!(" {}, {address}, accessed {}.", super::catalog::SITE_NAME, super::date::day_range_words(accessed, accessed)));
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::CivilDate;
    use crate::model::fixtures;

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day::from_civil(CivilDate { year, month, day }).unwrap()
    }

    #[test]
    fn the_csv_has_a_row_per_claim_in_order_under_its_header() {
        let dataset = fixtures::palmyra();
        let events: Vec<&Event> = dataset.events.iter().filter(|e| e.place.as_deref() == Some("Palmyra")).collect();
        let csv = claims_csv(&dataset, events.iter().copied());
        let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let expected: Vec<(&str, &str)> =
            events.iter().flat_map(|e| e.claims.iter().map(|c| (e.id.as_str(), c.id.as_str()))).collect();
        assert_eq!(rows.iter().map(|r| (&r[0], &r[5])).collect::<Vec<_>>(), expected);
        let recaptured = rows.iter().find(|r| &r[0] == "palmyra-recaptured" && &r[5] == "army").unwrap();
        assert_eq!(&recaptured[1], "2017-03-02");
        assert_eq!(&recaptured[2], "2 March 2017");
        assert_eq!(&recaptured[7], "Syrian army");
        assert_eq!(&recaptured[8], "SANA");
        assert_eq!(&recaptured[10], "Syrian forces recapture Palmyra once again");
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn every_field_reads_back_as_written_except_a_formula() {
        let mut dataset = fixtures::small();
        let tricky = "Commas, \"quotes\",\nnew lines\r\nand ünïcödé";
        dataset.events[0].title = tricky.to_string();
        dataset.events[0].claims[0].text = "=HYPERLINK(\"https://example.org\")".to_string();
        dataset.events[0].claims[0].quote = Some("-1 and +2".to_string());
        let csv = claims_csv(&dataset, &dataset.events);
        let row = csv::Reader::from_reader(csv.as_bytes()).records().next().unwrap().unwrap();
        assert_eq!(&row[3], tricky);
        assert_eq!(&row[13], "'=HYPERLINK(\"https://example.org\")");
        assert_eq!(&row[14], "'-1 and +2");
    }

    #[test]
    fn a_download_is_named_for_its_dataset() {
        let mut dataset = fixtures::palmyra();
        assert_eq!(file_name(&dataset, "csv"), "palmyra-changes-hands-2011-2017.csv");
        dataset.title = "«»".to_string();
        assert_eq!(file_name(&dataset, "jsonld"), "sourceline.jsonld");
    }

    #[test]
    fn a_citation_names_the_originator_relays_document_locator_event_address_and_day() {
        let dataset = fixtures::palmyra();
        let event = dataset.event("palmyra-recaptured").unwrap();
        let claim = event.claim("army").unwrap();
        let cited = citation(&dataset, event, "army", "https://example.org/p/palmyra-recaptured.html?claim=army", day(2026, 11, 27)).unwrap();
        let expected_start = format!("Syrian army, relayed by SANA: \"{}\"", claim.text);
        assert!(cited.starts_with(&expected_start), "{cited}");
        for part in [
            " In “Syrian forces recapture Palmyra once again”, 2 March 2017, ",
            claim.locator.as_deref().unwrap(),
            " On the event “Syrian forces recapture Palmyra” (2 March 2017).",
            " sourceline, https://example.org/p/palmyra-recaptured.html?claim=army, accessed 27 November 2026.",
        ] {
            assert!(cited.contains(part), "{part:?} not in {cited}");
        }
        assert_eq!(citation(&dataset, event, "no-such-claim", "x", day(2026, 1, 1)), None);
    }
}
