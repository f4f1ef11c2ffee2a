//! Getting a dataset that is not the bundled one, and what the page shows meanwhile.
//!
//! - this file: the app's dataset slot, the stages a dataset goes through, and reading a
//!   compiled catalog in short tasks (the site's own, or one the reader's worker made);
//! - `fetch`: downloading a `?data=` file (or the site's catalog) from the app's own origin,
//!   with progress;
//! - `reader`: the worker that reads, checks and compiles a dataset file, away from the page;
//! - `tiles`: a large site's catalog, read from its tiles;
//! - `file`: the control that opens a file from the reader's device;
//! - `views`: progress, failure with every problem, and the banner over a loaded dataset.
//!
//! Every dataset is read by the same model code that checks the bundled one, and anything not
//! bundled is labelled as such.

pub(crate) mod fetch;
mod file;
mod reader;
mod tiles;
mod views;

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

pub use file::FileOpener;
pub use tiles::Tiling;
pub use views::{NotReady, Provenance};

use crate::model::compiled::{self, CompiledError, Summing, HEADER};
use crate::model::loading::{is_too_large, Opened};
use crate::model::start::is_large;
use crate::model::catalog::Indexing;
use crate::model::{Catalog, Dataset, DatasetOrigin, LoadFailure, Problem};
use crate::reader::Piece;
use crate::ui::tasks::{in_tasks, next_task, Steps};
use crate::ui::timeline::Measured;

/// Where the app's dataset is: being downloaded or read, failed, or ready to show.
#[derive(Clone)]
pub enum Stage {
    /// Bytes received, and the total when the server says it.
    Downloading { label: String, done: f64, total: Option<f64> },
    /// Downloaded or picked; being read and checked.
    Reading { label: String, bytes: usize },
    Failed { label: String, reason: LoadFailure, problems: Vec<Problem> },
    Ready(Arc<Catalog>, Vec<Problem>),
    /// A large site's first screen, over its start file's events, while the whole catalog is
    /// read (`model::start`).
    Preview(Arc<Catalog>, Preview),
}

/// What a first screen knows of the catalog being read: how many events it holds, and how far
/// its download has come (bytes, and the total when known).
#[derive(Clone, Copy)]
pub struct Preview {
    pub events: usize,
    pub read: RwSignal<(f64, Option<f64>)>,
}

/// The app's dataset slot, in context, so that opening a file can replace what is shown. It
/// lives as long as the app.
#[derive(Clone, Copy)]
pub struct DatasetSlot {
    pub stage: RwSignal<Stage>,
    /// Work under way for the slot: a download, a file being read, the reader's worker.
    /// Dropping it cancels it, so a new dataset replaces whatever was still loading.
    pending: StoredValue<Vec<Box<dyn Any>>, LocalStorage>,
    /// Counts the datasets asked for: the reading of one that another has replaced stops, and
    /// its end is not shown.
    asked: StoredValue<u64>,
    /// The timeline's size and font as last measured, kept from one dataset to the next.
    pub measured: Measured,
}

impl DatasetSlot {
    /// A slot at `stage`.
    pub fn new(stage: Stage) -> DatasetSlot {
        DatasetSlot { stage: RwSignal::new(stage), pending: StoredValue::new_local(Vec::new()), asked: StoredValue::new(0), measured: Measured::new() }
    }

    /// Moves to `stage`. A large catalog ready behind its first screen is shown two tasks
    /// later: its timeline is laid out in the first ([`Measured::prepare`]), so that the task
    /// that draws the page does not do that too. A dataset asked for in the meantime wins.
    pub fn show(&self, stage: Stage) {
        let previewing = self.stage.with_untracked(|s| matches!(s, Stage::Preview(..)));
        let catalog = match &stage {
            Stage::Ready(catalog, _) if previewing && is_large(catalog.dataset.events.len()) => catalog.clone(),
            _ => return self.stage.set(stage),
        };
        let (slot, this) = (*self, self.asked.get_value());
        let current = move || slot.asked.try_get_value() == Some(this);
        next_task(move || {
            if current() {
                slot.measured.prepare(&catalog);
                next_task(move || {
                    if current() {
                        slot.stage.set(stage);
                    }
                });
            }
        });
    }

