//! The preview images that link previews show: 1200×630 PNG, one per event (its title, its
//! date, who says so and how well that is corroborated) and one for the index (the dataset's
//! title, its size and description), each with the product's name.
//!
//! The picture is an SVG written with maud, so every string from the data is escaped as it is in
//! the pages, then drawn by resvg with DejaVu Sans from the `dejavu` crate: nothing is read from
//! the system or downloaded. SVG text does not wrap, so lines are broken here, measured with
//! the same font.

use maud::{html, Markup};
use resvg::{tiny_skia, usvg};
use ttf_parser::Face;

use crate::model::{Attribution, Catalog, Event};
use crate::model::attribution::WHO_SAYS_SO;
use crate::model::catalog::SITE_NAME;

pub const PREVIEW_WIDTH: u32 = 1200;
pub const PREVIEW_HEIGHT: u32 = 630;

const FAMILY: &str = "DejaVu Sans";
const MARGIN: f32 = 72.0;
const TEXT_WIDTH: f32 = PREVIEW_WIDTH as f32 - 2.0 * MARGIN;
const FOOTER: f32 = 96.0;
/// The app's colours: its theme colour, its text and its muted text on its page colour.
const THEME: &str = "#1f3a5f";
const INK: &str = "#1b1f24";
const MUTED: &str = "#4f5866";
const PAGE: &str = "#f7f5f0";
const ACCENT: &str = "#8a5a00";

/// One line of text on the image.
struct Line {
    text: String,
    y: f32,
    size: f32,
    bold: bool,
    fill: &'static str,
}

/// The lines of an image, laid out from the top.
struct Layout {
    lines: Vec<Line>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout { lines: Vec::new(), y: 64.0 }
    }

    /// Adds `text` in lines of at most `max_lines`, `gap` below what came before.
    fn add(&mut self, text: &str, size: f32, bold: bool, fill: &'static str, max_lines: usize, gap: f32) {
        self.y += gap;
        for line in wrap(text, size, bold, TEXT_WIDTH, max_lines) {
            self.y += size * 1.2;
            self.lines.push(Line { text: line, y: self.y - size * 0.25, size, bold, fill });
        }
    }
}

/// The SVG of the preview of `event`, or of the whole dataset.
pub fn svg(catalog: &Catalog, event: Option<&Event>) -> String {
    let dataset = &catalog.dataset;
    let mut layout = Layout::new();
    match event {
        Some(event) => {
            let attribution = Attribution::of(dataset, event);
            layout.add(&event.date.human(), 32.0, false, MUTED, 1, 0.0);
            layout.add(&event.title, 60.0, true, INK, 3, 12.0);
            layout.add(WHO_SAYS_SO, 28.0, true, ACCENT, 1, 28.0);
            layout.add(&attribution.originator_names(), 32.0, false, INK, 2, 4.0);
            layout.add(&attribution.corroboration.summary(), 26.0, false, MUTED, 2, 10.0);
        }
        None => {
            layout.add(&catalog.events_count(), 32.0, false, MUTED, 1, 0.0);
            layout.add(&dataset.title, 60.0, true, INK, 2, 12.0);
            layout.add(&dataset.description, 30.0, false, INK, 4, 24.0);
        }
    }
    let footer_y = PREVIEW_HEIGHT as f32 - FOOTER;
    // Whatever would run into the footer is left out, whole lines at a time.
    layout.lines.retain(|line| line.y < footer_y - 16.0);
    let brand_width = measure(SITE_NAME, 40.0, true);
    // The index's own title is already the headline.
    let dataset_title = match event {
        Some(_) => wrap(&dataset.title, 26.0, false, TEXT_WIDTH - brand_width - 32.0, 1).concat(),
        None => String::new(),
    };
    let markup: Markup = html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(PREVIEW_WIDTH) height=(PREVIEW_HEIGHT) viewBox={ "0 0 " (PREVIEW_WIDTH) " " (PREVIEW_HEIGHT) } {
            rect width=(PREVIEW_WIDTH) height=(PREVIEW_HEIGHT) fill=(PAGE) {}
            rect x="0" y="0" width="16" height=(PREVIEW_HEIGHT) fill=(THEME) {}
            @for line in &layout.lines {
                text x=(MARGIN) y=(line.y) font-family=(FAMILY) font-size=(line.size) font-weight=(if line.bold { "bold" } else { "normal" }) fill=(line.fill) {
                    (line.text)
                }
            }
            rect x="0" y=(footer_y) width=(PREVIEW_WIDTH) height=(FOOTER) fill=(THEME) {}
            text x=(MARGIN) y=(footer_y + 60.0) font-family=(FAMILY) font-size="40" font-weight="bold" fill="#ffffff" { (SITE_NAME) }
            text x=(MARGIN + brand_width + 32.0) y=(footer_y + 58.0) font-family=(FAMILY) font-size="26" fill="#dfe6ef" { (dataset_title) }
        }
    };
    markup.into_string()
}

