//! The drawing area's measurements, and positions along and across the axis written as CSS
//! pixels for whichever way the axis runs.

use leptos::prelude::*;

/// Where the label column begins on a vertical axis, after the symbols, the bars and room for
/// the leaders that join moved labels to their symbols.
pub const LABEL_COLUMN_PX: f64 = 44.0;
/// The column kept on a vertical axis' far side for gathered marks.
pub const CLUSTER_COLUMN_PX: f64 = 36.0;

/// The axis is vertical below this width, as in the stylesheet.
const NARROW_QUERY: &str = "(max-width: 640px)";

/// Geometry of the drawing area, measured from the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub vertical: bool,
    /// Length of the axis in pixels.
    pub length: f64,
    /// Room across the axis for the marks' labels, in pixels (the label column on a vertical
    /// axis).
    pub breadth: f64,
}

impl Default for Geometry {
    fn default() -> Geometry {
        Geometry { vertical: false, length: 1000.0, breadth: 300.0 }
    }
}

impl Geometry {
    /// Measures the drawing area as the page lays it out now: `marks` is the list the marks
    /// are drawn in.
    pub fn of(area: &web_sys::HtmlElement, marks: &web_sys::HtmlElement) -> Geometry {
        let vertical = window().match_media(NARROW_QUERY).ok().flatten().is_some_and(|m| m.matches());
        let (length, breadth) = if vertical {
            (area.client_height(), marks.client_width() - (LABEL_COLUMN_PX + CLUSTER_COLUMN_PX) as i32)
        } else {
            // Rows stack across a horizontal axis: its breadth does not matter.
            (area.client_width(), 1)
        };
        Geometry { vertical, length: f64::from(length.max(1)), breadth: f64::from(breadth.max(1)) }
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

    /// A box on the axis as CSS `[left, top, width, height]`: `start` and `extent` along the
    /// axis, `across` and `thickness` across it (left to the stylesheet when `None`), in
    /// pixels.
    pub fn place(&self, start: f64, extent: Option<f64>, across: Option<f64>, thickness: Option<f64>) -> [Option<String>; 4] {
        let (start, extent) = (Some(px(start)), extent.map(px));
        let (across, thickness) = (across.map(px), thickness.map(px));
        if self.vertical {
            [across, start, thickness, extent]
        } else {
            [start, across, extent, thickness]
        }
    }

    /// A point on the axis as one CSS property: `("left", "125px")`.
    pub fn point(&self, along: f64) -> (&'static str, String) {
        (if self.vertical { "top" } else { "left" }, px(along))
    }

    /// A fraction of the view as a point on the axis.
    pub fn at_fraction(&self, fraction: f64) -> (&'static str, String) {
        self.point(fraction * self.length)
    }
}

/// Whole CSS pixels: float formatting would add its whole machinery to the wasm for this.
pub fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

/// A fraction as a CSS percentage with four decimals, written with integers for the same reason.
pub fn percent(fraction: f64) -> String {
    let scaled = (fraction * 1_000_000.0).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.abs();
    format!("{sign}{}.{:04}%", scaled / 10_000, scaled % 10_000)
}
