//! The geometry of the timeline, free of any screen: the visible range of days, zooming and
//! panning it, axis ticks that adapt from years to days, and placing events in lanes so that
//! none overlaps another unreadably.
//!
//! Positions are fractions of the visible range (0 at its start, 1 at its end); the UI turns
//! them into pixels along whichever axis it draws.

use std::ops::Range;

use super::date::{day_range_words, month_name, CivilDate, Day};
use super::within;

/// The visible range, in days since 1970-01-01 (fractional, so zooming is smooth).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub from: f64,
    pub to: f64,
}

/// The narrowest view: a few days, so that a single day is clearly distinguishable.
pub const MIN_SPAN_DAYS: f64 = 3.0;

impl Viewport {
    /// A view of `from..=to` (whole days), with a margin on each side so that marks at the
    /// ends are not cut off.
    pub fn around(from: Day, to: Day) -> Viewport {
        let (from, to) = (f64::from(from.0), f64::from(to.0) + 1.0);
        let span = (to - from).max(MIN_SPAN_DAYS);
        let centre = (from + to) / 2.0;
        let half = span * 0.53;
        Viewport { from: centre - half, to: centre + half }
    }

    /// A view of exactly the days `from..=to`, widened to the narrowest view if needed and
    /// kept within `limits`: the inverse of [`Viewport::days`], so links round-trip.
    pub fn exactly(from: Day, to: Day, limits: &Viewport) -> Viewport {
        let from = f64::from(from.0).max(limits.from);
        let to = (f64::from(to.0) + 1.0).min(limits.to);
        if to - from >= MIN_SPAN_DAYS {
            Viewport { from, to }
        } else {
            let centre = (from + to) / 2.0;
            Viewport { from: centre - MIN_SPAN_DAYS / 2.0, to: centre + MIN_SPAN_DAYS / 2.0 }.within(limits)
        }
    }

    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    /// Where `day` (its start) falls, as a fraction of the view.
    pub fn fraction(&self, day: f64) -> f64 {
        (day - self.from) / self.span()
    }

    /// The view scaled by `factor` (below 1 zooms in) around the point at fraction `at`,
    /// kept within `limits`.
    pub fn zoom(&self, factor: f64, at: f64, limits: &Viewport) -> Viewport {
        let at = within(at, 0.0, 1.0);
        let span = within(self.span() * factor, MIN_SPAN_DAYS, limits.span());
        let pivot = self.from + self.span() * at;
        Viewport { from: pivot - span * at, to: pivot - span * at + span }.within(limits)
    }

    /// The view moved by `fraction` of its own span (positive moves later), kept within
    /// `limits`.
    pub fn pan(&self, fraction: f64, limits: &Viewport) -> Viewport {
        let shift = self.span() * fraction;
        Viewport { from: self.from + shift, to: self.to + shift }.within(limits)
    }

    /// The same span moved, not shrunk, to lie inside `limits` where it can.
    fn within(self, limits: &Viewport) -> Viewport {
        let span = self.span().min(limits.span());
        let from = within(self.from, limits.from, limits.to - span);
        Viewport { from, to: from + span }
    }

    /// The view moved, at the same zoom, so that the days `from..=to` are centred in it;
    /// unchanged when some of them are already in view.
    pub fn reveal(&self, from: Day, to: Day, limits: &Viewport) -> Viewport {
        if self.shows(from, to) {
            return *self;
        }
        let centre = (f64::from(from.0) + f64::from(to.0) + 1.0) / 2.0;
        self.pan((centre - (self.from + self.to) / 2.0) / self.span(), limits)
    }

    /// Zooming by button or key: around the selected event's days when they are in view,
    /// centring them, so that zooming in closes in on the event; else around the middle.
    pub fn zoom_towards(&self, factor: f64, selected: Option<(Day, Day)>, limits: &Viewport) -> Viewport {
        match selected {
            Some((from, to)) if self.shows(from, to) => {
                let centre = (f64::from(from.0) + f64::from(to.0) + 1.0) / 2.0;
                let span = within(self.span() * factor, MIN_SPAN_DAYS, limits.span());
                Viewport { from: centre - span / 2.0, to: centre + span / 2.0 }.within(limits)
            }
            _ => self.zoom(factor, 0.5, limits),
        }
    }

    /// Whether any of the days `from..=to` is in view.
    pub fn shows(&self, from: Day, to: Day) -> bool {
        f64::from(from.0) < self.to && f64::from(to.0) + 1.0 > self.from
    }

    /// The days in view in words: "1–3 March 2017".
    pub fn describe(&self) -> String {
        let (first, last) = self.days();
        day_range_words(first, last)
    }

