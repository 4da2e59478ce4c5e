//! `dateline-eval`: body extraction on the article-extraction benchmark, with its published metric.
//!
//! Each page goes through what `dateline extract` does to an unknown site's HTML: decode,
//! `html::parse`, the generic adapter; the body is the draft's paragraphs joined by newlines. Pages are
//! read into memory and their captures built first (file hash, sidecar), so the pages/second figure
//! measures decoding and extraction, not disk, gzip or hashing.

use anyhow::{Context, Result, bail};
use dateline_core::adapter::Adapter;
use dateline_core::{Capture, Media, ParseContext, Sidecar};
use dateline_eval::bench::{self, BenchPage};
use dateline_eval::metric::{self, DocScore};
use dateline_eval::readability::{self, ReadabilityPage};
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str =
    "usage: dateline-eval [--dir BENCH_DIR] [--pages] [--all-text | --dom-text] [--passes N]
                     [--bootstrap N] [--out PREDICTIONS.json] [--explain ID]

  --pages       list every page's score, worst first
  --all-text    score the text of every block instead (what html::parse keeps of a page)
  --dom-text    score every text node of the DOM but scripts and styles (the README's \"all text\"
                baselines, html-text and BeautifulSoup: F1 .665, precision .499/.500, recall .994)
  --passes N    time N passes over all pages and report the best (default 3)
  --bootstrap N resamples for the ± values (default 1000, 0 to skip)
  --out FILE    write the predictions in the benchmark's format
  --explain ID  print how the generic adapter scored the page whose id starts with ID (or the
                saved page at the path ID)";

struct Options {
    dir: PathBuf,
    pages: bool,
    all_text: bool,
    dom_text: bool,
    passes: usize,
    bootstrap: usize,
    out: Option<PathBuf>,
    explain: Option<String>,
}

fn options() -> Result<Options> {
    let mut o = Options {
        dir: PathBuf::from("benchmarks/article-extraction"),
        pages: false,
        all_text: false,
        dom_text: false,
        passes: 3,
        bootstrap: 1000,
        out: None,
        explain: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().with_context(|| format!("{what} needs a value"));
        match a.as_str() {
            "--dir" => o.dir = value("--dir")?.into(),
            "--pages" => o.pages = true,
            "--all-text" => o.all_text = true,
            "--dom-text" => o.dom_text = true,
            "--passes" => o.passes = value("--passes")?.parse().context("--passes")?,
            "--bootstrap" => o.bootstrap = value("--bootstrap")?.parse().context("--bootstrap")?,
            "--out" => o.out = Some(value("--out")?.into()),
            "--explain" => o.explain = Some(value("--explain")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument {other}\n\n{USAGE}"),
        }
    }
    o.passes = o.passes.max(1);
    Ok(o)
}

/// A page with its capture built once (hashing the bytes is capture bookkeeping, not extraction).
struct Prepared<'a> {
    page: &'a BenchPage,
    capture: Capture,
}

fn prepare(page: &BenchPage) -> Result<Prepared<'_>> {
    let name = format!("{}.html", page.id);
    let sidecar = Sidecar {
        url: Some(page.url.clone()),
        ..Default::default()
    };
    let capture = Capture::from_bytes(Path::new(&name), &page.html, Media::Html, sidecar)?;
    Ok(Prepared { page, capture })
}

