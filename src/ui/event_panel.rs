//! The panels for the selected event: what happened, and who says so.

use leptos::prelude::*;

use super::{use_state, CopyLink};
use crate::model::attribution::{AttributedClaim, OriginatorClaims, RELAY_CHAIN, SIDE_BY_SIDE, WHO_SAYS_SO};
use crate::model::catalog::{EVENT_TITLE_ID, WHEN, WHERE};
use crate::model::date::AS_WRITTEN;
use crate::model::{Attribution, Dataset, Stance, Standing};

/// The selected event: title, date in words, place, summary and tags.
#[component]
pub fn EventPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <aside class="panel event-panel" aria-labelledby=EVENT_TITLE_ID>
            {move || match state.selected.get() {
                None => view! {
                    <h2 id=EVENT_TITLE_ID>"Event"</h2>
                    <p class="empty">"Select an event on the timeline or in the list to see what happened and who says so."</p>
                }
                .into_any(),
                Some(index) => {
                    let catalog = state.catalog();
                    let event = &catalog.dataset.events[index];
                    view! {
                        <h2 id=EVENT_TITLE_ID>{event.title.clone()}</h2>
                        <dl class="facts">
                            <dt>{WHEN}</dt>
                            <dd>
                                {event.date.human()}
                                <span class="edtf" title=AS_WRITTEN>
                                    " (" {event.date.as_str().to_string()} ")"
                                </span>
                            </dd>
                            {event.place.clone().map(|place| view! { <dt>{WHERE}</dt> <dd>{place}</dd> })}
                        </dl>
                        <p class="summary">{event.summary.clone()}</p>
                        <CopyLink event=event.id.clone() what="event"/>
                        {(!event.tags.is_empty()).then(|| view! {
                            <ul class="tags" aria-label="Tags">
                                {event.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                            </ul>
                        })}
                    }
                    .into_any()
                }
            }}
        </aside>
    }
}

/// Every claim about the selected event, grouped by originator, with relay chains,
/// documents and quotes; qualifying and disputing claims stand beside the others.
#[component]
pub fn AttributionPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <aside class="panel attribution-panel" aria-labelledby="attribution-heading">
            <h2 id="attribution-heading">{WHO_SAYS_SO}</h2>
            {move || match state.selected.get() {
                None => view! { <p class="empty">"No event selected."</p> }.into_any(),
                Some(index) => {
                    let catalog = state.catalog();
                    let dataset = &catalog.dataset;
                    let event = &dataset.events[index];
                    let attribution = Attribution::of(dataset, event);
                    let c = &attribution.corroboration;
                    view! {
                        <p class="corroboration">{c.summary()}</p>
                        {c.contested.then(|| view! {
                            <p class="contested">
                                <span aria-hidden="true">"⚖ "</span>
                                {SIDE_BY_SIDE}
                            </p>
                        })}
                        <div class="originators">
                            {attribution.groups.iter().map(|group| originator_card(dataset, &event.id, group)).collect_view()}
                        </div>
                    }
                    .into_any()
                }
            }}
        </aside>
    }
}

/// One originator and its claims about the event with id `event`.
fn originator_card(dataset: &Dataset, event: &str, group: &OriginatorClaims<'_>) -> impl IntoView {
    let source = group.originator;
    let standing = Standing::of(dataset, source);
    view! {
        <section class="originator" class:independent=standing == Standing::NotAParty>
            <h3>{source.name.clone()}</h3>
            <p class="source-meta">
                <span class="kind">{source.kind.clone()}</span>
                {group.speaks_for().map(|s| view! { " · " <span>{s}</span> })}
                " · "
                <span class="party">{standing.to_string()}</span>
            </p>
            <ul class="claims">
                {group.claims.iter().map(|claim| claim_item(event, claim)).collect_view()}
            </ul>
        </section>
    }
}

/// One claim about the event with id `event`: what is claimed, the quote if there is one,
/// and its chain to the document.
fn claim_item(event: &str, attributed: &AttributedClaim<'_>) -> impl IntoView {
    let state = use_state();
    let claim = attributed.claim;
    let id = claim.id.clone();
    let highlighted = {
        let id = id.clone();
        move || state.claim.get().as_deref() == Some(id.as_str())
    };
    let anchor = format!("claim-{id}");
    let stance = claim.stance;
    let document = attributed.document.map(|d| {
        let title = d.title.clone();
        let title_view = match &d.url {
            Some(url) => view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
            None => view! { <cite>{title}</cite> }.into_any(),
        };
        view! { <li class="document">{title_view}{attributed.document_details()}</li> }
    });
    view! {
        <li class="claim" id=anchor class:highlighted=highlighted>
            {(stance != Stance::Supports).then(|| view! { <p class=format!("stance {}", stance.as_str())>{stance.as_str()}</p> })}
            <p class="claim-text">{claim.text.clone()}</p>
            {claim.quote.clone().map(|q| view! { <blockquote class="quote"><p>{q}</p></blockquote> })}
            <ol class="chain" aria-label=RELAY_CHAIN>
                {attributed.chain.iter().map(|s| view! { <li>{s.name.clone()}</li> }).collect_view()}
                {document}
            </ol>
            <CopyLink event=event.to_string() claim=id what="claim"/>
        </li>
    }
}
