//! `dateline ingest` of what was extracted elsewhere: JSON Lines of articles (as `dateline
//! extract` prints them), of event mentions (`dateline extract --events`), and the output folders
//! of the Spark job (`articles/`, `mentions/`, `rejected/` of `part-*` files, gzipped or not).
//!
//! Nothing is extracted again. The articles of one capture (consecutive lines with the same
//! `capture`) become one stored capture, whose identity is the hash of those articles, so a rerun
//! adds nothing and a capture extracted anew with other results replaces the old rows. Mentions are
//! added after every article, to the articles they name.

use anyhow::{Context, Result};
use dateline_core::Article;
use dateline_core::event::EventMention;
use dateline_store::{NewCapture, Rejection, Store};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// True for a file of extracted JSON Lines: `*.jsonl`, `*.ndjson` (gzipped or not), or a Spark
/// partition (`part-00000`, `part-00000.gz`; not its `.crc` checksum).
pub fn is_extracted(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    let base = name.strip_suffix(".gz").unwrap_or(&name);
    base.ends_with(".jsonl")
        || base.ends_with(".ndjson")
        || (base.starts_with("part-") && !base.ends_with(".crc"))
}

#[derive(Default)]
pub struct Report {
    pub files: usize,
    pub new_captures: usize,
    pub known_captures: usize,
    pub articles: usize,
    pub mentions: usize,
    /// Mentions whose article is in no input nor in the database.
    pub orphans: usize,
    pub rejected: usize,
}

fn lines(path: &Path) -> Result<Box<dyn BufRead>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    Ok(Box::new(BufReader::new(reader)))
}

/// What a line holds, told by its keys: the typed value is built only by the pass that uses it.
enum Line {
    Article(serde_json::Value),
    Mention(serde_json::Value),
    Rejected { capture: String, reason: String },
}

fn classify(text: &str) -> Result<Line, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    let has = |k: &str| v.get(k).is_some();
    if has("evidence") && has("article") {
        return Ok(Line::Mention(v));
    }
    if has("body") && has("capture") {
        return Ok(Line::Article(v));
    }
    if let (Some(c), Some(r)) = (v["capture"].as_str(), v["reason"].as_str()) {
        return Ok(Line::Rejected {
            capture: c.to_owned(),
            reason: r.to_owned(),
        });
    }
    Err("neither an article, an event mention nor a rejection".into())
}

/// The stored form of one capture's articles.
fn capture_of(articles: Vec<Article>, source: &Path) -> NewCapture {
    let mut hash = Sha256::new();
    hash.update(b"extracted articles\n");
    for a in &articles {
        hash.update(serde_json::to_string(a).unwrap_or_default().as_bytes());
        hash.update(b"\n");
    }
    let sha256: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let first = &articles[0];
    NewCapture {
        sha256,
        name: first.capture.clone(),
        path: first.capture.clone(),
        file: first.capture.clone(),
        url: first.url.clone(),
        captured_at: first.captured.raw.clone(),
        outlet_hint: None,
        media: "extracted".into(),
        encoding: String::new(),
        adapter: first.adapter.name.clone(),
        reason: format!("extracted elsewhere; read from {}", source.display()),
        fingerprints: Vec::new(),
        articles,
        mentions: Vec::new(),
    }
}

/// Stores the articles of `files`, then their mentions, `batch` captures a transaction.
pub fn ingest(store: &mut Store, files: &[PathBuf], batch: usize) -> Result<Report> {
    let mut report = Report {
        files: files.len(),
        ..Report::default()
    };
    let mut pending: Vec<NewCapture> = Vec::new();
    let mut rejections: Vec<Rejection> = Vec::new();
    let flush = |store: &mut Store,
                 pending: &mut Vec<NewCapture>,
                 rejections: &mut Vec<Rejection>,
                 report: &mut Report|
     -> Result<()> {
        for r in rejections.iter() {
            eprintln!("rejected {}: {}", r.path, r.reason);
        }
        let r = store
            .ingest_batch(pending, rejections)
            .context("writing a batch to the database")?;
        report.new_captures += r.new_captures;
        report.known_captures += r.known_captures;
        report.articles += r.articles;
        report.rejected += rejections.len();
        pending.clear();
        rejections.clear();
        Ok(())
    };
    // Pass 1: articles (and rejections), grouped by capture.
    for file in files {
        let mut group: Vec<Article> = Vec::new();
        for (n, line) in lines(file)?.lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", file.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            match classify(&line) {
                Ok(Line::Article(v)) => match serde_json::from_value::<Article>(v) {
                    Ok(a) => {
                        if group.first().is_some_and(|g| g.capture != a.capture) {
                            pending.push(capture_of(std::mem::take(&mut group), file));
                        }
                        group.push(a);
                    }
                    Err(e) => rejections.push(Rejection {
                        path: format!("{}:{}", file.display(), n + 1),
                        sha256: None,
                        reason: format!("not an article ({e})"),
                    }),
                },
                Ok(Line::Mention(_)) => {}
                Ok(Line::Rejected { capture, reason }) => rejections.push(Rejection {
                    path: capture,
                    sha256: None,
                    reason,
                }),
                Err(reason) => rejections.push(Rejection {
                    path: format!("{}:{}", file.display(), n + 1),
                    sha256: None,
                    reason,
                }),
            }
            if pending.len() >= batch {
                flush(store, &mut pending, &mut rejections, &mut report)?;
            }
        }
        if !group.is_empty() {
            pending.push(capture_of(group, file));
        }
    }
    flush(store, &mut pending, &mut rejections, &mut report)?;
    // Pass 2: mentions, now that every article they may name is stored.
    let mut mentions: Vec<EventMention> = Vec::new();
    let add = |store: &mut Store, mentions: &mut Vec<EventMention>, report: &mut Report| {
        let (added, orphans) = store.add_mentions(mentions)?;
        report.mentions += added;
        report.orphans += orphans;
        mentions.clear();
        Ok::<(), anyhow::Error>(())
    };
    for file in files {
        for (n, line) in lines(file)?.lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", file.display()))?;
            let Ok(Line::Mention(v)) = classify(&line) else {
                continue;
            };
            match serde_json::from_value::<EventMention>(v) {
                Ok(m) => mentions.push(m),
                Err(e) => rejections.push(Rejection {
                    path: format!("{}:{}", file.display(), n + 1),
                    sha256: None,
                    reason: format!("not an event mention ({e})"),
                }),
            }
            if mentions.len() >= batch * 20 {
                add(store, &mut mentions, &mut report)?;
            }
        }
    }
    add(store, &mut mentions, &mut report)?;
    if !rejections.is_empty() {
        flush(store, &mut pending, &mut rejections, &mut report)?;
    }
    Ok(report)
}
