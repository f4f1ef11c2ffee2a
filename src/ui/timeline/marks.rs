//! The marks on the axis: one per event placed, its title in full beside its symbol, and a
//! "+N" for events gathered where they cannot be drawn; and the measuring of titles that the
//! layout needs.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::geometry::{px, Geometry};
use crate::model::marks::{bar_class, MarkFacts};
use crate::model::timeline::{Cluster, Placement, Side, MARK_PX};
use crate::model::{DateShape, Event};
use crate::ui::{reveal_panel, use_state};

/// Height of a row of marks on a horizontal axis: a label line and the date's bar under it.
pub const ROW_PX: f64 = 28.0;
/// Where the label column begins on a vertical axis, after the symbols, the bars and room for
/// the leaders that join moved labels to their symbols.
pub const LABEL_COLUMN_PX: f64 = 44.0;
/// The column kept on a vertical axis' far side for gathered marks.
pub const CLUSTER_COLUMN_PX: f64 = 36.0;
/// One line of a label, as the stylesheet sets it, and a label's padding around its lines.
const LINE_PX: f64 = 18.0;
const LABEL_PADDING_PX: f64 = 6.0;
/// From a symbol's start to its label's text on a horizontal axis, and the badge's padding.
const SYMBOL_GAP_PX: f64 = 4.0;
const BADGE_PADDING_PX: f64 = 16.0;
/// What measuring may miss (kerning, rounding), added to every label.
const SLACK_PX: f64 = 4.0;

/// The width of each event's label text (title and badge), measured with the marks' own font
/// on a canvas the first time the layout asks for it.
pub struct LabelWidths {
    context: Option<web_sys::CanvasRenderingContext2d>,
    font: String,
    /// By index into the dataset's events; NaN until measured.
    widths: Vec<f32>,
}

impl LabelWidths {
    pub fn new(events: usize) -> LabelWidths {
        let context = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        LabelWidths { context, font: String::new(), widths: vec![f32::NAN; events] }
    }

    /// Takes the font the marks are drawn in from `marks`; forgets every width when it changed.
    pub fn follow_font(&mut self, marks: &web_sys::HtmlElement) {
        let font = window()
            .get_computed_style(marks)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("font").ok())
            .unwrap_or_default();
        if font != self.font {
            if let Some(context) = &self.context {
                context.set_font(&font);
            }
            self.font = font;
            self.widths.iter_mut().for_each(|w| *w = f32::NAN);
        }
    }

    /// The width of event `index`'s label text, its title and badge.
    fn text(&mut self, index: usize, event: impl FnOnce() -> (String, Option<String>)) -> f64 {
        let known = self.widths.get(index).copied().unwrap_or(f32::NAN);
        if !known.is_nan() {
            return f64::from(known);
        }
        let (title, badge) = event();
        let measure = |text: &str| match &self.context {
            Some(context) => context.measure_text(text).map(|m| m.width()).unwrap_or(0.0),
            // No canvas: a generous guess from the length.
            None => text.chars().count() as f64 * 8.0,
        };
        let width = measure(&title) + badge.map_or(0.0, |b| measure(&b) + BADGE_PADDING_PX);
        if let Some(slot) = self.widths.get_mut(index) {
            *slot = width as f32;
        }
        width
    }

    /// How long the label of event `index` is along the axis, in pixels: on a horizontal axis
    /// its symbol, text and padding; on a vertical one the height of its lines, wrapped to the
    /// label column.
    pub fn extent(&mut self, index: usize, g: Geometry, event: impl FnOnce() -> (String, Option<String>)) -> f64 {
        let text = self.text(index, event) + SLACK_PX;
        if g.vertical {
            let column = (g.breadth - LABEL_PADDING_PX - 4.0).max(40.0);
            // A little more than the widths add up to, for lines that break at words.
            let lines = (text * 1.12 / column).ceil().max(1.0);
            lines * LINE_PX + LABEL_PADDING_PX
        } else {
            MARK_PX + SYMBOL_GAP_PX + text + 2.0 * LABEL_PADDING_PX
        }
    }
}

/// The text of an event's label (its title, and the date's qualifier after a space) and its
/// badge, for measuring.
pub fn label_text(catalog: &crate::model::Catalog, index: usize) -> (String, Option<String>) {
    let event: &Event = &catalog.dataset.events[index];
    let qualifier = event.date.qualifier().mark();
    let text = if qualifier.is_empty() { event.title.clone() } else { format!("{}  {qualifier}", event.title) };
    (text, MarkFacts::of(&catalog.dataset, event).badge())
}

/// The leaders of a vertical axis' moved labels, as one SVG path: from each symbol a short
/// stroke across, then a slanting one to the label's first line.
pub fn leaders_path(placements: &[Placement], g: Geometry) -> String {
    let mut d = String::new();
    for p in placements.iter().filter(|p| p.pushed()) {
        let from = (symbol_px(p, g) + MARK_PX / 2.0).round() as i64;
        let to = (p.label_px + LINE_PX / 2.0 + 3.0).round() as i64;
        d.push_str(&format!("M13 {from}H22L{} {to}H{}", LABEL_COLUMN_PX as i64 - 4, LABEL_COLUMN_PX as i64));
    }
    d
}

