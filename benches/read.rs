//! How long reading a dataset takes, at 10,000 and 100,000 synthetic events: the text is
//! generated once, in memory, then read again and again. `Dataset::parse` is the reader alone;
//! `Catalog::read` is what the app does with a file, the reader and the indices built on it.
//!
//! `cargo bench --bench read` (the release profile, as the app ships; natively, not in wasm).
//! What is read is returned, so that freeing it is not timed.

use std::sync::LazyLock;

use divan::Bencher;
use sourceline::model::{compiled, Catalog, Dataset, DatasetOrigin};
use sourceline::synthetic;

fn main() {
    divan::main();
}

/// The sizes the browser benchmark also loads, above its smallest.
const EVENTS: [usize; 2] = [10_000, 100_000];

/// The synthetic datasets as the app would receive them, generated once for every benchmark.
static TEXTS: LazyLock<[String; 2]> = LazyLock::new(|| EVENTS.map(|events| synthetic::dataset(events, 1).to_string()));

fn text(events: usize) -> &'static str {
    let at = EVENTS.iter().position(|&n| n == events).unwrap_or(0);
    &TEXTS[at]
}

#[divan::bench(args = EVENTS, sample_count = 20)]
fn dataset_parse(bencher: Bencher, events: usize) {
    let text = text(events);
    bencher.bench(|| {
        let (dataset, problems) = Dataset::parse(divan::black_box(text));
        assert!(problems.is_empty() && dataset.is_some());
        dataset
    });
}

/// The same datasets compiled, as the build writes them for the app (`model::compiled`).
static CATALOGS: LazyLock<[Vec<u8>; 2]> =
    LazyLock::new(|| TEXTS.each_ref().map(|text| compiled::write(&Dataset::parse(text).0.unwrap_or_else(Dataset::empty))));

#[divan::bench(args = EVENTS, sample_count = 20)]
fn compiled_read(bencher: Bencher, events: usize) {
    let at = EVENTS.iter().position(|&n| n == events).unwrap_or(0);
    let bytes = &CATALOGS[at];
    bencher.bench(|| {
        let dataset = compiled::read(divan::black_box(bytes));
        assert!(dataset.is_ok());
        dataset
    });
}

#[divan::bench(args = EVENTS, sample_count = 20)]
fn catalog_read(bencher: Bencher, events: usize) {
    let text = text(events);
    bencher.bench(|| {
        let read = Catalog::read(divan::black_box(text), DatasetOrigin::File("synthetic.json".into()));
        assert!(read.as_ref().is_ok_and(|(_, problems)| problems.is_empty()));
        read
    });
}
