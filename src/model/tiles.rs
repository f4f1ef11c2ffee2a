//! A large site's catalog in time tiles, as a map is served in tiles: a reader downloads the
//! small root first, then the tiles, each a few dozen kilobytes, the one it needs first.
//!
//! Above [`start::START_ABOVE`] events `site` writes no single catalog. It writes the events in
//! chronological tiles of [`TILE_EVENTS`], each a compiled catalog of its own with the
//! dataset's head, documents and sources ([`compiled::write_range`]), named by its checksum in
//! [`TILES_DIR`] (so a host's or a reader's cache never mixes two builds, and a build after a
//! change writes only the tiles that changed); and a root, [`ROOT_FILE`], that lists them:
//!
//! ```text
//! magic "SLTIX" 0 · version u16 · checksum u64 (of everything after it, compiled::checksum)
//! tiles (count), then for each: its checksum, first day, last day (zigzag), events, bytes
//! ```
//!
//! Numbers are LEB128 varints, as in a compiled catalog. The root is read whole (a few
//! kilobytes at 1,000,000 events); each tile is read with [`compiled::Reading`] and checked
//! against the root ([`Root::check_tile`]) before the tiles are joined in order
//! ([`compiled::join`]). A root that is cut short, changed, or lists what no dataset could be
//! tiled into (a tile with no events, days out of order) is refused, as is a tile that is not
//! the one the root lists at its place: bytes never read as a wrong picture.
//!
//! [`start::START_ABOVE`]: super::start::START_ABOVE

use std::ops::Range;

use super::compiled::{self, checksum, invalid, Column, CompiledError, Cursor, HEADER};
use super::dataset::Dataset;
use super::date::{chronological_key, Day};

/// The root, beside the pages.
pub const ROOT_FILE: &str = "_tiles.slroot";

/// The folder of the tiles, beside the pages.
pub const TILES_DIR: &str = "_tiles";

/// How many events a tile holds at most: 440 KB, 77 KB gzip, of the generator's events, read
/// by a browser in a few tasks (ARCHITECTURE.md, "Tiles").
pub const TILE_EVENTS: usize = 2_000;

/// How many tiles a reader downloads at once: as many as a browser opens connections to one
/// host over HTTP/1.1.
pub const DOWNLOADS: usize = 6;

/// How many tiles a reader holds downloaded or under way but not yet read: enough that reading
/// never waits for a download a connection could have made, few enough (about 5 MB) that a
/// large dataset is never all in memory twice.
pub const AHEAD: usize = 12;

/// What every root starts with.
pub const MAGIC: &[u8; 6] = b"SLTIX\0";

/// The version of the root's layout this code writes and reads.
pub const VERSION: u16 = 1;

/// One tile as the root lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    /// The checksum its header holds, which names its file.
    pub sum: u64,
    /// The first day of its first event.
    pub first: Day,
    /// The last day any of its events reaches.
    pub last: Day,
    pub events: usize,
    pub bytes: usize,
}

impl Tile {
    /// Its file, relative to the pages: `_tiles/0123456789abcdef.slcat`.
    pub fn file(&self) -> String {
        format!("{TILES_DIR}/{:016x}.slcat", self.sum)
    }
}

/// The root: the tiles in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub tiles: Vec<Tile>,
}

/// The events of each tile of a dataset of `events` events: [`TILE_EVENTS`] each, in order,
/// the last one shorter; at least one tile.
pub fn ranges(events: usize) -> Vec<Range<usize>> {
    ranges_of(events, TILE_EVENTS)
}

/// [`ranges`] of `each` events (at least one).
pub fn ranges_of(events: usize, each: usize) -> Vec<Range<usize>> {
    let each = each.max(1);
    let tiles = events.div_ceil(each).max(1);
    (0..tiles).map(|t| t * each..((t + 1) * each).min(events)).collect()
}

/// The tile of the events `range` of `dataset`, with its entry in the root.
pub fn tile(dataset: &Dataset, range: Range<usize>) -> (Tile, Vec<u8>) {
    let events = &dataset.events[range.clone()];
    let bytes = compiled::write_range(dataset, range);
    let first = events.first().map_or(Day(0), |e| e.date.span().0);
    let last = events.iter().map(|e| e.date.span().1).max().unwrap_or(first);
    let tile = Tile { sum: header_sum(&bytes).unwrap_or_default(), first, last, events: events.len(), bytes: bytes.len() };
    (tile, bytes)
}

/// The whole dataset as its root and its tiles, in order.
pub fn write(dataset: &Dataset) -> (Root, Vec<Vec<u8>>) {
    write_in(dataset, TILE_EVENTS)
}

