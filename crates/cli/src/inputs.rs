//! Walking the paths the user gave, and accounting for every file: articles or a recorded rejection.

use dateline_core::{Article, Capture, capture::media_for};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub enum Outcome {
    Extracted {
        adapter: &'static str,
        articles: Vec<Article>,
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
    let mut files = Vec::new();
    let mut early = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files, &mut early);
        } else if !path.exists() {
            early.push(Outcome::Rejected {
                file: path.clone(),
                reason: "no such file or folder".into(),
            });
        } else if media_for(path).is_some() {
            files.push(path.clone());
        } else {
            early.push(Outcome::Rejected {
                file: path.clone(),
                reason: "not a capture (expected .txt, .html or .htm)".into(),
            });
        }
    }
    (files, early)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, out: &mut Vec<Outcome>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
        Err(e) => {
            out.push(Outcome::Rejected {
                file: dir.into(),
                reason: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files, out);
        } else if media_for(&p).is_some() {
            files.push(p);
        } else if p.extension().is_some_and(|e| e == "toml") {
            // A sidecar: read together with its capture.
        } else {
            out.push(Outcome::Skipped);
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
            adapter: x.adapter,
            articles: x.articles,
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
}

impl Summary {
    pub fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Extracted { adapter, articles } => {
                self.files += 1;
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
