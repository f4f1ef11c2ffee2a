//! The dataset reader's Web Worker: reads, checks and compiles a dataset opened from a link or
//! a file, away from the page (see `sourceline::reader`). Trunk builds it as `reader.js` and
//! `reader_bg.wasm`; nothing else lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    sourceline::reader::serve();
}

// Only the browser has workers; the binary exists natively so that `cargo test` can build
// every target of the crate.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the reader runs in the browser, in a worker the app starts.");
    std::process::exit(2);
}
