//! 4-gram shingle precision/recall (macro-averaged), F1 and exact-token accuracy, as the benchmark's
//! README defines them.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Shingle length used by the benchmark.
pub const N: usize = 4;

/// Python's Unicode `\w` by general category: letters, numbers and `_`. Not Rust's `\w` or
/// `char::is_alphanumeric`, which also take combining marks as word characters.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("static regex"));

/// Every maximal run of word characters, in order, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of `n`-gram shingles of a token list.
pub fn shingles<'a, 't>(tokens: &'t [&'a str], n: usize) -> HashMap<&'t [&'a str], u64> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < n {
        out.insert(tokens, 1);
        return out;
    }
    for w in tokens.windows(n) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// Shingle counts of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

pub fn counts(gold: &str, pred: &str, n: usize) -> Counts {
    let (gt, pt) = (tokens(gold), tokens(pred));
    let (g, p) = (shingles(&gt, n), shingles(&pt, n));
    let mut c = Counts::default();
    for (s, &gc) in &g {
        let pc = p.get(s).copied().unwrap_or(0);
        c.tp += gc.min(pc);
        c.fn_ += gc.saturating_sub(pc);
        c.fp += pc.saturating_sub(gc);
    }
    for (s, &pc) in &p {
        if !g.contains_key(s) {
            c.fp += pc;
        }
    }
    c
}

/// One document's contribution to the corpus scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocScore {
    /// `None` when the document is left out of precision (tp + fp = 0, e.g. an empty prediction).
    pub precision: Option<f64>,
    /// `None` when the document is left out of recall (tp + fn = 0).
    pub recall: Option<f64>,
    /// Token lists equal.
    pub exact: bool,
}

