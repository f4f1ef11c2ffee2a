//! Work spread over the page's tasks, so that it keeps answering: after the next frame is
//! painted, in a task of its own, or a step at a time in tasks of at most
//! [`compiled::TASK_MS`].

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::model::compiled;

/// Runs `work` once the next frame is painted: a frame, then a task after it.
///
/// Where nothing is painted ([`super::page::IN_BROWSER`]), nothing runs.
pub fn after_paint(work: impl FnOnce() + 'static) {
    if !super::page::IN_BROWSER {
        return;
    }
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}

/// Runs `work` in a task of its own, after whatever the page has to do.
///
/// Where nothing is painted ([`super::page::IN_BROWSER`]), there are no tasks and nothing runs.
pub fn next_task(work: impl FnOnce() + 'static) {
    if !super::page::IN_BROWSER {
        return;
    }
    set_timeout(work, Duration::ZERO);
}

/// A flag that turns true in the next task if `split`, at once if not: what a view draws
/// behind it is drawn then, in a task of its own, not in the one that draws the rest of the
/// page. (Split, the page moves as it comes: only a large dataset's is.) Rendered where
/// nothing is painted ([`super::page::IN_BROWSER`]), at build time, it is drawn at once.
pub fn next_task_flag(split: bool) -> RwSignal<bool> {
    let split = split && super::page::IN_BROWSER;
    let flag = RwSignal::new(!split);
    if split {
        next_task(move || {
            flag.try_set(true);
        });
    }
    flag
}

/// Work done a step at a time, until it gives what it made.
pub trait Steps: 'static {
    type Made: 'static;
    fn step(&mut self) -> Option<Self::Made>;
}

/// Steps that a closure takes: it gives what it made, or nothing while there is more to do.
pub struct Repeat<F>(pub F);

impl<M: 'static, F: FnMut() -> Option<M> + 'static> Steps for Repeat<F> {
    type Made = M;

    fn step(&mut self) -> Option<M> {
        (self.0)()
    }
}

/// Does `work` in tasks of at most [`compiled::TASK_MS`], then gives `done` what it made, in
/// the same task as its last step; stops between tasks once `current` says it is not wanted.
pub fn in_tasks<S: Steps>(work: S, current: impl Fn() -> bool + Clone + 'static, done: impl FnOnce(S::Made) + 'static) {
    // The loop is made once for each kind of work, not once for each pair of closures.
    in_tasks_dyn(work, Rc::new(current), Box::new(done));
}

fn in_tasks_dyn<S: Steps>(mut work: S, current: Rc<dyn Fn() -> bool>, done: Box<dyn FnOnce(S::Made)>) {
    next_task(move || {
        if !current() {
            return;
        }
        let started = js_sys::Date::now();
        loop {
            match work.step() {
                Some(made) => return done(made),
                None if js_sys::Date::now() - started < compiled::TASK_MS => {}
                None => return in_tasks_dyn(work, current, done),
            }
        }
    });
}