/// Draws an SVG as a PNG of the preview's size.
pub fn render_png(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options { font_family: FAMILY.to_string(), ..usvg::Options::default() };
    options.fontdb_mut().load_font_data(dejavu::sans::regular().to_vec());
    options.fontdb_mut().load_font_data(dejavu::sans::bold().to_vec());
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(PREVIEW_WIDTH, PREVIEW_HEIGHT).ok_or("no room for the image")?;
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The marks' font size in the app's stylesheet (`.marks`: 0.8rem).
const MARKS_PX: f32 = 12.8;

/// The advance of `c` in a mark's label: DejaVu Sans at the marks' size.
pub fn marks_advance(c: char) -> f32 {
    measure(c.encode_utf8(&mut [0; 4]), MARKS_PX, false)
}

/// The width of `text` in pixels at `size`, in DejaVu Sans (bold or regular).
fn measure(text: &str, size: f32, bold: bool) -> f32 {
    let data = if bold { dejavu::sans::bold() } else { dejavu::sans::regular() };
    let Ok(face) = Face::parse(data, 0) else { return text.chars().count() as f32 * size * 0.6 };
    let units = f32::from(face.units_per_em());
    let fallback = f32::from(face.units_per_em()) * 0.6;
    let advance: f32 = text
        .chars()
        .map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(fallback, f32::from))
        .sum();
    advance * size / units
}

/// `text` broken at spaces into at most `max_lines` lines no wider than `width`; a word wider
/// than a line is broken where it must be, and text that does not fit ends in "…". Control
/// characters and the two non-characters, which SVG (XML) cannot hold, become spaces.
fn wrap(text: &str, size: f32, bold: bool, width: f32, max_lines: usize) -> Vec<String> {
    let clean: String = text.chars().map(|c| if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') { ' ' } else { c }).collect();
    let fits = |s: &str| measure(s, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in clean.split_whitespace() {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word too long for a line of its own is broken by characters.
        for c in word.chars() {
            let next = format!("{current}{c}");
            if fits(&next) {
                current = next;
            } else {
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && !fits(&format!("{last}…")) {
                last.pop();
            }
            *last = format!("{}…", last.trim_end());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_what_does_not_fit_ends_in_an_ellipsis() {
        let long = "word ".repeat(200);
        let lines = wrap(&long, 60.0, true, TEXT_WIDTH, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| measure(l, 60.0, true) <= TEXT_WIDTH), "{lines:?}");
        assert!(lines[2].ends_with('…'));
        let unbroken = "x".repeat(500);
        let lines = wrap(&unbroken, 60.0, true, TEXT_WIDTH, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| measure(l, 60.0, true) <= TEXT_WIDTH));
        assert_eq!(wrap("Short title", 60.0, true, TEXT_WIDTH, 3), ["Short title"]);
        assert_eq!(wrap("a\u{0}b\u{FFFF}c", 30.0, false, TEXT_WIDTH, 1), ["a b c"]);
    }
}
