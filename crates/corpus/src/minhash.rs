//! Near-duplicate detection: word shingles, MinHash signatures and LSH banding.
//!
//! Each article gets a [`Fingerprint`] once, at ingest; clustering then compares signatures, never
//! bodies, and LSH banding keeps the number of comparisons proportional to the corpus (only articles
//! that agree on a whole band are ever compared).

use crate::text::{fnv1a, mix, words};
use serde::{Deserialize, Serialize};

/// Words per shingle. Five keeps shared names and stock phrases ("the US-led coalition") from
/// making unrelated stories look alike, while a copy with one sentence missing still shares most.
pub const SHINGLE: usize = 5;
/// Hash functions in a signature.
pub const K: usize = 128;
/// LSH bands × rows = K. Two articles become candidates with probability 1 − (1 − J^ROWS)^BANDS:
/// ≈ 0.5 at J = 0.42, > 0.99 at J = 0.6, < 0.03 at J = 0.2.
pub const BANDS: usize = 32;
pub const ROWS: usize = K / BANDS;
/// Signature slots two texts must share before containment is estimated at all. Containment is
/// read off a Jaccard estimate scaled by the size ratio, so a short text against one twenty
/// times longer turns 5 chance matches of 128 into "80% contained"; such long pages (a live blog,
/// a listing left whole) then swallowed unrelated short stories. Sixteen matches are over five
/// standard deviations above chance at those sizes, and still let a text an eighth of the other's
/// length count as contained.
pub const CONTAINMENT_SLOTS: usize = 16;

/// Estimated Jaccard at or above which two articles are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;
/// Estimated containment at or above which the shorter article is a truncated copy.
pub const TRUNCATED: f64 = 0.8;

/// What clustering needs to know about a body, computed once and stored beside the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Hash of the normalised word sequence: equal for copies that differ only in typography.
    pub body_hash: u64,
    /// Number of distinct shingles, for turning an estimated Jaccard into containment.
    pub shingles: u32,
    pub signature: Vec<u32>,
}

impl Fingerprint {
    pub fn of(body: &str) -> Fingerprint {
        let (body_hash, shingles) = hashes(body);
        let mut signature = vec![u32::MAX; K];
        for s in &shingles {
            for (i, slot) in signature.iter_mut().enumerate() {
                let v = (mix(s ^ SEEDS[i]) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
        Fingerprint {
            body_hash,
            shingles: shingles.len() as u32,
            signature,
        }
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Fingerprint) -> f64 {
        let (same, n) = self.agreement(other);
        if n == 0 {
            return 0.0;
        }
        same as f64 / n as f64
    }

    /// Signature slots with equal values.
    pub fn shared_slots(&self, other: &Fingerprint) -> usize {
        self.agreement(other).0
    }

    /// Slots with equal values, and slots compared.
    fn agreement(&self, other: &Fingerprint) -> (usize, usize) {
        let pairs = self.signature.iter().zip(&other.signature);
        let n = pairs.len();
        (pairs.filter(|(a, b)| a == b).count(), n)
    }

    /// Estimated share of `self`'s shingles that also occur in `other`: near 1 when `self` is a
    /// truncated copy of `other`, whatever their Jaccard. 0 when fewer than
    /// [`CONTAINMENT_SLOTS`] slots agree: too few to tell containment from chance.
    pub fn contained_in(&self, other: &Fingerprint) -> f64 {
        let (same, n) = self.agreement(other);
        if same < CONTAINMENT_SLOTS {
            return 0.0;
        }
        let j = same as f64 / n as f64;
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        if a == 0.0 {
            return 0.0;
        }
        (j * (a + b) / (1.0 + j) / a).min(1.0)
    }

    /// The signature as little-endian bytes, for a BLOB column.
    pub fn signature_bytes(&self) -> Vec<u8> {
        self.signature
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect()
    }

    /// Inverse of [`Fingerprint::signature_bytes`].
    pub fn signature_from_bytes(bytes: &[u8]) -> Vec<u32> {
        let mut out = Vec::with_capacity(bytes.len() / 4);
        Fingerprint::decode_signature(bytes, &mut out);
        out
    }

    /// [`Fingerprint::signature_from_bytes`] into a buffer that is reused across rows.
    pub fn decode_signature(bytes: &[u8], out: &mut Vec<u32>) {
        out.clear();
        out.extend(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        );
    }
}

/// The LSH key of one band of a signature.
pub fn band_key(signature: &[u32], band: usize) -> u64 {
    let rows = signature.chunks(ROWS).nth(band).unwrap_or_default();
    let mut h = mix(band as u64 + 1);
    for r in rows {
        h = mix(h ^ u64::from(*r));
    }
    h
}

/// Buckets larger than this are compared along a chain (each member with its predecessor and the
/// bucket's first member) instead of all pairs, so a flood of identical texts cannot make the
/// comparison quadratic. Connectivity is what clustering needs, and a chain keeps it.
const BUCKET_ALL_PAIRS: usize = 32;

/// The pairs `(i, j)`, `i < j`, to compare in one bucket (members in ascending order).
pub fn bucket_pairs(members: &[usize], pairs: &mut Vec<(u32, u32)>) {
    let mut push = |a: usize, b: usize| pairs.push((a.min(b) as u32, a.max(b) as u32));
    if members.len() < 2 {
        return;
    }
    if members.len() <= BUCKET_ALL_PAIRS {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                push(a, b);
            }
        }
    } else {
        let first = members[0];
        for w in members.windows(2) {
            push(w[0], w[1]);
            if w[1] != first {
                push(first, w[1]);
            }
        }
    }
}

/// One LSH entry: (band, the signature's key in that band, article index).
pub type BandEntry = (u8, u64, u32);

/// Appends the entries of `signature` (article `index`) for `bands`.
pub fn band_entries(
    signature: &[u32],
    index: usize,
    bands: std::ops::Range<usize>,
    out: &mut Vec<BandEntry>,
) {
    for b in bands {
        out.push((b as u8, band_key(signature, b), index as u32));
    }
}

/// Sorts `entries` and yields the members (ascending) of each bucket of two or more: the articles
/// agreeing on one whole band.
pub fn buckets(entries: &mut [BandEntry]) -> impl Iterator<Item = Vec<usize>> + '_ {
    entries.sort_unstable();
    entries
        .chunk_by(|a, b| a.0 == b.0 && a.1 == b.1)
        .filter(|run| run.len() >= 2)
        .map(|run| run.iter().map(|e| e.2 as usize).collect())
}

