//! What a draft lacks, taken from the happening it refers back to or continues: its antecedent's
//! date, place and participants; else the date of the same happening told nearby, of a statement
//! already dated, or of a happening of the same kind by the same source in the paragraph.

use crate::actors::Who;
use crate::{Draft, Extractor, SidedActor};
use dateline_core::event::{EventType, Side};
use dateline_core::time::{self, Tense};
use regex::Regex;
use std::sync::LazyLock;

/// A verb of saying: the sentence reports a statement.
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|stated|told|added|statement)\b").expect("static regex")
});

/// Condemning a happening named by a definite noun ("condemned the attack", "denounced these
/// strikes"): the reaction is aimed at whoever did it.
static CONDEMNED_HAPPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:condemn|denounc|critici[sz]|slamm?|decr[iy]|deplor)\w*\s+(?:the|this|these|those|that|yesterday's|today's|last\s+\w+'s)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|bombings?|shelling|assaults?|raids?|killings?|bombardment|incursions?)\b",
    )
    .expect("static regex")
});

/// Welcoming a happening named by a definite noun ("welcomed the decision", "praised the
/// ceremony", "hailed the step"): the support goes to whoever did it.
static WELCOMED_HAPPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:welcom|prais|hail|laud|applaud|commend|salut)\w*\s+(?:the|this|these|those|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:decisions?|steps?|moves?|ceremony|agreements?|deal|announcement|initiative|release|withdrawal|ceasefire|truce|accord|measures?)\b",
    )
    .expect("static regex")
});

/// A time told from the happening before it ("A week earlier, …", "… two days later."): the
/// amount, the unit, the direction. Only where nothing follows but punctuation or the sentence's
/// end: "a week before the election" counts from the election. "On the same day", "earlier in
/// the day", "later that day" (or evening, night), "hours later", "hours after the shooting",
/// "within minutes of the speech", "by nightfall" tell the day of the happening before; so do
/// "during the sweep", "on the sidelines of the visit", a happening told before named as the
/// time of this one.
static TOLD_FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?\s+(earlier|before|later|after)\s*(?:[,.;:]|$)|\bthe\s+(previous|next|following)\s+(day|week|month)\b|\b((?:on\s+)?the\s+same\s+day|(?:earlier|later)\s+(?:in\s+the|that)\s+(?:day|morning|afternoon|evening|night)|(?:a\s+few\s+|several\s+|some\s+)?(?:hours|minutes)\s+(?:later|earlier|after\s+(?:the|that|this|its)\b)|within\s+(?:minutes|hours|an\s+hour)\s+of\s+(?:the|that|this|its|his|her|their)\b|by\s+(?:nightfall|dusk|sunset|evening)|(?:during|in\s+the\s+course\s+of)\s+(?:the|this|that|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:visit|meeting|talks|raid|sweep|operation|offensive|attack|clashes|summit|trip|tour|ceremony|session|assault|ambush|protests?|demonstrations?)\b|on\s+the\s+sidelines\s+of\s+(?:the|this|that|its|his|her|their)\b)",
    )
    .expect("static regex")
});

/// [`TOLD_FROM_BEFORE`] with ASCII word boundaries and case, which the regex engine's fast
/// automata keep to on text with curly quotes and accents: Unicode's would send every sentence
/// of the body through its slowest engine.
static TOLD_FROM_BEFORE_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?-u){}", TOLD_FROM_BEFORE.as_str())).expect("static regex")
});

/// A word each phrase of [`TOLD_FROM_BEFORE`] holds, lower case.
static TOLD_WORD: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            " day",
            "\nday",
            "\tday",
            "\u{a0}day",
            "week",
            "month",
            "hour",
            "minute",
            "morning",
            "afternoon",
            "evening",
            "night",
            "dusk",
            "sunset",
            "during",
            "course",
            "sidelines",
        ])
        .expect("static words")
});

/// A time told from the one before: its words, the amount (negative: earlier), the unit.
type Told = (String, i32, time::Shift);

