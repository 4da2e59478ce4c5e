//! A string-keyed open-addressing table over one arena: 100,000 words as 100,000 heap strings
//! would cost as much to build as the whole rest of loading, and a lookup per token must not
//! allocate.

/// What the tagger knows about one spelling.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    start: u32,
    len: u32,
    /// Lexicon tag as `Tag as u8`, or `NO_TAG`.
    pub tag: u8,
    /// Id of this spelling among the words Brill's contextual rules mention, or 0.
    pub rule_word: u16,
    /// Entry index of this form's verb lemma, or `NO_LEMMA`.
    pub lemma: u32,
    /// A past tense that is never a participle ("spoke", "took": the verb has a participle of
    /// its own).
    pub past_only: bool,
}

pub(crate) const NO_TAG: u8 = u8::MAX;
pub(crate) const NO_LEMMA: u32 = u32::MAX;
const EMPTY: u32 = u32::MAX;

pub(crate) struct WordTable {
    arena: String,
    entries: Vec<Entry>,
    slots: Vec<u32>,
    shift: u32,
}

/// Multiply-rotate hashing over 8-byte words (the scheme of rustc's FxHasher): words are short,
/// and SipHash would dominate the lookup. The event coder's lexicon maps hash with it too.
pub fn hash(s: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = s.len() as u64;
    let (chunks, rest) = s.as_chunks::<8>();
    for c in chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(*c)).wrapping_mul(K);
    }
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ tail(rest)).wrapping_mul(K);
    }
    h
}

/// The last bytes of a word (fewer than 8), little-endian as if padded with zeros: read in at
/// most three loads, where a copy of variable length would call `memcpy` for every word.
#[inline]
fn tail(r: &[u8]) -> u64 {
    let n = r.len();
    let mut v = 0;
    let mut i = 0;
    if n & 4 != 0 {
        v = u64::from(u32::from_le_bytes([r[0], r[1], r[2], r[3]]));
        i = 4;
    }
    if n & 2 != 0 {
        v |= u64::from(u16::from_le_bytes([r[i], r[i + 1]])) << (8 * i);
        i += 2;
    }
    if n & 1 != 0 {
        v |= u64::from(r[i]) << (8 * i);
    }
    v
}

impl WordTable {
    pub fn with_capacity(words: usize, bytes: usize) -> WordTable {
        let slots = (words * 2).next_power_of_two().max(16);
        WordTable {
            arena: String::with_capacity(bytes),
            entries: Vec::with_capacity(words),
            slots: vec![EMPTY; slots],
            shift: 64 - slots.trailing_zeros(),
        }
    }

    fn slot_of(&self, h: u64) -> usize {
        // The top bits of a multiplicative hash are the well-mixed ones.
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    pub fn text(&self, e: &Entry) -> &str {
        &self.arena[e.start as usize..(e.start + e.len) as usize]
    }

    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    pub fn find(&self, word: &str) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut s = self.slot_of(hash(word.as_bytes()));
        loop {
            let i = self.slots[s];
            if i == EMPTY {
                return None;
            }
            if self.text(&self.entries[i as usize]) == word {
                return Some(i);
            }
            s = (s + 1) & mask;
        }
    }

    pub fn get(&self, word: &str) -> Option<&Entry> {
        self.find(word).map(|i| &self.entries[i as usize])
    }

    /// The entry for `word`, created empty if new; grows the slots to stay at most half full.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(i) = self.find(word) {
            return i;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let index = self.entries.len() as u32;
        self.entries.push(Entry {
            start: self.arena.len() as u32,
            len: word.len() as u32,
            tag: NO_TAG,
            rule_word: 0,
            lemma: NO_LEMMA,
            past_only: false,
        });
        self.arena.push_str(word);
        self.place(index);
        index
    }

    pub fn entry_mut(&mut self, index: u32) -> &mut Entry {
        &mut self.entries[index as usize]
    }

    fn place(&mut self, index: u32) {
        let mask = self.slots.len() - 1;
        let e = self.entries[index as usize];
        let mut s = self.slot_of(hash(self.text(&e).as_bytes()));
        while self.slots[s] != EMPTY {
            s = (s + 1) & mask;
        }
        self.slots[s] = index;
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        self.slots = vec![EMPTY; n];
        self.shift = 64 - n.trailing_zeros();
        for i in 0..self.entries.len() as u32 {
            self.place(i);
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_reads_a_word_as_zero_padded_eight_byte_chunks() {
        let reference = |s: &[u8]| -> u64 {
            const K: u64 = 0x517c_c1b7_2722_0a95;
            let mut h = s.len() as u64;
            for c in s.chunks(8) {
                let mut b = [0u8; 8];
                b[..c.len()].copy_from_slice(c);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
            }
            h
        };
        let text: Vec<u8> = (0..40u8)
            .map(|i| i.wrapping_mul(37).wrapping_add(200))
            .collect();
        for n in 0..=text.len() {
            assert_eq!(hash(&text[..n]), reference(&text[..n]), "{n}");
        }
    }

    #[test]
    fn interns_finds_and_grows() {
        let mut t = WordTable::with_capacity(2, 8);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for w in &words {
            t.intern(w);
        }
        assert_eq!(t.len(), 1000);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.find(w), Some(i as u32));
        }
        assert_eq!(t.find("w1000"), None);
        assert_eq!(t.intern("w5"), 5);
    }
}
