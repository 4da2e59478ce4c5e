//! No site adapter claims a page of another site.
//!
//! A site adapter's outlet goes on every article it reads, and a wrong outlet is worse than none. So
//! every site adapter's `detect` runs over every page of the two public benchmark sets (news sites,
//! blogs and synthetic pages, none of them ours) and must stay below the claim threshold. The pages
//! are read as the pipeline reads a capture: bytes → [`Capture::from_bytes`] (decoding) → page.
//! With the page's own URL, the pipeline must fall back to the generic adapter too.

use dateline_core::{Capture, Media, Sidecar, adapter, extract::page_of};
use dateline_snapshots::workspace_root;
use std::io::Read;
use std::path::{Path, PathBuf};

fn gunzip(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path)
        .unwrap_or_else(|e| panic!("{}: cannot open: {e}", path.display()));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: cannot decompress: {e}", path.display()));
    bytes
}

/// `(label, page path, URL when the set records one)` for every page of both sets.
fn benchmark_pages(root: &Path) -> Vec<(String, PathBuf, Option<String>)> {
    let mut pages = Vec::new();
    let extraction = root.join("benchmarks/article-extraction");
    let truth: serde_json::Value = std::fs::read_to_string(extraction.join("ground-truth.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    for entry in std::fs::read_dir(extraction.join("html"))
        .expect("benchmarks/article-extraction/html is listed")
        .flatten()
    {
        let path = entry.path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html.gz"))
        else {
            continue;
        };
        let url = truth[id]["url"].as_str().map(str::to_owned);
        pages.push((format!("article-extraction/{id}"), path, url));
    }
    let readability = root.join("benchmarks/readability-test-pages/pages");
    for entry in std::fs::read_dir(&readability)
        .expect("benchmarks/readability-test-pages/pages is listed")
        .flatten()
    {
        let path = entry.path().join("source.html.gz");
        if path.is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            pages.push((format!("readability-test-pages/{name}"), path, None));
        }
    }
    pages.sort();
    pages
}

#[test]
fn no_site_adapter_claims_a_benchmark_page() {
    let root = workspace_root();
    let pages = benchmark_pages(&root);
    // 181 + 130 pages: a set that went missing must fail, not pass empty.
    assert!(
        pages.len() >= 311,
        "only {} benchmark pages found",
        pages.len()
    );
    // Names the adapter crates, so that their registrations are linked into this test.
    let sites: Vec<_> = dateline_adapters::linked()
        .into_iter()
        .filter(|a| !a.is_fallback())
        .collect();
    assert!(!sites.is_empty(), "no site adapter is linked");
    let mut claims = Vec::new();
    for (label, path, url) in &pages {
        let bytes = gunzip(path);
        let sidecar = Sidecar {
            url: url.clone(),
            ..Default::default()
        };
        let Ok(capture) = Capture::from_bytes(path, &bytes, Media::Html, sidecar) else {
            continue;
        };
        let page = page_of(&capture);
        for site in &sites {
            let d = site.detect(&page);
            if d.score >= adapter::MIN_SCORE {
                claims.push(format!(
                    "{label}: `{}` scores {} ({})",
                    site.id(),
                    d.score,
                    d.reason
                ));
            }
        }
        if let Some((chosen, why)) = adapter::select(&page, capture.host().as_deref())
            && !chosen.is_fallback()
        {
            claims.push(format!(
                "{label}: the pipeline chose `{}` ({})",
                chosen.id(),
                why.reason
            ));
        }
    }
    assert!(
        claims.is_empty(),
        "site adapters claim foreign pages (score furniture only their site prints):\n{}",
        claims.join("\n")
    );
}
