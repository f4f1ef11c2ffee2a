//! Every source, with what it claimed across the timeline and a way to see only its events.

use leptos::prelude::*;

use super::{use_state, View};
use crate::model::{Facet, Filter, SourceActivity, Standing};

/// All sources of the dataset, each with its claims and relays.
#[component]
pub fn SourcesView() -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog();
    let dataset = &catalog.dataset;
    let cards = SourceActivity::all(dataset)
        .into_iter()
        .map(|activity| {
            let source = activity.source;
            let id = source.id.clone();
            let claims = activity.shown_claims().iter().map(|(event, claim)| {
                let index = catalog.position(&event.id);
                let claim_id = claim.id.clone();
                let open = move |_| {
                    if let Some(i) = index {
                        state.select(i);
                        state.claim.set(Some(claim_id.clone()));
                        state.view.set(View::Timeline);
                    }
                };
                view! {
                    <li>
                        <button type="button" on:click=open>{event.title.clone()}</button>
                        <span class="date">" · " {event.date.human()}</span>
                        <p class="claim-text">{claim.text.clone()}</p>
                    </li>
                }
            });
            let claims = (!activity.originated.is_empty()).then(|| {
                view! {
                    <ul class="source-claims">
                        {claims.collect_view()}
                        {activity.more().map(|more| view! { <li>{more}</li> })}
                    </ul>
                }
            });
            let show_only = move |_| {
                state.filter.set(Filter::default().with(Facet::Source, id.clone()));
                state.view.set(View::Timeline);
            };
            view! {
                <li class="source-card">
                    <h3>{source.name.clone()}</h3>
                    <p class="source-meta">{source.kind.clone()} " · " {Standing::of(dataset, source).to_string()}</p>
                    {source.description.clone().map(|d| view! { <p>{d}</p> })}
                    <p>{activity.summary()}</p>
                    {claims}
                    <button type="button" class="show-only" on:click=show_only>{activity.show_only()}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">"Sources"</h2>
            <ul class="source-cards">{cards}</ul>
        </section>
    }
}
