//! Search and filters over the events, with the count of what they let through.

use leptos::prelude::*;

use super::tasks::next_task_flag;
use super::use_state;
use crate::model::filter::{match_count, menus_button};
use crate::model::{Facet, Filter};

/// The search box, the filter menus, the count of matching events and a way to clear them.
#[component]
pub fn Filters() -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog();
    let total = catalog.dataset.events.len();
    // A first screen holds a few of the events: it counts none (the shell says how far the
    // reading has come).
    let count = move || if state.preview.is_some() { String::new() } else { match_count(state.matching.with(Vec::len), total) };
    let folded = RwSignal::new(true);
    // A large dataset's menus and their choices, hundreds of elements, are drawn in a task
    // after the one that draws the page, so that neither keeps the page from answering for long.
    let drawn = next_task_flag(state.drawn_in_parts());
    let menus = move || {
        drawn.get().then(|| {
            Facet::ALL
                .into_iter()
                .map(|facet| view! { <FilterMenu facet=facet options=catalog.facets.options(facet).to_vec()/> })
                .collect_view()
        })
    };

    view! {
        <div class="filters" role="search" aria-label="Events">
            <div class="field search-field">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Titles, claims, quotes, sources"
                    autocomplete="off"
                    prop:value=move || state.filter.with(|f| f.text.clone())
                    on:input=move |e| state.filter.update(|f| f.text = event_target_value(&e))
                />
            </div>
            // On a phone the menus fold away behind one button, so the timeline is in sight.
            <button
                type="button"
                class="menus-toggle"
                aria-expanded=move || (!folded.get()).to_string()
                aria-controls="filter-menus"
                on:click=move |_| folded.update(|f| *f = !*f)
            >
                {move || menus_button(state.filter.with(Filter::menus_set))}
            </button>
            <div id="filter-menus" class="menus" class:folded=move || folded.get()>
                {menus}
            </div>
            <p class="match-count" role="status">{count}</p>
            <button
                type="button"
                class="clear"
                disabled=move || state.filter.with(Filter::is_empty)
                on:click=move |_| state.filter.set(Filter::default())
            >
                "Clear filters"
            </button>
        </div>
    }
}

/// A menu that sets one facet of the filter; its first choice clears it.
#[component]
fn FilterMenu(
    /// Which facet the menu sets.
    facet: Facet,
    /// Values and their names.
    options: Vec<(String, String)>,
) -> impl IntoView {
    let state = use_state();
    let id = format!("filter-{}", facet.key());
    view! {
        <div class="field">
            <label for=id.clone()>{facet.label()}</label>
            <select
                id=id
                prop:value=move || state.filter.with(|f| f.get(facet).unwrap_or_default().to_string())
                on:change=move |e| state.filter.update(|f| f.set(facet, Some(event_target_value(&e))))
            >
                <option value="">"Any"</option>
                {options.into_iter().map(|(value, name)| view! { <option value=value>{name}</option> }).collect_view()}
            </select>
        </div>
    }
}
