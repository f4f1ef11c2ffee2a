//! The timeline: an axis with events placed by their date bounds, zoom and pan by wheel, pinch,
//! drag, buttons and keys, and a band showing who held each place.

use leptos::{ev, html, prelude::*};

use super::{reveal_panel, use_state};
use crate::model::timeline::{lay_out, ticks, Placement, Room};
use crate::model::date::day_range_words;
use crate::model::{ControlTrack, DateShape, Day, Viewport};

/// How far one key press or button press moves or scales the view.
const PAN_STEP: f64 = 0.15;
const ZOOM_STEP: f64 = 0.5;

/// The axis is vertical below this width, as in the stylesheet.
const NARROW_QUERY: &str = "(max-width: 640px)";

/// Distance between lanes: rows on a horizontal axis, columns on a vertical one.
const LANE_HEIGHT_PX: usize = 34;
const LANE_WIDTH_PX: usize = 112;

/// Geometry of the drawing area, measured from the page.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Geometry {
    vertical: bool,
    /// Length of the axis in pixels.
    length: f64,
}

fn measure(el: &web_sys::HtmlElement) -> Geometry {
    let vertical = window().match_media(NARROW_QUERY).ok().flatten().is_some_and(|m| m.matches());
    let length = if vertical { el.client_height() } else { el.client_width() };
    Geometry { vertical, length: f64::from(length.max(1)) }
}

