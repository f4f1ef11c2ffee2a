//! The panels for the selected event: what happened, and who says so.

use leptos::prelude::*;

use super::{use_state, CopyLink};
use crate::model::attribution::{AttributedClaim, OriginatorClaims};
use crate::model::filter::party_of;
use crate::model::{Attribution, Dataset, Stance};

/// The selected event: title, date in words, place, summary and tags.
#[component]
pub fn EventPanel() -> impl IntoView {
    let state = use_state();
    let dataset = &state.catalog.dataset;
    view! {
        <aside class="panel event-panel" aria-labelledby="event-panel-heading">
            {move || match state.selected.get() {
                None => view! {
                    <h2 id="event-panel-heading">"Event"</h2>
                    <p class="empty">"Select an event on the timeline or in the list to see what happened and who says so."</p>
                }
                .into_any(),
                Some(index) => {
                    let event = &dataset.events[index];
                    view! {
                        <h2 id="event-panel-heading">{event.title.clone()}</h2>
                        <dl class="facts">
                            <dt>"When"</dt>
                            <dd>
                                {event.date.human()}
                                <span class="edtf" title="The date as written in the dataset (EDTF)">
                                    {format!(" ({})", event.date.as_str())}
                                </span>
                            </dd>
                            {event.place.clone().map(|place| view! { <dt>"Where"</dt> <dd>{place}</dd> })}
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
    let dataset = &state.catalog.dataset;
    view! {
        <aside class="panel attribution-panel" aria-labelledby="attribution-heading">
            <h2 id="attribution-heading">"Who says so"</h2>
            {move || match state.selected.get() {
                None => view! { <p class="empty">"No event selected."</p> }.into_any(),
                Some(index) => {
                    let attribution = Attribution::of(dataset, &dataset.events[index]);
                    let c = &attribution.corroboration;
                    view! {
                        <p class="corroboration">{c.summary()}</p>
                        {c.contested.then(|| view! {
                            <p class="contested">
                                <span aria-hidden="true">"⚖ "</span>
                                "Sources qualify or dispute each other here: their claims are shown side by side."
                            </p>
                        })}
                        <div class="originators">
                            {attribution.groups.iter().map(|group| view! { <OriginatorCard dataset=dataset event=dataset.events[index].id.clone() group=group.clone()/> }).collect_view()}
                        </div>
                    }
                    .into_any()
                }
            }}
        </aside>
    }
}

/// One originator and its claims about the event.
#[component]
fn OriginatorCard(
    /// The dataset the claims come from.
    dataset: &'static Dataset,
    /// The id of the event the claims are about.
    event: String,
    /// The originator, its organisation and its claims.
    group: OriginatorClaims<'static>,
) -> impl IntoView {
    let source = group.originator;
    let party = match party_of(dataset, source) {
        Some(party) => format!("party to the conflict: {party}"),
        None => "not a party to the conflict".to_string(),
    };
    let speaks_for = group.organisation.map(|org| format!("for {}", org.name));
    let heading = source.name.clone();
    view! {
        <section class="originator" class:independent=party_of(dataset, source).is_none()>
            <h3>{heading}</h3>
            <p class="source-meta">
                <span class="kind">{source.kind.clone()}</span>
                {speaks_for.map(|s| view! { " · " <span>{s}</span> })}
                " · "
                <span class="party">{party}</span>
            </p>
            <ul class="claims">
                {group.claims.into_iter().map(|claim| view! { <ClaimItem event=event.clone() claim=claim/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One claim: what is claimed, the quote if there is one, and its chain to the document.
#[component]
fn ClaimItem(
    /// The id of the event the claim is about.
    event: String,
    /// The claim with its chain of sources and its document.
    claim: AttributedClaim<'static>,
) -> impl IntoView {
    let state = use_state();
    let id = claim.claim.id.clone();
    let highlighted = {
        let id = id.clone();
        move || state.claim.get().as_deref() == Some(id.as_str())
    };
    let stance = claim.claim.stance;
    let chain = claim.chain.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    let document = claim.document.map(|d| {
        let title = d.title.clone();
        let title_view = match &d.url {
            Some(url) => view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
            None => view! { <cite>{title}</cite> }.into_any(),
        };
        view! {
            <li class="document">
                {title_view}
                {d.publisher.clone().map(|p| format!(", {p}"))}
                {format!(", {}", d.published.human())}
                {claim.claim.locator.clone().map(|l| format!(", {l}"))}
            </li>
        }
    });
    view! {
        <li class="claim" id=format!("claim-{id}") class:highlighted=highlighted>
            {(stance != Stance::Supports).then(|| view! { <p class=format!("stance {}", stance.as_str())>{stance.as_str()}</p> })}
            <p class="claim-text">{claim.claim.text.clone()}</p>
            {claim.claim.quote.clone().map(|q| view! { <blockquote class="quote"><p>{q}</p></blockquote> })}
            <ol class="chain" aria-label="Relay chain">
                {chain.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                {document}
            </ol>
            <CopyLink event=event claim=claim.claim.id.clone() what="claim"/>
        </li>
    }
}
