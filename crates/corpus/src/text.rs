//! Word-level text helpers shared by the near-duplicate and the conflict passes.

use dateline_core::TimeValue;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Lower-cased alphanumeric runs. Punctuation, apostrophes and dashes split words, so `Al-Sudani`,
/// `al Sudani` and `AL SUDANI` all become `al sudani`: copies that differ only in typography match.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The word lists of `data/conflicts.toml`, read once.
#[derive(Deserialize)]
struct ClaimWords {
    topic: Topic,
    polarity: Polarity,
}

#[derive(Deserialize)]
struct Topic {
    stopwords: HashSet<String>,
}

#[derive(Deserialize)]
struct Polarity {
    negations: HashSet<String>,
    restating: HashSet<String>,
}

static CLAIM_WORDS: LazyLock<ClaimWords> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../data/conflicts.toml"))
        .expect("data/conflicts.toml, built into the binary, parses")
});

/// Crude stemming so that `ends`/`end`/`ended` and `operations`/`operation` meet.
fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            return base.to_owned();
        }
    }
    w.to_owned()
}

/// The topic words of a phrase: no stopwords, no polarity words, stemmed, sorted and deduplicated.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = words(text)
        .filter(|w| !is_stopword(w) && !is_polarity_word(w))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// True when the claim denies what it names ("no longer a threat", "did not attack").
pub fn is_negative(claim: &str) -> bool {
    words(claim).any(|w| CLAIM_WORDS.polarity.negations.contains(&w))
}

fn is_stopword(w: &str) -> bool {
    CLAIM_WORDS.topic.stopwords.contains(w)
}

/// Negations and the words that restate polarity: neither says what a claim is about.
fn is_polarity_word(w: &str) -> bool {
    let polarity = &CLAIM_WORDS.polarity;
    polarity.negations.contains(w) || polarity.restating.contains(w)
}

/// Jaccard similarity and size of the intersection of two sorted, deduplicated word lists (as
/// words or as interned numbers).
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> (f64, usize) {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        (0.0, 0)
    } else {
        (common as f64 / union as f64, common)
    }
}

/// 64-bit FNV-1a: a fixed, documented hash, so signatures written to disk mean the same thing on
/// every machine and every Rust release (std's hasher promises neither).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: spreads FNV's weak low bits before MinHash takes minima.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A time as shown in a conflict: its value and the words printed.
pub fn time_label(t: &TimeValue) -> String {
    match (&t.value, &t.raw) {
        (Some(v), Some(r)) => format!("{v} (\u{201c}{}\u{201d})", r.trim()),
        (Some(v), None) => v.clone(),
        (None, Some(r)) => r.clone(),
        (None, None) => "unknown".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_does_not_matter() {
        let a: Vec<String> = words("Al-Sudani’s  COALITION").collect();
        let b: Vec<String> = words("al sudani's coalition").collect();
        assert_eq!(a, b);
    }

    #[test]
    fn polarity_is_separated_from_the_subject() {
        assert_eq!(content_words("no longer a threat"), vec!["threat"]);
        assert_eq!(content_words("remains a threat"), vec!["threat"]);
        assert!(is_negative("ISIS no longer poses a threat"));
        assert!(!is_negative("ISIS remains a threat"));
        let end = content_words("the coalition's mission in Iraq will end");
        let ends = content_words("end the mission of the coalition in Iraq");
        assert_eq!(overlap(&end, &ends), (1.0, 4));
    }

    #[test]
    fn the_word_lists_load_and_apostrophes_split_negations() {
        assert!(is_negative("they didn't attack"), "n't leaves a negating t");
        assert!(is_stopword("the") && !is_stopword("threat"));
        assert!(is_polarity_word("still") && !is_negative("still a threat"));
    }
}
