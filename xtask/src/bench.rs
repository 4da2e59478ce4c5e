//! `cargo xtask bench [--sizes 10000,100000]`: ingest speed, peak memory and database size.
//!
//! Builds the release binary, generates corpora from the adapter fixtures and the samples (every
//! capture varied: body lines shuffled, numbers and names changed, so hashes differ and
//! near-duplicates exist), ingests each into a fresh database, and prints captures/s, peak memory
//! (the binary's own `VmHWM`, and its value before the final rebuild of stories and events) and
//! database size. A one-thread run over the smallest corpus gives
//! articles/s of extraction and of event coding on one core.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Bump when the generator changes, so stale corpora are regenerated.
const GENERATOR: &str = "bench-corpus v2";

const NAMES: &[&[&str]] = &[
    &["Sudani", "Kadhimi", "Abadi", "Maliki", "Allawi"],
    &["Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Najaf"],
    &["Leahy", "Lambert", "Harris", "Walker", "Bennett"],
    &["Kurilla", "Votel", "Austin", "McKenzie"],
    &["Rudaw", "Rudaw"],
    &["ISIS", "ISIS", "Islamic State"],
];

/// The corpus sizes to bench, smallest first, and whether to time only the WARC reading.
fn options(args: &[String]) -> Result<(Vec<usize>, bool)> {
    let mut sizes = vec![10_000usize, 100_000];
    let mut warc_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--warc" => warc_only = true,
            "--sizes" => {
                let v = it
                    .next()
                    .context("--sizes needs a list, e.g. 10000,100000")?;
                sizes = v
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .parse::<usize>()
                            .with_context(|| format!("bad size {s:?}"))
                    })
                    .collect::<Result<_>>()?;
            }
            other => bail!(
                "unknown argument {other:?} (usage: cargo xtask bench [--sizes 10000,100000] [--warc])"
            ),
        }
    }
    sizes.sort_unstable();
    Ok((sizes, warc_only))
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let (sizes, warc_only) = options(args)?;
    let bin = release_binary(root)?;
    if warc_only {
        return warc(root, &bin, sizes.first().copied().unwrap_or(10_000));
    }
    let sources = sources(root)?;
    println!(
        "{} source captures (samples and adapter fixtures)",
        sources.len()
    );

    let mut rows = Vec::new();
    for &n in &sizes {
        let dir = root.join(format!("target/bench/corpus-{n}"));
        let t = Instant::now();
        generate(&sources, &dir, n)?;
        println!(
            "corpus of {n} captures ready in {:.1}s ({})",
            t.elapsed().as_secs_f64(),
            dir.display()
        );
        rows.push(ingest(&bin, root, &dir, n, None)?);
    }
    let smallest = sizes.first().copied().unwrap_or(10_000);
    let one = ingest(
        &bin,
        root,
        &root.join(format!("target/bench/corpus-{smallest}")),
        smallest,
        Some(1),
    )?;

    println!();
    print_table(&rows);
    println!();
    println!(
        "one core ({smallest} captures, RAYON_NUM_THREADS=1): {}",
        one.timings
    );
    println!();
    warc(root, &bin, smallest)
}

/// One row per corpus size, and how the peak memory scales between the smallest and the largest.
fn print_table(rows: &[Row]) {
    println!(
        "| captures | wall s | captures/s | peak MiB | of which before the rebuild | db MiB | articles | event mentions | stories | events |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {:.1} | {:.0} | {:.0} | {:.0} | {:.0} | {} | {} | {} | {} |",
            r.captures,
            r.wall,
            r.captures as f64 / r.wall,
            r.peak_mib,
            r.before_rebuild_mib,
            r.db_mib,
            r.articles,
            r.mentions,
            r.stories,
            r.events
        );
    }
    // Memory must stay bounded as the corpus grows: say how the peak scales between the sizes.
    if let (Some(first), Some(last)) = (rows.first(), rows.last())
        && last.captures > first.captures
    {
        println!();
        println!(
            "peak memory ×{:.2} for ×{:.0} the captures ({:.0} → {:.0} MiB)",
            last.peak_mib / first.peak_mib,
            last.captures as f64 / first.captures as f64,
            first.peak_mib,
            last.peak_mib
        );
    }
}

