//! Where the components are drawn: in a browser, or natively into HTML for a page written at
//! build time.

/// Whether the components are drawn in a browser. Natively they render to HTML, for a page
/// written at build time, where nothing is painted, measured, listened to or scheduled: the
/// few places that read the browser while a component renders ask this first.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");
