//! What the coder reads of a sentence's grammar from its words and tags alone: word and clause
//! bounds, which verb heads a clause, the passive voice, a pronoun subject.

use aho_corasick::AhoCorasick;

/// What a subject pronoun can stand for.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Pronoun {
    Person,
    Body,
}

/// The pronoun that opens a clause's subject ("he", "she", "it"), when nothing else stands
/// before the verb but adverbs and auxiliaries.
pub(crate) fn pronoun_subject(before_verb: &str) -> Option<Pronoun> {
    match short_subject(before_verb)? {
        "he" | "she" => Some(Pronoun::Person),
        "it" => Some(Pronoun::Body),
        _ => None,
    }
}

/// Whether a clause's subject before its verb is "I" or "we", with at most auxiliaries and
/// adverbs after it ("we will not allow", "I also call").
pub(crate) fn first_person_subject(before_verb: &str) -> bool {
    matches!(short_subject(before_verb), Some("i" | "we"))
}

/// The first word before a verb when only a short run of auxiliaries and adverbs follows it ("He
/// also said", "it has been", "we will not"): a one-word subject, such as a pronoun.
/// A coordinating conjunction opening the clause comes before it ("and I call on").
fn short_subject(before_verb: &str) -> Option<&str> {
    let mut words = before_verb
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .peekable();
    words.next_if(|w| matches!(*w, "and" | "but"));
    let first = words.next()?;
    (words.count() < 4).then_some(first)
}

/// The head noun of a definite subject of a few words right before a verb phrase ("the emir"
/// of "The emir later met", "emir" of "the 89-year-old emir was received"), for a refer-back
/// by title: the words before the verb, auxiliaries and adverbs left out.
pub(crate) fn definite_subject_head(before_verb: &str) -> Option<&str> {
    let mut words: Vec<&str> = before_verb
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| {
        is_be(w) || is_have(w) || w.ends_with("ly") || matches!(*w, "also" | "later" | "then")
    }) {
        words.pop();
    }
    (words.len() >= 2 && words.len() <= DEFINITE_SUBJECT_WORDS && words[0] == "the")
        .then(|| words.last().copied())
        .flatten()
}

/// The most words of a definite subject that refers back by title ("the 89 year old emir").
const DEFINITE_SUBJECT_WORDS: usize = 5;

/// Whether byte `at` of folded sentence `f` lies inside a quotation: after an odd number of
/// straight double quotes, or after an opening curly quote not yet closed.
pub(crate) fn inside_quotes(f: &str, at: usize) -> bool {
    let before = &f[..f.floor_char_boundary(at)];
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before
        .rfind('\u{201c}')
        .is_some_and(|open| !before[open..].contains('\u{201d}'));
    straight || curly
}

/// Whether the subject right before a verb phrase is the generic "you" ("you don't deliver
/// aid in a war zone", "you cannot negotiate with them"): a saying about anyone, in a quote,
/// no happening of anybody's.
pub(crate) fn generic_you(before_verb: &str) -> bool {
    const AUXILIARIES: [&str; 22] = [
        "do",
        "does",
        "don't",
        "doesn't",
        "can",
        "can't",
        "cannot",
        "could",
        "couldn't",
        "will",
        "won't",
        "would",
        "wouldn't",
        "should",
        "shouldn't",
        "must",
        "not",
        "never",
        "just",
        "simply",
        "really",
        "also",
    ];
    let mut words = before_verb
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .skip_while(|w| AUXILIARIES.contains(w));
    words.next() == Some("you")
}

/// The pronouns that open a non-restrictive relative clause after a comma (", which …", ", who
/// …", ", whose …").
pub(crate) const RELATIVE_PRONOUNS: [&str; 3] = ["which", "who", "whose"];

/// How many words before a subject relative pronoun its antecedent may reach.
const ANTECEDENT_REACH: usize = 8;
/// Bytes before a verb read for its relative pronoun and antecedent.
const ANTECEDENT_WINDOW: usize = 400;

