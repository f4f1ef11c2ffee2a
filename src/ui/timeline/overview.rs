//! The overview strip over the whole dataset: how many events fall where, who held the place in
//! miniature, and a window over the range the detail view shows. Dragging the window, dragging
//! one of its edges, pressing beside it, or its slider keys set the detail view; the window
//! follows the view, whatever moved it.
//!
//! What each gesture does to the view is the model's (`model::overview`); this file only turns
//! pointer and key events into those calls and draws the result. It draws a fixed number of
//! elements, whatever the number of events: the density is one path, the band one layer per
//! colour.

use std::fmt::Write;

use leptos::{ev, html, prelude::*};

use super::band::HOLDER_COLOURS;
use super::geometry::percent;
use crate::model::overview::{centred_at, miniature, Density, Grip, Window, BAND_CELLS, DENSITY_BINS};
use crate::model::{ControlTrack, Viewport};
use crate::ui::use_state;

/// The density drawing's height in its own units; it stretches to the strip.
const DENSITY_HEIGHT: u32 = 100;

/// The overview of the whole dataset, with the window over the detail view's range.
#[component]
pub fn Overview(
    /// The place whose control the miniature band shows, as the timeline's band menu chooses
    /// it; the place that changed hands most often when not given.
    #[prop(optional, into)]
    track: Option<Signal<Option<ControlTrack>>>,
) -> impl IntoView {
    let state = use_state();
    let limits = state.catalog().limits;
    let track = track.unwrap_or_else(|| Signal::stored(ControlTrack::by_activity(&state.catalog().dataset).into_iter().next()));

    // A first screen holds a few of the events: it draws neither their density nor who held
    // the place, which the whole catalog says.
    let previewing = state.preview.is_some();
    // Worked out when the filter changes, never while the view moves.
    let density_path = Memo::new(move |_| {
        if previewing {
            return String::new();
        }
        let catalog = state.catalog();
        let density = state.matching.with(|m| Density::of(m.iter().map(|&i| catalog.spans[i]), &catalog.limits, DENSITY_BINS));
        outline(&density.heights(DENSITY_HEIGHT))
    });
    // One layer per colour, showing its holders' stretches through a mask: a few elements,
    // however often the place changed hands.
    let band = move || {
        let stretches = track.with(|t| t.as_ref().filter(|_| !previewing).map(|t| miniature(t, &limits, BAND_CELLS)).unwrap_or_default());
        let at = percent;
        (0..HOLDER_COLOURS)
            .filter_map(|colour| {
                let mut stops = String::new();
                for s in stretches.iter().filter(|s| s.holder % HOLDER_COLOURS == colour) {
                    let (from, to) = (at(s.start), at(s.end));
                    let _ = write!(stops, ", transparent {from}, #000 {from} {to}, transparent {to}");
                }
                (!stops.is_empty()).then(|| {
                    let mask = format!("linear-gradient(to right, transparent{stops})");
                    view! { <span class=format!("holder-{colour}") style:mask-image=mask></span> }
                })
            })
            .collect_view()
    };

    let window = Memo::new(move |_| Window::of(&state.viewport.get(), &limits));
    let place = move || {
        let w = window.get();
        [Some(percent(w.start)), None, Some(percent(w.width()))]
    };
    // However narrow the range, the window stays wide enough to see and to take hold of,
    // centred where the range is.
    let left = move || place()[0].clone().zip(place()[2].clone()).map(|(l, w)| format!("calc({l} + min(0px, ({w} - 12px) / 2))"));
    let width = move || place()[2].clone().map(|w| format!("max({w}, 12px)"));

    // The press under way: the pointer, what it holds, where it was pressed and the view then.
    let track_el = NodeRef::<html::Div>::new();
    let strip_el = NodeRef::<html::Div>::new();
    let press = StoredValue::new(None::<(i32, Grip, f64, Viewport)>);
    let fraction_at = move |x: f64| {
        track_el.get_untracked().map(|el| {
            let rect = el.get_bounding_client_rect();
            (x - rect.left()) / rect.width().max(1.0)
        })
    };
    let take_hold = move |grip: Grip, e: &ev::PointerEvent, view: Viewport| {
        if let Some(el) = strip_el.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        press.set_value(Some((e.pointer_id(), grip, f64::from(e.client_x()), view)));
    };
    let is_main_button = |e: &ev::PointerEvent| e.pointer_type() != "mouse" || e.button() == 0;
    let grab = move |grip: Grip| {
        move |e: ev::PointerEvent| {
            if is_main_button(&e) {
                // The strip under the window would otherwise centre the view on the press.
                e.stop_propagation();
                take_hold(grip, &e, state.viewport.get_untracked());
            }
        }
    };
    // A press beside the window centres the view there, and dragging on moves it.
    let press_strip = move |e: ev::PointerEvent| {
        if !is_main_button(&e) {
            return;
        }
        if let Some(at) = fraction_at(f64::from(e.client_x())) {
            let centred = centred_at(&state.viewport.get_untracked(), at, &limits);
            state.viewport.set(centred);
            take_hold(Grip::Whole, &e, centred);
        }
    };
    let drag = move |e: ev::PointerEvent| {
        let Some((id, grip, x, pressed)) = press.get_value() else { return };
        if id != e.pointer_id() {
            return;
        }
        let width = track_el.get_untracked().map_or(1.0, |el| el.get_bounding_client_rect().width().max(1.0));
        let next = grip.drag(&pressed, (f64::from(e.client_x()) - x) / width, &limits);
        if next != state.viewport.get_untracked() {
            state.viewport.set(next);
        }
    };
    let release = move |e: ev::PointerEvent| {
        if press.get_value().is_some_and(|(id, ..)| id == e.pointer_id()) {
            press.set_value(None);
        }
    };
    let key = move |grip: Grip| {
        move |e: ev::KeyboardEvent| {
            if let Some(step) = crate::ui::keys::window_step(&e.key()) {
                e.prevent_default();
                state.viewport.update(|v| *v = grip.step(v, step, &limits));
            }
        }
    };
    let value = move |grip: Grip| move || grip.percent(&window.get()).to_string();
    let words = move |grip: Grip| move || grip.words(&state.viewport.get());

    // The window and its two edges: sliders a screen reader and a keyboard can use.
    let slider = move |grip: Grip, class: &'static str, label: &'static str| {
        view! {
            <div
                class=class
                role="slider"
                tabindex="0"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=value(grip)
                aria-valuetext=words(grip)
                on:pointerdown=grab(grip)
                on:keydown=key(grip)
            ></div>
        }
    };
    view! {
        <div
            class="overview"
            role="group"
            aria-label="Overview of the whole timeline"
            node_ref=strip_el
            on:pointerdown=press_strip
            on:pointermove=drag
            on:pointerup=release
            on:pointercancel=release
        >
            <div class="overview-track" node_ref=track_el>
                <svg class="overview-density" aria-hidden="true" viewBox=format!("0 0 {DENSITY_BINS} {DENSITY_HEIGHT}") preserveAspectRatio="none">
                    <path d=move || density_path.get()></path>
                </svg>
                <div class="overview-band" aria-hidden="true">{band}</div>
                <div class="overview-frame" style:left=left style:width=width>
                    {slider(Grip::Start, "overview-handle start", "Start of range in view")}
                    {slider(Grip::Whole, "overview-window", "Range in view")}
                    {slider(Grip::End, "overview-handle end", "End of range in view")}
                </div>
            </div>
        </div>
    }
}

/// The density as one SVG path of steps: from the baseline, each bin's height across its width,
/// back to the baseline. Integers only, in the drawing's own units.
fn outline(heights: &[u32]) -> String {
    let mut path = format!("M0 {DENSITY_HEIGHT}");
    for (bin, height) in heights.iter().enumerate() {
        let _ = write!(path, "V{}H{}", DENSITY_HEIGHT - height.min(&DENSITY_HEIGHT), bin + 1);
    }
    let _ = write!(path, "V{DENSITY_HEIGHT}Z");
    path
}
