//! The Python environment some tests need (warcio writes the WARC files the archive tests read):
//! a virtual environment in `target/test-venv`, made and filled from
//! `python/requirements-test.txt` by `cargo xtask test`, and made again only when that file
//! changes.

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
