//! Brill's transformation rules as pattern applies them: morphological rules guess a tag for a
//! word the lexicon lacks, then contextual rules retag words from their neighbours.
//!
//! pattern walks the sentence left to right and, at each word, tries every contextual rule whose
//! FROM tag is the word's tag *before any rule fired on it*, the last matching rule winning; the
//! neighbours to the left already carry their final tags, those to the right not yet. Rules are
//! stored per FROM tag (`*` rules merged in, source order kept), and pattern's winner is the last
//! that holds: all of a tag's rules are tried at once as bit masks, highest bit winning.

use crate::Tag;
use crate::table::WordTable;

/// The tag of a position outside the sentence (Brill's STAART).
pub(crate) const BOUNDARY: u8 = Tag::ALL.len() as u8;

#[derive(Clone, Copy, Debug)]
pub(crate) enum Cond {
    PrevTag(u8),
    NextTag(u8),
    Prev2Tag(u8),
    Next2Tag(u8),
    Prev1or2Tag(u8),
    Next1or2Tag(u8),
    Prev1or2or3Tag(u8),
    Next1or2or3Tag(u8),
    SurroundTag(u8, u8),
    CurWd(u16),
    PrevWd(u16),
    NextWd(u16),
    Prev1or2Wd(u16),
    Next1or2Wd(u16),
    PrevWdTag(u16, u8),
    NextWdTag(u16, u8),
    WdPrevTag(u8, u16),
    WdNextTag(u16, u8),
    WdAnd2Aft(u16, u16),
    WdAnd2TagBfr(u8, u16),
    WdAnd2TagAft(u16, u8),
    LBigram(u16, u16),
    RBigram(u16, u16),
    PrevBigram(u8, u8),
    NextBigram(u8, u8),
}

/// What a contextual rule reads around the word it retags: the tags from three words before it
/// to three after, the rule words from two before to two after, and a slot that is always 0.
/// Each condition is read from this one array, filled once per word, rather than with bounds
/// checks on the sentence.
const SLOTS: usize = 13;
/// Slot of the tag `d` words away (`-3..=3`).
const fn tag_slot(d: isize) -> u8 {
    (3 + d) as u8
}
/// Slot of the rule word `d` words away (`-2..=2`).
const fn word_slot(d: isize) -> u8 {
    (9 + d) as u8
}
const ALWAYS: Atom = Atom { slot: 12, value: 0 };

/// One test of a condition: the value in a slot.
#[derive(Clone, Copy, Debug)]
struct Atom {
    slot: u8,
    value: u16,
}

impl Atom {
    /// The test of the slot that is always 0, which holds for every word.
    fn always(self) -> bool {
        self.slot == ALWAYS.slot && self.value == ALWAYS.value
    }
}

/// A contextual rule as it is tried: a retagging to `to` when both tests hold. A condition with
/// alternatives ("the tag one or two words before") becomes one rule per alternative, side by
/// side, which keeps the last matching rule the same.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub to: u8,
    when: [Atom; 2],
}

impl Rule {
    #[inline]
    fn holds(&self, near: &[u16; SLOTS]) -> bool {
        let [a, b] = self.when;
        near[a.slot as usize] == a.value && near[b.slot as usize] == b.value
    }
}