    fn fail(&self, label: String, reason: LoadFailure) {
        self.stage.set(Stage::Failed { label, reason, problems: Vec::new() });
    }

    /// Starts on another dataset: what was under way for the last one stops, and a reader's
    /// worker starts at once, so that its code arrives while the file does. Returns the
    /// worker, or `None` after saying why there is none.
    fn ask(&self, origin: DatasetOrigin) -> Option<Rc<reader::Reader>> {
        self.pending.set_value(Vec::new());
        self.asked.update_value(|asked| *asked += 1);
        let (slot, this) = (*self, self.asked.get_value());
        let current = move || slot.asked.try_get_value() == Some(this);
        let label = origin.name().unwrap_or_default().to_string();
        // A large dataset's first screen, shown while the rest is read, as a large site's is.
        // It counts the parts read, and then joining and indexing them as one more.
        let preview = move |catalog, events| {
            let preview = Preview { events, read: RwSignal::new((0.0, Some(READING_STEPS))) };
            slot.stage.set(Stage::Preview(Arc::new(catalog), preview));
            preview
        };
        let joining = Joining::new(origin, current, preview, {
            let label = label.clone();
            move |read| {
                slot.show(match read {
                    Ok((catalog, problems)) => Stage::Ready(Arc::new(catalog), problems),
                    Err((error, problems)) => Stage::Failed { label, reason: error, problems },
                })
            }
        });
        let piece = {
            let joining = joining.clone();
            move |piece| Joining::arrive(&joining, piece)
        };
        let answered = move |answer| Joining::end(&joining, answer);
        match reader::Reader::start(piece, answered) {
            Ok(reader) => {
                let reader = Rc::new(reader);
                self.pending.update_value(|pending| pending.push(Box::new(reader.clone())));
                Some(reader)
            }
            Err(reason) => {
                self.fail(label, reason);
                None
            }
        }
    }

    /// Downloads the dataset a `?data=` link names, from this site only, and has it read.
    pub fn fetch(&self, path: String) {
        self.stage.set(Stage::Downloading { label: path.clone(), done: 0.0, total: None });
        let Some(reader) = self.ask(DatasetOrigin::Link(path.clone())) else { return };
        let (slot, label) = (*self, path.clone());
        let report = move |report| match report {
            fetch::Report::Progress { done, total } => slot.stage.set(Stage::Downloading { label: label.clone(), done, total }),
            fetch::Report::Done(bytes) => slot.read(&reader, label.clone(), bytes),
            fetch::Report::Failed(reason) => slot.fail(label.clone(), reason),
        };
        match fetch::Download::start(&path, true, report) {
            Ok(download) => self.pending.update_value(|pending| pending.push(Box::new(download))),
            Err(reason) => self.fail(path, reason),
        }
    }

    /// Reads a dataset file from the reader's device; nothing is sent anywhere.
    pub fn open_file(&self, file: web_sys::File) {
        let name = file.name();
        if is_too_large(file.size()) {
            self.fail(name, LoadFailure::TooLarge);
            return;
        }
        let Some(reader) = self.ask(DatasetOrigin::File(name.clone())) else { return };
        self.read(&reader, name, file.into());
    }

    /// Says that the file is being read, and hands it to the reader's worker, which reads its
    /// bytes: the page never holds them.
    fn read(&self, reader: &reader::Reader, label: String, file: web_sys::Blob) {
        self.stage.set(Stage::Reading { label, bytes: file.size() as usize });
        reader.read(file);
    }
}

/// What a first screen over a dataset from the reader's worker counts as it is read: each
/// part, then joining and indexing them.
const READING_STEPS: f64 = (compiled::PARTS + 1) as f64;

