//! Walking the paths the user gave, and accounting for every file: articles or a recorded rejection.

use dateline_core::{Article, Capture, capture::media_for};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

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
}

/// Every capture under `paths`, in a stable order; explicitly named non-captures are rejected.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Outcome>) {
    let mut walk = Walk::new(paths);
    let files = walk.by_ref().collect();
    (files, walk.take_early())
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
}

impl Walk {
    pub fn new(paths: &[PathBuf]) -> Self {
        let named: Vec<PathBuf> = paths.to_owned();
        Walk {
            stack: vec![named.into_iter()],
            early: Vec::new(),
            visited: HashSet::new(),
        }
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

impl Iterator for Walk {
    type Item = PathBuf;

    fn next(&mut self) -> Option<PathBuf> {
        loop {
            let named = self.stack.len() == 1;
            let Some(p) = self.stack.last_mut()?.next() else {
                self.stack.pop();
                continue;
            };
            if p.is_dir() {
                self.enter(&p);
            } else if media_for(&p).is_some() && (!named || p.exists()) {
                return Some(p);
            } else if named {
                let reason = if p.exists() {
                    "not a capture (expected .txt, .html or .htm)"
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

/// Loads and extracts every capture in parallel; the result keeps the input order.
pub fn extract_all(paths: &[PathBuf]) -> Vec<Outcome> {
    let (files, mut outcomes) = collect(paths);
    let extracted: Vec<Outcome> = files.par_iter().map(|f| extract_one(f)).collect();
    outcomes.extend(extracted);
    outcomes
}

pub fn extract_one(file: &Path) -> Outcome {
    let capture = match Capture::load(file) {
        Ok(c) => c,
        Err(e) => {
            return Outcome::Rejected {
                file: file.into(),
                reason: strip_path(&e.to_string(), file),
            };
        }
    };
    match dateline_core::extract(&capture) {
        Ok(x) => Outcome::Extracted {
            file: file.into(),
            adapter: x.adapter,
            articles: x.articles,
            warnings: capture.warnings,
        },
        Err(e) => Outcome::Rejected {
            file: file.into(),
            reason: strip_path(&e.to_string(), file),
        },
    }
}

/// Errors name their file; the summary prints the path once, so drop the repeated prefix.
pub fn strip_path(message: &str, file: &Path) -> String {
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

#[derive(Default)]
pub struct Summary {
    pub files: usize,
    pub skipped: usize,
    pub articles: usize,
    pub events: usize,
    /// Articles per adapter, so a user sees which layouts read their pages.
    pub by_adapter: std::collections::BTreeMap<&'static str, usize>,
    pub rejections: Vec<(PathBuf, String)>,
    /// Captures read with repairs, and what was repaired.
    pub warnings: Vec<(PathBuf, String)>,
}

impl Summary {
    pub fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Extracted {
                file,
                adapter,
                articles,
                warnings,
            } => {
                self.files += 1;
                for w in warnings {
                    self.warnings.push((file.clone(), w.clone()));
                }
                self.articles += articles.len();
                *self.by_adapter.entry(adapter).or_default() += articles.len();
            }
            Outcome::Rejected { file, reason } => {
                self.files += 1;
                self.rejections.push((file.clone(), reason.clone()));
            }
            Outcome::Skipped => self.skipped += 1,
        }
    }

    pub fn rejected(&self) -> usize {
        self.rejections.len()
    }

    pub fn print(&self, events: bool) {
        for (file, warning) in &self.warnings {
            eprintln!("warning {}: {warning}", file.display());
        }
        for (file, reason) in &self.rejections {
            eprintln!("rejected {}: {reason}", file.display());
        }
        let events = if events {
            format!(", {} event mentions", self.events)
        } else {
            String::new()
        };
        let skipped = if self.skipped > 0 {
            format!(" ({} other files skipped)", self.skipped)
        } else {
            String::new()
        };
        let by: Vec<String> = self
            .by_adapter
            .iter()
            .map(|(a, n)| format!("{a} {n}"))
            .collect();
        let by = if by.is_empty() {
            String::new()
        } else {
            format!(" ({})", by.join(", "))
        };
        eprintln!(
            "read {} files{skipped}: {} articles{by}{events}, {} rejected",
            self.files,
            self.articles,
            self.rejected()
        );
    }
}
