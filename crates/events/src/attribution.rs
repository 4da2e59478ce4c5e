//! Who says, and to whom: the parts of a sentence that report a statement rather than take part
//! in the happening.
//!
//! News copy wraps most happenings in attribution: "…, the ministry said", "according to the
//! Security Council", "a source told Shafaq News". The outlet spoken to and the authority quoted
//! are never actors of what is reported, and the speaker of "X said Y attacked Z" is not its
//! source. The word lists are `[grammar] speech_verbs` and `attribution_openers` of
//! `data/events.toml`.

use crate::LexiconError;
use crate::lexicon::Grammar;
use crate::triggers::word_list;
use regex::Regex;

/// A speaker's apposition before the verb of saying (", X, the military spokesman for the prime
/// minister, said") holds at most this many words.
const APPOSITION_WORDS: usize = 12;

/// Where a ", said …" segment's speaker starts when a name and its apposition stand before it as
/// segments of their own (", Yehia Rasool, the military spokesman for the prime minister, said
/// in a statement"): the mark two segments back. `marks` are the sentence's marks up to the
/// segment's own; `speaker` and `after` what the segment holds before and after its verb.
fn named_with_apposition(f: &str, marks: &[usize], speaker: &str, after: &str) -> Option<usize> {
    if !speaker.trim().is_empty() || after.split_whitespace().count() > AFTER_SPEECH_WORDS {
        return None;
    }
    let [.., name_at, apposition_at, cut] = marks else {
        return None;
    };
    let name = f.get(name_at + 1..*apposition_at)?;
    let apposition = f.get(apposition_at + 1..*cut)?.trim_start();
    let words = |s: &str| s.split_whitespace().count();
    let described = ["the ", "a ", "an "]
        .iter()
        .any(|a| apposition.starts_with(a));
    (f[*name_at..].starts_with(',')
        && (1..=SPEAKER_WORDS).contains(&words(name))
        && described
        && words(apposition) <= APPOSITION_WORDS)
        .then_some(*name_at)
}

/// At most this many words after an opener belong to the attribution ("told Kurdistan24's
/// correspondent in Erbil").
const OPENER_WORDS: usize = 7;
/// A trailing ", X said …" clause names its speaker within this many words after the comma…
const SPEAKER_WORDS: usize = 8;
/// …and says little after the verb ("said on Thursday", "said in a statement").
const AFTER_SPEECH_WORDS: usize = 6;

/// A demand's "that" clause states its happening within this many words ("demanded that the
/// Turkish government withdraw").
const MANDATE_WORDS: usize = 8;

pub struct Attribution {
    openers: Regex,
    /// `[grammar] anonymity_phrases`, when there are any.
    anonymity: Option<Regex>,
    speech: Regex,
    /// A verb of demand and its "that".
    mandate: Regex,
}

impl Attribution {
    pub fn build(g: &Grammar) -> Result<Attribution, LexiconError> {
        let invalid = |e: regex::Error| LexiconError::Invalid {
            file: "events.toml".into(),
            reason: e.to_string(),
        };
        Ok(Attribution {
            openers: Regex::new(&format!(
                r"(?-u:\b)(?:{})(?-u:\b)",
                word_list(&g.attribution_openers)
            ))
            .map_err(invalid)?,
            anonymity: (!g.anonymity_phrases.is_empty())
                .then(|| {
                    Regex::new(&format!(
                        r"(?-u:\b)(?:{})(?-u:\b)",
                        word_list(&g.anonymity_phrases)
                    ))
                })
                .transpose()
                .map_err(invalid)?,
            speech: Regex::new(&format!(
                r"(?-u:\b)(?:{})(?-u:\b)",
                word_list(&g.speech_verbs)
            ))
            .map_err(invalid)?,
            mandate: Regex::new(&format!(
                r"(?-u:\b)(?:{}) that(?-u:\b)",
                word_list(&g.mandative_verbs)
            ))
            .map_err(invalid)?,
        })
    }

