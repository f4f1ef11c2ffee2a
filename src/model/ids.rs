//! The shapes of the two kinds of string from data that end up inside a link: ids, which name
//! events, claims and sources in the query string, and web addresses, which documents point to.
//!
//! These are plain predicates with no dependency on the rest of the model, so that both the
//! dataset reader and the query-string parser can use them without depending on each other.

/// The longest id accepted, so that ids stay readable in links.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` is a stable, URL-safe slug: ASCII letters, digits, `-`, `_` and `.`, starting
/// with a letter or digit, at most [`MAX_ID_LEN`] long.
pub fn is_slug(id: &str) -> bool {
    id.len() <= MAX_ID_LEN
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The names the site gives its own files and folders beside the event pages, without their
/// extensions: the app (`index.html`), the host's not-found page (`404.html`), the service
/// worker and its registration, the embedding script, the manifest, the sitemap, the preview
/// images and the icons.
pub const SITE_NAMES: &[&str] = &[
    "index", "404", "sw", "register-sw", "embed", "manifest", "sitemap", "preview", "previews", "icon", "icon-192", "icon-512",
];

/// Whether an event with this id cannot have a page of its own. Its page is `ID.html` beside the
/// app's `index.html`, served by some hosts at `ID` alone, and hosts that pick a file by its name
/// without the extension (Apache's MultiViews) or ignore case would confuse it with a file the site
/// writes ([`SITE_NAMES`], in any case), or, for an id ending in `.html`, with the page of another
/// event.
pub fn is_site_name(id: &str) -> bool {
    // Every event is asked: the lengths settle most names before a letter is compared.
    ends_in_html(id) || SITE_NAMES.iter().any(|name| name.len() == id.len() && name.eq_ignore_ascii_case(id))
}

/// Whether an id ends in `.html`, in any case, after at least one character.
pub fn ends_in_html(id: &str) -> bool {
    id.len() > 5 && id.get(id.len() - 5..).is_some_and(|end| end.eq_ignore_ascii_case(".html"))
}

/// An event id as the name of its page on a disk or host that ignores case: two ids that differ
/// only in the case of their letters are one page, so they are equal and hash alike here.
#[derive(Debug, Clone, Copy)]
pub struct PageName<'a>(pub &'a str);

impl PartialEq for PageName<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for PageName<'_> {}

impl std::hash::Hash for PageName<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
        state.write_u8(0xff);
    }
}

/// Whether `url` is an absolute `http:` or `https:` URL with nothing that could hide another
/// scheme or break out of an attribute.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let longest = "a".repeat(MAX_ID_LEN);
        for good in ["a", "palmyra-recaptured", "e.1_b-2", "9lives", longest.as_str()] {
            assert!(is_slug(good), "{good}");
        }
        let too_long = "a".repeat(MAX_ID_LEN + 1);
        for bad in ["", "-a", ".a", "has space", "é", "a/b", "a?b", too_long.as_str()] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn site_names_are_refused_in_any_case() {
        for taken in ["index", "INDEX", "Index", "404", "sw", "Sitemap", "manifest", "previews", "embed", "register-sw", "a.html", "e.HTML"] {
            assert!(is_site_name(taken), "{taken}");
        }
        for free in ["index-2", "indexes", "sw2", "html", "a.htm", "palmyra-recaptured", "405"] {
            assert!(!is_site_name(free), "{free}");
        }
    }

    #[test]
    fn page_names_ignore_case_only() {
        use std::hash::BuildHasher;
        let hasher = std::collections::hash_map::RandomState::new();
        let long = "Event-".repeat(10);
        for (a, b) in [("index", "INDEX"), ("Palmyra-1", "palmyra-1"), (long.as_str(), long.to_ascii_lowercase().as_str())] {
            assert_eq!(PageName(a), PageName(b));
            assert_eq!(hasher.hash_one(PageName(a)), hasher.hash_one(PageName(b)), "{a} {b}");
        }
        assert_ne!(PageName("a-1"), PageName("a_1"));
        assert_ne!(PageName("ab"), PageName("abc"));
    }

    #[test]
    fn web_urls() {
        for good in ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1"] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://", "https:///path", "//example.org", "ftp://x", "https://a b", "https://a\nb", ""] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