/// One page through what is timed: decode → `html::parse` → the generic adapter; the body text the
/// benchmark scores.
fn extract(p: &Prepared<'_>, o: &Options) -> Result<String> {
    let all_text = o.all_text;
    let tld = p.capture.host();
    let tld = tld.as_deref().and_then(|h| h.rsplit('.').next());
    let decoded = dateline_core::decode::decode(&p.page.html, None, true, tld);
    if o.dom_text {
        return Ok(dom_text(&decoded.text));
    }
    let parsed = dateline_core::html::parse(&decoded.text);
    if all_text {
        return Ok(parsed.texts().collect::<Vec<_>>().join("\n"));
    }
    let drafts = dateline_adapter_generic::Generic.parse(
        &parsed,
        &ParseContext {
            capture: &p.capture,
        },
    )?;
    Ok(drafts
        .iter()
        .flat_map(|d| d.body.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Every text node outside scripts and styles, one per line: a "keep all text" extractor to check the
/// metric against the README's published baselines.
fn dom_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.tree.root().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"))
        });
        if !hidden {
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

fn explain(pages: &[BenchPage], prefix: &str) -> Result<()> {
    // A saved page given by its path (any page, a Readability test page say) is explained as is.
    if Path::new(prefix).is_file() {
        let html = std::fs::read(prefix).with_context(|| format!("reading {prefix}"))?;
        print_explanation(prefix, &html);
        return Ok(());
    }
    let page = pages
        .iter()
        .find(|p| p.id.starts_with(prefix))
        .with_context(|| format!("no page id starts with {prefix}"))?;
    print_explanation(&format!("{} {}", page.id, page.url), &page.html);
    Ok(())
}

/// How the generic adapter scored the page `html`, under the heading `title`.
fn print_explanation(title: &str, html: &[u8]) {
    let parsed = dateline_core::html::parse(&String::from_utf8_lossy(html));
    println!("{title}");
    for line in dateline_adapter_generic::html::explain(&parsed) {
        println!("{line}");
    }
}

fn main() -> Result<()> {
    let o = options()?;
    let pages = bench::load(&o.dir).with_context(|| format!("loading {}", o.dir.display()))?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    if let Some(prefix) = &o.explain {
        return explain(&pages, prefix);
    }

    let prepared: Vec<Option<Prepared<'_>>> = pages
        .iter()
        .map(|p| {
            prepare(p)
                .map_err(|e| eprintln!("{}: {e:#}", &p.id[..16]))
                .ok()
        })
        .collect();
    let (predictions, best) = timed_predictions(&prepared, &o);

    let scores: Vec<DocScore> = pages
        .iter()
        .zip(&predictions)
        .map(|(p, pred)| metric::score(&p.gold, pred))
        .collect();
    if o.pages {
        print_pages_worst_first(&pages, &scores);
    }
    if let Some(path) = &o.out {
        write_predictions(path, &pages, &predictions)?;
    }
    print_summary(&o, &scores, pages.len(), bytes, best);
    if !o.dom_text && !o.all_text && o.explain.is_none() {
        println!();
        readability_report(&o)?;
    }
    Ok(())
}

/// Every page's prediction from the first pass, and the best time of all passes in seconds.
fn timed_predictions(prepared: &[Option<Prepared<'_>>], o: &Options) -> (Vec<String>, f64) {
    let mut predictions = Vec::new();
    let mut best = f64::INFINITY;
    for pass in 0..o.passes {
        let start = Instant::now();
        let mut out = Vec::with_capacity(prepared.len());
        for p in prepared {
            // A page the pipeline rejects scores as an empty prediction, as upstream counts a miss.
            let body = match p {
                Some(p) => extract(p, o).unwrap_or_else(|e| {
                    if pass == 0 {
                        eprintln!("{}: {e:#}", &p.page.id[..16]);
                    }
                    String::new()
                }),
                None => String::new(),
            };
            out.push(body);
        }
        best = best.min(start.elapsed().as_secs_f64());
        if pass == 0 {
            predictions = out;
        }
    }
    (predictions, best)
}

fn print_pages_worst_first(pages: &[BenchPage], scores: &[DocScore]) {
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| scores[a].f1().total_cmp(&scores[b].f1()));
    println!(
        "{:>6} {:>6} {:>6}  {:16}  url",
        "f1", "prec", "recall", "id"
    );
    for i in order {
        let d = &scores[i];
        let fmt = |v: Option<f64>| v.map_or("  -   ".to_owned(), |v| format!("{v:6.3}"));
        println!(
            "{:6.3} {} {}  {:16}  {}",
            d.f1(),
            fmt(d.precision),
            fmt(d.recall),
            &pages[i].id[..16],
            pages[i].url
        );
    }
    println!();
}

/// The predictions in the benchmark's own format, for its scripts.
fn write_predictions(path: &Path, pages: &[BenchPage], predictions: &[String]) -> Result<()> {
    let map: serde_json::Map<String, serde_json::Value> = pages
        .iter()
        .zip(predictions)
        .map(|(p, pred)| (p.id.clone(), serde_json::json!({ "articleBody": pred })))
        .collect();
    std::fs::write(path, serde_json::to_string_pretty(&map)?)
        .with_context(|| format!("writing {}", path.display()))
}

fn print_summary(o: &Options, scores: &[DocScore], pages: usize, bytes: usize, best: f64) {
    let s = metric::summarize(scores.iter());
    let sd = metric::bootstrap(scores, o.bootstrap, 0x5eed);
    let what = if o.dom_text {
        "all DOM text"
    } else if o.all_text {
        "all block text"
    } else {
        "generic adapter"
    };
    println!("{pages} pages, {what}");
    let pm = |v: f64, e: f64| {
        if o.bootstrap > 1 {
            format!("{v:.3} ± {e:.3}")
        } else {
            format!("{v:.3}")
        }
    };
    println!("F1        {}", pm(s.f1, sd.f1));
    println!("precision {}", pm(s.precision, sd.precision));
    println!("recall    {}", pm(s.recall, sd.recall));
    println!("accuracy  {}", pm(s.accuracy, sd.accuracy));
    println!(
        "speed     {:.1} pages/s, {:.1} MB/s (best of {} passes, one thread, {:.2} s)",
        pages as f64 / best,
        bytes as f64 / 1e6 / best,
        o.passes,
        best
    );
}

/// The Readability test pages beside the benchmark: body P/R/F1 through the whole pipeline (what
/// `dateline extract` gives for the page), and the metadata a page states: title, byline,
/// publication day. `--pages` lists the worst pages.
fn readability_report(o: &Options) -> Result<()> {
    let dir = o
        .dir
        .parent()
        .unwrap_or(Path::new("benchmarks"))
        .join("readability-test-pages");
    let pages = readability::load(&dir).with_context(|| format!("loading {}", dir.display()))?;
    let (scores, tally) = readability::score_pipeline(&pages);
    let s = metric::summarize(scores.iter());
    let pct = |(a, b): (usize, usize)| format!("{a}/{b} = {:.3}", a as f64 / b.max(1) as f64);
    println!("{} Readability test pages, whole pipeline", pages.len());
    println!("F1        {:.3}", s.f1);
    println!("precision {:.3}", s.precision);
    println!("recall    {:.3}", s.recall);
    println!(
        "title     {} (the same words); {} (or the headline without the site's name)",
        pct(tally.titles),
        pct((tally.headlines, tally.titles.1))
    );
    println!("byline    {}", pct(tally.bylines));
    println!(
        "published {} (day, where the page states it)",
        pct(tally.days)
    );
    if o.pages {
        print_readability_worst(&pages, &scores, &tally.misses);
    }
    Ok(())
}

/// The fifteen worst bodies, then every metadata miss.
fn print_readability_worst(pages: &[ReadabilityPage], scores: &[DocScore], misses: &[String]) {
    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| scores[a].f1().total_cmp(&scores[b].f1()));
    println!();
    for i in order {
        let d = &scores[i];
        println!(
            "{:6.3} P {:.3} R {:.3}  {}",
            d.f1(),
            d.precision.unwrap_or(0.0),
            d.recall.unwrap_or(0.0),
            pages[i].name
        );
    }
    println!();
    for m in misses {
        println!("{m}");
    }
}
