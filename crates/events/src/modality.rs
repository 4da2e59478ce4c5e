//! What the modal words around a verb make of it: an obligation reported ("X said Y must
//! leave") is a demand by the speaker; a harm promised on a condition ("will withdraw … unless")
//! is a threat. The words are `[grammar] obligation_modals` and `conditionals` in
//! `data/events.toml`.

use crate::lexicon::Grammar;

/// How close before the verb the modal must stand, in words ("must immediately withdraw").
const MODAL_REACH: usize = 3;

/// How far into what is said the modal may stand ("said President X and his party must …").
const COMPLEMENT_REACH: usize = 10;

pub struct Modality {
    obligation: Vec<Vec<String>>,
    conditionals: Vec<Vec<String>>,
    harm_conditionals: Vec<Vec<String>>,
    intent: Vec<Vec<String>>,
    possibility: Vec<Vec<String>>,
}

fn phrases(list: &[String]) -> Vec<Vec<String>> {
    list.iter()
        .map(|p| p.split_whitespace().map(str::to_owned).collect())
        .collect()
}

/// The last [`MODAL_REACH`] words of the text before a verb, where its modal stands.
fn near_words(before: &str) -> Vec<&str> {
    let words: Vec<&str> = before.split_whitespace().collect();
    words[words.len().saturating_sub(MODAL_REACH)..].to_vec()
}

fn contains(words: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

impl Modality {
    pub fn new(g: &Grammar) -> Modality {
        Modality {
            obligation: phrases(&g.obligation_modals),
            conditionals: phrases(&g.conditionals),
            harm_conditionals: phrases(&g.harm_conditionals),
            intent: phrases(&g.intent_modals),
            possibility: phrases(&g.possibility_modals),
        }
    }

    /// True when the folded text right before a verb holds a modal of intent ("will", "is ready
    /// to").
    pub fn intended(&self, before: &str) -> bool {
        let near = near_words(before);
        self.intent.iter().any(|p| contains(&near, p))
    }

    /// True when the text right before a verb (original case) holds a modal of possibility
    /// ("could attack", "is likely to deploy"). "May" capitalised is the month.
    pub fn possible(&self, before: &str) -> bool {
        let near: Vec<&str> = (near_words(before).into_iter())
            .map(|w| {
                if w.starts_with(char::is_uppercase) {
                    ""
                } else {
                    w
                }
            })
            .collect();
        self.possibility.iter().any(|p| contains(&near, p))
    }

    /// True when the complement of a verb of saying holds a modal of obligation among its first
    /// words, before any comma ("said the government must agree to …"): for a dictionary reading
    /// that opens on the verb of saying, whose own verb is further on.
    pub fn obliged_in_complement(&self, after: &str) -> bool {
        let clause = after.split([',', ';', '.']).next().unwrap_or("");
        let words: Vec<&str> = clause.split_whitespace().take(COMPLEMENT_REACH).collect();
        self.obligation.iter().any(|p| contains(&words, p))
    }

    /// True when the folded text right before a verb holds a modal of obligation.
    pub fn obliged(&self, before: &str) -> bool {
        let near = near_words(before);
        self.obligation.iter().any(|p| contains(&near, p))
    }

    /// True when the folded text after a verb sets a condition on it; `harm`: the verb is a
    /// material conflict, which any condition makes a threat.
    pub fn conditional(&self, after: &str, harm: bool) -> bool {
        self.first_condition_end(after, harm).is_some()
    }

    /// Where in `text` the earliest-ending condition phrase ends, if any: a prefix of `text` up
    /// to a word's start sets a condition exactly when that end lies within it, so a clause
    /// asking of each of its verbs reads its text once, not once a verb.
    pub fn first_condition_end(&self, text: &str, harm: bool) -> Option<usize> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let in_word = c.is_alphanumeric() || c == '\'';
            match (in_word, open) {
                (true, None) => open = Some(i),
                (false, Some(s)) => {
                    spans.push((s, i));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            spans.push((s, text.len()));
        }
        let harm_conditionals = if harm {
            &self.harm_conditionals[..]
        } else {
            &[]
        };
        let word = |k: usize| &text[spans[k].0..spans[k].1];
        (self.conditionals.iter())
            .chain(harm_conditionals)
            .filter(|p| !p.is_empty() && p.len() <= spans.len())
            .filter_map(|p| {
                (0..=spans.len() - p.len())
                    .find(|&i| p.iter().enumerate().all(|(j, w)| word(i + j) == w))
                    .map(|i| spans[i + p.len() - 1].1)
            })
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modality() -> Modality {
        let w = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Modality {
            obligation: phrases(&w(&["must", "has to"])),
            conditionals: phrases(&w(&["unless"])),
            harm_conditionals: phrases(&w(&["if"])),
            intent: phrases(&w(&["will", "is ready to"])),
            possibility: phrases(&w(&["could", "may", "is likely to"])),
        }
    }

    #[test]
    fn an_obligation_just_before_the_verb_is_a_demand() {
        let m = modality();
        assert!(m.obliged("that sudan must"));
        assert!(m.obliged("that iraq has to"));
        assert!(!m.obliged("that must be said, the army will"));
    }

    #[test]
    fn a_modal_of_intent_just_before_the_verb_is_an_intention() {
        let m = modality();
        assert!(m.intended("the united nations will"));
        assert!(m.intended("france is ready to"));
        assert!(!m.intended("will it be said that the army"));
    }

    #[test]
    fn a_modal_of_possibility_just_before_the_verb_is_a_possibility() {
        let m = modality();
        assert!(m.possible("Iraqi forces could"));
        assert!(m.possible("Turkey may soon"));
        assert!(m.possible("China is likely to"));
        assert!(!m.possible("In May militants"));
        assert!(!m.possible("could it be that the army"));
    }

    #[test]
    fn unless_sets_a_condition_and_if_one_on_a_harm() {
        let m = modality();
        assert!(m.conditional(" its force from chad unless the president agrees", false));
        assert!(!m.conditional(" from chad by september", true));
        assert!(m.conditional(" on chad if the talks fail", true));
        assert!(!m.conditional(" the accord if parliament approves it", false));
    }
}
