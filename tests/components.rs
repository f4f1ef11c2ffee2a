//! Component tests: mount real components in headless Chromium and read the DOM they produce.
//! Run by `./x test` as `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use sourceline::model::{Catalog, Dataset, DatasetOrigin};
use sourceline::ui::{DatasetView, Shell, Stage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A view mounted in a container of its own, unmounted when this is dropped.
struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts `view` into a fresh container. Keep what it returns for as long as the view should
/// stay in the page.
fn mount<F, N>(view: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    // Every app reads the address bar: start each from a plain address.
    let path = window().location().pathname().unwrap();
    window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    let document = leptos::prelude::document();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), view);
    Mounted { root, _handle: Box::new(handle) }
}

/// Mounts the app and waits until it has drawn all it draws.
async fn mount_app() -> Mounted {
    drawn(mount(app)).await
}

/// Waits until a mounted app has drawn all it draws: the filter menus and the list come a task
/// after the rest of the page.
async fn drawn(app: Mounted) -> Mounted {
    until("the list", || app.root.query_selector(".event-list").unwrap().is_some()).await;
    app
}

/// Waits until `done` holds, a page task at a time, for at most a thousand tasks.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..1000 {
        if done() {
            return;
        }
        next_task().await;
    }
    panic!("still waiting for {what} after a thousand tasks");
}

/// The page's next task.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The repository's dataset, as the app holds the dataset its site is built with.
fn palmyra() -> Catalog {
    let (dataset, problems) = Dataset::parse(include_str!("../data/palmyra.json"));
    assert!(problems.is_empty());
    Catalog::new(dataset.unwrap(), DatasetOrigin::Bundled)
}

/// The repository's dataset with each event `times` over, in the same order, each copy with an
/// id of its own: a large dataset.
fn palmyra_times(times: usize) -> Dataset {
    let mut dataset = palmyra().dataset;
    dataset.events = dataset
        .events
        .iter()
        .flat_map(|e| (0..times).map(move |k| sourceline::model::Event { id: format!("{}-{k}", e.id), ..e.clone() }))
        .collect();
    dataset
}

/// The app, opened over the repository's dataset as it opens over a site's.
fn app() -> impl IntoView {
    view! { <sourceline::ui::App stage=Stage::Ready(Arc::new(palmyra()), Vec::new())/> }
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn button_containing(root: &web_sys::HtmlElement, selector: &str, words: &str) -> web_sys::HtmlElement {
    all(root, selector)
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains(words))
        .unwrap_or_else(|| panic!("no {selector} with {words}"))
}

#[wasm_bindgen_test]
fn app_names_the_product_and_the_bundled_dataset() {
    let app = mount(app);
    let root = &app.root;
    assert_eq!(text(root, "h1"), "sourceline");
    assert_eq!(text(root, ".dataset-title"), "Palmyra changes hands, 2011–2017");
    assert!(root.query_selector("main").unwrap().is_some(), "a main landmark");
}

#[wasm_bindgen_test]
async fn the_list_shows_every_event_in_order() {
    let app = mount_app().await;
    let root = &app.root;
    let titles: Vec<String> = all(root, ".event-list li .title").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(titles.len(), 13);
    assert_eq!(titles.first().map(String::as_str), Some("Syria's civil war begins"));
    assert_eq!(titles.last().map(String::as_str), Some("The SDF offers to cede villages to the government"));
}

#[wasm_bindgen_test]
async fn picking_an_event_fills_the_panels_and_announces_it_briefly() {
    let app = mount_app().await;
    let root = &app.root;
    button_containing(root, ".event-list button", "IS retakes Palmyra").click();
    leptos::task::tick().await;
    assert_eq!(text(root, "#event-panel-heading"), "IS retakes Palmyra");
    assert!(text(root, ".event-panel").contains("December 2016"));
    assert_eq!(text(root, ".corroboration"), "1 originator supports this, 1 of them not a party to the conflict");
    assert_eq!(text(root, "[aria-live=polite]"), "Event 7 of 13: IS retakes Palmyra, December 2016");
}

#[wasm_bindgen_test]
async fn each_relay_chain_is_drawn_with_a_node_per_source_and_the_document() {
    let app = mount_app().await;
    let root = &app.root;
    button_containing(root, ".event-list button", "Syrian forces recapture Palmyra").click();
    leptos::task::tick().await;
    // The army's claim: the army originated it, SANA relayed it, AFP's report published it.
    let army = root.query_selector("#claim-army .chain[aria-label='Relay chain']").unwrap().expect("the army's chain");
    let nodes: Vec<(String, String)> = all(&army.unchecked_into(), "li")
        .iter()
        .map(|li| (li.class_name(), li.query_selector(".role").unwrap().unwrap().text_content().unwrap()))
        .collect();
    let roles: Vec<(&str, &str)> = nodes.iter().map(|(c, r)| (c.as_str(), r.as_str())).collect();
    assert_eq!(roles, [("originated", "originated"), ("relayed", "relayed"), ("document", "published in")]);
    // The names stay text, in order, for screen readers and copying.
    let chain = text(root, "#claim-army .chain");
    assert!(chain.contains("Syrian army") && chain.contains("SANA"), "{chain}");
    assert!(chain.find("Syrian army") < chain.find("SANA") && chain.find("SANA") < chain.find("Syrian forces recapture Palmyra once again"), "{chain}");
    // The claims differ here, so each says its stance in words.
    assert_eq!(all(root, ".claim .stance").len(), all(root, ".attribution-panel .claim").len());
}