    /// The drawing's name for a screen reader: "Events from 1–3 March 2017".
    pub fn events_label(&self) -> String {
        format!("Events from {}", self.describe())
    }

    /// The first and last days at least partly in view.
    pub fn days(&self) -> (Day, Day) {
        let first = self.from.floor() as i32;
        (Day(first), Day((self.to.ceil() as i32 - 1).max(first)))
    }
}

/// The unit of the axis' ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Days(u32),
    Months(u32),
    Years(u32),
}

/// One tick of the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub fraction: f64,
    pub label: String,
}

const STEPS: [TickUnit; 13] = [
    TickUnit::Days(1),
    TickUnit::Days(2),
    TickUnit::Days(7),
    TickUnit::Days(14),
    TickUnit::Months(1),
    TickUnit::Months(3),
    TickUnit::Months(6),
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
    TickUnit::Years(50),
    TickUnit::Years(100),
];

/// The finest unit that gives at most `max` ticks in view.
pub fn tick_unit(view: &Viewport, max: usize) -> TickUnit {
    let approx_days = |unit: TickUnit| match unit {
        TickUnit::Days(n) => f64::from(n),
        TickUnit::Months(n) => f64::from(n) * 30.44,
        TickUnit::Years(n) => f64::from(n) * 365.25,
    };
    let max = max.max(1) as f64;
    STEPS.into_iter().find(|&unit| view.span() / approx_days(unit) <= max).unwrap_or(TickUnit::Years(1000))
}

/// Axis ticks in view, at most about `max` of them, labelled at the unit's precision:
/// "2016", "Mar 2016", "2 Mar".
pub fn ticks(view: &Viewport, max: usize) -> Vec<Tick> {
    let unit = tick_unit(view, max);
    let (first, last) = (Day(view.from.floor() as i32).to_civil(), Day(view.to.ceil() as i32).to_civil());
    let mut ticks = Vec::new();
    let mut push = |date: CivilDate, label: String| {
        // Beyond the calendar's range there is nothing to label.
        let Some(day) = Day::from_civil(date) else { return };
        let fraction = view.fraction(f64::from(day.0));
        if (0.0..=1.0).contains(&fraction) {
            ticks.push(Tick { fraction, label });
        }
    };
    match unit {
        TickUnit::Years(n) => {
            let n = n as i32;
            let mut year = first.year.div_euclid(n) * n;
            while year <= last.year {
                push(CivilDate { year, month: 1, day: 1 }, year.to_string());
                year += n;
            }
        }
        TickUnit::Months(n) => {
            let n = n as i32;
            let mut index = (first.year * 12 + i32::from(first.month) - 1).div_euclid(n) * n;
            while index < last.year * 12 + i32::from(last.month) {
                let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
                push(CivilDate { year, month, day: 1 }, format!("{} {year}", &month_name(month)[..3]));
                index += n;
            }
        }
        TickUnit::Days(n) => {
            let n = n as i32;
            let mut day = (view.from.floor() as i32).div_euclid(n) * n;
            while f64::from(day) <= view.to {
                let date = Day(day).to_civil();
                push(date, format!("{} {}", date.day, &month_name(date.month)[..3]));
                day += n;
            }
        }
    }
    ticks
}

/// Which side of its mark an event's label runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// After the mark: later along the axis (to the right, or further down).
    After,
    /// Before it, ending at the mark: where there is no room after it, near the end of the view.
    Before,
}

/// One event placed on the timeline: its mark at its date bounds, in a row across the axis,
/// and its label in full beside the mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The event's index in the list given to [`lay_out`].
    pub index: usize,
    /// The row across the axis (a line on a horizontal axis; the label column has one).
    pub row: usize,
    /// Pixels along the axis from the start of the view: where the date's bounds begin and
    /// end (the end of its last possible day).
    pub start_px: f64,
    pub end_px: f64,
    /// Where its label box begins along the axis: next to the mark, or pushed further along
    /// to find room (a leader joins them).
    pub label_px: f64,
    pub side: Side,
}

impl Placement {
    /// Whether the label was moved along the axis away from its mark (on a column of labels).
    pub fn pushed(&self) -> bool {
        self.side == Side::After && (self.label_px - self.start_px.max(0.0)).abs() > 1.0
    }
}

/// Events that cannot be drawn at one stretch of the axis, shown as one mark that zooms in.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Pixels along the axis where its stretch begins.
    pub at_px: f64,
    pub count: usize,
    /// The days the gathered events cover, to zoom to.
    pub from: Day,
    pub to: Day,
    /// The first few gathered events, by index in the list given to [`lay_out`], for its name.
    pub first: Vec<usize>,
    /// True when it sits at the very end of the view and must run back.
    pub flipped: bool,
}