/// The rules that together test `cond`, each retagging to `to`.
pub(crate) fn rules(to: u8, cond: Cond) -> Vec<Rule> {
    let t = |d, x: u8| Atom {
        slot: tag_slot(d),
        value: u16::from(x),
    };
    let w = |d, x: u16| Atom {
        slot: word_slot(d),
        value: x,
    };
    let one = |a| [a, ALWAYS];
    let alternatives: Vec<[Atom; 2]> = match cond {
        Cond::PrevTag(x) => vec![one(t(-1, x))],
        Cond::NextTag(x) => vec![one(t(1, x))],
        Cond::Prev2Tag(x) => vec![one(t(-2, x))],
        Cond::Next2Tag(x) => vec![one(t(2, x))],
        Cond::Prev1or2Tag(x) => vec![one(t(-1, x)), one(t(-2, x))],
        Cond::Next1or2Tag(x) => vec![one(t(1, x)), one(t(2, x))],
        Cond::Prev1or2or3Tag(x) => vec![one(t(-1, x)), one(t(-2, x)), one(t(-3, x))],
        Cond::Next1or2or3Tag(x) => vec![one(t(1, x)), one(t(2, x)), one(t(3, x))],
        Cond::SurroundTag(x, y) => vec![[t(-1, x), t(1, y)]],
        Cond::CurWd(x) => vec![one(w(0, x))],
        Cond::PrevWd(x) => vec![one(w(-1, x))],
        Cond::NextWd(x) => vec![one(w(1, x))],
        Cond::Prev1or2Wd(x) => vec![one(w(-1, x)), one(w(-2, x))],
        Cond::Next1or2Wd(x) => vec![one(w(1, x)), one(w(2, x))],
        Cond::PrevWdTag(x, y) => vec![[w(-1, x), t(-1, y)]],
        Cond::NextWdTag(x, y) => vec![[w(1, x), t(1, y)]],
        Cond::WdPrevTag(x, y) => vec![[t(-1, x), w(0, y)]],
        Cond::WdNextTag(x, y) => vec![[w(0, x), t(1, y)]],
        Cond::WdAnd2Aft(x, y) => vec![[w(0, x), w(2, y)]],
        Cond::WdAnd2TagBfr(x, y) => vec![[t(-2, x), w(0, y)]],
        Cond::WdAnd2TagAft(x, y) => vec![[w(0, x), t(2, y)]],
        Cond::LBigram(x, y) => vec![[w(-1, x), w(0, y)]],
        Cond::RBigram(x, y) => vec![[w(0, x), w(1, y)]],
        Cond::PrevBigram(x, y) => vec![[t(-2, x), t(-1, y)]],
        Cond::NextBigram(x, y) => vec![[t(1, x), t(2, y)]],
    };
    (alternatives.into_iter())
        .map(|when| Rule { to, when })
        .collect()
}

/// A condition's argument before compilation: a tag or a word.
pub(crate) enum Arg<'a> {
    Tag(u8),
    Word(&'a str),
}

/// Compiles `CONDITION x [y]`; `word` interns a word and returns its rule-word id.
pub(crate) fn compile_cond(
    name: &str,
    args: &[Arg<'_>],
    word: &mut dyn FnMut(&str) -> u16,
) -> Result<Cond, String> {
    use Arg::{Tag as T, Word as W};
    let c = match (name, args) {
        ("PREVTAG", [T(x)]) => Cond::PrevTag(*x),
        ("NEXTTAG", [T(x)]) => Cond::NextTag(*x),
        ("PREV2TAG", [T(x)]) => Cond::Prev2Tag(*x),
        ("NEXT2TAG", [T(x)]) => Cond::Next2Tag(*x),
        ("PREV1OR2TAG", [T(x)]) => Cond::Prev1or2Tag(*x),
        ("NEXT1OR2TAG", [T(x)]) => Cond::Next1or2Tag(*x),
        ("PREV1OR2OR3TAG", [T(x)]) => Cond::Prev1or2or3Tag(*x),
        ("NEXT1OR2OR3TAG", [T(x)]) => Cond::Next1or2or3Tag(*x),
        ("SURROUNDTAG", [T(x), T(y)]) => Cond::SurroundTag(*x, *y),
        ("CURWD", [W(x)]) => Cond::CurWd(word(x)),
        ("PREVWD", [W(x)]) => Cond::PrevWd(word(x)),
        ("NEXTWD", [W(x)]) => Cond::NextWd(word(x)),
        ("PREV1OR2WD", [W(x)]) => Cond::Prev1or2Wd(word(x)),
        ("NEXT1OR2WD", [W(x)]) => Cond::Next1or2Wd(word(x)),
        ("PREVWDTAG", [W(x), T(y)]) => Cond::PrevWdTag(word(x), *y),
        ("NEXTWDTAG", [W(x), T(y)]) => Cond::NextWdTag(word(x), *y),
        ("WDPREVTAG", [T(x), W(y)]) => Cond::WdPrevTag(*x, word(y)),
        ("WDNEXTTAG", [W(x), T(y)]) => Cond::WdNextTag(word(x), *y),
        ("WDAND2AFT", [W(x), W(y)]) => Cond::WdAnd2Aft(word(x), word(y)),
        ("WDAND2TAGBFR", [T(x), W(y)]) => Cond::WdAnd2TagBfr(*x, word(y)),
        ("WDAND2TAGAFT", [W(x), T(y)]) => Cond::WdAnd2TagAft(word(x), *y),
        ("LBIGRAM", [W(x), W(y)]) => Cond::LBigram(word(x), word(y)),
        ("RBIGRAM", [W(x), W(y)]) => Cond::RBigram(word(x), word(y)),
        ("PREVBIGRAM", [T(x), T(y)]) => Cond::PrevBigram(*x, *y),
        ("NEXTBIGRAM", [T(x), T(y)]) => Cond::NextBigram(*x, *y),
        _ => return Err(format!("unknown condition {name} or wrong arguments")),
    };
    Ok(c)
}

/// Which arguments of a condition are tags (the others are words); `None` for an unknown name.
pub(crate) fn arg_kinds(name: &str) -> Option<&'static [bool]> {
    const TAG: &[bool] = &[true];
    const WORD: &[bool] = &[false];
    Some(match name {
        "PREVTAG" | "NEXTTAG" | "PREV2TAG" | "NEXT2TAG" | "PREV1OR2TAG" | "NEXT1OR2TAG"
        | "PREV1OR2OR3TAG" | "NEXT1OR2OR3TAG" => TAG,
        "CURWD" | "PREVWD" | "NEXTWD" | "PREV1OR2WD" | "NEXT1OR2WD" => WORD,
        "SURROUNDTAG" | "PREVBIGRAM" | "NEXTBIGRAM" => &[true, true],
        "PREVWDTAG" | "NEXTWDTAG" | "WDNEXTTAG" | "WDAND2TAGAFT" => &[false, true],
        "WDPREVTAG" | "WDAND2TAGBFR" => &[true, false],
        "WDAND2AFT" | "LBIGRAM" | "RBIGRAM" => &[false, false],
        _ => return None,
    })
}

