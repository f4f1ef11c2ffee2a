//! TimelineJS text is HTML; a sourceline dataset holds plain text, which the app shows as text
//! and never as markup. [`plain_text`] turns the one into the other: tags are dropped (with
//! whatever a `<script>` or `<style>` holds), character entities are decoded, and white space
//! is collapsed, as a browser would show it.
//!
//! This is not an HTML parser and needs not be one: it only has to leave no tag and lose no
//! text. What it returns is text; if an entity spells a tag (`&lt;b&gt;`), the result says
//! `<b>` in words, which the app shows as those characters.

/// Elements whose content is not text a reader sees.
const HIDDEN: [&str; 2] = ["script", "style"];

/// Elements that start a new line: their tags become white space rather than nothing, so that
/// `<p>a</p><p>b</p>` reads `a b`, not `ab`.
const BLOCKS: [&str; 14] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
];

/// The plain text of an HTML fragment.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(tag) = Tag::read(after) else {
            // A `<` that opens no tag (`a < b`) is text.
            text.push('<');
            rest = after;
            continue;
        };
        rest = &after[tag.length..];
        if tag.is_block() {
            text.push(' ');
        }
        if let (Some(name), false) = (tag.hidden(), tag.closing) {
            // Skip to the end of the hidden element, or to the end if it never ends.
            rest = match find_closing(rest, name) {
                Some(end) => &rest[end..],
                None => "",
            };
        }
    }
    text.push_str(rest);
    let decoded = html_escape::decode_html_entities(&text);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A tag just after its `<`: its name in lower case, whether it closes, and its length up to
/// and including its `>`.
struct Tag {
    name: String,
    closing: bool,
    length: usize,
}

impl Tag {
    fn read(after: &str) -> Option<Tag> {
        let closing = after.starts_with('/');
        let body = if closing { &after[1..] } else { after };
        let first = body.chars().next()?;
        // Letters start elements; `!` starts comments and doctypes, `?` processing instructions.
        if !(first.is_ascii_alphabetic() || (!closing && matches!(first, '!' | '?'))) {
            return None;
        }
        let length = if body.starts_with("!--") {
            after.find("-->").map_or(after.len(), |end| end + 3)
        } else {
            after.find('>').map_or(after.len(), |end| end + 1)
        };
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(Tag {
            name: name.to_ascii_lowercase(),
            closing,
            length,
        })
    }

    fn is_block(&self) -> bool {
        BLOCKS.contains(&self.name.as_str())
    }

    fn hidden(&self) -> Option<&'static str> {
        HIDDEN.into_iter().find(|h| *h == self.name)
    }
}

/// Where the text after the closing tag of `name` starts, ignoring case.
fn find_closing(text: &str, name: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find(&format!("</{name}"))?;
    Some(
        text[start..]
            .find('>')
            .map_or(text.len(), |end| start + end + 1),
    )
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    macro_rules! check {
        ($name:ident, $html:expr, $text:expr) => {
            #[test]
            fn $name() {
                assert_eq!(plain_text($html), $text);
            }
        };
    }

    check!(plain_text_stays, "The town is taken.", "The town is taken.");
    check!(
        paragraphs_become_spaces,
        "<p>One.</p><p>Two.</p>",
        "One. Two."
    );
    check!(
        links_keep_their_words,
        r#"Says <a href="https://example.org/x">the agency</a>."#,
        "Says the agency."
    );
    check!(
        entities_are_decoded,
        "Fish &amp; chips &eacute;t&eacute; &#8217; &lt;b&gt;",
        "Fish & chips été ’ <b>"
    );
    check!(
        scripts_are_dropped_whole,
        "Before<script>alert('x')</script> after",
        "Before after"
    );
    check!(
        scripts_in_capitals_are_dropped_whole,
        "a<SCRIPT type=x>b</Script >c",
        "ac"
    );
    check!(a_script_never_closed_drops_the_rest, "a <script>b c", "a");
    check!(
        styles_are_dropped,
        "<style>p { color: red }</style>Text",
        "Text"
    );
    check!(comments_are_dropped, "a<!-- <b>hidden</b> -->b", "ab");
    check!(a_lone_less_than_is_text, "1 < 2 and 3 <4", "1 < 2 and 3 <4");
    check!(an_unclosed_tag_drops_the_rest, "a <b", "a");
    check!(white_space_is_collapsed, "  a\n\n\t b<br/>c  ", "a b c");
    check!(line_breaks_separate_words, "one<br>two", "one two");
    check!(inline_tags_join_words, "im<b>port</b>ant", "important");
    check!(empty_is_empty, "", "");
}
