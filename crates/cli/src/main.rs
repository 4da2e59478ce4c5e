//! `dateline`: the command line. Thin by design: every decision lives in a library crate.

mod alloc;
mod ingest;
mod inspect;
mod query;
mod report;
mod summary;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use dateline_core::Article;
use dateline_ingest::inputs::{self, Outcome};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use summary::Summary;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Captured news pages → clean articles and coded events"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split captures into articles and print one JSON object per article (or per event) per line.
    ///
    /// PATH is a capture (.txt, .html, .htm, with an optional NAME.toml sidecar beside it) or a
    /// folder, read recursively. A summary of files read, articles and rejections goes to stderr.
    Extract {
        /// Captures or folders of captures.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print event mentions instead of articles.
        #[arg(long)]
        events: bool,
        /// Exit with status 1 when any input was rejected.
        #[arg(long)]
        strict: bool,
    },
    /// List the registered site adapters.
    Adapters,
    /// Show how one capture is read: its encoding and sidecar, every adapter's detection score
    /// and reason, the adapter chosen and why, the page's blocks, and the articles extracted.
    ///
    /// For adapter authors: it runs the same steps as `extract`, and shows the blocks the rules
    /// read.
    Inspect {
        /// A capture (.txt, .html, .htm), with its NAME.toml sidecar beside it if there is one.
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: inspect::Format,
    },
    /// Store captures in the database (idempotent: a capture already stored is skipped), then
    /// recompute stories and events. A summary goes to stderr; rejections are stored with reasons.
    Ingest {
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        /// Captures or folders of captures.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Exit with status 1 when any input was rejected.
        #[arg(long)]
        strict: bool,
        /// Captures per transaction.
        #[arg(long, default_value_t = 256, hide = true)]
        batch_size: usize,
        /// Print time per stage and peak memory.
        #[arg(long)]
        timings: bool,
    },
    /// List stored articles (`*` marks an outlet or date inherited from a copy).
    Articles(Listing),
    /// List stories: articles grouped with their copies and rewrites.
    Stories(Listing),
    /// List events merged across articles.
    Events(Listing),
    /// One event with every mention: evidence sentence, outlet, article.
    Show {
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        event: String,
    },
    /// Events on a terminal timeline, month by month.
    Timeline {
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        #[command(flatten)]
        filter: query::Filter,
    },
    /// Write the events as one self-contained HTML timeline.
    Report {
        #[arg(long, default_value = DEFAULT_DB)]
        db: PathBuf,
        #[arg(short, long, default_value = "timeline.html")]
        output: PathBuf,
        #[command(flatten)]
        filter: query::Filter,
    },
}

const DEFAULT_DB: &str = "dateline.db";

#[derive(clap::Args)]
struct Listing {
    #[arg(long, default_value = DEFAULT_DB)]
    db: PathBuf,
    #[command(flatten)]
    filter: query::Filter,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    format: Option<query::Format>,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // The reader went away (`dateline articles | head`): it has all it wanted.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dateline: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether the error is a write to a closed pipe, however it was wrapped on the way up.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            paths,
            events,
            strict,
        } => extract(&paths, events, strict),
        Command::Adapters => {
            let mut out = std::io::stdout().lock();
            for a in dateline_adapters::linked() {
                let hosts = if a.hosts().is_empty() {
                    "(fallback for any site)".to_owned()
                } else {
                    a.hosts().join(", ")
                };
                writeln!(out, "{:<20} v{:<4} {hosts}", a.id(), a.version())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { path, format } => {
            inspect::run(&path, format).map(|()| ExitCode::SUCCESS)
        }
        Command::Ingest {
            db,
            paths,
            strict,
            batch_size,
            timings,
        } => {
            alloc::purge_freed_memory_at_once();
            ingest::run(ingest::Options {
                db,
                paths,
                strict,
                batch_size,
                timings,
            })
        }
        Command::Articles(l) => {
            query::articles(&l.db, &l.filter, l.format).map(|()| ExitCode::SUCCESS)
        }
        Command::Stories(l) => {
            query::stories(&l.db, &l.filter, l.format).map(|()| ExitCode::SUCCESS)
        }
        Command::Events(l) => query::events(&l.db, &l.filter, l.format).map(|()| ExitCode::SUCCESS),
        Command::Show { db, event } => query::show(&db, &event).map(|()| ExitCode::SUCCESS),
        Command::Timeline { db, filter } => {
            query::timeline(&db, &filter).map(|()| ExitCode::SUCCESS)
        }
        Command::Report { db, output, filter } => {
            let n = report::write(&db, &output, &filter)?;
            eprintln!("wrote {} ({n} events)", output.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn extract(paths: &[PathBuf], events: bool, strict: bool) -> Result<ExitCode> {
    let extractor = if events {
        Some(dateline_events::Extractor::load_default().context("loading the event lexicon")?)
    } else {
        None
    };
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let mut summary = Summary::default();
    // Batch by batch, so an archive of any size is read in bounded memory.
    let mut walk = inputs::Walk::new(paths);
    loop {
        let (batch, mut outcomes) = walk.next_batch(inputs::BATCH);
        if batch.is_empty() && outcomes.is_empty() {
            break;
        }
        outcomes.extend(inputs::extract_batch(batch));
        outcomes.iter().for_each(|o| summary.add(o));
        let articles: Vec<&Article> = outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Extracted { articles, .. } => Some(articles),
                _ => None,
            })
            .flatten()
            .collect();
        match &extractor {
            None => {
                for article in articles {
                    serde_json::to_writer(&mut out, article)?;
                    writeln!(out)?;
                }
            }
            Some(x) => {
                // Written as coded: a text of any length is held a window at a time.
                let mut written = Ok(());
                x.each_mention_of(&articles, &mut |_, mention| {
                    summary.events += 1;
                    if written.is_ok() {
                        written = serde_json::to_writer(&mut out, &mention)
                            .map_err(std::io::Error::from)
                            .and_then(|()| writeln!(out));
                    }
                });
                written?;
            }
        }
    }
    out.flush()?;
    summary.print(events);
    Ok(if strict && summary.rejected() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
