//! Captures into the store: every decision of `dateline ingest`, so that the binary only parses
//! arguments, draws progress and prints.
//!
//! The paths are walked a batch at a time ([`inputs`]); a batch is read and extracted in
//! parallel, then written at once, in one transaction, while the next batch is extracted (the
//! database's one writer would otherwise leave the cores idle). Captures already stored (same
//! identity: the page and its sidecar) are skipped before extraction, so a rerun after a crash
//! costs only the hashing of what was done; a file whose page or sidecar changed is extracted
//! again and replaces its earlier version. Files of articles extracted elsewhere are stored after
//! the captures ([`extracted`]). Stories and events are recomputed once at the end, from
//! everything stored.

mod captures;
pub mod extracted;
pub mod inputs;
mod memory;

use dateline_events::{Extractor, LexiconError};
use dateline_store::{BatchReport, Derived, Rejection, Store, StoreError};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use memory::peak_memory_kib;

/// What to ingest, and where.
pub struct Options {
    pub db: PathBuf,
    /// Captures, folders of captures, web archives, files of extracted JSON Lines.
    pub paths: Vec<PathBuf>,
    /// Captures per transaction.
    pub batch_size: usize,
}

/// Told what happens while an ingest runs, so a caller can show progress and report warnings and
/// rejections batch by batch, rather than hold them to the end. Every method does nothing unless
/// implemented.
pub trait Progress {
    /// The database is open and the lexicon loaded: captures are about to be read.
    fn started(&mut self) {}

    /// One batch of captures is stored.
    fn batch_stored(&mut self, _batch: &StoredBatch<'_>) {}

    /// Every capture is stored; what follows are the files of extracted JSON Lines, if any.
    fn captures_stored(&mut self) {}

    /// Lines (or captures named by a line) of extracted JSON Lines that are rejected, just before
    /// they are stored as rejections.
    fn extracted_rejected(&mut self, _rejections: &[Rejection]) {}

    /// The files of extracted JSON Lines are stored, before the rebuild starts.
    fn extracted_stored(&mut self, _report: &extracted::Report) {}
}

/// Progress nobody watches.
impl Progress for () {}

/// One batch of captures as stored.
pub struct StoredBatch<'a> {
    /// Captures of the batch (files and archive records), read or rejected.
    pub inputs: usize,
    /// Repairs made while reading captures stored for the first time, sorted by file.
    pub warnings: &'a [CaptureWarning],
    /// Captures and paths rejected, sorted by path.
    pub rejections: &'a [Rejection],
}

/// A repair made while reading a capture (see `Capture::warnings`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaptureWarning {
    pub file: String,
    pub message: String,
}

/// What an ingest did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Captures read (files and archive records), and paths or records rejected before reading.
    pub files: usize,
    /// Files in the folders given that are not captures.
    pub skipped_files: usize,
    /// Archive records that are not pages, by kind ("request records", "image/png payloads").
    pub skipped_records: BTreeMap<String, usize>,
    /// What the captures added; `known_captures` counts inputs, so two copies of a stored page
    /// are two.
    pub stored: BatchReport,
    /// Captures and paths rejected (not counting lines of extracted JSON Lines).
    pub rejected: usize,
    /// What the files of extracted JSON Lines added, when there were any.
    pub extracted: Option<extracted::Report>,
    /// What the rebuild produced, when the stored rows had changed.
    pub derived: Option<Derived>,
    pub database: DatabaseCounts,
    pub timings: Timings,
}

impl Summary {
    /// Every rejection: captures, paths and lines of extracted JSON Lines.
    pub fn rejected_in_all(&self) -> usize {
        self.rejected + self.extracted.map_or(0, |r| r.rejected)
    }
}

/// Rows of the database after the ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatabaseCounts {
    pub captures: u64,
    pub articles: u64,
    pub stories: u64,
    pub events: u64,
}

impl DatabaseCounts {
    fn read(store: &Store) -> Result<Self, StoreError> {
        let counts = store.counts()?;
        let count = |t: &str| counts.iter().find(|(n, _)| *n == t).map_or(0, |(_, c)| *c);
        Ok(DatabaseCounts {
            captures: count("captures"),
            articles: count("articles"),
            stories: count("stories"),
            events: count("events"),
        })
    }
}

