//! What the app says while it fetches or reads a dataset that is not the bundled one, and
//! why one could not be shown.

use std::fmt;

use super::compiled::CompiledError;
use super::dataset::{Dataset, BYTE_ORDER_MARK, MAX_DATASET_BYTES};
use super::problem::Problem;
use super::words::{count, megabytes};
use super::within;

/// Why a dataset could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// The link points to another site.
    NotOnThisSite,
    /// The browser has no way to download.
    NoDownloads,
    /// The address could not be opened for downloading.
    CannotOpen,
    /// The request could not be sent.
    CannotRequest,
    /// The download failed on the way.
    DownloadFailed,
    /// The server answered with this status instead of the file.
    Status(u16),
    /// The file is larger than [`MAX_DATASET_BYTES`].
    TooLarge,
    /// The dataset was read, but none of its events could be shown.
    NoEvents,
    /// The file is not a dataset at all.
    NotADataset,
    /// The browser could not read the file from the device.
    CannotRead,
    /// The site's compiled catalog could not be read, and why.
    NotACatalog(CompiledError),
    /// The worker that reads a dataset could not be started, or stopped without an answer.
    NoReader,
}

/// Whether a file of `bytes` is refused before it is read: larger than
/// [`MAX_DATASET_BYTES`], so that a link or a file cannot freeze the tab.
pub fn is_too_large(bytes: f64) -> bool {
    bytes > MAX_DATASET_BYTES as f64
}

/// What `validate` says of a valid dataset of `bytes` that the app would not open from a link
/// or a file: a site built with it is read compiled, at any size.
pub fn too_large_to_open(bytes: usize) -> String {
    format!(
        "at {} it is larger than the {} the app opens from a link or a file; a site built with it (SOURCELINE_DATA) is read compiled, with no such cap",
        megabytes(bytes as f64),
        megabytes(MAX_DATASET_BYTES as f64)
    )
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadFailure::NotOnThisSite => f.write_str("The link must point to a file on this site."),
            LoadFailure::NotACatalog(error) => write!(f, "The file {error}."),
            LoadFailure::NoDownloads => f.write_str("This browser cannot download files."),
            LoadFailure::CannotOpen => f.write_str("The address could not be opened."),
            LoadFailure::CannotRequest => f.write_str("The file could not be requested."),
            LoadFailure::DownloadFailed => f.write_str("The file could not be downloaded."),
            LoadFailure::Status(status) => write!(f, "The server answered {status} for this file."),
            LoadFailure::TooLarge => {
                write!(f, "The file is larger than {}, the most this app reads.", megabytes(MAX_DATASET_BYTES as f64))
            }
            LoadFailure::NoEvents => f.write_str("The dataset has no event that could be shown."),
            LoadFailure::NotADataset => f.write_str("This file is not a dataset this app can read."),
            LoadFailure::CannotRead => f.write_str("The file could not be read."),
            LoadFailure::NoReader => f.write_str("The dataset reader could not be started in this browser."),
        }
    }
}

/// "Loading the dataset data/big.json…"
pub fn downloading(label: &str) -> String {
    format!("Loading the dataset {label}…")
}

/// How far a download is: the percentage when the total is known, and the amount in words
/// ("1.2 MB of 4.0 MB", or "1.2 MB").
pub fn download_progress(done: f64, total: Option<f64>) -> (Option<u32>, String) {
    match total {
        Some(total) if total > 0.0 => {
            let percent = within((done / total * 100.0).round(), 0.0, 100.0) as u32;
            (Some(percent), format!("{} of {}", megabytes(done), megabytes(total)))
        }
        _ => (None, megabytes(done)),
    }
}

/// "Reading and checking data/big.json (4.0 MB)…"
pub fn reading(label: &str, bytes: usize) -> String {
    format!("Reading and checking {label} ({})…", megabytes(bytes as f64))
}