/// Reading a WARC against extracting it: the bench corpus of `n` captures written as one
/// `.warc.gz` (a gzip member per record, URL and time from the sidecars), read alone by the
/// archive crate's `scan` example, then extracted by `dateline extract`, both on one core.
fn warc(root: &Path, bin: &Path, n: usize) -> Result<()> {
    let corpus = corpus(root, n)?;
    let file = root.join(format!("target/bench/corpus-{n}.warc.gz"));
    write_warc(&corpus, &file)?;
    let size = std::fs::metadata(&file)?.len() as f64 / (1024.0 * 1024.0);
    let status = crate::cargo()
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "dateline-archive",
            "--example",
            "scan",
        ])
        .current_dir(root)
        .status()
        .context("building the scan example")?;
    if !status.success() {
        bail!("cargo build --example scan failed");
    }
    let t = Instant::now();
    let out = Command::new(root.join("target/release/examples/scan"))
        .arg(&file)
        .output()
        .context("running scan")?;
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let status = Command::new(bin)
        .args(["extract"])
        .arg(&file)
        .env("RAYON_NUM_THREADS", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .context("running dateline extract")?;
    let extract = t.elapsed().as_secs_f64();
    if !status.success() {
        bail!("dateline extract of {} failed", file.display());
    }
    println!(
        "WARC of {n} captures ({size:.1} MiB gzipped): read alone {read:.2}s ({}), `dateline extract` on one core {extract:.2}s: reading is {:.1}% of extraction",
        String::from_utf8_lossy(&out.stdout).trim(),
        100.0 * read / extract
    );
    Ok(())
}

/// Every capture of a bench corpus as a `response` record, one gzip member each.
fn write_warc(corpus: &Path, file: &Path) -> Result<()> {
    use std::io::Write;
    let mut files = Vec::new();
    let mut stack = vec![corpus.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)?.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(file).with_context(|| format!("creating {}", file.display()))?,
    );
    for (i, p) in files.iter().enumerate() {
        let body = std::fs::read(p)?;
        let sidecar: toml::Table = std::fs::read_to_string(p.with_extension("toml"))
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or_default();
        let get = |k: &str| sidecar.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        let html = p.extension().is_some_and(|x| x == "html");
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n",
            if html { "text/html" } else { "text/plain" },
            body.len()
        )
        .into_bytes();
        http.extend_from_slice(&body);
        let mut head =
            format!("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-{i}>\r\n");
        if let Some(url) = get("url") {
            head.push_str(&format!("WARC-Target-URI: {url}\r\n"));
        }
        if let Some(at) = get("captured_at") {
            head.push_str(&format!("WARC-Date: {at}\r\n"));
        }
        head.push_str(&format!(
            "Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        ));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(head.as_bytes())?;
        gz.write_all(&http)?;
        gz.write_all(b"\r\n\r\n")?;
        out.write_all(&gz.finish()?)?;
    }
    out.flush()?;
    Ok(())
}

/// Builds `dateline` in release (timings of a debug build mean nothing) and returns its path.
pub(crate) fn release_binary(root: &Path) -> Result<PathBuf> {
    println!("building the release binary…");
    let status = crate::cargo()
        .args(["build", "--release", "-p", "dateline"])
        .current_dir(root)
        .status()
        .context("running cargo build --release")?;
    if !status.success() {
        bail!("cargo build --release -p dateline failed");
    }
    Ok(root.join("target/release/dateline"))
}

/// The bench corpus of `n` captures under `target/bench`, generated if missing or stale: other
/// measurements (`cargo xtask eval-events`) time themselves on the same captures as `bench`.
pub(crate) fn corpus(root: &Path, n: usize) -> Result<PathBuf> {
    let dir = root.join(format!("target/bench/corpus-{n}"));
    generate(&sources(root)?, &dir, n)?;
    Ok(dir)
}

struct Row {
    captures: usize,
    wall: f64,
    peak_mib: f64,
    before_rebuild_mib: f64,
    db_mib: f64,
    articles: String,
    mentions: String,
    stories: String,
    events: String,
    timings: String,
}

