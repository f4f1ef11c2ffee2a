//! The Content-Security-Policy of a written page: its `script-src` names the SHA-256 hash of
//! each inline script the page holds, so that those and nothing else may run inline. Written
//! here, with the page, so that a build after a change touches only the pages that changed;
//! `scripts/post-build.mjs` does the same for a page written some other way, and, in a debug
//! build, allows any inline script (Trunk's live reload injects one after the build).

use base64::Engine;
use sha2::{Digest, Sha256};

/// What the policy's `script-src` starts with; the hashes follow it, up to the next `;` or `"`.
pub const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// The inline scripts of a page, as the browser hashes them: the text between each `<script>`
/// with no `src` and its `</script>`. A JSON-LD block is data, which no browser runs, and
/// needs no hash.
pub fn inline_scripts(page: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start + "<script".len()..];
        let Some(open_end) = after.find('>') else { break };
        let attributes = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else { break };
        let has_src = attributes.split(|c: char| c.is_ascii_whitespace()).any(|a| a.starts_with("src="));
        if !has_src && !attributes.contains("application/ld+json") {
            scripts.push(&body[..close]);
        }
        rest = &body[close + "</script>".len()..];
    }
    scripts
}

/// What the policy's `style-src` starts with; the hashes of the page's `<style>` elements follow.
pub const STYLE_SRC: &str = "style-src 'self'";

/// The page's `<style>` elements' text, as the browser hashes it: a written first screen's
/// positions (`site::first_screen`).
pub fn inline_styles(page: &str) -> Vec<&str> {
    page.split("<style>").skip(1).filter_map(|rest| rest.split_once("</style>").map(|(style, _)| style)).collect()
}

/// The page with its policy's `script-src` naming the hash of each of its inline scripts (and
/// only those), and its `style-src` the hash of each of its `<style>` elements: `'sha256-…'`,
/// base64, as the policy writes them. A page with no policy is returned as it was.
pub fn with_script_hashes(page: String) -> String {
    let scripts = hashes(&inline_scripts(&page));
    let styles = hashes(&inline_styles(&page));
    with_hashes(with_hashes(page, SCRIPT_SRC, &scripts), STYLE_SRC, &styles)
}

fn hashes(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|text| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))).collect()
}

/// `page` with the sources of the policy's directive that starts `directive` replaced by
/// `directive` and `hashes`.
fn with_hashes(page: String, directive: &str, hashes: &[String]) -> String {
    let Some(at) = page.find(directive) else { return page };
    let from = at + directive.len();
    let to = from + page[from..].find([';', '"']).unwrap_or(page.len() - from);
    let mut out = String::with_capacity(page.len() + 64 * hashes.len());
    out.push_str(&page[..from]);
    for hash in hashes {
        out.push(' ');
        out.push_str(hash);
    }
    out.push_str(&page[to..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' INLINE_SCRIPT_HASHES; style-src 'self'">"#;

    #[test]
    fn hashes_each_inline_script_and_nothing_else() {
        let page = format!(
            r#"<head>{POLICY}<script src="a.js" defer></script><script type="application/ld+json">{{"a":1}}</script></head><body><script type="module">import init from './x.js';</script><script>go()</script></body>"#
        );
        assert_eq!(inline_scripts(&page), ["import init from './x.js';", "go()"]);
        let hashed = with_script_hashes(page);
        // The hash of "go()" as `openssl dgst -sha256 -binary | base64` gives it.
        assert!(hashed.contains("'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"), "{hashed}");
        let policy = hashed.split("script-src").nth(1).and_then(|p| p.split(';').next()).unwrap_or_default();
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(!hashed.contains("INLINE_SCRIPT_HASHES"));
        assert!(hashed.contains("; style-src 'self'"));
    }

    #[test]
    fn a_written_first_screen_s_style_is_allowed_by_its_hash_alone() {
        let page = format!("{POLICY}<style>[data-s=\"0\"]{{left:1px !important;}}</style><p style=\"x\">");
        let hashed = with_script_hashes(page);
        let policy = hashed.split("style-src").nth(1).and_then(|p| p.split('"').next()).unwrap_or_default();
        assert_eq!(policy.matches("'sha256-").count(), 1, "{policy}");
        assert_eq!(with_script_hashes(hashed.clone()), hashed);
        assert!(!hashed.contains("'unsafe-inline'"));
    }

    #[test]
    fn written_again_it_is_the_same() {
        let page = format!("{POLICY}<script>one()</script>");
        let once = with_script_hashes(page);
        assert_eq!(with_script_hashes(once.clone()), once);
        assert_eq!(once.matches("'sha256-").count(), 1);
    }

    #[test]
    fn a_page_with_no_inline_script_allows_none() {
        let hashed = with_script_hashes(POLICY.to_string());
        assert!(hashed.contains("'wasm-unsafe-eval'; style-src"), "{hashed}");
        assert_eq!(with_script_hashes("<p>no policy</p>".to_string()), "<p>no policy</p>");
    }
}
