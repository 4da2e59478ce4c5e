//! `cargo run --release -p dateline-archive --example scan -- FILE…`: reads archives record by
//! record as `dateline` does, without extracting, and says what they hold and how fast they were
//! read. `cargo xtask bench` uses it to weigh reading against extraction.

use dateline_archive::{Entry, open};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let started = Instant::now();
    let (mut pages, mut bytes, mut rejected) = (0usize, 0usize, 0usize);
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for path in std::env::args_os().skip(1) {
        let entries = match open(path.as_ref()) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        for entry in entries {
            match entry {
                Entry::Page(r) => {
                    pages += 1;
                    bytes += r.payload.len();
                }
                Entry::Skipped { kind } => *skipped.entry(kind).or_default() += 1,
                Entry::Rejected { path, reason } => {
                    rejected += 1;
                    eprintln!("rejected {}: {reason}", path.display());
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let skipped: Vec<String> = skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!(
        "{pages} pages ({:.1} MiB of payload), {rejected} rejected, skipped: [{}]; read in {secs:.3} s ({:.0} pages/s)",
        bytes as f64 / (1024.0 * 1024.0),
        skipped.join(", "),
        pages as f64 / secs.max(1e-9)
    );
}
