//! `dateline ingest` of what was extracted elsewhere: JSON Lines of articles (as `dateline
//! extract` prints them), of event mentions (`dateline extract --events`), and the output folders
//! of the Spark job (`articles/`, `mentions/`, `rejected/` of `part-*` files, gzipped or not).
//!
//! Nothing is extracted again. The articles of one capture (consecutive lines with the same
//! `capture`) become one stored capture, whose identity is the hash of those articles, so a rerun
//! adds nothing and a capture extracted anew with other results replaces the old rows. Mentions are
//! added after every article, to the articles they name.

use crate::Progress;
use dateline_core::Article;
use dateline_core::event::EventMention;
use dateline_store::{NewCapture, Rejection, Store, StoreError};
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Mentions are added in transactions of this many per capture of a batch.
const MENTIONS_PER_CAPTURE: usize = 20;

/// Why files of extracted JSON Lines could not be stored (a bad line is a rejection, not this).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("opening {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("reading {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing a batch to the database")]
    WriteBatch(#[source] StoreError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

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

/// What the files of extracted JSON Lines added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
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

fn lines(path: &Path) -> Result<Box<dyn BufRead>, Error> {
    let file = std::fs::File::open(path).map_err(|source| Error::Open {
        path: path.to_owned(),
        source,
    })?;
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

/// The lines of `file`, numbered from 1 as a rejection names them.
fn numbered_lines(
    file: &Path,
) -> Result<impl Iterator<Item = Result<(usize, String), Error>>, Error> {
    Ok(lines(file)?.lines().enumerate().map(|(n, line)| {
        line.map(|line| (n + 1, line))
            .map_err(|source| Error::Read {
                path: file.to_owned(),
                source,
            })
    }))
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
pub fn ingest(
    store: &mut Store,
    files: &[PathBuf],
    batch: usize,
    progress: &mut dyn Progress,
) -> Result<Report, Error> {
    let mut pass = Pass {
        store,
        progress,
        batch,
        pending: Vec::new(),
        rejections: Vec::new(),
        mentions: Vec::new(),
        report: Report {
            files: files.len(),
            ..Report::default()
        },
    };
    // Pass 1: articles (and rejections), grouped by capture.
    for file in files {
        pass.store_articles_of(file)?;
    }
    pass.write_batch()?;
    // Pass 2: mentions, now that every article they may name is stored.
    for file in files {
        pass.add_mentions_of(file)?;
    }
    pass.add_mentions()?;
    if !pass.rejections.is_empty() {
        pass.write_batch()?;
    }
    Ok(pass.report)
}

/// What the two passes over the files share: the rows waiting to be written, and the tally.
struct Pass<'a> {
    store: &'a mut Store,
    progress: &'a mut dyn Progress,
    /// Captures per transaction.
    batch: usize,
    pending: Vec<NewCapture>,
    rejections: Vec<Rejection>,
    mentions: Vec<EventMention>,
    report: Report,
}

impl Pass<'_> {
    /// Pass 1 over one file: its articles, grouped into captures, and its rejections.
    fn store_articles_of(&mut self, file: &Path) -> Result<(), Error> {
        let mut group: Vec<Article> = Vec::new();
        for line in numbered_lines(file)? {
            let (n, line) = line?;
            if line.trim().is_empty() {
                continue;
            }
            match classify(&line) {
                Ok(Line::Article(v)) => match serde_json::from_value::<Article>(v) {
                    Ok(a) => {
                        if group.first().is_some_and(|g| g.capture != a.capture) {
                            self.pending
                                .push(capture_of(std::mem::take(&mut group), file));
                        }
                        group.push(a);
                    }
                    Err(e) => self.reject(line_of(file, n), format!("not an article ({e})")),
                },
                Ok(Line::Mention(_)) => {}
                Ok(Line::Rejected { capture, reason }) => self.reject(capture, reason),
                Err(reason) => self.reject(line_of(file, n), reason),
            }
            if self.pending.len() >= self.batch {
                self.write_batch()?;
            }
        }
        if !group.is_empty() {
            self.pending.push(capture_of(group, file));
        }
        Ok(())
    }

    /// Pass 2 over one file: its event mentions.
    fn add_mentions_of(&mut self, file: &Path) -> Result<(), Error> {
        for line in numbered_lines(file)? {
            let (n, line) = line?;
            let Ok(Line::Mention(v)) = classify(&line) else {
                continue;
            };
            match serde_json::from_value::<EventMention>(v) {
                Ok(m) => self.mentions.push(m),
                Err(e) => self.reject(line_of(file, n), format!("not an event mention ({e})")),
            }
            if self.mentions.len() >= self.batch * MENTIONS_PER_CAPTURE {
                self.add_mentions()?;
            }
        }
        Ok(())
    }

    fn reject(&mut self, path: String, reason: String) {
        self.rejections.push(Rejection {
            path,
            sha256: None,
            reason,
        });
    }

    /// Writes the captures and rejections held, in one transaction.
    fn write_batch(&mut self) -> Result<(), Error> {
        self.progress.extracted_rejected(&self.rejections);
        let r = self
            .store
            .ingest_batch(&self.pending, &self.rejections)
            .map_err(Error::WriteBatch)?;
        self.report.new_captures += r.new_captures;
        self.report.known_captures += r.known_captures;
        self.report.articles += r.articles;
        self.report.rejected += self.rejections.len();
        self.pending.clear();
        self.rejections.clear();
        Ok(())
    }

    /// Adds the mentions held to the articles they name.
    fn add_mentions(&mut self) -> Result<(), Error> {
        let (added, orphans) = self.store.add_mentions(&self.mentions)?;
        self.report.mentions += added;
        self.report.orphans += orphans;
        self.mentions.clear();
        Ok(())
    }
}

/// A rejection's path for one line of a file: `FILE:LINE`.
fn line_of(file: &Path, n: usize) -> String {
    format!("{}:{n}", file.display())
}
