//! Synthetic datasets for tests and benchmarks: seeded, deterministic, valid, and clearly
//! marked as invented. Nothing here is a real event, source or document.
//!
//! The spread imitates conflict-event records: most dates known to the day, some to the month
//! or year, some approximate or uncertain, a few intervals; one to four claims per event,
//! relayed through up to two sources; a few changes of control of a handful of places.

use serde_json::{json, Value};

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same dataset.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const KINDS: [&str; 8] = [
    "government", "military", "state news agency", "monitoring group", "armed group", "wire agency", "publication", "official",
];
const PARTIES: [Option<&str>; 5] = [Some("Side A"), Some("Side B"), Some("Side C"), None, None];
const PLACES: [&str; 12] = [
    "Town 1", "Town 2", "Town 3", "Town 4", "Town 5", "Town 6", "Town 7", "Town 8", "Region north", "Region south", "Capital", "Border crossing",
];
const TAGS: [&str; 8] = ["shelling", "air strike", "protest", "ceasefire", "control", "aid", "displacement", "negotiation"];
const WORDS: [&str; 16] = [
    "forces", "reported", "clashes", "near", "convoy", "checkpoint", "village", "statement", "district", "withdrew", "advanced", "casualties",
    "market", "bridge", "airstrip", "talks",
];

/// The first day the synthetic record covers, as (year, month, day); it spans twenty years.
const FIRST_YEAR: i32 = 2000;

fn days_in_month(year: i32, month: u32) -> u32 {
    crate::model::date::days_in_month(year, month as u8).into()
}

/// A dataset of `events` events, the same for the same `seed`.
pub fn dataset(events: usize, seed: u64) -> Value {
    let mut rng = Rng(seed);
    let source_count = (events / 500).clamp(12, 200);
    let sources: Vec<Value> = (0..source_count)
        .map(|i| {
            let mut source = json!({
                "id": format!("s{i}"),
                "name": format!("Synthetic source {i}"),
                "kind": *rng.pick(&KINDS),
            });
            if let Some(party) = rng.pick(&PARTIES) {
                source["party"] = json!(party);
            }
            source
        })
        .collect();
    // One document per year and quarter, published at the end of it, so every event can be
    // reported in a document published after it.
    let documents: Vec<Value> = (0..20 * 4)
        .map(|q| {
            let (year, quarter) = (FIRST_YEAR + q / 4, q % 4);
            let month = quarter as u32 * 3 + 3;
            json!({
                "id": format!("d{q}"),
                "title": format!("Synthetic report {year} Q{}", quarter + 1),
                "published": format!("{year:04}-{month:02}-{:02}", days_in_month(year, month)),
                "kind": "report",
            })
        })
        .collect();
    let mut holders: Vec<usize> = vec![0; PLACES.len()];
    let events: Vec<Value> = (0..events)
        .map(|i| {
            let year = FIRST_YEAR + rng.below(20) as i32;
            let month = 1 + rng.below(12) as u32;
            let day = 1 + rng.below(u64::from(days_in_month(year, month))) as u32;
            let roll = rng.below(100);
            let date = match roll {
                0..=59 => format!("{year:04}-{month:02}-{day:02}"),
                60..=74 => format!("{year:04}-{month:02}"),
                75..=79 => format!("{year:04}"),
                80..=84 => format!("{year:04}-{month:02}-{day:02}~"),
                85..=89 => format!("{year:04}-{month:02}?"),
                _ => {
                    let end_day = (day + 1 + rng.below(10) as u32).min(days_in_month(year, month));
                    format!("{year:04}-{month:02}-{day:02}/{year:04}-{month:02}-{end_day:02}")
                }
            };
            // The quarter's report, published after anything in the quarter.
            let document = format!("d{}", (year - FIRST_YEAR) * 4 + (month as i32 - 1) / 3);
            let place = *rng.pick(&PLACES);
            let words: Vec<&str> = (0..4).map(|_| *rng.pick(&WORDS)).collect();
            let claims: Vec<Value> = (0..1 + rng.below(3))
                .map(|c| {
                    let by = rng.below(source_count as u64) as usize;
                    let mut via: Vec<String> = Vec::new();
                    for _ in 0..rng.below(3) {
                        let relay = rng.below(source_count as u64) as usize;
                        let id = format!("s{relay}");
                        if relay != by && !via.contains(&id) {
                            via.push(id);
                        }
                    }
                    let mut claim = json!({
                        "id": format!("c{c}"),
                        "text": format!("Says {} {} in {place}.", words[0], words[1]),
                        "by": format!("s{by}"),
                        "in": document,
                    });
                    if !via.is_empty() {
                        claim["via"] = json!(via);
                    }
                    if rng.below(3) == 0 {
                        claim["locator"] = json!(format!("paragraph {}", 1 + rng.below(30)));
                    }
                    if rng.below(4) == 0 {
                        claim["quote"] = json!(format!("{} {} {}", words[1], words[2], words[3]));
                    }
                    if rng.below(10) == 0 {
                        claim["stance"] = json!(if rng.below(2) == 0 { "qualifies" } else { "disputes" });
                    }
                    claim
                })
                .collect();
            let mut event = json!({
                "id": format!("e{i}"),
                "date": date,
                "title": format!("Event {i}: {} {} {}", words[0], words[1], place),
                "summary": format!("Invented: {} {} {} {}.", words[0], words[1], words[2], words[3]),
                "place": place,
                "tags": [*rng.pick(&TAGS)],
                "claims": claims,
            });
            if rng.below(100) == 0 {
                let p = rng.below(PLACES.len() as u64) as usize;
                holders[p] = (holders[p] + 1) % 3;
                let holder = ["Side A", "Side B", "Side C"][holders[p]];
                event["control"] = json!({ "place": PLACES[p], "holder": holder });
            }
            event
        })
        .collect();
    json!({
        "format": crate::model::dataset::FORMAT,
        "title": format!("Synthetic dataset: {} events (seed {seed})", events.len()),
        "description": "Invented by sourceline's generator for tests and benchmarks. None of its events, sources or documents is real.",
        "documents": documents,
        "sources": sources,
        "events": events,
    })
}

