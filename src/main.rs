//! The browser entry point: install the panic hook and start the app. Nothing else lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    sourceline::ui::install_panic_hook();
    sourceline::ui::start();
}

// The app has no native form; the binary exists natively only so that `cargo test` can build
// every target of the crate.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sourceline runs in the browser: `./x serve` builds and serves it.");
    std::process::exit(2);
}