/// A clause told from a time before it in its sentence ("The fighting erupted on July 13, two
/// days after gunmen abducted a merchant", "Sunday's strikes came three days after forces
/// raided …"): the happenings after it are that many units before (after) or after (before)
/// that time.
static TOLD_FROM_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?\s+(after|before)\s+\w",
    )
    .expect("static regex")
});

/// The last phrase of [`TOLD_FROM_TIME`] in `sentence` between `from` and `to`: where it starts,
/// its words ("two days after") and the shift it tells from the time before it to the happening
/// after it.
pub(crate) fn clause_told_from_time(
    sentence: &str,
    from: usize,
    to: usize,
) -> Option<(usize, &str, i32, time::Shift)> {
    let window = sentence.get(from..to)?;
    let c = TOLD_FROM_TIME.captures_iter(window).last()?;
    let amount = match c.get(1)?.as_str().to_ascii_lowercase().as_str() {
        "a" | "an" => 1,
        n => i32::try_from(crate::counts::number(n)?).ok()?,
    };
    let unit = match c.get(2)?.as_str().to_ascii_lowercase().as_str() {
        "day" => time::Shift::Days,
        "week" => time::Shift::Weeks,
        _ => time::Shift::Months,
    };
    let after = c.get(3)?.as_str().eq_ignore_ascii_case("after");
    let words = &window[c.get(0)?.start()..c.get(3)?.end()];
    Some((
        from + c.get(0)?.start(),
        words,
        if after { -amount } else { amount },
        unit,
    ))
}

/// The verbs that make a happening told before the subject of a time told from it: "The handover
/// came six days after …", "The raid follows a week after …".
const FOLLOWING_VERBS: [&str; 6] = [
    "came", "comes", "followed", "follows", "occurred", "happened",
];

/// A sentence whose subject is a happening already told, followed by a time told from it ("The
/// handover came six days after the coalition withdrew from K1"): where the phrase starts, its
/// words, and the shift from that happening to the one after the phrase. The subject is a few
/// words with no comma: a time of its own would be read by [`clause_told_from_time`] instead.
pub(crate) fn told_after_the_subject(sentence: &str) -> Option<(usize, &str, i32, time::Shift)> {
    // Most sentences say neither word: the regex is not run for them.
    let lower = sentence.to_ascii_lowercase();
    if !lower.contains(" after ") && !lower.contains(" before ") {
        return None;
    }
    let told = clause_told_from_time(sentence, 0, sentence.len())?;
    let before = sentence[..told.0].trim_end();
    let verb = before.rsplit(' ').next()?;
    let subject = before[..before.len() - verb.len()].trim_end();
    let lower = verb.to_ascii_lowercase();
    (FOLLOWING_VERBS.contains(&lower.as_str())
        && !subject.is_empty()
        && !subject.contains(',')
        && subject.split_whitespace().count() <= 6)
        .then_some(told)
}

/// Where `sentence` tells a time from the happening before it ([`TOLD_FROM_BEFORE`]): byte
/// spans, in order. Such a phrase parts a verb from its complement as a date does ("vowed the
/// next day to track down the killers").
pub(crate) fn told_from_before_spans(sentence: &str) -> Vec<(usize, usize)> {
    // Every sentence is asked and few hold one: words the phrases cannot do without are looked
    // for first (" day", not the "day" of "Monday"), the regex only where one stands.
    if !TOLD_WORD.is_match(sentence) {
        return Vec::new();
    }
    (TOLD_FROM_BEFORE_ASCII.find_iter(sentence))
        .map(|m| {
            let text = m.as_str().trim_end_matches([',', '.', ';', ':', ' ']);
            (m.start(), m.start() + text.len())
        })
        .collect()
}

