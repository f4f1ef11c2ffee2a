//! The overview strip, free of any screen: how many events fall where over the dataset's whole
//! range, who held a place over that range in miniature, and the window that shows which part
//! of it the detail view holds, with what dragging and keys do to that window.
//!
//! Positions are fractions of the dataset's whole range (`Catalog::limits`): 0 at its start, 1
//! at its end. The window is derived from the detail view, never stored: moving the window sets
//! the view, and zooming or panning the view moves the window.
//!
//! What does not belong here: the detail view's own zoom and pan (`timeline`), and anything
//! about pixels beyond a fraction of the strip.

use super::control::ControlTrack;
use super::date::{day_range_words, Day};
use super::timeline::{Viewport, MIN_SPAN_DAYS};
use super::within;

/// How many bins the density has: fine enough to see where events gather, and few enough to
/// draw as one path whatever the number of events.
pub const DENSITY_BINS: usize = 120;

/// How many stretches the miniature control band has at most: a place that changed hands
/// more often is sampled at this many points.
pub const BAND_CELLS: usize = 240;

/// How far an arrow key moves the window, or one of its edges, as a fraction of the view's span.
pub const SMALL_STEP: f64 = 0.1;

/// How far Page Up and Page Down move the whole window (a window's width) and an edge (half
/// of it), as fractions of the view's span.
pub const PAGE_STEP: f64 = 1.0;
pub const EDGE_PAGE_STEP: f64 = 0.5;

/// How many events fall into each bin of the whole range: an event counts in every bin that
/// its days start in or overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Density {
    pub counts: Vec<u32>,
}

impl Density {
    /// The density of the events with these day spans over `limits`, in `bins` bins of equal
    /// length. Linear in the number of events, whatever their length: each adds one at its first
    /// bin and takes one off after its last.
    pub fn of(spans: impl IntoIterator<Item = (Day, Day)>, limits: &Viewport, bins: usize) -> Density {
        let bins = bins.max(1);
        let width = limits.span() / bins as f64;
        let last = bins - 1;
        let bin_of = |day: f64| within(((day - limits.from) / width).floor(), 0.0, last as f64) as usize;
        let mut changes = vec![0_i64; bins + 1];
        for (from, to) in spans {
            let first = bin_of(f64::from(from.0));
            // The event's days end at the start of the day after `to`; a bin that starts just
            // there does not hold it.
            let end = f64::from(to.0) + 1.0;
            let ending = within(((end - limits.from) / width).ceil() - 1.0, 0.0, last as f64) as usize;
            changes[first] += 1;
            changes[ending.max(first) + 1] -= 1;
        }
        let mut running = 0_i64;
        let counts = changes[..bins]
            .iter()
            .map(|change| {
                running += change;
                u32::try_from(running).unwrap_or(u32::MAX)
            })
            .collect();
        Density { counts }
    }

    /// The busiest bin's count.
    pub fn max(&self) -> u32 {
        self.counts.iter().copied().max().unwrap_or(0)
    }

    /// Each bin's height out of `full`, the busiest bin full height and the others by the
    /// square root of their share of it, so that a bin with a few events still reads beside
    /// one with thousands; a bin with any event is at least an eighth of `full` high.
    pub fn heights(&self, full: u32) -> Vec<u32> {
        let max = f64::from(self.max().max(1));
        let least = full.div_ceil(8).max(1).min(full);
        self.counts
            .iter()
            .map(|&count| match count {
                0 => 0,
                n => (((f64::from(n) / max).sqrt() * f64::from(full)).round().min(f64::from(full)) as u32).max(least),
            })
            .collect()
    }
}

/// One stretch of the miniature control band.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    /// Fractions of the whole range.
    pub start: f64,
    pub end: f64,
    /// The holder, by its place in [`ControlTrack::holders`], as the detail band colours it.
    pub holder: usize,
}

