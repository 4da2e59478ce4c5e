//! The pass over captures: batch by batch, what is already stored is skipped, the rest is read,
//! extracted and coded in parallel and written in one transaction, and every input is accounted
//! for (stored, known, skipped or rejected).

use crate::inputs::{Input, Outcome, Walk, strip_path};
use crate::{CaptureWarning, Error, Progress, StoredBatch};
use dateline_core::Capture;
use dateline_events::Extractor;
use dateline_store::{BatchReport, EncodedMention, NewCapture, Rejection, Store};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// An input after reading: the capture, or why it could not be read.
enum LoadedInput {
    Capture(Box<Capture>),
    Unreadable(Rejection),
}

impl LoadedInput {
    fn read(input: Input) -> Self {
        let file = input.path().to_owned();
        match input.load() {
            Ok(c) => LoadedInput::Capture(Box::new(c)),
            Err(e) => LoadedInput::Unreadable(Rejection {
                path: file.display().to_string(),
                sha256: None,
                reason: strip_path(&e.to_string(), &file),
            }),
        }
    }

    fn capture(&self) -> Option<&Capture> {
        match self {
            LoadedInput::Capture(c) => Some(c),
            LoadedInput::Unreadable(_) => None,
        }
    }
}

/// CPU time spent per stage, summed over threads (nanoseconds).
#[derive(Default)]
pub(crate) struct Clock {
    load: AtomicU64,
    extract: AtomicU64,
    events: AtomicU64,
}

impl Clock {
    pub(crate) fn load(&self) -> Duration {
        Self::total(&self.load)
    }

    pub(crate) fn extract(&self) -> Duration {
        Self::total(&self.extract)
    }

    pub(crate) fn events(&self) -> Duration {
        Self::total(&self.events)
    }

    fn total(slot: &AtomicU64) -> Duration {
        Duration::from_nanos(slot.load(Ordering::Relaxed))
    }
}

fn timed<T>(slot: &AtomicU64, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    slot.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    out
}

/// The counts of the pass, summed over batches.
#[derive(Default)]
pub(crate) struct Tally {
    /// Captures handed to reading (files and archive records).
    pub(crate) loaded: usize,
    /// Paths and archive records the walk rejected before any reading.
    pub(crate) rejected_unread: usize,
    pub(crate) skipped_files: usize,
    pub(crate) skipped_records: BTreeMap<String, usize>,
    pub(crate) stored: BatchReport,
    /// Every rejection: before reading, while reading, while extracting.
    pub(crate) rejected: usize,
    /// Articles of the captures extracted (a capture stored before is not extracted).
    pub(crate) articles_extracted: usize,
    pub(crate) store_time: Duration,
}

/// What the pass leaves for the rest of the ingest.
pub(crate) struct Done {
    pub(crate) tally: Tally,
    /// Files of extracted JSON Lines met on the way: they are stored after every capture.
    pub(crate) extracted_files: Vec<PathBuf>,
}

/// The state one batch hands to the next.
pub(crate) struct Pass<'a> {
    store: &'a mut Store,
    extractor: &'a Extractor,
    progress: &'a mut dyn Progress,
    clock: &'a Clock,
    tally: Tally,
    extracted_files: Vec<PathBuf>,
}

/// A batch read and extracted, waiting for its transaction.
struct Prepared {
    /// Inputs of the batch (captures read or rejected).
    inputs: usize,
    new: Vec<NewCapture>,
    rejections: Vec<Rejection>,
    /// Inputs whose capture was stored before.
    known_inputs: usize,
    warnings: Vec<CaptureWarning>,
}

impl<'a> Pass<'a> {
    pub(crate) fn new(
        store: &'a mut Store,
        extractor: &'a Extractor,
        progress: &'a mut dyn Progress,
        clock: &'a Clock,
    ) -> Self {
        Pass {
            store,
            extractor,
            progress,
            clock,
            tally: Tally::default(),
            extracted_files: Vec::new(),
        }
    }

