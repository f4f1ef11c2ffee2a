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
    fn web_urls() {
        for good in ["https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x?y=1"] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://", "https:///path", "//example.org", "ftp://x", "https://a b", "https://a\nb", ""] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