/// Who held the track's place over the whole range `limits`, as at most `cells` stretches: the
/// segments themselves when there are no more than that, else the holder at the middle of each
/// of `cells` equal cells, neighbours with the same holder joined.
pub fn miniature(track: &ControlTrack, limits: &Viewport, cells: usize) -> Vec<Stretch> {
    let holders = track.holders();
    let holder_of = |name: &str| holders.iter().position(|h| *h == name).unwrap_or(0);
    let fraction = |day: f64| within((day - limits.from) / limits.span(), 0.0, 1.0);
    let extents: Vec<(f64, f64, usize)> = track
        .segments
        .iter()
        .map(|s| {
            let (from, to) = s.extent(limits.to);
            (fraction(from), fraction(to), holder_of(&s.holder))
        })
        .collect();
    let cells = cells.max(1);
    if extents.len() <= cells {
        return extents.into_iter().filter(|(start, end, _)| end > start).map(|(start, end, holder)| Stretch { start, end, holder }).collect();
    }
    let width = 1.0 / cells as f64;
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut segment = 0;
    for cell in 0..cells {
        let middle = (cell as f64 + 0.5) * width;
        // Segments follow each other in time: the one holding this cell's middle is at or after
        // the one that held the previous cell's.
        while segment < extents.len() && extents[segment].1 <= middle {
            segment += 1;
        }
        let Some(&(start, _, holder)) = extents.get(segment) else { break };
        if start > middle {
            continue;
        }
        let (from, to) = (cell as f64 * width, (cell + 1) as f64 * width);
        match stretches.last_mut() {
            Some(last) if last.holder == holder && (last.end - from).abs() < width / 2.0 => last.end = to,
            _ => stretches.push(Stretch { start: from, end: to, holder }),
        }
    }
    stretches
}

/// The part of the strip the detail view covers, as fractions of the whole range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

impl Window {
    /// The window over the view `view` of the whole range `limits`.
    pub fn of(view: &Viewport, limits: &Viewport) -> Window {
        let fraction = |day: f64| within((day - limits.from) / limits.span(), 0.0, 1.0);
        Window { start: fraction(view.from), end: fraction(view.to) }
    }

    pub fn width(&self) -> f64 {
        self.end - self.start
    }
}

/// The view of the same span centred on the fraction `at` of the whole range (a press on the
/// strip outside the window), kept within `limits`.
pub fn centred_at(view: &Viewport, at: f64, limits: &Viewport) -> Viewport {
    let target = limits.from + limits.span() * within(at, 0.0, 1.0);
    let centre = (view.from + view.to) / 2.0;
    view.pan((target - centre) / view.span(), limits)
}

/// What a reader takes hold of: the whole window, or one of its edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grip {
    Whole,
    Start,
    End,
}

/// A key press on the window or an edge, as slider keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Arrow left or down.
    Back,
    /// Arrow right or up.
    Forward,
    PageBack,
    PageForward,
    /// Home: to the start of the whole range.
    First,
    /// End: to its end.
    Last,
}

impl Grip {
    /// The view after this grip was dragged by `delta` (a fraction of the strip; positive is
    /// later) from where it was at the press, when the view was `pressed`. The whole window
    /// keeps its span; an edge moves alone, no closer to the other than the narrowest view.
    /// Always within `limits`.
    pub fn drag(self, pressed: &Viewport, delta: f64, limits: &Viewport) -> Viewport {
        let shift = delta * limits.span();
        match self {
            Grip::Whole => pressed.pan(shift / pressed.span(), limits),
            Grip::Start => with_start(pressed, pressed.from + shift, limits),
            Grip::End => with_end(pressed, pressed.to + shift, limits),
        }
    }

