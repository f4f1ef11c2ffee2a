//! Zooming and panning the timeline by pointer, wheel, pinch and keys. Each gesture becomes a
//! call to the model's `Viewport::zoom`, `zoom_towards` or `pan`.

use leptos::{ev, html, prelude::*};

use super::geometry::Geometry;
use crate::ui::keys::{timeline_key, TimelineKey};
use crate::ui::AppState;
use crate::model::within;

/// How far one key press or button press moves or scales the view.
pub const PAN_STEP: f64 = 0.15;
pub const ZOOM_STEP: f64 = 0.5;

/// Pixels a pointer must move before a press counts as a drag rather than a click.
const DRAG_PX: f64 = 4.0;

/// The timeline's gestures: what is pressed and how far it has moved, over the drawing area.
#[derive(Clone, Copy)]
pub struct Gestures {
    state: AppState,
    area: NodeRef<html::Div>,
    geometry: RwSignal<Geometry>,
    /// The pointers down: id and last position.
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
    /// How far the current press has moved along the axis.
    dragged: StoredValue<f64>,
}

impl Gestures {
    pub fn new(state: AppState, area: NodeRef<html::Div>, geometry: RwSignal<Geometry>) -> Gestures {
        Gestures { state, area, geometry, pointers: StoredValue::new(Vec::new()), dragged: StoredValue::new(0.0) }
    }

    /// Scales the view by `factor` around the fraction `at` of it.
    pub fn zoom(&self, factor: f64, at: f64) {
        let limits = self.state.catalog().limits;
        self.state.viewport.update(|v| *v = v.zoom(factor, at, &limits));
    }

    /// Zooms by button or key: around the selected event while it is in view.
    pub fn zoom_step(&self, factor: f64) {
        let catalog = self.state.catalog();
        let selected = self.state.selected.get_untracked().map(|i| catalog.spans[i]);
        self.state.viewport.update(|v| *v = v.zoom_towards(factor, selected, &catalog.limits));
    }

    /// Moves the view by a fraction of its span.
    pub fn pan(&self, fraction: f64) {
        let limits = self.state.catalog().limits;
        self.state.viewport.update(|v| *v = v.pan(fraction, &limits));
    }

    pub fn pointer_down(&self, e: ev::PointerEvent) {
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        self.pointers.update_value(|p| {
            p.retain(|(id, ..)| *id != e.pointer_id());
            p.push((e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y())));
        });
        self.dragged.set_value(0.0);
    }

    /// One pointer drags the view; two pinch it.
    pub fn pointer_move(&self, e: ev::PointerEvent) {
        let before = self.pointers.get_value();
        let Some(slot) = before.iter().position(|(id, ..)| *id == e.pointer_id()) else { return };
        let g = self.geometry.get_untracked();
        let now = (f64::from(e.client_x()), f64::from(e.client_y()));
        if before.len() == 1 {
            let delta = g.along_axis(now.0, now.1) - g.along_axis(before[0].1, before[0].2);
            if delta != 0.0 {
                self.dragged.update_value(|d| *d += delta.abs());
                if self.dragged.get_value() > DRAG_PX {
                    if let Some(el) = self.area.get_untracked() {
                        let _ = el.set_pointer_capture(e.pointer_id());
                    }
                    self.pan(-delta / g.length);
                }
            }
        } else if before.len() == 2 {
            let other = before[1 - slot];
            let distance = |a: (f64, f64), b: (f64, f64)| (g.along_axis(a.0, a.1) - g.along_axis(b.0, b.1)).abs().max(1.0);
            let old = distance((before[slot].1, before[slot].2), (other.1, other.2));
            let new = distance(now, (other.1, other.2));
            let mid = ((now.0 + other.1) / 2.0, (now.1 + other.2) / 2.0);
            if let Some(el) = self.area.get_untracked() {
                self.zoom(old / new, g.fraction_at(&el.get_bounding_client_rect(), mid.0, mid.1));
            }
            self.dragged.set_value(100.0);
        }
        self.pointers.update_value(|p| p[slot] = (e.pointer_id(), now.0, now.1));
    }

    pub fn pointer_up(&self, e: ev::PointerEvent) {
        self.pointers.update_value(|p| p.retain(|(id, ..)| *id != e.pointer_id()));
    }

    /// A click that ends a drag is not a selection.
    pub fn click_capture(&self, e: ev::MouseEvent) {
        if self.dragged.get_value() > DRAG_PX {
            e.stop_propagation();
            e.prevent_default();
        }
    }

    /// The wheel zooms around the pointer.
    pub fn wheel(&self, e: ev::WheelEvent) {
        e.prevent_default();
        let g = self.geometry.get_untracked();
        if let Some(el) = self.area.get_untracked() {
            let at = g.fraction_at(&el.get_bounding_client_rect(), f64::from(e.client_x()), f64::from(e.client_y()));
            let delta = if e.delta_mode() == 1 { e.delta_y() * 16.0 } else { e.delta_y() };
            // Each wheel notch (about 100 px) scales the view by about a sixth.
            let factor = 1.0 + within(delta, -300.0, 300.0) * 0.0015;
            self.zoom(factor.max(0.5), at);
        }
    }

    /// What a key does to the timeline (`ui::keys::timeline_key`): zoom, show everything, pan.
    pub fn key(&self, e: ev::KeyboardEvent) {
        let Some(action) = timeline_key(&e.key(), self.geometry.get_untracked().vertical) else { return };
        match action {
            TimelineKey::ZoomIn => self.zoom_step(ZOOM_STEP),
            TimelineKey::ZoomOut => self.zoom_step(1.0 / ZOOM_STEP),
            TimelineKey::ShowAll => self.state.show_all_days(),
            TimelineKey::PanBack => self.pan(-PAN_STEP),
            TimelineKey::PanForward => self.pan(PAN_STEP),
        }
        e.prevent_default();
    }
}