/// How many of a cluster's events its name spells out.
const NAMED_IN_CLUSTER: usize = 3;

impl Cluster {
    /// What the mark shows: "+6".
    pub fn label(&self) -> String {
        format!("+{}", self.count)
    }

    /// What it holds and does, for a screen reader, after the label, given the titles of its
    /// first events: " more events, 1–2 March 2017: A; B; C and 3 others. Zoom in".
    pub fn description(&self, titles: &[&str]) -> String {
        let mut words = format!(" more {}, {}", if self.count == 1 { "event" } else { "events" }, day_range_words(self.from, self.to));
        if !titles.is_empty() {
            words.push_str(": ");
            words.push_str(&titles.join("; "));
            let rest = self.count.saturating_sub(titles.len());
            if rest > 0 {
                words.push_str(&format!(" and {rest} {}", if rest == 1 { "other" } else { "others" }));
            }
        }
        words.push_str(". Zoom in");
        words
    }

    /// The view it zooms to: its days, with a margin, within `limits`.
    pub fn view(&self, limits: &Viewport) -> Viewport {
        Viewport::around(self.from, self.to).zoom(1.0, 0.5, limits)
    }
}

/// The room the marks have along and across the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    /// The axis' length in pixels.
    pub length_px: f64,
    /// How many rows of labels fit across it.
    pub rows: usize,
    /// How far a label may be pushed along the axis past its mark to find room: none on a
    /// horizontal axis, where rows stack; some on a vertical one, whose labels share a column.
    pub push_px: f64,
    /// Whether the marks are drawn apart from the labels (in a column of their own on a
    /// vertical axis), so that a row holds only labels; otherwise each mark's bar shares its
    /// label's row.
    pub marks_apart: bool,
}

/// The layout of the events in view: every event placed with its label in full, or, where
/// none fits, gathered in a cluster.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    pub placements: Vec<Placement>,
    pub clusters: Vec<Cluster>,
    /// How many rows the placements use.
    pub rows: usize,
}

/// Space between labels along the axis.
const GAP_PX: f64 = 8.0;
/// Clusters gather what does not fit along stretches of this many pixels.
const CLUSTER_PX: f64 = 90.0;
/// The least a mark takes along the axis: its symbol.
pub const MARK_PX: f64 = 12.0;

/// Places the events whose day spans are given (in chronological order of start) that are in
/// view: each takes the first row where its label fits in full after its mark, else the
/// first where it fits before it; one that fits nowhere joins the cluster of its stretch of
/// the axis. `extent(i)` is how long event `i`'s label box is along the axis in pixels (its
/// measured width, or its height on a vertical axis); it is asked only of events that might
/// fit. The event `keep` (the selected one) is never gathered.
pub fn lay_out(spans: &[(Day, Day)], view: &Viewport, room: Room, keep: Option<usize>, extent: &mut dyn FnMut(usize) -> f64) -> Layout {
    let layout = place(spans, view, room, None, extent);
    match keep {
        Some(k) if k < spans.len() && view.shows(spans[k].0, spans[k].1) && !layout.placements.iter().any(|p| p.index == k) => {
            place(spans, view, room, Some(k), extent)
        }
        _ => layout,
    }
}

/// Where a date that begins on day `from` begins along the axis, in pixels.
fn start_px(view: &Viewport, room: Room, from: Day) -> f64 {
    view.fraction(f64::from(from.0)) * room.length_px
}

/// Where event `index`'s date bounds begin and end along the axis, in pixels; the end at
/// least a mark's length after the start.
fn span_px(spans: &[(Day, Day)], view: &Viewport, room: Room, index: usize) -> (f64, f64) {
    let (from, to) = spans[index];
    let start = start_px(view, room, from);
    let end = view.fraction(f64::from(to.0) + 1.0) * room.length_px;
    (start, end.max(start.max(0.0) + MARK_PX))
}

/// What a label box from `at` of `length` takes of its row along the axis: the box, and the
/// mark's bounds `start..end` too where the mark shares the row.
fn taken(room: Room, at: f64, length: f64, start: f64, end: f64) -> (f64, f64) {
    if room.marks_apart {
        (at, at + length)
    } else {
        (at.min(start.max(0.0)), (at + length).max(end.min(room.length_px)))
    }
}

/// Where a label box before a mark starting at `start` ends: with the mark's symbol, in view.
fn before(start: f64, room: Room) -> f64 {
    start.min(room.length_px - MARK_PX) + MARK_PX
}

