//! The Leptos user interface. Components render what the model derives; they hold no rules.

use leptos::prelude::*;

use crate::model::Dataset;

/// The whole app: a header naming the dataset, and the main view.
#[component]
pub fn App() -> impl IntoView {
    let title = Dataset::embedded().title;
    view! {
        <header class="masthead">
            <h1>"sourceline"</h1>
            <p class="dataset-title">{title}</p>
        </header>
        <main id="main">
            <p>"The timeline will appear here."</p>
        </main>
    }
}