/// The same events as items for vis-timeline: a point at the day a date is known to, a range
/// over the bounds of anything less precise.
pub fn for_vis(dataset: &crate::model::Dataset) -> Value {
    let items: Vec<Value> = dataset
        .events
        .iter()
        .map(|event| {
            let (from, to) = event.date.span();
            let mut item = json!({ "id": event.id, "content": event.title, "start": from.to_string() });
            if from != to {
                item["end"] = json!(crate::model::Day(to.0 + 1).to_string());
            }
            item
        })
        .collect();
    json!(items)
}

/// The same events as TimelineJS slides, each dated to the precision of its earliest day.
pub fn for_timelinejs(dataset: &crate::model::Dataset) -> Value {
    use crate::model::DatePrecision;
    let events: Vec<Value> = dataset
        .events
        .iter()
        .map(|event| {
            let (from, to) = event.date.span();
            let date = |day: crate::model::Day| {
                let c = day.to_civil();
                match event.date.precision() {
                    DatePrecision::Day => json!({ "year": c.year, "month": c.month, "day": c.day }),
                    DatePrecision::Month | DatePrecision::Season => json!({ "year": c.year, "month": c.month }),
                    DatePrecision::Year | DatePrecision::Decade => json!({ "year": c.year }),
                }
            };
            let mut slide = json!({
                "unique_id": event.id,
                "start_date": date(from),
                "text": { "headline": event.title, "text": event.summary },
            });
            if event.date.shape() == crate::model::DateShape::Interval {
                slide["end_date"] = date(to);
            }
            slide
        })
        .collect();
    json!({ "title": { "text": { "headline": dataset.title } }, "events": events })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn the_same_seed_gives_the_same_dataset_and_another_seed_another() {
        assert_eq!(dataset(300, 7), dataset(300, 7));
        assert_ne!(dataset(300, 7), dataset(300, 8));
    }

    #[test]
    fn generated_datasets_are_valid_and_marked_synthetic() {
        for (n, seed) in [(1, 1), (100, 2), (5000, 3)] {
            let (read, problems) = Dataset::parse(&dataset(n, seed).to_string());
            assert_eq!(problems, [], "{n} events, seed {seed}");
            let read = read.unwrap();
            assert_eq!(read.events.len(), n);
            assert!(read.title.starts_with("Synthetic dataset"));
            assert!(read.description.contains("None of its events, sources or documents is real"));
        }
    }

    #[test]
    fn competitors_get_the_same_events() {
        let read = Dataset::parse(&dataset(50, 5).to_string()).0.unwrap();
        let vis = for_vis(&read);
        let tl = for_timelinejs(&read);
        assert_eq!(vis.as_array().unwrap().len(), 50);
        assert_eq!(tl["events"].as_array().unwrap().len(), 50);
        let first = &read.events[0];
        let item = vis.as_array().unwrap().iter().find(|i| i["id"] == json!(first.id)).unwrap();
        assert_eq!(item["start"], json!(first.date.span().0.to_string()));
    }

    #[test]
    fn the_spread_has_every_kind_of_date() {
        let read = Dataset::parse(&dataset(2000, 4).to_string()).0.unwrap();
        use crate::model::{DatePrecision, DateShape};
        let has = |f: &dyn Fn(&crate::model::Event) -> bool| read.events.iter().any(f);
        assert!(has(&|e| e.date.shape() == DateShape::Point));
        assert!(has(&|e| e.date.shape() == DateShape::Interval));
        assert!(has(&|e| e.date.precision() == DatePrecision::Month));
        assert!(has(&|e| e.date.precision() == DatePrecision::Year));
        assert!(has(&|e| e.date.is_approximate()));
        assert!(has(&|e| e.date.is_uncertain()));
        assert!(has(&|e| e.control.is_some()));
        assert!(has(&|e| e.claims.iter().any(|c| c.via.len() == 2)));
    }
}