/// One pass of [`lay_out`]; `first` is placed before all others, in the first row.
fn place(spans: &[(Day, Day)], view: &Viewport, room: Room, first: Option<usize>, extent: &mut dyn FnMut(usize) -> f64) -> Layout {
    let rows = room.rows.max(1);
    // Each row is taken up to here along the axis; a box is tried only beyond that, so boxes
    // never overlap (a hole left behind a row's end is not filled later).
    let mut row_ends = vec![f64::NEG_INFINITY; rows];
    let mut layout = Layout::default();
    // Each placement's label length, and the events that found no room, in order.
    let mut lengths = Vec::new();
    let mut gathered = Vec::new();
    // The first event's box, kept clear in row 0 by everything placed after it.
    let mut reserved: Option<(f64, f64)> = None;
    if let Some(k) = first {
        let (start, end) = span_px(spans, view, room, k);
        let length = extent(k);
        let (side, label_px) = if start.max(0.0) + length <= room.length_px {
            (Side::After, start.max(0.0))
        } else {
            (Side::Before, (before(start, room) - length).max(0.0))
        };
        reserved = Some(taken(room, label_px, length, start, end));
        layout.placements.push(Placement { index: k, row: 0, start_px: start, end_px: end, label_px, side });
        lengths.push(length);
        layout.rows = 1;
    }
    let clear = |row: usize, from: f64, to: f64| match reserved {
        Some((a, b)) if row == 0 => to + GAP_PX <= a || from >= b + GAP_PX,
        _ => true,
    };
    // The least end of any row: where no row is free, nothing is tried.
    let mut least_end = f64::NEG_INFINITY;
    let mut next = 0;
    while next < spans.len() {
        let index = next;
        next += 1;
        let (from, to) = spans[index];
        // Spans come in order of their start: none after this one is in view.
        if f64::from(from.0) >= view.to {
            break;
        }
        if Some(index) == first || !view.shows(from, to) {
            continue;
        }
        let (start, end) = span_px(spans, view, room, index);
        let anchor = start.max(0.0);
        // No row is free before the next few marks either: the whole run of events starting in
        // view before a row is free is gathered at once, unmeasured. A dense view of thousands
        // of events is mostly such runs.
        if start >= 0.0 && least_end + GAP_PX > anchor + room.push_px {
            let blocked = least_end + GAP_PX - room.push_px;
            let until = index + spans[index..].partition_point(|&(from, _)| f64::from(from.0) < view.to && start_px(view, room, from) < blocked);
            if room.marks_apart {
                gathered.extend((index..until).filter(|&k| Some(k) != first));
            } else {
                gather_run(&mut layout.clusters, spans, view, room, index..until, first);
            }
            next = until;
            continue;
        }
        let earliest = |row: usize| row_ends[row] + GAP_PX;
        let mut chosen = None;
        // Not even the mark fits anywhere: gather it without measuring its label.
        if least_end + GAP_PX <= anchor + room.push_px {
            let length = extent(index);
            // After the mark, pushed along by at most `push_px` (past the kept box if need be),
            // the label ending in view; a column's labels are settled in view afterwards.
            if room.marks_apart || anchor + length <= room.length_px {
                chosen = (0..rows).find_map(|r| {
                    let mut at = anchor.max(earliest(r));
                    if let Some((_, b)) = reserved.filter(|_| r == 0 && !clear(r, at, at + length)) {
                        at = at.max(b + GAP_PX);
                    }
                    let (from, to) = taken(room, at, length, start, end);
                    let in_view = room.marks_apart || at + length <= room.length_px;
                    let fits = at <= anchor + room.push_px && in_view && clear(r, from, to);
                    fits.then_some((r, Side::After, at, to))
                });
            }
            // Before it, ending with the mark's symbol.
            let at = before(start, room) - length;
            if chosen.is_none() && at >= 0.0 && least_end + GAP_PX <= at {
                let (from, to) = taken(room, at, length, start, end);
                chosen = (0..rows).find_map(|r| {
                    let fits = from >= earliest(r) && clear(r, from, to);
                    fits.then_some((r, Side::Before, at, to))
                });
            }
            if let Some((row, side, label_px, taken_to)) = chosen {
                row_ends[row] = row_ends[row].max(taken_to);
                least_end = row_ends.iter().copied().fold(f64::INFINITY, f64::min);
                layout.rows = layout.rows.max(row + 1);
                layout.placements.push(Placement { index, row, start_px: start, end_px: end, label_px, side });
                lengths.push(length);
            }
        }
        if chosen.is_none() {
            if room.marks_apart {
                gathered.push(index);
            } else {
                gather(&mut layout.clusters, spans, view, room, index);
            }
        }
    }
    if room.marks_apart {
        settle(&mut layout.placements, &lengths, room, reserved.map(|r| (first.is_some(), r)), &mut gathered);
        gathered.sort_unstable();
        for index in gathered {
            gather(&mut layout.clusters, spans, view, room, index);
        }
    }
    layout
}

