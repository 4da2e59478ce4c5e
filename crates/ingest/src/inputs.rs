//! Walking the paths the user gave, and accounting for every file: articles or a recorded rejection.
//!
//! A path is a capture (`.txt`, `.html`, `.htm` with its optional sidecar), a folder of them, or a
//! web archive (`.warc`, `.warc.gz`, `.wacz`) whose page records are captures of their own, named
//! `ARCHIVE#OFFSET`. Archives are read record by record as the walk goes, never whole.

use dateline_archive::Entry;
use dateline_core::{Article, Capture, CaptureError, capture::media_for};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Captures read and extracted together: enough to keep both cores busy, few enough that a
/// batch of archive records (each up to the capture limit) stays small.
pub const BATCH: usize = 256;

/// One capture to read: a file, or a page record already read from an archive; or a file of
/// articles and mentions extracted elsewhere (only `ingest` reads those, see `extracted`).
pub enum Input {
    File(PathBuf),
    Record(dateline_archive::Record),
    Extracted(PathBuf),
}

impl Input {
    /// The path reported for this capture (`ARCHIVE#OFFSET` for a record).
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Extracted(p) => p,
            Input::Record(r) => &r.path,
        }
    }

    /// Reads the capture: the file and its sidecar, or the record's payload with what its
    /// headers say in place of a sidecar.
    pub fn load(self) -> Result<Capture, CaptureError> {
        match self {
            Input::File(p) => Capture::load(&p),
            Input::Record(r) => Capture::from_bytes(&r.path, &r.payload, r.media, r.sidecar),
            Input::Extracted(p) => Err(CaptureError::NotACapture { path: p }),
        }
    }
}

/// What became of one input, or of a path, file or record the walk met that is not a capture.
pub enum Outcome {
    Extracted {
        file: PathBuf,
        adapter: &'static str,
        articles: Vec<Article>,
        /// What was repaired while reading the capture (see `Capture::warnings`).
        warnings: Vec<String>,
    },
    Rejected {
        file: PathBuf,
        reason: String,
    },
    /// A file in a folder that is not a capture (a sidecar, a README): counted, not read.
    Skipped,
    /// An archive record that is not a page (a request, an image, a redirect): counted by kind.
    SkippedRecord {
        kind: String,
    },
}

/// The captures under some paths, found as the walk goes (each folder's entries sorted, depth
/// first): it holds one folder listing per level, never the list of a whole corpus.
pub struct Walk {
    /// Entries still to visit, per level; level 0 is the paths the user named.
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    /// Rejections and skipped files met since the last [`Walk::take_early`].
    early: Vec<Outcome>,
    /// Canonical paths of the folders entered: a symlink back to a parent (`ln -s . self`) or two
    /// routes to one folder must not read its captures again, or forever.
    visited: HashSet<PathBuf>,
    /// The archive being read, if any: its records come before the walk goes on.
    archive: Option<dateline_archive::Entries>,
    /// False for a walk that only counts inputs: an archive is then one item, not opened.
    open_archives: bool,
}

impl Walk {
    pub fn new(paths: &[PathBuf]) -> Self {
        let named: Vec<PathBuf> = paths.to_owned();
        Walk {
            stack: vec![named.into_iter()],
            early: Vec::new(),
            visited: HashSet::new(),
            archive: None,
            open_archives: true,
        }
    }

    /// A walk that yields archives as single files without reading them (for counting).
    pub fn without_archives(paths: &[PathBuf]) -> Self {
        Walk {
            open_archives: false,
            ..Walk::new(paths)
        }
    }

    /// The next page record of the archive being read; other records are accounted for.
    fn next_record(&mut self) -> Option<Input> {
        let entries = self.archive.as_mut()?;
        for entry in entries.by_ref() {
            match entry {
                Entry::Page(r) => return Some(Input::Record(r)),
                Entry::Skipped { kind } => self.early.push(Outcome::SkippedRecord { kind }),
                Entry::Rejected { path, reason } => {
                    self.early.push(Outcome::Rejected { file: path, reason })
                }
            }
            if self.early.len() >= BATCH {
                // Let the caller report them: an archive of a million images is no reason to
                // hold a million outcomes.
                return None;
            }
        }
        self.archive = None;
        None
    }

    /// What the walk met that is not a capture, since the last call.
    pub fn take_early(&mut self) -> Vec<Outcome> {
        std::mem::take(&mut self.early)
    }

