//! Component tests: mount real components in headless Chromium and read the DOM they produce.
//! Run by `./x test` as `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh container and returns the container.
fn mount<F, N>(view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let document = leptos::prelude::document();
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document.body().expect("the test page has a body").append_child(&container).expect("append");
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

#[wasm_bindgen_test]
fn app_names_the_product_and_the_bundled_dataset() {
    let root = mount(sourceline::ui::App);
    let heading = root.query_selector("h1").unwrap().expect("a top-level heading");
    assert_eq!(heading.text_content().as_deref(), Some("sourceline"));
    assert!(root.query_selector("main").unwrap().is_some(), "a main landmark");
}
