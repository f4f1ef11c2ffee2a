//! Getting a dataset that is not the bundled one, and what the page shows meanwhile.
//!
//! - this file: the app's dataset slot, the stages a dataset goes through, and reading it;
//! - `fetch`: downloading a `?data=` file from the app's own origin, with progress;
//! - `file`: the control that opens a file from the reader's device;
//! - `views`: progress, failure with every problem, and the banner over a loaded dataset.
//!
//! Every dataset is read by the same model code that checks the bundled one, and anything not
//! bundled is labelled as such.

pub(crate) mod fetch;
mod file;
mod views;

use std::sync::Arc;

use leptos::prelude::*;

pub use file::FileOpener;
pub use views::{NotReady, Provenance};

use crate::model::loading::{dataset_text, is_too_large};
use crate::model::{Catalog, DatasetOrigin, LoadFailure, Problem};

/// Where the app's dataset is: being downloaded or read, failed, or ready to show.
#[derive(Clone)]
pub enum Stage {
    /// Bytes received, and the total when the server says it.
    Downloading { label: String, done: f64, total: Option<f64> },
    /// Downloaded or picked; being read and checked.
    Reading { label: String, bytes: usize },
    Failed { label: String, reason: LoadFailure, problems: Vec<Problem> },
    Ready(Arc<Catalog>, Vec<Problem>),
}

/// Work under way for the slot. Dropping it cancels it, so a new dataset replaces whatever
/// was still loading.
enum Pending {
    Download { _download: fetch::Download },
    File { _reader: gloo_file::callbacks::FileReader },
}

/// The app's dataset slot, in context, so that opening a file can replace what is shown. It
/// lives as long as the app.
#[derive(Clone, Copy)]
pub struct DatasetSlot {
    pub stage: RwSignal<Stage>,
    pending: StoredValue<Option<Pending>, LocalStorage>,
}

impl DatasetSlot {
    /// A slot at `stage`.
    pub fn new(stage: Stage) -> DatasetSlot {
        DatasetSlot { stage: RwSignal::new(stage), pending: StoredValue::new_local(None) }
    }

    fn fail(&self, label: String, reason: LoadFailure) {
        self.stage.set(Stage::Failed { label, reason, problems: Vec::new() });
    }

    /// Downloads the dataset a `?data=` link names, from this site only.
    pub fn fetch(&self, path: String) {
        self.stage.set(Stage::Downloading { label: path.clone(), done: 0.0, total: None });
        let (slot, label) = (*self, path.clone());
        let report = move |report| match report {
            fetch::Report::Progress { done, total } => slot.stage.set(Stage::Downloading { label: label.clone(), done, total }),
            fetch::Report::Done(bytes) => slot.read_later(dataset_text(bytes), DatasetOrigin::Link(label.clone())),
            fetch::Report::Failed(reason) => slot.fail(label.clone(), reason),
        };
        match fetch::Download::start(&path, true, report) {
            Ok(download) => self.pending.set_value(Some(Pending::Download { _download: download })),
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
        let slot = *self;
        // Bytes, not text, as for a download: one copy into WebAssembly.
        let reader = gloo_file::callbacks::read_as_bytes(&file.into(), move |bytes| match bytes {
            Ok(bytes) => slot.read_later(dataset_text(bytes), DatasetOrigin::File(name)),
            Err(_) => slot.fail(name, LoadFailure::CannotRead),
        });
        self.pending.set_value(Some(Pending::File { _reader: reader }));
    }

    /// Says that `text` is being read, gives the page a frame to show it, then reads it.
    fn read_later(&self, text: String, origin: DatasetOrigin) {
        let label = origin.name().unwrap_or_default().to_string();
        self.stage.set(Stage::Reading { label: label.clone(), bytes: text.len() });
        let stage = self.stage;
        crate::ui::after_paint(move || {
            stage.set(match Catalog::read(&text, origin) {
                Ok((catalog, problems)) => Stage::Ready(Arc::new(catalog), problems),
                Err((reason, problems)) => Stage::Failed { label, reason, problems },
            })
        });
    }
}
