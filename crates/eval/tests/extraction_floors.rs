//! Regression floors on the two article-extraction sets (`benchmarks/article-extraction`,
//! `benchmarks/readability-test-pages`): the figures `cargo xtask eval` prints, computed through
//! the whole pipeline (what `dateline extract` gives for a page), must not fall.
//!
//! The floors are issue 12's targets (body F1 ≥ 0.97 on the article set, ≥ 0.95 on Readability's
//! pages; title ≥ 0.90, byline ≥ 0.85, publication day ≥ 0.90 of the pages that state them). The
//! figures measured when the floors were set are in the README; they ratchet upward only.

use dateline_core::{Capture, Media, Sidecar};
use dateline_eval::{bench, metric, readability};
use std::path::{Path, PathBuf};

fn benchmarks() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../benchmarks")
}

fn share((right, of): (usize, usize)) -> f64 {
    right as f64 / of.max(1) as f64
}

#[test]
fn the_article_extraction_set_keeps_its_body_f1() {
    let _ = dateline_adapters::linked();
    let pages = bench::load(&benchmarks().join("article-extraction")).expect("the set loads");
    assert_eq!(pages.len(), 181);
    let scores: Vec<metric::DocScore> = pages
        .iter()
        .map(|p| {
            let name = format!("{}.html", p.id);
            let body =
                Capture::from_bytes(Path::new(&name), &p.html, Media::Html, Sidecar::default())
                    .ok()
                    .and_then(|c| dateline_core::extract(&c).ok())
                    .and_then(|x| x.articles.into_iter().next())
                    .map(|a| a.body)
                    .unwrap_or_default();
            metric::score(&p.gold, &body)
        })
        .collect();
    let f1 = metric::summarize(scores.iter()).f1;
    assert!(f1 >= 0.97, "body F1 {f1:.3} < 0.97");
}

#[test]
fn readability_s_pages_keep_their_body_and_metadata() {
    let _ = dateline_adapters::linked();
    let pages =
        readability::load(&benchmarks().join("readability-test-pages")).expect("the pages load");
    assert_eq!(pages.len(), 130);
    let (scores, tally) = readability::score_pipeline(&pages);
    let f1 = metric::summarize(scores.iter()).f1;
    let title = share((tally.headlines, tally.titles.1));
    let byline = share(tally.bylines);
    let day = share(tally.days);
    let misses = tally.misses.join("\n");
    assert!(f1 >= 0.95, "body F1 {f1:.3} < 0.95");
    assert!(title >= 0.90, "title {title:.3} < 0.90\n{misses}");
    assert!(byline >= 0.85, "byline {byline:.3} < 0.85\n{misses}");
    assert!(day >= 0.90, "publication day {day:.3} < 0.90\n{misses}");
}
