//! Writes a synthetic dataset (invented, clearly marked so) for tests and benchmarks.
//!
//! `cargo run --release --bin generate -- EVENTS [SEED] > data.json`

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    use std::io::Write;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let events = args.first().and_then(|a| a.parse::<usize>().ok());
    let seed = args.get(1).map_or(Some(1), |a| a.parse::<u64>().ok());
    let (Some(events), Some(seed)) = (events, seed) else {
        eprintln!("usage: generate EVENTS [SEED]");
        return ExitCode::from(2);
    };
    let json = sourceline::synthetic::dataset(events, seed).to_string();
    match std::io::stdout().lock().write_all(json.as_bytes()) {
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
