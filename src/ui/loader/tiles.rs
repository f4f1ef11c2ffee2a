//! A large site's catalog, read tile by tile (`model::tiles`): its root first, then its tiles,
//! the one the page names first, [`DOWNLOADS`] at a time, each read in short tasks as it
//! arrives and checked against the root, then all joined, checked as a whole and indexed, each
//! in tasks of their own.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::model::compiled::{self, HEADER};
use crate::model::tiles::{Root, DOWNLOADS, ROOT_FILE};
use crate::model::catalog::Indexing;
use crate::model::{Catalog, Dataset, DatasetOrigin, LoadFailure};
use crate::ui::tasks::{in_tasks, next_task};

use super::fetch::{Download, Report};

/// Why the catalog could not be read: the file at fault, and what went wrong.
pub type Failed = (String, LoadFailure);

/// Who hears, once, the catalog read or why there is none.
type Done = Box<dyn FnOnce(Result<Catalog, Failed>)>;

/// A catalog being read from its tiles. Dropping it stops the downloads.
pub struct Tiling(Rc<RefCell<State>>);

impl Drop for Tiling {
    fn drop(&mut self) {
        let mut state = self.0.borrow_mut();
        state.downloads.clear();
        state.root_download = None;
        state.done = None;
    }
}

struct State {
    root: Option<Rc<Root>>,
    root_download: Option<Download>,
    /// The tiles not yet asked for, in the order to ask.
    waiting: VecDeque<usize>,
    downloads: Vec<(usize, Download)>,
    /// Bytes of each tile received so far.
    received: Vec<f64>,
    arrived: VecDeque<(usize, js_sys::ArrayBuffer)>,
    reading: bool,
    read: Vec<Option<Dataset>>,
    progress: Rc<dyn Fn(f64, Option<f64>)>,
    done: Option<Done>,
}

impl Tiling {
    /// Starts reading the site's catalog from its tiles: `first`, if the page names the tile
    /// it needs, before the others. `progress` hears how many of the tiles' bytes have arrived,
    /// of how many; `done`, once, the catalog or why there is none.
    pub fn start(first: Option<usize>, progress: impl Fn(f64, Option<f64>) + 'static, done: impl FnOnce(Result<Catalog, Failed>) + 'static) -> Tiling {
        let state = Rc::new(RefCell::new(State {
            root: None,
            root_download: None,
            waiting: VecDeque::new(),
            downloads: Vec::new(),
            received: Vec::new(),
            arrived: VecDeque::new(),
            reading: false,
            read: Vec::new(),
            progress: Rc::new(progress),
            done: Some(Box::new(done)),
        }));
        let weak = Rc::downgrade(&state);
        let report = move |report| {
            let Some(state) = weak.upgrade() else { return };
            match report {
                Report::Progress { .. } => {}
                Report::Done(bytes) => {
                    let bytes: js_sys::ArrayBuffer = bytes;
                    match Root::read(&js_sys::Uint8Array::new(&bytes).to_vec()) {
                        Ok(root) => {
                            {
                                let mut s = state.borrow_mut();
                                s.waiting = root.order(first).into();
                                s.received = vec![0.0; root.tiles.len()];
                                s.read = (0..root.tiles.len()).map(|_| None).collect();
                                s.root = Some(Rc::new(root));
                            }
                            go_on(&state);
                        }
                        Err(error) => finish(&state, Err((ROOT_FILE.to_string(), LoadFailure::NotACatalog(error)))),
                    }
                }
                Report::Failed(reason) => finish(&state, Err((ROOT_FILE.to_string(), reason))),
            }
        };
        match Download::start(ROOT_FILE, false, report) {
            Ok(download) => state.borrow_mut().root_download = Some(download),
            Err(reason) => {
                let state = state.clone();
                next_task(move || finish(&state, Err((ROOT_FILE.to_string(), reason))));
            }
        }
        Tiling(state)
    }
}

/// Tells whoever asked, once; the downloads stop a moment later (not from within their own
/// listeners).
fn finish(state: &Rc<RefCell<State>>, read: Result<Catalog, Failed>) {
    let done = state.borrow_mut().done.take();
    let state = state.clone();
    next_task(move || {
        let mut s = state.borrow_mut();
        s.downloads.clear();
        s.root_download = None;
    });
    if let Some(done) = done {
        done(read);
    }
}

