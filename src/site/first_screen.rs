//! A large site's first screen, written into its index: the app's own components, rendered
//! natively (`ui::first_screen_html`) over the start file's events, as the browser draws them
//! over the start file (`model::start`). The page shows it as soon as it is parsed, before the
//! app's wasm has arrived; the app, when it mounts, takes its place in one task (`ui::App`).
//!
//! It is drawn twice, for the two layouts the app has: a horizontal axis as the app lays it out
//! at 1280×800, and a vertical one as at 390×844. The stylesheet shows the one the width asks
//! for (its breakpoint is the app's) where scripts run; where they do not, the page's own
//! listing shows instead, since an inert first screen would lead nowhere.
//!
//! The pages' Content-Security-Policy (`style-src 'self'`) refuses `style` attributes in
//! markup, and the components write the boxes of marks, ticks and bands as such. So each
//! `style` attribute becomes a `data-s` hook, and its declarations a rule of the stylesheet
//! [`STYLE_FILE`] beside the page. Each copy's ids, and the references to them that name its
//! regions and fields, get the copy's name at their end: the page holds two copies, and the
//! listing below them has ids of its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use lol_html::errors::RewritingError;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::ui::dom::{FIRST_SCREEN_CLASS, ON_INTENT_ATTRIBUTE};
use crate::model::timeline::MARK_PX;
use crate::model::{start, Catalog, ViewState};
use crate::ui::{first_screen_html, written_screen_html, Geometry, TextAdvance};

/// The first screen's stylesheet, beside the index, which links it.
pub const STYLE_FILE: &str = "_start.css";

/// The drawing area at 1280×800: the timeline's width, as the app measures it.
const WIDE: Geometry = Geometry { vertical: false, length: 766.0, breadth: 1.0 };
/// The drawing area at 390×844: the timeline's height, and the label column's width.
const NARROW: Geometry = Geometry { vertical: true, length: 504.0, breadth: 172.0 };

/// A large site's first screen: its markup, for the index's body, and its stylesheet.
///
/// Its labels are measured in DejaVu Sans, which the preview images draw with too, and which
/// `system-ui` is on this machine: where a reader's font is another, the app lays the labels
/// out again as it takes the screen's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstScreen {
    pub html: String,
    pub css: String,
}

impl FirstScreen {
    /// The first screen of `catalog`'s site, drawn over the events of its start file.
    /// Fails, saying why, only should the components' markup be more than the rewriter can
    /// follow.
    pub fn of(catalog: &Catalog) -> Result<FirstScreen, String> {
        let events = catalog.dataset.events.len();
        let screen = Arc::new(Catalog::new(start::first_screen(&catalog.dataset), catalog.origin.clone()));
        FirstScreen::drawn("", |geometry, advance| first_screen_html(screen.clone(), events, geometry, advance))
    }

    /// The first screen of a page of a site with no start file: the app's view of the page's
    /// event (or of the index, given none) over the whole of `catalog`, as the app draws it
    /// when it opens there. The page shows it until the reader asks for the app
    /// ([`ON_INTENT_ATTRIBUTE`], `public/start.js`), and the app then draws the same in its
    /// place. Fails as [`FirstScreen::of`] does.
    pub fn written(catalog: Arc<Catalog>, event: Option<&str>) -> Result<FirstScreen, String> {
        let link = ViewState { event: event.map(str::to_string), ..ViewState::default() };
        FirstScreen::drawn(&format!(" {ON_INTENT_ATTRIBUTE}"), |geometry, advance| written_screen_html(catalog.clone(), link.clone(), geometry, advance))
    }

    /// Both layouts' copies of what `draw` draws, each in its element with `attributes`.
    fn drawn(attributes: &str, draw: impl Fn(Geometry, TextAdvance) -> String) -> Result<FirstScreen, String> {
        let mut rules = Rules::default();
        let mut html = String::new();
        for (layout, geometry) in [("wide", WIDE), ("narrow", NARROW)] {
            let drawn = draw(geometry, TextAdvance(super::preview::marks_advance));
            let across = (!geometry.vertical).then_some(geometry.length);
            let hooked = rules.hooked(&drawn, layout, across).map_err(|e| e.to_string())?;
            html.push_str(&format!("<div class=\"{FIRST_SCREEN_CLASS} {layout}\"{attributes}>{hooked}</div>"));
        }
        Ok(FirstScreen { html, css: rules.css() })
    }
}