/// Where the antecedent of a subject relative clause begins, when the verb at folded `start`
/// is that clause's ("crashes of its jet that killed 346 people", "the militia, which has
/// attacked"): the doer is the noun phrase before the pronoun, never a name earlier in the
/// sentence. The phrase reaches back to the previous comma, a verb of being or having, "by",
/// or at most [`ANTECEDENT_REACH`] words.
pub(crate) fn relative_antecedent(f: &str, start: usize) -> Option<usize> {
    const AUXILIARIES: [&str; 14] = [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "been",
        "be",
        "will",
        "would",
        "reportedly",
        "allegedly",
        "also",
    ];
    // The words the antecedent may reach and the auxiliaries before the verb fit in this many
    // bytes: a long sentence of many verbs stays linear.
    let from = f.floor_char_boundary(start.saturating_sub(ANTECEDENT_WINDOW));
    let before = f.get(from..start)?;
    let words = word_spans(before);
    let mut i = words.len();
    while i > 0 {
        let w = &before[words[i - 1].0..words[i - 1].1];
        if AUXILIARIES.contains(&w) || (w.len() > 4 && w.ends_with("ly")) {
            i -= 1;
        } else {
            break;
        }
    }
    let (ps, pe) = *words.get(i.checked_sub(1)?)?;
    if !matches!(&before[ps..pe], "that" | "which" | "who") {
        return None;
    }
    // Nothing but auxiliaries and blanks between the pronoun and the verb.
    if before[pe..].contains([',', ';', ':', '"']) {
        return None;
    }
    let head = before[..ps].trim_end();
    let head = head.strip_suffix(',').unwrap_or(head);
    let phrase_start = head.rfind([',', ';', ':', '(', '"']).map_or(0, |c| c + 1);
    // Nor past a verb of its own ("besieged by police, who fired": the police fired).
    let reach = words[..i - 1]
        .iter()
        .rev()
        .take(ANTECEDENT_REACH)
        .take_while(|&&(s, e)| {
            let w = &before[s..e];
            !(is_be(w) || is_have(w) || w == "by" || w == "said")
        })
        .last()
        .map_or(ps, |w| w.0);
    Some(from + phrase_start.max(reach).min(ps))
}

/// A subject interrupted before its verb by a clause set off with commas: a non-restrictive
/// relative ("Turkey, which views the YPG as an extension of the PKK, has threatened") or a
/// participle with its agent ("The PKK, designated a terrorist group by Turkey, announced"),
/// unless the participle joins the agent to the doing (`participating`: "backed by"). The verb at
/// folded `verb` is the subject's; the names inside the interruption describe it and take no
/// part. Returns the folded bounds of the subject (from the previous comma or the window's
/// start) and where the interruption that follows it ends (the comma closing it).
pub(crate) fn interrupted_subject(
    f: &str,
    verb: usize,
    participating: &[String],
) -> Option<((usize, usize), usize)> {
    let from = f.floor_char_boundary(verb.saturating_sub(ANTECEDENT_WINDOW));
    let before = f.get(from..verb)?;
    // The verb's own clause opens at the last comma; nothing but a comma may close the
    // interruption.
    let close = before.rfind(',')?;
    if before[close..].contains([';', ':', '"']) {
        return None;
    }
    let commas: Vec<usize> = before[..close].match_indices(',').map(|(i, _)| i).collect();
    for (k, &open) in commas.iter().enumerate() {
        let next = before[open + 1..].split_whitespace().next().unwrap_or("");
        // "Syrian forces, backed by the coalition, raided": who backs takes part.
        if participating.iter().any(|p| p == next) {
            return None;
        }
        // A past form after a comma is as often the subject's own verb ("Kurt Volker, shifted
        // his account"): only its agent makes it a participle.
        let opener = RELATIVE_PRONOUNS.contains(&next)
            || (next.len() > 3
                && participle_at(before, open + 1 + before[open + 1..].find(next)?)
                && before[open..close].contains(" by "));
        if !opener {
            continue;
        }
        let subject_start = if k == 0 { 0 } else { commas[k - 1] + 1 };
        if before[subject_start..open].trim().is_empty()
            || before[subject_start..close].contains([';', ':', '"'])
        {
            return None;
        }
        return Some(((from + subject_start, from + open), from + close));
    }
    None
}

