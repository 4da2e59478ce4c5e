//! Times each step of loading the bundled lexicon (`cargo run --release -p dateline-events
//! --example coder_load`): the budget is 200 ms for the whole coder.
use std::time::Instant;

/// The allocator the `dateline` binary ships with.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let field = dateline_lexicon::Lexicon::bundled()?;
    println!("field dictionaries parsed: {:?}", t.elapsed());
    drop(field);
    let t = Instant::now();
    let lexicon = dateline_events::lexicon::Lexicon::bundled()?;
    println!("whole lexicon parsed:      {:?}", t.elapsed());
    let t = Instant::now();
    let x = dateline_events::Extractor::from_lexicon(&lexicon)?;
    println!("indexes built:             {:?}", t.elapsed());
    let t = Instant::now();
    let _ = dateline_tagger::Tagger::bundled()?;
    println!("tagger alone:              {:?}", t.elapsed());
    let (a, p, tr) = x.sizes();
    println!("{a} actors, {p} places, {tr} triggers");
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let _ = dateline_events::Extractor::load_default()?;
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("load_default, best of 5:   {:.0} ms", best * 1000.0);
    Ok(())
}