#[wasm_bindgen_test]
async fn previous_and_next_step_through_the_events_in_order() {
    let app = mount(app);
    let root = &app.root;
    button_containing(root, ".stepper button", "Start with the first event").click();
    leptos::task::tick().await;
    assert_eq!(text(root, "#event-panel-heading"), "Syria's civil war begins");
    assert_eq!(text(root, ".stepper .position"), "Event 1 of 13");
    let previous = button_containing(root, ".stepper button", "Previous event");
    assert_eq!(previous.get_attribute("aria-disabled").as_deref(), Some("true"));
    button_containing(root, ".stepper button", "Next event").click();
    leptos::task::tick().await;
    assert_eq!(text(root, "#event-panel-heading"), "IS seizes Palmyra for the first time");
    assert_eq!(text(root, ".stepper .position"), "Event 2 of 13");
    assert_eq!(previous.get_attribute("aria-disabled"), None);
}

#[wasm_bindgen_test]
async fn search_narrows_the_list_and_the_count() {
    let app = mount_app().await;
    let root = &app.root;
    let input: web_sys::HtmlInputElement = root.query_selector("input[type=search]").unwrap().unwrap().unchecked_into();
    input.set_value("terrorists");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(text(root, ".match-count"), "1 of 13 events match");
    assert_eq!(all(root, ".event-list li").len(), 1);
}

/// Every string from data is text: markup in a dataset shows as characters and never
/// becomes elements.
#[wasm_bindgen_test]
async fn markup_in_a_dataset_is_shown_as_text() {
    let hostile = r#"<img src=x onerror="window.owned=1">"#;
    let json = serde_json::json!({
        "format": "sourceline/1", "title": hostile, "description": "d",
        "documents": [ { "id": "doc", "title": hostile, "published": "2017-03-02", "kind": "k" } ],
        "sources": [ { "id": "s", "name": hostile, "kind": hostile, "party": hostile } ],
        "events": [ { "id": "e", "date": "2017-03-02", "title": hostile, "summary": hostile, "place": hostile, "tags": [hostile],
            "claims": [ { "id": "c", "text": hostile, "quote": hostile, "by": "s", "in": "doc", "locator": hostile } ] } ]
    });
    let (dataset, problems) = Dataset::parse(&json.to_string());
    assert!(problems.is_empty(), "{problems:?}");
    let catalog = Arc::new(Catalog::new(dataset.unwrap(), DatasetOrigin::Bundled));
    let app = drawn(mount(move || view! { <Shell catalog=catalog/> })).await;
    let root = &app.root;
    button_containing(root, ".event-list button", "<img").click();
    leptos::task::tick().await;
    assert!(root.query_selector("img").unwrap().is_none(), "no element was made from data");
    assert_eq!(text(root, "#event-panel-heading"), hostile);
    assert_eq!(text(root, ".quote"), hostile);
    assert!(js_sys::Reflect::get(&window(), &"owned".into()).unwrap().is_undefined());
}

/// After a panic the page says so, with the message as text and a way to reload.
#[wasm_bindgen_test]
fn a_panic_leaves_a_page_that_says_what_happened() {
    let app = mount(|| view! { <p>"placeholder view"</p> });
    let root = &app.root;
    sourceline::ui::show_failure_in(root, "index out of bounds <b>here</b>");
    assert!(!root.text_content().unwrap_or_default().contains("placeholder view"), "the broken app is gone");
    let alert = root.query_selector("[role=alert]").unwrap().expect("the failure page");
    assert_eq!(alert.query_selector("h1").unwrap().unwrap().text_content().as_deref(), Some("Something went wrong"));
    assert_eq!(alert.query_selector("pre").unwrap().unwrap().text_content().as_deref(), Some("index out of bounds <b>here</b>"));
    assert!(alert.query_selector("b").unwrap().is_none(), "the message stays text");
    assert!(alert.query_selector("button").unwrap().is_some(), "a way to reload");
}