    /// Walks `paths` and stores what it finds, `batch_size` captures a transaction. The walk
    /// finds captures a batch at a time: a corpus's list of files is never held whole. A batch
    /// is extracted while the one before it is written, so the cores do not wait for the
    /// database; at most two batches are held.
    pub(crate) fn run(mut self, paths: &[PathBuf], batch_size: usize) -> Result<Done, Error> {
        let mut walk = Walk::new(paths);
        let mut pending: Option<Prepared> = None;
        while let Some((inputs, rejections)) = self.next_batch(&mut walk, batch_size) {
            let count = inputs.len();
            self.tally.loaded += count;
            let loaded = self.load(inputs);
            let (known, known_inputs) = self.known(&loaded, pending.as_ref())?;
            let warnings = repairs_of_new(&loaded, &known);
            let (extractor, clock) = (self.extractor, self.clock);
            let (extracted, written) = std::thread::scope(|s| {
                let extracting =
                    s.spawn(move || extract_new(loaded, &known, rejections, extractor, clock));
                let written = pending.take().map_or(Ok(()), |p| self.write(p));
                let extracted = extracting
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (extracted, written)
            });
            written?;
            let (new, rejections) = extracted;
            pending = Some(Prepared {
                inputs: count,
                new,
                rejections,
                known_inputs,
                warnings,
            });
        }
        if let Some(p) = pending {
            self.write(p)?;
        }
        Ok(Done {
            tally: self.tally,
            extracted_files: self.extracted_files,
        })
    }

    /// The next batch's captures and the paths the walk rejected before reading; `None` when
    /// the walk is over.
    fn next_batch(
        &mut self,
        walk: &mut Walk,
        batch_size: usize,
    ) -> Option<(Vec<Input>, Vec<Rejection>)> {
        loop {
            let (inputs, met) = walk.next_batch(batch_size);
            if inputs.is_empty() && met.is_empty() {
                return None;
            }
            let rejections = self.account_for(met);
            if inputs.is_empty() && rejections.is_empty() {
                continue;
            }
            self.tally.rejected_unread += rejections.len();
            return Some((self.set_aside_extracted(inputs), rejections));
        }
    }

    /// Counts what the walk skipped; returns what it rejected, to be stored with the batch.
    fn account_for(&mut self, met: Vec<Outcome>) -> Vec<Rejection> {
        let mut rejections = Vec::new();
        for outcome in met {
            match outcome {
                Outcome::Rejected { file, reason } => rejections.push(Rejection {
                    path: file.display().to_string(),
                    sha256: None,
                    reason,
                }),
                Outcome::Skipped => self.tally.skipped_files += 1,
                Outcome::SkippedRecord { kind } => {
                    *self.tally.skipped_records.entry(kind).or_default() += 1;
                }
                Outcome::Extracted { .. } => {}
            }
        }
        rejections
    }

    /// Keeps the files of extracted JSON Lines for after the captures (see `extracted`); returns
    /// the captures.
    fn set_aside_extracted(&mut self, inputs: Vec<Input>) -> Vec<Input> {
        let (extracted, captures): (Vec<Input>, Vec<Input>) = inputs
            .into_iter()
            .partition(|i| matches!(i, Input::Extracted(_)));
        self.extracted_files
            .extend(extracted.into_iter().map(|i| i.path().to_owned()));
        captures
    }

    /// Reads the batch's captures, in parallel.
    fn load(&self, inputs: Vec<Input>) -> Vec<LoadedInput> {
        let clock = self.clock;
        inputs
            .into_par_iter()
            .map(|input| timed(&clock.load, || LoadedInput::read(input)))
            .collect()
    }

    /// The captures of `loaded` stored before, or in the batch `pending` still to be written,
    /// and how many inputs those are. A copy of a page of the pending batch counts as known, as
    /// it would once that batch is written: it is not extracted a second time.
    fn known(
        &self,
        loaded: &[LoadedInput],
        pending: Option<&Prepared>,
    ) -> Result<(HashSet<String>, usize), Error> {
        let shas: Vec<&str> = loaded
            .iter()
            .filter_map(|i| Some(i.capture()?.sha256.as_str()))
            .collect();
        let mut known = self.store.known(&shas)?;
        if let Some(p) = pending {
            let in_flight: HashSet<&str> = p.new.iter().map(|c| c.sha256.as_str()).collect();
            known.extend(
                (shas.iter())
                    .filter(|s| in_flight.contains(*s))
                    .map(|s| (*s).to_owned()),
            );
        }
        // Inputs, not distinct identities: two copies of one page are two inputs accounted for.
        let known_inputs = loaded
            .iter()
            .filter(|i| i.capture().is_some_and(|c| known.contains(&c.sha256)))
            .count();
        Ok((known, known_inputs))
    }

