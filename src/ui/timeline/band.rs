//! Who held a place when: a band under the axis, and a menu to choose the place when several
//! change hands.

use leptos::prelude::*;

use super::geometry::Geometry;
use crate::model::ControlTrack;
use crate::ui::use_state;

/// Holders get one of this many colours, in the order of `ControlTrack::holders`.
pub const HOLDER_COLOURS: usize = 4;

/// The menu of places whose control the band shows, when there is more than one.
#[component]
pub fn BandChoice(
    /// The places, in the order of the tracks.
    places: Vec<String>,
    /// The index of the track shown.
    band: RwSignal<usize>,
) -> impl IntoView {
    (places.len() > 1).then(|| {
        view! {
            <label class="band-choice">
                "Who held "
                <select on:change=move |e| band.set(event_target_value(&e).parse().unwrap_or(0))>
                    {places.into_iter().enumerate().map(|(i, p)| view! { <option value=i.to_string()>{p}</option> }).collect_view()}
                </select>
            </label>
        }
    })
}

/// Who held one place over time: labelled segments under the axis, those in view only.
#[component]
pub fn ControlBand(
    /// The place's history of control.
    track: ControlTrack,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    let heading = track.heading();
    // Worked out once, not at every frame of a drag: each segment's colour, and where the
    // record ends.
    let holders = track.holders();
    let colours: Vec<usize> = track
        .segments
        .iter()
        .map(|s| holders.iter().position(|h| *h == s.holder).unwrap_or(0) % HOLDER_COLOURS)
        .collect();
    let record_end = state.catalog().limits.to;
    let visible = move || {
        let view = state.viewport.get();
        let g = geometry.get();
        track
            .segments
            .iter()
            .zip(&colours)
            .filter_map(|(segment, colour)| {
                let (from, to) = segment.extent(record_end);
                let (start, end) = (view.fraction(from).max(0.0), view.fraction(to).min(1.0));
                // Out of view, or too narrow to see: the list and the panels still say it.
                ((end - start) * g.length >= 2.0).then(|| {
                    let words = segment.describe();
                    let title = words.clone();
                    let [left, top, width, height] = g.place(start * g.length, Some((end - start) * g.length), None, None);
                    view! {
                        <li class=format!("segment holder-{colour}") style:left=left style:top=top style:width=width style:height=height title=title>
                            <span aria-hidden="true">{segment.holder.clone()}</span>
                            <span class="sr-only">{words}</span>
                        </li>
                    }
                })
            })
            .collect_view()
    };
    view! {
        <div class="control-band">
            <p class="band-label">{heading.clone()}</p>
            <ul aria-label=heading>{visible}</ul>
        </div>
    }
}
