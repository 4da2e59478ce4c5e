//! The first pass: the corpus reduced to rows. Articles become [`ArticleKey`]s (numbered in id
//! order) and mentions [`Coded`] rows of a few integers each, with the [`Statement`]s the
//! conflict passes compare, so a rebuild over a million mentions keeps them in scratch tables and
//! reads them back in the order it needs instead of holding gigabytes of JSON. Names, places and
//! texts become numbers ([`Interned`]); sentences stay in the store and are fetched again only
//! for the events and conflicts that need them.
//!
//! [`ArticleKey`]: crate::rows::ArticleKey

use crate::intern::Interned;
use crate::port::CompactStore;
use crate::rows::{Claimed, Coded, CodedActor, MentionFacts, Statement};
use crate::text::{content_words, is_negative, time_label};
use dateline_core::TimeValue;
use dateline_core::event::Side;
use dateline_core::time::{Tense, resolve_mention, scan};

/// Words before a claimed date that name what the date is about.
const KEY_WINDOW: usize = 8;

/// What [`keep_rows`] kept: articles numbered `0..articles`, statements `0..statements`.
pub(crate) struct Kept {
    pub(crate) articles: usize,
    pub(crate) statements: u32,
}

/// Numbers the articles and keeps their keys, then reads every mention once and keeps its
/// [`Coded`] row and its statements in the corpus.
pub(crate) fn keep_rows<C: CompactStore>(
    c: &mut C,
    interned: &mut Interned,
) -> Result<Kept, C::Error> {
    let articles = c.keep_keys()?;
    let mut statements = 0u32;
    c.keep_coded(&mut |article, handle, m, out| {
        let coded = code(interned, article as u32, handle, m);
        statements_of(interned, &coded, m, statements, out);
        statements += out.len() as u32;
        coded
    })?;
    Ok(Kept {
        articles,
        statements,
    })
}

/// Mention `m` (of article `article`, kept under `handle`) as a row.
fn code(interned: &mut Interned, article: u32, handle: u64, m: &MentionFacts) -> Coded {
    let bounds = m.date.bounds();
    // A person acts for the body they serve: "Sudani met …" and "the Iraqi government met …"
    // are one happening told twice, so the body counts as a name of the row too.
    let mut actors: Vec<CodedActor> = (m.actors.iter())
        .flat_map(|a| {
            let source = a.side == Side::Source;
            let body = a.organisation.as_deref().filter(|o| *o != a.name);
            [Some(a.name.as_str()), body]
                .into_iter()
                .flatten()
                .map(move |n| (n, source))
        })
        .map(|(n, source)| CodedActor::new(interned.names.id(n), source))
        .collect();
    actors.sort_unstable();
    actors.dedup();
    Coded {
        article,
        handle,
        kind: m.event_type,
        rank: bounds.and(m.date.precision).map_or(99, |p| p as u8),
        bounds,
        place: m.place.as_ref().map(|p| interned.place_id(p)),
        actors,
    }
}

/// Appends the conflict statements of mention `m` (coded as `coded`) to `out`, numbered from
/// `next`: the dates its sentence claims for something (with the topic words before them), then
/// its claim, if any.
fn statements_of(
    interned: &mut Interned,
    coded: &Coded,
    m: &MentionFacts,
    next: u32,
    out: &mut Vec<Statement>,
) {
    let first = out.len();
    let statement = |out: &Vec<Statement>, key: Box<[u32]>| Statement {
        id: next + (out.len() - first) as u32,
        article: coded.article,
        handle: coded.handle,
        event: None,
        names: coded.names().collect(),
        key,
        time: None,
        negative: false,
        claim: None,
    };
    for (key, tv) in claimed_times(m) {
        if let Some(time) = claimed(interned, &tv) {
            let key = interned.words(&key);
            out.push(Statement {
                time: Some(time),
                ..statement(out, key)
            });
        }
    }
    if let Some(c) = m.claim.as_deref() {
        let key = content_words(c);
        if !key.is_empty() {
            let negative = is_negative(c);
            let claim = interned.texts.id(&c.trim().to_lowercase());
            let key = interned.words(&key);
            out.push(Statement {
                negative,
                claim: Some(claim),
                ..statement(out, key)
            });
        }
    }
}

/// What the conflict check reads of a claimed time; `None` for a time without bounds.
fn claimed(interned: &mut Interned, tv: &TimeValue) -> Option<Claimed> {
    let bounds = tv.bounds()?;
    let label = time_label(tv);
    Some(Claimed {
        key: interned.texts.id(tv.value.as_deref().unwrap_or(&label)),
        label: interned.texts.id(&label),
        bounds,
    })
}

/// Dates a mention's sentence (or claim) states besides the happening's own date (a sentence
/// about yesterday's interview saying when a mission ends), each with the topic words before it.
fn claimed_times(m: &MentionFacts) -> Vec<(Vec<String>, TimeValue)> {
    let text = m.claim.as_deref().unwrap_or(&m.evidence.sentence);
    let own_raw = m.date.raw.as_deref().map(|r| r.trim().to_lowercase());
    scan(text)
        .into_iter()
        .filter(|f| own_raw.as_deref() != Some(f.text.trim().to_lowercase().as_str()))
        .filter_map(|f| {
            let tv = resolve_mention(&f.text, None, Tense::Future);
            tv.bounds()?;
            if tv.value.is_some() && tv.value == m.date.value {
                return None;
            }
            let before = text.get(..f.start)?;
            let tokens: Vec<&str> = before.split_whitespace().collect();
            let window = tokens[tokens.len().saturating_sub(KEY_WINDOW)..].join(" ");
            let key = content_words(&window);
            (key.len() >= 2).then_some((key, tv))
        })
        .collect()
}
