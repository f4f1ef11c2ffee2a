//! The bundled Palmyra dataset, checked against the article it is drawn from.
//!
//! The article lives beside the checkout at `../shared/source/palmyra-2017-03-02.txt` (CI always
//! has it there) and is never copied into the repository.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use sourceline::model::dataset::EMBEDDED_JSON;
use sourceline::model::{Attribution, ControlTrack, Dataset, DatePrecision, Stance};

fn dataset() -> Dataset {
    let (dataset, problems) = Dataset::parse(EMBEDDED_JSON);
    assert_eq!(problems, [], "the bundled dataset has problems");
    dataset.expect("the bundled dataset is readable")
}

fn article() -> String {
    let path = std::env::var_os("SOURCELINE_ARTICLE").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/source/palmyra-2017-03-02.txt")
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read the article at {}: {e}", path.display()))
}

/// The article's body paragraphs, numbered from 1 as the dataset's locators count them: the
/// non-empty lines after the skip link, the headline and the standfirst, without photo captions.
fn body_paragraphs(article: &str) -> Vec<&str> {
    article
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.ends_with("(AFP)"))
        .skip(3)
        .collect()
}

#[test]
fn the_bundled_dataset_has_no_problem() {
    let dataset = dataset();
    assert_eq!(dataset.documents.len(), 1);
    assert!(dataset.events.len() >= 12, "every datable event of the article is there");
}

#[test]
fn every_quote_is_verbatim_in_the_paragraph_its_locator_names() {
    let article = article();
    let paragraphs = body_paragraphs(&article);
    assert!(paragraphs[0].starts_with("Syrian troops"), "the body starts where the locators count from");
    let dataset = dataset();
    let mut quotes = 0;
    for event in &dataset.events {
        for claim in &event.claims {
            let at = format!("{}/{}", event.id, claim.id);
            let locator = claim.locator.as_deref().unwrap_or_else(|| panic!("{at} has no locator"));
            let number: usize = locator
                .strip_prefix("paragraph ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{at}: locator `{locator}` is not `paragraph N`"));
            let paragraph = paragraphs.get(number - 1).unwrap_or_else(|| panic!("{at}: no {locator}"));
            if let Some(quote) = &claim.quote {
                quotes += 1;
                assert!(paragraph.contains(quote.as_str()), "{at}: quote not verbatim in {locator}: {quote}");
                assert!(
                    paragraph.contains(&format!("\"{quote}")) || paragraph.contains(&format!("{quote}\"")),
                    "{at}: the article does not quote these words directly: {quote}"
                );
            }
        }
    }
    assert_eq!(quotes, 4, "the article quotes sources directly four times");
}

/// A regression guard for the one thing a dataset drawn from prose must not do: copy it.
#[test]
fn summaries_and_claim_texts_do_not_copy_the_article() {
    let article = article();
    let words: Vec<&str> = article.split_whitespace().collect();
    let dataset = dataset();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for event in &dataset.events {
        texts.push((format!("{}.summary", event.id), &event.summary));
        for claim in &event.claims {
            texts.push((format!("{}/{}.text", event.id, claim.id), &claim.text));
        }
    }
    // Eight consecutive words of the article appearing in a summary or claim text is copying.
    let mut copies = Vec::new();
    for window in words.windows(8) {
        let phrase = window.join(" ");
        copies.extend(texts.iter().filter(|(_, text)| text.contains(&phrase)).map(|(at, _)| format!("{at}: {phrase}")));
    }
    assert_eq!(copies, Vec::<String>::new(), "these copy the article");
}

#[test]
fn dates_are_as_precise_as_the_article_and_no_more() {
    let dataset = dataset();
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
    let dataset = dataset();
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
    let tracks = ControlTrack::all(&dataset());
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
    let ids: Vec<String> = dataset().events.iter().map(|e| e.id.clone()).collect();
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
