//! Tagging throughput on a few MB of news text, single thread:
//! `cargo run --release -p dateline-tagger --example speed`.
//!
//! The event coder's budget is 2,000 articles of about 500 words per second per core, i.e.
//! roughly 1.2 million tokens per second with punctuation; this prints load time and tokens per
//! second for tagging alone and for tagging plus chunking.

use dateline_tagger::{Tagger, chunks};
use std::time::Instant;

const TEXT: &str = "Turkish drones struck a PKK position near Sinjar on Monday, killing two \
fighters, the Kurdistan Region's counter-terrorism service said. The attack was carried out by \
ISIS, according to a statement by the U.S.-led coalition, which has been conducting airstrikes \
in the area since 2014. Iraq and Turkey signed a memorandum of understanding on border security \
in Ankara last week. Two civilians were killed and five others wounded when a car bomb exploded \
in Baghdad's Sadr City on Tuesday, police said. Security forces have detained 12 suspected \
militants in raids across Nineveh province, an Interior Ministry spokesman told reporters. \
\"We will not allow any group to threaten our sovereignty,\" Prime Minister Mohammed Shia \
al-Sudani said in a televised speech, adding that the government would meet with Kurdish \
leaders on Thursday. Rocket fire hit the perimeter of Ain al-Asad air base, which hosts U.S. \
troops, causing no casualties, the Pentagon said. Protesters in Basra blocked roads and burned \
tires over power cuts; at least 3 people were injured in clashes with riot police.\n";

fn main() {
    let t0 = Instant::now();
    let tagger = match Tagger::bundled() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("loading the tagger: {e}");
            std::process::exit(1);
        }
    };
    let load = t0.elapsed();
    println!("load: {:.1} ms", load.as_secs_f64() * 1e3);

    // Tag paragraph by paragraph, as the coder tags an article's sentences.
    let reps = 4 * 1024 * 1024 / TEXT.len();
    let paragraphs: Vec<&str> = std::iter::repeat_n(TEXT, reps).collect();
    let bytes = TEXT.len() * reps;

    for round in 0..2 {
        let t = Instant::now();
        let mut tokens = 0usize;
        for p in &paragraphs {
            tokens += tagger.tag(p).len();
        }
        let tag_s = t.elapsed().as_secs_f64();

        let t = Instant::now();
        let mut phrases = 0usize;
        for p in &paragraphs {
            phrases += chunks(&tagger.tag(p)).len();
        }
        let both_s = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {:.1} MB, {tokens} tokens: tag {:.2} M tokens/s ({:.1} MB/s); \
             tag + chunk {:.2} M tokens/s ({phrases} chunks)",
            bytes as f64 / 1e6,
            tokens as f64 / tag_s / 1e6,
            bytes as f64 / tag_s / 1e6,
            tokens as f64 / both_s / 1e6,
        );
    }
}