/// A column's labels pulled back into view from the end, each no further than `push_px`
/// before its mark and clear of the kept box; those that cannot be are gathered.
fn settle(placements: &mut Vec<Placement>, lengths: &[f64], room: Room, kept: Option<(bool, (f64, f64))>, gathered: &mut Vec<usize>) {
    let skip = usize::from(kept.is_some_and(|(first, _)| first));
    let mut limit = room.length_px;
    let mut keep = vec![true; placements.len()];
    for i in (skip..placements.len()).rev() {
        let p = &mut placements[i];
        let mut at = p.label_px.min(limit - lengths[i]);
        // Where it would cover the kept box, it goes before the box.
        if let Some((_, (a, b))) = kept {
            if at < b + GAP_PX && at + lengths[i] + GAP_PX > a {
                limit = limit.min(a - GAP_PX);
                at = p.label_px.min(limit - lengths[i]);
            }
        }
        if at < 0.0 || p.start_px.max(0.0) - at > room.push_px {
            keep[i] = false;
            gathered.push(p.index);
        } else {
            p.label_px = at;
            limit = at - GAP_PX;
        }
    }
    let mut keep = keep.into_iter();
    placements.retain(|_| keep.next().unwrap_or(true));
}

/// The events `run` (in order along the axis, all starting in view) but `skip`, which found no
/// room, gathered as [`gather`] gathers each, a stretch of the axis at a time: where each stretch
/// ends is searched for, and its events are only counted.
fn gather_run(clusters: &mut Vec<Cluster>, spans: &[(Day, Day)], view: &Viewport, room: Room, run: Range<usize>, skip: Option<usize>) {
    let bucket_of = |from: Day| (start_px(view, room, from).max(0.0) / CLUSTER_PX).floor();
    let mut next = run.start;
    while next < run.end {
        let bucket = bucket_of(spans[next].0);
        let stretch = next..next + spans[next..run.end].partition_point(|&(from, _)| bucket_of(from) <= bucket);
        next = stretch.end;
        let mut members = stretch.filter(|&k| Some(k) != skip).peekable();
        let Some(&head) = members.peek() else { continue };
        if !clusters.last().is_some_and(|c| (c.at_px / CLUSTER_PX).floor() == bucket) {
            let at_px = bucket * CLUSTER_PX;
            let flipped = at_px + CLUSTER_PX > room.length_px;
            let (from, to) = spans[head];
            clusters.push(Cluster { at_px, count: 0, from, to, first: Vec::new(), flipped });
        }
        let Some(cluster) = clusters.last_mut() else { return };
        for index in members {
            let (from, to) = spans[index];
            cluster.count += 1;
            cluster.from = cluster.from.min(from);
            cluster.to = cluster.to.max(to);
            if cluster.first.len() < NAMED_IN_CLUSTER {
                cluster.first.push(index);
            }
        }
    }
}

