//! `cargo xtask eval-events [ARGS…]`: event coding scored and timed, in one report.
//!
//! Builds and runs the `eval-events` binary of `dateline-eval` in release mode (speed figures from a
//! debug build mean nothing). It scores the sample captures against `samples/gold/seeds.json`, the
//! PLOVER gold standard records of `benchmarks/plover`, times `Extractor::mentions` on one thread and
//! the lexicon's load. The speed figure is taken on the 10k bench corpus of `cargo xtask bench`,
//! generated here when missing, so both commands time the same captures. Arguments are passed on:
//! `--verbose` lists every PLOVER record missed, `--json` prints the figures as one object,
//! `--corpus DIR` times another folder of captures.

use crate::bench;
use anyhow::{Context, Result, bail};
use std::path::Path;

/// Captures in the timed corpus: the smallest size `cargo xtask bench` generates.
const CORPUS_CAPTURES: usize = 10_000;

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut cmd = crate::cargo();
    cmd.args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "dateline-eval",
        "--bin",
        "eval-events",
        "--",
    ])
    .arg("--root")
    .arg(root);
    if !args.iter().any(|a| a == "--corpus") {
        let corpus = bench::corpus(root, CORPUS_CAPTURES)
            .context("generating the bench corpus (target/bench)")?;
        cmd.arg("--corpus").arg(corpus);
    }
    let status = cmd
        .args(args)
        .current_dir(root)
        .status()
        .context("starting cargo run -p dateline-eval --bin eval-events")?;
    if !status.success() {
        bail!("eval-events failed ({status})");
    }
    Ok(())
}