fn ingest(bin: &Path, root: &Path, corpus: &Path, n: usize, threads: Option<usize>) -> Result<Row> {
    let db = root.join(format!(
        "target/bench/bench-{n}{}.db",
        threads.map_or(String::new(), |t| format!("-{t}thread"))
    ));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let mut cmd = Command::new(bin);
    cmd.arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg("--timings")
        .arg(corpus);
    if let Some(t) = threads {
        cmd.env("RAYON_NUM_THREADS", t.to_string());
    }
    println!(
        "ingesting {n} captures{}…",
        threads.map_or(String::new(), |t| format!(" on {t} thread"))
    );
    let t = Instant::now();
    let out = cmd.output().context("running dateline ingest")?;
    let wall = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("dateline ingest failed:\n{stderr}");
    }
    let summary = print_summary(&stderr);
    let db_bytes: u64 = ["", "-wal"]
        .iter()
        .filter_map(|ext| std::fs::metadata(format!("{}{ext}", db.display())).ok())
        .map(|m| m.len())
        .sum();
    Ok(row(&summary, n, wall, db_bytes))
}

/// Echoes ingest's summary lines (the per-capture rejections only counted) and returns them.
fn print_summary(stderr: &str) -> Vec<&str> {
    let summary: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("rejected "))
        .collect();
    for l in &summary {
        println!("  {l}");
    }
    let rejected = stderr
        .lines()
        .filter(|l| l.starts_with("rejected "))
        .count();
    if rejected > 0 {
        println!("  ({rejected} rejection lines not shown)");
    }
    summary
}

/// The figures of one run, read from ingest's summary lines.
fn row(summary: &[&str], n: usize, wall: f64, db_bytes: u64) -> Row {
    let grab = |line_start: &str, before: &str| -> String {
        summary
            .iter()
            .find(|l| l.starts_with(line_start))
            .and_then(|l| {
                let i = l.find(before)?;
                l[..i].split_whitespace().last().map(str::to_owned)
            })
            .unwrap_or_else(|| "?".into())
    };
    // "peak memory: 69.8 MiB (49.9 MiB before the rebuild)"
    let peak: Vec<f64> = summary
        .iter()
        .find_map(|l| l.strip_prefix("peak memory: "))
        .map(|v| {
            v.split_whitespace()
                .filter_map(|w| w.trim_start_matches('(').parse().ok())
                .collect()
        })
        .unwrap_or_default();
    Row {
        captures: n,
        wall,
        peak_mib: peak.first().copied().unwrap_or(f64::NAN),
        before_rebuild_mib: peak.get(1).copied().unwrap_or(f64::NAN),
        db_mib: db_bytes as f64 / (1024.0 * 1024.0),
        articles: grab("database", " articles"),
        mentions: grab("read", " event mentions"),
        stories: grab("database", " stories"),
        events: grab("database", " events"),
        timings: summary
            .iter()
            .find_map(|l| l.strip_prefix("timings: "))
            .unwrap_or("?")
            .to_owned(),
    }
}

struct Source {
    name: String,
    ext: String,
    text: String,
    sidecar: Option<String>,
}

