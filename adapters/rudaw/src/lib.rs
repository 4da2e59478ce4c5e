//! Layout rules for Rudaw English article pages (rudaw.net).
//!
//! A Rudaw article page reads, top to bottom:
//!
//! ```text
//! headline                                     may be missing from a copy
//! 01-09-2024                                   date line, day first
//! Rudaw                                        byline: the organisation or a reporter's name
//! Also in Iraq / related headlines             optional, boilerplate
//! A+ A-                                        font-size control: the story starts below it
//! … Photo: <credit>                            optional photo caption
//! ERBIL, Kurdistan Region - …                  the story, dateline opening its first paragraph
//! Comments / Rudaw moderates all comments …    comment policy: the story has ended
//! The Latest / - / headline / lead …           sidebar teasers, each a story of its own
//! ```
//!
//! Copies often lose the top of the page (headline, date line, byline). The title then stays empty —
//! a caption is never promoted to headline. A caption dates its photo, not the story: the date stays
//! unknown unless the lead reports the pictured event on the caption day's weekday.
//!
//! A saved HTML page is first cut down to what a copy shows (see [`view`]); its markup then adds
//! certainty about which line is a headline, and its declared metadata fills what the copy lost.

mod rules;
mod view;

use crate::rules::RULES;
use dateline_core::adapter::AdapterError;
use dateline_core::text::{ends_mid_sentence, split_dateline};
use dateline_core::time::MONTH_RE;
use dateline_core::{Adapter, ArticleDraft, BlockKind, DateOrder, Detection, Page, ParseContext};
use regex::Regex;
use std::sync::LazyLock;

pub struct Rudaw;

const OUTLET: &str = "Rudaw";
/// The header (headline, date line, byline) sits in the first lines; a date-like line further down
/// belongs to the story.
const HEADER_WINDOW: usize = 6;

/// `01-09-2024`, optionally with a clock time.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?:\s*[-,|]?\s*\d{1,2}:\d{2})?$")
        .expect("static regex")
});
/// A caption ends with its credit: `… Photo: Sudani's office`, `File photo: AFP`, `Photo by X/AFP`.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:photos?|image|graphic|screengrab)(?:\s*:|\s+by\s)\s*[^:!?\s][^:!?]{0,59}\)?$",
    )
    .expect("static regex")
});
/// The event date a caption gives: `… on April 24, 2025. Photo: …`.
static CAPTION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bon\s+({MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_RE},?\s+\d{{4}})\b"
    ))
    .expect("static regex")
});
/// Old photos reused for a new story do not date it.
static FILE_PHOTO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:file|archive)\s+photo").expect("static regex"));
/// Rudaw's own dateline: `ERBIL, Kurdistan Region -`.
static KURDISTAN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*, Kurdistan Region\s*[-–—]\s")
        .expect("static regex")
});