    fn enter(&mut self, dir: &Path) {
        match std::fs::canonicalize(dir) {
            Ok(canonical) => {
                if !self.visited.insert(canonical) {
                    // Its files were counted the first time; this route to it is counted here.
                    self.early.push(Outcome::Skipped);
                    return;
                }
            }
            Err(e) => {
                self.early.push(Outcome::Rejected {
                    file: dir.into(),
                    reason: format!("cannot resolve folder: {e}"),
                });
                return;
            }
        }
        match std::fs::read_dir(dir) {
            Ok(rd) => {
                let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
                entries.sort();
                self.stack.push(entries.into_iter());
            }
            Err(e) => self.early.push(Outcome::Rejected {
                file: dir.into(),
                reason: format!("cannot read folder: {e}"),
            }),
        }
    }
}

/// `None` ends the walk, or pauses it inside an archive when [`BATCH`] outcomes wait to be
/// taken; [`Walk::next_batch`] is the way to read a walk that may open archives.
impl Iterator for Walk {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if self.archive.is_some() {
                if let Some(record) = self.next_record() {
                    return Some(record);
                }
                if self.archive.is_some() {
                    // Paused with outcomes to report; resumed by the next call.
                    return None;
                }
            }
            let named = self.stack.len() == 1;
            let Some(p) = self.stack.last_mut()?.next() else {
                self.stack.pop();
                continue;
            };
            if p.is_dir() {
                self.enter(&p);
            } else if dateline_archive::kind_of(&p).is_some() && (!named || p.exists()) {
                if !self.open_archives {
                    return Some(Input::File(p));
                }
                match dateline_archive::open(&p) {
                    Ok(entries) => self.archive = Some(entries),
                    Err(e) => self.early.push(Outcome::Rejected {
                        reason: strip_path(&e.to_string(), &p),
                        file: p,
                    }),
                }
            } else if media_for(&p).is_some() && (!named || p.exists()) {
                return Some(Input::File(p));
            } else if crate::extracted::is_extracted(&p) && (!named || p.exists()) {
                return Some(Input::Extracted(p));
            } else if named {
                let reason = if p.exists() {
                    "not a capture (expected .txt, .html, .htm, .warc, .warc.gz, .wacz, or extracted .jsonl)"
                } else {
                    "no such file or folder"
                };
                self.early.push(Outcome::Rejected {
                    file: p,
                    reason: reason.into(),
                });
            } else if p.extension().is_some_and(|e| e == "toml") {
                // A sidecar: read together with its capture.
            } else {
                self.early.push(Outcome::Skipped);
            }
        }
    }
}

impl Walk {
    /// The next batch: up to `size` inputs and what the walk met on the way (rejections,
    /// skipped files and records). Both empty when the walk is over.
    pub fn next_batch(&mut self, size: usize) -> (Vec<Input>, Vec<Outcome>) {
        let mut inputs = Vec::new();
        while inputs.len() < size.max(1) {
            match self.next() {
                Some(i) => inputs.push(i),
                None => break,
            }
        }
        (inputs, self.take_early())
    }
}

/// Loads and extracts a batch of captures in parallel; the result keeps the input order.
pub fn extract_batch(inputs: Vec<Input>) -> Vec<Outcome> {
    inputs.into_par_iter().map(extract_one).collect()
}

fn extract_one(input: Input) -> Outcome {
    let file = input.path().to_owned();
    if let Input::Extracted(_) = input {
        return Outcome::Rejected {
            file,
            reason:
                "articles or mentions already extracted (JSON Lines); `dateline ingest` stores them"
                    .into(),
        };
    }
    let capture = match input.load() {
        Ok(c) => c,
        Err(e) => {
            return Outcome::Rejected {
                reason: strip_path(&e.to_string(), &file),
                file,
            };
        }
    };
    match dateline_core::extract(&capture) {
        Ok(x) => Outcome::Extracted {
            file,
            adapter: x.adapter,
            articles: x.articles,
            warnings: capture.warnings,
        },
        Err(e) => Outcome::Rejected {
            reason: strip_path(&e.to_string(), &file),
            file,
        },
    }
}

/// Errors name their file; the summary prints the path once, so drop the repeated prefix.
pub(crate) fn strip_path(message: &str, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let full = file.display().to_string();
    message
        .strip_prefix(&format!("{full}: "))
        .or_else(|| message.strip_prefix(&format!("{name}: ")))
        .unwrap_or(message)
        .to_owned()
}
