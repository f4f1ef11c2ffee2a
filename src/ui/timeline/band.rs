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

/// Who held one place over time: labelled segments under the axis, those in view only. Each
/// segment's item is made when it comes into view and only moved while it stays, so a zoom or
/// pan step moves a few boxes instead of rewriting every label.
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
    let spans: Vec<_> = track.segments.iter().map(|s| s.extent(record_end)).collect();
    // The segments in view, by index, with where they start and how long they are in pixels.
    let visible = Memo::new(move |_| {
        let view = state.viewport.get();
        let length = geometry.with(|g| g.length);
        spans
            .iter()
            .enumerate()
            .filter_map(|(i, &(from, to))| {
                let (start, end) = (view.fraction(from).max(0.0), view.fraction(to).min(1.0));
                // Out of view, or too narrow to see: the list and the panels still say it.
                ((end - start) * length >= 2.0).then_some((i, start * length, (end - start) * length))
            })
            .collect::<Vec<(usize, f64, f64)>>()
    });
    let segments = StoredValue::new(track.segments);
    let segment = move |i: usize| {
        let colour = colours.get(i).copied().unwrap_or(0);
        let (holder, words) = segments.with_value(|s| s.get(i).map(|s| (s.holder.clone(), s.describe())).unwrap_or_default());
        let place = Memo::new(move |_| {
            let g = geometry.get();
            visible.with(|v| v.iter().find(|s| s.0 == i).map(|&(_, start, extent)| g.place(start, Some(extent), None, None))).unwrap_or_default()
        });
        let side = move |n: usize| move || place.with(|p| p[n].clone());
        let title = words.clone();
        view! {
            <li class=format!("segment holder-{colour}") style:left=side(0) style:top=side(1) style:width=side(2) style:height=side(3) title=title>
                <span aria-hidden="true">{holder}</span>
                <span class="sr-only">{words}</span>
            </li>
        }
    };
    view! {
        <div class="control-band">
            <p class="band-label">{heading.clone()}</p>
            <ul aria-label=heading>
                <For each=move || visible.with(|v| v.iter().map(|s| s.0).collect::<Vec<_>>()) key=|i| *i children=segment/>
            </ul>
        </div>
    }
}