/// Opening another dataset replaces the app over the first, and the first is freed with it.
#[wasm_bindgen_test]
async fn opening_another_dataset_frees_the_first() {
    let first = Arc::new(palmyra());
    let weak = Arc::downgrade(&first);
    let stage = RwSignal::new(Stage::Ready(first, Vec::new()));
    let app = mount(move || view! { <DatasetView stage=stage/> });
    leptos::task::tick().await;
    assert_eq!(text(&app.root, ".dataset-title"), "Palmyra changes hands, 2011–2017");
    assert!(weak.upgrade().is_some(), "the app holds the dataset it shows");

    let second = Catalog::new(palmyra().dataset, DatasetOrigin::File("second.json".into()));
    stage.set(Stage::Ready(Arc::new(second), Vec::new()));
    leptos::task::tick().await;
    assert!(text(&app.root, ".provenance").contains("second.json"), "the second dataset is shown");
    assert!(weak.upgrade().is_none(), "nothing holds the first dataset any more");
}

/// Reads `bytes` as the app reads a catalog handed to it as JavaScript bytes: copied in slices
/// and read in steps, in tasks.
async fn read_in_tasks(bytes: &[u8]) -> Result<Catalog, sourceline::model::compiled::CompiledError> {
    let buffer = js_sys::Uint8Array::from(bytes).buffer();
    let read = std::rc::Rc::new(std::cell::RefCell::new(None));
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |yes, _| resolve = Some(yes));
    let (held, resolve) = (read.clone(), resolve.unwrap());
    sourceline::ui::read_catalog(buffer, DatasetOrigin::Bundled, || true, move |catalog| {
        *held.borrow_mut() = Some(catalog);
        resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    read.take().unwrap()
}

#[wasm_bindgen_test]
async fn a_catalog_read_in_tasks_is_the_catalog_read_whole() {
    use sourceline::model::compiled::{self, CompiledError, HEADER};
    // Each event 2,000 times over: a catalog of several slices and many steps.
    let dataset = palmyra_times(2000);
    let bytes = compiled::write(&dataset);
    assert!(bytes.len() > 4 << 20, "more than one slice: {} bytes", bytes.len());
    let catalog = read_in_tasks(&bytes).await.unwrap();
    assert_eq!(catalog.dataset, compiled::read(&bytes).unwrap());
    assert_eq!(catalog.dataset.events.len(), 26_000);
    // A byte changed past the first slice, where only the sum worked out slice by slice sees it.
    let mut changed = bytes.clone();
    changed[(5 << 20).min(bytes.len() - 1)] ^= 1;
    assert_eq!(read_in_tasks(&changed).await.err(), Some(CompiledError::Changed));
    assert_eq!(read_in_tasks(&bytes[..HEADER - 1]).await.err(), Some(CompiledError::Truncated("checksum")));
    assert_eq!(read_in_tasks(b"{}").await.err(), Some(CompiledError::NotACatalog));
}

/// The timeline's marks as drawn: each one's words and where it is.
fn marks(root: &web_sys::HtmlElement) -> Vec<(String, String)> {
    all(root, ".timeline ol.marks > li").iter().map(|li| (li.text_content().unwrap_or_default(), li.get_attribute("style").unwrap_or_default())).collect()
}

/// A large catalog shown behind its first screen, its timeline laid out in a task before the
/// one that draws it, is drawn as it is when shown alone.
#[wasm_bindgen_test]
async fn a_large_catalog_after_its_first_screen_is_drawn_as_it_is_alone() {
    use sourceline::model::start;
    use sourceline::ui::{DatasetSlot, Preview};
    let dataset = palmyra_times(500);
    assert!(start::is_large(dataset.events.len()));
    let whole = Arc::new(Catalog::new(dataset.clone(), DatasetOrigin::Bundled));
    let screen = Arc::new(Catalog::new(start::first_screen(&dataset), DatasetOrigin::Bundled));
    let held = std::rc::Rc::new(std::cell::Cell::new(None::<DatasetSlot>));
    let events = dataset.events.len();
    let app = {
        let held = held.clone();
        mount(move || {
            let preview = Preview { events, read: RwSignal::new((0.0, None)) };
            let slot = DatasetSlot::new(Stage::Preview(screen, preview));
            provide_context(slot);
            provide_context(slot.measured);
            held.set(Some(slot));
            view! { <DatasetView stage=slot.stage/> }
        })
    };
    let root = app.root.clone();
    until("the first screen's marks", || !marks(&root).is_empty()).await;
    held.get().unwrap().show(Stage::Ready(whole.clone(), Vec::new()));
    until("the whole catalog", || root.query_selector("main[aria-busy]").unwrap().is_none() && !marks(&root).is_empty()).await;
    let after_first_screen = marks(&root);

    let alone = mount(move || view! { <Shell catalog=whole/> });
    let root = alone.root.clone();
    until("the catalog alone", || !marks(&root).is_empty()).await;
    assert!(after_first_screen.len() > 5, "{after_first_screen:?}");
    assert_eq!(after_first_screen, marks(&root));
}