/// The heading of the page that says a dataset could not be shown.
pub fn failure_heading(label: &str) -> String {
    format!("The dataset {label} could not be shown")
}

/// The link from a dataset that failed back to the one the site is built with, by its title:
/// "Open “Palmyra changes hands, 2011–2017” instead" ("Open the built dataset instead" where
/// the page does not say its title).
pub fn open_built_instead(title: &str) -> String {
    format!("Open {} instead", built(title))
}

/// Whether the page saying a dataset could not be shown offers the site's own dataset instead:
/// not when that is the one that failed (its compiled catalog), which would only fail again.
pub fn offers_built(label: &str) -> bool {
    label != super::compiled::FILE
}

/// The link from another dataset's banner to the one the site is built with:
/// "Open “Palmyra changes hands, 2011–2017”".
pub fn open_built(title: &str) -> String {
    format!("Open {}", built(title))
}

fn built(title: &str) -> String {
    if title.trim().is_empty() {
        "the built dataset".to_string()
    } else {
        format!("“{title}”")
    }
}

/// The summary over the problems of a dataset that was shown without some of its events.
pub fn problems_found(problems: usize) -> String {
    format!("{} found; the events concerned are left out", count(problems, "problem", "problems"))
}

/// Problems listed at most on a page; the rest are counted.
pub const SHOWN_PROBLEMS: usize = 200;

/// What is said after the listed problems when there are more.
pub fn more_problems(total: usize) -> Option<String> {
    let more = total.saturating_sub(SHOWN_PROBLEMS);
    (more > 0).then(|| format!("…and {more} more"))
}

