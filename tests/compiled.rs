//! Property tests of the compiled catalog (`model::compiled`): what it returns is what the
//! parsed dataset says, and any bytes given as a catalog give an error or a catalog the app can
//! show, never a panic.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use sourceline::model::compiled::{self, checksum, CompiledError, HEADER};
use sourceline::model::{Catalog, Dataset, DatasetOrigin};
use sourceline::synthetic;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500)
}

/// The catalog with its checksum made right for what it now holds, so that a change reaches
/// the reading of the parts instead of being refused at the checksum.
fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.len() >= HEADER {
        let sum = checksum(&bytes[HEADER..]);
        bytes[HEADER - 8..HEADER].copy_from_slice(&sum.to_le_bytes());
    }
    bytes
}

/// What the app relies on in a catalog it reads: every claim names a source and a document the
/// dataset has, every event has a claim, and the catalog it builds can be written and read again.
fn holds_together(dataset: &Dataset) -> Result<(), TestCaseError> {
    for event in &dataset.events {
        prop_assert!(!event.claims.is_empty());
        for claim in &event.claims {
            prop_assert!(dataset.source(&claim.by).is_some());
            prop_assert!(dataset.document(&claim.document).is_some());
            prop_assert!(claim.via.iter().all(|id| dataset.source(id).is_some()));
        }
    }
    prop_assert_eq!(&compiled::read(&compiled::write(dataset)), &Ok(dataset.clone()));
    let _ = Catalog::new(dataset.clone(), DatasetOrigin::Bundled);
    Ok(())
}