pub(crate) use dateline_tagger::ascii_alphanumeric;

/// Whether the character at byte `i` of `f` (a character boundary) is a letter or a digit, and
/// its length in bytes (0 past the end). Folded text is mostly ASCII, read without decoding.
#[inline(always)]
pub(crate) fn alphanumeric_at(f: &str, i: usize) -> (bool, usize) {
    match f.as_bytes().get(i) {
        None => (false, 0),
        Some(&b) if b.is_ascii() => (ascii_alphanumeric(b), 1),
        Some(_) => (f.get(i..).and_then(|s| s.chars().next()))
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// Byte spans of the words of folded text: runs of letters, digits and inner apostrophes.
pub(crate) fn word_spans(f: &str) -> Vec<(usize, usize)> {
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
        // Inside the word an apostrophe counts too.
        loop {
            while b
                .get(i)
                .is_some_and(|&x| ascii_alphanumeric(x) || x == b'\'')
            {
                i += 1;
            }
            match b.get(i) {
                Some(x) if !x.is_ascii() => {
                    let (inner, len) = alphanumeric_at(f, i);
                    if !inner {
                        break;
                    }
                    i += len;
                }
                _ => break,
            }
        }
        out.push((start, i));
    }
    out
}

/// A form of "be" (lower case).
pub(crate) fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re"
    )
}

/// Whether a name after a verb is its object: nothing but a noun phrase's opening words stand
/// between (`gap`, from the verb to the name), no preposition, whose object it would be ("hosted
/// the talks between Baghdad and Erbil"), and it does not own the object (`after`, the text
/// after the name: "welcomed Iraq's decision").
pub(crate) fn heads_the_object(gap: &str, after: &str) -> bool {
    const PREPOSITIONS: [&str; 14] = [
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "between", "among", "about",
        "over", "against",
    ];
    let owns = after.starts_with("'s") || after.starts_with("\u{2019}s");
    !owns
        && !gap
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
}

/// The last word of `text` (letters and digits), past trailing spaces and punctuation.
pub(crate) fn last_word(text: &str) -> Option<&str> {
    text.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
}

/// A possessive determiner (lower case): "its troops" are the speaker's own.
pub(crate) fn is_possessive(w: &str) -> bool {
    matches!(w, "its" | "their" | "his" | "her" | "our" | "my" | "your")
}

/// Whether what is said, `gap` (printed, from the verb of saying to the happening's verb), names
/// its own subject with a name no dictionary knows: a capitalised word after the last "that"
/// (before it the frame of the saying, "said in a Facebook post that"), not a pronoun, a
/// determiner, nor a month or a weekday. "The New York Times reported that WeWork is preparing"
/// is WeWork's, not the newspaper's.
pub(crate) fn names_a_subject(gap: &str) -> bool {
    /// Capitalised at a clause's start without naming anyone.
    const NO_NAMES: [&str; 14] = [
        "i", "we", "you", "he", "she", "it", "they", "the", "a", "an", "this", "that", "these",
        "those",
    ];
    let said = gap.rsplit_once(" that ").map_or(gap, |(_, s)| s);
    said.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.starts_with(char::is_uppercase))
        .any(|w| {
            let lower = w.to_lowercase();
            !(is_possessive(&lower)
                || NO_NAMES.contains(&lower.as_str())
                || dateline_core::time::is_calendar_name(w))
        })
}

/// Most words between a verb of saying and the head of a noun phrase opening what is said ("said
/// that the repeated attacks …").
const NOUN_PHRASE_OPENING: usize = 4;