/// The text of a dataset file (downloaded or opened), read as UTF-8 as JSON is, without a leading byte order mark;
/// bytes that are not UTF-8 become U+FFFD, as a browser's decoder makes them.
pub fn dataset_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(BYTE_ORDER_MARK) {
        bytes.drain(..BYTE_ORDER_MARK.len());
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// What opening a dataset file gives: `T` made from what can be shown, with the problems
/// found (the events with problems are left out), or why nothing can be shown, with the
/// problems that explain why.
pub type Opened<T> = Result<(T, Vec<Problem>), (LoadFailure, Vec<Problem>)>;

/// What a dataset read from a file or a link gives: its events that can be shown, with the
/// problems found (the events with problems are left out), or why nothing can be shown, with
/// the problems that explain why.
pub fn showable(parsed: (Option<Dataset>, Vec<Problem>)) -> Opened<Dataset> {
    match parsed {
        (Some(dataset), problems) if !dataset.events.is_empty() => Ok((dataset, problems)),
        (Some(_), problems) => Err((LoadFailure::NoEvents, problems)),
        (None, problems) => Err((LoadFailure::NotADataset, problems)),
    }
}

/// What the reader makes of a dataset file opened from a link or a device, in its Web Worker,
/// away from the page: it reads and checks the JSON ([`Dataset::parse`], with its cap), then
/// hands what can be shown to the page compiled, in parts ([`compiled::write_parts`]), which
/// the page reads in short tasks as it reads the site's own catalog.
pub fn read_file(bytes: Vec<u8>) -> Opened<Dataset> {
    showable(Dataset::parse(&dataset_text(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_say_what_went_wrong() {
        assert_eq!(LoadFailure::Status(404).to_string(), "The server answered 404 for this file.");
        assert_eq!(LoadFailure::TooLarge.to_string(), "The file is larger than 50.0 MB, the most this app reads.");
        assert_eq!(LoadFailure::NotOnThisSite.to_string(), "The link must point to a file on this site.");
    }

    #[test]
    fn a_file_is_read_into_what_it_shows_with_its_problems() {
        use crate::model::compiled;
        use crate::model::fixtures::{small_json, SMALL_JSON};
        // Clean, with a byte order mark: the catalog holds what the JSON reader reads.
        let bytes = [BYTE_ORDER_MARK, SMALL_JSON.as_bytes()].concat();
        let (read, problems) = read_file(bytes).unwrap();
        assert_eq!(problems, []);
        assert_eq!(read, Dataset::parse(SMALL_JSON).0.unwrap());
        // One event broken among good ones: the catalog leaves it out, the problem says where.
        let mut json = small_json();
        let mut broken = json["events"][0].clone();
        broken["id"] = "broken".into();
        broken["date"] = "not a date".into();
        json["events"].as_array_mut().unwrap().push(broken);
        let text = json.to_string();
        let (read, problems) = read_file(text.clone().into_bytes()).unwrap();
        let (expected, expected_problems) = Dataset::parse(&text);
        assert_eq!((&read, &problems), (&expected.unwrap(), &expected_problems));
        assert_eq!(compiled::join(compiled::write_parts(&read, compiled::PARTS).map(|p| compiled::read(&p).unwrap()).collect()).unwrap(), read);
        assert!(problems.iter().any(|p| p.path == "events[1].date"), "{problems:?}");
    }

    #[test]
    fn a_file_with_nothing_to_show_says_why_with_its_problems() {
        let (failure, problems) = read_file(b"[1, 2]".to_vec()).unwrap_err();
        assert_eq!(failure, LoadFailure::NotADataset);
        assert_eq!(problems, Dataset::parse("[1, 2]").1);
        assert!(!problems.is_empty());
        let mut json = crate::model::fixtures::small_json();
        json["events"] = serde_json::json!([]);
        assert_eq!(read_file(json.to_string().into_bytes()).unwrap_err().0, LoadFailure::NoEvents);
    }

    #[test]
    fn files_over_fifty_megabytes_are_refused_unread() {
        assert!(!is_too_large(MAX_DATASET_BYTES as f64));
        assert!(is_too_large(MAX_DATASET_BYTES as f64 + 1.0));
    }

    #[test]
    fn progress_in_words() {
        let mb = 1024.0 * 1024.0;
        assert_eq!(download_progress(mb, Some(4.0 * mb)), (Some(25), "1.0 MB of 4.0 MB".to_string()));
        assert_eq!(download_progress(mb, None), (None, "1.0 MB".to_string()));
        assert_eq!(download_progress(mb, Some(0.0)), (None, "1.0 MB".to_string()));
        assert_eq!(downloading("data/x.json"), "Loading the dataset data/x.json…");
        assert_eq!(reading("x.json", 1024 * 1024), "Reading and checking x.json (1.0 MB)…");
        assert_eq!(failure_heading("data/no.json"), "The dataset data/no.json could not be shown");
    }

    #[test]
    fn the_built_dataset_is_offered_by_its_title() {
        assert_eq!(open_built_instead("Floods of 2024"), "Open “Floods of 2024” instead");
        assert_eq!(open_built("Floods of 2024"), "Open “Floods of 2024”");
        assert_eq!(open_built_instead(""), "Open the built dataset instead");
        assert!(offers_built("data/x.json") && !offers_built(crate::model::compiled::FILE));
    }

    #[test]
    fn long_problem_lists_are_counted_past_the_first_two_hundred() {
        assert_eq!(more_problems(200), None);
        assert_eq!(more_problems(205).as_deref(), Some("…and 5 more"));
        assert_eq!(problems_found(3), "3 problems found; the events concerned are left out");
        assert_eq!(problems_found(1), "1 problem found; the events concerned are left out");
    }

    #[test]
    fn a_file_s_bytes_are_read_as_utf8_without_a_byte_order_mark() {
        assert_eq!(dataset_text("{\"a\": \"é\"}".as_bytes().to_vec()), "{\"a\": \"é\"}");
        assert_eq!(dataset_text(b"\xef\xbb\xbf{}".to_vec()), "{}");
        assert_eq!(dataset_text(b"{\"a\": \"\xff\"}".to_vec()), "{\"a\": \"\u{fffd}\"}");
    }
}
