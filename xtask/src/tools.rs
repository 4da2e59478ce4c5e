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
    ensure_cargo_insta(root)?;
    let mut cmd = cargo();
    cmd.args([
        "insta",
        "test",
        "--workspace",
        "--check",
        "--unreferenced=reject",
    ])
    .current_dir(root);
    if !extra.is_empty() {
        cmd.arg("--").args(extra);
    }
    // insta reads CI=true as "never write snapshots"; --check makes it so everywhere.
    let what = "cargo insta test --workspace --check --unreferenced=reject";
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
        .args(["insta", "test", "--workspace", "--unreferenced=warn"])
        .env("INSTA_UPDATE", "new")
        .current_dir(root)
        .status();
    run(
        cargo().args(["insta", "review"]).current_dir(root),
        "cargo insta review",
    )
}
