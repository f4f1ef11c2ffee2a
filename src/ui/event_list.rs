//! The events as an ordered list: the linear, accessible view of the timeline, kept in step
//! with its selection and its visible range.

use leptos::prelude::*;

use super::{reveal_panel, use_state};
use crate::model::Attribution;

/// The events that pass the filters and fall in the timeline's visible range, in order.
#[component]
pub fn EventList() -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog;
    let in_view = Memo::new(move |_| {
        let view = state.viewport.get();
        state.matching.with(|m| {
            m.iter().copied().filter(|&i| view.shows(catalog.spans[i].0, catalog.spans[i].1)).collect::<Vec<_>>()
        })
    });
    let count = move || {
        let (shown, matching) = (in_view.with(Vec::len), state.matching.with(Vec::len));
        if shown == matching {
            format!("{shown} in view")
        } else {
            format!("{shown} of {matching} in view")
        }
    };
    view! {
        <nav class="event-list" aria-labelledby="event-list-heading">
            <h2 id="event-list-heading">"Events " <span class="count">{count}</span></h2>
            <Show
                when=move || in_view.with(|v| !v.is_empty())
                fallback=move || view! {
                    <p class="empty">
                        "No event in this part of the timeline. "
                        <button type="button" on:click=move |_| state.viewport.set(catalog.limits)>"Show all"</button>
                    </p>
                }
            >
                <ol>
                    <For each=move || in_view.get() key=|i| *i let:index>
                        <EventListItem index=index/>
                    </For>
                </ol>
            </Show>
        </nav>
    }
}

/// One event in the list: its title, date and how many originators back it.
#[component]
fn EventListItem(
    /// The event's index in the dataset.
    index: usize,
) -> impl IntoView {
    let state = use_state();
    let dataset = &state.catalog.dataset;
    let event = &dataset.events[index];
    let corroboration = Attribution::of(dataset, event).corroboration;
    let backing = match corroboration.originators {
        1 => "1 originator".to_string(),
        n => format!("{n} originators"),
    };
    let selected = move || state.selected.get() == Some(index);
    view! {
        <li class:selected=selected>
            <button
                type="button"
                aria-current=move || selected().then_some("true")
                on:click=move |_| {
                    state.select(index);
                    reveal_panel();
                }
            >
                <span class="title">{event.title.clone()}</span>
                <span class="meta">
                    <span class="date">{event.date.human()}</span>
                    " · "
                    {backing}
                    {corroboration.contested.then_some(" · contested")}
                </span>
            </button>
        </li>
    }
}
