//! What a reader sees if the app ever panics: a plain page saying so, with a way to reload and
//! the message to report, instead of a frozen screen.
//!
//! After a panic the wasm instance is finished (the release build aborts), so this page is
//! built with bare DOM calls, not with Leptos, and every string goes in as text.

use std::cell::RefCell;

thread_local! {
    /// The page written at build time that the app took the place of.
    static PAGE: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Keeps the page written at build time that the app took the place of, to show again under
/// the failure: a reader who came for one event can still read it.
pub fn keep_page(page: web_sys::Element) {
    PAGE.with(|kept| *kept.borrow_mut() = Some(page));
}

/// Installs the hook. Called first thing by `main`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_failure(&message);
    }));
}

fn show_failure(message: &str) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        show_failure_in(&body, message);
        if let Some(page) = PAGE.with(|kept| kept.borrow_mut().take()) {
            let _ = body.append_child(&page);
        }
    }
}

/// Replaces what `root` holds (the page's body, after a panic) with the failure page for
/// `message`.
pub fn show_failure_in(root: &web_sys::HtmlElement, message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(main) = document.create_element("main").ok() else { return };
    main.set_class_name("crashed");
    let _ = main.set_attribute("role", "alert");
    let parts = [
        element("h1", "Something went wrong"),
        element("p", "sourceline stopped because of a fault in the app, not in anything you did. Reloading the page usually helps. If it happens again, please report the message below."),
        element("pre", message),
    ];
    for part in parts.into_iter().flatten() {
        let _ = main.append_child(&part);
    }
    if let Some(button) = element("button", "Reload") {
        let _ = button.set_attribute("type", "button");
        // The page is finished: the listener is left in place for as long as it is shown.
        gloo_events::EventListener::new(&button, "click", |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        })
        .forget();
        let _ = main.append_child(&button);
    }
    root.set_text_content(None);
    let _ = root.append_child(&main);
}
