//! Property tests: the parsers never panic, whatever they are given, and what they accept
//! behaves as their documentation says.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
/// The repository's dataset as written.
const PALMYRA_JSON: &str = include_str!("../data/palmyra.json");
use sourceline::model::{Dataset, Day, EventDate, Facet, Filter, ViewState};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

/// Strings near EDTF: digits, separators and qualifiers, so that most cases reach deep into
/// the parser instead of failing on the first character.
fn edtf_like() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[0-9X~?%./\\-\\[\\]{},Y E S]{0,24}").unwrap()
}

proptest! {
    // 2,000 cases per property in `./x test`; set PROPTEST_CASES for a longer run (README).
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn event_dates_never_panic_and_keep_their_bounds_in_order(text in edtf_like()) {
        if let Ok(date) = EventDate::parse(&text) {
            let (start, end) = date.span();
            prop_assert!(start <= end);
            prop_assert!(!date.human().is_empty());
            if let (Some(e), Some(l)) = (date.earliest(), date.latest()) {
                prop_assert!(e <= l);
                prop_assert_eq!((start, end), (e, l), "a bounded date spans exactly its bounds");
            }
        }
    }

    #[test]
    fn event_dates_never_panic_on_any_text(text in any::<String>()) {
        let _ = EventDate::parse(&text);
    }

    #[test]
    fn datasets_never_panic_on_any_text(text in any::<String>()) {
        let (dataset, problems) = Dataset::parse(&text);
        if dataset.is_some() {
            let is_object = text.trim_start().starts_with('{');
            prop_assert!(is_object, "only a JSON object can be a dataset");
        } else {
            prop_assert!(!problems.is_empty());
        }
    }

    /// Cutting the real dataset anywhere gives problems, never a panic.
    #[test]
    fn truncated_datasets_report_problems(cut in 0..PALMYRA_JSON.trim_end().len()) {
        let Some(prefix) = PALMYRA_JSON.get(..cut) else { return Ok(()) };
        let (_, problems) = Dataset::parse(prefix);
        prop_assert!(!problems.is_empty());
    }

    /// Replacing any one value of the real dataset with another JSON type never panics, and
    /// whatever survives is still internally consistent.
    #[test]
    fn mutated_datasets_never_panic(index in 0usize..4000, replacement in prop_oneof![
        Just(serde_json::Value::Null),
        Just(serde_json::json!(1)),
        Just(serde_json::json!("")),
        Just(serde_json::json!("x y")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]) {
        let mut value = support::palmyra_json();
        replace_nth(&mut value, &mut { index }, &replacement);
        let (dataset, _) = Dataset::parse(&value.to_string());
        if let Some(dataset) = dataset {
            for event in &dataset.events {
                for claim in &event.claims {
                    prop_assert!(dataset.source(&claim.by).is_some());
                    prop_assert!(dataset.document(&claim.document).is_some());
                }
            }
        }
    }

    /// Any state a link can hold prints to a query string that reads back as the same state.
    #[test]
    fn view_states_round_trip_through_links(
        event in proptest::option::of("[a-z0-9][a-z0-9._-]{0,30}"),
        claim in "[a-z0-9][a-z0-9_-]{0,20}",
        text in "[^\\p{Cc}]{0,40}",
        source in proptest::option::of("[a-z0-9][a-z0-9-]{0,20}"),
        kind in proptest::option::of("[^\\p{Cc}]{1,30}"),
        tag in proptest::option::of("[^\\p{Cc}]{1,30}"),
        from in proptest::option::of("(19|20)[0-9]{2}(-0[1-9])?"),
        embed in any::<bool>(),
    ) {
        let trimmed = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let mut filter = Filter::text(text.trim());
        filter.set(Facet::Source, source);
        filter.set(Facet::Kind, trimmed(kind));
        filter.set(Facet::Tag, trimmed(tag));
        let state = ViewState {
            claim: event.as_ref().map(|_| claim),
            event,
            filter,
            from: from.map(|f| EventDate::parse(&f).unwrap()),
            embed,
            ..ViewState::default()
        };
        let link = state.to_string();
        let read = ViewState::parse(&link);
        prop_assert_eq!(read, state, "link: {}", link);
    }

    /// Whatever a link says, reading it never panics and every parameter is used or named.
    #[test]
    fn any_query_string_is_read_without_panic(query in any::<String>()) {
        let state = ViewState::parse(&query);
        prop_assert!(state.ignored.len() <= query.split('&').count());
        let _ = state.to_string();
    }

    #[test]
    fn day_numbers_round_trip(n in -3_000_000i32..3_000_000) {
        prop_assert_eq!(Day::from_civil(Day(n).to_civil()), Some(Day(n)));
    }
}

/// Replaces the `n`th value (depth first) of `value` with `replacement`.
fn replace_nth(value: &mut serde_json::Value, n: &mut usize, replacement: &serde_json::Value) -> bool {
    if *n == 0 {
        *value = replacement.clone();
        return true;
    }
    *n -= 1;
    match value {
        serde_json::Value::Array(items) => items.iter_mut().any(|v| replace_nth(v, n, replacement)),
        serde_json::Value::Object(map) => map.values_mut().any(|v| replace_nth(v, n, replacement)),
        _ => false,
    }
}
