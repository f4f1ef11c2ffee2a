//! Writes the static site into a built app: a page and a preview image per event, the index
//! with every event, the offline shell and, when the site's address is known, the sitemap.
//!
//! `cargo run --release --bin site -- DIR [--data DATASET.json] [--site-url URL]`
//!
//! `DIR` is a built app (`dist/`, or Trunk's staging folder when run from
//! `scripts/post-build.mjs`); its `index.html` is the template. The dataset is the bundled one
//! unless `--data` names another (the tests use this). The address the site is served from
//! comes from `--site-url` or the `SITE_URL` environment variable; without it the pages are
//! written with relative links and no sitemap, and this says so. Exits 0 when written, 1 when
//! something stopped it, 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use sourceline::model::words::count;
    use sourceline::model::{Catalog, DatasetOrigin};
    use sourceline::site::{Site, SiteUrl};

    const USAGE: &str = "usage: site DIR [--data DATASET.json] [--site-url URL]";
    let mut args = std::env::args().skip(1);
    let (mut dir, mut data, mut url) = (None, None, std::env::var("SITE_URL").ok().filter(|u| !u.trim().is_empty()));
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next(),
            "--site-url" => url = args.next(),
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
    let catalog = match &data {
        None => Catalog::bundled(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("site: {path}: cannot be read: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match Catalog::read(&text, DatasetOrigin::Bundled) {
                Ok((catalog, problems)) if problems.is_empty() => catalog,
                Ok((_, problems)) | Err((_, problems)) => {
                    for problem in &problems {
                        eprintln!("site: {path}: {problem}");
                    }
                    eprintln!("site: {path} is not a valid dataset; no pages were written");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    let url = match url.as_deref().map(SiteUrl::parse).transpose() {
        Ok(url) => url,
        Err(e) => {
            eprintln!("site: {e}");
            return ExitCode::FAILURE;
        }
    };
    let missing = url.is_none();
    let site = Site { catalog: &catalog, url };
    match site.write(&dir) {
        Ok(written) => {
            println!(
                "site: {}, {}{} in {}",
                count(written.pages, "page", "pages"),
                count(written.images, "preview image", "preview images"),
                if written.sitemap { ", sitemap.xml" } else { "" },
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
