//! `cargo xtask stress`: the big hostile inputs of issue 13 through the release binary, each timed
//! and its peak memory measured, failing when one exceeds its bound.
//!
//! Too slow for `cargo xtask test` (a release build and a few minutes of runs), quick enough by
//! hand after touching decoding, HTML parsing, adapters or event coding. The same shapes at small
//! sizes are ordinary tests of `dateline-core` (`tests/pathological_markup.rs`), which check what
//! the page reads as; only this command looks at time and memory.
//!
//! Each run is a child of a fresh `xtask stress-run` process, whose `getrusage(RUSAGE_CHILDREN)`
//! then holds that one run's peak resident size (the figure is a maximum over all children ever
//! waited for, so one process cannot measure several runs).

use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// No run may take longer (one core's worth of work on a 32 MiB capture is a few seconds).
pub const MAX_SECONDS: f64 = 10.0;
/// Peak memory allowed per byte of input, on top of [`BASE_MIB`].
pub const MEMORY_PER_INPUT_BYTE: u64 = 8;
/// The binary's own footprint: the lexicon, the tagger and the adapters' tables.
pub const BASE_MIB: u64 = 150;
/// `ingest` keeps a batch's mentions, encoded as stored, until the batch is written: for text
/// dense with events that is about nine times the input, so its bound per input byte is wider.
/// (A capture too long to code whole, as the event-dense case is, has its mentions stored as they
/// are coded instead, and peaks near `extract --events`.)
pub const INGEST_MEMORY_PER_INPUT_BYTE: u64 = 24;

/// The event-dense cases' size: the most a capture may hold (`core::capture::MAX_CAPTURE_BYTES`).
const EVENT_DENSE_BYTES: usize = 32 * 1024 * 1024;

/// What a case runs the binary as.
#[derive(Clone, Copy, PartialEq)]
enum Run {
    Extract,
    ExtractEvents,
    Ingest,
}

impl Run {
    /// The argument `stress-run` takes for it.
    fn flag(self) -> &'static str {
        match self {
            Run::Extract => "extract",
            Run::ExtractEvents => "--events",
            Run::Ingest => "ingest",
        }
    }

    fn memory_per_input_byte(self) -> u64 {
        match self {
            Run::Ingest => INGEST_MEMORY_PER_INPUT_BYTE,
            Run::Extract | Run::ExtractEvents => MEMORY_PER_INPUT_BYTE,
        }
    }
}

struct Case {
    /// Issue 13's row.
    row: u32,
    name: &'static str,
    file: &'static str,
    run: Run,
    text: String,
}

fn cases() -> Vec<Case> {
    let event_dense = event_dense();
    let attributes = wide_attributes();
    let depth = 1_000_000;
    let deep = format!(
        "{}<p>first</p><p>second</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    vec![
        Case {
            row: 8,
            name: "event-dense text, 32 MiB, ingest",
            file: "event-dense-ingest.txt",
            run: Run::Ingest,
            text: event_dense.clone(),
        },
        Case {
            row: 2,
            name: "event-dense text, 32 MiB",
            file: "event-dense.txt",
            run: Run::ExtractEvents,
            text: event_dense,
        },
        Case {
            row: 3,
            name: "one element, 6 MB of attributes",
            file: "attributes.html",
            run: Run::Extract,
            text: attributes,
        },
        Case {
            row: 3,
            name: "<b><i><u><s>x </b> x 300,000",
            file: "formatting.html",
            run: Run::Extract,
            text: "<b><i><u><s>x </b>".repeat(300_000),
        },
        Case {
            row: 8,
            name: "<p>a</p> x 4,000,000 (32 MB)",
            file: "tiny-blocks.html",
            run: Run::Extract,
            text: "<p>a</p>".repeat(4_000_000),
        },
        // One sentence of many happenings, each a command of a happening ("ordered a curfew"):
        // the verbs after a clause's happening once each read the whole clause before them.
        Case {
            row: 2,
            name: "one sentence of 120,000 commands (3.4 MB)",
            file: "one-sentence.txt",
            run: Run::ExtractEvents,
            text: format!(
                "Report\n\n{}ended.\n",
                "Sudani ordered a curfew and ".repeat(120_000)
            ),
        },
        Case {
            row: 2,
            name: "one sentence, 30,000 mixed phrases (6 MB)",
            file: "run-on.txt",
            run: Run::ExtractEvents,
            text: run_on(),
        },
        Case {
            row: 11,
            name: "1,000,000 nested <div>s around two <p>s",
            file: "deep.html",
            run: Run::Extract,
            text: deep,
        },
    ]
}

/// Paragraphs of two sentences that each code a happening, as much as a capture may hold
/// ([`EVENT_DENSE_BYTES`]): issue 13 asks for 32 MiB of it.
fn event_dense() -> String {
    // Both sentences must code a happening, or the case stops measuring the coder: "Protesters
    // gathered" coded one only while "gathered" alone was a consultation.
    let mut event_dense = String::new();
    let mut paragraph = String::new();
    let mut i = 0u32;
    loop {
        paragraph.clear();
        let _ = write!(
            paragraph,
            "Iraqi forces killed {} militants in an attack in Basra on Monday, officials said. \
             Demonstrators gathered in Baghdad on Tuesday to demand the release of {} detainees.\n\n",
            i % 50 + 2,
            i % 30 + 3
        );
        if event_dense.len() + paragraph.len() > EVENT_DENSE_BYTES {
            break;
        }
        event_dense.push_str(&paragraph);
        i += 1;
    }
    event_dense
}

