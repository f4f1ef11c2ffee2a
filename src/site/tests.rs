use super::pages::old_link_script;
use super::*;
use crate::model::{Catalog, DatasetOrigin};

/// A template like the built `index.html`: the app's own script, and the markers.
const TEMPLATE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><!--sourceline:head--><title>x</title><!--/sourceline:head--><script type=\"module\">import init from './app.js'; init();</script></head><body><!--sourceline:body--><noscript>x</noscript><!--/sourceline:body--></body></html>";

fn hostile() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile.json")).unwrap();
    let (catalog, problems) = Catalog::read(&text, DatasetOrigin::Bundled).unwrap();
    assert_eq!(problems, []);
    catalog
}

fn pages(catalog: &Catalog, url: Option<&str>) -> Vec<(String, String)> {
    Site::new(catalog, url.map(|u| SiteUrl::parse(u).unwrap())).pages(TEMPLATE).unwrap()
}

/// The bundled dataset's catalog and its pages with relative links, written once for every test
/// that reads them: each page draws the app's first screen twice, which takes a while in the
/// dev profile.
fn palmyra() -> &'static (Catalog, Vec<(String, String)>) {
    static WRITTEN: std::sync::OnceLock<(Catalog, Vec<(String, String)>)> = std::sync::OnceLock::new();
    WRITTEN.get_or_init(|| {
        let catalog = Catalog::new(crate::model::fixtures::palmyra(), DatasetOrigin::Bundled);
        let pages = pages(&catalog, None);
        (catalog, pages)
    })
}

/// The text of every `<script>` element of a page, with its opening tag.
fn scripts(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let open_end = start + rest[start..].find('>').unwrap() + 1;
        let close = open_end + rest[open_end..].find("</script>").unwrap();
        found.push((rest[start..open_end].to_string(), rest[open_end..close].to_string()));
        rest = &rest[close + "</script>".len()..];
    }
    found
}

/// The value of the first `<meta property|name=KEY content=...>` of a page.
fn meta<'a>(html: &'a str, key: &str) -> &'a str {
    let at = html.find(&format!("=\"{key}\" content=\"")).unwrap_or_else(|| panic!("no {key}"));
    let value = &html[at + key.len() + 13..];
    &value[..value.find('"').unwrap()]
}

#[test]
fn every_event_has_a_page_and_the_index_lists_them() {
    let (catalog, pages) = palmyra();
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names.len(), catalog.dataset.events.len() + 2);
    assert_eq!((names[0], names[names.len() - 1]), ("index.html", SHELL_PAGE));
    let index = &pages[0].1;
    for (event, (name, page)) in catalog.dataset.events.iter().zip(&pages[1..]) {
        assert_eq!(name, &format!("{}.html", event.id));
        assert!(index.contains(&format!("href=\"{}.html\"", event.id)), "the index links to {name}");
        assert!(page.contains(&format!("<h1 id=\"event-panel-heading\">{}</h1>", event.title)), "{name}");
        assert!(page.contains("<title>"), "{name}");
    }
    // The shell has the app and no content.
    assert!(!pages[pages.len() - 1].1.contains("id=\"page\""));
}

#[test]
fn an_event_page_holds_who_says_so() {
    let (_, pages) = palmyra();
    let (_, page) = pages.iter().find(|(name, _)| name == "palmyra-recaptured.html").unwrap();
    for words in [
        "<h2 id=\"attribution-heading\">Who says so</h2>",
        "<time datetime=\"2017-03-02\">2 March 2017</time>",
        "<h3>Sergei Shoigu</h3>",
        "<li class=\"relayed\"><span class=\"role\">relayed</span> <span class=\"name\">The Kremlin</span></li>",
        "<p class=\"position\">Event 10 of 13</p>",
        "<blockquote class=\"quote\"><p>regained control over Palmyra",
        "3 originators support this",
        "rel=\"prev\"",
        "rel=\"next\"",
        "href=\"palmyra-recaptured.html?claim=army#claim-army\"",
        "aria-current=\"page\"",
    ] {
        assert!(page.contains(words), "{words}");
    }
}

