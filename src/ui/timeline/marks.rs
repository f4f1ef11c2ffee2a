//! The marks on the axis: one per event placed, and a "+N" for events gathered where they do
//! not fit.

use leptos::prelude::*;

use super::geometry::Geometry;
use crate::model::timeline::{Cluster, Placement};
use crate::ui::{reveal_panel, use_state};

/// One event on the axis: a point, a fuzzy span or an interval bar, with its title.
#[component]
pub fn EventMark(
    /// The event's index in the dataset.
    index: usize,
    /// Where it is placed, or `None` while it leaves the view.
    placement: Signal<Option<Placement>>,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog();
    let event = &catalog.dataset.events[index];
    let class = format!("mark {}", event.date.shape().name());
    let mark = event.date.qualifier().mark();
    let open = event.date.is_open();
    let (title, label, date) = (event.title.clone(), event.label(), event.date.human());
    // Along the axis: where the date's bounds fall, a little past the ends at most. Across it:
    // the lane.
    let boxed = move || {
        placement.get().map(|p| {
            let (start, end) = (p.start.max(-0.05), p.end.min(1.05));
            geometry.get().place(start, (end - start).max(0.0), Some(p.lane))
        })
    };
    let side = move |i: usize| boxed().and_then(|b| b[i].clone());
    let selected = move || state.selected.get() == Some(index);
    view! {
        <li
            class=class
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
                title=date
                aria-label=label
            >
                <span class="label">{title}</span>
                {(!mark.is_empty()).then(|| view! { <span class="qualifier">{mark}</span> })}
            </button>
        </li>
    }
}

/// Events gathered where they do not fit, as "+N" marks that zoom in to them.
#[component]
pub fn ClusterMarks(
    /// The clusters of the current layout.
    clusters: Signal<Vec<Cluster>>,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    move || {
        let g = geometry.get();
        clusters
            .get()
            .into_iter()
            .map(|cluster| {
                let (label, description) = (cluster.label(), cluster.description());
                let (flipped, at) = (cluster.flipped, g.point(cluster.start.max(0.0)));
                let zoom_in = move |_| state.viewport.set(cluster.view(&state.catalog().limits));
                view! {
                    <li class="cluster" class:flipped=flipped style=at>
                        <button type="button" on:click=zoom_in>
                            {label}
                            <span class="sr-only">{description}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    }
}
