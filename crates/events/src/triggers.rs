//! What happened: trigger patterns from `data/events.toml` found in folded clauses.

use crate::LexiconError;
use crate::lexicon::{EventsFile, Grammar};
use aho_corasick::AhoCorasick;
use dateline_core::event::EventType;
use memchr::memmem;
use regex::{Regex, RegexSet, RegexSetBuilder};

/// Words a verb of denial may stand before the "that" of what it denies ("denied | reports | that").
const DENIAL_REACH: usize = 3;

/// Bytes before a trigger searched for the "that" of a denial.
const DENIAL_WINDOW: usize = 200;

#[derive(Debug, Clone)]
pub struct Trigger {
    pub event_type: EventType,
    pub mode: String,
    pub priority: u32,
    pub anaphoric: bool,
    pub standalone: bool,
    pub passive: bool,
    pub needs_actor_after: bool,
    /// Counts only after a definite determiner ("the operation"): a bare noun too vague alone.
    pub definite_only: bool,
    /// Read from the CAMEO verb dictionary rather than written in `events.toml`.
    pub from_verb: bool,
    /// The speaker's act when reported: see [`crate::lexicon::TriggerEntry::spoken`].
    pub spoken: bool,
}

/// A trigger found in folded text: `folded[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerHit {
    pub start: usize,
    pub end: usize,
    pub trigger: usize,
    /// The trigger's priority, or for a CAMEO verb the specificity of its pattern.
    pub priority: u32,
    /// It stands on a finite verb ("struck", "was killed"), not a noun or a participle.
    pub finite: bool,
    /// That verb narrates in the past ([`crate::grammar::told_in_past`]).
    pub past: bool,
}

/// Words after the verb of a future marker within which its "to" comes ("expected soon to").
const MARKER_REACH: usize = 2;

pub struct TriggerIndex {
    pub triggers: Vec<Trigger>,
    /// Each trigger's patterns as one regex, the trigger's index, and the indexes of the
    /// regex's `head` groups (one per pattern that names its trigger).
    patterns: Vec<(Regex, usize, Vec<usize>)>,
    /// The same patterns in one automaton: a sentence is scanned once to learn which triggers it
    /// holds, and only those are searched for their positions (most hold none or one).
    any: RegexSet,
    /// `[grammar] clause_openers`, in one automaton.
    openers: AhoCorasick,
    pub(crate) grammar: Grammar,
    future: Regex,
    /// The verbs of the future markers of several words ("expected" of "is expected", "plans" of
    /// "plans to"), see [`TriggerIndex::marks_future`].
    marker_verbs: Vec<String>,
    /// What before "to" announces the verb after it rather than a purpose: the decisions of
    /// `[grammar] intent_verbs` (one or two words) and the modals of intent ending in "to"
    /// ("is ready to"), each as its words nearest "to" first.
    announcers: Vec<Vec<String>>,
    /// " that ", searched back from every trigger hit for what a denial is of: built once, not
    /// per search.
    that: memmem::FinderRev<'static>,
}

/// `\b` and `\w` in their ASCII forms.
pub fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", r"(?-u:\w)")
}

