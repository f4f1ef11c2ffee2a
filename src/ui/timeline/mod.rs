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

use std::sync::Arc;

use leptos::{html, prelude::*};
use wasm_bindgen::{closure::Closure, JsCast};

use crate::model::marks::LEGEND;
use crate::model::timeline::{lay_out, Layout, Placement, Room};
use crate::model::{Catalog, ControlTrack, Day, Filter, Viewport};
use crate::ui::tasks::{after_paint, in_tasks, next_task, Repeat};
use crate::ui::dom::TIMELINE_AREA_CLASS;
use crate::ui::keys::TimelineKey;
use crate::ui::{use_state, IN_BROWSER};
use axis::Axis;
use band::{BandChoice, ControlBand};
/// Whole CSS pixels, for the event list too.
pub(crate) use geometry::px;
pub use geometry::Geometry;
use gestures::{Gestures, ZOOM_STEP};
pub use marks::TextAdvance;
use marks::{leaders_path, ClusterMarks, EventMark, LabelWidths, ROW_PX};

/// Rows of marks a horizontal axis grows to before it gathers what does not fit.
const MOST_ROWS: usize = 14;
/// The height a horizontal axis always has room for, in rows.
const FEWEST_ROWS: usize = 4;
/// The axis' ticks above the marks, and the control band below them, in pixels.
const TICKS_PX: f64 = 30.0;
const BAND_PX: f64 = 52.0;
/// How far a label may be moved along a vertical axis from its mark to find room, as a share
/// of the axis' length.
const PUSH_SHARE: f64 = 0.3;

/// The room the marks have: rows stacked across a horizontal axis; one label column, whose
/// labels may be pushed along, beside a vertical one.
fn room(g: Geometry) -> Room {
    if g.vertical {
        Room { length_px: g.length, rows: 1, push_px: g.length * PUSH_SHARE, marks_apart: true }
    } else {
        Room { length_px: g.length, rows: MOST_ROWS, push_px: 0.0, marks_apart: false }
    }
}

/// Events whose label widths are worked out in one step, a millisecond or so.
const PREFILL_EVENTS: usize = 500;

/// Works out every event's label width, in tasks of at most `compiled::TASK_MS` once the frame
/// is drawn, so that frames of zooming and panning find them known (1,500 events a frame left
/// most of a million unknown seconds later, and zooming into them measured thousands in its
/// frame). It holds the catalog only while it works: a dataset replaced in the meantime is
/// freed, and the work stops.
fn prefill_widths(widths: StoredValue<LabelWidths, LocalStorage>, catalog: std::sync::Weak<crate::model::Catalog>) {
    let wanted = {
        let catalog = catalog.clone();
        move || catalog.strong_count() > 0
    };
    let step = move || match catalog.upgrade() {
        Some(held) => widths.try_update_value(|w| w.prefill(&held.dataset, PREFILL_EVENTS)).unwrap_or(true).then_some(()),
        None => Some(()),
    };
    after_paint(move || in_tasks(Repeat(step), wanted, |()| {}));
}

/// The drawing area's size and the marks' font as the timeline last measured them, kept by the
/// app across the datasets it shows (a first screen, then the whole catalog): a timeline drawn
/// for the next one lays out its marks at once, without waiting to measure the page again.
#[derive(Clone, Copy)]
pub struct Measured(StoredValue<Kept, LocalStorage>);

#[derive(Default)]
struct Kept {
    /// The area's size and the marks' font.
    seen: Option<(Geometry, String)>,
    prepared: Option<Prepared>,
}

/// A catalog's first layout, worked out before its timeline is drawn ([`Measured::prepare`]).
struct Prepared {
    catalog: std::sync::Weak<Catalog>,
    /// What it was laid out for: the events that pass no filter, in order, at this size.
    indices: Vec<usize>,
    geometry: Geometry,
    layout: Layout,
    widths: LabelWidths,
}

impl Measured {
    pub fn new() -> Measured {
        Measured(StoredValue::new_local(Kept::default()))
    }

    /// The drawing area `geometry`, in the marks' font as the stylesheet gives it: what a page
    /// written at build time lays its timeline out for.
    pub fn assumed(geometry: Geometry) -> Measured {
        let seen = Some((geometry, String::new()));
        Measured(StoredValue::new_local(Kept { seen, prepared: None }))
    }

    fn seen(&self) -> Option<(Geometry, String)> {
        self.0.try_with_value(|k| k.seen.clone()).flatten()
    }

    /// Lays out `catalog`'s timeline as it first shows, every event at full zoom, for the size
    /// and font last measured, and keeps that and the label widths it took for the timeline
    /// drawn next over `catalog`: the task that draws the page then has that much less to do
    /// (at 100,000 events, about half of it). Nothing before a timeline was measured.
    pub fn prepare(&self, catalog: &Arc<Catalog>) {
        let Some((geometry, font)) = self.seen() else { return };
        let indices = catalog.index.refine(&catalog.dataset, &Filter::default(), None);
        let mut widths = LabelWidths::new(catalog.dataset.events.len());
        widths.use_font(font);
        let layout = lay_out_events(catalog, &indices, &spans_of(catalog, &indices), &catalog.limits, geometry, None, &mut widths);
        self.0.update_value(|k| k.prepared = Some(Prepared { catalog: Arc::downgrade(catalog), indices, geometry, layout, widths }));
    }

