//! Claims a sentence makes about the world ("ISIS no longer poses a threat"), kept on the mention so
//! the corpus can flag sources that contradict each other.
//!
//! A claim is written in one canonical form, `<subject> is a threat` or `<subject> is no longer a
//! threat`, so that two outlets' wordings of the same proposition compare equal word for word and
//! differ only in polarity. The predicates are data (`[[claim]]` in `data/events.toml`).

use crate::LexiconError;
use crate::fold;
use crate::lexicon::ClaimEntry;
use dateline_core::event::EventMention;
use regex::{Regex, RegexSet};

/// Subjects that say nothing on their own: a claim about "it" cannot be compared.
const PRONOUNS: &[&str] = &[
    "it", "they", "he", "she", "this", "that", "which", "who", "there",
];

pub struct ClaimIndex {
    claims: Vec<(Regex, String)>,
    /// The predicates alone, in one automaton: most sentences hold none, and a pattern that
    /// opens with its subject's class is slow to search for.
    predicates: RegexSet,
}

impl ClaimIndex {
    pub fn build(entries: &[ClaimEntry]) -> Result<ClaimIndex, LexiconError> {
        let claims = entries
            .iter()
            .map(|c| {
                let re = Regex::new(&format!(
                    r"(?P<subject>[a-z\[\]() ]{{1,60}}?)\s+(?:{})",
                    c.pattern
                ))
                .map_err(|e| LexiconError::Invalid {
                    file: "events.toml".into(),
                    reason: format!("claim pattern {:?}: {e}", c.pattern),
                })?;
                Ok((re, c.says.clone()))
            })
            .collect::<Result<_, LexiconError>>()?;
        let predicates = RegexSet::new(entries.iter().map(|c| &c.pattern)).map_err(|e| {
            LexiconError::Invalid {
                file: "events.toml".into(),
                reason: format!("claim patterns: {e}"),
            }
        })?;
        Ok(ClaimIndex { claims, predicates })
    }

    /// The claim a sentence makes, in canonical form.
    pub fn claim_of(&self, sentence: &str) -> Option<String> {
        // Every sentence is read, and no span is mapped back: the text alone.
        let folded = fold::fold_text(sentence);
        if !self.predicates.is_match(&folded) {
            return None;
        }
        for (re, says) in &self.claims {
            let Some(c) = re.captures(&folded) else {
                continue;
            };
            let subject = c.name("subject").and_then(|s| {
                s.as_str()
                    .split(|ch: char| !ch.is_alphanumeric())
                    .rfind(|w| !w.is_empty())
            })?;
            if PRONOUNS.contains(&subject) {
                continue;
            }
            return Some(format!("{subject} {says}"));
        }
        None
    }

    /// Puts each claim on the mention of its own sentence, or, for a sentence that codes no event (a
    /// quoted assessment after a report), on the mention of one of the two sentences before it.
    pub fn attach(&self, body: &str, sentences: &[(usize, usize)], mentions: &mut [EventMention]) {
        for (i, &(s, e)) in sentences.iter().enumerate() {
            let Some(claim) = body.get(s..e).and_then(|t| self.claim_of(t)) else {
                continue;
            };
            let own: Vec<usize> = (0..mentions.len())
                .filter(|&m| mentions[m].evidence.start == s)
                .collect();
            let targets = if own.is_empty() {
                let earlier = |k: usize| sentences.get(i.checked_sub(k)?).map(|&(ps, _)| ps);
                [earlier(1), earlier(2)]
                    .into_iter()
                    .flatten()
                    .map(|ps| {
                        (0..mentions.len())
                            .filter(|&m| mentions[m].evidence.start == ps)
                            .collect::<Vec<_>>()
                    })
                    .find(|v| !v.is_empty())
                    .unwrap_or_default()
            } else {
                own
            };
            for m in targets {
                mentions[m].claim.get_or_insert_with(|| claim.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn index() -> ClaimIndex {
        ClaimIndex::build(&Lexicon::bundled().expect("bundled lexicon").events.claim)
            .expect("claims build")
    }

    #[test]
    fn wordings_of_one_proposition_meet() {
        let x = index();
        let no = Some("isis is no longer a threat".to_owned());
        let yes = Some("isis is a threat".to_owned());
        assert_eq!(
            x.claim_of(
                "Sudani said the Islamic State (ISIS) no longer poses a threat to the country."
            ),
            no
        );
        assert_eq!(
            x.claim_of(
                "“[T]he remnants of ISIS no longer pose a threat to the Iraqi state,” he said."
            ),
            no
        );
        assert_eq!(
            x.claim_of("ISIS no longer a threat: Iraqi PM tells coalition commander"),
            no
        );
        assert_eq!(
            x.claim_of("“ISIS remains a threat to the region,” CENTCOM said."),
            yes
        );
        assert_eq!(
            x.claim_of("Officials warned that Daesh still poses a serious threat in Anbar."),
            Some("daesh is a threat".into())
        );
        assert_eq!(x.claim_of("It remains a threat, he said."), None);
        assert_eq!(x.claim_of("The meeting focused on training."), None);
    }
}
