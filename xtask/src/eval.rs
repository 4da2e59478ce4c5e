//! `cargo xtask eval [ARGS…]`: body extraction scored on `benchmarks/article-extraction`, then
//! body, title, byline and publication day on `benchmarks/readability-test-pages`.
//!
//! Builds and runs the `dateline-eval` binary in release mode (speed figures from a debug build mean
//! nothing); it reads every page, runs decode → `html::parse` → the generic adapter on one thread, and
//! prints the benchmark's own metric (README there) and pages/second. Arguments are passed on:
//! `--pages` lists every page worst first, `--explain ID` shows how one page was scored,
//! `--all-text` scores the "keep every block" baseline, `--out FILE` writes the predictions.

use anyhow::{Context, Result, bail};
use std::path::Path;

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let bench = root.join("benchmarks").join("article-extraction");
    let status = crate::cargo()
        .args(["run", "--release", "--quiet", "-p", "dateline-eval", "--"])
        .arg("--dir")
        .arg(&bench)
        .args(args)
        .current_dir(root)
        .status()
        .context("starting cargo run -p dateline-eval")?;
    if !status.success() {
        bail!("dateline-eval failed ({status})");
    }
    Ok(())
}
