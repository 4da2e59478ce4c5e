//! Finding some 100,000 dictionary names in folded text, word by word.
//!
//! An Aho-Corasick automaton over every spelling of the Phoenix dictionaries took a quarter of a
//! second to build and made each article's scan walk a large automaton. Names start and end at
//! word edges anyway, so a name is a sequence of words: the index keeps a hash of every name and
//! of every leading part of one, and a scan extends a phrase from each word only while some name
//! still starts that way. Building is one hash per word of the lexicon; scanning a few lookups
//! per word of the text.

use crate::grammar::{alphanumeric_at, ascii_alphanumeric};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The keys are already FNV hashes: hashing them again would only cost time.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The tagger's word hash for the lexicon's string-keyed maps: loading hashes some 200,000
/// short strings, where SipHash's resistance to flooding buys nothing (the keys are our own
/// data) and FNV's byte at a time cost a tenth of the load. `finish` folds the high bits down:
/// the table picks buckets with the low ones.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let h = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = self.0.rotate_left(5) ^ dateline_tagger::word_hash(bytes);
    }
}

/// A map keyed by lexicon strings.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A set of lexicon strings.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

type ByHash<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;
type HashesSet = HashSet<u64, BuildHasherDefault<Identity>>;

/// No further phrase with the same hash.
const END: u32 = u32::MAX;

/// A word of folded text: a run of letters and digits, with an apostrophe or a dot inside it
/// ("o'brien", "u.s") but not at its edges. A possessive "'s" is not part of the word: "Al-Sudani's
/// office" names Al-Sudani.
pub fn words(f: &str) -> Vec<(usize, usize)> {
    let b = f.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    while i < b.len() {
        let (opens, len) = alphanumeric_at(f, i);
        let start = i;
        i += len;
        if !opens {
            continue;
        }
        loop {
            while b.get(i).is_some_and(|&x| ascii_alphanumeric(x)) {
                i += 1;
            }
            let Some(&x) = b.get(i) else {
                break;
            };
            if x.is_ascii() {
                // An apostrophe or a dot between letters or digits, but not a possessive's.
                let possessive = x == b'\''
                    && b.get(i + 1) == Some(&b's')
                    && b.get(i + 2).is_none_or(|n| !n.is_ascii_alphanumeric());
                if matches!(x, b'\'' | b'.') && !possessive && alphanumeric_at(f, i + 1).0 {
                    i += 1;
                    continue;
                }
                break;
            }
            let (inner, len) = alphanumeric_at(f, i);
            if !inner {
                break;
            }
            i += len;
        }
        out.push((start, i));
    }
    out
}

/// FNV-1a over a phrase's words, a separator between them: cheap, and collisions are checked.
fn extend(h: u64, word: &str) -> u64 {
    let mut h = h ^ 0x20;
    h = h.wrapping_mul(0x100_0000_01b3);
    for &b in word.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[derive(Default)]
pub struct PhraseIndex {
    /// Phrase hash → the first phrase with that hash (the caller's key id); `next[id]` chains
    /// the others.
    full: ByHash<u32>,
    next: Vec<u32>,
    /// Hashes of every proper leading part of a phrase: a scan stops when none matches.
    prefixes: HashesSet,
    /// Every phrase's words joined by one space, end to end, and where each one ends: to rule
    /// out hash collisions.
    text: String,
    ends: Vec<u32>,
}

impl PhraseIndex {
    /// Indexes `keys` (folded phrases); key `i` is reported as id `i`. A key with no word is
    /// never found.
    pub fn build<S: AsRef<str>>(keys: &[S]) -> PhraseIndex {
        let mut index = PhraseIndex {
            full: ByHash::with_capacity_and_hasher(keys.len(), Default::default()),
            next: vec![END; keys.len()],
            prefixes: HashesSet::with_capacity_and_hasher(keys.len(), Default::default()),
            text: String::new(),
            ends: Vec::with_capacity(keys.len()),
        };
        for (id, k) in keys.iter().enumerate() {
            let k = k.as_ref();
            let spans = words(k);
            let mut h = SEED;
            for (n, &(s, e)) in spans.iter().enumerate() {
                if n > 0 {
                    index.prefixes.insert(h);
                    index.text.push(' ');
                }
                h = extend(h, &k[s..e]);
                index.text.push_str(&k[s..e]);
            }
            index.ends.push(index.text.len() as u32);
            if !spans.is_empty() {
                let id = id as u32;
                if let Some(first) = index.full.insert(h, id) {
                    index.next[id as usize] = first;
                }
            }
        }
        index
    }

    /// Every occurrence of every phrase in `f`, overlapping ones included, as (start, end, id)
    /// byte offsets into `f`.
    pub fn find_all(&self, f: &str) -> Vec<(usize, usize, usize)> {
        let spans = words(f);
        let mut out = Vec::new();
        for i in 0..spans.len() {
            let mut h = SEED;
            for j in i..spans.len() {
                let (s, e) = spans[j];
                h = extend(h, &f[s..e]);
                let mut id = self.full.get(&h).copied().unwrap_or(END);
                while id != END {
                    if self.same_words(id as usize, f, &spans[i..=j]) {
                        out.push((spans[i].0, e, id as usize));
                    }
                    id = self.next[id as usize];
                }
                if !self.prefixes.contains(&h) {
                    break;
                }
            }
        }
        out
    }

    fn same_words(&self, id: usize, f: &str, spans: &[(usize, usize)]) -> bool {
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        let text = self.text.get(start..self.ends[id] as usize).unwrap_or("");
        let text = text.strip_prefix(' ').unwrap_or(text);
        let mut want = text.split(' ');
        spans.iter().all(|&(s, e)| want.next() == Some(&f[s..e])) && want.next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as read one character at a time, the reading the byte-wise one must keep.
    fn by_chars(f: &str) -> Vec<(usize, usize)> {
        let b = f.as_bytes();
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in f.char_indices() {
            let possessive = c == '\''
                && b.get(i + 1) == Some(&b's')
                && b.get(i + 2).is_none_or(|n| !n.is_ascii_alphanumeric());
            let inner = matches!(c, '\'' | '.')
                && !possessive
                && start.is_some()
                && f[i + 1..].chars().next().is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || inner {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start.take() {
                out.push((s, i));
            }
        }
        if let Some(s) = start {
            out.push((s, b.len()));
        }
        out
    }

    #[test]
    fn words_read_as_characters_do() {
        for f in [
            "",
            "'s . ' x.",
            "al-sudani's office, u.s. forces' o'brien 3.5 a.b. x'sy a'",
            "şanlıurfa's raqqa.é x'é x.\u{301} naïve’s «iraq»",
            "end.",
            "end's",
        ] {
            assert_eq!(words(f), by_chars(f), "{f:?}");
        }
    }

    #[test]
    fn names_are_found_at_word_edges_only() {
        let index = PhraseIndex::build(&["iraq", "iraqi police", "u.s", "al sudani"]);
        let f = "the iraqi police and u.s. forces met al sudani's aide in iraq, not iraqis";
        let found: Vec<&str> = index
            .find_all(f)
            .into_iter()
            .map(|(s, e, _)| &f[s..e])
            .collect();
        assert_eq!(found, ["iraqi police", "u.s", "al sudani", "iraq"]);
    }

    #[test]
    fn punctuation_between_words_still_matches_a_name_written_without_it() {
        let index = PhraseIndex::build(&["coalition against isis cjtf oir"]);
        let f = "the coalition against isis (cjtf oir) said";
        assert_eq!(index.find_all(f).len(), 1);
    }
}