impl Adapter for Rudaw {
    fn id(&self) -> &'static str {
        "rudaw"
    }

    fn version(&self) -> &'static str {
        // 2: reads saved HTML pages too. 3: a caption's date dates the story only when the lead
        // reports the pictured event on that day's weekday. 4: fields printed side by side in one
        // block, the declared headline, buttons and tag list read whatever the markup's shape.
        // 5: a text copy's date and byline printed on one line ("By X | 15-11-2022"). 6: a copy
        // cut inside the story's last sentence is truncated.
        "6"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["rudaw.net"]
    }

    fn names(&self) -> &'static [&'static str] {
        &[OUTLET, "Rudaw Media Network"]
    }

    fn detect(&self, page: &Page) -> Detection {
        let blocks = view::visible(page);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let r = &*RULES;
        let font_control = format!("{:?} font control", r.font_control);
        let latest = format!("{:?} sidebar", r.latest);
        let post_comment = format!("{:?}", r.post_comment);
        // Whole lines only: other sites quote Rudaw stories with "A+ A-" buried inside a paragraph.
        // A font control, a numeric date line, a "The Latest" box, a comment button and a Kurdistan
        // dateline (copied along with Rudaw stories) are on many sites' pages and sum to 45 at most;
        // a claim needs furniture that names Rudaw: its comment policy or its name as the byline
        // under the date line.
        let signals: [(bool, u32, &str); 7] = [
            (texts.contains(&r.font_control.as_str()), 20, &font_control),
            (
                texts
                    .iter()
                    .any(|t| t.starts_with(r.comment_policy.as_str())),
                45,
                "Rudaw comment policy",
            ),
            (
                texts
                    .iter()
                    .take(HEADER_WINDOW)
                    .any(|t| DATE_LINE.is_match(t)),
                10,
                "DD-MM-YYYY date line at the top",
            ),
            (
                texts
                    .iter()
                    .take(2 * HEADER_WINDOW)
                    .any(|t| KURDISTAN_DATELINE.is_match(t)),
                5,
                "\"…, Kurdistan Region -\" dateline",
            ),
            (
                texts
                    .windows(2)
                    .take(HEADER_WINDOW)
                    .any(|w| DATE_LINE.is_match(w[0]) && w[1] == OUTLET),
                35,
                "\"Rudaw\" byline under the date line",
            ),
            (texts.contains(&r.latest.as_str()), 5, &latest),
            (texts.contains(&r.post_comment.as_str()), 5, &post_comment),
        ];
        Detection::from_signals(&signals)
    }

    fn parse(
        &self,
        page: &Page,
        ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let blocks = view::visible(page);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
        // The page's own headline, when its markup declares one, opens the story: what stands above
        // it (a breaking-news ticker, breadcrumbs) is the page's, whatever its classes.
        let top = page
            .declared_headline(blocks.iter().map(|b| b.as_ref()))
            .unwrap_or(0);
        let mut main = main_story(&texts[top..], &kinds[top..]);
        main.url = ctx.capture.url.clone();
        fill_from_meta(&mut main, page);
        let mut drafts = vec![main];
        if let Some(latest) = texts.iter().position(|t| *t == RULES.latest) {
            drafts.extend(latest_teasers(&texts[latest + 1..]));
        }
        Ok(drafts)
    }
}

dateline_core::register_adapter!(Rudaw);

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Strips closing quotes and brackets, so `programs.”` ends with its full stop.
fn last_mark(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
}

fn is_caption(s: &str) -> bool {
    words(s) <= 80 && PHOTO_CREDIT.is_match(s) && split_dateline(s).is_none()
}

/// Headlines are short and never end like a sentence or a clause.
fn reads_as_headline(s: &str) -> bool {
    (1..=25).contains(&words(s))
        && !last_mark(s).ends_with(['.', '…', ',', ';', ':'])
        && !is_caption(s)
}

/// A headline by the markup when it says so (a heading element, or a paragraph that is none), else by
/// the text.
fn is_headline(s: &str, kind: BlockKind) -> bool {
    kind.headline_evidence()
        .unwrap_or_else(|| reads_as_headline(s))
}

/// A byline is a name: a few capitalised words, no digits, no sentence punctuation.
fn byline(s: &str) -> Option<String> {
    let name = s.strip_prefix("By ").unwrap_or(s).trim();
    let ok = (1..=6).contains(&words(name))
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.chars().any(|c| c.is_ascii_digit())
        && !name.ends_with(['.', '!', '?', ':', ','])
        && name != RULES.font_control
        && !name.starts_with(RULES.also_in.as_str())
        && !is_caption(name);
    ok.then(|| name.to_owned())
}

/// Where the story stops: the comment policy block or the sidebar, whichever comes first.
fn story_end(texts: &[&str]) -> usize {
    let r = &*RULES;
    let comments_below = |t: &str| t.starts_with(r.comment_policy.as_str()) || t == r.post_comment;
    (0..texts.len())
        .find(|&i| {
            let t = texts[i];
            let next = texts.get(i + 1).copied().unwrap_or("");
            t.starts_with(r.comment_policy.as_str())
                || t.starts_with(r.tags.as_str())
                || t == r.post_comment
                || t == r.latest
                || (t == r.comment_heading && comments_below(next))
        })
        .unwrap_or(texts.len())
}

/// A header line holding the date with the byline or the font control, as a copy prints the
/// inline fields of one meta block on one line ("By Rudaw | 15-11-2022", "01-09-2024 · Rudaw ·
/// A+ A-"): the date and the byline, if any.
fn meta_line(s: &str) -> Option<(&str, Option<&str>)> {
    let parts: Vec<&str> = s
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let day = *parts.iter().find(|p| DATE_LINE.is_match(p))?;
    let mut author = None;
    for p in parts.iter().filter(|p| **p != day) {
        if *p == RULES.font_control {
            continue;
        }
        // Anything else but one byline makes it no meta line.
        if author.is_some() || byline(p).is_none() {
            return None;
        }
        author = Some(p.strip_prefix("By ").unwrap_or(p));
    }
    Some((day, author))
}

