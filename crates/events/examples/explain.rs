//! How the coder reads sentences: `cargo run --release -p dateline-events --example explain --
//! "Turkish jets struck PKK positions near Duhok on Monday."` (or one sentence a line on stdin).
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let x = dateline_events::Extractor::load_default()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin().lock().lines().collect::<Result<_, _>>()?
    } else {
        args
    };
    let mut out = std::io::stdout().lock();
    for s in lines {
        // A closed pipe (`| head`) ends the listing quietly.
        if writeln!(out, "{s}\n{}", x.explain(&s)).is_err() {
            break;
        }
    }
    Ok(())
}
