//! Running cargo and its tools.

use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn run(cmd: &mut Command, what: &str) -> Result<()> {
    eprintln!("xtask: {what}");
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Installs cargo-insta with `--locked` when it is missing, so a fresh machine needs no manual step.
fn ensure_cargo_insta(root: &Path) -> Result<()> {
    let found = cargo()
        .args(["insta", "--version"])
        .current_dir(root)
        .output()
        .map(|o| o.status.success());
    if found.unwrap_or(false) {
        return Ok(());
    }
    run(
        cargo().args(["install", "cargo-insta", "--locked"]),
        "installing cargo-insta",
    )
}

/// The report test renders the timeline in headless Chromium (Debian's package). Under CI a missing
/// browser is installed here, so a fresh machine needs nothing by hand; elsewhere the test says how.
fn ensure_chromium(root: &Path, ci: bool) -> Result<()> {
    if !ci || Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    run(
        Command::new("bash").arg(root.join(".ci/install-chromium")),
        "installing chromium (.ci/install-chromium)",
    )
}

pub fn test(root: &Path, extra: &[String]) -> Result<()> {
    run(
        cargo().args(["fmt", "--all", "--check"]).current_dir(root),
        "cargo fmt --check",
    )?;
    run(
        cargo()
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(root),
        "cargo clippy -D warnings",
    )?;
    // Snapshots in check mode: a new or changed snapshot fails the run. Locally the new version is
    // written beside the old one as `.snap.new` for `cargo xtask review`; under CI nothing is written.
    // Orphaned snapshots (a fixture removed or renamed) are rejected by the harness itself, so plain
    // `cargo test` is enough and a fresh machine needs no cargo-insta for this.
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    ensure_chromium(root, ci)?;
    let mut cmd = cargo();
    cmd.args(["test", "--workspace"])
        .env("INSTA_UPDATE", if ci { "no" } else { "new" })
        .env_remove("INSTA_FORCE_PASS")
        .current_dir(root);
    if !extra.is_empty() {
        cmd.arg("--").args(extra);
    }
    let what = "cargo test --workspace (snapshots in check mode)";
    eprintln!("xtask: {what}");
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!(
            "tests failed ({status}).\n\
             If a snapshot is new or changed, run `cargo xtask review`, read every change against the \
             fixture page (and samples/gold/seeds.json for the samples), and accept only what is right."
        );
    }
    Ok(())
}

pub fn review(root: &Path) -> Result<()> {
    ensure_cargo_insta(root)?;
    // Regenerate pending snapshots (never overwriting accepted ones), then review them one by one.
    let _ = cargo()
        .args(["test", "--workspace"])
        .env("INSTA_UPDATE", "new")
        .current_dir(root)
        .status();
    run(
        cargo().args(["insta", "review"]).current_dir(root),
        "cargo insta review",
    )
}