/// What the rules read around word `i` (see [`SLOTS`]): outside the sentence, Brill's STAART.
#[inline]
fn neighbourhood(tags: &[u8], words: &[u16], staart: u16, i: usize) -> [u16; SLOTS] {
    // Inside the sentence, three words from either end, every neighbour is there.
    if let (Some(&[t0, t1, t2, t3, t4, t5, t6]), Some(&[w0, w1, w2, w3, w4])) = (
        i.checked_sub(3).and_then(|a| tags.get(a..a + 7)),
        i.checked_sub(2).and_then(|a| words.get(a..a + 5)),
    ) {
        let t = u16::from;
        return [
            t(t0),
            t(t1),
            t(t2),
            t(t3),
            t(t4),
            t(t5),
            t(t6),
            w0,
            w1,
            w2,
            w3,
            w4,
            0,
        ];
    }
    let mut near = [0; SLOTS];
    for d in -3..=3 {
        let t = i.checked_add_signed(d).and_then(|j| tags.get(j));
        near[tag_slot(d) as usize] = u16::from(t.copied().unwrap_or(BOUNDARY));
    }
    for d in -2..=2 {
        let w = i.checked_add_signed(d).and_then(|j| words.get(j));
        near[word_slot(d) as usize] = w.copied().unwrap_or(staart);
    }
    near
}

/// The contextual rules of one FROM tag, in source order, and the same rules as bit masks so
/// that all of them are tried at once: a common tag has forty rules, and a word is retagged by
/// the last that holds.
pub(crate) struct RuleSet {
    rules: Vec<Rule>,
    /// Per slot some rule tests (at most 64 rules; otherwise empty and the rules are tried one
    /// by one): bit `k` is rule `k`.
    masks: Vec<SlotMask>,
}

struct SlotMask {
    slot: u8,
    /// The rules that do not test the slot.
    free: u64,
    /// By the slot's value, the rules whose tests of it all hold.
    by_value: Vec<u64>,
}

impl RuleSet {
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        let mut masks: Vec<SlotMask> = Vec::new();
        if rules.len() <= 64 {
            for slot in 0..SLOTS as u8 {
                let tests = |r: &Rule| {
                    r.when
                        .into_iter()
                        .filter(move |a| a.slot == slot && !a.always())
                };
                let Some(top) = rules.iter().flat_map(tests).map(|a| a.value).max() else {
                    continue;
                };
                let mut m = SlotMask {
                    slot,
                    free: 0,
                    by_value: vec![0; usize::from(top) + 1],
                };
                for (k, r) in rules.iter().enumerate() {
                    let bit = 1u64 << k;
                    let mut values = tests(r).map(|a| a.value);
                    match values.next() {
                        None => m.free |= bit,
                        Some(v) if values.all(|w| w == v) => m.by_value[usize::from(v)] |= bit,
                        Some(_) => {}
                    }
                }
                masks.push(m);
            }
        }
        RuleSet { rules, masks }
    }

    /// The tag the last rule that holds in `near` retags to.
    #[inline]
    fn last_holding(&self, near: &[u16; SLOTS]) -> Option<u8> {
        let n = self.rules.len();
        if n == 0 || n > 64 {
            return self
                .rules
                .iter()
                .rev()
                .find(|r| r.holds(near))
                .map(|r| r.to);
        }
        let mut holds = u64::MAX >> (64 - n);
        for m in &self.masks {
            let v = usize::from(near[usize::from(m.slot)]);
            holds &= m.free | m.by_value.get(v).copied().unwrap_or(0);
            if holds == 0 {
                return None;
            }
        }
        Some(self.rules[63 - holds.leading_zeros() as usize].to)
    }
}