/// A catalog arriving in pieces from the reader's worker: a large dataset's first screen, then
/// its parts, each read as it comes, one after the other, in short tasks ([`read_dataset`]);
/// the first screen is shown as soon as it is read, and hears how many parts are; once the
/// worker is done and every part read, they are joined ([`compiled::join`]) and indexed, each
/// in a task of its own.
struct Joining {
    origin: Option<DatasetOrigin>,
    current: Rc<dyn Fn() -> bool>,
    waiting: std::collections::VecDeque<Piece>,
    read: Vec<Dataset>,
    reading: bool,
    /// Shows the first screen: its catalog, and how many events the whole holds.
    preview: Option<Box<dyn FnOnce(Catalog, usize) -> Preview>>,
    /// The first screen shown, if one is.
    previewed: Option<Preview>,
    /// What the worker said when it was done.
    end: Option<Opened<()>>,
    done: Option<Box<dyn FnOnce(Opened<Catalog>)>>,
}

impl Joining {
    fn new(
        origin: DatasetOrigin,
        current: impl Fn() -> bool + Copy + 'static,
        preview: impl FnOnce(Catalog, usize) -> Preview + 'static,
        done: impl FnOnce(Opened<Catalog>) + 'static,
    ) -> Rc<RefCell<Joining>> {
        Rc::new(RefCell::new(Joining {
            origin: Some(origin),
            current: Rc::new(current),
            waiting: Default::default(),
            read: Vec::new(),
            reading: false,
            preview: Some(Box::new(preview)),
            previewed: None,
            end: None,
            done: Some(Box::new(done)),
        }))
    }

    fn arrive(joining: &Rc<RefCell<Joining>>, piece: Piece) {
        joining.borrow_mut().waiting.push_back(piece);
        Joining::go_on(joining);
    }

    fn end(joining: &Rc<RefCell<Joining>>, said: Opened<()>) {
        joining.borrow_mut().end = Some(said);
        Joining::go_on(joining);
    }

    /// Reads the next part, if none is being read; or, once all are, joins them.
    fn go_on(joining: &Rc<RefCell<Joining>>) {
        let mut j = joining.borrow_mut();
        if j.reading {
            return;
        }
        if let Some(piece) = j.waiting.pop_front() {
            j.reading = true;
            let current = j.current.clone();
            let next = joining.clone();
            drop(j);
            let (bytes, first_screen) = match piece {
                Piece::Start(bytes, events) => (bytes, Some(events)),
                Piece::Part(bytes) => (bytes, None),
            };
            let still = current.clone();
            return read_dataset(bytes, move || current(), move |read| {
                let failed = {
                    let mut j = next.borrow_mut();
                    j.reading = false;
                    match (read, first_screen) {
                        // The first screen is only a head start: without it, the parts still come.
                        (Ok(screen), Some(events)) => {
                            let origin = j.origin.clone().filter(|_| still());
                            if let Some((preview, origin)) = j.preview.take().zip(origin) {
                                drop(j);
                                let shown = preview(Catalog::new(screen, origin), events);
                                next.borrow_mut().previewed = Some(shown);
                            }
                            None
                        }
                        (Err(_), Some(_)) => None,
                        (Ok(dataset), None) => {
                            j.read.push(dataset);
                            if let Some(preview) = j.previewed {
                                preview.read.set((j.read.len() as f64, Some(READING_STEPS)));
                            }
                            None
                        }
                        (Err(error), None) => Some(error),
                    }
                };
                match failed {
                    Some(error) => Joining::finish(&next, Err((LoadFailure::NotACatalog(error), Vec::new()))),
                    None => Joining::go_on(&next),
                }
            });
        }
        let Some(end) = j.end.take() else { return };
        let (parts, origin, j_current) = (std::mem::take(&mut j.read), j.origin.take(), j.current.clone());
        drop(j);
        match (end, origin) {
            (Ok(((), problems)), Some(origin)) => {
                // Joined, checked, indexed and drawn, each in tasks of their own.
                let (next, current) = (joining.clone(), j_current);
                let refused = move |next: &Rc<RefCell<Joining>>, error, problems| Joining::finish(next, Err((LoadFailure::NotACatalog(error), problems)));
                next_task(move || match compiled::join_parts(parts) {
                    Ok(dataset) => next_task(move || match compiled::check_whole(&dataset) {
                        Ok(()) => in_tasks(Indexing::new(dataset, origin), move || current(), move |catalog| {
                            next_task(move || Joining::finish(&next, Ok((catalog, problems))));
                        }),
                        Err(error) => refused(&next, error, problems),
                    }),
                    Err(error) => refused(&next, error, problems),
                });
            }
            (Err(failed), _) => Joining::finish(joining, Err(failed)),
            (Ok(_), None) => {}
        }
    }

