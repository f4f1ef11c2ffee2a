//! A large site's catalog, read tile by tile (`model::tiles`): its root first, then its tiles,
//! the one the page names first, [`DOWNLOADS`] at a time. The tiles that have arrived are read
//! one after the other in the same short tasks ([`TileReading`]), with no wait between two
//! tiles: a wait of a few milliseconds for each of 500 tiles made a 1,000,000-event site answer
//! 5 s later. Then the catalog is indexed, in tasks of its own.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::model::catalog::Indexing;
use crate::model::compiled::{self, checksum, CompiledError, HEADER};
use crate::model::tiles::{Root, TileReading, AHEAD, DOWNLOADS, ROOT_FILE};
use crate::model::{Catalog, DatasetOrigin, LoadFailure};
use crate::ui::tasks::{in_tasks, next_task, Steps};

use super::fetch::{Download, Report};

/// Why the catalog could not be read: the file at fault, and what went wrong.
pub type Failed = (String, LoadFailure);

/// Who hears, once, the catalog read or why there is none.
type Done = Box<dyn FnOnce(Result<Catalog, Failed>)>;

/// A catalog being read from its tiles. Dropping it stops the downloads and the reading.
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
    root_download: Option<Download>,
    reading: Option<TileReading>,
    /// The tiles not yet asked for, in the order to ask.
    waiting: VecDeque<usize>,
    downloads: Vec<(usize, Download)>,
    /// Tiles downloaded, not yet read.
    arrived: VecDeque<(usize, js_sys::ArrayBuffer)>,
    /// Whether tasks are reading the tiles that have arrived.
    busy: bool,
    progress: Rc<dyn Fn(f64, Option<f64>)>,
    done: Option<Done>,
}

impl Tiling {
    /// Starts reading the site's catalog from its tiles: `first`, if the page names the tile
    /// it needs, before the others. `progress` hears how many of the tiles' bytes are read, of
    /// how many; `done`, once, the catalog or why there is none.
    pub fn start(first: Option<usize>, progress: impl Fn(f64, Option<f64>) + 'static, done: impl FnOnce(Result<Catalog, Failed>) + 'static) -> Tiling {
        let state = Rc::new(RefCell::new(State {
            root_download: None,
            reading: None,
            waiting: VecDeque::new(),
            downloads: Vec::new(),
            arrived: VecDeque::new(),
            busy: false,
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
                                s.reading = Some(TileReading::new(root));
                            }
                            ask(&state);
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

/// Asks for the next tiles, while fewer than [`DOWNLOADS`] are under way and fewer than
/// [`AHEAD`] are under way or waiting to be read.
fn ask(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    while s.done.is_some() && s.downloads.len() < DOWNLOADS && s.downloads.len() + s.arrived.len() < AHEAD {
        let Some(at) = s.waiting.pop_front() else { break };
        let Some(file) = s.reading.as_ref().and_then(|r| r.root().tiles.get(at)).map(|t| t.file()) else { break };
        let weak = Rc::downgrade(state);
        let report = {
            let file = file.clone();
            move |report| {
                let Some(state) = weak.upgrade() else { return };
                match report {
                    Report::Progress { .. } => {}
                    Report::Done(bytes) => {
                        let start = {
                            let mut s = state.borrow_mut();
                            // Dropped a moment later, not from within its own listener.
                            if let Some(place) = s.downloads.iter().position(|(tile, _)| *tile == at) {
                                let (_, download) = s.downloads.swap_remove(place);
                                next_task(move || drop(download));
                            }
                            s.arrived.push_back((at, bytes));
                            !std::mem::replace(&mut s.busy, true)
                        };
                        if start {
                            read(&state);
                        }
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
}

/// What the reading tasks end with.
enum Read {
    /// Every tile that has arrived is read: the next to arrive starts them again.
    Waiting,
    All,
    Refused(String, CompiledError),
}

/// The tiles that have arrived, read in steps.
struct Reading(Rc<RefCell<State>>);

impl Steps for Reading {
    type Made = Read;

    fn step(&mut self) -> Option<Read> {
        let file = |reading: &TileReading, at: Option<usize>| at.and_then(|at| reading.root().tiles.get(at)).map_or_else(|| ROOT_FILE.to_string(), |t| t.file());
        let arrived = {
            let mut s = self.0.borrow_mut();
            let State { reading, arrived, .. } = &mut *s;
            let reading = reading.as_mut()?;
            if reading.is_reading() {
                let at = reading.tile_being_read();
                return reading.step(compiled::EVENTS_PER_STEP).err().map(|error| Read::Refused(file(reading, at), error));
            }
            arrived.pop_front()
        };
        let Some((at, bytes)) = arrived else {
            let s = self.0.borrow();
            return Some(if s.reading.as_ref().is_some_and(TileReading::is_done) { Read::All } else { Read::Waiting });
        };
        // Its place is free for the next download while it is read.
        ask(&self.0);
        let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
        let sum = bytes.get(HEADER..).map(checksum);
        let mut s = self.0.borrow_mut();
        let reading = s.reading.as_mut()?;
        reading.start(at, bytes, sum).err().map(|error| Read::Refused(file(reading, Some(at)), error))
    }
}

/// Reads the tiles that have arrived, in tasks, then asks for more; once all are read, indexes
/// the catalog and gives it.
fn read(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let current = move || weak.upgrade().is_some_and(|s| s.borrow().done.is_some());
    let next = state.clone();
    in_tasks(Reading(state.clone()), current.clone(), move |read| match read {
        Read::Waiting => {
            let (progress, done) = {
                let mut s = next.borrow_mut();
                s.busy = false;
                (s.progress.clone(), s.reading.as_ref().map(TileReading::progress))
            };
            if let Some((read, of)) = done {
                progress(read as f64, Some(of as f64));
            }
            ask(&next);
        }
        Read::All => {
            let reading = next.borrow_mut().reading.take();
            match reading.map(TileReading::finish) {
                Some(Ok(dataset)) => in_tasks(Indexing::new(dataset, DatasetOrigin::Bundled), current, move |catalog| {
                    next_task(move || finish(&next, Ok(catalog)));
                }),
                Some(Err(error)) => finish(&next, Err((ROOT_FILE.to_string(), LoadFailure::NotACatalog(error)))),
                None => {}
            }
        }
        Read::Refused(file, error) => finish(&next, Err((file, LoadFailure::NotACatalog(error)))),
    });
}