    /// The view after a key press on this grip: arrows move the window by a tenth of its span
    /// (or an edge by as much), Page Up and Down by a whole window (an edge by half of one),
    /// Home and End to the ends of the whole range (an edge as far as it can go that way).
    pub fn step(self, view: &Viewport, step: Step, limits: &Viewport) -> Viewport {
        let page = if self == Grip::Whole { PAGE_STEP } else { EDGE_PAGE_STEP };
        let by = |fraction: f64| {
            let shift = view.span() * fraction;
            match self {
                Grip::Whole => view.pan(fraction, limits),
                Grip::Start => with_start(view, view.from + shift, limits),
                Grip::End => with_end(view, view.to + shift, limits),
            }
        };
        match step {
            Step::Back => by(-SMALL_STEP),
            Step::Forward => by(SMALL_STEP),
            Step::PageBack => by(-page),
            Step::PageForward => by(page),
            Step::First => match self {
                Grip::Whole => view.pan((limits.from - view.from) / view.span(), limits),
                Grip::Start => with_start(view, limits.from, limits),
                Grip::End => with_end(view, view.from, limits),
            },
            Step::Last => match self {
                Grip::Whole => view.pan((limits.to - view.to) / view.span(), limits),
                Grip::Start => with_start(view, view.to, limits),
                Grip::End => with_end(view, limits.to, limits),
            },
        }
    }

    /// Where the grip is on the strip, in whole percent: the window's middle, or an edge. A
    /// slider's value, which its words ([`Grip::words`]) say for a screen reader.
    pub fn percent(self, window: &Window) -> u32 {
        let at = match self {
            Grip::Whole => (window.start + window.end) / 2.0,
            Grip::Start => window.start,
            Grip::End => window.end,
        };
        (within(at, 0.0, 1.0) * 100.0).round() as u32
    }

    /// The grip's value in words: the days in view ("1–3 March 2017"), or the first or last of
    /// them ("1 March 2017").
    pub fn words(self, view: &Viewport) -> String {
        let (first, last) = view.days();
        match self {
            Grip::Whole => view.describe(),
            Grip::Start => day_range_words(first, first),
            Grip::End => day_range_words(last, last),
        }
    }
}

/// The view with its start moved to `from`, at least the narrowest view before its end and not
/// before the whole range.
fn with_start(view: &Viewport, from: f64, limits: &Viewport) -> Viewport {
    let latest = view.to - MIN_SPAN_DAYS;
    Viewport { from: from.min(latest).max(limits.from), to: view.to }
}

