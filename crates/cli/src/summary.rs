//! The summary `dateline extract` prints on stderr: every file accounted for, articles by adapter,
//! warnings and rejections.

use dateline_ingest::inputs::Outcome;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Default)]
pub struct Summary {
    pub files: usize,
    pub skipped: usize,
    pub articles: usize,
    pub events: usize,
    /// Articles per adapter, so a user sees which layouts read their pages.
    pub by_adapter: BTreeMap<&'static str, usize>,
    pub rejections: Vec<(PathBuf, String)>,
    /// Archive records that are not pages, by kind ("request records", "image/png payloads").
    pub skipped_records: BTreeMap<String, usize>,
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
            Outcome::SkippedRecord { kind } => {
                *self.skipped_records.entry(kind.clone()).or_default() += 1
            }
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
        let skipped = skipped_note(self.skipped, &self.skipped_records);
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

/// " (3 other files skipped; 12 archive records skipped: 5 request records, …)", or nothing.
pub fn skipped_note(files: usize, records: &BTreeMap<String, usize>) -> String {
    let mut parts = Vec::new();
    if files > 0 {
        parts.push(format!("{files} other files skipped"));
    }
    let total: usize = records.values().sum();
    if total > 0 {
        let mut kinds: Vec<(&String, &usize)> = records.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        parts.push(format!(
            "{total} archive records skipped: {}",
            kinds.join(", ")
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}
