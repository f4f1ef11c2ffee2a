//! Writes a synthetic dataset (invented, clearly marked so) for tests and benchmarks, in
//! sourceline's format or, for the benchmark, in a competitor's.
//!
//! `cargo run --release --bin generate -- EVENTS [SEED] [--as sourceline|vis|timelinejs] > out.json`

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    use std::io::Write;
    use sourceline::synthetic;

    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args.iter().position(|a| a == "--as") {
        Some(at) if at + 1 < args.len() => {
            let format = args.remove(at + 1);
            args.remove(at);
            format
        }
        Some(_) => String::new(),
        None => "sourceline".to_string(),
    };
    let events = args.first().and_then(|a| a.parse::<usize>().ok());
    let seed = args.get(1).map_or(Some(1), |a| a.parse::<u64>().ok());
    let (Some(events), Some(seed)) = (events, seed) else {
        eprintln!("usage: generate EVENTS [SEED] [--as sourceline|vis|timelinejs]");
        return ExitCode::from(2);
    };
    let ours = synthetic::dataset(events, seed);
    let json = match format.as_str() {
        "sourceline" => ours,
        "vis" | "timelinejs" => {
            let (Some(read), _) = sourceline::model::Dataset::parse_any_size(&ours.to_string()) else {
                eprintln!("generate: the generated dataset does not read back");
                return ExitCode::FAILURE;
            };
            if format == "vis" { synthetic::for_vis(&read) } else { synthetic::for_timelinejs(&read) }
        }
        other => {
            eprintln!("generate: unknown format {other:?}");
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(json.to_string().as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

// The generator is a native tool; the browser build has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::FAILURE
}
