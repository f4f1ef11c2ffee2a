//! Stepping through the story: Previous and Next move through the events in chronological
//! order, like slides, and say where the reader is ("Event 10 of 13").
//!
//! What belongs here: which events a step goes through, where it leads from the selected event,
//! and the words for the position. What does not: the buttons, the keys that step (`ui::keys`),
//! the key listener and the selection itself, which live in the UI.

use std::fmt;

/// Which way a step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// To the event before, in time.
    Previous,
    /// To the event after, in time; from no selection, to the first event.
    Next,
}

/// The events a step goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Course {
    /// Those that pass the filter, fewer than every event.
    Matching,
    /// Every event of the dataset.
    Every,
}

/// Where the selected event stands in the story, and where each step leads from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The selected event's place among those stepped through, from 0.
    pub at: usize,
    /// How many events are stepped through.
    pub of: usize,
    pub course: Course,
    /// The event a step back selects, by index into the dataset's events.
    pub previous: Option<usize>,
    /// The event a step on selects, by index into the dataset's events.
    pub next: Option<usize>,
}

impl Step {
    /// Where the event at `selected` stands, among `events` events of which `matching` (in
    /// chronological order) pass the filter. The steps go through the matching events while the
    /// selected one is among them, else through every event, which the dataset holds in
    /// chronological order. `None` for an index the dataset does not have.
    pub fn of(matching: &[usize], events: usize, selected: usize) -> Option<Step> {
        if selected >= events {
            return None;
        }
        let filtered = matching.len() < events;
        match matching.iter().position(|&i| i == selected) {
            Some(at) => Some(Step {
                at,
                of: matching.len(),
                course: if filtered { Course::Matching } else { Course::Every },
                previous: at.checked_sub(1).map(|before| matching[before]),
                next: matching.get(at + 1).copied(),
            }),
            None => Step::among_every(events, selected),
        }
    }

    /// Where the event at `selected` stands among all `events` events, as if no filter were
    /// on: what an event's page written at build time shows.
    pub fn among_every(events: usize, selected: usize) -> Option<Step> {
        (selected < events).then(|| Step {
            at: selected,
            of: events,
            course: Course::Every,
            previous: selected.checked_sub(1),
            next: (selected + 1 < events).then_some(selected + 1),
        })
    }

    /// The event a step in `direction` selects, if there is one.
    pub fn towards(&self, direction: Direction) -> Option<usize> {
        match direction {
            Direction::Previous => self.previous,
            Direction::Next => self.next,
        }
    }
}

/// The event to begin with when nothing is selected: the first that passes the filter, or the
/// first of all when none does.
pub fn first(matching: &[usize], events: usize) -> Option<usize> {
    matching.first().copied().or((events > 0).then_some(0))
}

/// The event a step in `direction` selects from `selected` (see [`Step::of`]): from no
/// selection, Next begins with [`first`] and Previous does nothing.
pub fn step(matching: &[usize], events: usize, selected: Option<usize>, direction: Direction) -> Option<usize> {
    match selected {
        Some(selected) => Step::of(matching, events, selected)?.towards(direction),
        None if direction == Direction::Next => first(matching, events),
        None => None,
    }
}

/// The name of the group of buttons that step through the events.
pub const STEP_THROUGH: &str = "Step through the events";
/// The buttons' words.
pub const PREVIOUS_EVENT: &str = "Previous event";
pub const NEXT_EVENT: &str = "Next event";
pub const START_WITH_FIRST: &str = "Start with the first event";

impl fmt::Display for Step {
    /// "Event 10 of 13", or "Event 2 of 4 that match" while stepping through a filter's events.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Event {} of {}", self.at + 1, self.of)?;
        match self.course {
            Course::Matching => f.write_str(" that match"),
            Course::Every => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each step leads from `selected` among 5 events of which `matching` pass, and the
    /// position's words.
    fn check(matching: &[usize], selected: usize, expected: (Option<usize>, Option<usize>, &str)) {
        let step = Step::of(matching, 5, selected).unwrap();
        assert_eq!((step.previous, step.next, step.to_string().as_str()), expected, "{matching:?} at {selected}");
    }

    #[test]
    fn without_a_filter_steps_go_through_every_event() {
        let all = [0, 1, 2, 3, 4];
        check(&all, 0, (None, Some(1), "Event 1 of 5"));
        check(&all, 2, (Some(1), Some(3), "Event 3 of 5"));
        check(&all, 4, (Some(3), None, "Event 5 of 5"));
    }

    #[test]
    fn with_a_filter_steps_go_through_the_matching_events() {
        check(&[1, 3, 4], 1, (None, Some(3), "Event 1 of 3 that match"));
        check(&[1, 3, 4], 3, (Some(1), Some(4), "Event 2 of 3 that match"));
        check(&[1, 3, 4], 4, (Some(3), None, "Event 3 of 3 that match"));
    }

    #[test]
    fn a_selected_event_the_filter_leaves_out_steps_through_every_event() {
        check(&[1, 3], 2, (Some(1), Some(3), "Event 3 of 5"));
        check(&[], 0, (None, Some(1), "Event 1 of 5"));
        check(&[], 4, (Some(3), None, "Event 5 of 5"));
    }

    #[test]
    fn among_every_event_a_step_is_as_without_a_filter() {
        let all = [0, 1, 2, 3, 4];
        for selected in 0..5 {
            assert_eq!(Step::among_every(5, selected), Step::of(&all, 5, selected));
        }
        assert_eq!(Step::among_every(5, 5), None);
    }

    #[test]
    fn a_single_event_has_nowhere_to_step() {
        let step = Step::of(&[0], 1, 0).unwrap();
        assert_eq!((step.previous, step.next, step.to_string()), (None, None, "Event 1 of 1".to_string()));
    }

    #[test]
    fn an_index_the_dataset_lacks_has_no_step() {
        assert_eq!(Step::of(&[0, 1], 2, 2), None);
        assert_eq!(step(&[0, 1], 2, Some(7), Direction::Next), None);
    }

    #[test]
    fn from_no_selection_next_begins_with_the_first_matching_event() {
        assert_eq!(step(&[0, 1, 2], 3, None, Direction::Next), Some(0));
        assert_eq!(step(&[2], 3, None, Direction::Next), Some(2));
        assert_eq!(step(&[], 3, None, Direction::Next), Some(0));
        assert_eq!(step(&[], 0, None, Direction::Next), None);
        assert_eq!(step(&[0, 1, 2], 3, None, Direction::Previous), None);
    }

    #[test]
    fn steps_follow_the_order_given() {
        assert_eq!(step(&[0, 1, 2], 3, Some(1), Direction::Next), Some(2));
        assert_eq!(step(&[0, 1, 2], 3, Some(1), Direction::Previous), Some(0));
        assert_eq!(step(&[0, 1, 2], 3, Some(2), Direction::Next), None);
    }
}