    /// Writes one batch in one transaction and counts what it added. The mentions of a capture
    /// left uncoded (see [`coded_while_written`]) are coded here and stored as they come.
    fn write(&mut self, batch: Prepared) -> Result<(), Error> {
        let Prepared {
            inputs,
            new,
            mut rejections,
            known_inputs,
            warnings,
        } = batch;
        let started = Instant::now();
        let (extractor, clock) = (self.extractor, self.clock);
        let (mut coding, mut waiting) = (Duration::ZERO, Duration::ZERO);
        let report = self
            .store
            .ingest_batch_streaming(&new, &rejections, &mut |_, c, put| {
                if !coded_while_written(c) {
                    return Ok(());
                }
                let streamed = code_beside_storing(&c.articles, extractor, put);
                coding += streamed.coding;
                waiting += streamed.waiting;
                streamed.result
            })
            .map_err(Error::WriteBatch)?;
        clock
            .events
            .fetch_add(coding.as_nanos() as u64, Ordering::Relaxed);
        let tally = &mut self.tally;
        tally.store_time += started.elapsed().saturating_sub(waiting);
        tally.stored.new_captures += report.new_captures;
        tally.stored.replaced += report.replaced;
        tally.stored.known_captures += report.known_captures + known_inputs;
        tally.stored.articles += report.articles;
        tally.stored.mentions += report.mentions;
        tally.articles_extracted += new.iter().map(|c| c.articles.len()).sum::<usize>();
        tally.rejected += rejections.len();
        rejections.sort_by(|a, b| a.path.cmp(&b.path));
        self.progress.batch_stored(&StoredBatch {
            inputs,
            warnings: &warnings,
            rejections: &rejections,
        });
        Ok(())
    }
}

/// Extracts and codes, in parallel, the captures of `loaded` not `known`; returns them, and
/// `rejections` with the captures that gave no article. A capture with a body too long to code
/// whole (see [`coded_while_written`]) is extracted here and coded as it is written.
fn extract_new(
    loaded: Vec<LoadedInput>,
    known: &HashSet<String>,
    mut rejections: Vec<Rejection>,
    extractor: &Extractor,
    clock: &Clock,
) -> (Vec<NewCapture>, Vec<Rejection>) {
    let results: Vec<Result<NewCapture, Rejection>> = loaded
        .into_par_iter()
        .filter_map(|input| match input {
            LoadedInput::Unreadable(r) => Some(Err(r)),
            LoadedInput::Capture(c) if known.contains(&c.sha256) => None,
            LoadedInput::Capture(c) => Some(extract(&c, extractor, clock)),
        })
        .collect();
    let mut new = Vec::new();
    for result in results {
        match result {
            Ok(c) => new.push(c),
            Err(r) => rejections.push(r),
        }
    }
    (new, rejections)
}

/// Captures read with repairs are stored, and the repairs said once, when first stored.
fn repairs_of_new(loaded: &[LoadedInput], known: &HashSet<String>) -> Vec<CaptureWarning> {
    let mut warnings: Vec<CaptureWarning> = loaded
        .iter()
        .filter_map(LoadedInput::capture)
        .filter(|c| !known.contains(&c.sha256))
        .flat_map(|c| {
            c.warnings.iter().map(|w| CaptureWarning {
                file: c.path.display().to_string(),
                message: w.clone(),
            })
        })
        .collect();
    warnings.sort();
    warnings
}

/// Whether the mentions of `c` are coded as it is written, each stored as it is coded, rather
/// than coded beforehand and held until the batch is written: so for a body too long to code
/// whole (past [`dateline_events::WINDOW_BYTES`]; no real article is that long), whose windows
/// are coded side by side anyway. 32 MiB of event-dense text held 300 MiB of encoded mentions.
fn coded_while_written(c: &NewCapture) -> bool {
    has_long_body(&c.articles)
}

fn has_long_body(articles: &[dateline_core::Article]) -> bool {
    articles
        .iter()
        .any(|a| a.body.len() > dateline_events::WINDOW_BYTES)
}

fn extract(c: &Capture, extractor: &Extractor, clock: &Clock) -> Result<NewCapture, Rejection> {
    let x = timed(&clock.extract, || dateline_core::extract(c)).map_err(|e| Rejection {
        path: c.path.display().to_string(),
        sha256: Some(c.sha256.clone()),
        reason: strip_path(&e.to_string(), &c.path),
    })?;
    if has_long_body(&x.articles) {
        return Ok(NewCapture::new(
            c,
            x.adapter,
            &x.reason,
            x.articles,
            Vec::new(),
        ));
    }
    let mentions =
        timed(&clock.events, || encoded_mentions(&x.articles, extractor)).map_err(|e| {
            Rejection {
                path: c.path.display().to_string(),
                sha256: Some(c.sha256.clone()),
                reason: format!("storing its event mentions: {e}"),
            }
        })?;
    Ok(NewCapture::new(
        c, x.adapter, &x.reason, x.articles, mentions,
    ))
}