/// The attributes that name or refer to ids: a link's to a place in the page (`#main`) only.
const ID_REFERENCES: [&str; 8] = ["id", "for", "href", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant"];

/// The style attributes met, each given a hook once, in order.
#[derive(Default)]
struct Rules {
    hooks: HashMap<String, usize>,
    declarations: Vec<String>,
}

impl Rules {
    /// `html` with each `style` attribute replaced by the `data-s` hook of its declarations,
    /// and each id, and every reference to one, ending in `-{copy}`: the page holds two copies,
    /// and the listing below them has ids of its own. Drawn across a horizontal axis `across`
    /// pixels long, each `left` and `width` in pixels becomes that share of it, so that the
    /// marks keep their places on an axis of another width until the app lays them out for it.
    fn hooked(&mut self, html: &str, copy: &str, across: Option<f64>) -> Result<String, RewritingError> {
        let rules = RefCell::new(self);
        // Bound before it is returned: the settings borrow `rules` until the statement ends.
        let hooked = rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!("[style]", |el| {
                        let style = el.get_attribute("style").unwrap_or_default();
                        let style = across.map_or_else(|| style.clone(), |length| shares_of(&style, length));
                        el.remove_attribute("style");
                        let mut rules = rules.borrow_mut();
                        let next = rules.declarations.len();
                        let hook = *rules.hooks.entry(style.clone()).or_insert(next);
                        if hook == next {
                            rules.declarations.push(style);
                        }
                        el.set_attribute("data-s", &hook.to_string())?;
                        Ok(())
                    }),
                    element!("*", |el| {
                        for name in ID_REFERENCES {
                            let Some(value) = el.get_attribute(name) else { continue };
                            let renamed = match (name, value.strip_prefix('#')) {
                                ("href", Some(id)) => format!("#{id}-{copy}"),
                                ("href", None) => continue,
                                _ => value.split_ascii_whitespace().map(|id| format!("{id}-{copy}")).collect::<Vec<_>>().join(" "),
                            };
                            el.set_attribute(name, &renamed)?;
                        }
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::new()
            },
        );
        hooked
    }

    /// One rule per hook, each declaration `!important`, as a `style` attribute's would win
    /// over the stylesheet's rules. The declarations are the components' (positions in pixels
    /// and percentages, never a word of data); any that could end a rule is dropped.
    fn css(&self) -> String {
        let mut css = String::new();
        for (hook, style) in self.declarations.iter().enumerate() {
            let declarations: Vec<String> = style
                .split(';')
                .map(str::trim)
                .filter(|d| d.contains(':') && !d.contains(['{', '}', '<', '\\', '!']))
                .map(|d| format!("{d} !important;"))
                .collect();
            if !declarations.is_empty() {
                css.push_str(&format!("[data-s=\"{hook}\"]{{{}}}\n", declarations.concat()));
            }
        }
        css
    }
}

/// `style` with each `left` and `width` in pixels written as its share of `length`, a width
/// never less than a mark's symbol.
fn shares_of(style: &str, length: f64) -> String {
    let declarations: Vec<String> = style
        .split(';')
        .map(|declaration| {
            let Some((name, value)) = declaration.split_once(':') else { return declaration.to_string() };
            let pixels = value.trim().strip_suffix("px").and_then(|n| n.parse::<f64>().ok());
            match (name.trim(), pixels) {
                ("left", Some(n)) if length > 0.0 => format!("left:{:.4}%", n * 100.0 / length),
                // A mark is never narrower than its symbol, at any width, as the app draws it.
                ("width", Some(n)) if length > 0.0 => format!("width:max({MARK_PX}px, {:.4}%)", n * 100.0 / length),
                _ => declaration.to_string(),
            }
        })
        .collect();
    declarations.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_attributes_become_hooks_and_rules_once_each() {
        let mut rules = Rules::default();
        let html = rules.hooked(r#"<ol id="m"><li class="mark" style="left:3px;top:0px;">a style="b"</li><li style="left:3px;top:0px;" title="x style=&quot;y&quot;">c</li><li style="left:9px;">d</li></ol>"#, "w", None).unwrap();
        assert_eq!(html, r#"<ol id="m-w"><li class="mark" data-s="0">a style="b"</li><li title="x style=&quot;y&quot;" data-s="0">c</li><li data-s="1">d</li></ol>"#);
        assert_eq!(rules.css(), "[data-s=\"0\"]{left:3px !important;top:0px !important;}\n[data-s=\"1\"]{left:9px !important;}\n");
    }

    #[test]
    fn ids_and_references_to_them_are_the_copy_s_own() {
        let html = r##"<a href="#main">s</a><a href="e1.html">e</a><section aria-labelledby="h n"><h2 id="h">T</h2><label for="q">Q</label><input id="q" aria-describedby="hint"></section>"##;
        let hooked = Rules::default().hooked(html, "narrow", None).unwrap();
        assert_eq!(
            hooked,
            r##"<a href="#main-narrow">s</a><a href="e1.html">e</a><section aria-labelledby="h-narrow n-narrow"><h2 id="h-narrow">T</h2><label for="q-narrow">Q</label><input id="q-narrow" aria-describedby="hint-narrow"></section>"##
        );
    }

    #[test]
    fn on_a_horizontal_axis_places_and_widths_are_shares_of_it() {
        let mut rules = Rules::default();
        rules.hooked(r#"<li style="left:383px;top:28px;width:12px;"></li><i style="height:396px"></i>"#, "wide", Some(766.0)).unwrap();
        assert_eq!(rules.css(), "[data-s=\"0\"]{left:50.0000% !important;top:28px !important;width:max(12px, 1.5666%) !important;}\n[data-s=\"1\"]{height:396px !important;}\n");
    }

    #[test]
    fn text_and_attributes_stay_as_escaped() {
        let html = r#"<p id="a&amp;&quot;b" title="&lt;script&gt;&quot;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"</p>"#;
        let hooked = Rules::default().hooked(html, "w", None).unwrap();
        assert_eq!(hooked, r#"<p id="a&amp;&quot;b-w" title="&lt;script&gt;&quot;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"</p>"#);
    }

    #[test]
    fn a_declaration_that_could_end_its_rule_is_dropped() {
        let mut rules = Rules::default();
        rules.hooked(r#"<i style="left:1px"></i><i style="x:}body{display:none"></i><i style="top:0;x:1!important"></i>"#, "w", None).unwrap();
        assert_eq!(rules.css(), "[data-s=\"0\"]{left:1px !important;}\n[data-s=\"2\"]{top:0 !important;}\n");
    }
}
