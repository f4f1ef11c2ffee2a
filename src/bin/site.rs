//! Writes the static site into a built app: the compiled dataset, a page and a preview image per event, the index
//! with every event, the offline shell and, when the site's address is known, the sitemap.
//!
//! `cargo run --release --bin site -- DIR [--data DATASET.json] [--site-url URL]`
//!
//! `DIR` is a built app (`dist/`, or Trunk's staging folder when `trunk serve` runs
//! `scripts/post-build.mjs`); its `index.html` is the template. A file the folder already holds
//! as this would write it is left alone, and the pages and images of events that are gone are
//! removed, so that building again after a change writes only what changed. The dataset is
//! `data/palmyra.json` (from the folder it runs in) unless `--data` names another; it is checked
//! first, and a dataset with any problem gets no site: each problem is printed with its path,
//! and the build stops. The app reads the dataset from the compiled catalog written here. The address the site is served from
//! comes from `--site-url` or the `SITE_URL` environment variable; without it the pages are
//! written with relative links and no sitemap, and this says so. Exits 0 when written, 1 when
//! something stopped it, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use sourceline::model::words::count;
    use sourceline::model::{Catalog, Dataset, DatasetOrigin};
    use sourceline::site::{Site, SiteUrl, DEFAULT_PREVIEWS};

    /// The dataset a site is built with unless `--data` names another: the repository's.
    const DEFAULT_DATA: &str = "data/palmyra.json";
    const USAGE: &str = "usage: site DIR [--data DATASET.json] [--site-url URL] [--previews N] [--cache DIR]";
    let mut args = std::env::args().skip(1);
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let (mut dir, mut data, mut url) = (None, None, env("SITE_URL"));
    let (mut previews, mut cache) = (env("SOURCELINE_PREVIEWS"), None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next(),
            "--site-url" => url = args.next(),
            "--previews" => previews = args.next(),
            "--cache" => cache = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    // The build's guard: a dataset with any problem gets no site, and the build stops.
    let path = data.unwrap_or_else(|| DEFAULT_DATA.to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("site: {path}: cannot be read: {e}");
            return ExitCode::FAILURE;
        }
    };
    // A dataset of any size: the cap on what the app reads keeps a browser's tab from freezing,
    // and the app reads this one compiled.
    let catalog = match Catalog::from_parsed(Dataset::parse_any_size(&text), DatasetOrigin::Bundled) {
        Ok((catalog, problems)) if problems.is_empty() => catalog,
        Ok((_, problems)) | Err((_, problems)) => {
            for problem in &problems {
                eprintln!("site: {path}: {problem}");
            }
            eprintln!("site: {path} has {}; no site is built with it", count(problems.len(), "problem", "problems"));
            return ExitCode::FAILURE;
        }
    };
    let url = match url.as_deref().map(SiteUrl::parse).transpose() {
        Ok(url) => url,
        Err(e) => {
            eprintln!("site: {e}");
            return ExitCode::FAILURE;
        }
    };
    let previews = match previews.as_deref().map(str::trim).map(str::parse::<usize>).transpose() {
        Ok(previews) => previews.unwrap_or(DEFAULT_PREVIEWS),
        Err(_) => {
            eprintln!("site: --previews (SOURCELINE_PREVIEWS) must be a whole number of events\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let missing = url.is_none();
    let mut site = Site::new(&catalog, url).with_previews(previews);
    site.cache = cache;
    let events = catalog.dataset.events.len();
    if events > 1000 {
        eprintln!("site: writing {} into {}", count(events, "event page", "event pages"), dir.display());
    }
    let progress = |done: usize, of: usize| eprintln!("site: {done} of {of} event pages written");
    match site.write(&dir, &progress) {
        Ok(written) => {
            println!(
                "site: {}, {} ({} drawn by an earlier build){}; wrote {} (new or changed) and removed {} (of events that are gone) in {}",
                count(written.pages, "page", "pages"),
                count(written.images, "preview image", "preview images"),
                written.reused,
                match written.sitemaps {
                    0 => String::new(),
                    1 => ", sitemap.xml".to_string(),
                    n => format!(", sitemap.xml and {}", count(n - 1, "part", "parts")),
                },
                count(written.changed, "file", "files"),
                written.removed,
                dir.display()
            );
            if missing {
                println!(
                    "site: SITE_URL is not set, so canonical, og:url and og:image links are relative (link previews need them absolute) and there is no sitemap.xml; build with SITE_URL=https://example.org/palmyra/ ./x build"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("site: {e}");
            ExitCode::FAILURE
        }
    }
}

// The site is written natively at build time; this binary has no browser form.
#[cfg(target_arch = "wasm32")]
fn main() {}
