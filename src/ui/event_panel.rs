//! The panels for the selected event: what happened, and who says so.

use leptos::{html, prelude::*};

use super::{use_state, CopyLink};
use crate::model::attribution::{AttributedClaim, ChainRole, OriginatorClaims, RELAY_CHAIN, SIDE_BY_SIDE, WHO_SAYS_SO};
use crate::model::catalog::{EVENT_TITLE_ID, WHEN, WHERE};
use crate::model::date::AS_WRITTEN;
use crate::model::story::{NEXT_EVENT, PREVIOUS_EVENT, START_WITH_FIRST, STEP_THROUGH};
use crate::model::{Attribution, Corroboration, Dataset, Direction, Standing};

/// The selected event: where it stands in the story, with Previous and Next, then its title,
/// date in words, place, summary and tags.
#[component]
pub fn EventPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <aside class="panel event-panel" aria-labelledby=EVENT_TITLE_ID>
            <Stepper/>
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

/// Previous and Next around the selected event's place in the story ("Event 10 of 13"), or, with
/// nothing selected, a way to begin with the first event. It stays in place while the reader
/// steps, so that focus stays on the button pressed; a button with nowhere to go says so with
/// `aria-disabled` rather than `disabled`, which would drop the focus.
#[component]
fn Stepper() -> impl IntoView {
    let state = use_state();
    let step = Memo::new(move |_| state.step());
    let next = NodeRef::<html::Button>::new();
    let begin = move |_| {
        if state.step_towards(Direction::Next) {
            // The start button gives way to Previous and Next: focus moves on to Next once drawn.
            request_animation_frame(move || {
                if let Some(button) = next.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    };
    let nowhere = move |direction: Direction| step.get().and_then(|s| s.towards(direction)).is_none().then_some("true");
    let go = move |direction: Direction| {
        move |_| {
            state.step_towards(direction);
        }
    };
    view! {
        <div class="stepper" role="group" aria-label=STEP_THROUGH>
            <Show
                when=move || step.get().is_some()
                fallback=move || {
                    view! {
                        <button type="button" class="start" aria-keyshortcuts=Direction::Next.shortcuts() on:click=begin>
                            {START_WITH_FIRST}
                            <span aria-hidden="true">" →"</span>
                        </button>
                    }
                }
            >
                <button
                    type="button"
                    class="previous"
                    aria-keyshortcuts=Direction::Previous.shortcuts()
                    aria-disabled=move || nowhere(Direction::Previous)
                    on:click=go(Direction::Previous)
                >
                    <span aria-hidden="true">"← "</span>
                    {PREVIOUS_EVENT}
                </button>
                <p class="position">{move || step.get().map(|s| s.to_string())}</p>
                <button
                    type="button"
                    class="next"
                    node_ref=next
                    aria-keyshortcuts=Direction::Next.shortcuts()
                    aria-disabled=move || nowhere(Direction::Next)
                    on:click=go(Direction::Next)
                >
                    {NEXT_EVENT}
                    <span aria-hidden="true">" →"</span>
                </button>
            </Show>
        </div>
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
                            {attribution.groups.iter().map(|group| originator_card(dataset, &event.id, group, c)).collect_view()}
                        </div>
                    }
                    .into_any()
                }
            }}
        </aside>
    }
}

/// One originator and its claims about the event with id `event`.
fn originator_card(dataset: &Dataset, event: &str, group: &OriginatorClaims<'_>, corroboration: &Corroboration) -> impl IntoView {
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
                {group.claims.iter().map(|claim| claim_item(event, claim, corroboration)).collect_view()}
            </ul>
        </section>
    }
}

/// One claim about the event with id `event`: its stance where claims differ, what is claimed,
/// the quote if there is one, and its chain from the originator through each relay to the
/// document, drawn as a diagram whose nodes each say what their source did.
fn claim_item(event: &str, attributed: &AttributedClaim<'_>, corroboration: &Corroboration) -> impl IntoView {
    let state = use_state();
    let claim = attributed.claim;
    let id = claim.id.clone();
    let highlighted = {
        let id = id.clone();
        move || state.claim.get().as_deref() == Some(id.as_str())
    };
    let anchor = format!("claim-{id}");
    let stance = corroboration.shown_stance(claim.stance);
    let document = attributed.document.map(|d| {
        let title = d.title.clone();
        let title_view = match &d.url {
            Some(url) => view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
            None => view! { <cite>{title}</cite> }.into_any(),
        };
        let role = ChainRole::PublishedIn;
        view! {
            <li class=role.class()>
                <span class="role">{role.words()}</span>
                " "
                {title_view}
                {attributed.document_details()}
            </li>
        }
    });
    let sources = attributed.sources().map(|(role, source)| {
        view! {
            <li class=role.class()>
                <span class="role">{role.words()}</span>
                " "
                <span class="name">{source.name.clone()}</span>
            </li>
        }
    });
    view! {
        <li class=stance.map_or("claim".to_string(), |s| format!("claim {}", s.as_str())) id=anchor class:highlighted=highlighted>
            {stance.map(|s| view! { <p class=format!("stance {}", s.as_str())>{s.as_str()}</p> })}
            <p class="claim-text">{claim.text.clone()}</p>
            {claim.quote.clone().map(|q| view! { <blockquote class="quote"><p>{q}</p></blockquote> })}
            <ol class="chain" aria-label=RELAY_CHAIN>
                {sources.collect_view()}
                {document}
            </ol>
            <CopyLink event=event.to_string() claim=id what="claim"/>
        </li>
    }
}
