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
    /// The event that gave the holder control, and its date, whose bounds say how sharply
    /// the change is known.
    pub event: String,
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
                event: event.id.clone(),
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
        let mut tracks = ControlTrack::all(dataset);
        tracks.sort_by_key(|t| std::cmp::Reverse(t.segments.len()));
        tracks
    }

    /// Who held the place on `day`, as far as the recorded changes say.
    pub fn holder_on(&self, day: Day) -> Option<&str> {
        self.segments
            .iter()
            .rev()
            .find(|s| s.since.anchor() <= day)
            .map(|s| s.holder.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_control_become_consecutive_segments() {
        let json = r#"{
            "format": "sourceline/1", "title": "T", "description": "D",
            "documents": [ { "id": "doc", "title": "R", "published": "2017-03-02", "kind": "news article" } ],
            "sources": [ { "id": "s", "name": "S", "kind": "publication" } ],
            "events": [
                { "id": "back", "date": "2016-03", "title": "T", "summary": "S", "control": { "place": "Town", "holder": "A" }, "claims": [ { "id": "c", "text": "t", "by": "s", "in": "doc" } ] },
                { "id": "first", "date": "2015-05", "title": "T", "summary": "S", "control": { "place": "Town", "holder": "B" }, "claims": [ { "id": "c", "text": "t", "by": "s", "in": "doc" } ] },
                { "id": "other", "date": "2015-06", "title": "T", "summary": "S", "control": { "place": "City", "holder": "A" }, "claims": [ { "id": "c", "text": "t", "by": "s", "in": "doc" } ] }
            ]
        }"#;
        let (dataset, problems) = Dataset::parse(json);
        assert_eq!(problems, []);
        let dataset = dataset.unwrap();
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
        assert_eq!(town.holder_on(day("2015-04-30")), None);
        assert_eq!(town.holder_on(day("2015-12-01")), Some("B"));
        assert_eq!(town.holder_on(day("2017-01-01")), Some("A"));
    }
}
