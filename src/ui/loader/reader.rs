//! The dataset reader's worker, from the page's side (see [`crate::reader`]): started as soon
//! as a dataset is asked for, so that its code is fetched while the file downloads; given the
//! file's bytes when they are here; it hands over the compiled catalog part by part, then says
//! it is done, and stops.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Blob;
use wasm_bindgen::JsCast;

use crate::model::loading::Opened;
use crate::model::LoadFailure;
use crate::reader::{decode, Piece, Said, READY, SCRIPT};

/// What the reader says once every part is handed over: the problems found, or why nothing
/// can be shown, with its problems.
pub type Answer = Opened<()>;

struct Talk {
    ready: bool,
    /// The file given before the worker was ready.
    waiting: Option<Blob>,
    answered: Option<Box<dyn FnOnce(Answer)>>,
}

/// A reader at work. Dropping it stops its worker.
pub struct Reader {
    worker: web_sys::Worker,
    talk: Rc<RefCell<Talk>>,
    _listeners: [EventListener; 2],
}

impl Drop for Reader {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Reader {
    /// Starts the worker, which hands each piece of what it compiles from the bytes it is given
    /// (the first screen, then each part of the catalog) to `piece`, then tells `answered` the
    /// problems it found, or why nothing can be shown.
    pub fn start(piece: impl Fn(Piece) + 'static, answered: impl FnOnce(Answer) + 'static) -> Result<Reader, LoadFailure> {
        let worker = web_sys::Worker::new(SCRIPT).map_err(|_| LoadFailure::NoReader)?;
        let talk = Rc::new(RefCell::new(Talk { ready: false, waiting: None, answered: Some(Box::new(answered)) }));
        let message = {
            let (worker, talk) = (worker.clone(), talk.clone());
            EventListener::new(&worker.clone(), "message", move |e| {
                let Some(data) = e.dyn_ref::<web_sys::MessageEvent>().map(|e| e.data()) else { return };
                if data.as_string().as_deref() == Some(READY) {
                    let waiting = {
                        let mut talk = talk.borrow_mut();
                        talk.ready = true;
                        talk.waiting.take()
                    };
                    if let Some(file) = waiting {
                        give(&worker, &talk, file);
                    }
                    return;
                }
                match decode(&data) {
                    Said::Piece(given) => piece(given),
                    // Done, after which the worker, and the memory it read with, go.
                    Said::Done(answer) => finish(&worker, &talk, answer),
                }
            })
        };
        let error = {
            let (worker, talk) = (worker.clone(), talk.clone());
            EventListener::new(&worker.clone(), "error", move |_| finish(&worker, &talk, Err((LoadFailure::NoReader, Vec::new()))))
        };
        Ok(Reader { worker, talk, _listeners: [message, error] })
    }

    /// Gives the worker a dataset file (downloaded or opened), now or as soon as it is ready:
    /// a handle on its bytes, which the worker reads.
    pub fn read(&self, file: Blob) {
        let ready = self.talk.borrow().ready;
        if ready {
            give(&self.worker, &self.talk, file);
        } else {
            self.talk.borrow_mut().waiting = Some(file);
        }
    }
}

fn give(worker: &web_sys::Worker, talk: &RefCell<Talk>, file: Blob) {
    if worker.post_message(&file).is_err() {
        finish(worker, talk, Err((LoadFailure::NoReader, Vec::new())));
    }
}

/// Stops the worker, and tells whoever asked what came of it, once.
fn finish(worker: &web_sys::Worker, talk: &RefCell<Talk>, answer: Answer) {
    worker.terminate();
    let answered = talk.borrow_mut().answered.take();
    if let Some(answered) = answered {
        answered(answer);
    }
}
