//! The events as an ordered list: the linear, accessible view of the timeline, kept in step
//! with its selection and its visible range.
//!
//! The list is virtualised: rows have one height and only those in or near the scrolled window
//! are in the page, so a hundred thousand events cost a few dozen elements.

use gloo_timers::callback::Timeout;
use leptos::{html, prelude::*};

use super::timeline::px;
use super::url::{Downloads, EmbedCode};
use super::{reveal_panel, use_state};
use crate::model::filter::in_view_count;
use crate::model::Attribution;

/// The height of one row, as in the stylesheet (`.event-list li`).
const ROW_PX: f64 = 58.0;
/// Rows kept in the page above and below the visible ones.
const OVERSCAN: usize = 6;
/// How long the timeline's range must rest before the list follows it, in milliseconds.
const SETTLE_MS: u32 = 120;

/// The events that pass the filters and fall in the timeline's visible range, in order.
#[component]
pub fn EventList() -> impl IntoView {
    let state = use_state();
    // The list follows the timeline's range once it rests, so that a frame of a zoom or a pan
    // draws the timeline only: a moment after the last change, or at once the first time.
    let settled = RwSignal::new(state.viewport.get_untracked());
    let wait = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |first: Option<()>| {
        let view = state.viewport.get();
        if first.is_none() {
            settled.set(view);
        } else {
            wait.set_value(Some(Timeout::new(SETTLE_MS, move || settled.set(view))));
        }
    });
    let in_view = Memo::new(move |_| {
        let view = settled.get();
        let catalog = state.catalog();
        state.matching.with(|m| {
            m.iter().copied().filter(|&i| view.shows(catalog.spans[i].0, catalog.spans[i].1)).collect::<Vec<_>>()
        })
    });
    let count = move || in_view_count(in_view.with(Vec::len), state.matching.with(Vec::len));
    let scroller = NodeRef::<html::Div>::new();
    let height = RwSignal::new(480.0_f64);
    // The rows drawn first are those around the selected event, should it be out of the first
    // window: a page written at build time has them, and its starter scrolls to them
    // (`public/start.js`) as the effect below does in the app.
    let selected_row = untrack(|| state.selected.get().and_then(|s| in_view.with(|v| v.iter().position(|&i| i == s))));
    let scroll_top = RwSignal::new(selected_row.and_then(|row| centred(row, 0.0, height.get_untracked())).unwrap_or(0.0));
    let window_rows = Memo::new(move |_| {
        let total = in_view.with(Vec::len);
        let first = ((scroll_top.get() / ROW_PX) as usize).saturating_sub(OVERSCAN).min(total);
        let last = (first + (height.get() / ROW_PX) as usize + 2 * OVERSCAN + 1).min(total);
        in_view.with(|v| v[first..last].iter().enumerate().map(|(k, &i)| (first + k, i)).collect::<Vec<_>>())
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            height.set(f64::from(el.client_height()));
        }
    };
    // Keep the selected event in the list's window when it is chosen elsewhere.
    Effect::new(move |_| {
        let Some(selected) = state.selected.get() else { return };
        let Some(position) = in_view.with(|v| v.iter().position(|&i| i == selected)) else { return };
        let Some(el) = scroller.get() else { return };
        if let Some(top) = centred(position, f64::from(el.scroll_top()), f64::from(el.client_height())) {
            el.set_scroll_top(top as i32);
            scroll_top.set(f64::from(el.scroll_top()));
        }
    });
    // Up and Down move between rows, scrolling rows into the page as they are needed.
    let on_keydown = move |e: leptos::ev::KeyboardEvent| {
        let Some(step) = super::keys::list_step(&e.key()) else { return };
        let Some(active) = document().active_element() else { return };
        let Some(position) = active.get_attribute("data-position").and_then(|p| p.parse::<usize>().ok()) else { return };
        let target = position as isize + step;
        if target < 0 || target as usize >= in_view.with(Vec::len) {
            return;
        }
        e.prevent_default();
        if let Some(el) = scroller.get_untracked() {
            let row = target as f64 * ROW_PX;
            let (top, visible) = (f64::from(el.scroll_top()), f64::from(el.client_height()));
            if row < top {
                el.set_scroll_top(row as i32);
            } else if row + ROW_PX > top + visible {
                el.set_scroll_top((row + ROW_PX - visible) as i32);
            }
            scroll_top.set(f64::from(el.scroll_top()));
        }
        request_animation_frame(move || {
            let selector = format!(".event-list [data-position=\"{target}\"]");
            if let Ok(Some(next)) = document().query_selector(&selector) {
                if let Ok(next) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(next) {
                    let _ = next.focus();
                }
            }
        });
    };
    view! {
        <nav class="event-list" aria-labelledby="event-list-heading">
            <h2 id="event-list-heading">"Events " <span class="count">{count}</span></h2>
            <div class="take-out">
                <Show when=move || in_view.with(|v| !v.is_empty())>
                    <Downloads in_view/>
                </Show>
                <EmbedCode/>
            </div>
            <Show
                when=move || in_view.with(|v| !v.is_empty())
                fallback=move || view! {
                    <p class="empty">
                        "No event in this part of the timeline. "
                        <button type="button" on:click=move |_| state.show_all_days()>"Show all"</button>
                    </p>
                }
            >
                <div class="list-scroller" node_ref=scroller on:scroll=on_scroll on:keydown=on_keydown>
                    <ol style:height=move || px(in_view.with(Vec::len) as f64 * ROW_PX)>
                        <For each=move || window_rows.get() key=|(position, index)| (*position, *index) let:row>
                            <EventListItem position=row.0 index=row.1 total=Signal::derive(move || in_view.with(Vec::len))/>
                        </For>
                    </ol>
                </div>
            </Show>
        </nav>
    }
}

/// Where a list scrolled to `top`, showing `visible` pixels, scrolls to show the row at
/// `position`: with the row in its middle, if it is out of sight. `public/start.js` does the
/// same on a written first screen.
fn centred(position: usize, top: f64, visible: f64) -> Option<f64> {
    let row = position as f64 * ROW_PX;
    (row < top || row + ROW_PX > top + visible).then(|| (row - visible / 2.0).max(0.0))
}

/// One event in the list: its title, date and how many originators back it.
#[component]
fn EventListItem(
    /// Its place in the list, from 0.
    position: usize,
    /// The event's index in the dataset.
    index: usize,
    /// How many events the list holds.
    total: Signal<usize>,
) -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog();
    let event = &catalog.dataset.events[index];
    let backing = Attribution::of(&catalog.dataset, event).corroboration.short();
    let selected = move || state.selected.get() == Some(index);
    view! {
        <li
            class:selected=selected
            style:top=px(position as f64 * ROW_PX)
            aria-setsize=move || total.get().to_string()
            aria-posinset=(position + 1).to_string()
        >
            <button
                type="button"
                data-position=position.to_string()
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
                </span>
            </button>
        </li>
    }
}