    /// Spans of the folded sentence `f` that only attribute: the phrase after an opener, and a
    /// ", X said …" segment, closing the sentence or set between commas (", SANA reported, in
    /// the third such attack").
    /// `words`: the sentence's words of saying, from [`Attribution::speech_words`]; `names`:
    /// the folded offsets of those printed capitalised inside the sentence, names there ("the
    /// mayor of Said Sadiq", "Port Said"), from [`Attribution::printed_as_names`].
    pub fn spans(&self, f: &str, words: &[(usize, usize)], names: &[usize]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for m in self.openers.find_iter(f) {
            out.push((m.start(), phrase_end(f, m.end(), OPENER_WORDS)));
        }
        // Where each opener starts, in order: the closing clause below reads them again.
        let opener_starts: Vec<usize> = out.iter().map(|&(s, _)| s).collect();
        let is_mark = |c: char| matches!(c, ',' | '"' | '“' | '”');
        let marks: Vec<usize> = f
            .char_indices()
            .filter(|&(_, c)| is_mark(c))
            .map(|(i, _)| i)
            .collect();
        for (k, &cut) in marks.iter().enumerate() {
            let from = f.ceil_char_boundary(cut + 1);
            let last = k + 1 == marks.len();
            let end = marks.get(k + 1).copied().unwrap_or(f.len());
            let segment = &f[from..end];
            if !segment.chars().any(char::is_alphabetic) {
                continue;
            }
            let first = words.partition_point(|&(s, _)| s < from);
            let Some(&(ms, me)) = words[first..]
                .iter()
                .take_while(|&&(_, e)| e <= end)
                .find(|&&(s, _)| !names.contains(&s))
            else {
                continue;
            };
            let said = &f[ms..me];
            let (speaker, after) = (&f[from..ms], &f[me..end]);
            let attributes = if last {
                // The closing clause, when it opens with its speaker and a verb of saying. What
                // follows an opener or an anonymity phrase after the verb attributes too ("the
                // Associated Press reported, citing a US official on condition of anonymity").
                speaker.split_whitespace().count() <= SPEAKER_WORDS
                    && self.own_words(f, (me, end), &opener_starts) <= AFTER_SPEECH_WORDS
            } else {
                // Set between commas (", SANA reported, in the third such attack"): a speaker
                // and a past verb of saying that ends the segment but for a time.
                f[end..].starts_with(',')
                    && (1..=SPEAKER_WORDS).contains(&speaker.split_whitespace().count())
                    && after.split_whitespace().count() <= 2
                    && (said.ends_with("ed") || matches!(said, "said" | "told"))
            };
            if attributes {
                out.push((cut, if last { f.len() } else { end + 1 }));
            } else if let Some(start) = named_with_apposition(f, &marks[..=k], speaker, after) {
                out.push((start, if last { f.len() } else { end + 1 }));
            }
        }
        out
    }

    /// The words of `f[from..to]` (what follows a verb of saying) before an attribution opener
    /// (`openers`: where the sentence's openers start, in order) or an anonymity phrase: what the
    /// closing clause says of its own.
    fn own_words(&self, f: &str, (from, to): (usize, usize), openers: &[usize]) -> usize {
        let after = &f[from..to];
        let opener = (openers.get(openers.partition_point(|&s| s < from)))
            .filter(|&&s| s < to)
            .map(|&s| s - from);
        let anonymous = (self.anonymity.as_ref())
            .and_then(|a| a.find(after))
            .map(|m| m.start());
        let cut = opener
            .into_iter()
            .chain(anonymous)
            .min()
            .unwrap_or(after.len());
        after[..cut].split_whitespace().count()
    }

    /// Spans of the folded sentence `f` that tell why a source is not named: from an anonymity
    /// phrase to the next comma or the sentence's end ("who spoke on condition of anonymity
    /// because they were not authorised to brief reporters"). Nothing in them happens.
    pub fn anonymity_spans(&self, f: &str) -> Vec<(usize, usize)> {
        let Some(anonymity) = &self.anonymity else {
            return Vec::new();
        };
        anonymity
            .find_iter(f)
            .map(|m| {
                let end = f[m.end()..]
                    .char_indices()
                    .find(|&(i, c)| {
                        matches!(c, ',' | ';' | '.' | ':' | '"' | '“' | '”')
                            && !in_word_dot(f, m.end() + i)
                    })
                    .map_or(f.len(), |(i, _)| m.end() + i);
                (m.start(), end)
            })
            .collect()
    }

    /// End of the verb of saying that starts at `at`, if one does: a dictionary reading can
    /// begin on it ("said … agree", CAMEO's pattern for an announced agreement).
    /// `words`: the sentence's words of saying, from [`Attribution::speech_words`].
    pub fn speech_at(words: &[(usize, usize)], at: usize) -> Option<usize> {
        let i = words.partition_point(|&(s, _)| s < at);
        words.get(i).filter(|&&(s, _)| s == at).map(|&(_, e)| e)
    }

    /// Folded offset of the end of a demand's "that" shortly before `before`, with no clause
    /// break between ("demanded that | Turkey withdraw").
    pub fn mandate_before(&self, f: &str, before: usize) -> Option<usize> {
        let m = self.mandate.find_iter(f.get(..before)?).last()?;
        let between = &f[m.end()..before];
        (!between.contains([',', ';', ':']) && between.split_whitespace().count() <= MANDATE_WORDS)
            .then_some(m.end())
    }