/// [`write`], in tiles of `each` events.
pub fn write_in(dataset: &Dataset, each: usize) -> (Root, Vec<Vec<u8>>) {
    let (tiles, bytes) = ranges_of(dataset.events.len(), each).into_iter().map(|range| tile(dataset, range)).unzip();
    (Root { tiles }, bytes)
}

/// The checksum a compiled catalog's header holds, if it is long enough to hold one.
pub fn header_sum(bytes: &[u8]) -> Option<u64> {
    bytes.get(HEADER - 8..HEADER).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes)
}

fn zigzag(n: i32) -> u64 {
    u64::from(((n << 1) ^ (n >> 31)) as u32)
}

fn unzigzag(n: u64) -> Option<i32> {
    let n = u32::try_from(n).ok()?;
    Some(((n >> 1) as i32) ^ -((n & 1) as i32))
}

impl Root {
    /// How many events the tiles hold.
    pub fn events(&self) -> usize {
        self.tiles.iter().map(|t| t.events).sum()
    }

    /// How many bytes the tiles are, together.
    pub fn bytes(&self) -> usize {
        self.tiles.iter().map(|t| t.bytes).sum()
    }

    /// The tile that holds the event at `index` in the dataset's order.
    pub fn tile_of(&self, index: usize) -> Option<usize> {
        let mut before = 0;
        self.tiles.iter().position(|t| {
            before += t.events;
            index < before
        })
    }

    /// The order to fetch the tiles in: `first`, if given, then the others from the start.
    pub fn order(&self, first: Option<usize>) -> Vec<usize> {
        let first = first.filter(|&f| f < self.tiles.len());
        first.into_iter().chain((0..self.tiles.len()).filter(|&t| Some(t) != first)).collect()
    }

    /// The root as bytes.
    pub fn write(&self) -> Vec<u8> {
        let mut body = Column::default();
        body.number(self.tiles.len() as u64);
        for t in &self.tiles {
            body.number(t.sum);
            body.number(zigzag(t.first.0));
            body.number(zigzag(t.last.0));
            body.number(t.events as u64);
            body.number(t.bytes as u64);
        }
        let mut out = MAGIC.to_vec();
        out.extend(VERSION.to_le_bytes());
        out.extend(checksum(&body.0).to_le_bytes());
        out.extend(body.0);
        out
    }

    /// Reads a root, or says why the bytes are not one.
    pub fn read(bytes: &[u8]) -> Result<Root, CompiledError> {
        compiled::check_kind(bytes, MAGIC, VERSION)?;
        let body = bytes.get(HEADER..).ok_or(CompiledError::Truncated("checksum"))?;
        if header_sum(bytes) != Some(checksum(body)) {
            return Err(CompiledError::Changed);
        }
        let mut cursor = Cursor { name: "tiles", bytes: body, at: 0 };
        // Each tile takes at least five bytes.
        let count = cursor.count(body.len() / 5)?;
        let mut tiles = Vec::with_capacity(count);
        for at in 0..count {
            let sum = cursor.number()?;
            let mut day = || cursor.number().map(unzigzag).and_then(|d| d.map(Day).ok_or(CompiledError::OutOfRange("tiles", at)));
            let (first, last) = (day()?, day()?);
            // At most 4 GB a tile, so that no sum over the tiles can overflow.
            let events = cursor.count(u32::MAX as usize)?;
            let bytes = cursor.count(u32::MAX as usize)?;
            if events == 0 || bytes < HEADER || last < first {
                return Err(invalid("a tile holds no event, no catalog, or ends before it starts", format_args!("tiles[{at}]")));
            }
            if tiles.last().is_some_and(|before: &Tile| before.first > first) {
                return Err(invalid("the tiles are not in chronological order", format_args!("tiles[{at}]")));
            }
            tiles.push(Tile { sum, first, last, events, bytes });
        }
        if tiles.is_empty() {
            return Err(CompiledError::Truncated("tiles"));
        }
        if cursor.at != body.len() {
            return Err(invalid("the root goes on after its last tile", "tiles"));
        }
        Ok(Root { tiles })
    }

    /// Whether bytes downloaded as the tile at `at`, `len` of them starting with `start`, are
    /// that tile: as long as the root says, and the checksum in their header the one it lists
    /// (the header's own check, that the bytes are what was written, is
    /// [`compiled::Reading`]'s).
    pub fn is_tile(&self, at: usize, start: &[u8], len: usize) -> Result<(), CompiledError> {
        let tile = self.tiles.get(at).ok_or(CompiledError::OutOfRange("tiles", at))?;
        if header_sum(start) != Some(tile.sum) || len != tile.bytes {
            return Err(invalid("a tile is not the one the root lists", format_args!("tiles[{at}]")));
        }
        Ok(())
    }