/// The shift [`TOLD_FROM_BEFORE`] reads in `sentence`.
fn told_from_before(sentence: &str) -> Option<Told> {
    let c = TOLD_FROM_BEFORE.captures(sentence)?;
    let raw = c
        .get(0)?
        .as_str()
        .trim_end_matches([',', '.', ';', ':', ' '])
        .to_owned();
    let unit = |u: &str| match u.to_ascii_lowercase().as_str() {
        "day" => Some(time::Shift::Days),
        "week" => Some(time::Shift::Weeks),
        "month" => Some(time::Shift::Months),
        _ => None,
    };
    if let (Some(n), Some(u), Some(dir)) = (c.get(1), c.get(2), c.get(3)) {
        let amount = match n.as_str().to_ascii_lowercase().as_str() {
            "a" | "an" => 1,
            n => i32::try_from(crate::counts::number(n)?).ok()?,
        };
        let earlier = matches!(
            dir.as_str().to_ascii_lowercase().as_str(),
            "earlier" | "before"
        );
        return Some((
            raw,
            if earlier { -amount } else { amount },
            unit(u.as_str())?,
        ));
    }
    if c.get(6).is_some() {
        return Some((raw, 0, time::Shift::Days));
    }
    let (which, u) = (c.get(4)?, c.get(5)?);
    let amount = if which.as_str().eq_ignore_ascii_case("previous") {
        -1
    } else {
        1
    };
    Some((raw, amount, unit(u.as_str())?))
}

/// The sentences of the article, for the passes that look beyond one draft.
struct Sentences {
    /// Whether each sentence reports speech, read once: the passes ask for every pair.
    speech: Vec<bool>,
    /// Paragraph of each sentence: a blank line or a line break between two starts a new one.
    paragraphs: Vec<usize>,
    /// Whether each sentence tells of happenings repeated (`[grammar] iterative_adverbs`).
    iterative: Vec<bool>,
    /// Whether each sentence opens another happening's telling (`[grammar] separate_openers`).
    separate: Vec<bool>,
    /// Whether each sentence tells the next step of one told before (`[grammar]
    /// sequence_adverbs`).
    sequel: Vec<bool>,
}

impl Sentences {
    fn new(body: &str, spans: &[(usize, usize)], grammar: &crate::lexicon::Grammar) -> Sentences {
        let iterative_adverbs = &grammar.iterative_adverbs;
        let separate = spans
            .iter()
            .map(|&(s, e)| {
                let head = body[s..e].trim_start();
                grammar.separate_openers.iter().any(|o| {
                    head.get(..o.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(o))
                        && !head[o.len()..].starts_with(char::is_alphanumeric)
                })
            })
            .collect();
        let speech = spans
            .iter()
            .map(|&(s, e)| REPORTING.is_match(&body[s..e]))
            .collect();
        let listed = |list: &[String], w: &str| list.iter().any(|a| a.eq_ignore_ascii_case(w));
        let sequel = spans
            .iter()
            .map(|&(s, e)| {
                let words: Vec<&str> = body[s..e]
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .collect();
                words.iter().enumerate().any(|(i, w)| {
                    listed(&grammar.sequence_adverbs, w)
                        && !i
                            .checked_sub(1)
                            .is_some_and(|j| listed(&grammar.time_prepositions, words[j]))
                })
            })
            .collect();
        let iterative = spans
            .iter()
            .map(|&(s, e)| {
                body[s..e]
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| iterative_adverbs.iter().any(|a| a.eq_ignore_ascii_case(w)))
            })
            .collect();
        let mut paragraphs = Vec::with_capacity(spans.len());
        let mut p = 0usize;
        for (i, &(s, _)) in spans.iter().enumerate() {
            if i > 0 && body[spans[i - 1].1..s].contains('\n') {
                p += 1;
            }
            paragraphs.push(p);
        }
        Sentences {
            speech,
            paragraphs,
            iterative,
            separate,
            sequel,
        }
    }

    fn iterative(&self, d: &Draft) -> bool {
        self.iterative.get(d.sentence).copied().unwrap_or(false)
    }

    fn reports(&self, d: &Draft) -> bool {
        self.speech.get(d.sentence).copied().unwrap_or(false)
    }

    fn paragraph(&self, s: usize) -> usize {
        self.paragraphs.get(s).copied().unwrap_or(0)
    }
}

/// A draft whose date has a value.
fn dated(p: &Draft) -> bool {
    p.date.as_ref().is_some_and(|v| v.value.is_some())
}