/// Each page of a site of up to `WRITTEN_UP_TO` events is the app's first screen of its
/// address, for both layouts, shown until the reader asks for the app, with the positions the
/// components write allowed by their hash; a larger site's pages have none.
#[test]
fn a_page_is_written_as_the_app_s_first_screen_of_its_event() {
    let (_, pages) = palmyra();
    let (_, page) = pages.iter().find(|(name, _)| name == "palmyra-recaptured.html").unwrap();
    for layout in ["wide", "narrow"] {
        assert_eq!(page.matches(&format!("<div class=\"first-screen {layout}\" data-on-intent>")).count(), 1, "{layout}");
        // The app's view of the page's event: its title in the app's panel, its mark pressed.
        assert!(page.contains(&format!("<h2 id=\"event-panel-heading-{layout}\">Syrian forces recapture Palmyra</h2>")), "{layout}");
    }
    assert_eq!(page.matches("aria-pressed=\"true\" title=\"2 March 2017\"").count(), 2);
    // Before the page's own content, which the stylesheet hides under it.
    assert!(page.find("data-on-intent").unwrap() < page.find("id=\"page\"").unwrap());
    // No `style` attribute, which the policy would refuse: hooks, and one `<style>` with the
    // rules, which the policy names by its hash (`csp::tests`).
    assert!(!page.contains(" style=\""));
    let style = super::csp::inline_styles(page);
    assert_eq!(style.len(), 1);
    assert!(style[0].contains("[data-s=\"0\"]{"));
    // The index is the app's view of the whole dataset, nothing selected.
    let index = &pages[0].1;
    assert_eq!(index.matches("data-on-intent").count(), 2);
    assert!(!index.contains("aria-pressed=\"true\" title="));
    // The shell, which the app opens over at once, has no first screen.
    assert!(!pages[pages.len() - 1].1.contains("first-screen"));
    // Above the limit, no page is: the app starts as they load.
    let large = crate::synthetic::dataset(crate::model::start::WRITTEN_UP_TO + 1, 1).to_string();
    let large = Catalog::new(crate::model::Dataset::parse(&large).0.unwrap(), DatasetOrigin::Bundled);
    let site = Site::new(&large, None);
    assert!(site.written_screen(Some(0)).unwrap().is_none());
    assert!(!site.event_page(TEMPLATE, 0).unwrap().contains("first-screen"));
}