/// Where the time went: CPU time per stage summed over threads, and wall time of the stages that
/// run on one thread.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timings {
    /// Captures handed to extraction (what a rate of files per second counts).
    pub captures: usize,
    /// Articles extracted from the captures not stored before.
    pub articles: usize,
    pub load: Duration,
    pub extract: Duration,
    pub events: Duration,
    pub store: Duration,
    pub rebuild: Duration,
    /// Peak resident memory before the rebuild, in KiB, where the system tells it.
    pub peak_before_rebuild_kib: Option<u64>,
}

/// Why an ingest stopped. A capture that cannot be read is a rejection, stored with its reason,
/// never this.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no such file or folder: {} (nothing was ingested)", .0.join(", "))]
    Missing(Vec<String>),
    #[error("opening the database {}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: StoreError,
    },
    #[error("loading the event lexicon")]
    Lexicon(#[source] LexiconError),
    #[error("writing a batch to the database")]
    WriteBatch(#[source] StoreError),
    #[error("storing extracted JSON Lines")]
    Extracted(#[source] extracted::Error),
    #[error("recomputing stories and events")]
    Rebuild(#[source] StoreError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Stores every capture under `options.paths` that is not stored yet, then the files of extracted
/// JSON Lines among them, then recomputes stories and events if anything changed.
pub fn ingest(options: &Options, progress: &mut dyn Progress) -> Result<Summary, Error> {
    refuse_missing(&options.paths)?;
    let mut store = Store::open(&options.db).map_err(|source| Error::Open {
        path: options.db.clone(),
        source,
    })?;
    let extractor = Extractor::load_default().map_err(Error::Lexicon)?;
    progress.started();
    let clock = captures::Clock::default();
    let captures = captures::Pass::new(&mut store, &extractor, progress, &clock)
        .run(&options.paths, options.batch_size)?;
    progress.captures_stored();
    let extracted = store_extracted(
        &mut store,
        &captures.extracted_files,
        options.batch_size,
        progress,
    )?;
    // Extraction is done: its memory goes back before the rebuild takes its own.
    drop(extractor);
    memory::release_freed();
    let peak_before_rebuild_kib = peak_memory_kib();
    let started = Instant::now();
    let derived = store.rebuild_if_stale().map_err(Error::Rebuild)?;
    let rebuild = started.elapsed();
    let tally = captures.tally;
    Ok(Summary {
        files: tally.loaded + tally.rejected_unread,
        skipped_files: tally.skipped_files,
        skipped_records: tally.skipped_records,
        stored: tally.stored,
        rejected: tally.rejected,
        extracted,
        derived,
        database: DatabaseCounts::read(&store)?,
        timings: Timings {
            captures: tally.loaded,
            articles: tally.articles_extracted,
            load: clock.load(),
            extract: clock.extract(),
            events: clock.events(),
            store: tally.store_time,
            rebuild,
            peak_before_rebuild_kib,
        },
    })
}

/// A path that does not exist is a typo, not an empty corpus: stop before creating a database.
fn refuse_missing(paths: &[PathBuf]) -> Result<(), Error> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::Missing(missing))
    }
}

/// Stores the files of extracted JSON Lines, after every capture (see [`extracted`]).
fn store_extracted(
    store: &mut Store,
    files: &[PathBuf],
    batch_size: usize,
    progress: &mut dyn Progress,
) -> Result<Option<extracted::Report>, Error> {
    if files.is_empty() {
        return Ok(None);
    }
    let report =
        extracted::ingest(store, files, batch_size.max(1), progress).map_err(Error::Extracted)?;
    progress.extracted_stored(&report);
    Ok(Some(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mistyped path stops the ingest before a database file exists.
    #[test]
    fn a_missing_path_creates_no_database() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("x.db");
        let options = Options {
            db: db.clone(),
            paths: vec![dir.path().join("nowhere")],
            batch_size: 4,
        };
        let err = ingest(&options, &mut ()).expect_err("a missing path");
        assert!(
            matches!(err, Error::Missing(ref p) if p.len() == 1),
            "{err}"
        );
        assert!(err.to_string().ends_with("nowhere (nothing was ingested)"));
        assert!(!db.exists());
    }
}