impl Extractor {
    /// Fills gaps from the happening a mention refers back to or continues.
    pub(crate) fn inherit(
        &self,
        drafts: &mut [Draft],
        sentences: &[(usize, usize)],
        body: &str,
        anchor: Option<jiff::civil::Date>,
    ) {
        for i in 0..drafts.len() {
            let (before, rest) = drafts.split_at_mut(i);
            inherit_from_before(&mut rest[0], before, sentences, body, anchor);
        }
        date_told_from_before(drafts, sentences, body);
        let grammar = &self.triggers.grammar;
        self.date_from_neighbours(drafts, &Sentences::new(body, sentences, grammar));
    }

    /// Dates each undated draft that is its own happening (neither a reference back nor a
    /// standalone noun) from the drafts around it, as they were before this pass.
    fn date_from_neighbours(&self, drafts: &mut [Draft], sentences: &Sentences) {
        let snapshot: Vec<Draft> = drafts.to_vec();
        // The day of the telling carries on from a draft dated in this pass: the story's day,
        // once given, holds for what is told after it.
        let mut told = snapshot.clone();
        let grammar = &self.triggers.grammar;
        for (i, d) in drafts.iter_mut().enumerate() {
            // "Iran has repeatedly struck those groups": happenings repeated have no one
            // happening's date.
            if d.date.is_some() || d.anaphoric || d.standalone || sentences.iterative(d) {
                continue;
            }
            let source = self
                .same_happening_nearby(d, &snapshot)
                .or_else(|| self.earlier_statement(d, &snapshot, sentences))
                .or_else(|| self.same_kind_in_paragraph(d, &snapshot, sentences))
                .or_else(|| sourceless_sequel(d, &snapshot, sentences))
                .or_else(|| next_step(d, &snapshot, sentences))
                .or_else(|| day_of_the_telling(d, &told, sentences, grammar));
            if let Some(p) = source {
                d.date = p.date.clone();
                told[i].date = d.date.clone();
            }
        }
    }

    /// Same happening told twice nearby: a dated mention of the same type with the same source,
    /// within two sentences, the nearest (the earlier on a tie). Drafts are in sentence order,
    /// so the candidates are one window of them.
    fn same_happening_nearby<'d>(&self, d: &Draft, snapshot: &'d [Draft]) -> Option<&'d Draft> {
        let lo = snapshot.partition_point(|p| p.sentence + 2 < d.sentence);
        let hi = snapshot.partition_point(|p| p.sentence <= d.sentence + 2);
        let mut near: Vec<&Draft> = snapshot[lo..hi]
            .iter()
            .filter(|p| p.sentence != d.sentence && p.sentence.abs_diff(d.sentence) <= 2)
            .filter(|p| p.event_type == d.event_type)
            .filter(|p| dated(p))
            .filter(|p| self.share_source(&p.actors, &d.actors))
            .collect();
        near.sort_by_key(|p| (p.sentence.abs_diff(d.sentence), p.sentence > d.sentence));
        near.first().copied()
    }

    /// What a speaker says in an article is, unless dated otherwise, the statement already
    /// dated ("the ministry said in a statement on Friday" … "The ministry added …").
    fn earlier_statement<'d>(
        &self,
        d: &Draft,
        snapshot: &'d [Draft],
        sentences: &Sentences,
    ) -> Option<&'d Draft> {
        if !sentences.reports(d) {
            return None;
        }
        snapshot.iter().rev().find(|p| {
            p.sentence < d.sentence
                && sentences.reports(p)
                && dated(p)
                && self.share_source(&p.actors, &d.actors)
        })
    }

    /// A sentence that goes on about a happening of the same kind (the same PLOVER quad class:
    /// material conflict, verbal cooperation…) by the same source, in the same paragraph,
    /// continues it: "Turkish jets struck … on Monday. They also shelled …" The nearest such
    /// dated mention before it gives the date. (Any shared actor, or the next paragraph too,
    /// dated background sentences wrongly on the samples.)
    fn same_kind_in_paragraph<'d>(
        &self,
        d: &Draft,
        snapshot: &'d [Draft],
        sentences: &Sentences,
    ) -> Option<&'d Draft> {
        let para = sentences.paragraph(d.sentence);
        let start = snapshot.partition_point(|p| p.sentence < d.sentence);
        snapshot[..start]
            .iter()
            .rev()
            .take_while(|p| sentences.paragraph(p.sentence) == para)
            .find(|p| {
                p.sentence < d.sentence
                    && para == sentences.paragraph(p.sentence)
                    && p.event_type.quad_class() == d.event_type.quad_class()
                    && dated(p)
                    && self.share_source(&p.actors, &d.actors)
            })
    }

    fn share_source(&self, a: &[SidedActor], b: &[SidedActor]) -> bool {
        let sources = |v: &[SidedActor]| -> Vec<crate::actors::Who> {
            v.iter()
                .filter(|x| x.1 == Side::Source)
                .map(|x| x.0.clone())
                .collect()
        };
        let (sa, sb) = (sources(a), sources(b));
        sa.iter().any(|x| sb.contains(x))
    }
}