#[test]
fn links_are_relative_without_the_site_url_and_absolute_with_it() {
    let (catalog, relative) = palmyra();
    let page = &relative.iter().find(|(n, _)| n == "palmyra-recaptured.html").unwrap().1;
    assert_eq!(meta(page, "og:url"), "palmyra-recaptured.html");
    assert_eq!(meta(page, "og:image"), "previews/palmyra-recaptured.png");
    assert_eq!(Site::new(catalog, None).sitemaps(), []);

    let absolute = pages(catalog, Some("https://example.org/palmyra"));
    let page = &absolute.iter().find(|(n, _)| n == "palmyra-recaptured.html").unwrap().1;
    assert_eq!(meta(page, "og:url"), "https://example.org/palmyra/palmyra-recaptured.html");
    assert_eq!(meta(page, "og:image"), "https://example.org/palmyra/previews/palmyra-recaptured.png");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/palmyra/palmyra-recaptured.html\">"));
    assert_eq!(meta(&absolute[0].1, "og:url"), "https://example.org/palmyra/");
    let sitemaps = Site::new(catalog, SiteUrl::parse("https://example.org/palmyra/").ok()).sitemaps();
    let [(name, sitemap)] = &sitemaps[..] else { panic!("one sitemap") };
    assert_eq!(name, "sitemap.xml");
    assert!(sitemap.starts_with("<?xml"));
    assert_eq!(sitemap.matches("<loc>").count(), catalog.dataset.events.len() + 1);
    assert!(sitemap.contains("<loc>https://example.org/palmyra/is-retakes-palmyra.html</loc>"));

    for bad in ["ftp://example.org/", "example.org", "https://example.org/?a", "javascript:alert(1)"] {
        assert!(SiteUrl::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_json_ld_parses_and_names_every_claim_s_originator() {
    let (catalog, pages) = palmyra();
    for (name, page) in pages.iter().filter(|(name, _)| name != SHELL_PAGE) {
        let found = scripts(page);
        let (_, json) = found.iter().find(|(tag, _)| tag.contains("application/ld+json")).unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(value["@type"], "WebPage", "{name}");
        let Some(event) = catalog.dataset.events.iter().find(|e| format!("{}.html", e.id) == *name) else { continue };
        assert_eq!(value["about"]["name"], event.title.as_str());
        let claims = value["hasPart"].as_array().unwrap();
        assert_eq!(claims.len(), event.claims.len(), "{name}");
        for claim in &event.claims {
            let originator = &catalog.dataset.source(&claim.by).unwrap().name;
            let found = claims.iter().find(|c| c["identifier"] == claim.id.as_str()).unwrap();
            assert_eq!(found["@type"], "Claim");
            assert_eq!(found["author"]["name"], originator.as_str(), "{name} {}", claim.id);
        }
    }
}

#[test]
fn markup_and_script_in_every_field_stay_text() {
    let catalog = hostile();
    for (name, page) in pages(&catalog, Some("https://example.org/x/")) {
        // The template's one script and the JSON-LD (the shell has none), and nothing else.
        let found = scripts(&page);
        if name == SHELL_PAGE {
            assert_eq!(found.len(), 1, "{name}: {found:?}");
            assert!(page.contains("<title>Hostile test &lt;/script&gt;"), "{page}");
            continue;
        }
        // The index's first is the old links' script, with the ids as data.
        let found = if name == "index.html" {
            assert_eq!(found[0], ("<script>".to_string(), old_link_script(&catalog.dataset)), "{name}");
            found[1..].to_vec()
        } else {
            found
        };
        assert_eq!(found.len(), 2, "{name}: {found:?}");
        assert!(found[0].0.contains("application/ld+json"), "{name}");
        assert!(!found[0].1.contains('<') && !found[0].1.contains('>'), "{name}: the JSON-LD cannot end its script");
        let value: serde_json::Value = serde_json::from_str(&found[0].1).unwrap();
        if name == "ev.html" {
            assert!(value["about"]["name"].as_str().unwrap().contains("</script><script>window.canary=1</script>"));
        }
        assert!(!page.contains("<img"), "{name}");
        // Nothing breaks out of an attribute either: the handler is only ever text after the
        // escaped tag, in markup or in the JSON-LD (a text may hold a quotation mark as it is:
        // maud writes `&quot;`, Leptos does not).
        for (at, _) in page.match_indices("onerror=") {
            let before = &page[..at];
            assert!(before.ends_with("&lt;img src=x ") || before.ends_with("\\u003cimg src=x "), "{name}: {}", &page[at.saturating_sub(80)..at + 20]);
        }
        assert!(!page.contains("<!-- ]]>"), "{name}");
        assert!(page.contains("&lt;/script&gt;&lt;script&gt;window.canary=1&lt;/script&gt;"), "{name}");
    }
    let svg = preview::svg(&catalog, catalog.dataset.events.first());
    assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
    assert!(svg.contains("&lt;/script&gt;"));
    let png = render_png(&svg).unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn the_index_alone_sends_old_links_to_event_pages_before_anything_loads() {
    let (catalog, pages) = palmyra();
    let script = old_link_script(&catalog.dataset);
    let ids: Vec<&str> = catalog.dataset.events.iter().map(|e| e.id.as_str()).collect();
    assert!(script.contains(&format!("var ids={},", serde_json::to_string(&ids).unwrap())), "{script}");
    assert!(!script.contains("IDS") && !script.contains('<'), "{script}");
    for (name, page) in pages {
        let head = page[page.find("<!--sourceline:head-->").unwrap() + "<!--sourceline:head-->".len()..].trim_start();
        if name == "index.html" {
            // First in the head's own part: before the title, the JSON-LD and the app's scripts.
            assert!(head.starts_with(&format!("<script>{script}</script><link rel=\"preload\" href=\"_catalog.slcat\"")), "{head}");
        } else {
            assert!(!page.contains("location.replace"), "{name}");
        }
    }
}

#[test]
fn an_event_whose_page_would_be_the_index_or_another_s_is_refused() {
    let mut dataset = crate::model::fixtures::palmyra();
    dataset.events[0].id = "Sitemap".to_string();
    let catalog = Catalog::new(dataset, DatasetOrigin::Bundled);
    let site = Site::new(&catalog, None);
    assert!(matches!(site.pages(TEMPLATE), Err(SiteErrorKind::ReservedId(id)) if id == "Sitemap"));
    let mut dataset = crate::model::fixtures::palmyra();
    dataset.events[1].id = dataset.events[0].id.to_ascii_uppercase();
    let catalog = Catalog::new(dataset, DatasetOrigin::Bundled);
    let site = Site::new(&catalog, None);
    assert!(matches!(site.pages(TEMPLATE), Err(SiteErrorKind::SameFile(..))));
    assert!(matches!(site.pages("<html></html>"), Err(SiteErrorKind::NoMarkers(_))));
}

#[test]
fn writing_twice_into_a_built_folder_gives_the_same_pages() {
    let dir = std::env::temp_dir().join(format!("sourceline-site-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    let catalog = crate::model::Catalog::new(crate::model::fixtures::palmyra(), crate::model::DatasetOrigin::Bundled);
    let site = Site::new(&catalog, None);
    let written = site.write(&dir, &|_, _| {}).unwrap();
    let events = catalog.dataset.events.len();
    // Every page, every image, the index, the shell and the catalog are new.
    assert_eq!(written, Written { pages: events + 2, changed: 2 * events + 4, removed: 0, images: events + 1, reused: 0, sitemaps: 0 });
    let first = std::fs::read_to_string(dir.join("index.html")).unwrap();
    // Written again into the built folder (its index the template now), nothing changes.
    let again = site.write(&dir, &|_, _| {}).unwrap();
    assert_eq!((again.changed, again.removed), (0, 0));
    assert_eq!(std::fs::read_to_string(dir.join("index.html")).unwrap(), first);
    // The app reads the dataset from the catalog written beside the pages, and each page names
    // the dataset by its title for the app's link back to it.
    let compiled = std::fs::read(dir.join(crate::model::compiled::FILE)).unwrap();
    assert_eq!(crate::model::compiled::read(&compiled).as_ref(), Ok(&catalog.dataset));
    for page in ["index.html", "palmyra-recaptured.html", "_shell.html"] {
        let html = std::fs::read_to_string(dir.join(page)).unwrap();
        assert_eq!(meta(&html, crate::ui::dom::BUILT_TITLE_META), "Palmyra changes hands, 2011–2017", "{page}");
    }
    let png = std::fs::read(dir.join("previews/palmyra-recaptured.png")).unwrap();
    assert_eq!((u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap())), (1200, 630));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A site of many events: its preview images are capped, drawn once across builds, and its
/// pages list the events by period, each page listing a bounded number whatever the dataset.
#[test]
fn a_large_site_caps_its_images_reuses_them_and_lists_by_period() {
    let dir = std::env::temp_dir().join(format!("sourceline-large-site-test-{}", std::process::id()));
    let cache = dir.join("cache");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    let text = crate::synthetic::dataset(1100, 3).to_string();
    let catalog = Catalog::new(crate::model::Dataset::parse(&text).0.unwrap(), DatasetOrigin::Bundled);
    let events = &catalog.dataset.events;
    let mut site = Site::new(&catalog, SiteUrl::parse("https://example.org/big/").ok()).with_previews(3);
    site.cache = Some(cache.clone());
    let heard = std::sync::Mutex::new(Vec::new());
    let written = site.write(&dir, &|done, of| heard.lock().unwrap().push((done, of))).unwrap();
    assert_eq!(written, Written { pages: events.len() + 2, changed: events.len() + 8, removed: 0, images: 4, reused: 0, sitemaps: 1 });
    assert_eq!(heard.into_inner().unwrap(), [(1000, 1100)]);
    // Every page stays small: its own event and 50 others listed.
    let largest = std::fs::read_dir(&dir).unwrap().flatten().filter(|f| f.file_name().to_string_lossy().ends_with(".html")).map(|f| f.metadata().unwrap().len()).max().unwrap();
    assert!(largest < 40_000, "{largest} bytes");
    // The three events with the most claims have images; the others' pages show the dataset's.
    let most = events.iter().map(|e| e.claims.len()).max().unwrap();
    let own: Vec<&Event> = events.iter().filter(|e| site.has_own_preview(e)).collect();
    assert_eq!(own.len(), 3);
    assert!(own.iter().all(|e| e.claims.len() == most || events.iter().filter(|o| o.claims.len() > e.claims.len()).count() < 3));
    assert_eq!(std::fs::read_dir(dir.join("previews")).unwrap().count(), 3);
    let other = events.iter().find(|e| !site.has_own_preview(e)).unwrap();
    let page = std::fs::read_to_string(dir.join(format!("{}.html", other.id))).unwrap();
    assert_eq!(meta(&page, "og:image"), "https://example.org/big/preview.png");
    assert_eq!(meta(&page, "og:image:alt"), catalog.preview_alt());
    // Its list is its period's: the events 1001 to 1050, numbered from 1001, with links to the
    // periods either side.
    let page = std::fs::read_to_string(dir.join(format!("{}.html", events[1020].id))).unwrap();
    assert!(page.contains(&catalog.period_label(&(1000..1050))));
    assert!(page.contains("<ol class=\"page-events\" start=\"1001\">"));
    let list = &page[page.find("<ol class=\"page-events\"").unwrap()..];
    assert_eq!(list[..list.find("</ol>").unwrap()].matches("<li>").count(), 50);
    assert!(page.contains(&format!("<a href=\"{}.html\">Previous period: {}</a>", events[950].id, catalog.period_label(&(950..1000)))));
    assert!(page.contains(&format!("<a href=\"{}.html\">Next period: {}</a>", events[1050].id, catalog.period_label(&(1050..1100)))));
    // The index links to the periods, each at its first event, and sends no old links on.
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains(&format!("<a href=\"{}.html\">{}</a>", events[500].id, catalog.period_label(&(500..550)))));
    assert_eq!(index.matches("<li><a href=").count(), 22);
    assert!(!index.contains("location.replace"));
    // Built again, every image comes from the cache, and no file is written again.
    let written = site.write(&dir, &|_, _| {}).unwrap();
    assert_eq!((written.images, written.reused, written.changed), (4, 4, 0));
    // One event's title corrected: its image alone is drawn again, and the files written are
    // its page and image, the pages of its period (which list it), and the catalog.
    let mut changed = catalog.dataset.clone();
    let first_own = events.iter().position(|e| site.has_own_preview(e)).unwrap();
    changed.events[first_own].title.push_str(" (corrected)");
    let changed = Catalog::new(changed, DatasetOrigin::Bundled);
    let mut again = Site::new(&changed, SiteUrl::parse("https://example.org/big/").ok()).with_previews(3);
    again.cache = Some(cache.clone());
    let before = std::fs::metadata(dir.join(format!("{}.html", events[first_own].id))).unwrap().modified().unwrap();
    let written = again.write(&dir, &|_, _| {}).unwrap();
    assert_eq!((written.images, written.reused), (4, 3), "the changed event's image alone is drawn again");
    let period = catalog.period_of(first_own);
    assert!(period.contains(&first_own));
    assert_eq!(written.changed, period.len() + 2, "its period's pages, its image and the catalog");
    assert_ne!(std::fs::metadata(dir.join(format!("{}.html", events[first_own].id))).unwrap().modified().unwrap(), before);
    // An event taken out: its page and its image go, with their compressed copies; a page the
    // build did not write stays.
    let gone = &changed.dataset.events[first_own];
    std::fs::write(dir.join(format!("{}.html.gz", gone.id)), b"an earlier build's copy").unwrap();
    std::fs::write(dir.join("about.html"), "<p>the publisher's own page</p>").unwrap();
    let mut fewer = changed.dataset.clone();
    fewer.events.remove(first_own);
    let fewer = Catalog::new(fewer, DatasetOrigin::Bundled);
    let mut third = Site::new(&fewer, SiteUrl::parse("https://example.org/big/").ok()).with_previews(3);
    third.cache = Some(cache);
    let written = third.write(&dir, &|_, _| {}).unwrap();
    assert_eq!(written.removed, 2);
    for file in [format!("{}.html", gone.id), format!("{}.html.gz", gone.id), format!("previews/{}.png", gone.id)] {
        assert!(!dir.join(&file).exists(), "{file}");
    }
    assert!(dir.join("about.html").exists());
    assert_eq!(std::fs::read_dir(dir.join("previews")).unwrap().count(), 3, "the next event by claims has its image now");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Above 50,000 pages, `sitemap.xml` is the index of sitemaps of 50,000 addresses at most.
#[test]
fn a_site_of_more_pages_than_a_sitemap_holds_has_an_index_of_sitemaps() {
    let text = crate::synthetic::dataset(50_000, 2).to_string();
    let catalog = Catalog::new(crate::model::Dataset::parse(&text).0.unwrap(), DatasetOrigin::Bundled);
    let sitemaps = Site::new(&catalog, SiteUrl::parse("https://example.org/big/").ok()).sitemaps();
    let names: Vec<&str> = sitemaps.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "_sitemap-1.xml", "_sitemap-2.xml"]);
    assert!(sitemaps[0].1.contains("<sitemapindex") && sitemaps[0].1.contains("<loc>https://example.org/big/_sitemap-2.xml</loc>"));
    assert_eq!(sitemaps[1].1.matches("<loc>").count(), 50_000);
    assert_eq!(sitemaps[2].1.matches("<loc>").count(), 1);
}

/// Above `start::START_ABOVE` events the site writes its dataset in tiles and their root
/// (`model::tiles`), not one catalog, and the first screen's events beside them; its index
/// preloads those and the root, saying how many events the catalog holds; an event's page
/// preloads the root and its event's tile. The index holds the first screen, drawn by the app's
/// components for both layouts, with no `style` attribute (the pages' policy refuses them) and
/// no id twice, and links the stylesheet that places its marks. One event changed, its tile
/// alone is written again. Built again with fewer events, the start file, the stylesheet and
/// the tiles go.
#[test]
fn a_site_above_the_start_size_has_a_start_file_its_index_preloads() {
    use crate::model::start::{first_screen, START_ABOVE, START_FILE};
    use crate::model::tiles::{Root, ROOT_FILE, TILES_DIR};
    use crate::site::STYLE_FILE;
    let dir = std::env::temp_dir().join(format!("sourceline-start-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), TEMPLATE).unwrap();
    let read = |events| Catalog::new(crate::model::Dataset::parse(&crate::synthetic::dataset(events, 5).to_string()).0.unwrap(), DatasetOrigin::Bundled);
    let large = read(START_ABOVE + 1);
    Site::new(&large, None).with_previews(0).write(&dir, &|_, _| {}).unwrap();
    let start = crate::model::compiled::read(&std::fs::read(dir.join(START_FILE)).unwrap()).unwrap();
    assert_eq!(start, first_screen(&large.dataset));
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains(&format!("<link rel=\"preload\" href=\"{START_FILE}\" as=\"fetch\" crossorigin data-events=\"{}\">", START_ABOVE + 1)), "{index}");
    assert!(!index.contains("href=\"_catalog.slcat\""));
    assert!(index.contains(&format!("<link rel=\"stylesheet\" href=\"{STYLE_FILE}\">")), "{index}");
    for layout in ["wide", "narrow"] {
        let screen = index.split(&format!("<div class=\"first-screen {layout}\">")).nth(1).unwrap_or_else(|| panic!("{layout}: {index}"));
        assert!(screen.contains("aria-busy=\"true\"") && screen.contains("class=\"mark"), "{screen}");
    }
    assert!(!index.contains(" style=\""), "{index}");
    let ids: Vec<&str> = index.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert_eq!(ids.len(), ids.iter().collect::<std::collections::HashSet<_>>().len(), "{ids:?}");
    let css = std::fs::read_to_string(dir.join(STYLE_FILE)).unwrap();
    let hooks = index.matches(" data-s=\"").count();
    assert!(hooks > 20 && css.lines().count() > 10 && css.lines().all(|rule| rule.starts_with("[data-s=\"") && rule.ends_with(" !important;}")), "{css}");
    // The dataset is in tiles, which the root lists, and no longer in one catalog.
    let root = Root::read(&std::fs::read(dir.join(ROOT_FILE)).unwrap()).unwrap();
    assert_eq!(root.tiles.len(), 3);
    assert!(!dir.join(crate::model::compiled::FILE).exists());
    let tile_files = || {
        let mut files: Vec<String> = std::fs::read_dir(dir.join(TILES_DIR)).unwrap().flatten().map(|f| f.file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        files
    };
    let tiles = root.tiles.iter().map(|t| crate::model::compiled::read(&std::fs::read(dir.join(t.file())).unwrap()).unwrap()).collect();
    assert_eq!(root.join(tiles).as_ref(), Ok(&large.dataset));
    assert!(index.contains(&format!("<link rel=\"preload\" href=\"{ROOT_FILE}\" as=\"fetch\" crossorigin>")), "{index}");
    // An event's page preloads the root, naming the tile that holds its event by its place; the
    // shell preloads the root.
    for (event, tile) in [(7, 0), (4_321, 2)] {
        let page = std::fs::read_to_string(dir.join(format!("{}.html", large.dataset.events[event].id))).unwrap();
        assert!(page.contains(&format!("<link rel=\"preload\" href=\"{ROOT_FILE}\" as=\"fetch\" crossorigin data-tile=\"{tile}\">")), "{page}");
        assert!(!page.contains(START_FILE) && !page.contains("_catalog.slcat") && !page.contains(&format!("{TILES_DIR}/")));
    }
    let shell = std::fs::read_to_string(dir.join(crate::site::SHELL_PAGE)).unwrap();
    assert!(shell.contains(&format!("<link rel=\"preload\" href=\"{ROOT_FILE}\" as=\"fetch\" crossorigin>")) && !shell.contains("data-tile"));
    // One event changed: its tile alone is written again, and the old one goes, with its copy;
    // the pages of the other events in its tile (outside its period, whose pages list it) stay
    // as they are.
    let before = tile_files();
    let neighbour = dir.join(format!("{}.html", large.dataset.events[4_600].id));
    let untouched = std::fs::metadata(&neighbour).unwrap().modified().unwrap();
    std::fs::write(dir.join(format!("{}.gz", root.tiles[2].file())), b"an old copy").unwrap();
    let mut changed = large.dataset.clone();
    changed.events[4_321].title.push_str(" (corrected)");
    let changed = Catalog::new(changed, DatasetOrigin::Bundled);
    Site::new(&changed, None).with_previews(0).write(&dir, &|_, _| {}).unwrap();
    let after = tile_files();
    assert_eq!(after.len(), 3);
    assert_eq!(before.iter().filter(|f| after.contains(f)).count(), 2, "{before:?} {after:?}");
    assert!(!after.iter().any(|f| f.ends_with(".gz")));
    assert_eq!(std::fs::metadata(&neighbour).unwrap().modified().unwrap(), untouched);
    // Built again with fewer events, the start file, the stylesheet, the root and the tiles go.
    std::fs::write(dir.join(format!("{START_FILE}.gz")), b"an old copy").unwrap();
    Site::new(&read(START_ABOVE), None).with_previews(0).write(&dir, &|_, _| {}).unwrap();
    assert!(!dir.join(START_FILE).exists() && !dir.join(format!("{START_FILE}.gz")).exists());
    assert!(!dir.join(STYLE_FILE).exists());
    assert!(!dir.join(ROOT_FILE).exists() && !dir.join(TILES_DIR).exists());
    assert!(std::fs::read_to_string(dir.join("index.html")).unwrap().contains("href=\"_catalog.slcat\""));
    std::fs::remove_dir_all(&dir).unwrap();
}