    /// Whether `dataset`, read from the tile at `at`, holds what the root says it does.
    pub fn check_tile(&self, at: usize, dataset: &Dataset) -> Result<(), CompiledError> {
        let tile = self.tiles.get(at).ok_or(CompiledError::OutOfRange("tiles", at))?;
        let first = dataset.events.first().map(|e| e.date.span().0);
        let last = dataset.events.iter().map(|e| e.date.span().1).max();
        if dataset.events.len() != tile.events || first != Some(tile.first) || last != Some(tile.last) {
            return Err(invalid("a tile holds other events than the root lists", format_args!("tiles[{at}]")));
        }
        Ok(())
    }

    /// The dataset of every tile, read (in the root's order) and checked against the root.
    pub fn join(&self, tiles: Vec<Dataset>) -> Result<Dataset, CompiledError> {
        let whole = self.join_tiles(tiles)?;
        compiled::check_whole(&whole)?;
        Ok(whole)
    }

    /// The first half of [`Root::join`], for a page that does each in a task of its own: the
    /// tiles checked against the root and made one, the rules that take every event
    /// ([`compiled::check_whole`]) not yet checked.
    pub fn join_tiles(&self, tiles: Vec<Dataset>) -> Result<Dataset, CompiledError> {
        if tiles.len() != self.tiles.len() {
            return Err(CompiledError::Truncated("tiles"));
        }
        for (at, tile) in tiles.iter().enumerate() {
            self.check_tile(at, tile)?;
        }
        compiled::join_parts(tiles)
    }
}

/// A catalog being read from its tiles as they arrive, in any order, a step at a time, so that a
/// page can answer between the steps: each tile is checked against the root as it starts
/// ([`Root::is_tile`]) and once read ([`Root::check_tile`]); the tiles read are joined in the
/// root's order as soon as those before them are, and the rules that take every event (ids
/// unique, time order) are checked as they are. What it gives, and where it refuses the bytes,
/// is what [`Root::join`] of the tiles read whole does.
pub struct TileReading {
    root: Root,
    /// The tile being read, and where.
    reading: Option<(usize, compiled::Reading<Vec<u8>>)>,
    /// Tiles read, not yet joined (a tile read before those before it).
    read: Vec<Option<Dataset>>,
    /// The tiles joined so far: the head of the first, and the events of each in order.
    whole: Option<Dataset>,
    joined: usize,
    names: rustc_hash::FxHashSet<u64>,
    same_hash: bool,
}

impl TileReading {
    pub fn new(root: Root) -> TileReading {
        let tiles = root.tiles.len();
        TileReading { root, reading: None, read: (0..tiles).map(|_| None).collect(), whole: None, joined: 0, names: Default::default(), same_hash: false }
    }

    pub fn root(&self) -> &Root {
        &self.root
    }

    /// The tile being read, if one is.
    pub fn tile_being_read(&self) -> Option<usize> {
        self.reading.as_ref().map(|(at, _)| *at)
    }

    /// Whether a tile is being read: [`TileReading::step`] has work.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Starts reading `bytes` as the tile at `at`, given the [`checksum`] of what follows their
    /// header (worked out as they were copied), unless they are not the tile the root lists there.
    pub fn start(&mut self, at: usize, bytes: Vec<u8>, sum_of_body: Option<u64>) -> Result<(), CompiledError> {
        self.root.is_tile(at, &bytes, bytes.len())?;
        if self.reading.is_some() || self.read.get(at).is_none_or(Option::is_some) || at < self.joined {
            return Err(invalid("a tile came twice", format_args!("tiles[{at}]")));
        }
        self.reading = Some((at, compiled::Reading::summed(bytes, sum_of_body)?));
        Ok(())
    }

    /// Reads up to `events` more events of the tile being read; once it is read, checks it
    /// and joins it, with any tiles after it read already.
    pub fn step(&mut self, events: usize) -> Result<(), CompiledError> {
        let Some((at, reading)) = &mut self.reading else { return Ok(()) };
        let at = *at;
        let Some(tile) = reading.step(events)? else { return Ok(()) };
        self.reading = None;
        self.root.check_tile(at, &tile)?;
        self.read[at] = Some(tile);
        while let Some(tile) = self.read.get_mut(self.joined).and_then(Option::take) {
            self.join(tile)?;
        }
        Ok(())
    }