/// A happening nobody is named doing, told right after a dated one of the same type — in the
/// same paragraph or the next — goes on telling it: "Iran's Revolutionary Guards struck the
/// bases early on Monday. ¶ The party's headquarters was hit by at least four missiles …".
/// News copy names the doer and the day once, in the lead; the sentences after it give the
/// damage. A happening with a doer of its own is left to the rules above.
fn sourceless_sequel<'d>(
    d: &Draft,
    snapshot: &'d [Draft],
    sentences: &Sentences,
) -> Option<&'d Draft> {
    if d.actors.iter().any(|a| a.1 == Side::Source)
        || sentences.separate.get(d.sentence).copied().unwrap_or(false)
    {
        return None;
    }
    last_told_before(d, snapshot, sentences, |p| p.event_type == d.event_type)
}

/// The last draft before `d`'s sentence, in its paragraph or the one before, that `which`
/// picks, when it is dated.
fn last_told_before<'d>(
    d: &Draft,
    snapshot: &'d [Draft],
    sentences: &Sentences,
    which: impl Fn(&Draft) -> bool,
) -> Option<&'d Draft> {
    let para = sentences.paragraph(d.sentence);
    let start = snapshot.partition_point(|p| p.sentence < d.sentence);
    let p = snapshot[..start]
        .iter()
        .rev()
        .take_while(|p| sentences.paragraph(p.sentence) + 1 >= para)
        .find(|p| which(p))?;
    dated(p).then_some(p)
}

/// "Ground forces then swept the valley": the next step of the happening told last, in its
/// paragraph or the one before, of any kind, happened on its day.
fn next_step<'d>(d: &Draft, snapshot: &'d [Draft], sentences: &Sentences) -> Option<&'d Draft> {
    if !sentences.sequel.get(d.sentence).copied().unwrap_or(false) {
        return None;
    }
    last_told_before(d, snapshot, sentences, |p| p.date.is_some())
}

/// News copy gives a story's day once: a happening narrated in the past with no time of its own
/// ("Security forces also seized two explosive belts", "Araji urged other countries …") happened
/// on the day of the nearest dated happening told before it, in its paragraph or the one before
/// (one this rule dated counts: `snapshot` holds the dates it gave, so the day carries on).
/// Not the perfect or the present ("Israel has rejected calls", "aid groups say"), not from a
/// bound (`[grammar] time_prepositions`: "since late May", "by September"), and not in a
/// sentence that dates a happening itself.
fn day_of_the_telling<'d>(
    d: &Draft,
    snapshot: &'d [Draft],
    sentences: &Sentences,
    grammar: &crate::lexicon::Grammar,
) -> Option<&'d Draft> {
    // A sentence that dates a happening of its own left this one's date open on purpose ("The
    // violence came a day after protesters stormed the consulate … on Wednesday night").
    let dates_its_own = || {
        let at = snapshot.partition_point(|p| p.sentence < d.sentence);
        (snapshot[at..].iter())
            .take_while(|p| p.sentence == d.sentence)
            .any(|p| p.own_date)
    };
    if !d.narrated || d.recent || dates_its_own() {
        return None;
    }
    let bound = |raw: &str| {
        let first = raw.split_whitespace().next().unwrap_or("");
        (grammar.time_prepositions.iter()).any(|p| p.eq_ignore_ascii_case(first))
    };
    last_told_before(d, snapshot, sentences, dated).filter(|p| {
        p.date
            .as_ref()
            .and_then(|v| v.raw.as_deref())
            .is_none_or(|raw| !bound(raw))
    })
}