/// Applies the contextual rules to one sentence; `by_from[tag]` holds the rules for `tag`.
pub(crate) fn apply_context(by_from: &[RuleSet], tags: &mut [u8], words: &[u16], staart: u16) {
    for i in 0..tags.len() {
        let Some(set) = by_from
            .get(tags[i] as usize)
            .filter(|r| !r.rules.is_empty())
        else {
            continue;
        };
        let near = neighbourhood(tags, words, staart, i);
        if let Some(to) = set.last_holding(&near) {
            tags[i] = to;
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Test {
    Word,
    Char,
    HasPref,
    HasSuf,
    AddPref,
    AddSuf,
    DeletePref,
    DeleteSuf,
    GoodLeft,
    GoodRight,
}

impl Test {
    pub fn parse(s: &str) -> Option<Test> {
        Some(match s {
            "word" => Test::Word,
            "char" => Test::Char,
            "haspref" => Test::HasPref,
            "hassuf" => Test::HasSuf,
            "addpref" => Test::AddPref,
            "addsuf" => Test::AddSuf,
            "deletepref" => Test::DeletePref,
            "deletesuf" => Test::DeleteSuf,
            "goodleft" => Test::GoodLeft,
            "goodright" => Test::GoodRight,
            _ => return None,
        })
    }
}

pub(crate) struct MorphRule {
    /// The tag the word must have so far, or `None` for any.
    pub from: Option<u8>,
    pub test: Test,
    pub affix: String,
    pub to: u8,
}

/// The tag pattern's morphological rules give an unknown word, starting from NN. `prev` and
/// `next` are the neighbouring words inside the sentence; `buf` is scratch space.
pub(crate) fn apply_morphology(
    rules: &[MorphRule],
    table: &WordTable,
    w: &str,
    prev: Option<&str>,
    next: Option<&str>,
    buf: &mut String,
) -> u8 {
    let known = |s: &str| table.get(s).is_some_and(|e| e.tag != crate::table::NO_TAG);
    let mut tag = Tag::NN as u8;
    for r in rules {
        if r.from.is_some_and(|f| f != tag) {
            continue;
        }
        let x = r.affix.as_str();
        let hit = match r.test {
            Test::Word => w == x,
            Test::Char => w.contains(x),
            Test::HasPref => w.starts_with(x),
            Test::HasSuf => w.ends_with(x),
            Test::AddPref | Test::AddSuf => {
                buf.clear();
                if r.test == Test::AddPref {
                    buf.push_str(x);
                    buf.push_str(w);
                } else {
                    buf.push_str(w);
                    buf.push_str(x);
                }
                known(buf)
            }
            Test::DeletePref => w.strip_prefix(x).is_some_and(known),
            Test::DeleteSuf => w.strip_suffix(x).is_some_and(known),
            Test::GoodLeft => next == Some(x),
            Test::GoodRight => prev == Some(x),
        };
        if hit {
            tag = r.to;
        }
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every neighbourhood the masks are asked about gets the answer of trying the rules one by
    /// one, from the last: over the bundled rules, with values each rule tests and others.
    #[test]
    fn masks_find_the_last_rule_that_holds() {
        let tagger = crate::Tagger::bundled().expect("bundled tagger");
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for set in &tagger.context {
            let values: Vec<(u8, u16)> = (set.rules.iter())
                .flat_map(|r| r.when)
                .map(|a| (a.slot, a.value))
                .chain([(0, 0), (9, 1), (4, BOUNDARY.into())])
                .collect();
            for _ in 0..2000 {
                let mut near = [0u16; SLOTS];
                for _ in 0..1 + next(4) {
                    let (slot, value) = values[next(values.len())];
                    near[usize::from(slot)] = value;
                }
                near[usize::from(ALWAYS.slot)] = 0;
                let one_by_one = set.rules.iter().rev().find(|r| r.holds(&near));
                assert_eq!(set.last_holding(&near), one_by_one.map(|r| r.to));
            }
        }
    }
}
