//! Loading `benchmarks/article-extraction`: gzip-compressed pages and their gold bodies.

use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::Path;

pub struct BenchPage {
    /// The 64-hex id, the file stem.
    pub id: String,
    pub url: String,
    /// Raw page bytes, decompressed.
    pub html: Vec<u8>,
    pub gold: String,
}

/// Every page of the benchmark, sorted by id. Fails when the pages and the ground truth disagree.
pub fn load(dir: &Path) -> Result<Vec<BenchPage>> {
    let truth_path = dir.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("reading {}", truth_path.display()))?;
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&truth_text)
        .with_context(|| format!("parsing {}", truth_path.display()))?;
    let html_dir = dir.join("html");
    let mut pages = Vec::new();
    for entry in
        std::fs::read_dir(&html_dir).with_context(|| format!("listing {}", html_dir.display()))?
    {
        let path = entry?.path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html.gz"))
        else {
            continue;
        };
        let record = truth
            .get(id)
            .with_context(|| format!("{id}: page without ground truth"))?;
        let gold = record
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        let url = record
            .get("url")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        let file =
            std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut html)
            .with_context(|| format!("decompressing {}", path.display()))?;
        pages.push(BenchPage {
            id: id.to_owned(),
            url,
            html,
            gold,
        });
    }
    if pages.len() != truth.len() {
        bail!(
            "{} pages in {} but {} entries in the ground truth",
            pages.len(),
            html_dir.display(),
            truth.len()
        );
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}