/// Whether `gap` (folded) can open a noun phrase right after a verb of saying: a few words, none
/// of them a pronoun, a possessive, a modal or a form of "be" or "have" (which make it a clause of
/// its own: "said it would strike", "said its strikes").
pub(crate) fn opens_noun_phrase(gap: &str) -> bool {
    // Read no further than one word past the limit: a long gap stays cheap.
    let words: Vec<&str> = gap
        .split_whitespace()
        .take(NOUN_PHRASE_OPENING + 1)
        .collect();
    words.len() <= NOUN_PHRASE_OPENING
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_possessive(w)
                && !is_be(w)
                && !is_have(w)
                && !SUBJECT_PRONOUNS.contains(w)
                && !MODALS.contains(w)
                && *w != "to"
        })
}

/// Subject pronouns (lower case).
const SUBJECT_PRONOUNS: [&str; 7] = ["it", "they", "he", "she", "we", "i", "you"];

/// Modal verbs (lower case).
const MODALS: [&str; 9] = [
    "will", "would", "could", "can", "may", "might", "must", "should", "shall",
];

/// A form of "have" (lower case).
pub(crate) fn is_have(w: &str) -> bool {
    matches!(w, "has" | "have" | "had" | "having" | "'ve")
}

/// Words that may stand between "has" and its participle ("has again offered", "has reportedly
/// conceded", "have been killed").
const PERFECT_GAP: usize = 3;

/// Whether the verb at `start` of folded `f` is in the present perfect ("has refused", "have
/// been killed", "has reportedly conceded"): news English tells what just happened so, undated.
pub(crate) fn present_perfect_at(f: &str, start: usize) -> bool {
    if !participle_at(f, start) {
        return false;
    }
    let before: Vec<&str> = (f[..start].split_whitespace().rev())
        .take(PERFECT_GAP + 1)
        .collect();
    for (i, &w) in before.iter().take(PERFECT_GAP).enumerate() {
        match w {
            "has" => return true,
            // Not after a modal or "to": "may have joined", "states to have signed" tell no
            // happening of the news.
            "have" | "'ve" => {
                return before
                    .get(i + 1)
                    .is_none_or(|w| *w != "to" && !MODALS.contains(w));
            }
            "been" | "not" | "also" | "again" | "already" | "now" | "just" => {}
            w if w.ends_with("ly") => {}
            _ => return false,
        }
    }
    false
}

/// Whether token `i` heads a clause's own verb phrase, as PETRARCH codes only the verb phrase of
/// a clause: a finite verb ("struck", "signs"), a base form after a modal or "to" ("will meet",
/// "decided to withdraw"), a participle after "be" or "have" ("was killed", "has signed",
/// "are fighting"). Gerunds and participles standing alone modify something else ("boosting
/// the capabilities", "forces backed by Iran").
pub(crate) fn finite(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    use dateline_tagger::Tag;
    let aux = |want: &dyn Fn(&str, Tag) -> bool| {
        tokens[..i]
            .iter()
            .rev()
            .take(4)
            .take_while(|t| {
                t.tag.is_verb() || matches!(t.tag, Tag::RB | Tag::MD | Tag::TO) || t.text == "not"
            })
            .any(|t| want(&t.text.to_ascii_lowercase(), t.tag))
    };
    // After a determiner, a possessive or an adjective the word heads a noun phrase whatever the
    // tagger said ("US retaliatory strikes", "the group's attacks").
    if i > 0
        && matches!(
            tokens[i - 1].tag,
            Tag::DT | Tag::PRPS | Tag::POS | Tag::JJ | Tag::JJR | Tag::JJS | Tag::CD
        )
        && !day_of_month_before(tokens, i)
    {
        return false;
    }
    match tokens[i].tag {
        Tag::VBD | Tag::VBZ | Tag::VBP => true,
        // After "to" the verb completes another ("agreed to set up"): that one is coded.
        Tag::VB => {
            aux(&|w, t| t == Tag::MD || matches!(w, "do" | "does" | "did"))
                || listed_past(tokens, i)
        }
        Tag::VBN => {
            aux(&|w, _| is_be(w) || is_have(w) || w == "got" || w == "get")
                || past_after_subject(tokens, i)
        }
        Tag::VBG => aux(&|w, _| is_be(w)),
        _ => false,
    }
}

