//! The timeline: an axis with events placed by their date bounds, zoom and pan by wheel, pinch,
//! drag, buttons and keys, and a band showing who held each place.
//!
//! - this file: the component that puts the parts together and lays out the marks;
//! - `geometry`: measuring the drawing area and placing things along it;
//! - `gestures`: pointer, wheel and key input, as zoom and pan of the view;
//! - `axis`, `marks`, `band`: what is drawn.
//!
//! The layout itself (lanes, clusters, ticks) is the model's: `model::timeline`.

mod axis;
mod band;
mod geometry;
mod gestures;
mod marks;
mod overview;

use leptos::{ev, html, prelude::*};

use crate::model::timeline::{lay_out, Placement, Room};
use crate::model::{ControlTrack, Day};
use crate::ui::use_state;
use axis::Axis;
use band::{BandChoice, ControlBand};
use geometry::Geometry;
use gestures::{Gestures, ZOOM_STEP};
use marks::{ClusterMarks, EventMark};

/// The room the marks have: how far a label runs along the axis, and how many lanes there are.
fn room(g: Geometry) -> Room {
    if g.vertical {
        Room { length_px: g.length, label_px: 22.0, lanes: 3 }
    } else {
        // Four lanes leave the bottom row to clusters.
        Room { length_px: g.length, label_px: 170.0, lanes: 4 }
    }
}

/// The interactive timeline of the events that pass the filters.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let area = NodeRef::<html::Div>::new();
    let geometry = RwSignal::new(Geometry::default());

    let remeasure = move || {
        if let Some(el) = area.get_untracked() {
            let measured = Geometry::of(&el);
            if geometry.get_untracked() != measured {
                geometry.set(measured);
            }
        }
    };
    Effect::new(move |_| {
        if area.get().is_some() {
            remeasure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| remeasure());
    on_cleanup(move || resize.remove());
    let gestures = Gestures::new(state, area, geometry);

    // Events of the current filter, laid out for the current view and room.
    let layout = Memo::new(move |_| {
        let catalog = state.catalog();
        let indices = state.matching.get();
        let spans: Vec<(Day, Day)> = indices.iter().map(|&i| catalog.spans[i]).collect();
        let (placements, clusters) = lay_out(&spans, &state.viewport.get(), room(geometry.get()));
        let placements: Vec<Placement> = placements.into_iter().map(|p| Placement { index: indices[p.index], ..p }).collect();
        (placements, clusters)
    });
    let placement_of = move |index: usize| layout.with(|(placements, _)| placements.iter().find(|p| p.index == index).cloned());
    let clusters = Signal::derive(move || layout.with(|(_, clusters)| clusters.clone()));

    // One band at a time: the busiest place first, and a menu for the others.
    let tracks = ControlTrack::by_activity(&state.catalog().dataset);
    let places: Vec<String> = tracks.iter().map(|t| t.place.clone()).collect();
    let band = RwSignal::new(0_usize);

    let range = move || state.viewport.get().describe();

    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="timeline-bar">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="range" aria-live="off">
                    <span class="sr-only">"Showing "</span>
                    {range}
                </p>
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" on:click=move |_| gestures.zoom_step(ZOOM_STEP) aria-keyshortcuts="+">
                        "Zoom in"
                    </button>
                    <button type="button" on:click=move |_| gestures.zoom_step(1.0 / ZOOM_STEP) aria-keyshortcuts="-">
                        "Zoom out"
                    </button>
                    <button type="button" on:click=move |_| state.show_all_days() aria-keyshortcuts="0">
                        "Show all"
                    </button>
                </div>
                <BandChoice places=places band=band/>
            </div>
            <p class="hint" id="timeline-hint">
                "Drag or use the arrow keys to move, the wheel, a pinch or + and − to zoom."
            </p>
            <overview::Overview/>
            <div
                class="timeline-area"
                class:vertical=move || geometry.get().vertical
                node_ref=area
                tabindex="0"
                role="group"
                aria-roledescription="timeline"
                aria-label=move || state.viewport.get().events_label()
                aria-describedby="timeline-hint"
                on:keydown=move |e| gestures.key(e)
                on:wheel=move |e| gestures.wheel(e)
                on:pointerdown=move |e| gestures.pointer_down(e)
                on:pointermove=move |e| gestures.pointer_move(e)
                on:pointerup=move |e| gestures.pointer_up(e)
                on:pointercancel=move |e| gestures.pointer_up(e)
                on:click:capture=move |e| gestures.click_capture(e)
            >
                <Axis geometry=geometry.into()/>
                <ol class="marks" aria-label="Events in view">
                    <For
                        each=move || layout.with(|(p, _)| p.iter().map(|p| p.index).collect::<Vec<_>>())
                        key=|index| *index
                        let:index
                    >
                        <EventMark index=index placement=Signal::derive(move || placement_of(index)) geometry=geometry.into()/>
                    </For>
                    <ClusterMarks clusters=clusters geometry=geometry.into()/>
                </ol>
                <div class="control-tracks">
                    {move || tracks.get(band.get()).cloned().map(|track| view! { <ControlBand track=track geometry=geometry.into()/> })}
                </div>
            </div>
        </section>
    }
}
