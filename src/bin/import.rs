//! Makes a sourceline dataset from what an author already has, and reports every problem at
//! the cell it comes from.
//!
//! ```text
//! cargo run --release --bin import -- INPUT [-o OUT.json] [--published EDTF] [--title TEXT] [--description TEXT]
//! cargo run --release --bin import -- --write-template docs/template/
//! ```
//!
//! INPUT is a folder of CSV sheets, an `.xlsx` or `.ods` workbook, a TimelineJS `.json` file or
//! a TimelineJS spreadsheet saved as `.csv`, `.xlsx` or `.ods` (docs/import.md). The dataset goes to OUT, or to
//! standard output without `-o`; the report goes to standard output with `-o`, to standard
//! error without. Exits 0 when the dataset was written with no problem (notes at most), 1 when
//! it has errors (nothing is written) or warnings (written: events needing attribution, date
//! cells), 2 on a usage error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::Write;
    use std::path::PathBuf;
    use std::process::ExitCode;

    use sourceline::import::{import_path, template, Options};

    const USAGE: &str = "usage: import INPUT [-o OUT.json] [--published EDTF] [--title TEXT] [--description TEXT]\n       import --write-template FOLDER";
    let usage = || {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    };
    let mut args = std::env::args().skip(1);
    let (mut input, mut out, mut template_folder) = (None, None, None);
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "-o" | "--output" => &mut out,
            "--published" => &mut options.published,
            "--title" => &mut options.title,
            "--description" => &mut options.description,
            "--write-template" => &mut template_folder,
            "-h" | "--help" => return usage(),
            _ if input.is_none() && !arg.starts_with('-') => {
                input = Some(PathBuf::from(arg));
                continue;
            }
            _ => return usage(),
        };
        match args.next() {
            Some(value) if slot.is_none() => *slot = Some(value),
            _ => return usage(),
        }
    }

    if let Some(folder) = template_folder {
        if input.is_some() {
            return usage();
        }
        return match template::write_workbook(std::path::Path::new(&folder)) {
            Ok(path) => {
                println!("import: wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("import: {error}");
                ExitCode::FAILURE
            }
        };
    }

    let Some(input) = input else { return usage() };
    let import = import_path(&input, &options);
    let mut report: Box<dyn Write> = if out.is_some() {
        Box::new(std::io::stdout())
    } else {
        Box::new(std::io::stderr())
    };
    for finding in &import.findings {
        let _ = writeln!(report, "{finding}");
    }
    let written_to = out.clone().unwrap_or_else(|| "standard output".to_string());
    if let Some(json) = &import.json {
        let written = match &out {
            Some(path) => std::fs::write(path, json),
            None => std::io::stdout().write_all(json.as_bytes()),
        };
        if let Err(error) = written {
            let _ = writeln!(report, "import: {written_to} cannot be written: {error}");
            return ExitCode::FAILURE;
        }
    }
    let _ = writeln!(report, "{}", import.summary(&written_to));
    ExitCode::from(import.outcome().exit_code())
}

// Importing runs natively; this binary has no browser form.
#[cfg(target_arch = "wasm32")]
fn main() {}
