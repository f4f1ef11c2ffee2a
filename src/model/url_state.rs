//! The view state in the query string: the one place that parses and prints it.
//!
//! `?event=palmyra-recaptured&claim=army&source=sohr&q=mines&from=2017-02&to=2017-03-02`
//!
//! An event of the bundled dataset also has a page of its own, a file beside the app's
//! `index.html` (`palmyra-recaptured.html`), so its address is that page and the rest of the
//! view follows in the query string: `palmyra-recaptured.html?claim=army&q=mines`. Both are
//! plain files and plain query strings, so links work on any static host with no rewrite rules.
//! Parsing never fails: what cannot be used is left out and named in [`ViewState::ignored`],
//! so the app can say what it ignored.

use std::fmt;

use super::date::{Day, EventDate};
use super::filter::{Facet, Filter};
use super::ids::{is_site_name, is_slug};

/// The longest parameter value read; longer ones are ignored rather than carried around.
pub const MAX_VALUE_LEN: usize = 200;

/// What a link selects and shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// A dataset to load instead of the bundled one: a relative URL on the app's own origin.
    pub data: Option<String>,
    pub event: Option<String>,
    pub claim: Option<String>,
    pub filter: Filter,
    /// The visible range: its first and last days, each as an EDTF date as written in the link.
    pub from: Option<EventDate>,
    pub to: Option<EventDate>,
    /// Shown inside another site's page (`embed=1`): compact, and in step with the host page
    /// through messages (`model::embed`).
    pub embed: bool,
    /// Parameters that were present but not used, with the reason, for telling the reader.
    pub ignored: Vec<Ignored>,
}

/// A query parameter that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub reason: &'static str,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” {}", self.key, self.reason)
    }
}

/// The file of an event's page, beside the app's own `index.html`: `palmyra-recaptured.html`.
pub fn event_page(id: &str) -> String {
    format!("{id}.html")
}

/// The event whose page an address's path names, if any: `/palmyra/palmyra-recaptured.html`, or
/// `/palmyra/palmyra-recaptured` as hosts that drop `.html` from addresses serve it (an id with
/// a `.` in it is recognised only with its `.html`).
pub fn event_of_page(path: &str) -> Option<String> {
    let file = decode(path.rsplit('/').next().unwrap_or(""));
    let id = match file.strip_suffix(".html") {
        Some(id) => id,
        None if !file.contains('.') => file.as_str(),
        None => return None,
    };
    (is_slug(id) && !is_site_name(id)).then(|| id.to_string())
}

/// An address relative to the app's folder, as [`ViewState::page_address`] prints it: the
/// file the path names, or `./` for the app's own page, then the query string.
pub fn relative_address(path: &str, query: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or("");
    let file = if file.is_empty() || file == "index.html" { "./" } else { file };
    format!("{file}{query}")
}

impl ViewState {
    /// Reads a query string, with or without its leading `?`.
    pub fn parse(query: &str) -> ViewState {
        ViewState::read(query, None)
    }

    /// Reads a whole address: the event whose page the path names, unless the query string
    /// names one, and everything else from the query string.
    pub fn from_address(path: &str, query: &str) -> ViewState {
        ViewState::read(query, event_of_page(path))
    }

    fn read(query: &str, page: Option<String>) -> ViewState {
        let mut state = ViewState::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key);
            let shown_key: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
            let ignore = |state: &mut ViewState, reason: &'static str| state.ignored.push(Ignored { key: shown_key.clone(), reason });
            if raw_value.len() > MAX_VALUE_LEN * 3 {
                ignore(&mut state, "was too long to be a value this app uses");
                continue;
            }
            let value = decode(raw_value);
            if value.chars().count() > MAX_VALUE_LEN {
                ignore(&mut state, "was too long to be a value this app uses");
                continue;
            }
            if value.chars().any(char::is_control) {
                ignore(&mut state, "contained control characters");
                continue;
            }
            let value = value.trim().to_string();
            if value.is_empty() {
                continue;
            }
            let slug = |state: &mut ViewState, value: String| {
                if is_slug(&value) {
                    Some(value)
                } else {
                    ignore(state, "is not a valid id");
                    None
                }
            };
            if let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == key) {
                let value = if facet.takes_ids() { slug(&mut state, value) } else { Some(value) };
                state.filter.set(facet, value);
                continue;
            }
            match key.as_str() {
                "data" if is_same_origin_path(&value) => state.data = Some(value),
                "data" => ignore(&mut state, "must be a relative link to a file on this site"),
                "event" => state.event = slug(&mut state, value),
                "claim" => state.claim = slug(&mut state, value),
                "q" => state.filter.text = value,
                "embed" if value == "1" => state.embed = true,
                "embed" => ignore(&mut state, "can only be 1"),
                "from" | "to" => match EventDate::parse(&value) {
                    Ok(date) if key == "from" => state.from = Some(date),
                    Ok(date) => state.to = Some(date),
                    Err(_) => ignore(&mut state, "is not an EDTF date"),
                },
                _ => ignore(&mut state, "is not a setting this app knows"),
            }
        }
        if state.event.is_none() {
            state.event = page;
        }
        if state.claim.is_some() && state.event.is_none() {
            state.claim = None;
            state.ignored.push(Ignored { key: "claim".to_string(), reason: "needs an event to belong to" });
        }
        state
    }

    /// The state with the visible range set to the days `first..=last`, as a link writes it.
    pub fn with_range(self, (first, last): (Day, Day)) -> ViewState {
        ViewState { from: Some(first.into()), to: Some(last.into()), ..self }
    }

    /// The address of this view relative to the app's folder, with the event as its page:
    /// `palmyra-recaptured.html?claim=army`, or `./?q=mines` when no event is selected. Only
    /// the bundled dataset has pages; a dataset named by `data=` keeps everything in the query.
    pub fn page_address(&self) -> String {
        match (&self.data, &self.event) {
            (None, Some(event)) => format!("{}{}", event_page(event), ViewState { event: None, ..self.clone() }),
            _ => self.app_address(),
        }
    }

    /// The address of this view on the app's own page, everything in the query string:
    /// `./?event=palmyra-recaptured&claim=army`.
    pub fn app_address(&self) -> String {
        format!("./{self}")
    }

    /// The visible range the link asks for, as days, when it gives one that makes sense.
    pub fn range(&self) -> Option<(Day, Day)> {
        let from = self.from.as_ref().map(EventDate::anchor);
        let to = self.to.as_ref().map(|d| d.latest().unwrap_or_else(|| d.anchor()));
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Some((from, to)),
            _ => None,
        }
    }
}

