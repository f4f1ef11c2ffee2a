//! The bundled Palmyra dataset: it reads without a problem and says what the article says.
//!
//! The checks against the article's text itself are in `article.rs`, which skips them when the
//! article is not beside the checkout.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use sourceline::model::{Attribution, ControlTrack, DatePrecision, Stance};
use support::{contested, palmyra};

#[test]
fn the_bundled_dataset_has_no_problem() {
    let dataset = palmyra();
    assert_eq!(dataset.documents.len(), 1);
    assert!(dataset.events.len() >= 12, "every datable event of the article is there");
}

#[test]
fn dates_are_as_precise_as_the_article_and_no_more() {
    let dataset = palmyra();
    let check = |id: &str, edtf: &str, precision: DatePrecision, human: &str| {
        let event = dataset.event(id).unwrap_or_else(|| panic!("no event {id}"));
        assert_eq!(event.date.as_str(), edtf, "{id}");
        assert_eq!(event.date.precision(), precision, "{id}");
        assert_eq!(event.date.human(), human, "{id}");
    };
    // "on Thursday", the day of publication.
    check("palmyra-recaptured", "2017-03-02", DatePrecision::Day, "2 March 2017");
    // "late on Wednesday": the day before.
    check("western-breakthrough", "2017-03-01", DatePrecision::Day, "1 March 2017");
    // "last December", from March 2017.
    check("is-retakes-palmyra", "2016-12", DatePrecision::Month, "December 2016");
    check("is-seizes-palmyra", "2015-05", DatePrecision::Month, "May 2015");
    check("is-driven-out", "2016-03", DatePrecision::Month, "March 2016");
    check("russian-air-campaign", "2015-09", DatePrecision::Month, "September 2015");
    // "last year".
    check("aleppo", "2016", DatePrecision::Year, "2016");
    // "in late August", with no year: the last one before publication.
    check("turkish-operation", "2016-08-21~/2016-08-31", DatePrecision::Day, "about late August 2016");
    // "six-year civil war".
    check("civil-war", "2011~", DatePrecision::Year, "about 2011");
    check("sdf-cedes-villages", "[..2017-03-02]", DatePrecision::Day, "on or before 2 March 2017");
}

#[test]
fn disagreeing_sources_stand_side_by_side_on_the_recapture() {
    let dataset = palmyra();
    let event = dataset.event("palmyra-recaptured").unwrap();
    let attribution = Attribution::of(&dataset, event);
    let originators: Vec<&str> = attribution.groups.iter().map(|g| g.originator.id.as_str()).collect();
    assert_eq!(originators, ["shoigu", "syrian-army", "sohr", "rami-abdel-rahman"]);
    let chain = |claim: &str| -> Vec<String> {
        let attributed = attribution.groups.iter().flat_map(|g| &g.claims).find(|c| c.claim.id == claim).unwrap();
        attributed.chain.iter().map(|s| s.name.clone()).collect()
    };
    assert_eq!(chain("army"), ["Syrian army", "SANA"]);
    assert_eq!(chain("kremlin"), ["Sergei Shoigu", "The Kremlin", "News agencies in Moscow"]);
    assert_eq!(event.claim("not-whole-city").unwrap().stance, Stance::Qualifies);
    // Russia, the Syrian army, and the Observatory (once, though its director speaks too).
    let c = attribution.corroboration;
    assert_eq!((c.originators, c.independent, c.disputing, c.contested), (3, 1, 0, true));
}

#[test]
fn palmyra_changes_hands_four_times() {
    let tracks = ControlTrack::all(&palmyra());
    assert_eq!(tracks.len(), 1);
    let holders: Vec<(&str, &str)> =
        tracks[0].segments.iter().map(|s| (s.since.as_str(), s.holder.as_str())).collect();
    assert_eq!(
        holders,
        [
            ("2015-05", "Islamic State"),
            ("2016-03", "Syrian government"),
            ("2016-12", "Islamic State"),
            ("2017-03-02", "Syrian government")
        ]
    );
}

#[test]
fn events_are_in_chronological_order() {
    let ids: Vec<String> = palmyra().events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "civil-war",
            "is-seizes-palmyra",
            "russian-air-campaign",
            "aleppo",
            "is-driven-out",
            "turkish-operation",
            "is-retakes-palmyra",
            "desert-push",
            "western-breakthrough",
            "palmyra-recaptured",
            "mine-clearing",
            "russian-strikes-continue",
            "sdf-cedes-villages"
        ]
    );
}

#[test]
fn sources_and_documents_are_found_by_id_even_after_the_lists_change() {
    let mut dataset = contested();
    let ids: Vec<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    for id in &ids {
        assert_eq!(dataset.source(id).map(|s| &s.id), Some(id));
    }
    let document = dataset.documents[0].id.clone();
    assert_eq!(dataset.document(&document).map(|d| &d.id), Some(&document));
    assert!(dataset.source("nobody").is_none());

    // The lists are public: a lookup made before they change must not answer wrongly after.
    dataset.sources.reverse();
    let mut added = dataset.sources[0].clone();
    added.id = "added".to_string();
    dataset.sources.push(added);
    for id in ids.iter().chain(std::iter::once(&"added".to_string())) {
        assert_eq!(dataset.source(id).map(|s| &s.id), Some(id));
    }
    dataset.documents.clear();
    assert!(dataset.document(&document).is_none());
}