/// Whether finite verb `i` narrates in the past: "struck", "was killed", "had agreed" (reported
/// speech backshifts the simple past). The present ("says"), the perfect ("has refused") and the
/// future tell no happening of a day before the one they are told on.
pub(crate) fn told_in_past(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    use dateline_tagger::Tag;
    match tokens[i].tag {
        Tag::VBD => true,
        Tag::VBN => {
            let aux = (tokens[..i].iter().rev().take(4))
                .map(|t| t.text.to_ascii_lowercase())
                .find(|w| w != "been" && w != "not" && !w.ends_with("ly"));
            // "had" backshifts a past told in the past ("said it had distributed"), not one told
            // in the present ("Israel says the system had allowed …").
            let told_now = || {
                (tokens[..i].iter()).any(|t| {
                    matches!(t.tag, Tag::VBZ | Tag::VBP)
                        && !is_be(&t.text.to_ascii_lowercase())
                        && !is_have(&t.text.to_ascii_lowercase())
                })
            };
            match aux.as_deref() {
                Some("was" | "were") => true,
                Some("had") => !told_now(),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Verbs whose past form is their base form: a tagger may read "beat" in "stopped a convoy, beat
/// two drivers and seized the cargo" as the base form.
const PAST_AS_BASE: [&str; 16] = [
    "beat",
    "hit",
    "cut",
    "put",
    "set",
    "shut",
    "spread",
    "hurt",
    "cast",
    "let",
    "burst",
    "upset",
    "broadcast",
    "quit",
    "shed",
    "thrust",
];

/// A verb of [`PAST_AS_BASE`] listed after a comma or "and" among verbs in the past, with its
/// object after it, is in the past too ("stopped a convoy, beat two drivers and seized …").
fn listed_past(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    use dateline_tagger::Tag;
    let word = tokens[i].text.to_ascii_lowercase();
    if i == 0 || !PAST_AS_BASE.contains(&word.as_str()) {
        return false;
    }
    let listed = matches!(tokens[i - 1].text, "," | "and");
    let object = tokens.get(i + 1).is_some_and(|t| {
        t.tag.is_noun() || matches!(t.tag, Tag::DT | Tag::CD | Tag::PRP | Tag::PRPS)
    });
    let past_before = tokens[..i - 1]
        .iter()
        .rev()
        .take(SOLE_VERB_REACH)
        .any(|t| t.tag == Tag::VBD);
    listed && object && past_before
}

/// Tokens after a past form read for a verb in a tense before the sentence ends.
const SOLE_VERB_REACH: usize = 40;

/// Where a closing attribution begins in `tokens` (a sentence's rest, its final stop left out):
/// after its last comma, a few words whose only verb in a tense is one of saying (", a police
/// source said", ", officials told Reuters", ", said the ministry").
fn attribution_start(tokens: &[dateline_tagger::Token]) -> Option<usize> {
    use dateline_tagger::Tag;
    let comma = tokens.iter().rposition(|t| t.text == ",")?;
    let tail = &tokens[comma + 1..];
    let saying = |t: &dateline_tagger::Token| {
        matches!(
            t.text.to_ascii_lowercase().as_str(),
            "said" | "says" | "told" | "tells" | "added" | "reported"
        )
    };
    let tensed =
        |t: &&dateline_tagger::Token| matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD);
    (tail.len() <= ATTRIBUTION_WORDS
        && tail.iter().filter(tensed).count() == 1
        && tail.iter().filter(tensed).all(saying))
    .then_some(comma)
}

/// The most words a closing attribution may have (", a spokesman for the local health
/// directorate said").
const ATTRIBUTION_WORDS: usize = 10;

/// A past form the tagger read as a participle where it is the sentence's main verb: the first
/// verb, straight after a noun (its subject), with an object straight after ("soldiers arrested
/// 12 men", "forces seized the town"). Taggers trained on running text read a past form after a
/// plural noun as a reduced relative ("the men arrested on Monday"), which has no object there.
/// An apposition may stand between the subject and the verb.
fn past_after_subject(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    use dateline_tagger::Tag;
    let (Some(before), Some(after)) = (i.checked_sub(1).map(|k| &tokens[k]), tokens.get(i + 1))
    else {
        return false;
    };
    // No verb before it in its clause: a phrase fronted up to a comma has its own ("Soon after
    // he spoke, riot police fired tear gas").
    let no_verb_before = |end: usize| {
        let start = tokens[..end]
            .iter()
            .rposition(|t| matches!(t.text, "," | ";" | ":"))
            .map_or(0, |c| c + 1);
        !tokens[start..end]
            .iter()
            .any(|t| t.tag.is_verb() || t.tag == Tag::MD)
    };
    // A base form straight after the past form, a noun after it, opens the object ("troops
    // fired tear gas", which taggers read as "tear/VB") or completes the verb ("helped train
    // Iraqi troops"): either way the past form is the clause's verb. So does a gerund, the
    // object of a verb of saying or doing ("the ministry denied ordering a shutdown").
    let object = matches!(
        after.tag,
        Tag::DT
            | Tag::CD
            | Tag::PRP
            | Tag::PRPS
            | Tag::NNP
            | Tag::NNPS
            | Tag::NNS
            | Tag::JJR
            | Tag::VBG
    ) || after.tag == Tag::VB && tokens.get(i + 2).is_some_and(|t| t.tag.is_noun());
    // Nor any verb in a tense after it, to the sentence's end: a sentence has a finite verb
    // ("The US military retaliated by striking …"). Read within a few words, so a long sentence
    // stays linear.
    let sole_verb = || {
        let rest = &tokens[i + 1..];
        let end = rest
            .iter()
            .take(SOLE_VERB_REACH)
            .position(|t| matches!(t.text, "." | "!" | "?"))
            .or((rest.len() <= SOLE_VERB_REACH).then_some(rest.len()));
        // A closing attribution is no verb of the sentence's own (", a police source said.").
        let end = end.map(|end| attribution_start(&rest[..end]).unwrap_or(end));
        end.is_some_and(|end| {
            !rest[..end]
                .iter()
                .any(|t| matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD))
        })
    };
    // "by" before a noun phrase names a passive's doer ("killed by the blast"); before anything
    // else it tells how ("retaliated by striking").
    let agent_follows = after.text == "by"
        && tokens.get(i + 2).is_some_and(|t| {
            t.tag.is_noun()
                || t.tag.is_adj()
                || matches!(t.tag, Tag::DT | Tag::PRPS | Tag::CD | Tag::PRP)
        });
    if before.tag.is_noun() {
        return no_verb_before(i) && (object || !agent_follows && sole_verb());
    }
    // A date between the subject and the verb ("the Treasury on January 19 imposed sanctions",
    // "the EU on May 2 called on …"): no reduced relative follows a date, so with an object or
    // a preposition after it the past form is the clause's verb.
    if day_of_month_before(tokens, i) {
        return no_verb_before(i) && (object || after.tag == Tag::IN && after.text != "by");
    }
    // A name's abbreviation in brackets stands for it ("The United Nations mission (UNAMI)
    // called on …"); taggers read the past form after the bracket as a participle, yet no
    // reduced relative follows an abbreviation: a preposition may open its object ("called on").
    if before.text == ")"
        && let Some(open) = tokens[..i - 1]
            .iter()
            .rev()
            .take(6)
            .position(|t| t.text == "(")
            .map(|k| i - 2 - k)
        && open > 0
        && tokens[open - 1].tag.is_noun()
    {
        return no_verb_before(i) && (object || after.tag == Tag::IN && after.text != "by");
    }
    // After an apposition (which may hold a participle of its own: "The group, founded in 2014,
    // attacked …") a singular noun is an object too: no reduced relative follows a comma so.
    apposition_opening(tokens, i - 1)
        .is_some_and(|p| no_verb_before(p) && (object || after.tag == Tag::NN))
}

/// Token `i` follows a day of the month ("on January 19 imposed"): a date, not a number
/// counting the noun after it.
fn day_of_month_before(tokens: &[dateline_tagger::Token], i: usize) -> bool {
    i >= 2
        && tokens[i - 1].tag == dateline_tagger::Tag::CD
        && dateline_core::time::month_number(tokens[i - 2].text).is_some()
}

/// Where the apposition closed by the comma `c` opens, when `c` closes one after a noun ("The
/// Coordination Framework, the largest bloc in parliament, backed …"): the comma before it, which
/// follows a noun.
fn apposition_opening(tokens: &[dateline_tagger::Token], c: usize) -> Option<usize> {
    if tokens[c].text != "," {
        return None;
    }
    let p = tokens[..c].iter().rposition(|t| t.text == ",")?;
    (p > 0 && tokens[p - 1].tag.is_noun()).then_some(p)
}

/// Whether word `i` can be a verb here: not after a determiner, possessive or preposition that
/// makes it a noun ("the attack", "its visit", "of killing").
pub(crate) fn looks_verbal(words: &[&str], i: usize) -> bool {
    const NOMINAL: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
        "my", "your", "of", "any", "no", "every", "each", "such", "another", "s", "for", "new",
        "recent", "latest", "first", "last", "further",
    ];
    i == 0 || !NOMINAL.contains(&words[i - 1])
}

/// Clause bounds in a folded sentence: where one of `openers` (the lexicon's
/// `[grammar] clause_openers`: semicolons, commas before a coordinator or a subordinator that opens
/// a new happening) starts, and at `fronted`, the comma that ends a fronted phrase.
pub(crate) fn clauses(
    openers: &AhoCorasick,
    f: &str,
    fronted: Option<usize>,
) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = openers
        .find_overlapping_iter(f)
        .map(|m| m.start())
        .chain(fronted)
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        if c > start {
            out.push((start, c));
            start = c;
        }
    }
    out.push((start, f.len()));
    out
}

