//! Who held a place when, derived from the events that changed it.

use super::dataset::Dataset;
use super::date::{Day, EventDate};

/// The history of control of one place, as consecutive segments.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlTrack {
    pub place: String,
    pub segments: Vec<ControlSegment>,
}

/// A stretch of time during which one holder held the place.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlSegment {
    pub holder: String,
    /// The date of the event that gave the holder control, whose bounds say how sharply the
    /// change is known.
    pub since: EventDate,
    /// When the next change began, or `None` when no later change is recorded.
    pub until: Option<Day>,
}

impl ControlTrack {
    /// One track per place that any event changes control of, in order of first change. The
    /// dataset's events are already in chronological order.
    pub fn all(dataset: &Dataset) -> Vec<ControlTrack> {
        let mut tracks: Vec<ControlTrack> = Vec::new();
        for event in &dataset.events {
            let Some(control) = &event.control else { continue };
            let segment = ControlSegment {
                holder: control.holder.clone(),
                since: event.date.clone(),
                until: None,
            };
            match tracks.iter_mut().find(|t| t.place == control.place) {
                Some(track) => {
                    if let Some(last) = track.segments.last_mut() {
                        last.until = Some(event.date.anchor());
                    }
                    track.segments.push(segment);
                }
                None => tracks.push(ControlTrack { place: control.place.clone(), segments: vec![segment] }),
            }
        }
        tracks
    }

    /// Every track, the places that changed hands most often first (ties in order of first
    /// change).
    pub fn by_activity(dataset: &Dataset) -> Vec<ControlTrack> {
        // One integer a track, fewer changes later, then place in the list: an unstable sort
        // of plain integers keeps ties in order, and needs no stable sort in the wasm.
        let mut tracks: Vec<Option<ControlTrack>> = ControlTrack::all(dataset).into_iter().map(Some).collect();
        let mut order: Vec<u128> =
            tracks.iter().flatten().enumerate().map(|(at, t)| u128::from(u64::MAX - t.segments.len() as u64) << 64 | at as u128).collect();
        order.sort_unstable();
        order.into_iter().filter_map(|key| tracks.get_mut(key as u64 as usize).and_then(Option::take)).collect()
    }

    /// "Who held Palmyra": the band's name.
    pub fn heading(&self) -> String {
        format!("Who held {}", self.place)
    }

    /// Every holder once, in alphabetical order: a holder keeps its place (and so its colour)
    /// in this list however the view moves.
    pub fn holders(&self) -> Vec<&str> {
        let mut holders: Vec<&str> = self.segments.iter().map(|s| s.holder.as_str()).collect();
        holders.sort_unstable();
        holders.dedup();
        holders
    }
}

impl ControlSegment {
    /// The days it covers on an axis, as day numbers: from the first day of the change that
    /// began it to the start of the next change, or to `record_end` for the last holder.
    pub fn extent(&self, record_end: f64) -> (f64, f64) {
        let from = f64::from(self.since.anchor().0);
        (from, self.until.map_or(record_end, |d| f64::from(d.0)))
    }

    /// The segment in words: "Islamic State, from May 2015 until the next change".
    pub fn describe(&self) -> String {
        match self.until {
            Some(_) => format!("{}, from {} until the next change", self.holder, self.since.human()),
            None => format!("{}, from {}", self.holder, self.since.human()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busiest_first_keeps_ties_in_order() {
        // Places with one to three changes each, in a scrambled order, many of them tied.
        let mut json = crate::model::fixtures::small_json();
        let claims = json["events"][0]["claims"].clone();
        let events: Vec<serde_json::Value> = (0..40)
            .flat_map(|place| (0..1 + (place * 7) % 3).map(move |change| (place, change)))
            .map(|(place, change)| {
                serde_json::json!({
                    "id": format!("e{place}-{change}"), "date": format!("{}-01", 1990 + change * 3 + place % 5),
                    "title": "T", "summary": "S", "claims": claims,
                    "control": { "place": format!("P{place}"), "holder": format!("H{change}") },
                })
            })
            .collect();
        json["events"] = serde_json::Value::Array(events);
        let dataset = Dataset::parse(&json.to_string()).0.unwrap();
        let mut expected = ControlTrack::all(&dataset);
        expected.sort_by_key(|t| std::cmp::Reverse(t.segments.len()));
        let places = |tracks: Vec<ControlTrack>| tracks.into_iter().map(|t| t.place).collect::<Vec<_>>();
        assert_eq!(expected.len(), 40);
        assert_eq!(places(ControlTrack::by_activity(&dataset)), places(expected));
    }

    #[test]
    fn changes_of_control_become_consecutive_segments() {
        let dataset = crate::model::fixtures::control();
        let tracks = ControlTrack::all(&dataset);
        let town = &tracks[0];
        assert_eq!(town.place, "Town");
        let holders: Vec<(&str, Option<String>)> =
            town.segments.iter().map(|s| (s.holder.as_str(), s.until.map(|d| d.to_string()))).collect();
        assert_eq!(holders, [("B", Some("2016-03-01".to_string())), ("A", None)]);
        assert_eq!(tracks[1].place, "City");
        let busiest_first: Vec<String> = ControlTrack::by_activity(&dataset).into_iter().map(|t| t.place).collect();
        assert_eq!(busiest_first, ["Town", "City"]);
        let day = |s: &str| EventDate::parse(s).unwrap().anchor();
        assert_eq!(town.heading(), "Who held Town");
        assert_eq!(town.holders(), ["A", "B"]);
        let words: Vec<String> = town.segments.iter().map(ControlSegment::describe).collect();
        assert_eq!(words, ["B, from May 2015 until the next change", "A, from March 2016"]);
        let end = 99_999.0;
        let extents: Vec<(f64, f64)> = town.segments.iter().map(|s| s.extent(end)).collect();
        let n = |s: &str| f64::from(day(s).0);
        assert_eq!(extents, [(n("2015-05-01"), n("2016-03-01")), (n("2016-03-01"), end)]);
    }
}