/// Event `index`, which found no room, gathered into the cluster of the stretch of the axis it
/// starts in; events come in order along the axis.
fn gather(clusters: &mut Vec<Cluster>, spans: &[(Day, Day)], view: &Viewport, room: Room, index: usize) {
    let (from, to) = spans[index];
    let anchor = span_px(spans, view, room, index).0.max(0.0);
    let bucket = (anchor / CLUSTER_PX).floor();
    match clusters.last_mut() {
        Some(cluster) if (cluster.at_px / CLUSTER_PX).floor() == bucket => {
            cluster.count += 1;
            cluster.from = cluster.from.min(from);
            cluster.to = cluster.to.max(to);
            if cluster.first.len() < NAMED_IN_CLUSTER {
                cluster.first.push(index);
            }
        }
        _ => {
            let at_px = bucket * CLUSTER_PX;
            let flipped = at_px + CLUSTER_PX > room.length_px;
            clusters.push(Cluster { at_px, count: 1, from, to, first: vec![index], flipped });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventDate;

    fn day(text: &str) -> Day {
        EventDate::parse(text).unwrap().anchor()
    }

    fn whole() -> Viewport {
        Viewport::around(day("2011-01-01"), day("2017-03-02"))
    }

    #[test]
    fn zooming_in_keeps_the_point_under_the_pointer_and_stops_at_a_few_days() {
        let limits = whole();
        let view = limits.zoom(0.5, 0.25, &limits);
        assert!((view.span() - limits.span() / 2.0).abs() < 1e-6);
        let pivot = |v: &Viewport, at: f64| v.from + v.span() * at;
        assert!((pivot(&view, 0.25) - pivot(&limits, 0.25)).abs() < 1e-6);
        let mut deep = view;
        for _ in 0..100 {
            deep = deep.zoom(0.5, 0.5, &limits);
        }
        assert_eq!(deep.span(), MIN_SPAN_DAYS);
        let out = deep.zoom(1000.0, 0.5, &limits);
        assert_eq!(out, limits, "zooming out stops at the whole span");
    }

    #[test]
    fn panning_stops_at_the_ends() {
        let limits = whole();
        let view = limits.zoom(0.1, 0.5, &limits);
        let far = view.pan(100.0, &limits);
        assert!((far.to - limits.to).abs() < 1e-6);
        assert!((far.span() - view.span()).abs() < 1e-6);
        let back = far.pan(-100.0, &limits);
        assert!((back.from - limits.from).abs() < 1e-6);
    }

    #[test]
    fn revealing_an_event_out_of_view_centres_it() {
        let limits = whole();
        let view = limits.zoom(0.01, 0.0, &limits);
        let event = (day("2016-12-01"), day("2016-12-31"));
        assert!(!view.shows(event.0, event.1));
        let shown = view.reveal(event.0, event.1, &limits);
        assert!(shown.shows(event.0, event.1));
        assert!((shown.span() - view.span()).abs() < 1e-6);
        assert_eq!(shown.reveal(event.0, event.1, &limits), shown, "already in view: unchanged");
    }

    #[test]
    fn zooming_by_key_closes_in_on_the_selected_event() {
        let limits = whole();
        let event = (day("2017-03-02"), day("2017-03-02"));
        let mut view = limits;
        for _ in 0..20 {
            view = view.zoom_towards(0.5, Some(event), &limits);
        }
        assert_eq!(view.span(), MIN_SPAN_DAYS);
        assert_eq!(view.days(), (day("2017-03-01"), day("2017-03-03")));
        let middle = limits.zoom_towards(0.5, None, &limits);
        assert_eq!(middle, limits.zoom(0.5, 0.5, &limits));
    }

    #[test]
    fn an_exact_view_shows_the_days_it_was_made_of() {
        let limits = whole();
        let (from, to) = (day("2016-12-01"), day("2017-03-02"));
        assert_eq!(Viewport::exactly(from, to, &limits).days(), (from, to));
        for (factor, at) in [(0.3, 0.7), (0.3, 1.0), (0.3, 0.0), (0.001, 1.0), (1.0, 0.5)] {
            let view = limits.zoom(factor, at, &limits);
            let (a, b) = view.days();
            assert_eq!(Viewport::exactly(a, b, &limits).days(), (a, b), "{factor} at {at}");
        }
    }

    #[test]
    fn ticks_adapt_from_years_to_days() {
        let labels = |view: &Viewport| ticks(view, 8).into_iter().map(|t| t.label).collect::<Vec<_>>();
        assert_eq!(labels(&whole()), ["2011", "2012", "2013", "2014", "2015", "2016", "2017"]);
        let months = Viewport { from: f64::from(day("2016-10-15").0), to: f64::from(day("2017-03-15").0) };
        assert_eq!(labels(&months), ["Nov 2016", "Dec 2016", "Jan 2017", "Feb 2017", "Mar 2017"]);
        let days = Viewport { from: f64::from(day("2017-02-28").0), to: f64::from(day("2017-03-03").0) };
        assert_eq!(labels(&days), ["28 Feb", "1 Mar", "2 Mar", "3 Mar"]);
        assert_eq!(tick_unit(&days, 8), TickUnit::Days(1));
    }

    /// Every label box of a layout, as (row, from, to) in pixels.
    fn boxes(layout: &Layout, extent: impl Fn(usize) -> f64) -> Vec<(usize, f64, f64)> {
        layout.placements.iter().map(|p| (p.row, p.label_px, p.label_px + extent(p.index))).collect()
    }

    fn same_width(width: f64) -> impl FnMut(usize) -> f64 {
        move |_| width
    }

    #[test]
    fn overlapping_events_take_separate_rows_and_overflow_into_a_cluster() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-11").0) };
        let same_day = (day("2017-03-02"), day("2017-03-02"));
        let later = (day("2017-03-09"), day("2017-03-09"));
        let room = Room { length_px: 1000.0, rows: 2, push_px: 0.0, marks_apart: false };
        let layout = lay_out(&[same_day, same_day, same_day, same_day, later], &view, room, None, &mut same_width(150.0));
        let rows: Vec<(usize, usize)> = layout.placements.iter().map(|p| (p.index, p.row)).collect();
        assert_eq!(rows, [(0, 0), (1, 1), (4, 0)]);
        assert_eq!(layout.rows, 2);
        let cluster = &layout.clusters[..];
        assert_eq!(cluster.len(), 1);
        assert_eq!((cluster[0].count, cluster[0].from, cluster[0].to, &cluster[0].first[..]), (2, same_day.0, same_day.1, &[2, 3][..]));
        assert_eq!(cluster[0].label(), "+2");
        assert_eq!(cluster[0].description(&["A", "B"]), " more events, 2 March 2017: A; B. Zoom in");
        assert!(cluster[0].view(&whole()).shows(same_day.0, same_day.1));
    }

    #[test]
    fn a_cluster_names_its_first_events_and_counts_the_others() {
        let spans = vec![(day("2017-03-02"), day("2017-03-02")); 7];
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-04").0) };
        let layout = lay_out(&spans, &view, Room { length_px: 600.0, rows: 1, push_px: 0.0, marks_apart: false }, None, &mut same_width(100.0));
        let cluster = &layout.clusters[0];
        assert_eq!((cluster.count, cluster.first.len()), (6, NAMED_IN_CLUSTER));
        assert_eq!(cluster.description(&["A", "B", "C"]), " more events, 2 March 2017: A; B; C and 3 others. Zoom in");
        let one = Cluster { count: 1, first: vec![0], ..cluster.clone() };
        assert_eq!(one.description(&["A"]), " more event, 2 March 2017: A. Zoom in");
    }

    #[test]
    fn clusters_stay_where_their_events_are() {
        let view = Viewport { from: f64::from(day("2017-01-01").0), to: f64::from(day("2017-01-31").0) };
        let spans: Vec<(Day, Day)> = (1..=30).flat_map(|d| {
            let date = day(&format!("2017-01-{d:02}"));
            [(date, date); 3]
        }).collect();
        let room = Room { length_px: 900.0, rows: 2, push_px: 0.0, marks_apart: false };
        let layout = lay_out(&spans, &view, room, None, &mut same_width(150.0));
        assert_eq!(layout.placements.len() + layout.clusters.iter().map(|c| c.count).sum::<usize>(), 90, "every event is placed or counted");
        assert_eq!(layout.clusters.len(), 10, "one cluster per 90 px of axis");
        for pair in layout.clusters.windows(2) {
            assert!(pair[0].at_px + CLUSTER_PX <= pair[1].at_px && pair[0].to < pair[1].from);
        }
    }

    #[test]
    fn events_out_of_view_are_not_placed() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-03").0) };
        let spans = [(day("2015-05-01"), day("2015-05-31")), (day("2016-01-01"), day("2017-12-31")), (day("2017-03-02"), day("2017-03-02"))];
        let layout = lay_out(&spans, &view, Room { length_px: 500.0, rows: 4, push_px: 0.0, marks_apart: false }, None, &mut same_width(10.0));
        assert_eq!(layout.placements.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn labels_near_the_end_run_backwards_and_still_take_their_room() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-11").0) };
        let near_end = (day("2017-03-10"), day("2017-03-10"));
        let just_before = (day("2017-03-09"), day("2017-03-09"));
        let room = Room { length_px: 1000.0, rows: 2, push_px: 0.0, marks_apart: false };
        let layout = lay_out(&[just_before, near_end], &view, room, None, &mut same_width(300.0));
        assert!(layout.placements.iter().all(|p| p.side == Side::Before));
        assert_eq!(layout.placements.iter().map(|p| p.row).collect::<Vec<_>>(), [0, 1], "labels before their marks overlap, so they stack");
        for p in &layout.placements {
            assert!((p.label_px + 300.0 - (p.start_px + MARK_PX)).abs() < 1e-9, "the label ends with its mark");
        }
    }

    #[test]
    fn the_kept_event_is_never_gathered() {
        let spans = vec![(day("2017-03-02"), day("2017-03-02")); 5];
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-04").0) };
        let room = Room { length_px: 600.0, rows: 2, push_px: 0.0, marks_apart: false };
        let plain = lay_out(&spans, &view, room, None, &mut same_width(100.0));
        assert!(!plain.placements.iter().any(|p| p.index == 4));
        let kept = lay_out(&spans, &view, room, Some(4), &mut same_width(100.0));
        assert!(kept.placements.iter().any(|p| p.index == 4 && p.row == 0));
        assert_eq!(kept.placements.len(), 2);
        assert_eq!(kept.clusters.iter().map(|c| c.count).sum::<usize>(), 3);
        let placed = lay_out(&spans, &view, room, Some(0), &mut same_width(100.0));
        assert_eq!(placed, plain, "an event already drawn changes nothing");
    }

    #[test]
    fn on_one_column_labels_are_pushed_along_rather_than_gathered() {
        let spans = vec![(day("2017-03-02"), day("2017-03-02")); 4];
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-04").0) };
        let room = Room { length_px: 600.0, rows: 1, push_px: 150.0, marks_apart: true };
        let layout = lay_out(&spans, &view, room, None, &mut same_width(36.0));
        assert_eq!(layout.placements.len(), 4);
        let starts: Vec<f64> = layout.placements.iter().map(|p| p.label_px.round()).collect();
        assert_eq!(starts, [200.0, 244.0, 288.0, 332.0]);
        assert!(!layout.placements[0].pushed() && layout.placements[3].pushed());
        let tight = lay_out(&spans, &view, Room { push_px: 50.0, ..room }, None, &mut same_width(36.0));
        assert_eq!((tight.placements.len(), tight.clusters[0].count), (2, 2));
    }

    #[test]
    fn a_column_pulls_labels_at_its_end_back_before_their_marks() {
        let spans = vec![(day("2017-03-02"), day("2017-03-02")); 5];
        let view = Viewport { from: f64::from(day("2016-03-02").0), to: f64::from(day("2017-03-03").0) };
        let room = Room { length_px: 600.0, rows: 1, push_px: 250.0, marks_apart: true };
        let layout = lay_out(&spans, &view, room, Some(2), &mut same_width(36.0));
        assert!(layout.clusters.is_empty());
        let mut starts: Vec<(usize, f64)> = layout.placements.iter().map(|p| (p.index, p.label_px.round())).collect();
        starts.sort_by(|a, b| a.1.total_cmp(&b.1));
        assert_eq!(starts.last().map(|s| s.1 + 36.0), Some(600.0), "the last label ends with the view");
        assert!(layout.placements.iter().all(|p| p.label_px + 36.0 <= 600.0 && p.start_px - p.label_px <= 250.0));
        let short = lay_out(&spans, &view, Room { push_px: 60.0, ..room }, Some(2), &mut same_width(36.0));
        assert!(short.placements.iter().any(|p| p.index == 2), "the kept event stays");
        assert_eq!(short.placements.len() + short.clusters.iter().map(|c| c.count).sum::<usize>(), 5);
    }

    #[test]
    fn labels_are_measured_only_where_they_might_fit() {
        let spans = vec![(day("2017-03-02"), day("2017-03-02")); 10_000];
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-04").0) };
        let mut asked = 0;
        let layout = lay_out(&spans, &view, Room { length_px: 600.0, rows: 3, push_px: 0.0, marks_apart: false }, None, &mut |_| {
            asked += 1;
            100.0
        });
        assert_eq!(layout.placements.len(), 3);
        assert_eq!(asked, 3);
    }

    #[test]
    fn label_boxes_never_overlap_and_stay_in_view() {
        // Deterministic pseudo-random spans and widths.
        let mut seed = 7_u64;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let base = day("2016-01-01").0;
        let mut spans: Vec<(Day, Day)> = (0..400)
            .map(|_| {
                let from = base + next(700) as i32;
                (Day(from), Day(from + next(40) as i32))
            })
            .collect();
        spans.sort();
        let widths: Vec<f64> = (0..spans.len()).map(|_| 40.0 + next(260) as f64).collect();
        for (length_px, rows, push_px) in [(1000.0, 12, 0.0), (330.0, 1, 120.0), (766.0, 4, 0.0)] {
            for span_days in [20.0, 90.0, 400.0, 800.0] {
                let view = Viewport { from: f64::from(base) + 100.0, to: f64::from(base) + 100.0 + span_days };
                let room = Room { length_px, rows, push_px, marks_apart: push_px > 0.0 };
                let layout = lay_out(&spans, &view, room, Some(200), &mut |i| widths[i]);
                let shown = spans.iter().filter(|s| view.shows(s.0, s.1)).count();
                assert_eq!(layout.placements.len() + layout.clusters.iter().map(|c| c.count).sum::<usize>(), shown);
                let boxes = boxes(&layout, |i| widths[i]);
                for (i, a) in boxes.iter().enumerate() {
                    assert!(a.1 >= -1e-9 && a.2 <= length_px + 1e-9, "{a:?} is in view");
                    for b in &boxes[i + 1..] {
                        assert!(a.0 != b.0 || a.2 + GAP_PX <= b.1 + 1e-9 || b.2 + GAP_PX <= a.1 + 1e-9, "{a:?} and {b:?} overlap");
                    }
                }
                if view.shows(spans[200].0, spans[200].1) {
                    assert!(layout.placements.iter().any(|p| p.index == 200));
                }
                // Runs gathered at once are gathered as one by one.
                let mut one_by_one = Vec::new();
                for index in (0..spans.len()).filter(|&i| view.shows(spans[i].0, spans[i].1)) {
                    if !layout.placements.iter().any(|p| p.index == index) {
                        gather(&mut one_by_one, &spans, &view, room, index);
                    }
                }
                assert_eq!(layout.clusters, one_by_one);
            }
        }
    }
}