/// "A week earlier, Iraqi jets struck …": an undated draft whose sentence tells its time from
/// the happening before it is dated from the nearest earlier draft dated to the day.
fn date_told_from_before(drafts: &mut [Draft], sentences: &[(usize, usize)], body: &str) {
    // The sentences that date a happening themselves, in order (drafts are).
    let mut dated_sentences: Vec<usize> = (drafts.iter())
        .filter(|p| p.own_date)
        .map(|p| p.sentence)
        .collect();
    dated_sentences.dedup();
    // Each sentence read once, however many drafts it holds.
    let mut read: Option<(usize, Option<Told>)> = None;
    for i in 0..drafts.len() {
        let (before, rest) = drafts.split_at_mut(i);
        let d = &mut rest[0];
        if d.date.is_some() || d.anaphoric {
            continue;
        }
        if read.as_ref().is_none_or(|(s, _)| *s != d.sentence) {
            let sentence = sentences.get(d.sentence).and_then(|&(s, e)| body.get(s..e));
            // Only where the sentence dates none of its happenings itself: "The violence came a
            // day after protesters stormed the consulate on Wednesday night" names its day.
            let dated_itself = dated_sentences.binary_search(&d.sentence).is_ok();
            let after_subject = |s: &str| {
                told_after_the_subject(s)
                    .filter(|_| !dated_itself)
                    .map(|(_, words, amount, unit)| (words.to_owned(), amount, unit))
            };
            read = Some((
                d.sentence,
                sentence.and_then(|s| told_from_before(s).or_else(|| after_subject(s))),
            ));
        }
        let Some((_, Some((raw, amount, unit)))) = &read else {
            continue;
        };
        let from = (before.iter().rev())
            .filter(|p| p.sentence < d.sentence)
            .find_map(|p| p.date.as_ref().filter(|v| v.value.is_some()));
        if let Some(v) = from.and_then(|v| time::shifted(raw, v, *amount, *unit)) {
            d.date = Some(v);
            d.own_date = true;
        }
    }
}

/// The happening `d` refers back to: the last earlier one of its type for "the meeting", any
/// within the last two sentences for "They discussed".
fn antecedent<'d>(d: &Draft, before: &'d [Draft]) -> Option<&'d Draft> {
    if d.anaphoric {
        before
            .iter()
            .rev()
            .find(|p| p.event_type == d.event_type && p.sentence < d.sentence)
    } else if d.continuation {
        before
            .iter()
            .rev()
            .find(|p| p.sentence < d.sentence && d.sentence - p.sentence <= 2)
    } else {
        None
    }
}

