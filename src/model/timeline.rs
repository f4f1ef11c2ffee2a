//! The geometry of the timeline, free of any screen: the visible range of days, zooming and
//! panning it, axis ticks that adapt from years to days, and placing events in lanes so that
//! none overlaps another unreadably.
//!
//! Positions are fractions of the visible range (0 at its start, 1 at its end); the UI turns
//! them into pixels along whichever axis it draws.

use super::date::{day_range_words, month_name, CivilDate, Day};

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
        let at = at.clamp(0.0, 1.0);
        let span = (self.span() * factor).clamp(MIN_SPAN_DAYS, limits.span());
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
        let from = self.from.clamp(limits.from, limits.to - span);
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
                let span = (self.span() * factor).clamp(MIN_SPAN_DAYS, limits.span());
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
        let day = Day::from_civil(date);
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

/// One event placed on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The event's index in the list given to [`lay_out`].
    pub index: usize,
    pub lane: usize,
    /// Fractions of the view; `end` is the end of the event's last possible day.
    pub start: f64,
    pub end: f64,
    /// True when the label runs back from the end of the mark, near the end of the view.
    pub flipped: bool,
}

/// Events that did not fit in any lane at one spot, drawn as one mark that zooms in.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub start: f64,
    pub end: f64,
    pub count: usize,
    /// The days the clustered events cover, to zoom to.
    pub from: Day,
    pub to: Day,
    /// True when it sits at the very end of the view and its label must run back.
    pub flipped: bool,
}

impl Cluster {
    /// What the mark shows: "+6".
    pub fn label(&self) -> String {
        format!("+{}", self.count)
    }

    /// What it holds and does, for a screen reader, after the label: " more events, 1–2 March
    /// 2017: zoom in".
    pub fn description(&self) -> String {
        format!(" more events, {}: zoom in", day_range_words(self.from, self.to))
    }

    /// The view it zooms to: its days, with a margin, within `limits`.
    pub fn view(&self, limits: &Viewport) -> Viewport {
        Viewport::around(self.from, self.to).zoom(1.0, 0.5, limits)
    }
}

/// What the axis room is: its length in pixels, how long a mark's label runs along it, and
/// how many lanes there are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    pub length_px: f64,
    pub label_px: f64,
    pub lanes: usize,
}

/// Places the events whose day spans are given (in chronological order of start) in lanes:
/// each event takes the first lane free at its start, counting its label; one that finds no
/// lane joins a cluster. Only events in view are placed.
pub fn lay_out(spans: &[(Day, Day)], view: &Viewport, room: Room) -> (Vec<Placement>, Vec<Cluster>) {
    const GAP_PX: f64 = 6.0;
    // Clusters gather what does not fit along stretches of this many pixels.
    const CLUSTER_PX: f64 = 90.0;
    const MARK_PX: f64 = 12.0;
    let mut lane_ends = vec![f64::NEG_INFINITY; room.lanes.max(1)];
    let mut placements = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (index, &(from, to)) in spans.iter().enumerate() {
        if !view.shows(from, to) {
            continue;
        }
        let start = view.fraction(f64::from(from.0));
        let end = view.fraction(f64::from(to.0) + 1.0);
        let start_px = start.max(0.0) * room.length_px;
        let mark_end_px = (end.min(1.0) * room.length_px).max(start_px + MARK_PX);
        // A label that would run off the end runs back from the mark's end instead.
        let flipped = start_px + room.label_px > room.length_px;
        let (taken_from, taken_to) = if flipped {
            ((mark_end_px - room.label_px).min(start_px), mark_end_px)
        } else {
            (start_px, mark_end_px.max(start_px + room.label_px))
        };
        match lane_ends.iter().position(|&lane_end| lane_end + GAP_PX <= taken_from) {
            Some(lane) => {
                lane_ends[lane] = taken_to;
                placements.push(Placement { index, lane, start, end, flipped });
            }
            // No lane is free: the event joins the cluster of its stretch of the axis.
            None => {
                let bucket = (start_px / CLUSTER_PX).floor();
                match clusters.last_mut() {
                    Some(cluster) if (cluster.start * room.length_px / CLUSTER_PX).floor() == bucket => {
                        cluster.count += 1;
                        cluster.from = cluster.from.min(from);
                        cluster.to = cluster.to.max(to);
                    }
                    _ => {
                        let (start, end) = (bucket * CLUSTER_PX / room.length_px, (bucket + 1.0) * CLUSTER_PX / room.length_px);
                        let flipped = (bucket + 1.0) * CLUSTER_PX > room.length_px;
                        clusters.push(Cluster { start, end, count: 1, from, to, flipped });
                    }
                }
            }
        }
    }
    (placements, clusters)
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

    #[test]
    fn overlapping_events_take_separate_lanes_and_overflow_into_a_cluster() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-11").0) };
        let same_day = (day("2017-03-02"), day("2017-03-02"));
        let later = (day("2017-03-09"), day("2017-03-09"));
        let room = Room { length_px: 1000.0, label_px: 150.0, lanes: 2 };
        let (placed, clusters) = lay_out(&[same_day, same_day, same_day, same_day, later], &view, room);
        let lanes: Vec<(usize, usize)> = placed.iter().map(|p| (p.index, p.lane)).collect();
        assert_eq!(lanes, [(0, 0), (1, 1), (4, 0)]);
        assert_eq!(clusters.len(), 1);
        assert_eq!((clusters[0].count, clusters[0].from, clusters[0].to), (2, same_day.0, same_day.1));
        assert_eq!(clusters[0].label(), "+2");
        assert_eq!(clusters[0].description(), " more events, 2 March 2017: zoom in");
        assert!(clusters[0].view(&whole()).shows(same_day.0, same_day.1));
    }

    #[test]
    fn clusters_stay_where_their_events_are() {
        let view = Viewport { from: f64::from(day("2017-01-01").0), to: f64::from(day("2017-01-31").0) };
        let spans: Vec<(Day, Day)> = (1..=30).flat_map(|d| {
            let date = day(&format!("2017-01-{d:02}"));
            [(date, date); 3]
        }).collect();
        let room = Room { length_px: 900.0, label_px: 150.0, lanes: 2 };
        let (placed, clusters) = lay_out(&spans, &view, room);
        assert_eq!(placed.len() + clusters.iter().map(|c| c.count).sum::<usize>(), 90, "every event is placed or counted");
        assert_eq!(clusters.len(), 10, "one cluster per 90 px of axis");
        for pair in clusters.windows(2) {
            assert!(pair[0].end <= pair[1].start && pair[0].to < pair[1].from);
        }
    }

    #[test]
    fn events_out_of_view_are_not_placed() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-03").0) };
        let spans = [(day("2015-05-01"), day("2015-05-31")), (day("2016-01-01"), day("2017-12-31")), (day("2017-03-02"), day("2017-03-02"))];
        let (placed, _) = lay_out(&spans, &view, Room { length_px: 500.0, label_px: 10.0, lanes: 4 });
        assert_eq!(placed.iter().map(|p| p.index).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn labels_near_the_end_run_backwards_and_still_take_their_room() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-11").0) };
        let near_end = (day("2017-03-10"), day("2017-03-10"));
        let just_before = (day("2017-03-09"), day("2017-03-09"));
        let room = Room { length_px: 1000.0, label_px: 300.0, lanes: 2 };
        let (placed, _) = lay_out(&[just_before, near_end], &view, room);
        assert!(placed.iter().all(|p| p.flipped));
        assert_eq!(placed.iter().map(|p| p.lane).collect::<Vec<_>>(), [0, 1], "flipped labels overlap, so they stack");
    }
}