/// The view with its end moved to `to`, at least the narrowest view after its start and not
/// past the whole range.
fn with_end(view: &Viewport, to: f64, limits: &Viewport) -> Viewport {
    let earliest = view.from + MIN_SPAN_DAYS;
    Viewport { from: view.from, to: to.max(earliest).min(limits.to) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventDate;
    use proptest::prelude::*;

    fn day(text: &str) -> Day {
        EventDate::parse(text).unwrap().anchor()
    }

    /// A whole range of 100 days from day 0, to keep the arithmetic readable.
    const LIMITS: Viewport = Viewport { from: 0.0, to: 100.0 };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn density_counts_each_event_in_every_bin_it_starts_in_or_overlaps() {
        let check = |spans: &[(i32, i32)], expected: [u32; 10]| {
            let density = Density::of(spans.iter().map(|&(a, b)| (Day(a), Day(b))), &LIMITS, 10);
            assert_eq!(density.counts, expected, "{spans:?}");
        };
        check(&[], [0; 10]);
        check(&[(0, 0)], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // Days 9 and 10: the first bin holds days 0–9, the second 10–19.
        check(&[(9, 10)], [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        // Day 19 ends where the third bin begins: it is not in it.
        check(&[(10, 19)], [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        check(&[(5, 55), (50, 50), (99, 99)], [1, 1, 1, 1, 1, 2, 0, 0, 0, 1]);
        // Outside the range, an event is counted at the nearest end.
        check(&[(-30, -20), (150, 160)], [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn density_heights_grow_with_the_count_and_a_lone_event_still_shows() {
        let density = Density { counts: vec![0, 1, 1000, 500] };
        assert_eq!(density.max(), 1000);
        assert_eq!(density.heights(100), [0, 13, 100, 71]);
        assert_eq!(Density { counts: vec![1, 4, 16] }.heights(100), [25, 50, 100], "by the square root");
        assert_eq!(Density { counts: vec![0, 0] }.heights(100), [0, 0], "no event, no height");
        assert_eq!(Density { counts: vec![3] }.heights(1), [1]);
        assert_eq!(Density { counts: vec![1, u32::MAX] }.heights(100), [13, 100], "however many the others");
    }

    #[test]
    fn density_of_a_hundred_thousand_events_is_quick() {
        let spans: Vec<(Day, Day)> = (0..100_000).map(|i| (Day(i % 7000), Day(i % 7000 + i % 400))).collect();
        let limits = Viewport { from: 0.0, to: 7500.0 };
        let start = std::time::Instant::now();
        let density = Density::of(spans.iter().copied(), &limits, DENSITY_BINS);
        // A generous bound for an unoptimised test build on a busy machine; it takes about a
        // millisecond.
        assert!(start.elapsed().as_millis() < 200, "took {:?}", start.elapsed());
        assert_eq!(density.counts.len(), DENSITY_BINS);
        assert!(density.counts.iter().map(|&c| u64::from(c)).sum::<u64>() >= 100_000, "every event is in a bin");
    }

    fn palmyra_like_track() -> ControlTrack {
        let dataset = crate::model::fixtures::control();
        ControlTrack::all(&dataset).remove(0)
    }

    #[test]
    fn the_miniature_band_is_the_segments_when_few() {
        let track = palmyra_like_track();
        let limits = Viewport { from: f64::from(day("2015-01-01").0), to: f64::from(day("2017-01-01").0) };
        let stretches = miniature(&track, &limits, BAND_CELLS);
        let holders = track.holders();
        let expected: Vec<(usize, f64, f64)> = track
            .segments
            .iter()
            .map(|s| {
                let (from, to) = s.extent(limits.to);
                let holder = holders.iter().position(|h| *h == s.holder).unwrap();
                (holder, (from - limits.from) / limits.span(), (to - limits.from) / limits.span())
            })
            .collect();
        let got: Vec<(usize, f64, f64)> = stretches.iter().map(|s| (s.holder, s.start, s.end)).collect();
        assert_eq!(got, expected);
        assert!(close(stretches.last().unwrap().end, 1.0), "the last holder holds to the end of the record");
    }

    #[test]
    fn the_miniature_band_samples_a_busy_place_into_few_stretches() {
        let base = palmyra_like_track();
        let template = base.segments[0].clone();
        // A place that changes hands every day for 1000 days between two holders, then stays.
        let mut track = ControlTrack { place: "Busy".into(), segments: Vec::new() };
        for i in 0..1000 {
            let mut segment = template.clone();
            segment.holder = if i < 999 { ["A", "B"][i % 2].to_string() } else { "C".to_string() };
            segment.since = EventDate::parse(&Day(i as i32).to_string()).unwrap();
            segment.until = (i < 999).then(|| Day(i as i32 + 1));
            track.segments.push(segment);
        }
        let limits = Viewport { from: 0.0, to: 2000.0 };
        let stretches = miniature(&track, &limits, 100);
        assert!(stretches.len() <= 100);
        let last = stretches.last().unwrap();
        assert!(last.holder == 2 && close(last.end, 1.0), "C holds the second half: {last:?}");
        assert!(close(last.start, 0.5), "one stretch for C, joined: {last:?}");
        for pair in stretches.windows(2) {
            assert!(pair[0].end <= pair[1].start + 1e-9);
        }
    }

    #[test]
    fn the_window_is_the_view_as_fractions_of_the_whole_range() {
        let window = Window::of(&Viewport { from: 25.0, to: 50.0 }, &LIMITS);
        assert_eq!(window, Window { start: 0.25, end: 0.5 });
        assert!(close(window.width(), 0.25));
        assert_eq!(Window::of(&LIMITS, &LIMITS), Window { start: 0.0, end: 1.0 });
        assert_eq!((Grip::Whole.percent(&window), Grip::Start.percent(&window), Grip::End.percent(&window)), (38, 25, 50));
    }

    #[test]
    fn dragging_the_window_moves_the_view_and_stops_at_the_ends() {
        let view = Viewport { from: 20.0, to: 40.0 };
        assert_eq!(Grip::Whole.drag(&view, 0.1, &LIMITS), Viewport { from: 30.0, to: 50.0 });
        assert_eq!(Grip::Whole.drag(&view, -0.5, &LIMITS), Viewport { from: 0.0, to: 20.0 });
        assert_eq!(Grip::Whole.drag(&view, 5.0, &LIMITS), Viewport { from: 80.0, to: 100.0 });
        assert_eq!(Grip::Whole.drag(&LIMITS, 0.3, &LIMITS), LIMITS, "the whole range cannot move");
    }

    #[test]
    fn dragging_an_edge_resizes_the_view_down_to_the_narrowest() {
        let view = Viewport { from: 20.0, to: 40.0 };
        assert_eq!(Grip::Start.drag(&view, 0.1, &LIMITS), Viewport { from: 30.0, to: 40.0 });
        assert_eq!(Grip::Start.drag(&view, -0.5, &LIMITS), Viewport { from: 0.0, to: 40.0 });
        assert_eq!(Grip::Start.drag(&view, 0.9, &LIMITS), Viewport { from: 40.0 - MIN_SPAN_DAYS, to: 40.0 });
        assert_eq!(Grip::End.drag(&view, -0.1, &LIMITS), Viewport { from: 20.0, to: 30.0 });
        assert_eq!(Grip::End.drag(&view, 0.9, &LIMITS), Viewport { from: 20.0, to: 100.0 });
        assert_eq!(Grip::End.drag(&view, -0.9, &LIMITS), Viewport { from: 20.0, to: 20.0 + MIN_SPAN_DAYS });
    }

    #[test]
    fn a_press_outside_the_window_centres_the_view_there() {
        let view = Viewport { from: 20.0, to: 40.0 };
        assert_eq!(centred_at(&view, 0.7, &LIMITS), Viewport { from: 60.0, to: 80.0 });
        assert_eq!(centred_at(&view, 0.99, &LIMITS), Viewport { from: 80.0, to: 100.0 }, "kept within the range");
        assert_eq!(centred_at(&view, 0.0, &LIMITS), Viewport { from: 0.0, to: 20.0 });
    }

    #[test]
    fn keys_move_the_window_and_resize_it_by_its_edges() {
        let view = Viewport { from: 20.0, to: 40.0 };
        let check = |grip: Grip, step: Step, expected: (f64, f64)| {
            let got = grip.step(&view, step, &LIMITS);
            assert!(close(got.from, expected.0) && close(got.to, expected.1), "{grip:?} {step:?}: {got:?}, expected {expected:?}");
        };
        check(Grip::Whole, Step::Forward, (22.0, 42.0));
        check(Grip::Whole, Step::Forward, (22.0, 42.0));
        check(Grip::Whole, Step::Back, (18.0, 38.0));
        check(Grip::Whole, Step::Back, (18.0, 38.0));
        check(Grip::Whole, Step::PageForward, (40.0, 60.0));
        check(Grip::Whole, Step::PageBack, (0.0, 20.0));
        check(Grip::Whole, Step::First, (0.0, 20.0));
        check(Grip::Whole, Step::Last, (80.0, 100.0));
        check(Grip::Start, Step::Forward, (22.0, 40.0));
        check(Grip::Start, Step::Back, (18.0, 40.0));
        check(Grip::Start, Step::PageForward, (30.0, 40.0));
        check(Grip::Start, Step::PageBack, (10.0, 40.0));
        check(Grip::Start, Step::First, (0.0, 40.0));
        check(Grip::Start, Step::Last, (40.0 - MIN_SPAN_DAYS, 40.0));
        check(Grip::End, Step::Forward, (20.0, 42.0));
        check(Grip::End, Step::Back, (20.0, 38.0));
        check(Grip::End, Step::PageForward, (20.0, 50.0));
        check(Grip::End, Step::PageBack, (20.0, 30.0));
        check(Grip::End, Step::First, (20.0, 20.0 + MIN_SPAN_DAYS));
        check(Grip::End, Step::Last, (20.0, 100.0));
    }

    #[test]
    fn a_grip_says_its_value_in_words() {
        let view = Viewport { from: f64::from(day("2017-03-01").0), to: f64::from(day("2017-03-04").0) };
        assert_eq!(Grip::Whole.words(&view), "1–3 March 2017");
        assert_eq!(Grip::Start.words(&view), "1 March 2017");
        assert_eq!(Grip::End.words(&view), "3 March 2017");
    }

    fn view_within(limits: Viewport) -> impl Strategy<Value = Viewport> {
        (0.0..1.0_f64, 0.0..1.0_f64).prop_map(move |(a, b)| {
            let span = MIN_SPAN_DAYS + (limits.span() - MIN_SPAN_DAYS) * a;
            let from = limits.from + (limits.span() - span) * b;
            Viewport { from, to: from + span }
        })
    }

    fn grip() -> impl Strategy<Value = Grip> {
        prop_oneof![Just(Grip::Whole), Just(Grip::Start), Just(Grip::End)]
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            Just(Step::Back),
            Just(Step::Forward),
            Just(Step::PageBack),
            Just(Step::PageForward),
            Just(Step::First),
            Just(Step::Last)
        ]
    }

    proptest! {
        #[test]
        fn whatever_the_grip_does_the_view_stays_in_range_and_readable(
            view in view_within(LIMITS), grip in grip(), delta in -2.0..2.0_f64, step in step(),
        ) {
            for got in [grip.drag(&view, delta, &LIMITS), grip.step(&view, step, &LIMITS)] {
                prop_assert!(got.from >= LIMITS.from - 1e-9 && got.to <= LIMITS.to + 1e-9, "{got:?}");
                prop_assert!(got.span() >= MIN_SPAN_DAYS - 1e-9, "{got:?}");
                match grip {
                    Grip::Whole => prop_assert!((got.span() - view.span()).abs() < 1e-6, "the window keeps its width"),
                    Grip::Start => prop_assert_eq!(got.to, view.to, "the other edge stays"),
                    Grip::End => prop_assert_eq!(got.from, view.from, "the other edge stays"),
                }
            }
        }

        #[test]
        fn dragging_the_window_by_a_fraction_moves_it_by_that_fraction_unless_it_stops(
            view in view_within(LIMITS), delta in -1.0..1.0_f64,
        ) {
            let (before, after) = (Window::of(&view, &LIMITS), Window::of(&Grip::Whole.drag(&view, delta, &LIMITS), &LIMITS));
            let moved = after.start - before.start;
            let at_an_end = after.start < 1e-9 || after.end > 1.0 - 1e-9;
            prop_assert!((moved - delta).abs() < 1e-9 || at_an_end, "moved {moved} for {delta}");
            prop_assert!(moved * delta >= -1e-12, "never the other way");
        }

        #[test]
        fn density_agrees_with_counting_bin_by_bin(
            spans in prop::collection::vec((-10..110_i32, 0..40_i32), 0..60),
            // Bins of whole days, so that the count below meets no rounding at their edges.
            bins in prop::sample::select(vec![1_usize, 2, 4, 5, 10, 20, 25, 50, 100]),
        ) {
            let spans: Vec<(Day, Day)> = spans.into_iter().map(|(from, length)| (Day(from), Day(from + length))).collect();
            let density = Density::of(spans.iter().copied(), &LIMITS, bins);
            let width = LIMITS.span() / bins as f64;
            let naive: Vec<u32> = (0..bins)
                .map(|bin| {
                    let (start, end) = (bin as f64 * width, (bin + 1) as f64 * width);
                    spans
                        .iter()
                        .filter(|(from, to)| {
                            let (a, b) = (f64::from(from.0), f64::from(to.0) + 1.0);
                            // Overlaps the bin, or lies wholly beyond the end of the range nearest it.
                            (a < end && b > start) || (bin == 0 && b <= LIMITS.from) || (bin == bins - 1 && a >= LIMITS.to)
                        })
                        .count() as u32
                })
                .collect();
            prop_assert_eq!(density.counts, naive);
        }
    }
}