impl DocScore {
    /// The document's own F1, only for listing the worst pages (the corpus F1 is not a mean of these).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision.unwrap_or(0.0), self.recall.unwrap_or(0.0));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub fn score(gold: &str, pred: &str) -> DocScore {
    let c = counts(gold, pred, N);
    let (tp, fp, fn_) = (c.tp as f64, c.fp as f64, c.fn_ as f64);
    let perfect = c.fp == 0 && c.fn_ == 0;
    let precision = (c.tp + c.fp > 0).then(|| {
        if perfect {
            1.0
        } else if c.tp == 0 && c.fp == 0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    });
    let recall = (c.tp + c.fn_ > 0).then(|| {
        if perfect {
            1.0
        } else if c.tp == 0 && c.fn_ == 0 {
            0.0
        } else {
            tp / (tp + fn_)
        }
    });
    DocScore {
        precision,
        recall,
        exact: tokens(gold) == tokens(pred),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Macro precision and recall over the documents that count for each, F1 as their harmonic mean.
pub fn summarize<'a>(docs: impl Iterator<Item = &'a DocScore> + Clone) -> Summary {
    let precision = mean(docs.clone().filter_map(|d| d.precision));
    let recall = mean(docs.clone().filter_map(|d| d.recall));
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let accuracy = mean(docs.map(|d| if d.exact { 1.0 } else { 0.0 }));
    Summary {
        precision,
        recall,
        f1,
        accuracy,
    }
}

/// Sample standard deviation of each metric over `rounds` bootstrap resamples of the documents.
/// The generator is seeded so the printed ± is the same on every run.
pub fn bootstrap(docs: &[DocScore], rounds: usize, seed: u64) -> Summary {
    if docs.is_empty() || rounds < 2 {
        return Summary::default();
    }
    let mut rng = SplitMix64(seed);
    let mut runs = Vec::with_capacity(rounds);
    let mut sample = Vec::with_capacity(docs.len());
    for _ in 0..rounds {
        sample.clear();
        for _ in 0..docs.len() {
            let i = (rng.next() % docs.len() as u64) as usize;
            sample.push(docs[i]);
        }
        runs.push(summarize(sample.iter()));
    }
    let sd = |f: fn(&Summary) -> f64| {
        let m = mean(runs.iter().map(f));
        let var = runs.iter().map(|r| (f(r) - m).powi(2)).sum::<f64>() / (runs.len() - 1) as f64;
        var.sqrt()
    };
    Summary {
        precision: sd(|s| s.precision),
        recall: sd(|s| s.recall),
        f1: sd(|s| s.f1),
        accuracy: sd(|s| s.accuracy),
    }
}

/// A tiny, well-known generator: enough for resampling, and no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_letter_and_number_runs_with_marks_as_separators() {
        assert_eq!(
            tokens("Hello, world_1 — 3.5%!"),
            vec!["Hello", "world_1", "3", "5"]
        );
        // Arabic harakat (Mn) split words under Python's \w; Rust's is_alphanumeric would keep them.
        assert_eq!(tokens("كَتَبَ"), vec!["ك", "ت", "ب"]);
        assert!('\u{64e}'.is_alphabetic());
        // Other letters and numbers: Korean, Chinese, superscript two (No), Roman numeral (Nl).
        assert_eq!(tokens("한국 中文 x² Ⅻ"), vec!["한국", "中文", "x²", "Ⅻ"]);
        assert!(tokens(" .,;— ").is_empty());
    }

    #[test]
    fn readme_sanity_checks() {
        // gold "a b c" vs pred "a b c d" with n = 3: tp 1, fp 1, fn 0.
        assert_eq!(
            counts("a b c", "a b c d", 3),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        // "a b c a b c" vs "a b c": tp 1, fp 0, fn 3.
        assert_eq!(
            counts("a b c a b c", "a b c", 3),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 3
            }
        );
    }

    #[test]
    fn short_texts_make_one_shingle_and_empty_texts_none() {
        let t = tokens("a b");
        let s = shingles(&t, 4);
        assert_eq!(s.len(), 1);
        assert_eq!(s.get(&t[..]), Some(&1));
        assert!(shingles(&[], 4).is_empty());
        // Five tokens give two 4-grams.
        let t = tokens("a b c d e");
        assert_eq!(shingles(&t, 4).values().sum::<u64>(), 2);
    }

    #[test]
    fn per_document_scores_follow_the_readme_cases() {
        let perfect = score("one two three four five", "one two three four five");
        assert_eq!(perfect.precision, Some(1.0));
        assert_eq!(perfect.recall, Some(1.0));
        assert!(perfect.exact);
        // Empty prediction: out of precision, recall 0.
        let empty = score("one two three four five", "");
        assert_eq!(empty.precision, None);
        assert_eq!(empty.recall, Some(0.0));
        // Nothing shared: precision 0, recall 0.
        let wrong = score("one two three four five", "six seven eight nine");
        assert_eq!(wrong.precision, Some(0.0));
        assert_eq!(wrong.recall, Some(0.0));
        // Half of the predicted shingles are right, all gold ones found.
        let half = score("a b c d", "a b c d e");
        assert_eq!(half.precision, Some(0.5));
        assert_eq!(half.recall, Some(1.0));
        assert!(!half.exact);
        // Punctuation and case: tokens decide exactness, case counts.
        assert!(score("Hello, world.", "Hello world").exact);
        assert!(!score("Hello world", "hello world").exact);
    }

    #[test]
    fn corpus_scores_are_macro_means_and_f1_their_harmonic_mean() {
        let docs = [
            score("a b c d", "a b c d e"), // P .5, R 1
            score("a b c d e", ""),        // P left out, R 0
            score("a b c d", "a b c d"),   // P 1, R 1, exact
        ];
        let s = summarize(docs.iter());
        assert!((s.precision - 0.75).abs() < 1e-12);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-12);
        let f1 = 2.0 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0);
        assert!((s.f1 - f1).abs() < 1e-12);
        assert!((s.accuracy - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn bootstrap_spread_is_zero_for_identical_documents_and_positive_otherwise() {
        let same = vec![score("a b c d", "a b c d"); 20];
        assert_eq!(bootstrap(&same, 100, 1).f1, 0.0);
        let mixed: Vec<_> = (0..20)
            .map(|i| {
                if i % 2 == 0 {
                    score("a b c d", "a b c d")
                } else {
                    score("a b c d", "x y z w")
                }
            })
            .collect();
        assert!(bootstrap(&mixed, 200, 1).precision > 0.0);
    }
}