/// What `d` takes from the drafts before it: its antecedent's date, place and participants, the
/// participants of the happening it continues, or the date of the sentence before.
fn inherit_from_before(
    d: &mut Draft,
    before: &[Draft],
    sentences: &[(usize, usize)],
    body: &str,
    anchor: Option<jiff::civil::Date>,
) {
    let antecedent = antecedent(d, before);
    if let Some(a) = antecedent {
        d.resolved = d.anaphoric;
        if d.date.is_none() {
            d.date = a.date.clone();
        }
        if d.place.is_none() {
            d.place = a.place.clone();
        }
        // Same happening: its participants are this mention's too.
        for x in &a.actors {
            if !d.actors.iter().any(|y| y.0 == x.0) {
                d.actors.push(x.clone());
            }
        }
    }
    // An actorless happening right after one of the same kind continues its participants
    // ("He was 17 at the time of his arrest"; "Another session is planned next week" after "a
    // first session of talks in Ankara"). Of several in that sentence, the first: its main
    // clause, the news, before any told "as" or "while" it happened.
    let previous = before.partition_point(|p| p.sentence + 1 < d.sentence);
    if d.actors.is_empty()
        && let Some(p) = before[previous..].iter().find(|p| {
            p.sentence + 1 == d.sentence
                && !p.actors.is_empty()
                && (p.event_type == d.event_type || d.mode == "intent to meet")
        })
    {
        d.actors = p.actors.clone();
    }
    aim_at_the_condemned(d, before, sentences, body);
    aim_at_the_welcomed(d, before, sentences, body);
    // A definite reference with no antecedent in the body and no date of its own (the lead is
    // missing): date it from the sentence just before, if that one has a time.
    if d.anaphoric && antecedent.is_none() && d.date.is_none() && d.sentence > 0 {
        let (ps, pe) = sentences[d.sentence - 1];
        let prev = &body[ps..pe];
        d.date = time::scan(prev)
            .first()
            .map(|t| time::resolve_mention(&t.text, anchor, Tense::Past))
            .filter(|v| v.value.is_some());
    }
}

/// "Shibani welcomed the decision": support without a target of its own that names a happening
/// already reported goes to that happening's source: the nearest happening before it in the
/// article, by someone else, that is a deed or a decision (not words or a meeting: "welcomed
/// the step" after "held talks" welcomes no talks).
fn aim_at_the_welcomed(d: &mut Draft, before: &[Draft], sentences: &[(usize, usize)], body: &str) {
    let is_source =
        |p: &Draft, who: &Who| (p.actors.iter()).any(|a| a.1 == Side::Source && a.0 == *who);
    let reaction = Reaction {
        kind: EventType::Support,
        names: &WELCOMED_HAPPENING,
    };
    aim_reaction(d, before, sentences, body, reaction, |d, p| {
        p.sentence < d.sentence
            && !matches!(
                p.event_type,
                EventType::Support
                    | EventType::Accuse
                    | EventType::Consult
                    | EventType::Request
                    | EventType::Threaten
            )
            && (p.actors.iter()).any(|a| a.1 == Side::Source && !is_source(d, &a.0))
    });
}

/// "Iraq condemned the attack": a condemnation without a target of its own that names a
/// happening already reported is aimed at that happening's source (the nearest attack before it
/// in the article, a riot counted: "protesters stormed the consulate … Tehran condemned the
/// attack").
fn aim_at_the_condemned(d: &mut Draft, before: &[Draft], sentences: &[(usize, usize)], body: &str) {
    let reaction = Reaction {
        kind: EventType::Accuse,
        names: &CONDEMNED_HAPPENING,
    };
    aim_reaction(d, before, sentences, body, reaction, |_, p| {
        let violent = p.event_type == EventType::Assault
            || (p.event_type == EventType::Protest && p.mode == "riot");
        violent && p.actors.iter().any(|a| a.1 == Side::Source)
    });
}

/// A reaction of type `kind` whose sentence names a happening reported before (`names`).
struct Reaction<'a> {
    kind: EventType,
    names: &'a Regex,
}

/// Aims a reaction with no target of its own at the source of the nearest earlier happening
/// `reacted_to` accepts.
fn aim_reaction(
    d: &mut Draft,
    before: &[Draft],
    sentences: &[(usize, usize)],
    body: &str,
    reaction: Reaction,
    reacted_to: impl Fn(&Draft, &Draft) -> bool,
) {
    if d.event_type != reaction.kind || d.actors.iter().any(|a| a.1 == Side::Target) {
        return;
    }
    let Some(&(start, end)) = sentences.get(d.sentence) else {
        return;
    };
    if !reaction.names.is_match(&body[start..end]) {
        return;
    }
    let Some(happening) = before.iter().rev().find(|p| reacted_to(d, p)) else {
        return;
    };
    for a in happening.actors.iter().filter(|a| a.1 == Side::Source) {
        if !d.actors.iter().any(|y| y.0 == a.0) {
            d.actors.push((a.0.clone(), Side::Target, a.2, a.3));
        }
    }
}