/// Asks for the next tiles, while fewer than [`DOWNLOADS`] are under way or waiting to be
/// read; reads the next one that has arrived, if none is being read; or, once all are read,
/// joins them.
fn go_on(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    let Some(root) = s.root.clone() else { return };
    if s.done.is_none() {
        return;
    }
    while s.downloads.len() + s.arrived.len() < DOWNLOADS {
        let Some(at) = s.waiting.pop_front() else { break };
        let file = root.tiles[at].file();
        let weak = Rc::downgrade(state);
        let report = {
            let file = file.clone();
            move |report| {
                let Some(state) = weak.upgrade() else { return };
                match report {
                    Report::Progress { done, .. } => {
                        let (progress, sum, total) = {
                            let mut s = state.borrow_mut();
                            s.received[at] = done;
                            (s.progress.clone(), s.received.iter().sum::<f64>(), s.root.as_ref().map(|r| r.bytes() as f64))
                        };
                        progress(sum, total);
                    }
                    Report::Done(bytes) => {
                        {
                            let mut s = state.borrow_mut();
                            // Dropped a moment later, not from within its own listener.
                            if let Some(place) = s.downloads.iter().position(|(tile, _)| *tile == at) {
                                let (_, download) = s.downloads.swap_remove(place);
                                next_task(move || drop(download));
                            }
                            s.arrived.push_back((at, bytes));
                        }
                        go_on(&state);
                    }
                    Report::Failed(reason) => finish(&state, Err((file.clone(), reason))),
                }
            }
        };
        match Download::start(&file, false, report) {
            Ok(download) => s.downloads.push((at, download)),
            Err(reason) => {
                drop(s);
                return finish(state, Err((file, reason)));
            }
        }
    }
    if s.reading {
        return;
    }
    if let Some((at, bytes)) = s.arrived.pop_front() {
        s.reading = true;
        drop(s);
        return read_tile(state, &root, at, bytes);
    }
    if s.waiting.is_empty() && s.downloads.is_empty() && s.read.iter().all(Option::is_some) {
        let tiles: Vec<Dataset> = s.read.iter_mut().filter_map(Option::take).collect();
        drop(s);
        join(state, root, tiles);
    }
}

/// Reads the tile at `at`, once its bytes are known to be the tile the root lists, then goes on.
fn read_tile(state: &Rc<RefCell<State>>, root: &Rc<Root>, at: usize, bytes: js_sys::ArrayBuffer) {
    let file = root.tiles[at].file();
    let source = js_sys::Uint8Array::new(&bytes);
    let start = source.subarray(0, HEADER.min(source.length() as usize) as u32).to_vec();
    if let Err(error) = root.is_tile(at, &start, source.length() as usize) {
        return finish(state, Err((file, LoadFailure::NotACatalog(error))));
    }
    let (next, root, weak) = (state.clone(), root.clone(), Rc::downgrade(state));
    let current = move || weak.upgrade().is_some_and(|s| s.borrow().done.is_some());
    super::read_dataset(bytes, current, move |read| match read.and_then(|tile| root.check_tile(at, &tile).map(|()| tile)) {
        Ok(tile) => {
            {
                let mut s = next.borrow_mut();
                s.read[at] = Some(tile);
                s.reading = false;
            }
            go_on(&next);
        }
        Err(error) => finish(&next, Err((file, LoadFailure::NotACatalog(error)))),
    });
}

/// Joins the tiles, checks what takes every event, and indexes the catalog, each in tasks of
/// their own.
fn join(state: &Rc<RefCell<State>>, root: Rc<Root>, tiles: Vec<Dataset>) {
    let weak = Rc::downgrade(state);
    let current = move || weak.upgrade().is_some_and(|s| s.borrow().done.is_some());
    let state = state.clone();
    let refused = |state: &Rc<RefCell<State>>, error| finish(state, Err((ROOT_FILE.to_string(), LoadFailure::NotACatalog(error))));
    next_task(move || match root.join_tiles(tiles) {
        Ok(dataset) => next_task(move || match compiled::check_whole(&dataset) {
            Ok(()) => in_tasks(Indexing::new(dataset, DatasetOrigin::Bundled), current, move |catalog| {
                next_task(move || finish(&state, Ok(catalog)));
            }),
            Err(error) => refused(&state, error),
        }),
        Err(error) => refused(&state, error),
    });
}