    /// What was prepared for `catalog`, if anything: taken, since it is good for one drawing
    /// (what was prepared for another catalog stays).
    fn take(&self, catalog: &Catalog) -> Option<Prepared> {
        let for_it = |p: &Prepared| std::ptr::eq(p.catalog.as_ptr(), catalog);
        self.0.try_update_value(|k| k.prepared.take_if(|p| for_it(p))).flatten()
    }
}

/// The day spans of the events `indices`, in their order.
fn spans_of(catalog: &Catalog, indices: &[usize]) -> Vec<(Day, Day)> {
    indices.iter().map(|&i| catalog.spans[i]).collect()
}

/// Lays out the events `indices` (in order, their day spans `spans`) for `view` and the room
/// of `g`, `keep` always drawn; placements by index into the dataset.
fn lay_out_events(catalog: &Catalog, indices: &[usize], spans: &[(Day, Day)], view: &Viewport, g: Geometry, keep: Option<usize>, widths: &mut LabelWidths) -> Layout {
    let keep = keep.and_then(|s| indices.iter().position(|&i| i == s));
    let Layout { placements, clusters, rows } = lay_out(spans, view, room(g), keep, &mut |i| widths.extent(indices[i], g, &catalog.dataset));
    let placements = placements.into_iter().map(|p| Placement { index: indices[p.index], ..p }).collect();
    Layout { placements, clusters, rows }
}

