//! Which key does what, every table of the app's keys in one place on the UI's side: stepping
//! through the story, the timeline's zoom and pan, the overview's window and the list's rows.
//! What each step does is the model's (`model::story`, `model::overview`); which key asks for it
//! is here, so that no two tables can claim one key where both listen.

use crate::model::overview::Step as WindowStep;
use crate::model::story::Direction;

/// The direction a key steps through the story in, from a keyboard event's `key`: `n`, `j` and
/// Page Down go on, `p`, `k` and Page Up go back. Never the arrows, `+`, `-` or `0`, which move
/// and zoom the timeline. Page Down and Page Up step only while the timeline has focus
/// (`on_timeline`), as a presentation clicker's do; anywhere else they scroll the page as always.
pub fn story_step(key: &str, on_timeline: bool) -> Option<Direction> {
    match key {
        "n" | "N" | "j" | "J" => Some(Direction::Next),
        "p" | "P" | "k" | "K" => Some(Direction::Previous),
        "PageDown" if on_timeline => Some(Direction::Next),
        "PageUp" if on_timeline => Some(Direction::Previous),
        _ => None,
    }
}

/// The keys that step through the story in `direction`, as `aria-keyshortcuts` lists them.
pub fn story_shortcuts(direction: Direction) -> &'static str {
    match direction {
        Direction::Previous => "P K PageUp",
        Direction::Next => "N J PageDown",
    }
}

/// What a key does to the timeline while it has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKey {
    ZoomIn,
    ZoomOut,
    /// Every day of the dataset.
    ShowAll,
    /// Along the axis, towards the earlier end.
    PanBack,
    PanForward,
}

impl TimelineKey {
    /// The key a button that does the same says it has (`aria-keyshortcuts`).
    pub fn shortcut(self) -> &'static str {
        match self {
            TimelineKey::ZoomIn => "+",
            TimelineKey::ZoomOut => "-",
            TimelineKey::ShowAll => "0",
            TimelineKey::PanBack => "ArrowLeft",
            TimelineKey::PanForward => "ArrowRight",
        }
    }
}

/// What `key` does to the timeline: `+` and `-` zoom, `0` shows everything, the arrows along
/// the axis (left and right, or up and down where it is `vertical`) pan.
pub fn timeline_key(key: &str, vertical: bool) -> Option<TimelineKey> {
    match (key, vertical) {
        ("+" | "=", _) => Some(TimelineKey::ZoomIn),
        ("-" | "_", _) => Some(TimelineKey::ZoomOut),
        ("0", _) => Some(TimelineKey::ShowAll),
        ("ArrowLeft", false) | ("ArrowUp", true) => Some(TimelineKey::PanBack),
        ("ArrowRight", false) | ("ArrowDown", true) => Some(TimelineKey::PanForward),
        _ => None,
    }
}

/// The step a key gives the overview's window (or one of its edges), by its `key`.
pub fn window_step(key: &str) -> Option<WindowStep> {
    match key {
        "ArrowLeft" | "ArrowDown" => Some(WindowStep::Back),
        "ArrowRight" | "ArrowUp" => Some(WindowStep::Forward),
        "PageDown" => Some(WindowStep::PageBack),
        "PageUp" => Some(WindowStep::PageForward),
        "Home" => Some(WindowStep::First),
        "End" => Some(WindowStep::Last),
        _ => None,
    }
}

/// How many rows a key moves the list's focus by: Down one on, Up one back.
pub fn list_step(key: &str) -> Option<isize> {
    match key {
        "ArrowDown" => Some(1),
        "ArrowUp" => Some(-1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys a keyboard event can give, for the tables to be held against each other.
    const KEYS: &[&str] = &[
        "n", "N", "j", "J", "p", "P", "k", "K", "PageDown", "PageUp", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "+", "=",
        "-", "_", "0", "Home", "End", "Enter", " ", "a",
    ];

    #[test]
    fn letters_and_page_keys_step_but_the_timeline_keys_do_not() {
        for (key, expected) in [
            ("n", Some(Direction::Next)),
            ("N", Some(Direction::Next)),
            ("j", Some(Direction::Next)),
            ("PageDown", Some(Direction::Next)),
            ("p", Some(Direction::Previous)),
            ("k", Some(Direction::Previous)),
            ("PageUp", Some(Direction::Previous)),
            ("ArrowRight", None),
            ("ArrowLeft", None),
            ("ArrowDown", None),
            ("+", None),
            ("-", None),
            ("0", None),
            ("Enter", None),
        ] {
            assert_eq!(story_step(key, true), expected, "{key}");
        }
        assert_eq!(story_step("PageDown", false), None, "off the timeline, Page Down scrolls");
        assert_eq!(story_step("n", false), Some(Direction::Next));
    }

    #[test]
    fn every_key_that_steps_is_listed_in_its_shortcuts() {
        for direction in [Direction::Previous, Direction::Next] {
            for key in story_shortcuts(direction).split(' ') {
                assert_eq!(story_step(key, true), Some(direction), "{key}");
                if key.len() == 1 {
                    assert_eq!(story_step(&key.to_ascii_lowercase(), true), Some(direction), "{key}");
                }
            }
        }
        for action in [TimelineKey::ZoomIn, TimelineKey::ZoomOut, TimelineKey::ShowAll, TimelineKey::PanBack, TimelineKey::PanForward] {
            assert_eq!(timeline_key(action.shortcut(), false), Some(action), "{action:?}");
        }
    }

    #[test]
    fn on_the_timeline_no_key_both_steps_through_the_story_and_moves_the_view() {
        for &key in KEYS {
            for vertical in [false, true] {
                assert!(story_step(key, true).is_none() || timeline_key(key, vertical).is_none(), "{key}");
            }
        }
    }

    #[test]
    fn the_arrows_pan_along_the_axis_and_move_the_window_and_the_list() {
        assert_eq!(timeline_key("ArrowRight", false), Some(TimelineKey::PanForward));
        assert_eq!(timeline_key("ArrowDown", true), Some(TimelineKey::PanForward));
        assert_eq!(timeline_key("ArrowUp", false), None, "across a horizontal axis, nothing");
        assert_eq!(timeline_key("=", true), Some(TimelineKey::ZoomIn));
        for (key, step) in [
            ("ArrowRight", WindowStep::Forward),
            ("ArrowUp", WindowStep::Forward),
            ("ArrowLeft", WindowStep::Back),
            ("ArrowDown", WindowStep::Back),
            ("PageUp", WindowStep::PageForward),
            ("PageDown", WindowStep::PageBack),
            ("Home", WindowStep::First),
            ("End", WindowStep::Last),
        ] {
            assert_eq!(window_step(key), Some(step), "{key}");
        }
        assert_eq!(window_step("Enter"), None);
        assert_eq!(window_step("+"), None, "zoom keys are the detail view's");
        assert_eq!((list_step("ArrowDown"), list_step("ArrowUp"), list_step("n")), (Some(1), Some(-1), None));
    }
}
