//! The panels for the selected event: what happened, and who says so. The app draws them
//! beside its timeline; each event's page, written at build time, is these same views
//! ([`WrittenPanels`]), with links where the app has buttons.

use leptos::{html, prelude::*};

use super::keys::story_shortcuts;
use super::{use_state, CopyLink};
use crate::model::attribution::{AttributedClaim, ChainRole, OriginatorClaims, RELAY_CHAIN, SIDE_BY_SIDE, WHO_SAYS_SO};
use super::dom::{chain_role_class, claim_anchor, ATTRIBUTION_HEADING_ID, EVENT_TITLE_ID};
use crate::model::catalog::{WHEN, WHERE};
use crate::model::date::AS_WRITTEN;
use crate::model::story::{NEXT_EVENT, PREVIOUS_EVENT, START_WITH_FIRST, STEP_THROUGH};
use crate::model::{Attribution, Catalog, Corroboration, Direction, EventDate, Standing};
#[cfg(not(target_arch = "wasm32"))]
use crate::model::{url_state::event_page, Dataset, Step};

/// Where a view of the event is drawn: in the app, or into its page written at build time,
/// which works with no script: there the event's title is the page's heading, and the steps
/// and a claim's link are links where the app has buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    InApp,
    // Only the site's build, natively, writes pages.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Written,
}

/// The selected event: where it stands in the story, with Previous and Next, then what
/// happened ([`EventDetails`]).
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
                Some(index) => event_details(&state.catalog(), index, Drawn::InApp).into_any(),
            }}
        </aside>
    }
}

/// Both panels of the event at `index` of `catalog`, as its page written at build time shows
/// them: the page's article, and the section on who says so.
#[cfg(not(target_arch = "wasm32"))]
pub fn written_panels(catalog: &Catalog, index: usize) -> impl IntoView {
    view! {
        <article class="panel event-panel" aria-labelledby=EVENT_TITLE_ID>
            {written_stepper(&catalog.dataset, index)}
            {event_details(catalog, index, Drawn::Written)}
        </article>
        <section class="panel attribution-panel" aria-labelledby=ATTRIBUTION_HEADING_ID>
            <h2 id=ATTRIBUTION_HEADING_ID>{WHO_SAYS_SO}</h2>
            {who_says_so(catalog, index, Drawn::Written)}
        </section>
    }
}