/// One run-on sentence of many happenings of many kinds: figures, definite nouns, reported
/// speech and agreements each read the sentence again for every happening once (25 s for
/// 200 KB), until sentences were capped and those reads made once a sentence.
fn run_on() -> String {
    format!(
        "Report\n\nThe army {}ended.\n",
        "ordered a curfew and will impose a curfew, said that Iraq condemned the attack and \
         that Turkey denied it, met officials and signed an agreement, was killed by a drone \
         strike in Erbil that wounded 3 and "
            .repeat(30_000)
    )
}

/// One element with 6 MB of attributes.
fn wide_attributes() -> String {
    let mut attributes = String::from("<html><body><p");
    let mut i = 0u32;
    while attributes.len() < 6_000_000 {
        let _ = write!(attributes, " a{i}");
        i += 1;
    }
    attributes.push_str(">text</p></body></html>");
    attributes
}

pub fn run(root: &Path, _args: &[String]) -> Result<()> {
    let bin = crate::bench::release_binary(root)?;
    let dir = root.join("target/stress");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let me = std::env::current_exe().context("finding the xtask binary")?;
    println!(
        "bounds: {MAX_SECONDS} s, {MEMORY_PER_INPUT_BYTE} x input + {BASE_MIB} MiB of peak memory \
         ({INGEST_MEMORY_PER_INPUT_BYTE} x input + {BASE_MIB} MiB for ingest)\n"
    );
    println!(
        "{:>3}  {:<42} {:>9} {:>8} {:>10} {:>10}",
        "row", "input", "size MB", "seconds", "peak MiB", "bound MiB"
    );
    let mut failures = Vec::new();
    for case in cases() {
        let path = dir.join(case.file);
        std::fs::write(&path, &case.text).with_context(|| format!("writing {}", path.display()))?;
        let size = case.text.len() as u64;
        drop(case.text);
        let out = Command::new(&me)
            .arg("stress-run")
            .arg(&bin)
            .arg(&path)
            .arg(case.run.flag())
            .stderr(Stdio::inherit())
            .output()
            .context("running xtask stress-run")?;
        let report = String::from_utf8_lossy(&out.stdout);
        let mut fields = report.split_whitespace();
        let (Some(ok), Some(seconds), Some(peak_kib)) =
            (fields.next(), fields.next(), fields.next())
        else {
            bail!("stress-run gave no figures for {}: {report}", case.file);
        };
        let seconds: f64 = seconds.parse().context("stress-run seconds")?;
        let peak_kib: u64 = peak_kib.parse().context("stress-run peak")?;
        let peak_mib = peak_kib / 1024;
        let bound_mib = size * case.run.memory_per_input_byte() / (1024 * 1024) + BASE_MIB;
        println!(
            "{:>3}  {:<42} {:>9.1} {:>8.2} {:>10} {:>10}",
            case.row,
            case.name,
            size as f64 / 1e6,
            seconds,
            peak_mib,
            bound_mib
        );
        if ok != "ok" {
            failures.push(format!(
                "{}: dateline {} failed",
                case.file,
                case.run.flag()
            ));
        }
        if seconds > MAX_SECONDS {
            failures.push(format!("{}: {seconds:.1} s > {MAX_SECONDS} s", case.file));
        }
        if peak_mib > bound_mib {
            failures.push(format!("{}: {peak_mib} MiB > {bound_mib} MiB", case.file));
        }
    }
    if !failures.is_empty() {
        bail!("over the bounds:\n  {}", failures.join("\n  "));
    }
    println!("\nall within bounds");
    Ok(())
}

/// `xtask stress-run BIN FILE extract|--events|ingest`: runs `BIN extract FILE [--events]`, or
/// `BIN ingest` of FILE into a fresh database beside it, and prints `ok|failed SECONDS PEAK_KIB`.
pub fn run_one(args: &[String]) -> Result<()> {
    let [bin, file, flag] = args else {
        bail!("usage: xtask stress-run BIN FILE extract|--events|ingest");
    };
    let mut cmd = Command::new(PathBuf::from(bin));
    match flag.as_str() {
        "extract" => cmd.arg("extract").arg(file),
        "--events" => cmd.arg("extract").arg("--events").arg(file),
        "ingest" => {
            let db = PathBuf::from(format!("{file}.db"));
            for ext in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
            }
            cmd.arg("ingest").arg("--db").arg(db).arg(file)
        }
        other => bail!("stress-run: unknown run {other:?}"),
    };
    let t = Instant::now();
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("running {bin}"))?;
    let seconds = t.elapsed().as_secs_f64();
    println!(
        "{} {seconds:.3} {}",
        if status.success() { "ok" } else { "failed" },
        children_peak_kib()?
    );
    Ok(())
}

/// Peak resident size of the largest child waited for, in KiB (Linux reports `ru_maxrss` in KiB).
fn children_peak_kib() -> Result<u64> {
    // SAFETY: `getrusage` only writes the struct it is given, which is zeroed plain data.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_CHILDREN is a valid `who`.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    if rc != 0 {
        bail!("getrusage: {}", std::io::Error::last_os_error());
    }
    Ok(u64::try_from(usage.ru_maxrss).unwrap_or(0))
}
