//! Numbers for what one rebuild keeps in memory: the vocabulary it interns (names, words, texts,
//! outlets, places), so rows carry integers instead of strings, and what the stories pass found
//! per article (its story and outlet numbers). Both grow with the vocabulary and the article
//! count, never with the text of the corpus.

use dateline_core::event::Place;
use std::collections::HashMap;
use std::num::NonZeroU32;

/// Strings to dense numbers (and back): equal strings, equal numbers.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Interner {
    pub fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    /// The number of `s`, if it has one.
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |s| s)
    }
}

/// What one rebuild interns: actor names, topic words, texts (claimed dates' keys and labels,
/// claims), outlets and places.
#[derive(Default)]
pub(crate) struct Interned {
    pub(crate) names: Interner,
    words: Interner,
    places: Vec<Place>,
    place_ids: HashMap<String, u32>,
    pub(crate) texts: Interner,
    pub(crate) outlets: Interner,
}

impl Interned {
    /// The numbers of `words`, ascending and distinct.
    pub(crate) fn words(&mut self, words: &[String]) -> Box<[u32]> {
        let mut ids: Vec<u32> = words.iter().map(|w| self.words.id(w)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into()
    }

    /// The number of a place (equal name, region, country and precision: equal number).
    pub(crate) fn place_id(&mut self, p: &Place) -> u32 {
        let key = format!(
            "{}\u{0}{:?}\u{0}{:?}\u{0}{:?}",
            p.name, p.admin1, p.country, p.precision
        );
        let next = self.places.len() as u32;
        let id = *self.place_ids.entry(key).or_insert(next);
        if id == next {
            self.places.push(p.clone());
        }
        id
    }

    pub(crate) fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }
}

/// An optional number in four bytes where `Option<u32>` takes eight: [`ByArticle`] holds two per
/// article. (`u32::MAX` itself reads as none; no table here numbers that many.)
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct OptU32(Option<NonZeroU32>);

impl OptU32 {
    fn new(n: Option<u32>) -> OptU32 {
        OptU32(n.and_then(|n| NonZeroU32::new(n.wrapping_add(1))))
    }

    fn get(self) -> Option<u32> {
        self.0.map(|n| n.get() - 1)
    }
}

/// Per article, what the stories pass found, read by merging and the conflict passes: its story
/// number (stories numbered in the order of their ids) and its outlet, printed or inherited from
/// a copy (an interned outlet).
#[derive(Debug, Default)]
pub(crate) struct ByArticle {
    story: Vec<OptU32>,
    outlet: Vec<OptU32>,
}

impl ByArticle {
    /// Articles `0..n`, with neither story nor outlet yet.
    pub(crate) fn new(n: usize) -> ByArticle {
        ByArticle {
            story: vec![OptU32::default(); n],
            outlet: vec![OptU32::default(); n],
        }
    }

    /// Adds the next article, in story `story`, with no outlet.
    pub(crate) fn push(&mut self, story: Option<u32>) {
        self.story.push(OptU32::new(story));
        self.outlet.push(OptU32::default());
    }

    pub(crate) fn story(&self, article: u32) -> Option<u32> {
        self.story.get(article as usize)?.get()
    }

    pub(crate) fn set_story(&mut self, article: usize, story: Option<u32>) {
        if let Some(s) = self.story.get_mut(article) {
            *s = OptU32::new(story);
        }
    }

    /// The interned outlet of `article`.
    pub(crate) fn outlet(&self, article: u32) -> Option<u32> {
        self.outlet.get(article as usize)?.get()
    }

    pub(crate) fn set_outlet(&mut self, article: usize, outlet: u32) {
        if let Some(o) = self.outlet.get_mut(article) {
            *o = OptU32::new(Some(outlet));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_numbers_read_back() {
        for n in [None, Some(0), Some(1), Some(u32::MAX - 1)] {
            assert_eq!(OptU32::new(n).get(), n);
        }
        assert_eq!(std::mem::size_of::<OptU32>(), 4);
    }
}