/// Where an event's symbol is drawn along the axis: at the start of its date, kept in view.
fn symbol_px(p: &Placement, g: Geometry) -> f64 {
    p.start_px.clamp(2.0, g.length - MARK_PX - 3.0)
}

/// One event on the axis: its symbol at its date, the bar of its bounds, and its title in
/// full beside it.
#[component]
pub fn EventMark(
    /// The event's index in the dataset.
    index: usize,
    /// Where it is placed, or `None` while it leaves the view.
    placement: Signal<Option<Placement>>,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    let catalog = state.catalog();
    let event = &catalog.dataset.events[index];
    let facts = MarkFacts::of(&catalog.dataset, event);
    let shape = event.date.shape();
    let qualifier = event.date.qualifier().mark();
    let (title, name, date, badge, symbol) = (event.title.clone(), facts.name(event), event.date.human(), facts.badge(), facts.classes());
    let open = event.date.is_open();
    let selected = move || state.selected.get() == Some(index);
    let before = move || placement.get().is_some_and(|p| p.side == Side::Before);

    // Along the axis: the symbol at the start of the date (kept in view), the bar over its
    // bounds, the label beside them. Across it: the row.
    let across = move |p: &Placement, offset: f64| (!geometry.get().vertical).then_some(p.row as f64 * ROW_PX + offset);
    let symbol_at = move || {
        placement.get().map(|p| {
            let g = geometry.get();
            g.place(symbol_px(&p, g), None, across(&p, 6.0), None)
        })
    };
    let bar_at = move || {
        placement.get().map(|p| {
            let g = geometry.get();
            let (from, to) = (p.start_px.max(-4.0), p.end_px.min(g.length + 4.0));
            g.place(from, Some((to - from).max(MARK_PX)), across(&p, 24.0), None)
        })
    };
    let label_at = move || {
        placement.get().map(|p| {
            let g = geometry.get();
            let gap = if g.vertical || p.side == Side::Before { 0.0 } else { MARK_PX + SYMBOL_GAP_PX };
            g.place(p.label_px + gap, None, across(&p, 0.0), None)
        })
    };
    let side = |at: Option<[Option<String>; 4]>, i: usize| at.and_then(|b| b[i].clone());
    view! {
        <li class="mark" class:before=before class:open=open class:selected=selected>
            {(shape != DateShape::Point).then(|| view! {
                <span
                    class=bar_class(shape)
                    aria-hidden="true"
                    style:left=move || side(bar_at(), 0)
                    style:top=move || side(bar_at(), 1)
                    style:width=move || side(bar_at(), 2)
                    style:height=move || side(bar_at(), 3)
                ></span>
            })}
            <span
                class=symbol
                aria-hidden="true"
                style:left=move || side(symbol_at(), 0)
                style:top=move || side(symbol_at(), 1)
            ></span>
            <button
                type="button"
                aria-pressed=move || selected().to_string()
                on:click=move |_| {
                    state.select(index);
                    reveal_panel();
                }
                title=date
                aria-label=name
                style:left=move || side(label_at(), 0)
                style:top=move || side(label_at(), 1)
                style:width=move || {
                    // A label before its mark ends at the symbol: its box is as wide as measured.
                    placement.get().filter(|p| p.side == Side::Before && !geometry.get().vertical).map(|p| px(symbol_px(&p, geometry.get()) - SYMBOL_GAP_PX - p.label_px))
                }
            >
                <span class="label">{title}</span>
                {(!qualifier.is_empty()).then(|| view! { <span class="qualifier">{qualifier}</span> })}
                {badge.map(|b| view! { <span class="badge">{b}</span> })}
            </button>
        </li>
    }
}

/// Events gathered where they cannot be drawn, as "+N" marks that zoom in to them.
#[component]
pub fn ClusterMarks(
    /// The clusters of the current layout, with the row below the placed marks.
    clusters: Signal<(Vec<Cluster>, usize)>,
    /// The indices in the dataset of the events the layout was given, in its order.
    indices: Signal<Vec<usize>>,
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    move || {
        let g = geometry.get();
        let catalog = state.catalog();
        let (clusters, row) = clusters.get();
        let indices = indices.get();
        clusters
            .into_iter()
            .map(|cluster| {
                let titles: Vec<&str> = cluster
                    .first
                    .iter()
                    .filter_map(|&i| indices.get(i))
                    .map(|&i| catalog.dataset.events[i].title.as_str())
                    .collect();
                let (label, description) = (cluster.label(), cluster.description(&titles));
                let [left, top, ..] = g.place(cluster.at_px.max(0.0), None, (!g.vertical).then_some(row as f64 * ROW_PX), None);
                let flipped = cluster.flipped;
                let zoom_in = move |_| state.viewport.set(cluster.view(&state.catalog().limits));
                view! {
                    <li class="cluster" class:flipped=flipped style:left=left style:top=top>
                        <button type="button" on:click=zoom_in>
                            {label}
                            <span class="sr-only">{description}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    }
}