    /// Folded offset of the end of the last verb of saying before `before` ("X said | Y
    /// attacked Z"), if any.
    /// `words` and `names` as for [`Attribution::spans`].
    pub fn speech_before(
        words: &[(usize, usize)],
        before: usize,
        names: &[usize],
    ) -> Option<usize> {
        words
            .iter()
            .take_while(|&&(_, e)| e <= before)
            .filter(|&&(s, _)| !names.contains(&s))
            .last()
            .map(|&(_, e)| e)
    }

    /// The folded spans of the words of saying of sentence `f`, in order: read once, for
    /// [`Attribution::spans`], [`Attribution::speech_before`] and [`Attribution::speech_at`].
    pub fn speech_words(&self, f: &str) -> Vec<(usize, usize)> {
        self.speech
            .find_iter(f)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// Folded offsets of the `words` of saying that `sentence` prints capitalised after its
    /// first word: names there ("Said Sadiq", "Port Said"); running text writes verbs in lower
    /// case.
    pub fn printed_as_names(
        sentence: &str,
        folded: &crate::fold::Folded,
        words: &[(usize, usize)],
    ) -> Vec<usize> {
        (words.iter())
            .map(|&(s, _)| s)
            .filter(|&i| {
                let (o, _) = folded.original_span(i, i + 1);
                o > 0 && sentence[o..].starts_with(char::is_uppercase)
            })
            .collect()
    }
}

/// End of the noun phrase that starts at `from`: the next comma, semicolon, full stop, "that" or
/// "on" (a date follows), an article that opens another noun phrase with no preposition to join
/// it ("according to witnesses the army shelled …": the army is not the authority), or `max`
/// words.
fn phrase_end(f: &str, from: usize, max: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut word_start = from;
    // The end of a short form in brackets right after a name ("the Estonian Public Broadcasting
    // (ERR)"): the name's, so the phrase's.
    let mut inside_until = 0;
    for (i, c) in f[from..].char_indices() {
        if from + i < inside_until {
            continue;
        }
        if c == '('
            && let Some(close) = short_form_end(f, from + i)
        {
            inside_until = close;
            continue;
        }
        if matches!(c, ',' | ';' | '.' | ':' | '"' | '(' | ')') && !in_word_dot(f, from + i) {
            return from + i;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                in_word = false;
                let word = &f[word_start..from + i];
                let rest = &f[from + i + c.len_utf8()..];
                let new_phrase = ["the ", "a ", "an "].iter().any(|w| rest.starts_with(w))
                    && !JOINING.contains(&word);
                if words >= max
                    || new_phrase
                    || ["that ", "on ", "in a ", "about ", "after ", "when "]
                        .iter()
                        .any(|w| rest.starts_with(w))
                {
                    return from + i;
                }
            }
        } else {
            if !in_word {
                word_start = from + i;
            }
            in_word = true;
        }
    }
    f.len()
}

/// Where the bracket opening at `open` of `f` closes (the byte after it), when it holds a short
/// form: one word of letters, digits, dots or hyphens ("(ERR)", "(U.N.)", "(CJTF-OIR)").
fn short_form_end(f: &str, open: usize) -> Option<usize> {
    let rest = f.get(open + 1..)?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    let short = !inner.is_empty()
        && inner.len() <= 12
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    short.then_some(open + 1 + close + 1)
}

/// Words after which an article continues the same noun phrase ("a report by the ministry", "the
/// head of the council", "officials at the embassy").
const JOINING: [&str; 12] = [
    "of", "by", "from", "to", "in", "at", "for", "with", "and", "or", "on", "near",
];

