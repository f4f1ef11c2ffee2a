//! Search and filters over the events, with the count of what they let through.

use leptos::prelude::*;

use super::use_state;
use crate::model::filter::NOT_A_PARTY;
use crate::model::Filter;

/// The search box, the filter menus, the count of matching events and a way to clear them.
#[component]
pub fn Filters() -> impl IntoView {
    let state = use_state();
    let facets = &state.catalog.facets;
    let total = state.catalog.dataset.events.len();
    let count = move || {
        let n = state.matching.with(Vec::len);
        if n == total {
            format!("All {total} events")
        } else {
            format!("{n} of {total} events match")
        }
    };
    let sources: Vec<(String, String)> = facets.sources.clone();
    let kinds = pairs(&facets.kinds);
    let mut parties = pairs(&facets.parties);
    parties.push((NOT_A_PARTY.to_string(), "Not a party to the conflict".to_string()));
    let tags = pairs(&facets.tags);
    let folded = RwSignal::new(true);
    let active = move || {
        state.filter.with(|f| [&f.source, &f.kind, &f.party, &f.tag, &f.place].iter().filter(|v| v.is_some()).count())
    };
    let places = pairs(&facets.places);

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
                {move || match active() {
                    0 => "Filters".to_string(),
                    n => format!("Filters ({n} on)"),
                }}
            </button>
            <div id="filter-menus" class="menus" class:folded=move || folded.get()>
                <FilterMenu label="Source" id="filter-source" options=sources pick=|f| &mut f.source/>
                <FilterMenu label="Kind of source" id="filter-kind" options=kinds pick=|f| &mut f.kind/>
                <FilterMenu label="Party" id="filter-party" options=parties pick=|f| &mut f.party/>
                <FilterMenu label="Tag" id="filter-tag" options=tags pick=|f| &mut f.tag/>
                <FilterMenu label="Place" id="filter-place" options=places pick=|f| &mut f.place/>
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

fn pairs(values: &[String]) -> Vec<(String, String)> {
    values.iter().map(|v| (v.clone(), v.clone())).collect()
}

/// A menu that sets one field of the filter; its first choice clears it.
#[component]
fn FilterMenu(
    /// The visible label.
    label: &'static str,
    /// The element id, for the label.
    id: &'static str,
    /// Values and their names.
    options: Vec<(String, String)>,
    /// Which field of the filter the menu sets.
    pick: fn(&mut Filter) -> &mut Option<String>,
) -> impl IntoView {
    let state = use_state();
    let current = move || state.filter.with(|f| pick(&mut f.clone()).clone().unwrap_or_default());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=current
                on:change=move |e| {
                    let value = event_target_value(&e);
                    state.filter.update(|f| *pick(f) = (!value.is_empty()).then_some(value));
                }
            >
                <option value="">"Any"</option>
                {options
                    .into_iter()
                    .map(|(value, name)| view! { <option value=value>{name}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
