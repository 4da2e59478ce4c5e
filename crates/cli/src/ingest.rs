//! `dateline ingest`: the progress bar and the summary on stderr, and the exit status. What is
//! stored, skipped or rejected is decided by `dateline-ingest`.

use crate::summary::skipped_note;
use anyhow::Result;
use dateline_ingest::{Progress, StoredBatch, Summary, extracted};
use dateline_store::Rejection;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub struct Options {
    pub db: PathBuf,
    pub paths: Vec<PathBuf>,
    pub strict: bool,
    pub batch_size: usize,
    pub timings: bool,
}

pub fn run(opts: Options) -> Result<ExitCode> {
    let started = Instant::now();
    let mut printer = Printer {
        paths: &opts.paths,
        bar: ProgressBar::hidden(),
    };
    let summary = dateline_ingest::ingest(
        &dateline_ingest::Options {
            db: opts.db.clone(),
            paths: opts.paths.clone(),
            batch_size: opts.batch_size,
        },
        &mut printer,
    )?;
    // A run given only files of extracted JSON Lines said all there is in their own line.
    let only_extracted = summary.extracted.is_some() && summary.files == 0;
    if !only_extracted {
        print_captures(&summary);
    }
    print_database(&opts.db, &summary);
    if opts.timings {
        print_timings(&summary, started.elapsed());
    }
    Ok(if opts.strict && summary.rejected_in_all() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Shows the ingest as it goes: a bar on a terminal, and each batch's warnings and rejections.
struct Printer<'a> {
    paths: &'a [PathBuf],
    bar: ProgressBar,
}

impl Progress for Printer<'_> {
    fn started(&mut self) {
        self.bar = progress_bar(self.paths);
    }

    fn batch_stored(&mut self, batch: &StoredBatch<'_>) {
        self.bar.suspend(|| {
            for w in batch.warnings {
                eprintln!("warning {}: {}", w.file, w.message);
            }
            for r in batch.rejections {
                eprintln!("rejected {}: {}", r.path, r.reason);
            }
        });
        self.bar.inc(batch.inputs as u64);
    }

    fn captures_stored(&mut self) {
        self.bar.finish_and_clear();
    }

    fn extracted_rejected(&mut self, rejections: &[Rejection]) {
        for r in rejections {
            eprintln!("rejected {}: {}", r.path, r.reason);
        }
    }

    fn extracted_stored(&mut self, r: &extracted::Report) {
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
    }
}

/// A bar on a terminal (its length from a first walk that only counts), else nothing.
fn progress_bar(paths: &[PathBuf]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // Archives are counted as one item each here (reading them twice to count records would
    // double the work), so with archives the bar is a counter without a length.
    let mut archives = 0usize;
    let len = dateline_ingest::inputs::Walk::without_archives(paths)
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

fn print_captures(summary: &Summary) {
    let skipped = skipped_note(summary.skipped_files, &summary.skipped_records);
    let stored = &summary.stored;
    let replaced = if stored.replaced > 0 {
        format!(
            " ({} replacing an earlier version of their file)",
            stored.replaced
        )
    } else {
        String::new()
    };
    eprintln!(
        "read {} files{skipped}: {} new captures{replaced}, {} already known, {} articles, {} event mentions, {} rejected",
        summary.files,
        stored.new_captures,
        stored.known_captures,
        stored.articles,
        stored.mentions,
        summary.rejected
    );
}

fn print_database(db: &std::path::Path, summary: &Summary) {
    let counts = &summary.database;
    eprintln!(
        "database {}: {} captures, {} articles, {} stories, {} events{}",
        db.display(),
        counts.captures,
        counts.articles,
        counts.stories,
        counts.events,
        match summary.derived {
            Some(d) if d.conflicts > 0 => format!(" ({} conflicts flagged)", d.conflicts),
            _ => String::new(),
        }
    );
}

fn print_timings(summary: &Summary, wall: Duration) {
    let t = &summary.timings;
    let wall = wall.as_secs_f64();
    let rate = |n: usize, s: f64| if s > 0.0 { n as f64 / s } else { 0.0 };
    let (load, extract, events) = (
        t.load.as_secs_f64(),
        t.extract.as_secs_f64(),
        t.events.as_secs_f64(),
    );
    eprintln!(
        "timings: wall {wall:.2}s ({:.0} files/s); cpu load {load:.2}s, extract {extract:.2}s ({:.0} articles/s per core), events {events:.2}s ({:.0} articles/s per core); store {:.2}s; rebuild {:.2}s",
        rate(t.captures, wall),
        rate(t.articles, extract),
        rate(t.articles, events),
        t.store.as_secs_f64(),
        t.rebuild.as_secs_f64(),
    );
    if let Some(kib) = dateline_ingest::peak_memory_kib() {
        let before = t
            .peak_before_rebuild_kib
            .map(|b| format!(" ({:.1} MiB before the rebuild)", b as f64 / 1024.0))
            .unwrap_or_default();
        eprintln!("peak memory: {:.1} MiB{before}", kib as f64 / 1024.0);
    }
}
