//! `dateline ingest`: captures → the SQLite store, in batches, each batch one transaction.
//!
//! A batch is read and extracted in parallel, then written at once. Captures already stored (same
//! identity: the page and its sidecar) are skipped before extraction, so a rerun after a crash
//! costs only the hashing of what was done; a file whose page or sidecar changed is extracted
//! again and replaces its earlier version. Stories and events are recomputed once at the end,
//! from everything stored.

use crate::inputs::{self, Input, Outcome, strip_path};
use anyhow::{Context, Result, bail};
use dateline_core::Capture;
use dateline_events::Extractor;
use dateline_store::{NewCapture, Rejection, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub struct Options {
    pub db: PathBuf,
    pub paths: Vec<PathBuf>,
    pub strict: bool,
    pub batch_size: usize,
    pub timings: bool,
}

enum Item {
    Loaded(Box<Capture>),
    Rejected(Rejection),
}

/// CPU time spent per stage, summed over threads (nanoseconds).
#[derive(Default)]
struct Clock {
    load: AtomicU64,
    extract: AtomicU64,
    events: AtomicU64,
}

fn timed<T>(slot: &AtomicU64, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    slot.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    out
}

pub fn run(opts: Options) -> Result<ExitCode> {
    let started = Instant::now();
    // A path that does not exist is a typo, not an empty corpus: stop before creating a database.
    let missing: Vec<String> = opts
        .paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() {
        bail!(
            "no such file or folder: {} (nothing was ingested)",
            missing.join(", ")
        );
    }
    let mut store = Store::open(&opts.db)
        .with_context(|| format!("opening the database {}", opts.db.display()))?;
    let extractor = Extractor::load_default().context("loading the event lexicon")?;

    // Rejections are reported batch by batch (and kept in the database), not held to the end.
    let mut rejected = 0usize;
    let mut skipped = 0usize;
    let mut skipped_records = std::collections::BTreeMap::<String, usize>::new();
    let mut files = 0usize;
    let mut early_rejected = 0usize;
    let bar = progress(&opts.paths);
    let clock = Clock::default();
    let mut total = dateline_store::BatchReport::default();
    let mut store_time = std::time::Duration::ZERO;
    let mut article_count = 0usize;
    // The walk finds captures a batch at a time: a corpus's list of files is never held whole.
    let mut walk = inputs::Walk::new(&opts.paths);
    let mut extracted: Vec<PathBuf> = Vec::new();
    loop {
        let (chunk, early) = walk.next_batch(opts.batch_size);
        if chunk.is_empty() && early.is_empty() {
            break;
        }
        let mut batch_rejections = Vec::new();
        for o in early {
            match o {
                Outcome::Rejected { file, reason } => batch_rejections.push(Rejection {
                    path: file.display().to_string(),
                    sha256: None,
                    reason,
                }),
                Outcome::Skipped => skipped += 1,
                Outcome::SkippedRecord { kind } => *skipped_records.entry(kind).or_default() += 1,
                Outcome::Extracted { .. } => {}
            }
        }
        if chunk.is_empty() && batch_rejections.is_empty() {
            continue;
        }
        early_rejected += batch_rejections.len();
        // Files of extracted JSON Lines are stored after the captures (see `extracted`).
        let (chunk, extracted_files): (Vec<Input>, Vec<Input>) = chunk
            .into_iter()
            .partition(|i| !matches!(i, Input::Extracted(_)));
        extracted.extend(extracted_files.into_iter().map(|i| i.path().to_owned()));
        let chunk_len = chunk.len();
        files += chunk_len;
        let loaded: Vec<Item> = chunk
            .into_par_iter()
            .map(|input| timed(&clock.load, || load(input)))
            .collect();
        let shas: Vec<&str> = loaded
            .iter()
            .filter_map(|i| match i {
                Item::Loaded(c) => Some(c.sha256.as_str()),
                Item::Rejected(_) => None,
            })
            .collect();
        let known = store.known(&shas)?;
        // Items, not distinct identities: two copies of one page are two inputs accounted for.
        let known_items = loaded
            .iter()
            .filter(|i| matches!(i, Item::Loaded(c) if known.contains(&c.sha256)))
            .count();
        // Captures read with repairs are stored, and the repairs said once, when first stored.
        let mut warnings: Vec<(String, String)> = loaded
            .iter()
            .filter_map(|i| match i {
                Item::Loaded(c) if !known.contains(&c.sha256) => Some(c),
                _ => None,
            })
            .flat_map(|c| {
                c.warnings
                    .iter()
                    .map(|w| (c.path.display().to_string(), w.clone()))
            })
            .collect();
        warnings.sort();
        let results: Vec<Result<NewCapture, Rejection>> = loaded
            .into_par_iter()
            .filter_map(|item| match item {
                Item::Rejected(r) => Some(Err(r)),
                Item::Loaded(c) if known.contains(&c.sha256) => None,
                Item::Loaded(c) => Some(extract(&c, &extractor, &clock)),
            })
            .collect();
        let mut new = Vec::new();
        for r in results {
            match r {
                Ok(c) => new.push(c),
                Err(r) => batch_rejections.push(r),
            }
        }
        let t = Instant::now();
        let report = store
            .ingest_batch(&new, &batch_rejections)
            .context("writing a batch to the database")?;
        store_time += t.elapsed();
        total.new_captures += report.new_captures;
        total.replaced += report.replaced;
        total.known_captures += report.known_captures + known_items;
        total.articles += report.articles;
        total.mentions += report.mentions;
        article_count += new.iter().map(|c| c.articles.len()).sum::<usize>();
        rejected += batch_rejections.len();
        batch_rejections.sort_by(|a, b| a.path.cmp(&b.path));
        bar.suspend(|| {
            for (file, w) in &warnings {
                eprintln!("warning {file}: {w}");
            }
            for r in &batch_rejections {
                eprintln!("rejected {}: {}", r.path, r.reason);
            }
        });
        bar.inc(chunk_len as u64);
    }
    bar.finish_and_clear();
    let capture_rejected = rejected;
    if !extracted.is_empty() {
        let r = crate::extracted::ingest(&mut store, &extracted, opts.batch_size.max(1))
            .context("storing extracted JSON Lines")?;
        eprintln!(
            "read {} files of extracted JSON Lines: {} new captures, {} already known, {} articles, {} event mentions{}, {} rejected",
            r.files,
            r.new_captures,
            r.known_captures,
            r.articles,
            r.mentions,
            if r.orphans > 0 {
                format!(" ({} naming an article not stored, left out)", r.orphans)
            } else {
                String::new()
            },
            r.rejected
        );
        rejected += r.rejected;
    }
    // Extraction is done: its memory goes back before the rebuild takes its own.
    drop(extractor);
    release_freed_memory();

    let peak_before_rebuild = peak_memory_kib();
    let t = Instant::now();
    let derived = store
        .rebuild_if_stale()
        .context("recomputing stories and events")?;
    let rebuild_time = t.elapsed();

    let skipped = inputs::skipped_note(skipped, &skipped_records);
    let replaced = if total.replaced > 0 {
        format!(
            " ({} replacing an earlier version of their file)",
            total.replaced
        )
    } else {
        String::new()
    };
    let only_extracted = !extracted.is_empty() && files + early_rejected == 0;
    if !only_extracted {
        eprintln!(
            "read {} files{skipped}: {} new captures{replaced}, {} already known, {} articles, {} event mentions, {} rejected",
            files + early_rejected,
            total.new_captures,
            total.known_captures,
            total.articles,
            total.mentions,
            capture_rejected
        );
    }
    let counts = store.counts()?;
    let count = |t: &str| counts.iter().find(|(n, _)| *n == t).map_or(0, |(_, c)| *c);
    eprintln!(
        "database {}: {} captures, {} articles, {} stories, {} events{}",
        opts.db.display(),
        count("captures"),
        count("articles"),
        count("stories"),
        count("events"),
        match derived {
            Some(d) if d.conflicts > 0 => format!(" ({} conflicts flagged)", d.conflicts),
            _ => String::new(),
        }
    );
    if opts.timings {
        let secs = |a: &AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
        let wall = started.elapsed().as_secs_f64();
        let rate = |n: usize, s: f64| if s > 0.0 { n as f64 / s } else { 0.0 };
        eprintln!(
            "timings: wall {wall:.2}s ({:.0} files/s); cpu load {:.2}s, extract {:.2}s ({:.0} articles/s per core), events {:.2}s ({:.0} articles/s per core); store {:.2}s; rebuild {:.2}s",
            rate(files, wall),
            secs(&clock.load),
            secs(&clock.extract),
            rate(article_count, secs(&clock.extract)),
            secs(&clock.events),
            rate(article_count, secs(&clock.events)),
            store_time.as_secs_f64(),
            rebuild_time.as_secs_f64(),
        );
        if let Some(kib) = peak_memory_kib() {
            let before = peak_before_rebuild
                .map(|b| format!(" ({:.1} MiB before the rebuild)", b as f64 / 1024.0))
                .unwrap_or_default();
            eprintln!("peak memory: {:.1} MiB{before}", kib as f64 / 1024.0);
        }
    }
    Ok(if opts.strict && rejected > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A bar on a terminal (its length from a first walk that only counts), else nothing.
fn progress(paths: &[PathBuf]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // Archives are counted as one item each here (reading them twice to count records would
    // double the work), so with archives the bar is a counter without a length.
    let mut archives = 0usize;
    let len = inputs::Walk::without_archives(paths)
        .inspect(|i| archives += usize::from(dateline_archive::kind_of(i.path()).is_some()))
        .count() as u64;
    if archives > 0 {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} captures read")
        {
            bar.set_style(style);
        }
        return bar;
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} captures (eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn load(input: Input) -> Item {
    let file = input.path().to_owned();
    match input.load() {
        Ok(c) => Item::Loaded(Box::new(c)),
        Err(e) => Item::Rejected(Rejection {
            path: file.display().to_string(),
            sha256: None,
            reason: strip_path(&e.to_string(), &file),
        }),
    }
}

fn extract(c: &Capture, extractor: &Extractor, clock: &Clock) -> Result<NewCapture, Rejection> {
    let x = timed(&clock.extract, || dateline_core::extract(c)).map_err(|e| Rejection {
        path: c.path.display().to_string(),
        sha256: Some(c.sha256.clone()),
        reason: strip_path(&e.to_string(), &c.path),
    })?;
    let mentions = timed(&clock.events, || {
        x.articles
            .iter()
            .flat_map(|a| extractor.mentions(a))
            .collect()
    });
    Ok(NewCapture::new(
        c, x.adapter, &x.reason, x.articles, mentions,
    ))
}

/// Peak resident memory of this process (Linux `VmHWM`), in KiB.
/// Returns freed memory to the system. glibc keeps what a thread frees in that thread's arena,
/// where the rebuild (on this thread) cannot reuse it: without this, the peaks of extraction and
/// of the rebuild add up.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    // SAFETY: `malloc_trim` only hands free pages back to the system; it has no preconditions
    // and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
