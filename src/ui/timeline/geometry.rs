//! The drawing area's measurements, and fractions of the view written as CSS along whichever
//! axis is drawn.

use leptos::prelude::*;

/// The axis is vertical below this width, as in the stylesheet.
const NARROW_QUERY: &str = "(max-width: 640px)";

/// Distance between lanes: rows on a horizontal axis, columns on a vertical one.
const LANE_HEIGHT_PX: usize = 34;
const LANE_WIDTH_PX: usize = 112;

/// Geometry of the drawing area, measured from the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub vertical: bool,
    /// Length of the axis in pixels.
    pub length: f64,
}

impl Default for Geometry {
    fn default() -> Geometry {
        Geometry { vertical: false, length: 1000.0 }
    }
}

impl Geometry {
    /// Measures the drawing area as the page lays it out now.
    pub fn of(el: &web_sys::HtmlElement) -> Geometry {
        let vertical = window().match_media(NARROW_QUERY).ok().flatten().is_some_and(|m| m.matches());
        let length = if vertical { el.client_height() } else { el.client_width() };
        Geometry { vertical, length: f64::from(length.max(1)) }
    }

    /// Where along the axis the pointer at client position `(x, y)` is, as a fraction of the
    /// area that starts at `rect`.
    pub fn fraction_at(&self, rect: &web_sys::DomRect, x: f64, y: f64) -> f64 {
        if self.vertical {
            (y - rect.top()) / self.length
        } else {
            (x - rect.left()) / self.length
        }
    }

    /// The coordinate that runs along the axis.
    pub fn along_axis(&self, x: f64, y: f64) -> f64 {
        if self.vertical { y } else { x }
    }

    /// A box on the axis as CSS `[left, top, width, height]`: `start` and `length` along the
    /// axis as fractions of the view, `lane` across it.
    pub fn place(&self, start: f64, length: f64, lane: Option<usize>) -> [Option<String>; 4] {
        let (at, extent) = (Some(percent(start)), Some(percent(length)));
        let lane = lane.map(|l| format!("{}px", l * if self.vertical { LANE_WIDTH_PX } else { LANE_HEIGHT_PX }));
        if self.vertical {
            [lane, at, None, extent]
        } else {
            [at, lane, extent, None]
        }
    }

    /// A point on the axis as one CSS property: `("left", "12.5000%")`.
    pub fn point(&self, fraction: f64) -> (&'static str, String) {
        (if self.vertical { "top" } else { "left" }, percent(fraction))
    }
}

/// A fraction as a CSS percentage with four decimals, written with integers: float formatting
/// would add its whole machinery to the wasm for this one use.
fn percent(fraction: f64) -> String {
    let scaled = (fraction * 1_000_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.abs();
    format!("{sign}{}.{:04}%", scaled / 10_000, scaled % 10_000)
}