fn sources(root: &Path) -> Result<Vec<Source>> {
    let mut dirs = vec![root.join("samples/seeds")];
    for entry in std::fs::read_dir(root.join("adapters")).context("reading adapters/")? {
        dirs.push(entry?.path().join("fixtures"));
    }
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let ext = f
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_owned();
            if !matches!(ext.as_str(), "txt" | "html" | "htm") {
                continue;
            }
            // Captures in other encodings are kept out: the generator edits text.
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            let sidecar = std::fs::read_to_string(f.with_extension("toml")).ok();
            out.push(Source {
                name: f
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("x")
                    .to_owned(),
                ext,
                text,
                sidecar,
            });
        }
    }
    if out.is_empty() {
        bail!("no source captures found under samples/seeds or adapters/*/fixtures");
    }
    Ok(out)
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn generate(sources: &[Source], dir: &Path, n: usize) -> Result<()> {
    let marker = dir.join("GENERATED");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(GENERATOR) {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    // Body lines of every text capture: variants borrow from them, so most generated stories are
    // new combinations rather than near-copies of the few sources.
    let pool: Vec<&str> = sources
        .iter()
        .filter(|s| s.ext == "txt")
        .flat_map(|s| s.text.lines().filter(|l| is_body(l, false)))
        .collect();
    for i in 0..n {
        let src = &sources[i % sources.len()];
        let mut rng =
            Rng(0x9e37_79b9_7f4a_7c15 ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
        // Years move together (text and capture time), so relative dates stay consistent.
        let shift = (i / sources.len()) % 4;
        let text = shift_years(
            &vary(&src.text, i, &mut rng, src.ext != "txt", &pool),
            shift,
        );
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).with_context(|| format!("creating {}", sub.display()))?;
        let stem = format!("{}-{i:06}", src.name);
        std::fs::write(sub.join(format!("{stem}.{}", src.ext)), text)?;
        if let Some(sc) = &src.sidecar {
            // Another hour of capture: relative dates ("12 hours ago") move with it.
            let hour = format!("T{:02}:", 6 + rng.below(16));
            let sc = match sc.find('T') {
                Some(_) => sc
                    .lines()
                    .map(|l| {
                        if l.trim_start().starts_with("captured_at")
                            && let Some(p) = l.find('T')
                        {
                            return format!("{}{}{}", &l[..p], hour, &l[p + 4..]);
                        }
                        l.to_owned()
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                None => sc.clone(),
            };
            std::fs::write(sub.join(format!("{stem}.toml")), shift_years(&sc, shift))?;
        }
    }
    std::fs::write(&marker, GENERATOR)?;
    Ok(())
}

/// One variant of a capture. Only long lines (body text) are touched, so the page layout that
/// adapters detect stays intact. One copy in four keeps its body order (a near-duplicate of its
/// source); the rest have body lines shuffled.
fn is_body(line: &str, html: bool) -> bool {
    // Captions ("… Photo: …") stay where the layout has them.
    line.len() >= 120 && !line.contains("Photo:") && (!html || line.contains("<p"))
}

/// Every year from 2003 to 2030 moved `by` years on.
fn shift_years(text: &str, by: usize) -> String {
    if by == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut k = 0;
    while k < text.len() {
        let boundary = |j: usize| j >= b.len() || !b[j].is_ascii_digit();
        if k + 4 <= b.len()
            && (k == 0 || !b[k - 1].is_ascii_digit())
            && boundary(k + 4)
            && let Some(four) = text.get(k..k + 4)
            && let Ok(y) = four.parse::<usize>()
            && (2003..=2030).contains(&y)
        {
            out.push_str(&(y + by).to_string());
            k += 4;
            continue;
        }
        let c = text[k..].chars().next().unwrap_or(' ');
        out.push(c);
        k += c.len_utf8();
    }
    out
}

fn vary(text: &str, i: usize, rng: &mut Rng, html: bool, pool: &[&str]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let body: Vec<usize> = (0..lines.len())
        .filter(|&k| is_body(&lines[k], html))
        .collect();
    // Three text variants in four take half their body from other stories.
    if !html && !i.is_multiple_of(4) && !pool.is_empty() {
        for &k in &body {
            if rng.below(2) == 0 {
                lines[k] = pool[rng.below(pool.len())].to_owned();
            }
        }
    }
    if !i.is_multiple_of(4) && body.len() > 2 {
        let mut texts: Vec<String> = body.iter().map(|&k| lines[k].clone()).collect();
        for k in (1..texts.len()).rev() {
            texts.swap(k, rng.below(k + 1));
        }
        for (&k, t) in body.iter().zip(texts) {
            lines[k] = t;
        }
    }
    for &k in &body {
        let mut line = vary_numbers(&lines[k], rng);
        for group in NAMES {
            let pick = group[rng.below(group.len())];
            for name in group.iter() {
                if *name != pick && line.contains(name) && rng.below(3) == 0 {
                    line = line.replace(name, pick);
                }
            }
        }
        lines[k] = line;
    }
    // A unique mark, so no two generated captures share a hash.
    if let Some(&k) = body.last() {
        if html {
            lines[k].push_str(&format!("<!-- {i} -->"));
        } else {
            lines[k].push_str(&format!(" (Ref. {i}.)"));
        }
    } else {
        lines.push(if html {
            format!("<!-- {i} -->")
        } else {
            format!("Ref. {i}.")
        });
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Small numbers (counts) move by a little; years and long numbers stay, so dates stay sensible.
fn vary_numbers(line: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(line.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        match digits.parse::<u32>() {
            Ok(v) if (2..1000).contains(&v) && rng.below(2) == 0 => {
                out.push_str(&(v + 1 + rng.below(5) as u32).to_string())
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in line.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}
