//! The marks on the axis: one per event placed, its title in full beside its symbol, and a
//! "+N" for events gathered where they cannot be drawn; and the measuring of titles that the
//! layout needs.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::geometry::{px, Geometry, LABEL_COLUMN_PX};
use crate::model::marks::{badge, MarkFacts};
use crate::model::timeline::{Cluster, Placement, Side, MARK_PX};
use crate::model::{within, Corroboration, Dataset};
use crate::ui::{reveal_panel, use_state, IN_BROWSER};

/// Height of a row of marks on a horizontal axis: a label line and the date's bar under it.
pub const ROW_PX: f64 = 28.0;
/// One line of a label, as the stylesheet sets it, and a label's padding around its lines.
const LINE_PX: f64 = 18.0;
const LABEL_PADDING_PX: f64 = 6.0;
/// From a symbol's start to its label's text on a horizontal axis, and the badge's padding.
const SYMBOL_GAP_PX: f64 = 4.0;
const BADGE_PADDING_PX: f64 = 16.0;
/// What a badge takes beside a title that wraps on a vertical axis.
const BADGE_ROOM_PX: f64 = 32.0;
/// What measuring may miss (kerning, rounding), added to every label.
const SLACK_PX: f64 = 4.0;

/// The advance of a character in pixels at the marks' font size, in a font known where no canvas
/// measures one: what a page written at build time lays its labels out with.
#[derive(Clone, Copy)]
pub struct TextAdvance(pub fn(char) -> f32);

/// The width of each event's label text (title and badge), worked out from the advance of each
/// character in the marks' own font, measured once on a canvas, the first time the layout asks
/// for it. Adding advances ignores kerning, which only narrows text, so a label is never cut.
pub struct LabelWidths {
    context: Option<web_sys::CanvasRenderingContext2d>,
    /// With no canvas (rendered at build time), the advances of a font known there.
    known: Option<TextAdvance>,
    font: String,
    /// The advance of each character measured so far (printable ASCII by index, others by
    /// search).
    ascii: [f32; 128],
    others: Vec<(char, f32)>,
    /// By index into the dataset's events; NaN until worked out.
    widths: Vec<f32>,
    /// The next event [`LabelWidths::prefill`] measures.
    next: usize,
}

impl LabelWidths {
    pub fn new(events: usize) -> LabelWidths {
        let context = IN_BROWSER
            .then(|| document().create_element("canvas").ok())
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        LabelWidths { context, known: None, font: String::new(), ascii: [f32::NAN; 128], others: Vec::new(), widths: vec![f32::NAN; events], next: 0 }
    }

    /// With no canvas, measures with `known`'s advances rather than a generous guess.
    pub fn knowing(mut self, known: Option<TextAdvance>) -> LabelWidths {
        self.known = known;
        self
    }

    /// Takes the font the marks are drawn in from `marks`; forgets every width when it changed,
    /// and says so.
    pub fn follow_font(&mut self, marks: &web_sys::HtmlElement) -> bool {
        let font = window()
            .get_computed_style(marks)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("font").ok())
            .unwrap_or_default();
        self.use_font(font)
    }

    /// Measures in `font` from now on; forgets every width when it changed, and says so.
    pub fn use_font(&mut self, font: String) -> bool {
        if font == self.font {
            return false;
        }
        if let Some(context) = &self.context {
            context.set_font(&font);
        }
        self.font = font;
        self.ascii = [f32::NAN; 128];
        self.others.clear();
        self.widths.iter_mut().for_each(|w| *w = f32::NAN);
        self.next = 0;
        true
    }

    /// The font the labels are measured in.
    pub fn font(&self) -> &str {
        &self.font
    }

    /// Works out the widths of the next `count` events not yet measured, so that a zoom or a
    /// pan into a crowded stretch finds them known instead of measuring thousands in its
    /// frame. True when every event's width is known.
    pub fn prefill(&mut self, dataset: &Dataset, count: usize) -> bool {
        if self.font.is_empty() {
            return false;
        }
        let end = (self.next + count).min(self.widths.len());
        for index in self.next..end {
            self.text(index, dataset);
        }
        self.next = end;
        end == self.widths.len()
    }

    /// The advance of one character, measured the first time.
    fn advance(&mut self, c: char) -> f32 {
        let known = match c as usize {
            i if i < 128 => self.ascii[i],
            _ => self.others.iter().find(|(o, _)| *o == c).map_or(f32::NAN, |(_, w)| *w),
        };
        if !known.is_nan() {
            return known;
        }
        let measured = match &self.context {
            Some(context) => context.measure_text(c.encode_utf8(&mut [0; 4])).map(|m| m.width() as f32).unwrap_or(8.0),
            // No canvas: the font known at build time, or a generous guess.
            None => self.known.map_or(9.0, |known| (known.0)(c)),
        };
        match c as usize {
            i if i < 128 => self.ascii[i] = measured,
            _ => self.others.push((c, measured)),
        }
        measured
    }

    fn measure(&mut self, text: &str) -> f64 {
        text.chars().map(|c| f64::from(self.advance(c))).sum()
    }

    /// The width of event `index`'s label text: its title, its date's qualifier after a space,
    /// and its badge.
    fn text(&mut self, index: usize, dataset: &Dataset) -> f64 {
        let known = self.widths.get(index).copied().unwrap_or(f32::NAN);
        if !known.is_nan() {
            return f64::from(known);
        }
        let Some(event) = dataset.events.get(index) else { return 0.0 };
        let qualifier = event.date.qualifier().mark();
        let mut width = self.measure(&event.title);
        if !qualifier.is_empty() {
            width += self.measure("  ") + self.measure(qualifier);
        }
        if let Some(b) = badge(Corroboration::backing(dataset, event)) {
            width += self.measure(&b) + BADGE_PADDING_PX;
        }
        if let Some(slot) = self.widths.get_mut(index) {
            *slot = width as f32;
        }
        width
    }

    /// How long the label of event `index` is along the axis, in pixels: on a horizontal axis
    /// its symbol, text and padding; on a vertical one the height of its lines, wrapped to the
    /// label column.
    pub fn extent(&mut self, index: usize, g: Geometry, dataset: &Dataset) -> f64 {
        let text = self.text(index, dataset) + SLACK_PX;
        if g.vertical {
            // The title wraps beside its badge; lines break at words, so a line holds less than
            // the column's width.
            let column = (g.breadth - LABEL_PADDING_PX - BADGE_ROOM_PX).max(40.0);
            let lines = (text * 1.25 / column).ceil().max(1.0);
            lines * LINE_PX + LABEL_PADDING_PX
        } else {
            MARK_PX + SYMBOL_GAP_PX + text + 2.0 * LABEL_PADDING_PX
        }
    }
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
    within(p.start_px, 2.0, g.length - MARK_PX - 3.0)
}