/// The bundled dataset's catalog, written once for every case that changes it.
fn palmyra_catalog() -> Vec<u8> {
    static CATALOG: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| compiled::write(&support::valid(&std::fs::read_to_string(support::PALMYRA_PATH).unwrap()))).clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Any valid dataset reads back from its catalog as the reader gave it.
    #[test]
    fn a_catalog_reads_back_as_the_dataset_it_was_written_from(events in 1usize..120, seed in any::<u64>()) {
        let text = synthetic::dataset(events, seed).to_string();
        let (dataset, problems) = Dataset::parse(&text);
        prop_assert!(problems.is_empty());
        let dataset = dataset.unwrap();
        prop_assert_eq!(compiled::read(&compiled::write(&dataset)), Ok(dataset));
    }

    /// A catalog written in parts of any size and read part by part is the dataset; parts of
    /// two datasets, or parts out of order, are refused.
    #[test]
    fn a_catalog_in_parts_reads_back_as_the_dataset(events in 1usize..60, seed in any::<u64>(), other in any::<u64>(), size in 1usize..40) {
        let read = |seed| Dataset::parse(&synthetic::dataset(events, seed).to_string()).0.unwrap();
        let dataset = read(seed);
        let parts: Vec<Vec<u8>> = compiled::write_parts(&dataset, size).collect();
        prop_assert!(!parts.is_empty() && parts.len() <= size.min(events));
        let each = |parts: &[Vec<u8>]| parts.iter().map(|p| compiled::read(p)).collect::<Result<Vec<_>, _>>();
        prop_assert_eq!(compiled::join(each(&parts).unwrap()), Ok(dataset.clone()));
        if parts.len() > 1 {
            let mut swapped = each(&parts).unwrap();
            swapped.swap(0, 1);
            let first_day = |d: &Dataset| d.events.first().map(|e| e.date.span().0);
            if first_day(&swapped[0]) > swapped[1].events.last().map(|e| e.date.span().0) {
                prop_assert!(compiled::join(swapped).is_err());
            }
            let other = read(other);
            let mut mixed = each(&parts).unwrap();
            mixed[1] = compiled::read(&compiled::write_parts(&other, size).nth(1).unwrap_or_else(|| compiled::write(&other))).unwrap();
            if other.sources != dataset.sources || other.documents != dataset.documents || other.title != dataset.title {
                prop_assert!(compiled::join(mixed).is_err());
            }
        }
        prop_assert!(compiled::join(Vec::new()).is_err());
    }

    #[test]
    fn any_bytes_are_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = compiled::read(&bytes);
        let mut catalog = compiled::MAGIC.to_vec();
        catalog.extend(compiled::VERSION.to_le_bytes());
        catalog.extend([0; 8]);
        catalog.extend(&bytes);
        if let Ok(dataset) = compiled::read(&resealed(catalog)) {
            holds_together(&dataset)?;
        }
    }

    /// The real catalog cut anywhere is refused: a catalog cut short never reads as a smaller one.
    #[test]
    fn a_catalog_cut_short_is_refused(cut in 0usize..4000) {
        let bytes = palmyra_catalog();
        let cut = cut % bytes.len();
        prop_assert!(compiled::read(&bytes[..cut]).is_err());
        prop_assert!(compiled::read(&resealed(bytes[..cut].to_vec())).is_err() || cut >= bytes.len());
    }

    /// Read a few events at a time, as the app reads the site's catalog so that the page can
    /// answer between the steps, a catalog gives what reading it whole gives: the same dataset,
    /// or, changed, the same refusal.
    #[test]
    fn a_catalog_read_in_steps_is_the_catalog_read_whole(events in 1usize..60, seed in any::<u64>(), step in 1usize..70, at in any::<usize>(), word in any::<u32>()) {
        let dataset = Dataset::parse(&synthetic::dataset(events, seed).to_string()).0.unwrap();
        let bytes = compiled::write(&dataset);
        let mut numbered = bytes.clone();
        let at = HEADER + at % (bytes.len() - HEADER - 3);
        numbered[at..at + 4].copy_from_slice(&word.to_le_bytes());
        for bytes in [bytes, resealed(numbered)] {
            let in_steps = compiled::Reading::new(bytes.as_slice()).and_then(|mut reading| {
                let mut seen = 0;
                loop {
                    if let Some(dataset) = reading.step(step)? {
                        return Ok(dataset);
                    }
                    let (read, of) = reading.progress();
                    assert!(read > seen && read < of, "each step reads more, and the last gives the dataset");
                    seen = read;
                }
            });
            prop_assert_eq!(in_steps, compiled::read(&bytes));
        }
    }

    /// The checksum worked out part by part, however the bytes are cut, is the checksum of the
    /// whole; a catalog read with the sum its copier worked out is the catalog read, and with
    /// any other sum it is refused as changed.
    #[test]
    fn a_checksum_in_parts_is_the_checksum_of_the_whole(bytes in proptest::collection::vec(any::<u8>(), 0..200), cuts in proptest::collection::vec(0usize..200, 0..6), other in any::<u64>()) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
        cuts.sort_unstable();
        let mut sum = compiled::Summing::new();
        let mut from = 0;
        for cut in cuts.into_iter().chain([bytes.len()]) {
            sum.add(&bytes[from..cut]);
            from = cut;
        }
        prop_assert_eq!(sum.finish(), checksum(&bytes));
        let catalog = palmyra_catalog();
        let right = checksum(&catalog[HEADER..]);
        prop_assert_eq!(compiled::Reading::summed(&catalog[..], Some(right)).and_then(|mut r| r.step(usize::MAX)), compiled::read(&catalog).map(Some));
        if other != right {
            prop_assert_eq!(compiled::Reading::summed(&catalog[..], Some(other)).err(), Some(CompiledError::Changed));
        }
    }

    /// A changed byte is refused by the checksum; with the checksum made right again, it is
    /// refused for what it breaks, or what it gives still holds together.
    #[test]
    fn a_changed_catalog_is_refused_or_holds_together(at in 0usize..100_000, value in any::<u8>(), word in any::<u32>()) {
        let bytes = palmyra_catalog();
        let at = HEADER + at % (bytes.len() - HEADER);
        let mut changed = bytes.clone();
        changed[at] = value;
        if changed != bytes {
            prop_assert_eq!(compiled::read(&changed), Err(CompiledError::Changed));
        }
        if let Ok(dataset) = compiled::read(&resealed(changed)) {
            holds_together(&dataset)?;
        }
        // A whole number replaced, where the numbers are: a count, a string or a source.
        let mut numbered = bytes.clone();
        let at = (at - HEADER) / 4 * 4 + HEADER;
        if at + 4 <= numbered.len() {
            numbered[at..at + 4].copy_from_slice(&word.to_le_bytes());
            if let Ok(dataset) = compiled::read(&resealed(numbered)) {
                holds_together(&dataset)?;
            }
        }
    }
}
