//! The Python side of `cargo xtask test`: the environment some tests need (warcio writes the
//! WARC files the archive tests read; pytest runs the Python package's tests) in
//! `target/test-venv`, made and filled from `python/requirements-test.txt` and made again only
//! when that file changes; and the Python package's tests, on the native module built in debug.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The venv's python, ready to use.
pub fn test_env(root: &Path) -> Result<PathBuf> {
    let venv = root.join("target/test-venv");
    let python = venv.join("bin/python");
    let requirements = root.join("python/requirements-test.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .with_context(|| format!("reading {}", requirements.display()))?;
    let stamp = venv.join("requirements.stamp");
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(&wanted) {
        return Ok(python);
    }
    eprintln!("xtask: making the test Python environment (target/test-venv)");
    let _ = std::fs::remove_dir_all(&venv);
    let system = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let status = Command::new(&system)
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .with_context(|| format!("starting {system} (set PYTHON to a Python 3.9+ interpreter)"))?;
    if !status.success() {
        bail!(
            "`{system} -m venv target/test-venv` failed ({status}); on Debian: apt install python3-venv"
        );
    }
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(&requirements)
        .status()
        .context("starting pip")?;
    if !status.success() {
        bail!(
            "pip could not install {} ({status}); the archive tests need them",
            requirements.display()
        );
    }
    std::fs::write(&stamp, wanted).context("writing the venv stamp")?;
    Ok(python)
}

/// Builds the native module (debug, like the rest of the suite), puts it beside the package's
/// Python files in `target/python-stage`, and runs `python/tests` with pytest against it and the
/// CLI. `pip install .` builds the same module through maturin, in release.
pub fn pytest(root: &Path, python: &Path) -> Result<()> {
    eprintln!("xtask: python/tests (pytest) on the native module in debug");
    let status = crate::cargo()
        .args([
            "build",
            "--quiet",
            "-p",
            "dateline-python",
            "-p",
            "dateline",
        ])
        .current_dir(root)
        .status()
        .context("starting cargo build -p dateline-python")?;
    if !status.success() {
        bail!(
            "building the Python module failed (the error is above) — fix: cargo build -p dateline-python"
        );
    }
    let stage = root.join("target/python-stage");
    let package = stage.join("dateline");
    let _ = std::fs::remove_dir_all(&stage);
    std::fs::create_dir_all(&package).context("creating target/python-stage")?;
    for entry in std::fs::read_dir(root.join("python/dateline"))?.flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), package.join(entry.file_name()))?;
        }
    }
    std::fs::copy(
        root.join("target/debug/lib_dateline.so"),
        package.join("_dateline.abi3.so"),
    )
    .context("copying target/debug/lib_dateline.so")?;
    let status = Command::new(python)
        .args(["-m", "pytest", "-q", "python/tests"])
        .env("PYTHONPATH", &stage)
        .env("DATELINE_BIN", root.join("target/debug/dateline"))
        .current_dir(root)
        .status()
        .context("starting pytest")?;
    if !status.success() {
        bail!("python/tests failed ({status}; pytest's report is above) — rerun: cargo xtask test");
    }
    Ok(())
}