/// Where a mark goes, as CSS: the mark sits at its symbol (the start of its date, kept in view)
/// in its row, as long as the bar of its bounds; its label is placed from there.
#[derive(Debug, Clone, PartialEq, Default)]
struct MarkBox {
    left: Option<String>,
    top: Option<String>,
    width: Option<String>,
    height: Option<String>,
    /// On a vertical axis: the label's offset along the axis from the symbol.
    label_top: Option<String>,
    /// Its label before its symbol.
    before: bool,
    selected: bool,
}

impl MarkBox {
    fn of(p: &Placement, g: Geometry) -> MarkBox {
        let at = symbol_px(p, g);
        let bar = (p.end_px.min(g.length + 4.0) - at).max(MARK_PX);
        let before = p.side == Side::Before;
        if g.vertical {
            MarkBox { top: Some(px(at)), height: Some(px(bar)), label_top: Some(px(p.label_px - at)), before, ..MarkBox::default() }
        } else {
            MarkBox { left: Some(px(at)), top: Some(px(p.row as f64 * ROW_PX)), width: Some(px(bar)), before, ..MarkBox::default() }
        }
    }

    /// The box's CSS properties, each with its value or none.
    fn properties(&self) -> [(&'static str, &Option<String>); 5] {
        [("left", &self.left), ("top", &self.top), ("width", &self.width), ("height", &self.height), ("--label-top", &self.label_top)]
    }

    /// The box as a style attribute, for a page written at build time, where the directive
    /// that keeps it does not run.
    fn style(&self) -> String {
        self.properties().into_iter().filter_map(|(property, value)| value.as_ref().map(|v| format!("{property}:{v};"))).collect()
    }
}

/// What a mark's box follows.
#[derive(Clone, Copy)]
struct MarkInputs {
    placement: Signal<Option<Placement>>,
    geometry: Signal<Geometry>,
    selected: Signal<bool>,
}

/// Keeps a mark's box, side and highlight as its inputs say, with one effect that touches only
/// what changed: a zoom step at 100,000 events makes and moves dozens of marks in its frame,
/// and an effect per property made that frame twice as long.
fn follow(el: web_sys::Element, inputs: MarkInputs) {
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else { return };
    let effect = RenderEffect::new(move |drawn: Option<MarkBox>| {
        let placement = inputs.placement.get();
        let mut now = placement.map(|p| MarkBox::of(&p, inputs.geometry.get())).unwrap_or_default();
        now.selected = inputs.selected.get();
        let drawn = drawn.unwrap_or_default();
        let style = el.style();
        for ((property, now), (_, drawn)) in now.properties().into_iter().zip(drawn.properties()) {
            if now != drawn {
                let _ = match now {
                    Some(value) => style.set_property(property, value),
                    None => style.remove_property(property).map(drop),
                };
            }
        }
        for (class, now, drawn) in [("before", now.before, drawn.before), ("selected", now.selected, drawn.selected)] {
            if now != drawn {
                let _ = el.class_list().toggle_with_force(class, now);
            }
        }
        now
    });
    // Kept while the mark is: the mark's owner drops it with the mark.
    StoredValue::new_local(effect);
}

/// One event on the axis: its symbol at its date and the bar of its bounds (both drawn by the
/// stylesheet from the mark's classes and box), and its title in full beside them. Few
/// elements and effects, because a zoom step at 100,000 events draws dozens of new marks in
/// its frame.
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
    let qualifier = event.date.qualifier().mark();
    let (title, name, date, badge, classes) = (event.title.clone(), facts.name(event), event.date.human(), facts.badge(), facts.mark_classes(&event.date));
    let selected = Signal::derive(move || state.selected.get() == Some(index));
    // Written at build time, the box is in the markup: the directive runs only in a browser.
    let written = (!IN_BROWSER).then(|| placement.get_untracked().map(|p| MarkBox::of(&p, geometry.get_untracked()))).flatten();
    let (style, classes) = match written {
        Some(b) => (Some(b.style()), if b.before { format!("{classes} before") } else { classes }),
        None => (None, classes),
    };
    view! {
        <li class=classes style=style use:follow=MarkInputs { placement, geometry, selected }>
            // The badge is drawn after the title from `data-badge`; the button's name is its
            // words.
            <button
                type="button"
                aria-pressed=move || selected.get().to_string()
                on:click=move |_| {
                    state.select(index);
                    reveal_panel();
                }
                title=date
                aria-label=name
                data-badge=badge
            >
                <span class="label">{title}</span>
                {(!qualifier.is_empty()).then(|| view! { <span class="qualifier">{qualifier}</span> })}
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
