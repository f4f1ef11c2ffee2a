//! Every source, with what it claimed across the timeline and a way to see only its events.

use leptos::prelude::*;

use super::{use_state, View};
use crate::model::filter::party_of;
use crate::model::{Filter, SourceActivity};

/// Claims listed per source; a large dataset's sources are read through the filtered timeline.
const SHOWN_CLAIMS: usize = 50;

/// All sources of the dataset, each with its claims and relays.
#[component]
pub fn SourcesView() -> impl IntoView {
    let state = use_state();
    let dataset = &state.catalog.dataset;
    let activity = SourceActivity::all(dataset);
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">"Sources"</h2>
            <ul class="source-cards">
                {activity
                    .into_iter()
                    .map(|a| {
                        let source = a.source;
                        let id = source.id.clone();
                        let party = match party_of(dataset, source) {
                            Some(p) => format!("Party to the conflict: {p}"),
                            None => "Not a party to the conflict".to_string(),
                        };
                        let said = match a.originated.len() {
                            0 => "Originated no claim".to_string(),
                            1 => "Originated 1 claim".to_string(),
                            n => format!("Originated {n} claims"),
                        };
                        let relayed = match a.relayed {
                            0 => String::new(),
                            1 => ", relayed 1".to_string(),
                            n => format!(", relayed {n}"),
                        };
                        let show_only = format!("Show only events with {}", source.name);
                        view! {
                            <li class="source-card">
                                <h3>{source.name.clone()}</h3>
                                <p class="source-meta">{source.kind.clone()} " · " {party}</p>
                                {source.description.clone().map(|d| view! { <p>{d}</p> })}
                                <p>{said}{relayed}</p>
                                {(!a.originated.is_empty()).then(|| view! {
                                    <ul class="source-claims">
                                        {a.originated.iter().take(SHOWN_CLAIMS).map(|(event, claim)| {
                                            let index = state.catalog.position(&event.id);
                                            let claim_id = claim.id.clone();
                                            view! {
                                                <li>
                                                    <button type="button" on:click=move |_| {
                                                        if let Some(i) = index {
                                                            state.select(i);
                                                            state.claim.set(Some(claim_id.clone()));
                                                            state.view.set(View::Timeline);
                                                        }
                                                    }>
                                                        {event.title.clone()}
                                                    </button>
                                                    <span class="date">{format!(" · {}", event.date.human())}</span>
                                                    <p class="claim-text">{claim.text.clone()}</p>
                                                </li>
                                            }
                                        }).collect_view()}
                                        {(a.originated.len() > SHOWN_CLAIMS).then(|| view! {
                                            <li>{format!("…and {} more: show only this source's events to see them all.", a.originated.len() - SHOWN_CLAIMS)}</li>
                                        })}
                                    </ul>
                                })}
                                <button type="button" class="show-only" on:click=move |_| {
                                    state.filter.set(Filter { source: Some(id.clone()), ..Filter::default() });
                                    state.view.set(View::Timeline);
                                }>
                                    {show_only}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
