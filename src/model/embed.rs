//! Showing the app inside another site's page (`?embed=1`): the code a host page pastes, and
//! the messages the embedded app and the host page exchange. `docs/embed.md` documents them for
//! host pages; `public/embed.js` is the optional script that speaks them on the host's side.
//!
//! The embedded app tells its host page, whenever either changes, how tall it is and what it
//! shows: `{ source: "sourceline", type: "state", height, event, claim, address, load, answered }`.
//! The host may ask it to show an event: `{ source: "sourceline-host", type: "select", event,
//! claim, request }`, with `event` null for none, or to say what it shows at once:
//! `{ source: "sourceline-host", type: "ask" }`, for a host script that started after the app
//! first spoke. The app only takes requests from the page that
//! embeds it, and only ids its dataset has; anything else is ignored.
//!
//! Messages cross while they travel: the app may report an event after the host has asked for
//! another. So each request may carry a number, and every state the app sends after handling it
//! says which number it `answered`, and answers at once, even when it showed nothing new. A host
//! reads a state that answers an older request as what the app showed before it heard the host,
//! not as the reader's choice. `load` is a number the app draws each time the frame loads, so a
//! host knows a reloaded frame, which has answered nothing yet, from a late one.

use super::ids::is_slug;

/// The `source` of every message the embedded app sends.
pub const FROM_APP: &str = "sourceline";
/// The `source` of the messages the app takes from its host page.
pub const FROM_HOST: &str = "sourceline-host";
/// The `type` of the app's message about its height and what it shows.
pub const STATE: &str = "state";
/// The `type` of the host's request to show an event.
pub const SELECT: &str = "select";
/// The `type` of the host's request for the app's state, for a host script that started after
/// the app first spoke.
pub const ASK: &str = "ask";
/// The host page's script, beside the app's `index.html`.
pub const HOST_SCRIPT: &str = "embed.js";
/// The height the pasted code gives the frame before its script sizes it, in CSS pixels.
pub const FIRST_HEIGHT_PX: u32 = 640;

/// The code a host page pastes: the frame, with a title for screen readers, and the script that
/// sizes it and keeps the host page's address in step with it. Every value is escaped for the
/// attribute it sits in, so a dataset's title stays text in the host's page.
pub fn embed_code(frame_src: &str, script_src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width: 100%; height: {FIRST_HEIGHT_PX}px; border: 0\" loading=\"lazy\" data-sourceline></iframe>\n<script src=\"{}\" async></script>",
        attribute(frame_src),
        attribute(title),
        attribute(script_src)
    )
}

/// `text` as the value of a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// What a host page asked for, read from a message's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostRequest {
    /// Show this event (and this claim of it), or none; `request` is the host's number for the
    /// request, which the app's next states say they answered.
    Select { event: Option<String>, claim: Option<String>, request: Option<u64> },
    /// Say what you show, now.
    Ask,
}

/// The largest whole number a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl HostRequest {
    /// The request a message makes, from its `source`, `type`, `event` and `claim` fields as
    /// strings (`None` for a field that is absent, null or not a string) and its `request` field
    /// as a number. A message that is not a request of this protocol, or names something that
    /// cannot be an id, asks for nothing; a `request` that is not a whole number from 0 to 2^53 - 1
    /// is no number.
    pub fn read(source: Option<&str>, kind: Option<&str>, event: Option<&str>, claim: Option<&str>, request: Option<f64>) -> Option<HostRequest> {
        if source != Some(FROM_HOST) {
            return None;
        }
        if kind == Some(ASK) {
            return Some(HostRequest::Ask);
        }
        if kind != Some(SELECT) {
            return None;
        }
        let id = |text: Option<&str>| text.map(|t| is_slug(t).then(|| t.to_string()).ok_or(())).transpose();
        let event = id(event).ok()?;
        let claim = id(claim).ok()?.filter(|_| event.is_some());
        let request = request.filter(|n| n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(n)).map(|n| n as u64);
        Some(HostRequest::Select { event, claim, request })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_keeps_every_value_text_in_its_attribute() {
        let code = embed_code("https://example.org/p/?event=e1&embed=1", "https://example.org/p/embed.js", "\"><script>alert('x')</script> & more");
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/p/?event=e1&amp;embed=1\" title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more\" style=\"width: 100%; height: 640px; border: 0\" loading=\"lazy\" data-sourceline></iframe>\n<script src=\"https://example.org/p/embed.js\" async></script>"
        );
    }

    #[test]
    fn only_a_select_from_the_host_with_ids_is_a_request() {
        let select = |event: Option<&str>, claim: Option<&str>| HostRequest::read(Some(FROM_HOST), Some(SELECT), event, claim, Some(7.0));
        assert_eq!(select(Some("e1"), Some("army")), Some(HostRequest::Select { event: Some("e1".into()), claim: Some("army".into()), request: Some(7) }));
        assert_eq!(select(None, None), Some(HostRequest::Select { event: None, claim: None, request: Some(7) }));
        // A claim needs its event.
        assert_eq!(select(None, Some("army")), Some(HostRequest::Select { event: None, claim: None, request: Some(7) }));
        assert_eq!(select(Some("<b>"), None), None);
        assert_eq!(select(Some("e1"), Some("a b")), None);
        assert_eq!(HostRequest::read(Some(FROM_APP), Some(SELECT), Some("e1"), None, None), None);
        assert_eq!(HostRequest::read(Some(FROM_HOST), Some(STATE), Some("e1"), None, None), None);
        assert_eq!(HostRequest::read(None, None, None, None, None), None);
        assert_eq!(HostRequest::read(Some(FROM_HOST), Some(ASK), Some("e1"), None, Some(1.0)), Some(HostRequest::Ask));
        assert_eq!(HostRequest::read(Some(FROM_APP), Some(ASK), None, None, None), None);
    }

    #[test]
    fn a_request_number_is_a_whole_number_a_script_can_count_to() {
        let number = |n: Option<f64>| match HostRequest::read(Some(FROM_HOST), Some(SELECT), Some("e1"), None, n) {
            Some(HostRequest::Select { request, .. }) => request,
            other => panic!("a select with an event id is a select, not {other:?}"),
        };
        assert_eq!(number(None), None);
        assert_eq!(number(Some(0.0)), Some(0));
        assert_eq!(number(Some(1.0)), Some(1));
        assert_eq!(number(Some(MAX_SAFE_INTEGER)), Some(9_007_199_254_740_991));
        for not_one in [-1.0, 1.5, f64::NAN, f64::INFINITY, MAX_SAFE_INTEGER * 2.0] {
            assert_eq!(number(Some(not_one)), None, "{not_one}");
        }
    }
}