/// The word at `start` of folded text may be a past participle ("killed", "taken", "struck").
pub(crate) fn participle_at(f: &str, start: usize) -> bool {
    // "were killed." and "have been killed, officials said" end the word with punctuation.
    let verb = f[start..].split_whitespace().next().unwrap_or("");
    let verb = verb.trim_end_matches(|c: char| !c.is_alphanumeric());
    verb.ends_with("ed")
        || verb.ends_with("en")
        || verb.ends_with("wn")
        || matches!(
            verb,
            "held" | "hit" | "shot" | "struck" | "led" | "seen" | "met" | "fought"
        )
}

/// A form of "be" that makes the participle after it passive ("was killed", "are held").
pub(crate) fn is_passive_auxiliary(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "is" | "are")
}

/// "was rescued", "were killed", "has been detained": the subject undergoes the happening (but
/// "has been contributing" is progressive).
pub(crate) fn passive_before(f: &str, start: usize) -> bool {
    if !participle_at(f, start) {
        return false;
    }
    // "is opposed to", "are committed to", "was concerned about": a state of the subject, which
    // stays the one that acts (the preposition, not an agent, follows).
    let next = f[start..].split_whitespace().nth(1).unwrap_or("");
    if matches!(next, "to" | "about" | "with" | "that") {
        return false;
    }
    let words: Vec<&str> = f[..start].split_whitespace().rev().take(2).collect();
    let aux = is_passive_auxiliary;
    match words.as_slice() {
        [w, ..] if aux(w) => true,
        [adv, w, ..] if aux(w) && adv.ends_with("ly") => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::word_spans;

    /// The words as read one character at a time, the reading the byte-wise one must keep.
    fn by_chars(f: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in f.char_indices() {
            let inner = c.is_alphanumeric() || c == '\'' && start.is_some();
            match (inner, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, f.len()));
        }
        out
    }

    #[test]
    fn word_spans_read_as_characters_do() {
        for f in [
            "",
            "'",
            "a",
            "the forces' 'own' raid, 1,200 killed",
            "şanlıurfa—raqqa’s «x» don't 'tis",
            "naïve café's 3.5km é ' ''a'' b'",
            "\u{300}a\u{301} x\u{2019}y z\u{a0}w",
            "end'",
        ] {
            assert_eq!(word_spans(f), by_chars(f), "{f:?}");
        }
    }
}
