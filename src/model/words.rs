//! Counting words: the one place where a number decides between singular and plural, and
//! where sizes are written for people. Every sentence about the data that holds a count is
//! built from these, so "1 originator" and "2 originators" agree wherever they appear.

/// `n` followed by the singular or the plural noun: "1 originator", "3 originators".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Names joined as a sentence lists them: "A", "A and B", "A, B and C".
pub fn listing(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A size in megabytes with one decimal, written with integers: "0.4 MB", "50.0 MB".
/// (Float formatting would add its whole machinery to the wasm for this one use.)
pub fn megabytes(bytes: f64) -> String {
    let tenths = (bytes / 104_857.6).round().max(0.0) as u64;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// `text` cut at a word to at most about `max` characters, with "…" where it was cut.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pick_singular_for_one_only() {
        assert_eq!(count(0, "claim", "claims"), "0 claims");
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(2, "originator supports", "originators support"), "2 originators support");
    }

    #[test]
    fn lists_join_with_and() {
        assert_eq!(listing(&[]), "");
        assert_eq!(listing(&["SANA"]), "SANA");
        assert_eq!(listing(&["SANA", "SOHR"]), "SANA and SOHR");
        assert_eq!(listing(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(shortened("short enough", 160), "short enough");
        assert_eq!(shortened("one two three four", 12), "one two…");
        assert_eq!(shortened(&"x".repeat(20), 10), format!("{}…", "x".repeat(7)));
    }

    #[test]
    fn megabytes_have_one_decimal() {
        assert_eq!(megabytes(0.0), "0.0 MB");
        assert_eq!(megabytes(1024.0 * 1024.0 * 1.5), "1.5 MB");
        assert_eq!(megabytes(50.0 * 1024.0 * 1024.0), "50.0 MB");
        assert_eq!(megabytes(-1.0), "0.0 MB");
    }
}
