//! Property tests of a large site's tiles (`model::tiles`): the tiles, read and joined in the
//! root's order, are the dataset; the root counts what they hold; and any bytes given as a root
//! or a tile give an error or what holds together, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sourceline::model::compiled::{self, checksum, HEADER};
use sourceline::model::tiles::{self, Root, Tile, TileReading};
use sourceline::model::Dataset;
use sourceline::synthetic;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(500)
}

fn dataset(events: usize, seed: u64) -> Dataset {
    Dataset::parse(&synthetic::dataset(events, seed).to_string()).0.unwrap()
}

/// The bytes with the checksum after their header made right for what they now hold.
fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.len() >= HEADER {
        let sum = checksum(&bytes[HEADER..]);
        bytes[HEADER - 8..HEADER].copy_from_slice(&sum.to_le_bytes());
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Any valid dataset, in tiles of any size: each tile is what the root lists at its place,
    /// the root counts the events, their days and bytes, says which tile holds each event, and
    /// reads back as written; the tiles read and joined are the dataset.
    #[test]
    fn tiles_joined_are_the_dataset_and_the_root_counts_them(events in 1usize..90, seed in any::<u64>(), each in 1usize..40) {
        let dataset = dataset(events, seed);
        let (root, bytes) = tiles::write_in(&dataset, each);
        prop_assert_eq!(root.tiles.len(), events.div_ceil(each));
        prop_assert_eq!(root.events(), events);
        prop_assert_eq!(root.bytes(), bytes.iter().map(Vec::len).sum::<usize>());
        prop_assert_eq!(Root::read(&root.write()), Ok(root.clone()));
        let mut read = Vec::new();
        for (at, (tile, bytes)) in root.tiles.iter().zip(&bytes).enumerate() {
            prop_assert!(root.is_tile(at, &bytes[..HEADER], bytes.len()).is_ok());
            let part = compiled::read(bytes).unwrap();
            prop_assert!(root.check_tile(at, &part).is_ok());
            prop_assert_eq!(tile.first, part.events[0].date.span().0);
            prop_assert_eq!(tile.last, part.events.iter().map(|e| e.date.span().1).max().unwrap());
            read.push(part);
        }
        for index in 0..events {
            prop_assert_eq!(root.tile_of(index), Some(index / each));
        }
        prop_assert_eq!(root.tile_of(events), None);
        prop_assert_eq!(root.join(read.clone()), Ok(dataset));
        // Tiles missing, or in another order, are refused (tiles swapped are told apart by
        // their days and counts; by their bytes, before, by their checksums).
        if read.len() > 1 {
            let mut swapped = read.clone();
            swapped.swap(0, 1);
            let alike = (root.tiles[0].first, root.tiles[0].last, root.tiles[0].events) == (root.tiles[1].first, root.tiles[1].last, root.tiles[1].events);
            prop_assert!(root.join(swapped).is_err() || alike);
            read.pop();
            prop_assert!(root.join(read).is_err());
        }
    }

    /// Tiles read as a page reads them, arriving in any order and a few events at a step, give
    /// the dataset; a tile given twice, or one that is not the root's, is refused.
    #[test]
    fn tiles_read_in_steps_in_any_order_are_the_dataset(events in 1usize..80, seed in any::<u64>(), each in 1usize..30, step in 1usize..40, order in any::<u64>()) {
        let dataset = dataset(events, seed);
        let (root, bytes) = tiles::write_in(&dataset, each);
        let mut arrival: Vec<usize> = (0..bytes.len()).collect();
        let mut rng = order;
        for i in (1..arrival.len()).rev() {
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            arrival.swap(i, (rng >> 33) as usize % (i + 1));
        }
        let mut reading = TileReading::new(root.clone());
        for &at in &arrival {
            prop_assert!(!reading.is_done());
            reading.start(at, bytes[at].clone(), Some(checksum(&bytes[at][HEADER..]))).unwrap();
            prop_assert!(reading.start(at, bytes[at].clone(), Some(checksum(&bytes[at][HEADER..]))).is_err());
            while reading.is_reading() {
                reading.step(step).unwrap();
            }
            prop_assert!(reading.start(at, bytes[at].clone(), Some(checksum(&bytes[at][HEADER..]))).is_err());
        }
        prop_assert_eq!(reading.progress(), (root.bytes(), root.bytes()));
        prop_assert!(reading.is_done());
        prop_assert_eq!(reading.finish(), Ok(dataset));
        if bytes.len() > 1 {
            let mut other = TileReading::new(root.clone());
            prop_assert!(other.start(0, bytes[1].clone(), Some(checksum(&bytes[1][HEADER..]))).is_err());
            prop_assert!(other.finish().is_err());
        }
    }

    /// A tile of another dataset, or another tile, in a tile's place is refused.
    #[test]
    fn a_tile_the_root_does_not_list_is_refused(events in 2usize..60, seed in any::<u64>(), other in any::<u64>(), each in 1usize..30) {
        let (root, bytes) = tiles::write_in(&dataset(events, seed), each);
        let (_, others) = tiles::write_in(&dataset(events, other), each);
        for (at, tile) in others.iter().enumerate() {
            if *tile != bytes[at] {
                prop_assert!(root.is_tile(at, tile, tile.len()).is_err());
            }
        }
        if bytes.len() > 1 && bytes[0] != bytes[1] {
            prop_assert!(root.is_tile(1, &bytes[0], bytes[0].len()).is_err());
        }
    }

    /// Any bytes given as a root are refused or read as a root that holds together and reads
    /// back as itself.
    #[test]
    fn any_bytes_as_a_root_are_refused_or_a_root(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Root::read(&bytes);
        let mut root = tiles::MAGIC.to_vec();
        root.extend(tiles::VERSION.to_le_bytes());
        root.extend([0; 8]);
        root.extend(&bytes);
        if let Ok(read) = Root::read(&resealed(root.clone())) {
            prop_assert_eq!(Root::read(&read.write()), Ok(read.clone()));
            prop_assert!(read.tiles.iter().all(|t| t.events > 0 && t.first <= t.last && t.bytes >= HEADER));
            prop_assert!(read.tiles.windows(2).all(|w| w[0].first <= w[1].first));
            let _ = (read.events(), read.bytes(), read.order(Some(0)), read.tile_of(usize::MAX));
        }
    }

    /// A real root changed anywhere is refused by its checksum; resealed, it is refused or
    /// still a root; a tile of any bytes is refused by the root, never a panic.
    #[test]
    fn a_changed_root_or_tile_is_refused_or_holds_together(at in any::<usize>(), value in any::<u8>(), tile in proptest::collection::vec(any::<u8>(), 0..200)) {
        let (root, _) = tiles::write_in(&dataset(30, 4), 7);
        let bytes = root.write();
        let at = HEADER + at % (bytes.len() - HEADER);
        let mut changed = bytes.clone();
        changed[at] = value;
        if changed != bytes {
            prop_assert!(Root::read(&changed).is_err());
        }
        if let Ok(read) = Root::read(&resealed(changed)) {
            prop_assert!(read.tiles.iter().all(|t: &Tile| t.events > 0));
        }
        for at in 0..root.tiles.len() + 1 {
            prop_assert!(root.is_tile(at, &tile, tile.len()).is_err());
        }
    }
}