/// What the lines above the story say about it.
#[derive(Debug, Default)]
struct Header {
    title: String,
    date: Option<String>,
    author: Option<String>,
    caption: Option<String>,
    /// First line of the story proper.
    body_start: usize,
}

/// `kinds` gives each line's block kind (all `Line` for a text copy).
fn read_header(texts: &[&str], kinds: &[BlockKind]) -> Header {
    let font = texts.iter().position(|t| *t == RULES.font_control);
    let window = font.unwrap_or(texts.len().min(HEADER_WINDOW));
    // A related-headlines list closes the header's own lines.
    let own_end = texts[..window]
        .iter()
        .position(|t| t.starts_with(RULES.also_in.as_str()))
        .unwrap_or(window);
    let own: Vec<(&str, BlockKind)> = texts[..own_end]
        .iter()
        .zip(kinds.iter().chain(std::iter::repeat(&BlockKind::Line)))
        .filter(|(t, _)| !is_caption(t))
        .map(|(t, k)| (*t, *k))
        .collect();
    let date = own
        .iter()
        .position(|(t, _)| DATE_LINE.is_match(t) || meta_line(t).is_some());
    let mut h = Header::default();
    // The last line of the header, where the story starts after.
    let mut last_line: Option<&str> = None;
    match date {
        Some(d) => {
            let (day, author) = meta_line(own[d].0).unwrap_or((own[d].0, None));
            h.date = Some(day.to_owned());
            if let Some((title, kind)) = d.checked_sub(1).map(|i| own[i])
                && is_headline(title, kind)
            {
                h.title = title.to_owned();
            }
            last_line = Some(own[d].0);
            h.author = author.map(str::to_owned).or_else(|| {
                let next = own.get(d + 1)?.0;
                let name = byline(next)?;
                last_line = Some(next);
                Some(name)
            });
        }
        None if font.is_some() => {
            if let Some(i) = own.iter().position(|(t, k)| is_headline(t, *k)) {
                h.title = own[i].0.to_owned();
                h.author = own.get(i + 1).and_then(|(t, _)| byline(t));
            }
        }
        // Neither font control nor date line: the top of the page was not captured.
        None => return headless(texts, kinds),
    }
    h.body_start = match (font, date) {
        (Some(f), _) => f + 1,
        (None, _) => {
            // Header lines end with the byline (or the date line when there is none).
            let last = last_line
                .or(h.author.as_deref())
                .or(h.date.as_deref())
                .unwrap_or("");
            texts[..window]
                .iter()
                .position(|t| *t == last || t.strip_prefix("By ") == Some(last))
                .map_or(0, |i| i + 1)
        }
    };
    h.caption = texts[..h.body_start]
        .iter()
        .find(|t| is_caption(t))
        .map(|t| (*t).to_owned());
    h
}

/// A copy that starts below the header: a headline is recognised only directly above the
/// caption or the dateline paragraph, so a short first paragraph is never taken for one.
fn headless(texts: &[&str], kinds: &[BlockKind]) -> Header {
    let mut h = Header::default();
    let Some(first) = texts.first() else {
        return h;
    };
    let kind = kinds.first().copied().unwrap_or(BlockKind::Line);
    let next = texts[1..].iter().find(|t| !is_caption(t));
    if is_headline(first, kind) && next.is_some_and(|t| split_dateline(t).is_some()) {
        h.title = (*first).to_owned();
        h.body_start = 1;
    }
    h
}