/// Candidate pairs `(i, j)`, `i < j`, of indexes into `prints`, sorted and deduplicated: every
/// band at once, for callers that hold their fingerprints.
pub fn candidate_pairs(prints: &[&Fingerprint]) -> Vec<(usize, usize)> {
    let mut entries = Vec::new();
    for (i, p) in prints.iter().enumerate() {
        band_entries(&p.signature, i, 0..BANDS, &mut entries);
    }
    let mut pairs = Vec::new();
    for members in buckets(&mut entries) {
        bucket_pairs(&members, &mut pairs);
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(a, b)| (a as usize, b as usize))
        .collect()
}

/// Fixed seeds (the first K outputs of SplitMix64 from 0): part of the on-disk format.
static SEEDS: std::sync::LazyLock<[u64; K]> = std::sync::LazyLock::new(|| {
    let mut seeds = [0u64; K];
    let mut state: u64 = 0;
    for s in seeds.iter_mut() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        *s = mix(state);
    }
    seeds
});

/// The hash of the body's words and the distinct hashes of its shingles, sorted.
fn hashes(body: &str) -> (u64, Vec<u64>) {
    let (joined, starts) = joined_words(body);
    let body_hash = fnv1a(joined.as_bytes());
    let mut shingles: Vec<u64> = if starts.len() < SHINGLE {
        vec![body_hash]
    } else {
        (0..=starts.len() - SHINGLE)
            .map(|i| fnv1a(shingle(&joined, &starts, i).as_bytes()))
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    (body_hash, shingles)
}

/// The body's words joined by single spaces, and where each word starts in the join. A shingle
/// is then a slice of the join: a long body costs one string, not one per word (33 MB of text
/// made 5.6 million of them, a quarter of ingest's peak memory, and as many joins).
fn joined_words(body: &str) -> (String, Vec<usize>) {
    let mut joined = String::with_capacity(body.len());
    let mut starts = Vec::new();
    for w in words(body) {
        if !starts.is_empty() {
            joined.push(' ');
        }
        starts.push(joined.len());
        joined.push_str(&w);
    }
    (joined, starts)
}

/// Words `i..i + SHINGLE` of the join of [`joined_words`], with the spaces between them.
fn shingle<'a>(joined: &'a str, starts: &[usize], i: usize) -> &'a str {
    let end = starts
        .get(i + SHINGLE)
        .map_or(joined.len(), |&next| next - 1);
    &joined[starts[i]..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "Iraqi Prime Minister Mohamed Shia Al-Sudani emphasized the importance of maintaining stability and addressing the root causes of conflicts during a meeting on Monday with Michael Kurilla, the commander of US Central Command.";
    const REST: &str = "The meeting was attended by Steven Fagin, Charge d'Affaires at the US Embassy in Baghdad; Kevin Lambert, the new commander of the US-led global coalition against ISIS; and Kevin Leahy, commander of the Combined Joint Task Force in Iraq, according to the Prime Minister's Office. The meeting addressed cooperation between Iraq and the international coalition, as well as preparations for the transition to bilateral security ties with the coalition's member countries. In addition to security coordination, the two sides reviewed recent developments in Syria and their implications for regional security. The Iraqi prime minister indicated that diplomatic initiatives and collaboration are important to maintain regional stability.";

    #[test]
    fn shingles_are_the_words_joined_five_at_a_time() {
        // The definition: each run of five words joined by spaces, hashed.
        let by_words = |body: &str| {
            let words: Vec<String> = words(body).collect();
            let mut s: Vec<u64> = if words.len() < SHINGLE {
                vec![fnv1a(words.join(" ").as_bytes())]
            } else {
                (words.windows(SHINGLE))
                    .map(|w| fnv1a(w.join(" ").as_bytes()))
                    .collect()
            };
            s.sort_unstable();
            s.dedup();
            (fnv1a(words.join(" ").as_bytes()), s)
        };
        for body in [
            "",
            "One.",
            "a b c d",
            "a b c d e",
            "Ünïcode İstanbul ΣΑΣ x y z",
            REST,
        ] {
            assert_eq!(hashes(body), by_words(body), "{body:?}");
        }
    }

    #[test]
    fn exact_copies_differing_in_typography_share_the_body_hash() {
        let a = Fingerprint::of(REST);
        let b = Fingerprint::of(&REST.replace('\'', "’").replace(' ', "  "));
        assert_eq!(a.body_hash, b.body_hash);
        assert_eq!(a.jaccard(&b), 1.0);
    }

    #[test]
    fn a_copy_missing_its_lead_is_contained_in_the_full_text() {
        let full = Fingerprint::of(&format!("{LEAD}\n\n{REST}"));
        let cut = Fingerprint::of(REST);
        assert_ne!(full.body_hash, cut.body_hash);
        let c = cut.contained_in(&full);
        assert!(c > 0.85, "containment {c}");
        assert!(full.contained_in(&cut) < c);
        let pairs = candidate_pairs(&[&full, &cut]);
        assert_eq!(pairs, vec![(0, 1)]);
    }

    /// A short text (100 shingles) against a page twenty-two times longer, agreeing on 5 of 128
    /// slots, as unrelated texts sharing a few stock phrases do: scaled by the size ratio, that
    /// Jaccard estimate reads as 87% contained. It is not evidence of containment; 16 slots are.
    #[test]
    fn a_few_chance_matches_against_a_long_page_are_not_containment() {
        let long = Fingerprint {
            body_hash: 1,
            shingles: 2200,
            signature: (0..K as u32).collect(),
        };
        let agreeing_on = |same: usize| Fingerprint {
            body_hash: 2,
            shingles: 100,
            signature: (0..K as u32)
                .map(|i| if (i as usize) < same { i } else { i + 10_000 })
                .collect(),
        };
        for (same, contained) in [
            (5, false),
            (CONTAINMENT_SLOTS - 1, false),
            (CONTAINMENT_SLOTS, true),
        ] {
            let short = agreeing_on(same);
            let j = short.jaccard(&long);
            let scaled = j * 2300.0 / (1.0 + j) / 100.0;
            assert!(scaled >= TRUNCATED, "{same} slots scale to {scaled:.2}");
            assert_eq!(
                short.contained_in(&long) >= TRUNCATED,
                contained,
                "{same} slots"
            );
        }
    }

    #[test]
    fn unrelated_texts_are_not_candidates() {
        let a = Fingerprint::of(REST);
        let b = Fingerprint::of(
            "Gazans are in desperate need of essentials after more than 21 months of war, with aid trucks waiting at the crossings and distribution sites few and far between, aid groups said on Thursday.",
        );
        assert!(a.jaccard(&b) < 0.1);
        assert!(candidate_pairs(&[&a, &b]).is_empty());
    }

    #[test]
    fn signature_round_trips_through_bytes() {
        let a = Fingerprint::of(REST);
        assert_eq!(
            Fingerprint::signature_from_bytes(&a.signature_bytes()),
            a.signature
        );
    }
}
