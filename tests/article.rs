//! The bundled Palmyra dataset checked against the article it is drawn from: every quote is
//! verbatim in the paragraph its locator names, and no summary or claim text copies the
//! article's prose.
//!
//! The article is never copied into the repository. It is read from the file named by
//! `SOURCELINE_ARTICLE`, or else from `../shared/source/palmyra-2017-03-02.txt` beside the
//! checkout. When it is not there, the checks are reported as ignored and a line says why, so
//! that a clone anywhere else still passes; with `SOURCELINE_REQUIRE_ARTICLE=1` (CI sets it, and
//! always has the article) they fail instead.
//!
//! A custom harness (libtest-mimic) is what lets a check be ignored for a reason known only at
//! run time while the summary stays libtest's `test result: …` line, which `./x` counts.

#[cfg(not(target_arch = "wasm32"))]
mod support;

// The harness is native only; browser test runs never build this file for real.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::sync::Arc;

    use libtest_mimic::{Arguments, Failed, Trial};

    use super::support;

    /// Names the article file, for running the checks from a clone anywhere.
    const ARTICLE_VAR: &str = "SOURCELINE_ARTICLE";
    /// Set to `1` to fail, rather than skip, when the article is absent.
    const REQUIRE_VAR: &str = "SOURCELINE_REQUIRE_ARTICLE";

    /// A check of the dataset against the article's text.
    type Check = fn(&str) -> Result<(), Failed>;

    /// Each check, by the name the harness reports.
    const CHECKS: [(&str, Check); 2] = [
        ("every_quote_is_verbatim_in_the_paragraph_its_locator_names", every_quote_is_verbatim),
        ("summaries_and_claim_texts_do_not_copy_the_article", nothing_copies_the_article),
    ];

    pub fn main() -> ExitCode {
        let args = Arguments::from_args();
        let path = article_path();
        let required = std::env::var(REQUIRE_VAR).is_ok_and(|v| v == "1");
        let article = std::fs::read_to_string(&path).map_err(|e| {
            let why = format!("no article at {} ({e})", path.display());
            if required { format!("{why}, and {REQUIRE_VAR}=1 requires it") } else { why }
        });
        let skipped = article.is_err() && !required;
        // Listing must print the tests alone: tools such as nextest read that output.
        if !args.list {
            if skipped {
                println!(
                    "article checks skipped: no article at {}; set {ARTICLE_VAR}=/path/to/palmyra-2017-03-02.txt to run them",
                    path.display()
                );
            } else if let Err(why) = &article {
                println!("article checks fail: {why}");
            }
        }
        let article = Arc::new(article);
        let trials = CHECKS
            .into_iter()
            .map(|(name, check)| {
                let article = Arc::clone(&article);
                Trial::test(name, move || match article.as_ref() {
                    Ok(text) => check(text),
                    Err(why) => Err(why.into()),
                })
                .with_ignored_flag(skipped)
            })
            .collect();
        libtest_mimic::run(&args, trials).exit_code()
    }

    fn article_path() -> PathBuf {
        // The checkout is read when the tests run (cargo sets CARGO_MANIFEST_DIR for them), not
        // when they were built: a test binary reused from another checkout's build must not
        // look beside that one.
        let checkout = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
        std::env::var_os(ARTICLE_VAR)
            .map(PathBuf::from)
            .unwrap_or_else(|| checkout.join("../shared/source/palmyra-2017-03-02.txt"))
    }

    /// The article's body paragraphs, numbered from 1 as the dataset's locators count them:
    /// the non-empty lines after the skip link, the headline and the standfirst, without photo
    /// captions.
    fn body_paragraphs(article: &str) -> Vec<&str> {
        article
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.ends_with("(AFP)"))
            .skip(3)
            .collect()
    }

    /// Passes when nothing is wrong, or fails listing everything that is.
    fn verdict(wrong: Vec<String>) -> Result<(), Failed> {
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(wrong.join("\n").into())
        }
    }

    fn every_quote_is_verbatim(article: &str) -> Result<(), Failed> {
        let paragraphs = body_paragraphs(article);
        if !paragraphs.first().is_some_and(|p| p.starts_with("Syrian troops")) {
            return Err("the body does not start where the locators count from".into());
        }
        let dataset = support::palmyra();
        let mut quotes = 0;
        let mut wrong = Vec::new();
        for event in &dataset.events {
            for claim in &event.claims {
                let at = format!("{}/{}", event.id, claim.id);
                let Some(locator) = claim.locator.as_deref() else {
                    wrong.push(format!("{at} has no locator"));
                    continue;
                };
                let Some(number) = locator.strip_prefix("paragraph ").and_then(|n| n.parse::<usize>().ok()) else {
                    wrong.push(format!("{at}: locator `{locator}` is not `paragraph N`"));
                    continue;
                };
                let Some(paragraph) = number.checked_sub(1).and_then(|i| paragraphs.get(i)) else {
                    wrong.push(format!("{at}: no {locator}"));
                    continue;
                };
                let Some(quote) = &claim.quote else { continue };
                quotes += 1;
                if !paragraph.contains(quote.as_str()) {
                    wrong.push(format!("{at}: quote not verbatim in {locator}: {quote}"));
                } else if !paragraph.contains(&format!("\"{quote}")) && !paragraph.contains(&format!("{quote}\"")) {
                    wrong.push(format!("{at}: the article does not quote these words directly: {quote}"));
                }
            }
        }
        if quotes != 4 {
            wrong.push(format!("the article quotes sources directly four times; the dataset has {quotes} quotes"));
        }
        verdict(wrong)
    }

    /// A regression guard for the one thing a dataset drawn from prose must not do: copy it.
    fn nothing_copies_the_article(article: &str) -> Result<(), Failed> {
        let words: Vec<&str> = article.split_whitespace().collect();
        let dataset = support::palmyra();
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
            copies.extend(texts.iter().filter(|(_, text)| text.contains(&phrase)).map(|(at, _)| format!("{at} copies: {phrase}")));
        }
        verdict(copies)
    }
}