impl fmt::Display for ViewState {
    /// The query string, starting with `?`, or empty when there is nothing to say. Parameters
    /// come in a fixed order so that equal states print equal links.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let filter = &self.filter;
        let text = (!filter.text.trim().is_empty()).then_some(filter.text.trim());
        let menus = Facet::ALL.into_iter().map(|facet| (facet.key(), filter.get(facet)));
        let pairs = [("data", self.data.as_deref()), ("event", self.event.as_deref()), ("claim", self.claim.as_deref()), ("q", text)]
            .into_iter()
            .chain(menus)
            .chain([("from", self.from.as_ref().map(EventDate::as_str)), ("to", self.to.as_ref().map(EventDate::as_str))])
            .chain([("embed", self.embed.then_some("1"))]);
        let mut first = true;
        for (key, value) in pairs {
            let Some(value) = value else { continue };
            f.write_str(if first { "?" } else { "&" })?;
            first = false;
            write!(f, "{key}={}", encode(value))?;
        }
        Ok(())
    }
}

/// Whether `link` is a relative reference that can only point within the origin it is resolved
/// on: no scheme, no host (`//`), no backslashes browsers would read as slashes, nothing
/// invisible. The UI still checks the resolved URL's origin.
pub fn is_same_origin_path(link: &str) -> bool {
    let before_path = link.split(['/', '?', '#']).next().unwrap_or("");
    !link.is_empty()
        && !before_path.contains(':')
        && !link.starts_with("//")
        && !link.contains('\\')
        && !link.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes stay as written and invalid
/// UTF-8 becomes U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi * 16 + lo);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(query: &str) {
        let state = ViewState::parse(query);
        assert_eq!(state.ignored, [], "{query}");
        assert_eq!(state.to_string(), query, "printing what was parsed");
    }

    #[test]
    fn an_event_page_is_the_event_and_the_query_says_the_rest() {
        let state = ViewState::from_address("/some/sub/path/palmyra-recaptured.html", "?claim=army&q=mines");
        assert_eq!(state.event.as_deref(), Some("palmyra-recaptured"));
        assert_eq!(state.claim.as_deref(), Some("army"));
        assert_eq!(state.ignored, []);
        assert_eq!(state.page_address(), "palmyra-recaptured.html?claim=army&q=mines");
        assert_eq!(state.app_address(), "./?event=palmyra-recaptured&claim=army&q=mines");
        // The app's own page, however it is named, selects nothing.
        for path in ["/", "/palmyra/", "/palmyra/index.html", "/palmyra/INDEX.html", "/palmyra/index", "/palmyra/sw.js", "/p/404.html", "/a/%3Cscript%3E.html", "/a/%3Cscript%3E"] {
            assert_eq!(ViewState::from_address(path, "").event, None, "{path}");
        }
        // A host that drops `.html` from addresses serves the same page.
        assert_eq!(ViewState::from_address("/p/palmyra-recaptured", "").event.as_deref(), Some("palmyra-recaptured"));
        assert_eq!(ViewState::from_address("/p/a.b.html", "").event.as_deref(), Some("a.b"));
        assert_eq!(ViewState::from_address("/p/a.b", "").event, None);
        // An event the query string names wins over the page.
        assert_eq!(ViewState::from_address("/p/a.html", "?event=b").event.as_deref(), Some("b"));
        // A claim on the app's page still needs an event.
        assert_eq!(ViewState::from_address("/p/", "?claim=army").claim, None);
    }

    #[test]
    fn addresses_print_pages_for_the_bundled_dataset_only() {
        assert_eq!(ViewState::default().page_address(), "./");
        assert_eq!(ViewState::parse("?q=mines").page_address(), "./?q=mines");
        let linked = ViewState::parse("?data=data%2Fx.json&event=e1");
        assert_eq!(linked.page_address(), "./?data=data%2Fx.json&event=e1");
        assert_eq!(relative_address("/p/index.html", "?q=a"), "./?q=a");
        assert_eq!(relative_address("/p/", ""), "./");
        assert_eq!(relative_address("/p/e1.html", "?claim=c"), "e1.html?claim=c");
        assert_eq!(event_page("e1"), "e1.html");
    }

    #[test]
    fn links_round_trip() {
        round_trip("");
        round_trip("?event=palmyra-recaptured");
        round_trip("?event=palmyra-recaptured&claim=army");
        round_trip("?q=neighbourhoods%20of%20mines&source=sohr&kind=monitoring%20group&party=none&tag=control&place=Palmyra");
        round_trip("?from=2016-12&to=2017-03-02");
        round_trip("?data=data%2Fsynthetic-10000.json&event=e-42");
        round_trip("?q=%E2%80%9Cquoted%E2%80%9D%20%26%20more%3D");
        round_trip("?event=palmyra-recaptured&q=mines&embed=1");
        assert_eq!(ViewState::from_address("/p/palmyra-recaptured.html", "?embed=1").page_address(), "palmyra-recaptured.html?embed=1");
        let odd = ViewState::parse("?embed=yes");
        assert!(!odd.embed);
        assert_eq!(odd.ignored, [Ignored { key: "embed".to_string(), reason: "can only be 1" }]);
    }

    #[test]
    fn parsing_reads_each_setting() {
        let state = ViewState::parse("?event=e1&claim=c1&q=a+b&source=s&kind=k&party=p&tag=t&place=x&from=2016&to=2017-03");
        assert_eq!(state.event.as_deref(), Some("e1"));
        assert_eq!(state.claim.as_deref(), Some("c1"));
        assert_eq!(state.filter.text, "a b");
        let menus: Vec<Option<&str>> = Facet::ALL.into_iter().map(|f| state.filter.get(f)).collect();
        assert_eq!(menus, [Some("s"), Some("k"), Some("p"), Some("t"), Some("x")]);
        let (from, to) = state.range().unwrap();
        assert_eq!((from.to_string(), to.to_string()), ("2016-01-01".to_string(), "2017-03-31".to_string()));
    }

    fn check_ignored(query: &str, expected: &[&str]) {
        let state = ViewState::parse(query);
        let ignored: Vec<String> = state.ignored.iter().map(ToString::to_string).collect();
        assert_eq!(ignored, expected, "{query}");
    }

    #[test]
    fn a_range_of_days_prints_as_two_dates() {
        let day = |t: &str| EventDate::parse(t).unwrap().anchor();
        let state = ViewState::default().with_range((day("2016-12-01"), day("2017-03-02")));
        assert_eq!(state.to_string(), "?from=2016-12-01&to=2017-03-02");
        assert_eq!(ViewState::parse(&state.to_string()).range(), Some((day("2016-12-01"), day("2017-03-02"))));
    }

    #[test]
    fn what_cannot_be_used_is_ignored_and_named() {
        check_ignored("?nope=1", &["“nope” is not a setting this app knows"]);
        check_ignored("?event=%3Cscript%3E", &["“event” is not a valid id"]);
        check_ignored("?event=javascript:alert(1)", &["“event” is not a valid id"]);
        check_ignored("?from=yesterday", &["“from” is not an EDTF date"]);
        check_ignored("?claim=army", &["“claim” needs an event to belong to"]);
        check_ignored("?q=a%00b", &["“q” contained control characters"]);
        check_ignored(&format!("?q={}", "x".repeat(5000)), &["“q” was too long to be a value this app uses"]);
        check_ignored("?event=", &[]);
        // Settings with no value are simply absent.
        check_ignored("?&&=&%&tag=", &[]);
    }

    #[test]
    fn only_same_origin_relative_links_may_name_a_dataset() {
        for good in ["data/big.json", "./x.json", "../shared/x.json", "/datasets/x.json", "x.json?v=2"] {
            assert!(is_same_origin_path(good), "{good}");
            assert_eq!(ViewState::parse(&format!("?data={}", encode(good))).data.as_deref(), Some(good));
        }
        for bad in ["https://evil.example/x.json", "//evil.example/x.json", "javascript:alert(1)", "data:application/json,{}", "\\\\evil.example\\x.json", "/\\evil.example", "x .json", "", "HTTP://x"] {
            assert!(!is_same_origin_path(bad), "{bad}");
        }
        check_ignored("?data=https%3A%2F%2Fevil.example%2Fx.json", &["“data” must be a relative link to a file on this site"]);
    }

    #[test]
    fn malformed_escapes_stay_as_written() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%41%42"), "AB");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
