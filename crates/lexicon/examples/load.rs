//! Measures `Lexicon::bundled()`: the event coder's whole budget is 200 ms, so loading must stay
//! far below it. Prints the minimum of five loads, then each file's size and its own minimum.

use dateline_lexicon::{ActorsFile, AgentsFile, DiscardsFile, Lexicon, VerbsFile};
use std::time::{Duration, Instant};

fn min_of_5<T>(
    mut load: impl FnMut() -> Result<T, Box<dyn std::error::Error>>,
) -> Result<(Duration, T), Box<dyn std::error::Error>> {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        let value = load()?;
        best = best.min(start.elapsed());
        last = Some(value);
    }
    let value = last.ok_or("no load ran")?;
    Ok((best, value))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (best, lex) = min_of_5(|| Ok(Lexicon::bundled()?))?;
    println!("Lexicon::bundled(): min of 5 loads {:.1} ms", ms(best));
    let patterns: usize = lex.verbs.verb.iter().map(|b| b.pattern.len()).sum();
    let codes: usize = lex.actors.actor.iter().map(|a| a.codes.len()).sum();
    println!(
        "{} verb blocks, {patterns} patterns, {} actors with {codes} codes, {} agents, {} discards",
        lex.verbs.verb.len(),
        lex.actors.actor.len(),
        lex.agents.agent.len(),
        lex.discards.phrase.len()
    );
    let verbs = include_str!("../../../data/lexicon/verbs.toml");
    let actors = include_str!("../../../data/lexicon/actors.toml");
    let agents = include_str!("../../../data/lexicon/agents.toml");
    let discards = include_str!("../../../data/lexicon/discards.toml");
    let (t, _) = min_of_5(|| Ok(toml::from_str::<VerbsFile>(verbs)?))?;
    println!("verbs.toml    {:>9} bytes {:>6.1} ms", verbs.len(), ms(t));
    let (t, _) = min_of_5(|| Ok(toml::from_str::<ActorsFile>(actors)?))?;
    println!("actors.toml   {:>9} bytes {:>6.1} ms", actors.len(), ms(t));
    let (t, _) = min_of_5(|| Ok(toml::from_str::<AgentsFile>(agents)?))?;
    println!("agents.toml   {:>9} bytes {:>6.1} ms", agents.len(), ms(t));
    let (t, _) = min_of_5(|| Ok(toml::from_str::<DiscardsFile>(discards)?))?;
    println!(
        "discards.toml {:>9} bytes {:>6.1} ms",
        discards.len(),
        ms(t)
    );
    Ok(())
}