    /// Tells whoever asked, once, unless the dataset is no longer wanted.
    fn finish(joining: &Rc<RefCell<Joining>>, read: Opened<Catalog>) {
        let (done, current) = {
            let mut j = joining.borrow_mut();
            (j.done.take(), j.current.clone())
        };
        if let Some(done) = done.filter(|_| current()) {
            done(read);
        }
    }
}

/// Reads a compiled catalog, handed over as JavaScript bytes, in tasks of at most
/// [`compiled::TASK_MS`], so that the page answers between them: the bytes are copied into the
/// app a slice at a time, the checksum worked out as they are ([`Summing`]); the events are
/// read a step at a time ([`compiled::Reading`]); what was read is indexed in a task of its
/// own. Then, in a task after that, `done` is told the catalog, or why the bytes were refused.
/// The work stops, and `done` is not told, once `current` says the catalog is no longer wanted.
pub fn read_catalog(
    bytes: js_sys::ArrayBuffer,
    origin: DatasetOrigin,
    current: impl Fn() -> bool + Copy + 'static,
    done: impl FnOnce(Result<Catalog, CompiledError>) + 'static,
) {
    read_dataset(bytes, current, move |read| match read {
        Ok(dataset) => in_tasks(Indexing::new(dataset, origin), current, move |catalog| next_task(move || done(Ok(catalog)))),
        Err(error) => done(Err(error)),
    });
}

/// Reads the dataset of a compiled catalog, handed over as JavaScript bytes, as
/// [`read_catalog`] does, and tells `done` in the task of the last step.
fn read_dataset(bytes: js_sys::ArrayBuffer, current: impl Fn() -> bool + Clone + 'static, done: impl FnOnce(Result<Dataset, CompiledError>) + 'static) {
    let copy = Copying { source: js_sys::Uint8Array::new(&bytes), bytes: Vec::new(), sum: Summing::new() };
    let still = current.clone();
    in_tasks(copy, current, move |(copied, sum)| match compiled::Reading::summed(copied, sum) {
        Ok(reading) => in_tasks(reading, still, done),
        Err(error) => done(Err(error)),
    });
}

/// How many bytes of a catalog are copied into the app in one step: a few milliseconds.
const SLICE_BYTES: usize = 4 << 20;

/// Bytes being copied from JavaScript into the app, and summed as they come.
struct Copying {
    source: js_sys::Uint8Array,
    bytes: Vec<u8>,
    sum: Summing,
}

impl Steps for Copying {
    /// The bytes, and the checksum of what follows their header (none if they end before).
    type Made = (Vec<u8>, Option<u64>);

    fn step(&mut self) -> Option<Self::Made> {
        let (at, len) = (self.bytes.len(), self.source.length() as usize);
        if at == len {
            let sum = (len >= HEADER).then(|| std::mem::take(&mut self.sum).finish());
            return Some((std::mem::take(&mut self.bytes), sum));
        }
        self.bytes.reserve_exact(len - at);
        let end = len.min(at + SLICE_BYTES);
        self.bytes.resize(end, 0);
        self.source.subarray(at as u32, end as u32).copy_to(&mut self.bytes[at..end]);
        if end > HEADER {
            self.sum.add(&self.bytes[at.max(HEADER)..end]);
        }
        None
    }
}

impl Steps for Indexing {
    type Made = Catalog;

    fn step(&mut self) -> Option<Catalog> {
        Indexing::step(self, compiled::EVENTS_PER_STEP)
    }
}

impl Steps for compiled::Reading<Vec<u8>> {
    type Made = Result<Dataset, CompiledError>;

    fn step(&mut self) -> Option<Self::Made> {
        compiled::Reading::step(self, compiled::EVENTS_PER_STEP).transpose()
    }
}
