//! Test-only package: see tests/. What its test files share: where the workspace is, and an
//! adapter folder's fixtures.

use std::path::{Path, PathBuf};

/// The workspace root (this package's parent folder).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The captures in a fixtures folder (`.txt`, `.html`, `.htm`; sidecars and notes left out), sorted.
pub fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| dateline_core::capture::media_for(p).is_some())
        .collect();
    out.sort();
    out
}