/// What happened: the event's title, its date in words, place, summary and tags. The title is
/// the page's heading on the event's written page, and a panel's in the app.
fn event_details(catalog: &Catalog, index: usize, drawn: Drawn) -> impl IntoView {
    let written = drawn == Drawn::Written;
    let event = &catalog.dataset.events[index];
    let title = event.title.clone();
    let heading = if written {
        view! { <h1 id=EVENT_TITLE_ID>{title}</h1> }.into_any()
    } else {
        view! { <h2 id=EVENT_TITLE_ID>{title}</h2> }.into_any()
    };
    view! {
        {heading}
        <dl class="facts">
            <dt>{WHEN}</dt>
            <dd>
                {date_text(&event.date)}
                <span class="edtf" title=AS_WRITTEN>
                    " (" {event.date.as_str().to_string()} ")"
                </span>
            </dd>
            {event.place.clone().map(|place| view! { <dt>{WHERE}</dt> <dd>{place}</dd> })}
        </dl>
        <p class="summary">{event.summary.clone()}</p>
        {(!written).then(|| view! { <CopyLink event=event.id.clone() what="event"/> })}
        {(!event.tags.is_empty()).then(|| view! {
            <ul class="tags" aria-label="Tags">
                {event.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// A date in words, in a `<time>` element where it has a machine form.
fn date_text(date: &EventDate) -> impl IntoView {
    let human = date.human();
    match date.machine() {
        Some(machine) => view! { <time datetime=machine.to_string()>{human}</time> }.into_any(),
        None => human.into_any(),
    }
}

/// The event's place in the story between links to the events either side, on its written
/// page, where the app shows its Previous and Next buttons, so that the title stays where it
/// is when the app takes over. An end with nowhere to go shows the words, dimmed, without a
/// link.
#[cfg(not(target_arch = "wasm32"))]
fn written_stepper(dataset: &Dataset, index: usize) -> impl IntoView {
    let step = Step::among_every(dataset.events.len(), index);
    let link = |to: Option<usize>| to.and_then(|i| dataset.events.get(i)).map(|e| event_page(&e.id));
    let (previous, next) = (link(step.and_then(|s| s.previous)), link(step.and_then(|s| s.next)));
    let nowhere = |to: &Option<String>| to.is_none().then_some("true");
    view! {
        <nav class="stepper" aria-label=STEP_THROUGH>
            <a class="previous" aria-disabled=nowhere(&previous) href=previous>
                <span aria-hidden="true">"← "</span>
                {PREVIOUS_EVENT}
            </a>
            {step.map(|s| view! { <p class="position">{s.to_string()}</p> })}
            <a class="next" aria-disabled=nowhere(&next) href=next>
                {NEXT_EVENT}
                <span aria-hidden="true">" →"</span>
            </a>
        </nav>
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
                        <button type="button" class="start" aria-keyshortcuts=story_shortcuts(Direction::Next) on:click=begin>
                            {START_WITH_FIRST}
                            <span aria-hidden="true">" →"</span>
                        </button>
                    }
                }
            >
                <button
                    type="button"
                    class="previous"
                    aria-keyshortcuts=story_shortcuts(Direction::Previous)
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
                    aria-keyshortcuts=story_shortcuts(Direction::Next)
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

/// Every claim about the selected event ([`WhoSaysSo`]).
#[component]
pub fn AttributionPanel() -> impl IntoView {
    let state = use_state();
    view! {
        <aside class="panel attribution-panel" aria-labelledby=ATTRIBUTION_HEADING_ID>
            <h2 id=ATTRIBUTION_HEADING_ID>{WHO_SAYS_SO}</h2>
            {move || match state.selected.get() {
                None => view! { <p class="empty">"No event selected."</p> }.into_any(),
                Some(index) => who_says_so(&state.catalog(), index, Drawn::InApp).into_any(),
            }}
        </aside>
    }
}

/// Every claim about the event at `index`, grouped by originator, with relay chains,
/// documents and quotes; qualifying and disputing claims stand beside the others.
fn who_says_so(catalog: &Catalog, index: usize, drawn: Drawn) -> impl IntoView {
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
            {attribution.groups.iter().map(|group| originator_card(catalog, &event.id, group, c, drawn)).collect_view()}
        </div>
    }
}

/// One originator and its claims about the event with id `event`.
fn originator_card(catalog: &Catalog, event: &str, group: &OriginatorClaims<'_>, corroboration: &Corroboration, drawn: Drawn) -> impl IntoView {
    let source = group.originator;
    let standing = Standing::of(&catalog.dataset, source);
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
                {group.claims.iter().map(|claim| claim_item(catalog, event, claim, corroboration, drawn)).collect_view()}
            </ul>
        </section>
    }
}

/// One claim about the event with id `event`: its stance where claims differ, what is claimed,
/// the quote if there is one, and its chain from the originator through each relay to the
/// document, drawn as a diagram whose nodes each say what their source did.
fn claim_item(catalog: &Catalog, event: &str, attributed: &AttributedClaim<'_>, corroboration: &Corroboration, drawn: Drawn) -> impl IntoView {
    let claim = attributed.claim;
    let id = claim.id.clone();
    // The claim a link names is highlighted in the app; a written page has its anchor.
    let state = (drawn == Drawn::InApp).then(use_state);
    let highlighted = {
        let id = id.clone();
        move || state.is_some_and(|state| state.claim.get().as_deref() == Some(id.as_str()))
    };
    let anchor = claim_anchor(&id);
    let way = claim_link(catalog, event, id, &anchor, drawn);
    let stance = corroboration.shown_stance(claim.stance);
    let cited = attributed.document.and_then(|d| d.url.clone());
    let document = attributed.document.map(|d| {
        let title = d.title.clone();
        let title_view = match &d.url {
            Some(url) => view! { <a href=url.clone() rel="noopener noreferrer" target="_blank">{title}</a> }.into_any(),
            None => view! { <cite>{title}</cite> }.into_any(),
        };
        let role = ChainRole::PublishedIn;
        view! {
            <li class=chain_role_class(role)>
                <span class="role">{role.words()}</span>
                " "
                {title_view}
                {attributed.document_details()}
            </li>
        }
    });
    let sources = attributed.sources().map(|(role, source)| {
        view! {
            <li class=chain_role_class(role)>
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
            {claim.quote.clone().map(|q| view! { <blockquote class="quote" cite=cited><p>{q}</p></blockquote> })}
            <ol class="chain" aria-label=RELAY_CHAIN>
                {sources.collect_view()}
                {document}
            </ol>
            {way}
        </li>
    }
}

/// The way to a claim: in the app, buttons that copy or share a link to it or its citation;
/// on a written page, a link to it.
fn claim_link(catalog: &Catalog, event: &str, claim: String, anchor: &str, drawn: Drawn) -> impl IntoView {
    if drawn == Drawn::Written {
        let link = catalog.address(&catalog.link_to(event, Some(&claim)));
        view! { <a class="claim-link" href=format!("{link}#{anchor}")>"Link to this claim"</a> }.into_any()
    } else {
        view! { <CopyLink event=event.to_string() claim=claim what="claim"/> }.into_any()
    }
}
