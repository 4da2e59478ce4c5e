//! How the coder reads sentences: `cargo run --release -p dateline-events --example explain --
//! "Turkish jets struck PKK positions near Duhok on Monday."` (or one sentence a line on stdin).
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let x = dateline_events::Extractor::load_default()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin().lock().lines().collect::<Result<_, _>>()?
    } else {
        args
    };
    for s in lines {
        println!("{s}\n{}", x.explain(&s));
    }
    Ok(())
}