fn main_story(texts: &[&str], kinds: &[BlockKind]) -> ArticleDraft {
    let end = story_end(texts);
    let header = read_header(&texts[..end], kinds);
    let mut caption = header.caption;
    let mut body: Vec<String> = Vec::new();
    let mut in_related = false;
    for t in &texts[header.body_start.min(end)..end] {
        if *t == RULES.font_control {
            continue;
        }
        // A related-headlines list below the header when the font control was not captured.
        if body.is_empty() && t.starts_with(RULES.also_in.as_str()) {
            in_related = true;
            continue;
        }
        if in_related && reads_as_headline(t) {
            continue;
        }
        in_related = false;
        if is_caption(t) {
            // Only the photo above the story is its caption; photos inside it are dropped from the
            // text, as a reader skips them.
            if caption.is_none() && body.is_empty() {
                caption = Some((*t).to_owned());
            }
            continue;
        }
        // The font control run into the story's first line.
        let t = t
            .strip_prefix(RULES.font_control.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .unwrap_or(t);
        body.push(t.to_owned());
    }
    let (published, published_basis) = match header.date {
        Some(d) => (Some(d), None),
        None => match caption.as_deref().and_then(caption_date) {
            Some(d) if lead_reports_that_day(body.first().map(String::as_str), &d) => {
                (Some(d), Some("photo caption".to_owned()))
            }
            _ => (None, None),
        },
    };
    ArticleDraft {
        outlet: Some(OUTLET.to_owned()),
        title: header.title,
        author: header.author,
        published,
        published_basis,
        date_order: DateOrder::DayFirst,
        dateline: body.first().and_then(|p| split_dateline(p)),
        caption,
        // The site prints its comment policy or its teasers after every story: a copy that ends
        // inside the story's last sentence instead was saved before the page had loaded.
        truncated: end == texts.len() && body.last().is_some_and(|p| ends_mid_sentence(p)),
        body,
        ..Default::default()
    }
}

/// A saved HTML page declares what its visible text may have lost; the visible layout wins, but a
/// declared date beats one read from a caption.
fn fill_from_meta(draft: &mut ArticleDraft, page: &Page) {
    let meta = &page.meta;
    if draft.title.is_empty() {
        // Not `<title>`: it carries the site's name as a suffix.
        if let Some(h) = &meta.headline {
            draft.title = h.clone();
        }
    }
    if draft.author.is_none() {
        draft.author = meta.author.clone();
    }
    let visible_date = draft.published.is_some() && draft.published_basis.is_none();
    if !visible_date && let Some(p) = &meta.published {
        draft.published = Some(p.clone());
        draft.published_basis = None;
    }
}

/// The day a caption says the photo was taken (`on April 24, 2025`), unless it is a file photo.
fn caption_date(caption: &str) -> Option<String> {
    if FILE_PHOTO.is_match(caption) {
        return None;
    }
    CAPTION_DATE
        .captures(caption)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

/// A caption dates the photo, not the story: old photos illustrate new stories. The caption's day is
/// the story's only when the lead reports the pictured event on that day's weekday ("on Thursday
/// received …" under a photo "on April 24, 2025", a Thursday): news names the weekday only within
/// the week it reports, so the story appeared that day or within days of it.
fn lead_reports_that_day(lead: Option<&str>, caption_day: &str) -> bool {
    let Some(lead) = lead else {
        return false;
    };
    let day = dateline_core::time::resolve_published(caption_day, None, DateOrder::DayFirst);
    let Some(date) = day.start_date() else {
        return false;
    };
    let weekday = format!("{:?}", date.weekday());
    let sentence = lead.split(['.', '!', '?']).next().unwrap_or(lead);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].eq_ignore_ascii_case("on") && w[1] == weekday)
}

/// True when the lead holds at least one whole sentence, not only a snippet cut with "…".
fn has_full_sentence(lead: &str) -> bool {
    let cut = lead.trim_end().ends_with("...") || lead.trim_end().ends_with('…');
    let kept = lead
        .trim_end()
        .trim_end_matches(['.', '…'])
        .trim_end_matches(char::is_whitespace);
    let inner_end = kept
        .char_indices()
        .any(|(i, c)| matches!(c, '.' | '!' | '?') && kept[i + 1..].starts_with(' '));
    words(lead) >= 8 && (inner_end || (!cut && last_mark(lead).ends_with(['.', '!', '?'])))
}

