//! The axis: ticks from years to days, as many as fit.

use leptos::prelude::*;

use super::geometry::Geometry;
use crate::model::timeline::ticks;
use crate::ui::use_state;

/// The ticks of the visible range, labelled at the unit that fits the room.
#[component]
pub fn Axis(
    /// The axis' orientation and length.
    geometry: Signal<Geometry>,
) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="axis" aria-hidden="true">
            {move || {
                let g = geometry.get();
                // About one tick per 110 px across, or per 60 px down a phone.
                let max = (g.length / if g.vertical { 60.0 } else { 110.0 }) as usize;
                ticks(&state.viewport.get(), max.max(2))
                    .into_iter()
                    .map(|tick| view! { <span class="tick" style=g.at_fraction(tick.fraction)>{tick.label}</span> })
                    .collect_view()
            }}
        </div>
    }
}