/// An alternation of `words`, longest first so the longest phrase wins, each escaped.
pub fn word_list(words: &[String]) -> String {
    let mut w: Vec<&String> = words.iter().collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

impl TriggerIndex {
    pub fn build(file: &EventsFile) -> Result<TriggerIndex, LexiconError> {
        let invalid = |reason: String| LexiconError::Invalid {
            file: "events.toml".into(),
            reason,
        };
        let mut triggers = Vec::new();
        let mut patterns = Vec::new();
        for t in &file.trigger {
            let event_type: EventType = t.event_type.parse().map_err(invalid)?;
            let id = triggers.len();
            triggers.push(Trigger {
                event_type,
                mode: t.mode.clone(),
                priority: t.priority,
                anaphoric: t.anaphoric,
                standalone: t.standalone,
                passive: t.passive,
                needs_actor_after: t.needs_actor_after,
                definite_only: t.definite_only,
                from_verb: false,
                spoken: t.spoken,
            });
            // One regex per trigger, with ASCII word boundaries: folded text is lower-case ASCII
            // for the words that matter, and Unicode \b makes compiling several times slower.
            // Each pattern's `head` group gets a name of its own in the joined regex.
            let joined = (t.patterns.iter().enumerate())
                .map(|(i, p)| {
                    let p = ascii_classes(p)
                        .replace(&format!("(?P<{HEAD}>"), &format!("(?P<{HEAD}{i}>"));
                    format!("(?:{p})")
                })
                .collect::<Vec<_>>()
                .join("|");
            let re = Regex::new(&joined).map_err(|e| {
                // Name the pattern at fault, not the joined expression.
                let culprit = t.patterns.iter().find(|p| Regex::new(p).is_err());
                invalid(format!(
                    "{} {}: pattern {culprit:?}: {e}",
                    t.event_type, t.mode
                ))
            })?;
            let heads = (re.capture_names().enumerate())
                .filter(|(_, name)| name.is_some_and(|n| n.starts_with(HEAD)))
                .map(|(i, _)| i)
                .collect();
            patterns.push((re, id, heads));
        }
        let any = RegexSetBuilder::new(patterns.iter().map(|(re, _, _)| re.as_str()))
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| invalid(e.to_string()))?;
        let openers =
            AhoCorasick::new(&file.grammar.clause_openers).map_err(|e| invalid(e.to_string()))?;
        let future = Regex::new(&format!(
            r"\b(?:{})\b",
            word_list(&file.grammar.future_markers)
        ))
        .map_err(|e| invalid(e.to_string()))?;
        let reversed = |phrase: &str| -> Vec<String> {
            phrase.split_whitespace().rev().map(str::to_owned).collect()
        };
        let announcers = (file.grammar.intent_verbs.iter())
            .map(|v| reversed(v))
            .filter(|w| (1..=2).contains(&w.len()))
            .chain(
                (file.grammar.intent_modals.iter())
                    .filter_map(|m| m.strip_suffix(" to"))
                    .map(reversed)
                    .filter(|w| (2..=3).contains(&w.len())),
            )
            .collect();
        Ok(TriggerIndex {
            triggers,
            patterns,
            any,
            openers,
            grammar: file.grammar.clone(),
            future,
            marker_verbs: marker_verbs(&file.grammar.future_markers),
            announcers,
            that: memmem::FinderRev::new(" that "),
        })
    }

    /// Triggers in the folded sentence `f`, minus those in a purpose clause or under a negation.
    /// A pattern may read context it does not consist of ("described the raid as a crime"): the
    /// hit is then its group named [`HEAD`], so the words after it stay the verb's object.
    pub fn find(&self, f: &str) -> Vec<TriggerHit> {
        let mut hits: Vec<TriggerHit> = Vec::new();
        for (re, id, heads) in self.any.matches(f).iter().map(|i| &self.patterns[i]) {
            let mut push = |start: usize, end: usize| {
                if self.blocked(f, start)
                    || (self.triggers[*id].definite_only && !definite_before(f, start))
                {
                    return;
                }
                hits.push(TriggerHit {
                    start,
                    end,
                    trigger: *id,
                    priority: self.triggers[*id].priority,
                    finite: false,
                    past: false,
                });
            };
            if !heads.is_empty() {
                // A pattern that reads context past its trigger marks the trigger as `head`.
                for c in re.captures_iter(f) {
                    let m = (heads.iter().find_map(|&i| c.get(i))).or_else(|| c.get(0));
                    if let Some(m) = m {
                        push(m.start(), m.end());
                    }
                }
            } else {
                for m in re.find_iter(f) {
                    push(m.start(), m.end());
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        // Overlapping hits of different patterns: keep the higher priority one.
        let mut kept: Vec<TriggerHit> = Vec::new();
        for h in hits {
            if let Some(k) = kept.iter_mut().find(|k| h.start < k.end && k.start < h.end) {
                if h.priority > k.priority {
                    *k = h;
                }
                continue;
            }
            kept.push(h);
        }
        kept
    }

    /// Clause bounds in the folded sentence `f` (see `grammar::clauses`).
    pub fn clauses(&self, f: &str) -> Vec<(usize, usize)> {
        crate::grammar::clauses(&self.openers, f, self.fronted_end(f))
    }

    /// Where the phrase a fronted preposition opens ends (`[grammar] fronted_openers`): at the
    /// first comma of folded sentence `f`.
    pub fn fronted_end(&self, f: &str) -> Option<usize> {
        (self.grammar.fronted_openers.iter())
            .any(|o| f.starts_with(o.as_str()))
            .then(|| f.find(", "))
            .flatten()
    }

    /// True when a negation stands within the three words before `start` of folded sentence `f`
    /// ("don't deliver", "did not attack", "will not accept").
    /// A negation reaches no further back than the clause's punctuation: "The man, whose name
    /// was not released, was arrested" was arrested.
    pub fn negated(&self, f: &str, start: usize) -> bool {
        self.negated_by(f[..start].split_whitespace().rev().take(3))
    }

    /// `near`: the words before a trigger, nearest first, at most three (see [`Self::negated`]).
    fn negated_by<'w>(&self, near: impl IntoIterator<Item = &'w str>) -> bool {
        (near.into_iter())
            .take_while(|w| !w.ends_with([',', ';', ':']))
            .any(|w| self.grammar.negations.iter().any(|n| n == w))
    }

    /// True when a trigger at `start` sits under a negation, in what a denial is of, or in a
    /// purpose clause.
    pub fn blocked(&self, f: &str, start: usize) -> bool {
        // The words before the trigger, nearest first: read once for the negation, the denial
        // and the purpose clause below, and kept on the stack (a trigger is judged per hit).
        let mut near = [""; 6];
        let mut n = 0;
        for w in f[..start].split_whitespace().rev().take(near.len()) {
            near[n] = w;
            n += 1;
        }
        let near = &near[..n];
        if self.negated_by(near.iter().take(3).copied()) {
            return true;
        }
        // What a denial is of: "denied reports that it had agreed to …". Within a bounded reach
        // before the trigger, so a long sentence of many triggers stays linear.
        let from = f.floor_char_boundary(start.saturating_sub(DENIAL_WINDOW));
        if let Some(t) = (self.that.rfind(&f.as_bytes()[from..start])).map(|t| from + t)
            && !f[t..start].contains([',', ';'])
            && (f[..t].split_whitespace().rev().take(DENIAL_REACH))
                .any(|w| self.grammar.denial_verbs.iter().any(|d| d == w))
        {
            return true;
        }
        // What a denial of a part is of: "denied involvement in the attack", "denied any role
        // in the bombing". The happening is another's, if anyone's.
        if near.windows(2).any(|w| {
            self.grammar.denied_parts.iter().any(|p| p == w[0])
                && self.grammar.denial_verbs.iter().any(|d| d == w[1])
        }) || near.windows(3).any(|w| {
            self.grammar.denied_parts.iter().any(|p| p == w[0])
                && matches!(w[1], "any" | "all" | "its" | "their" | "his" | "her")
                && self.grammar.denial_verbs.iter().any(|d| d == w[2])
        }) {
            return true;
        }
        let before = &near[..near.len().min(4)];
        // Purpose or intent clause: "to discuss", "determination to eliminate" — unless the verb
        // before "to" is a decision ("decided to withdraw", "is expected to visit").
        if before.first() == Some(&"to") {
            return !self.announced(&before[1..]) && !self.caused(&near[1..]);
        }
        false
    }

    /// `head`: the words before "to", nearest first. True when a causative verb stands there
    /// with an object between it and "to", within the clause ("prompting Baghdad to summon").
    fn caused(&self, head: &[&str]) -> bool {
        for (k, w) in head.iter().enumerate() {
            if w.ends_with([',', ';', ':']) {
                return false;
            }
            if k > 0 && self.grammar.causatives.iter().any(|c| c == w) {
                return true;
            }
        }
        false
    }

    /// True when the verb after "to" at `start` of `f` is announced, not a purpose: a decision
    /// comes before it ("decided to withdraw") or a modal of intent ending in "to" ("is ready to
    /// send").
    pub fn announced_at(&self, f: &str, start: usize) -> bool {
        let before: Vec<&str> = f[..start].split_whitespace().rev().take(4).collect();
        before.first() == Some(&"to") && self.announced(&before[1..])
    }

    /// `head`: the words before "to", nearest first.
    fn announced(&self, head: &[&str]) -> bool {
        self.announcers
            .iter()
            .any(|a| a.len() <= head.len() && a.iter().zip(head).all(|(w, h)| w == h))
    }

    /// The id of a trigger of `event_type` and `mode` read from a dictionary verb (made on first
    /// use): it has no patterns of its own and no flags.
    /// The trigger of a dictionary reading; `reverse`: one of CAMEO's `:B` codes, whose subject
    /// suffers the happening ("faced criticism"), as a passive verb's does.
    pub fn verb_trigger(&mut self, event_type: EventType, mode: &str, reverse: bool) -> usize {
        if let Some(i) = self.triggers.iter().position(|t| {
            t.from_verb && t.event_type == event_type && t.mode == mode && t.passive == reverse
        }) {
            return i;
        }
        self.triggers.push(Trigger {
            event_type,
            mode: mode.to_owned(),
            priority: 0,
            anaphoric: false,
            standalone: false,
            passive: reverse,
            needs_actor_after: false,
            definite_only: false,
            from_verb: true,
            spoken: false,
        });
        self.triggers.len() - 1
    }

    /// True when the verb at `f[start..end]` is the verb of a future marker of several words
    /// with its "to" ("are expected to remain", "are then expected to", "plans to withdraw"): it
    /// tells when the verb after it happens, not a happening of its own.
    pub fn marks_future(&self, f: &str, start: usize, end: usize) -> bool {
        let verb = &f[start..end];
        // "to" next, or after an adverb ("expected soon to"); not after an object ("set fire
        // to the building" is no "set to").
        let mut after = f[end..].split_whitespace().take(MARKER_REACH);
        let to = match after.next() {
            Some("to") => true,
            Some(w) if w.ends_with("ly") || w == "soon" => after.next() == Some("to"),
            _ => false,
        };
        to && self.marker_verbs.iter().any(|m| m == verb)
    }

    /// True when a future marker ("will", "is expected") occurs in `f[from..to]`.
    pub fn future_between(&self, f: &str, from: usize, to: usize) -> bool {
        f.get(from..to).is_some_and(|s| self.future.is_match(s))
    }

    /// True when the clause opens with a subject that continues the previous happening.
    pub fn continuation_subject(&self, clause: &str) -> bool {
        let c = clause.trim_start();
        self.grammar.continuation_subjects.iter().any(|s| {
            c.strip_prefix(s.as_str())
                .is_some_and(|rest| rest.starts_with(' ') || rest.is_empty())
        })
    }
}

/// The verb of each future marker of several words: its last word but "to", unless that is an
/// auxiliary ("is to").
fn marker_verbs(markers: &[String]) -> Vec<String> {
    let mut out: Vec<String> = markers
        .iter()
        .filter(|m| m.contains(' '))
        .filter_map(|m| m.split_whitespace().rev().find(|w| *w != "to"))
        .filter(|w| !crate::grammar::is_be(w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The most words a quotation may hold between a determiner and its noun.
const QUOTED_MODIFIERS: usize = 6;

/// The name of the group that is a pattern's trigger when the pattern reads more than it.
pub const HEAD: &str = "head";

/// Whether a noun trigger at `start` is what something is called, not a happening of its own:
/// an indefinite noun phrase after a verb of naming or the "as" of a description ("condemned
/// what it called a terrorist attack", "condemned the strikes as a \"vicious attack\"",
/// "described it as an act of war"). Only modifiers may stand between (no preposition: "served
/// as a base for attacks" names attacks).
pub fn described_before(f: &str, start: usize) -> bool {
    const NAMING: &[&str] = &[
        "as", "called", "calls", "calling", "termed", "dubbed", "branded", "labelled", "labeled",
    ];
    const BETWEEN: &[&str] = &[
        "of", "in", "on", "at", "for", "by", "with", "from", "to", "and", "or", "against",
    ];
    let words: Vec<&str> = (f[..start]
        .split_whitespace()
        .rev()
        .take(QUOTED_MODIFIERS + 2))
    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    .filter(|w| !w.is_empty())
    .collect();
    let Some(det) = words.iter().position(|w| matches!(*w, "a" | "an")) else {
        return false;
    };
    det <= QUOTED_MODIFIERS
        && !words[..det].iter().any(|w| BETWEEN.contains(w))
        && words.get(det + 1).is_some_and(|w| NAMING.contains(w))
        // "such as a", "as well as a": a list, not a description.
        && !words.get(det + 2).is_some_and(|w| matches!(*w, "such" | "well"))
}

/// Where the `n` whitespace-separated words before byte `at` of `f` begin (0 when fewer stand
/// there).
fn words_start(f: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in f[..at].char_indices().rev() {
        if !c.is_whitespace() {
            in_word = true;
            continue;
        }
        if in_word {
            words += 1;
            if words == n {
                return i + c.len_utf8();
            }
        }
        in_word = false;
    }
    0
}

/// Whether the words before `start` make a noun trigger definite ("the meeting", "his visit",
/// "the joint operation") and so a reference back to a happening already reported.
pub fn definite_before(f: &str, start: usize) -> bool {
    const DET: &[&str] = &[
        "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "same",
    ];
    // A verb in the past ("the two sides discussed") is not a noun with a determiner.
    let head = f[start..].split_whitespace().next().unwrap_or("");
    if head.ends_with("ed") || matches!(head, "met" | "held" | "fought" | "struck") {
        return false;
    }
    // Words a quotation holds between the determiner and the noun are its modifiers, however
    // many ("condemned the \"heinous and cowardly terrorist attack\"").
    // Past that many words back no quotation can open that counts: the search stops there, or
    // a sentence of many such nouns would be read back to its start for each.
    let reach = words_start(f, start, QUOTED_MODIFIERS + 1);
    if let Some(open) = f[reach..start].rfind(['"', '\u{201c}']).map(|o| reach + o)
        && let quoted = &f[f.ceil_char_boundary(open + 1)..start]
        && !quoted.contains(['"', '\u{201d}'])
        && quoted.split_whitespace().count() <= QUOTED_MODIFIERS
        && f[..open]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| DET.contains(&w))
    {
        return true;
    }
    let words: Vec<&str> = f[..start].split_whitespace().rev().take(3).collect();
    // "the first meeting", "the latest raid": a new happening, not a reference back.
    if words.first().is_some_and(|w| {
        matches!(
            *w,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "latest"
                | "new"
                | "next"
                | "another"
                | "last"
        )
    }) {
        return false;
    }
    // "its 2014 assault": a dated happening of its own.
    if words
        .iter()
        .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    words
        .iter()
        .take(3)
        .position(|w| DET.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        .is_some_and(|i| {
            // Only adjectives between determiner and noun: no verb or preposition.
            words[..i].iter().all(|w| {
                !matches!(
                    *w,
                    "of" | "in" | "on" | "with" | "and" | "by" | "for" | "to" | "a" | "an"
                )
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_makes_its_noun_definite_from_a_few_words_back_only() {
        let at = |f: &str| f.rfind("attack").unwrap();
        let near = "condemned the \"heinous and cowardly terrorist attack\"";
        assert!(definite_before(near, at(near)));
        // Past the words a quotation may hold, its mark is too far to count: the search
        // stops there.
        let far = "condemned the \"one two three four five six seven attack\"";
        assert!(!definite_before(far, at(far)));
        assert_eq!(words_start("a b  c d", 8, 2), 5);
        assert_eq!(words_start("a b", 3, 5), 0);
    }
}