/// Where a fraction of the view lies along the axis, and how long a stretch is, as CSS.
fn along(geometry: Geometry, start: f64, length: f64) -> [(&'static str, String); 2] {
    let (position, size) = if geometry.vertical { ("top", "height") } else { ("left", "width") };
    [(position, percent(start)), (size, percent(length))]
}

/// A fraction as a CSS percentage with four decimals, written with integers: float formatting
/// would add its whole machinery to the wasm for this one use.
fn percent(fraction: f64) -> String {
    let scaled = (fraction * 1_000_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.abs();
    format!("{sign}{}.{:04}%", scaled / 10_000, scaled % 10_000)
}

/// The interactive timeline of the events that pass the filters.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog;
    let limits = catalog.limits;
    let area = NodeRef::<html::Div>::new();
    let geometry = RwSignal::new(Geometry { vertical: false, length: 1000.0 });

    let remeasure = move || {
        if let Some(el) = area.get_untracked() {
            let measured = measure(&el);
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

    let zoom = move |factor: f64, at: f64| state.viewport.update(|v| *v = v.zoom(factor, at, &limits));
    // Buttons and keys zoom around the selected event while it is in view.
    let zoom_step = move |factor: f64| {
        let selected = state.selected.get_untracked().map(|i| catalog.spans[i]);
        state.viewport.update(|v| *v = v.zoom_towards(factor, selected, &limits));
    };
    let pan = move |fraction: f64| state.viewport.update(|v| *v = v.pan(fraction, &limits));

    // Events of the current filter, laid out for the current view and room.
    let layout = Memo::new(move |_| {
        let view = state.viewport.get();
        let g = geometry.get();
        let indices = state.matching.get();
        let spans: Vec<(Day, Day)> = indices.iter().map(|&i| catalog.spans[i]).collect();
        let room = if g.vertical {
            Room { length_px: g.length, label_px: 22.0, lanes: 3 }
        } else {
            // Four lanes leave the bottom row to clusters.
            Room { length_px: g.length, label_px: 170.0, lanes: 4 }
        };
        let (placements, clusters) = lay_out(&spans, &view, room);
        let placements: Vec<Placement> =
            placements.into_iter().map(|p| Placement { index: indices[p.index], ..p }).collect();
        (placements, clusters)
    });
    let placement_of = move |index: usize| {
        layout.with(|(placements, _)| placements.iter().find(|p| p.index == index).cloned())
    };

    // One band at a time: the busiest place first, and a menu for the others.
    let tracks = ControlTrack::by_activity(&catalog.dataset);
    let places: Vec<String> = tracks.iter().map(|t| t.place.clone()).collect();
    let band = RwSignal::new(0_usize);

    // Pointer gestures: one pointer drags, two pinch.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let dragged = StoredValue::new(0.0_f64);
    let on_pointerdown = move |e: ev::PointerEvent| {
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        pointers.update_value(|p| {
            p.retain(|(id, ..)| *id != e.pointer_id());
            p.push((e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y())));
        });
        dragged.set_value(0.0);
    };
    let on_pointermove = move |e: ev::PointerEvent| {
        let before = pointers.get_value();
        let Some(slot) = before.iter().position(|(id, ..)| *id == e.pointer_id()) else { return };
        let g = geometry.get_untracked();
        let now = (f64::from(e.client_x()), f64::from(e.client_y()));
        let along_axis = |x: f64, y: f64| if g.vertical { y } else { x };
        if before.len() == 1 {
            let delta = along_axis(now.0, now.1) - along_axis(before[0].1, before[0].2);
            if delta != 0.0 {
                dragged.update_value(|d| *d += delta.abs());
                if dragged.get_value() > 4.0 {
                    if let Some(el) = area.get_untracked() {
                        let _ = el.set_pointer_capture(e.pointer_id());
                    }
                    pan(-delta / g.length);
                }
            }
        } else if before.len() == 2 {
            let other = before[1 - slot];
            let distance = |a: (f64, f64), b: (f64, f64)| (along_axis(a.0, a.1) - along_axis(b.0, b.1)).abs().max(1.0);
            let old = distance((before[slot].1, before[slot].2), (other.1, other.2));
            let new = distance(now, (other.1, other.2));
            let mid = (along_axis(now.0, now.1) + along_axis(other.1, other.2)) / 2.0;
            if let Some(el) = area.get_untracked() {
                let rect = el.get_bounding_client_rect();
                let origin = if g.vertical { rect.top() } else { rect.left() };
                zoom(old / new, (mid - origin) / g.length);
            }
            dragged.set_value(100.0);
        }
        pointers.update_value(|p| p[slot] = (e.pointer_id(), now.0, now.1));
    };
    let on_pointerup = move |e: ev::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, ..)| *id != e.pointer_id()));
    };
    // A click that ends a drag is not a selection.
    let on_click_capture = move |e: ev::MouseEvent| {
        if dragged.get_value() > 4.0 {
            e.stop_propagation();
            e.prevent_default();
        }
    };
    let on_wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let g = geometry.get_untracked();
        if let Some(el) = area.get_untracked() {
            let rect = el.get_bounding_client_rect();
            let at = if g.vertical {
                (f64::from(e.client_y()) - rect.top()) / g.length
            } else {
                (f64::from(e.client_x()) - rect.left()) / g.length
            };
            let delta = if e.delta_mode() == 1 { e.delta_y() * 16.0 } else { e.delta_y() };
            // Each wheel notch (about 100 px) scales the view by about a sixth.
            let factor = 1.0 + delta.clamp(-300.0, 300.0) * 0.0015;
            zoom(factor.max(0.5), at);
        }
    };
    let on_keydown = move |e: ev::KeyboardEvent| {
        let vertical = geometry.get_untracked().vertical;
        let handled = match e.key().as_str() {
            "+" | "=" => {
                zoom_step(ZOOM_STEP);
                true
            }
            "-" | "_" => {
                zoom_step(1.0 / ZOOM_STEP);
                true
            }
            "0" => {
                state.viewport.set(limits);
                true
            }
            "ArrowLeft" if !vertical => {
                pan(-PAN_STEP);
                true
            }
            "ArrowRight" if !vertical => {
                pan(PAN_STEP);
                true
            }
            "ArrowUp" if vertical => {
                pan(-PAN_STEP);
                true
            }
            "ArrowDown" if vertical => {
                pan(PAN_STEP);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    let range_label = move || {
        let (from, to) = state.viewport.get().days();
        day_range_words(from, to)
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="timeline-bar">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="range" aria-live="off">
                    <span class="sr-only">"Showing "</span>
                    {range_label}
                </p>
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" on:click=move |_| zoom_step(ZOOM_STEP) aria-keyshortcuts="+">
                        "Zoom in"
                    </button>
                    <button type="button" on:click=move |_| zoom_step(1.0 / ZOOM_STEP) aria-keyshortcuts="-">
                        "Zoom out"
                    </button>
                    <button type="button" on:click=move |_| state.viewport.set(limits) aria-keyshortcuts="0">
                        "Show all"
                    </button>
                </div>
                {(places.len() > 1).then(|| view! {
                    <label class="band-choice">
                        "Who held "
                        <select on:change=move |e| band.set(event_target_value(&e).parse().unwrap_or(0))>
                            {places.iter().enumerate().map(|(i, p)| view! { <option value=i.to_string()>{p.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                })}
            </div>
            <p class="hint" id="timeline-hint">
                "Drag or use the arrow keys to move, the wheel, a pinch or + and − to zoom."
            </p>
            <div
                class="timeline-area"
                class:vertical=move || geometry.get().vertical
                node_ref=area
                tabindex="0"
                role="group"
                aria-roledescription="timeline"
                aria-label=move || format!("Events from {}", range_label())
                aria-describedby="timeline-hint"
                on:keydown=on_keydown
                on:wheel=on_wheel
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:click:capture=on_click_capture
            >
                <div class="axis" aria-hidden="true">
                    {move || {
                        let view = state.viewport.get();
                        let g = geometry.get();
                        let max = (g.length / if g.vertical { 60.0 } else { 110.0 }) as usize;
                        ticks(&view, max.max(2))
                            .into_iter()
                            .map(|tick| {
                                let [(position, at), _] = along(g, tick.fraction, 0.0);
                                view! {
                                    <span class="tick" style=(position, at)>
                                        {tick.label}
                                    </span>
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <ol class="marks" aria-label="Events in view">
                    <For
                        each=move || layout.with(|(p, _)| p.iter().map(|p| p.index).collect::<Vec<_>>())
                        key=|index| *index
                        let:index
                    >
                        <EventMark index=index placement=Signal::derive(move || placement_of(index)) geometry=geometry.into()/>
                    </For>
                    {move || {
                        let g = geometry.get();
                        layout
                            .with(|(_, clusters)| clusters.clone())
                            .into_iter()
                            .map(|cluster| {
                                let [(position, at), _] = along(g, cluster.start.max(0.0), 0.0);
                                let (from, to) = (cluster.from, cluster.to);
                                view! {
                                    <li class="cluster" class:flipped=cluster.flipped style=(position, at)>
                                        <button
                                            type="button"
                                            on:click=move |_| state.viewport.set(Viewport::around(from, to).zoom(1.0, 0.5, &limits))
                                        >
                                            {format!("+{}", cluster.count)}
                                            <span class="sr-only">
                                                {format!(" more events, {}: zoom in", day_range_words(from, to))}
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
                <div class="control-tracks">
                    {move || tracks.get(band.get()).cloned().map(|track| view! { <ControlBand track=track geometry=geometry.into()/> })}
                </div>
            </div>
        </section>
    }
}

/// One event on the axis: a point, a fuzzy span or an interval bar, with its title.
#[component]
fn EventMark(
    /// The event's index in the dataset.
    index: usize,
    /// Where it is placed, or `None` while it leaves the view.
    placement: Signal<Option<Placement>>,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    let event = &state.catalog.dataset.events[index];
    let shape = match event.date.shape() {
        DateShape::Point => "point",
        DateShape::Fuzzy => "fuzzy",
        DateShape::Interval => "interval",
    };
    let qualifier = match (event.date.is_approximate(), event.date.is_uncertain()) {
        (true, true) => "~?",
        (true, false) => "~",
        (false, true) => "?",
        (false, false) => "",
    };
    let open = event.date.is_open();
    // Along the axis: where the date's bounds fall. Across it: the lane.
    let boxed = move || {
        let g = geometry.get();
        placement.get().map(|p| {
            let start = p.start.max(-0.05);
            let end = p.end.min(1.05);
            let [(_, at), (_, extent)] = along(g, start, (end - start).max(0.0));
            let lane = format!("{}px", p.lane * if g.vertical { LANE_WIDTH_PX } else { LANE_HEIGHT_PX });
            if g.vertical {
                [Some(lane), Some(at), None, Some(extent)]
            } else {
                [Some(at), Some(lane), Some(extent), None]
            }
        })
    };
    let side = move |i: usize| boxed().and_then(|b| b[i].clone());
    let selected = move || state.selected.get() == Some(index);
    view! {
        <li
            class=format!("mark {shape}")
            class:flipped=move || placement.get().is_some_and(|p| p.flipped)
            class:open=open
            class:selected=selected
            style:left=move || side(0)
            style:top=move || side(1)
            style:width=move || side(2)
            style:height=move || side(3)
        >
            <span class="span" aria-hidden="true"></span>
            <button
                type="button"
                aria-pressed=move || selected().to_string()
                on:click=move |_| {
                    state.select(index);
                    reveal_panel();
                }
                title=event.date.human()
                aria-label=format!("{}, {}", event.title, event.date.human())
            >
                <span class="label">{event.title.clone()}</span>
                {(!qualifier.is_empty()).then(|| view! { <span class="qualifier">{qualifier}</span> })}
            </button>
        </li>
    }
}

/// Who held one place over time: labelled segments under the axis, those in view only.
#[component]
fn ControlBand(
    /// The place's history of control.
    track: ControlTrack,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    let limits = state.catalog.limits;
    let heading = format!("Who held {}", track.place);
    let mut holders: Vec<String> = track.segments.iter().map(|s| s.holder.clone()).collect();
    holders.sort();
    holders.dedup();
    let segments = track.segments;
    let visible = move || {
        let view = state.viewport.get();
        let g = geometry.get();
        segments
            .iter()
            .filter_map(|segment| {
                let from = f64::from(segment.since.anchor().0);
                let to = segment.until.map_or(limits.to, |d| f64::from(d.0));
                let (start, end) = (view.fraction(from).max(0.0), view.fraction(to).min(1.0));
                // Out of view, or too narrow to see: the list and the panels still say it.
                ((end - start) * g.length >= 2.0).then(|| {
                    let colour = holders.iter().position(|h| *h == segment.holder).unwrap_or(0) % 4;
                    let words = match segment.until {
                        Some(_) => format!("{}, from {} until the next change", segment.holder, segment.since.human()),
                        None => format!("{}, from {}", segment.holder, segment.since.human()),
                    };
                    let title = words.clone();
                    let [(_, at), (_, extent)] = along(g, start, end - start);
                    let (left, top, width, height) = if g.vertical {
                        (None, Some(at), None, Some(extent))
                    } else {
                        (Some(at), None, Some(extent), None)
                    };
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
