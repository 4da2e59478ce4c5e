//! `cargo xtask gazetteer` (being written).

use anyhow::{Result, bail};
use std::path::Path;

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let _ = (root, args);
    bail!("cargo xtask gazetteer is not written yet")
}