/// "The Latest": bullets ("-"), each followed by a headline and its lead paragraph.
fn latest_teasers(texts: &[&str]) -> Vec<ArticleDraft> {
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    // Date lines by the index their teaser will have in `items`.
    let mut dates: std::collections::BTreeMap<usize, String> = Default::default();
    for t in texts {
        if RULES.ends_sidebar(t) {
            break;
        }
        if matches!(*t, "-" | "–" | "•") {
            items.extend(current.take());
            continue;
        }
        if let Some(headline) = t.strip_prefix("- ") {
            items.extend(current.take());
            current = Some((headline.trim().to_owned(), Vec::new()));
            continue;
        }
        match current.as_mut() {
            None => current = Some(((*t).to_owned(), Vec::new())),
            // A date under a teaser's headline is its own, not part of its lead.
            Some((_, lead)) if lead.is_empty() && DATE_LINE.is_match(t) => {
                dates.insert(items.len(), (*t).to_owned());
            }
            Some((_, lead)) if !lead.is_empty() && reads_as_headline(t) => {
                items.extend(current.take());
                current = Some(((*t).to_owned(), Vec::new()));
            }
            Some((_, lead)) => lead.push((*t).to_owned()),
        }
    }
    items.extend(current);
    items
        .into_iter()
        .enumerate()
        .filter(|(_, (_, lead))| lead.first().is_some_and(|p| has_full_sentence(p)))
        .map(|(i, (title, body))| ArticleDraft {
            outlet: Some(OUTLET.to_owned()),
            title,
            published: dates.remove(&i),
            date_order: DateOrder::DayFirst,
            dateline: body.first().and_then(|p| split_dateline(p)),
            body,
            truncated: true,
            ..Default::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::adapter::MIN_SCORE;

    fn parse(text: &str) -> Vec<ArticleDraft> {
        let texts: Vec<String> = Page::from_text(text).texts().map(str::to_owned).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut drafts = vec![main_story(&texts, &plain(&texts))];
        if let Some(l) = texts.iter().position(|t| *t == RULES.latest) {
            drafts.extend(latest_teasers(&texts[l + 1..]));
        }
        drafts
    }

    /// Block kinds of a text copy: every line a `Line`.
    fn plain(texts: &[&str]) -> Vec<BlockKind> {
        vec![BlockKind::Line; texts.len()]
    }

    fn score(text: &str) -> u8 {
        Rudaw.detect(&Page::from_text(text)).score
    }

    const POLICY: &str = "Comments\n\nRudaw moderates all comments submitted on our website. We welcome comments.\n\nPost a comment\n\nRequired\n";

    /// A copy that ends inside the story's last sentence, before the comment policy every story
    /// page prints, was cut by the saver.
    #[test]
    fn a_copy_cut_inside_the_story_is_truncated() {
        let story = "Floods close the road to Halabja\n\n12-04-2024\n\n\
                     HALABJA, Kurdistan Region - Heavy rain closed the road on Friday.\n\n\
                     Engineers said repairs would take";
        assert!(parse(story)[0].truncated);
        assert!(!parse(&format!("{story} a week.\n\n{POLICY}"))[0].truncated);
    }

    /// The date, the byline and the font control printed on one line, as a copy flattens one
    /// meta block of inline fields, are read as on their own lines.
    #[test]
    fn meta_fields_on_one_line_give_date_and_byline() {
        for meta in [
            "By Hiwa Omar | 03-02-2024",
            "03-02-2024 | Hiwa Omar | A+ A-",
        ] {
            let page = format!(
                "Drone strike hits truck near Penjwen\n\n{meta}\n\n\
                 SULAIMANI, Kurdistan Region - A drone struck a truck near Penjwen on Friday.\n\n\
                 Nobody was hurt.\n\n{POLICY}"
            );
            let d = &parse(&page)[0];
            assert_eq!(d.title, "Drone strike hits truck near Penjwen", "{meta}");
            assert_eq!(d.published.as_deref(), Some("03-02-2024"), "{meta}");
            assert_eq!(d.author.as_deref(), Some("Hiwa Omar"), "{meta}");
            assert_eq!(d.body.len(), 2, "{meta}: {:?}", d.body);
        }
        // A sentence with a date and a bar is no meta line.
        assert_eq!(
            meta_line("Talks resumed on 03-02-2024 | officials said more was needed"),
            None
        );
    }

    #[test]
    fn full_header_gives_title_date_byline() {
        let page = format!(
            "Gunmen kill two soldiers in Kirkuk\n\n12-03-2025\nSura Ali\nA+ A-\n\n\
             ERBIL, Kurdistan Region - Two Iraqi soldiers were killed on Tuesday.\n\u{a0}\n\
             The attack took place at night.\n\n{POLICY}"
        );
        let d = &parse(&page)[0];
        assert_eq!(d.title, "Gunmen kill two soldiers in Kirkuk");
        assert_eq!(d.published.as_deref(), Some("12-03-2025"));
        assert_eq!(d.published_basis, None);
        assert_eq!(d.date_order, DateOrder::DayFirst);
        assert_eq!(d.author.as_deref(), Some("Sura Ali"));
        assert_eq!(d.outlet.as_deref(), Some("Rudaw"));
        assert_eq!(
            d.body,
            vec![
                "ERBIL, Kurdistan Region - Two Iraqi soldiers were killed on Tuesday.",
                "The attack took place at night."
            ]
        );
        let dl = d.dateline.as_ref().map(|d| d.place.as_str());
        assert_eq!(dl, Some("ERBIL, Kurdistan Region"));
        assert!(!d.truncated);
    }

    #[test]
    fn also_in_list_is_not_title_byline_or_body() {
        let page = "Coalition hands over base\n\n02-05-2025\nRudaw\nAlso in Iraq\n\n\
                    Parliament delays vote\n\nOil exports rise\n\nA+ A-\n\n\
                    ERBIL, Kurdistan Region - The coalition handed over a base.\n";
        let d = &parse(page)[0];
        assert_eq!(d.title, "Coalition hands over base");
        assert_eq!(d.author.as_deref(), Some("Rudaw"));
        assert_eq!(
            d.body,
            vec!["ERBIL, Kurdistan Region - The coalition handed over a base."]
        );
    }

    #[test]
    fn caption_goes_to_caption_and_dates_a_headless_copy() {
        let page = format!(
            "\nTroops leave Ain al-Asad on March 3, 2025. Photo: Iraqi Security Media Cell\n\
             ERBIL, Kurdistan Region - Troops left the base on Monday.\n{POLICY}"
        );
        let d = &parse(&page)[0];
        assert_eq!(d.title, "", "a caption is never the title");
        assert_eq!(
            d.caption.as_deref(),
            Some("Troops leave Ain al-Asad on March 3, 2025. Photo: Iraqi Security Media Cell")
        );
        // March 3, 2025 was a Monday, the day the lead reports.
        assert_eq!(d.published.as_deref(), Some("March 3, 2025"));
        assert_eq!(d.published_basis.as_deref(), Some("photo caption"));
        assert_eq!(
            d.body,
            vec!["ERBIL, Kurdistan Region - Troops left the base on Monday."]
        );
    }

    #[test]
    fn a_caption_alone_never_dates_the_story() {
        // The only date on the page is the photo's: the story's stays unknown.
        let page = format!(
            "\nMasrour Barzani in Duhok on October 9, 2023. Photo: KRG\n\
             ERBIL, Kurdistan Region - The cabinet approved a budget for farmers.\n{POLICY}"
        );
        let d = &parse(&page)[0];
        assert_eq!(
            d.caption.as_deref(),
            Some("Masrour Barzani in Duhok on October 9, 2023. Photo: KRG")
        );
        assert_eq!(d.published, None);
        assert_eq!(d.published_basis, None);
        // A weekday that is not the photo's (October 9, 2023 was a Monday) does not date it either.
        let page = format!(
            "\nMasrour Barzani in Duhok on October 9, 2023. Photo: KRG\n\
             ERBIL, Kurdistan Region - The cabinet on Wednesday approved a budget.\n{POLICY}"
        );
        assert_eq!(parse(&page)[0].published, None);
        // Through the pipeline: `published.value` stays null.
        let capture = dateline_core::Capture::from_bytes(
            std::path::Path::new("headless.txt"),
            page.as_bytes(),
            dateline_core::Media::Text,
            Default::default(),
        )
        .expect("test capture");
        let page = Page::from_text(&capture.text);
        let articles = dateline_core::extract::extract_page(&capture, &page)
            .expect("extracted")
            .articles;
        assert_eq!(articles[0].published.value, None);
    }

    #[test]
    fn date_line_wins_over_caption_and_file_photos_do_not_date() {
        let page = "Title here\n01-09-2024\nRudaw\nA+ A-\n\
                    A meeting on August 3, 2024. Photo: AFP\n\
                    ERBIL, Kurdistan Region - Text.\n";
        let d = &parse(page)[0];
        assert_eq!(d.published.as_deref(), Some("01-09-2024"));
        assert_eq!(d.published_basis, None);
        assert_eq!(
            d.caption.as_deref(),
            Some("A meeting on August 3, 2024. Photo: AFP")
        );
        assert_eq!(
            caption_date("Sudani in Baghdad on May 2, 2023. File photo: Rudaw"),
            None
        );
        assert_eq!(
            caption_date("Sudani in Baghdad on 2 May 2023. Photo: Rudaw").as_deref(),
            Some("2 May 2023")
        );
    }

    #[test]
    fn declared_metadata_fills_what_the_text_lost() {
        let mut page = Page::from_text(
            "A meeting on April 2, 2025. Photo: AFP\nERBIL, Kurdistan Region - They met on Wednesday.\n",
        );
        page.meta.headline = Some("Declared headline".into());
        page.meta.published = Some("2025-04-03T10:00:00+03:00".into());
        let texts: Vec<&str> = page.texts().collect();
        let mut d = main_story(&texts, &plain(&texts));
        assert_eq!(d.published_basis.as_deref(), Some("photo caption"));
        fill_from_meta(&mut d, &page);
        assert_eq!(d.title, "Declared headline");
        assert_eq!(d.published.as_deref(), Some("2025-04-03T10:00:00+03:00"));
        assert_eq!(d.published_basis, None);

        let mut page = Page::from_text("Visible\n01-09-2024\nRudaw\nA+ A-\nBody.\n");
        page.meta.published = Some("2024-09-02".into());
        let texts: Vec<&str> = page.texts().collect();
        let mut d = main_story(&texts, &plain(&texts));
        fill_from_meta(&mut d, &page);
        assert_eq!(
            d.published.as_deref(),
            Some("01-09-2024"),
            "the date line wins"
        );
        assert_eq!(d.title, "Visible");
    }

    #[test]
    fn photos_inside_the_story_are_not_its_caption() {
        let page = "ERBIL, Kurdistan Region - Forces raided a hideout on Monday.\n                    The same valley on May 5, 2019. Photo: Rudaw\n                    Officials said more raids would follow.\n";
        let d = &parse(page)[0];
        assert_eq!(d.caption, None);
        assert_eq!(d.published, None, "an older photo must not date the story");
        assert_eq!(
            d.body,
            vec![
                "ERBIL, Kurdistan Region - Forces raided a hideout on Monday.",
                "Officials said more raids would follow."
            ]
        );
    }

    #[test]
    fn a_dated_teaser_keeps_its_date_out_of_the_lead() {
        let page = "T\n01-09-2024\nRudaw\nA+ A-\nERBIL, Kurdistan Region - Body.\nThe Latest\n-\n                    Mosul airport reopens\n31-08-2024\n                    The airport reopened on Sunday after a decade of closure.\n";
        let drafts = parse(page);
        assert_eq!(drafts.len(), 2);
        assert_eq!(drafts[1].published.as_deref(), Some("31-08-2024"));
        assert_eq!(
            drafts[1].body,
            vec!["The airport reopened on Sunday after a decade of closure."]
        );
    }

    #[test]
    fn latest_teasers_are_truncated_stories() {
        let page = format!(
            "T\n01-09-2024\nRudaw\nA+ A-\nERBIL, Kurdistan Region - Body.\n{POLICY}\n\
             The Latest\n\n-\n\nKirkuk projects halted\n\n\
             Residents have waited for years. Lack of funds has halted 400 projects.\n\n-\n\n\
             Mosul airport reopens\n\nThe airport reopened on Sunday after a decade.\n\n\
             -\n\nHeadline only teaser\n\nA snippet cut after a few words like this one...\n"
        );
        let drafts = parse(&page);
        assert_eq!(drafts.len(), 3, "{drafts:#?}");
        assert_eq!(drafts[0].body, vec!["ERBIL, Kurdistan Region - Body."]);
        assert_eq!(drafts[1].title, "Kirkuk projects halted");
        assert_eq!(
            drafts[1].body,
            vec!["Residents have waited for years. Lack of funds has halted 400 projects."]
        );
        assert!(drafts[1].truncated);
        assert_eq!(drafts[1].published, None);
        assert_eq!(drafts[1].outlet.as_deref(), Some("Rudaw"));
        assert_eq!(drafts[2].title, "Mosul airport reopens");
    }

    #[test]
    fn comment_policy_and_sidebar_never_reach_the_body() {
        let page = format!(
            "T\n01-09-2024\nRudaw\nA+ A-\nERBIL, Kurdistan Region - Body.\n{POLICY}The Latest\n-\n"
        );
        let drafts = parse(&page);
        assert_eq!(drafts.len(), 1);
        for d in &drafts {
            for p in &d.body {
                assert!(!p.contains("moderates") && p != "Post a comment" && p != "Required");
            }
        }
    }

    #[test]
    fn detects_rudaw_layouts() {
        let full =
            format!("T\n01-09-2024\nRudaw\nA+ A-\nERBIL, Kurdistan Region - Body.\n{POLICY}");
        assert!(score(&full) >= 90);
        let headless =
            format!("A photo. Photo: AFP\nERBIL, Kurdistan Region - Body text here.\n{POLICY}");
        assert!(score(&headless) >= MIN_SCORE);
        // Copied without the font control and the comments: the header still names Rudaw.
        let top_only = "Title\n\n01-09-2024\nRudaw\n\nERBIL, Kurdistan Region - Body text here.\n";
        assert!(score(top_only) >= MIN_SCORE);
        // Another site's furniture of the same kinds (font control, date line, "The Latest", comment
        // button, a copied Kurdistan dateline) names no Rudaw: no claim.
        let lookalike = "Title\n\n14-07-2025\nAhmed Ali\nA+ A-\n\
                         ERBIL, Kurdistan Region - Body text here.\nPost a comment\nThe Latest\n";
        assert!(score(lookalike) < MIN_SCORE, "{}", score(lookalike));
        // An aggregator's header prints the outlet above the date, never the bare byline below it.
        let aggregator = "Rudaw Net\n01-09-2024\n- Politics\n- Rudaw Net\nTitle\n\
                          ERBIL, Kurdistan Region - Body text here.\n";
        assert!(score(aggregator) < MIN_SCORE);
    }

    #[test]
    fn ignores_font_control_inside_a_long_line() {
        // How aggregators quote a Rudaw story: everything on one line.
        let quoted = "Rudaw Net\nan hour ago\n- Rudaw Net\nFemale force rescues woman\n\
                      Also in Syria Doctors recount violence A+ A- ERBIL, Kurdistan Region - A force rescued a woman.\n\
                      Latest news with #ISIS\n";
        assert!(score(quoted) < MIN_SCORE, "score {}", score(quoted));
    }

    #[test]
    fn markup_decides_the_headline() {
        let html = |top: &str| {
            let page = dateline_core::html::parse(&format!(
                "<body><article>{top}<div>01-09-2024</div><div>Rudaw</div><div>A+ A-</div>\
                 <p>ERBIL, Kurdistan Region - Body.</p></article></body>"
            ));
            let blocks = view::visible(&page);
            let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
            let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
            main_story(&texts, &kinds)
        };
        // A headline ending in a colon reads like a clause in a copy; the h1 says it is the headline.
        let d = html("<h1>Sudani to coalition commander: </h1>");
        assert_eq!(d.title, "Sudani to coalition commander:");
        assert_eq!(d.author.as_deref(), Some("Rudaw"));
        assert_eq!(d.body, vec!["ERBIL, Kurdistan Region - Body."]);
        // A short paragraph above the date line is not promoted to headline.
        let d = html("<p>Updated</p>");
        assert_eq!(d.title, "");
        assert_eq!(d.published.as_deref(), Some("01-09-2024"));
    }

    #[test]
    fn meta_fields_in_one_block_and_furniture_without_classes() {
        // The date, byline and font control as inline parts of one meta block, under a ticker and
        // breadcrumbs with no class words, with an ad label and a tag list in the story's column.
        let page = dateline_core::html::parse(
            "<html><head><meta property=\"og:title\" content=\"Gunmen kill two soldiers\"></head>\
             <body><div>Breaking</div><ul><li><a href=\"/x\">Drone strike hits village</a></li></ul>\
             <ol><li><a href=\"/\">Home</a></li><li>Iraq</li></ol><article><h1>Gunmen kill two soldiers</h1>\
             <div><span>01-09-2024</span> <span>Rudaw</span> <a href=\"#\">A+</a> <a href=\"#\">A-</a></div>\
             <p>ERBIL, Kurdistan Region - Two soldiers were killed.</p><div><span>Advertisement</span></div>\
             <p>The attack took place at night.</p><div><span>Tags:</span> <a href=\"#\">ISIS</a></div>\
             <h4>Subscribe to the newsletter</h4></article></body></html>",
        );
        let capture = dateline_core::Capture::from_bytes(
            std::path::Path::new("meta.html"),
            b"<html></html>",
            dateline_core::Media::Html,
            Default::default(),
        )
        .expect("test capture");
        let d = &Rudaw
            .parse(&page, &ParseContext { capture: &capture })
            .expect("parses")[0];
        assert_eq!(d.title, "Gunmen kill two soldiers");
        assert_eq!(d.published.as_deref(), Some("01-09-2024"));
        assert_eq!(d.author.as_deref(), Some("Rudaw"));
        assert_eq!(
            d.body,
            vec![
                "ERBIL, Kurdistan Region - Two soldiers were killed.",
                "The attack took place at night."
            ]
        );
    }
}