    fn join(&mut self, tile: Dataset) -> Result<(), CompiledError> {
        use std::hash::BuildHasher;
        let at = self.joined;
        for event in &tile.events {
            self.same_hash |= !self.names.insert(rustc_hash::FxBuildHasher.hash_one(super::ids::PageName(&event.id)));
        }
        match &mut self.whole {
            None => {
                let mut whole = tile;
                whole.events.reserve_exact(self.root.events().saturating_sub(whole.events.len()));
                self.whole = Some(whole);
            }
            Some(whole) => {
                let same = tile.title == whole.title && tile.description == whole.description && tile.documents == whole.documents && tile.sources == whole.sources;
                if !same {
                    return Err(invalid("the parts are of different datasets", format_args!("parts[{at}]")));
                }
                let keys = whole.events.last().zip(tile.events.first()).map(|(a, b)| (chronological_key(&a.date), chronological_key(&b.date)));
                if keys.is_some_and(|(last, first)| last > first) {
                    return Err(invalid("the events are not in chronological order", "events"));
                }
                whole.events.extend(tile.events);
            }
        }
        self.joined += 1;
        Ok(())
    }

    /// Whether every tile is read and joined.
    pub fn is_done(&self) -> bool {
        self.joined == self.root.tiles.len()
    }

    /// How many of the tiles' bytes are read, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let read = self.root.tiles.iter().zip(&self.read).enumerate().filter(|(at, (_, r))| *at < self.joined || r.is_some()).map(|(_, (t, _))| t.bytes).sum();
        (read, self.root.bytes())
    }

    /// The dataset, once every tile is read and joined ([`TileReading::is_done`]): two page names of
    /// one hash send the check of unique ids to the whole list.
    pub fn finish(self) -> Result<Dataset, CompiledError> {
        if !self.is_done() {
            return Err(CompiledError::Truncated("tiles"));
        }
        let whole = self.whole.ok_or(CompiledError::Truncated("tiles"))?;
        if self.same_hash {
            compiled::check_whole(&whole)?;
        }
        Ok(whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures;

    #[test]
    fn a_root_lists_its_tiles_and_reads_back() {
        let dataset = fixtures::palmyra();
        let (root, tiles) = write(&dataset);
        assert_eq!(root.tiles.len(), 1);
        assert_eq!(root.events(), dataset.events.len());
        assert_eq!(root.tiles[0].file(), format!("_tiles/{:016x}.slcat", root.tiles[0].sum));
        assert_eq!(Root::read(&root.write()), Ok(root.clone()));
        let read: Vec<Dataset> = tiles.iter().map(|t| compiled::read(t).unwrap()).collect();
        assert_eq!(root.join(read), Ok(dataset));
        assert_eq!(ranges(4_001), vec![0..2_000, 2_000..4_000, 4_000..4_001]);
        assert_eq!(ranges(0), vec![0..0]);
    }

    #[test]
    fn the_tile_an_event_is_in_comes_first() {
        let tile = |events| Tile { sum: 0, first: Day(0), last: Day(0), events, bytes: HEADER };
        let root = Root { tiles: vec![tile(2), tile(2), tile(1)] };
        assert_eq!([0, 1, 2, 3, 4, 5].map(|i| root.tile_of(i)), [Some(0), Some(0), Some(1), Some(1), Some(2), None]);
        assert_eq!(root.order(Some(1)), vec![1, 0, 2]);
        assert_eq!(root.order(None), vec![0, 1, 2]);
        assert_eq!(root.order(Some(7)), vec![0, 1, 2]);
    }

    #[test]
    fn what_is_not_a_root_is_refused_with_a_reason() {
        let (root, tiles) = write(&fixtures::palmyra());
        let bytes = root.write();
        assert_eq!(Root::read(b""), Err(CompiledError::NotACatalog));
        assert_eq!(Root::read(&tiles[0]), Err(CompiledError::NotACatalog));
        assert_eq!(Root::read(&bytes[..bytes.len() - 1]), Err(CompiledError::Changed));
        let mut other = bytes.clone();
        other[MAGIC.len()] = 9;
        assert_eq!(Root::read(&other), Err(CompiledError::OtherVersion(9)));
        // A tile of another build, in its place, is refused by the root.
        let mut another = tiles[0].clone();
        let last = another.len() - 1;
        another[last] ^= 1;
        let sum = checksum(&another[HEADER..]);
        another[HEADER - 8..HEADER].copy_from_slice(&sum.to_le_bytes());
        assert!(root.is_tile(0, &tiles[0][..HEADER], tiles[0].len()).is_ok());
        assert!(matches!(root.is_tile(0, &another, another.len()), Err(CompiledError::Invalid(_, at)) if at == "tiles[0]"));
        assert!(root.is_tile(0, &tiles[0], tiles[0].len() + 1).is_err());
        assert!(root.is_tile(1, &tiles[0], tiles[0].len()).is_err());
    }
}
