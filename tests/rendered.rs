//! The app's components rendered natively to HTML, as a page written at build time would hold
//! them (Leptos's `ssr`): every text from data stays text, and the views are drawn as the
//! browser draws them when the app opens.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use leptos::prelude::*;
use sourceline::model::{start, Catalog, Dataset, DatasetOrigin, Event};
use sourceline::ui::{first_screen_html, Geometry, Shell, TextAdvance};

fn catalog(json: &str) -> Catalog {
    let (dataset, problems) = Dataset::parse(json);
    assert!(problems.is_empty(), "{problems:?}");
    Catalog::new(dataset.unwrap(), DatasetOrigin::Bundled)
}

fn shell(catalog: Catalog) -> String {
    Owner::new().with(|| view! { <Shell catalog=Arc::new(catalog)/> }.to_html())
}

#[test]
fn the_app_renders_with_every_text_from_data_as_text() {
    let html = shell(catalog(include_str!("fixtures/hostile.json")));
    // Every text of the fixture holds this markup; none of it may become markup. (Leptos
    // writes comments of its own, `<!>` and `<!--<() />-->`, never the data's.)
    for markup in ["<script>", "</script>", "<img", "<!-- ]]>"] {
        assert!(!html.contains(markup), "{markup} in {html}");
    }
    let title = r#"<p class="dataset-title">Hostile test &lt;/script&gt;&lt;script&gt;window.canary=1&lt;/script&gt;&lt;img src=x onerror="window.canary=2"&gt;&lt;!-- ]]&gt; ' " &amp; &amp;amp;</p>"#;
    assert!(html.contains(title), "{html}");
    // In attributes, quotes too.
    assert!(html.contains(r#"<option value="A town &lt;/script&gt;&lt;script&gt;window.canary=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.canary=2&quot;&gt;"#), "{html}");
}

#[test]
fn the_app_renders_as_it_opens() {
    let html = shell(catalog(include_str!("../data/palmyra.json")));
    assert!(html.contains("<h1>sourceline</h1>"), "{html}");
    assert!(html.contains("Palmyra changes hands, 2011–2017"));
    // The list of every event, and nothing selected.
    assert_eq!(html.matches("class=\"title\"").count(), 13, "{html}");
    assert!(html.contains("Select an event on the timeline or in the list"));
}

#[test]
fn a_large_sites_first_screen_renders_with_its_marks_in_place() {
    let mut dataset = catalog(include_str!("../data/palmyra.json")).dataset;
    dataset.events = dataset.events.iter().flat_map(|e| (0..500).map(move |k| Event { id: format!("{}-{k}", e.id), ..e.clone() })).collect();
    let screen = Catalog::new(start::first_screen(&dataset), DatasetOrigin::Bundled);
    let html = first_screen_html(Arc::new(screen), dataset.events.len(), Geometry { vertical: false, length: 766.0, breadth: 1.0 }, TextAdvance(|_| 7.0));
    // Busy and inert, counting nothing, as the browser draws it over the start file.
    assert!(html.contains("aria-busy=\"true\""), "{html}");
    assert!(html.contains("Reading all 6500 events"), "{html}");
    assert!(!html.contains("cluster"), "{html}");
    // Each mark where the layout put it, within the axis.
    let marks: Vec<&str> = html.split("<li class=\"mark").skip(1).collect();
    assert!(marks.len() > 5, "{html}");
    for mark in marks {
        let left = mark.split("left:").nth(1).and_then(|s| s.split("px").next()).and_then(|s| s.parse::<f64>().ok());
        assert!(left.is_some_and(|x| (0.0..=766.0).contains(&x)), "{mark}");
    }
}