/// The interactive timeline of the events that pass the filters.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    // A first screen draws its events, and nothing that counts them or follows who held a place.
    let previewing = state.preview.is_some();
    let area = NodeRef::<html::Div>::new();
    let marks_list = NodeRef::<html::Ol>::new();
    let kept = use_context::<Measured>();
    let earlier = kept.and_then(|k| k.seen());
    // Nothing is laid out before the area is measured: a layout for a guessed size, with labels
    // measured in no font, was drawn and thrown away at once (at 100,000 events, about 100 ms
    // before the first event).
    let measured_once = RwSignal::new(earlier.is_some());
    let geometry = RwSignal::new(earlier.as_ref().map(|(g, _)| *g).unwrap_or_default());
    let widths = StoredValue::new_local(LabelWidths::new(state.catalog().dataset.events.len()).knowing(use_context::<TextAdvance>()));
    if let Some((_, font)) = earlier {
        widths.update_value(|w| {
            w.use_font(font);
        });
        prefill_widths(widths, std::sync::Arc::downgrade(&state.catalog()));
    }

    let remeasure = move || {
        if let (Some(el), Some(list)) = (area.get_untracked(), marks_list.get_untracked()) {
            let measured = Geometry::of(&el, &list);
            let first = !measured_once.get_untracked();
            // The marks' font changes only with the layout (a phone's or not): read it again
            // only then, not each time the axis grows a row.
            if first || geometry.get_untracked() != measured {
                let font_changed = widths.try_update_value(|w| w.follow_font(&list)).unwrap_or(false);
                geometry.set(measured);
                if first {
                    measured_once.set(true);
                }
                if font_changed {
                    prefill_widths(widths, std::sync::Arc::downgrade(&state.catalog()));
                }
                if let Some(kept) = kept {
                    let font = widths.with_value(|w| w.font().to_string());
                    kept.0.update_value(|k| k.seen = Some((measured, font)));
                }
            }
        }
    };
    // A large dataset's timeline is measured in a task of its own, after the one that builds
    // the page: measuring makes the browser lay out the page, which in the same task kept it
    // from answering for longer than it should. A smaller one's is measured at once, so that
    // the page never shows without its marks.
    let split = state.drawn_in_parts();
    Effect::new(move |_| {
        if area.get().is_some() && marks_list.get().is_some() {
            if split {
                next_task(remeasure);
            } else {
                remeasure();
            }
        }
    });
    // Measured again whenever the area changes size, whatever made it change.
    let observer = {
        let observer = IN_BROWSER.then(|| {
            let callback = Closure::<dyn FnMut()>::new(remeasure);
            web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok().map(|o| (o, callback))
        });
        StoredValue::new_local(observer.flatten())
    };
    Effect::new(move |_| {
        if let Some(el) = area.get() {
            observer.with_value(|o| o.as_ref().map(|(o, _)| o.observe(&el)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((observer, _callback)) = o.take() {
                observer.disconnect();
            }
        })
    });
    let gestures = Gestures::new(state, area, geometry);

    // Events of the current filter, laid out for the current view and room, the selected one
    // always drawn.
    let indices = state.matching;
    // Their day spans, gathered once per filter, not at every frame of a gesture.
    let spans = Memo::new(move |_| indices.with(|indices| spans_of(&state.catalog(), indices)));
    let layout = Memo::new(move |_| {
        if !measured_once.get() {
            return Layout::default();
        }
        let catalog = state.catalog();
        let g = geometry.get();
        let view = state.viewport.get();
        let keep = state.selected.get();
        indices.with(|indices| {
            // The first layout, if it was worked out before (`Measured::prepare`) and nothing
            // has changed since: taken with the label widths it measured.
            let ready = kept
                .and_then(|k| k.take(&catalog))
                .filter(|p| keep.is_none() && p.geometry == g && view == catalog.limits && p.indices == *indices);
            match ready {
                Some(Prepared { layout, widths: measured, .. }) => {
                    widths.set_value(measured);
                    layout
                }
                None => spans
                    .with(|spans| widths.try_update_value(|w| lay_out_events(&catalog, indices, spans, &view, g, keep, w)))
                    .unwrap_or_default(),
            }
        })
    });
    let placement_of = move |index: usize| layout.with(|l| l.placements.iter().find(|p| p.index == index).cloned());
    let clusters = Signal::derive(move || layout.with(|l| (l.clusters.clone(), l.rows)));
    // A horizontal axis is as tall as its rows, and a row for gathered marks when there are any.
    let height = move || {
        let g = geometry.get();
        (!g.vertical).then(|| {
            let rows = layout.with(|l| l.rows.max(FEWEST_ROWS) + usize::from(!l.clusters.is_empty()));
            px(TICKS_PX + rows as f64 * ROW_PX + 6.0 + BAND_PX)
        })
    };

    // One band at a time: the busiest place first, and a menu for the others.
    let tracks = ControlTrack::by_activity(&state.catalog().dataset);
    let places: Vec<String> = tracks.iter().map(|t| t.place.clone()).collect();
    let band = RwSignal::new(0_usize);
    let chosen_track = {
        let tracks = tracks.clone();
        Signal::derive(move || tracks.get(band.get()).cloned())
    };

    let range = move || state.viewport.get().describe();

    view! {
        <section class="timeline" aria-labelledby="timeline-heading" inert=previewing>
            <div class="timeline-bar">
                <h2 id="timeline-heading">"Timeline"</h2>
                <p class="range" aria-live="off">
                    <span class="sr-only">"Showing "</span>
                    {range}
                </p>
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" on:click=move |_| gestures.zoom_step(ZOOM_STEP) aria-keyshortcuts=TimelineKey::ZoomIn.shortcut()>
                        "Zoom in"
                    </button>
                    <button type="button" on:click=move |_| gestures.zoom_step(1.0 / ZOOM_STEP) aria-keyshortcuts=TimelineKey::ZoomOut.shortcut()>
                        "Zoom out"
                    </button>
                    <button type="button" on:click=move |_| state.show_all_days() aria-keyshortcuts=TimelineKey::ShowAll.shortcut()>
                        "Show all"
                    </button>
                </div>
                {(!previewing).then(|| view! { <BandChoice places=places band=band/> })}
                <a class="to-list" href="#event-list-heading">"Event list"</a>
            </div>
            <p class="hint" id="timeline-hint">
                "Drag or use the arrow keys to move, the wheel, a pinch or + and − to zoom. N and P step to the next and previous event; so do Page Down and Page Up here."
            </p>
            <overview::Overview track=chosen_track/>
            <div
                class=TIMELINE_AREA_CLASS
                class:vertical=move || geometry.get().vertical
                style:height=height
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
                <ol class="marks" aria-label="Events in view" node_ref=marks_list>
                    <For
                        each=move || layout.with(|l| l.placements.iter().map(|p| p.index).collect::<Vec<_>>())
                        key=|index| *index
                        let:index
                    >
                        <EventMark index=index placement=Signal::derive(move || placement_of(index)) geometry=geometry.into()/>
                    </For>
                    // A first screen's clusters would count only the events it holds.
                    {(!previewing).then(|| view! { <ClusterMarks clusters=clusters indices=indices.into() geometry=geometry.into()/> })}
                </ol>
                <svg class="leaders" aria-hidden="true">
                    <path d=move || {
                        let g = geometry.get();
                        if g.vertical { layout.with(|l| leaders_path(&l.placements, g)) } else { String::new() }
                    }></path>
                </svg>
                <div class="control-tracks">
                    {move || tracks.get(band.get()).cloned().filter(|_| !previewing).map(|track| view! { <ControlBand track=track geometry=geometry.into()/> })}
                </div>
            </div>
            <ul class="legend" aria-label="Legend">
                {LEGEND.iter().map(|entry| view! {
                    <li>
                        <span class=format!("sample {}", entry.sample) aria-hidden="true">
                            {(entry.sample == "badge").then_some("2")}
                        </span>
                        {entry.words}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