/// Mentions go from the coding thread to the writer in chunks of this many (a chunk is about
/// 1 MB of encoded text), at most [`CHUNKS_IN_FLIGHT`] waiting: a channel message per mention
/// would cost more than its insert.
const CHUNK: usize = 1024;
const CHUNKS_IN_FLIGHT: usize = 8;

/// What [`code_beside_storing`] did: the first error (of `put` or of encoding), the coding
/// thread's time and the time the writer waited for it.
struct Streamed {
    result: Result<(), dateline_store::StoreError>,
    coding: Duration,
    waiting: Duration,
}

/// The articles' mentions in the store's form, coded and encoded on a thread of their own and
/// handed to `put` on this one (the writer's, which holds the transaction) as they come: a long
/// body is coded a group of windows at a time on the thread pool, which would otherwise wait
/// while the writer stores each group. The first error (of `put` or of encoding) stops the
/// storing and is returned. The encoding cannot fail on a coded mention (strings, numbers and
/// lists only), so unlike a capture coded beforehand, which such a failure would reject, this
/// one fails its batch.
fn code_beside_storing(
    articles: &[dateline_core::Article],
    extractor: &Extractor,
    put: &mut dyn FnMut(&EncodedMention) -> Result<(), dateline_store::StoreError>,
) -> Streamed {
    type Chunk = Result<Vec<EncodedMention>, dateline_store::StoreError>;
    let (send, receive) = std::sync::mpsc::sync_channel::<Chunk>(CHUNKS_IN_FLIGHT);
    std::thread::scope(|s| {
        let coder = s.spawn(move || {
            let started = Instant::now();
            code_in_chunks(articles, extractor, &send);
            started.elapsed()
        });
        let mut waiting = Duration::ZERO;
        let mut result = Ok(());
        loop {
            let t = Instant::now();
            let Ok(chunk) = receive.recv() else { break };
            waiting += t.elapsed();
            if let Err(e) = chunk.and_then(|c| c.iter().try_for_each(&mut *put)) {
                result = Err(e);
                break;
            }
        }
        // The coder's next send fails: it stops encoding and sending, and finishes the article.
        drop(receive);
        let coding = coder
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Streamed {
            result,
            coding,
            waiting,
        }
    })
}

/// Codes and encodes the articles' mentions, sending them in chunks of [`CHUNK`] until the
/// receiver is gone or an encoding fails (that error is sent).
fn code_in_chunks(
    articles: &[dateline_core::Article],
    extractor: &Extractor,
    send: &std::sync::mpsc::SyncSender<Result<Vec<EncodedMention>, dateline_store::StoreError>>,
) {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut buffer = Vec::new();
    let mut open = true;
    for a in articles {
        extractor.each_mention(a, &mut |m| {
            if !open {
                return;
            }
            match EncodedMention::encoded_in(&m, &mut buffer) {
                Ok(e) => chunk.push(e),
                Err(e) => {
                    // Whether the writer is still there to be told, this is the end.
                    let _ = send.send(Err(e));
                    open = false;
                    return;
                }
            }
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                open = send.send(Ok(full)).is_ok();
            }
        });
    }
    if open && !chunk.is_empty() {
        // A writer gone has its own error to return.
        let _ = send.send(Ok(chunk));
    }
}

/// The articles' mentions in the store's form, encoded as they are coded: only the encoded
/// text is held, never a whole article's coded structures.
fn encoded_mentions(
    articles: &[dateline_core::Article],
    extractor: &Extractor,
) -> Result<Vec<EncodedMention>, dateline_store::StoreError> {
    let mut out = Vec::new();
    let mut failed = None;
    let mut buffer = Vec::new();
    for a in articles {
        extractor.each_mention(
            a,
            &mut |m| match EncodedMention::encoded_in(&m, &mut buffer) {
                Ok(e) => out.push(e),
                Err(e) => {
                    failed.get_or_insert(e);
                }
            },
        );
    }
    failed.map_or(Ok(out), Err)
}