/// A dot inside an abbreviation ("u.s."), not a full stop.
fn in_word_dot(f: &str, i: usize) -> bool {
    f.as_bytes().get(i) == Some(&b'.')
        && f.as_bytes()
            .get(i + 1)
            .is_some_and(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution() -> Attribution {
        let words = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        Attribution::build(&Grammar {
            intent_verbs: Vec::new(),
            negations: Vec::new(),
            denial_verbs: Vec::new(),
            denied_parts: Vec::new(),
            crowd_nouns: Vec::new(),
            future_markers: Vec::new(),
            continuation_subjects: Vec::new(),
            speech_verbs: words(&["said", "told", "reported"]),
            report_verbs: words(&["said"]),
            mandative_verbs: words(&["demanded"]),
            attribution_openers: words(&["according to", "told", "citing"]),
            anonymity_phrases: words(&["on condition of anonymity"]),
            participation_participles: Vec::new(),
            passive_nominal_openers: Vec::new(),
            plan_words: Vec::new(),
            natural_hazards: Vec::new(),
            iterative_adverbs: Vec::new(),
            separate_openers: Vec::new(),
            sequence_adverbs: Vec::new(),
            time_prepositions: Vec::new(),
            light_verbs: Vec::new(),
            aspectual_verbs: Vec::new(),
            stative_participles: Vec::new(),
            seizure_verbs: Vec::new(),
            command_verbs: Vec::new(),
            pattern_only_codes: Vec::new(),
            record_nouns: Vec::new(),
            obligation_modals: Vec::new(),
            conditionals: Vec::new(),
            intent_modals: Vec::new(),
            possibility_modals: Vec::new(),
            harm_conditionals: Vec::new(),
            subordinators: Vec::new(),
            clause_prepositions: Vec::new(),
            inner_subordinators: Vec::new(),
            clause_openers: Vec::new(),
            causatives: Vec::new(),
            fronted_openers: Vec::new(),
            passive_agents: Vec::new(),
            victim_verbs: Vec::new(),
        })
        .expect("grammar")
    }

    #[test]
    fn a_demand_s_that_clause_runs_to_its_verb_without_a_break() {
        let a = attribution();
        let f = "iraq demanded that turkey withdraw its troops";
        let at = f.find("withdraw").unwrap();
        assert_eq!(a.mandate_before(f, at), f.find(" turkey"));
        let f = "iraq demanded that turkey, which denies it, withdraw its troops";
        assert_eq!(a.mandate_before(f, f.find("withdraw").unwrap()), None);
        assert_eq!(a.mandate_before("turkey will withdraw", 12), None);
    }

    #[test]
    fn the_outlet_told_and_the_closing_speaker_are_attribution() {
        let a = attribution();
        let f = "a source told shafaq news on monday that militants attacked a checkpoint";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert_eq!(spans.len(), 1);
        assert_eq!(&f[spans[0].0..spans[0].1], "told shafaq news");
        // A short form in brackets after the name is the name's.
        let f = "its troops will leave, according to the estonian public broadcasting (err).";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert!(
            spans
                .iter()
                .any(|&(s, e)| f[s..e] == *"according to the estonian public broadcasting (err)"),
            "{spans:?}"
        );
        let f = "turkish jets struck targets in duhok, the ministry said.";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert_eq!(&f[spans[0].0..spans[0].1], ", the ministry said.");
        // Whom the closing speaker cites, and why they go unnamed, attribute too: only what the
        // clause says after its verb of its own counts against it.
        let f = "seven soldiers were wounded, the agency has reported citing a defence official \
                 on condition of anonymity.";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert!(
            spans
                .iter()
                .any(|&(s, e)| f[s..e].starts_with(", the agency has reported") && e == f.len()),
            "{spans:?}"
        );
    }

    /// A speaker named with an apposition of its own before the verb of saying: the name, the
    /// apposition and the verb are one attribution.
    #[test]
    fn a_speaker_with_an_apposition_attributes() {
        let a = attribution();
        let f = "baghdad condemned the strike, ali kamil, the spokesman for the prime minister, \
                 said in a statement, adding that talks would go on.";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert!(
            spans
                .iter()
                .any(|&(s, e)| f[s..e].starts_with(", ali kamil, the spokesman")
                    && f[s..e].contains("said in a statement")),
            "{spans:?}"
        );
    }

    #[test]
    fn according_to_ends_at_the_comma() {
        let a = attribution();
        let f = "according to the security council, the sanctions were lifted";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert_eq!(
            &f[spans[0].0..spans[0].1],
            "according to the security council"
        );
    }

    #[test]
    fn according_to_ends_where_another_noun_phrase_begins() {
        let a = attribution();
        let f = "according to witnesses the army shelled the village at dawn";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert_eq!(&f[spans[0].0..spans[0].1], "according to witnesses");
        let f = "according to a report by the un the strikes hit a school";
        let spans = a.spans(f, &a.speech_words(f), &[]);
        assert_eq!(
            &f[spans[0].0..spans[0].1],
            "according to a report by the un"
        );
    }

    #[test]
    fn the_speaker_is_before_the_verb_of_saying() {
        let a = attribution();
        let f = "the ministry said isis attacked the village";
        let at = f.find("attacked").expect("verb");
        assert_eq!(
            Attribution::speech_before(&a.speech_words(f), at, &[]),
            Some(f.find(" isis").expect("isis"))
        );
    }
}
