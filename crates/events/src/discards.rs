//! Texts the event-data field does not code: Phoenix's discard list (`data/lexicon/discards.toml`)
//! of sports, entertainment, disease and history phrases, where verbs like "beat", "attack",
//! "defend" or "killed" report no political happening ("the defending champion", "bird flu
//! killed", "in 1991 the army…").
//!
//! Only the phrases PETRARCH applies to a whole story (a leading `+`: "+champions league",
//! "+defending champion") are used. Its sentence-level phrases cost more than they save on news
//! of wars and talks: "third round" (of talks), bare years ("in 2003"), "champion" (championed)
//! dropped reported happenings on both dev sets (`cargo xtask eval-events`: PLOVER type found
//! 0.534 → 0.521, samples recall 0.873 → 0.810). A phrase ending in `_` must end at a word
//! edge; the others are stems.

use crate::LexiconError;
use crate::fold::{boundary_after, boundary_before, fold_key};
use aho_corasick::{AhoCorasick, MatchKind};
use dateline_lexicon::DiscardsFile;

pub struct Discards {
    matcher: AhoCorasick,
    /// Per pattern: must end at a word edge.
    whole_word: Vec<bool>,
}

impl Discards {
    pub fn build(file: &DiscardsFile) -> Result<Discards, LexiconError> {
        let mut keys = Vec::new();
        let mut whole_word = Vec::new();
        for p in file.phrase.iter().filter(|p| p.starts_with('+')) {
            let key = fold_key(p.trim_start_matches('+').trim_end_matches('_'));
            if key.is_empty() {
                continue;
            }
            keys.push(key);
            whole_word.push(p.ends_with('_'));
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|e| LexiconError::Invalid {
                file: "lexicon/discards.toml".into(),
                reason: e.to_string(),
            })?;
        Ok(Discards {
            matcher,
            whole_word,
        })
    }

    /// True when the folded article body holds a phrase that discards the whole story.
    pub fn story(&self, f: &str) -> bool {
        self.matcher.find_overlapping_iter(f).any(|m| {
            boundary_before(f, m.start())
                && (!self.whole_word[m.pattern().as_usize()] || boundary_after(f, m.end()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_phrase_discards_and_a_sentence_phrase_does_not() {
        let d = Discards::build(&DiscardsFile {
            phrase: vec![
                "+champions league".into(),
                "+davis cup_".into(),
                "third round".into(),
            ],
        })
        .expect("discards");
        assert!(d.story("the champions league final"));
        assert!(d.story("won the davis cup."));
        assert!(!d.story("won the davis cups"));
        assert!(!d.story("a third round of talks"));
    }
}
