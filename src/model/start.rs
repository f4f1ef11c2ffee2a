//! The first screen of a large built site, drawn before its whole catalog is read.
//!
//! Above [`START_ABOVE`] events, `site` writes beside the catalog a small start file
//! ([`START_FILE`]): the dataset's head, documents and sources, and only the events of
//! [`first_screen`], one for each stretch of the whole span. The index page preloads it instead
//! of the catalog, so that the app can draw the whole span's timeline from a file of a few
//! dozen kilobytes, whatever the dataset's size, then download and read the catalog, saying how
//! far it has got ([`reading_all`]), and open the full app over it. Until then the first screen
//! shows the start file's events and nothing that counts events: no clusters, no density, no
//! list, no count; and it does not answer input.

use super::dataset::Dataset;
use super::date::Day;
use super::words::count;
use super::within;

/// The start file, beside the catalog.
pub const START_FILE: &str = "_start.slcat";

/// Above this many events a built site has a start file. Below it, the whole catalog reads in
/// a few tens of milliseconds, no longer than the start file would take to arrive.
pub const START_ABOVE: usize = 5_000;

/// Whether a dataset is large enough to be shown first by its first screen: a built site then
/// writes a start file, and the reader's worker hands the first screen over before the rest.
pub fn has_first_screen(dataset: &Dataset) -> bool {
    is_large(dataset.events.len())
}

/// Up to this many events, every page of a built site is written as the app's own first
/// screen (`site::first_screen`), and the app starts only when the reader asks for it. Each
/// page's screen is laid out over the whole dataset, so the build's time grows with the square
/// of its size: 1,000 events take about two seconds, 5,000 about a minute. A larger site's pages
/// start the app as they load.
pub const WRITTEN_UP_TO: usize = 1_000;

/// Whether a built site's pages are written as the app's first screen ([`WRITTEN_UP_TO`]).
pub fn has_written_screens(dataset: &Dataset) -> bool {
    dataset.events.len() <= WRITTEN_UP_TO
}

/// Whether this many events make a large dataset: one shown first by its first screen, and
/// whose page is drawn in more than one task, so that it keeps answering. A smaller one's page
/// is drawn in one task, so that nothing on it moves after it first shows.
pub fn is_large(events: usize) -> bool {
    events > START_ABOVE
}

/// How many equal stretches of the dataset's span the first screen takes an event from: more
/// than a screen of any width labels.
pub const STRETCHES: usize = 512;

/// The dataset of the first screen: its head, documents and sources, and the first event of
/// each of [`STRETCHES`] equal stretches of its span that holds one, with the event that ends
/// last, so that the first screen spans the days the whole dataset does; in order.
pub fn first_screen(dataset: &Dataset) -> Dataset {
    let spans = || dataset.events.iter().map(|e| e.date.span());
    let first = spans().map(|(from, _)| from).min().unwrap_or(Day(0));
    let last = spans().map(|(_, to)| to).max().unwrap_or(first);
    let days = f64::from(last.0 - first.0 + 1);
    let mut taken = vec![false; STRETCHES];
    let ends_last = spans().position(|(_, to)| to == last);
    let mut events = Vec::new();
    for (index, event) in dataset.events.iter().enumerate() {
        let at = f64::from(event.date.span().0 .0 - first.0) / days * STRETCHES as f64;
        let stretch = within(at.floor(), 0.0, (STRETCHES - 1) as f64) as usize;
        if !std::mem::replace(&mut taken[stretch], true) || Some(index) == ends_last {
            events.push(event.clone());
        }
    }
    let mut screen = Dataset::empty();
    screen.title.clone_from(&dataset.title);
    screen.description.clone_from(&dataset.description);
    screen.documents.clone_from(&dataset.documents);
    screen.sources.clone_from(&dataset.sources);
    screen.events = events;
    screen
}

/// What the first screen says while the catalog is read: "Reading all 100000 events… 40 %".
pub fn reading_all(events: usize, done: f64, total: Option<f64>) -> String {
    let whole = count(events, "event", "events");
    match total.filter(|t| *t > 0.0) {
        Some(total) => format!("Reading all {whole}… {} %", within((done / total * 100.0).floor(), 0.0, 100.0) as u32),
        None => format!("Reading all {whole}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::small;

    #[test]
    fn the_first_screen_takes_the_first_event_of_each_stretch() {
        let mut dataset = small();
        let template = dataset.events[0].clone();
        // Two events on each of 1,000 consecutive days: 512 stretches of about two days each.
        dataset.events = (0..2000)
            .map(|i| {
                let mut event = template.clone();
                event.id = format!("e{i}");
                event.date = crate::model::EventDate::parse(&chrono_day(i / 2)).unwrap();
                event
            })
            .collect();
        let screen = first_screen(&dataset);
        assert!(screen.events.len() <= STRETCHES && screen.events.len() > STRETCHES / 2, "{}", screen.events.len());
        assert_eq!(screen.events[0].id, "e0");
        assert!(screen.events.windows(2).all(|w| w[0].date.span().0 < w[1].date.span().0), "one a stretch, in order");
        assert_eq!(screen.events.last().map(|e| e.id.as_str()), Some("e1998"), "the first of the last stretch, which ends last");
        assert_eq!((screen.title.as_str(), &screen.sources, &screen.documents), (dataset.title.as_str(), &dataset.sources, &dataset.documents));
        // The same days as the whole: the event that ends last is among them.
        let limits = |d: &Dataset| crate::model::Catalog::new(d.clone(), crate::model::DatasetOrigin::Bundled).limits;
        let mut long = dataset.clone();
        long.events[3].date = crate::model::EventDate::parse("2001-01-02/2009-12-31").unwrap();
        assert_eq!(limits(&first_screen(&long)), limits(&long));
        assert!(first_screen(&long).events.iter().any(|e| e.id == "e3"));
        // A dataset smaller than the stretches keeps every event whose stretch is its own.
        let few = Dataset { events: dataset.events[..3].to_vec(), ..dataset.clone() };
        assert_eq!(first_screen(&few).events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e0", "e2"]);
    }

    fn chrono_day(offset: usize) -> String {
        let day = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap() + chrono::Days::new(offset as u64);
        day.format("%Y-%m-%d").to_string()
    }

    #[test]
    fn reading_all_says_how_far() {
        assert_eq!(reading_all(100_000, 2.0, Some(5.0)), "Reading all 100000 events… 40 %");
        assert_eq!(reading_all(1, 0.0, None), "Reading all 1 event…");
        assert_eq!(reading_all(7, 9.0, Some(5.0)), "Reading all 7 events… 100 %");
    }
}
