//! Layout rules for Baghdad Telegraph article pages (baghdadtelegraph.com, WordPress "Newspaper"
//! theme).
//!
//! ```text
//! Saturday, July 26, 2025        date bar: the day the page was seen, never the publication date
//! 48 C                           weather widget …
//! Baghdad                        … and its city
//! Iraq                           optional category label
//! headline
//! By Author - July 21, 2025      optional meta line(s) under the headline ("Author" + "July 21, 2025")
//! paragraphs …
//! Hot this week / Topics / Related Articles / Popular / Latest / More from author …
//!                                widgets: headlines with snippets cut with "...", never stories
//! ```
//!
//! The site never names itself in a text copy, so the page is known by its furniture: the date bar
//! with the weather widget under it, and the theme's widget headings. A saved HTML page is first cut
//! down to what a copy shows (see [`view`]); its markup then only adds certainty about the headline.

mod rules;
mod view;

use crate::rules::RULES;
use dateline_core::adapter::AdapterError;
use dateline_core::text::{ends_mid_sentence, split_dateline};
use dateline_core::time::MONTH_RE;
use dateline_core::{Adapter, ArticleDraft, BlockKind, DateOrder, Detection, Page, ParseContext};
use regex::Regex;
use std::sync::LazyLock;

pub struct BaghdadTelegraph;

const OUTLET: &str = "Baghdad Telegraph";

/// The date bar is the first line of the page; allow a stray line or two above it.
const TOP: usize = 3;
/// Meta lines (byline, date, share buttons, counters) the theme prints under the headline.
const META_WINDOW: usize = 8;
/// A photo caption is one sentence of a few words.
const MAX_CAPTION_WORDS: usize = 35;

/// `Saturday, July 26, 2025`.
static DATE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}$"
    ))
    .expect("static regex")
});
/// `48 C`, `31°C`, `-2 °F`, `25℃`.
static TEMPERATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^-?\d{1,2}(?:[.,]\d)?\s*(?:°?\s*[CF]|℃|℉)$").expect("static regex")
});
/// A photo caption's last words: the day the photo was taken (`… in Damascus on March 10, 2025.`).
static PHOTO_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\bon\s+{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}\.?$")).expect("static regex")
});
/// `By Ahmed Kareem - July 21, 2025`, `Ahmed Kareem | July 21, 2025`.
static BYLINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:By\s+)?(\S.{{0,58}}?)\s+[-–—|]\s+({MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})$"
    ))
    .expect("static regex")
});
/// `July 21, 2025 | Ahmed Kareem`: the same fields, date first.
static DATE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})\s+[-–—|·]\s+(?:By\s+)?(\S.{{0,58}}?)$"
    ))
    .expect("static regex")
});
/// `July 21, 2025`, `Published on July 21, 2025`.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:Published|Posted)(?:\s+on)?:?\s+)?({MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})$"
    ))
    .expect("static regex")
});
/// A modification date is not the publication date.
static UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:last\s+)?updated:?\s+(?:on\s+)?{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}"
    ))
    .expect("static regex")
});

impl Adapter for BaghdadTelegraph {
    fn id(&self) -> &'static str {
        "baghdad-telegraph"
    }

    fn version(&self) -> &'static str {
        // 2: reads saved HTML pages too. 3: byline fields side by side or apart, the declared
        // headline, menus above the date bar and ad labels read whatever the markup's shape.
        // 4: the date before the byline on one line ("July 27, 2025 | Ahmed Kareem"). 5: the
        // featured photo's caption, the category label above the headline even as a link, and a
        // copy cut inside the story's last sentence is truncated.
        "5"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["baghdadtelegraph.com"]
    }

    fn names(&self) -> &'static [&'static str] {
        &[OUTLET]
    }

    fn detect(&self, page: &Page) -> Detection {
        let blocks = view::visible(page, one_field);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let links: Vec<bool> = blocks.iter().map(|b| b.is_link()).collect();
        let bar = date_bar(&texts, &links);
        let weather = bar.is_some_and(|b| {
            texts
                .iter()
                .skip(b + 1)
                .take(2)
                .any(|t| TEMPERATURE.is_match(t))
        });
        let city = bar.is_some_and(|b| {
            weather
                && texts
                    .iter()
                    .skip(b + 2)
                    .take(1)
                    .any(|t| RULES.is_weather_city(t))
        });
        let detect = &RULES.detect;
        let hot_widget = format!("{:?} widget", detect.hot_widget);
        let topics_widget = format!("{:?} widget", detect.topics_widget);
        // The theme's furniture (date bar, weather widget, widget headings) is shared by every site of
        // the theme and sums to 45 at most; only the site's own weather city lifts it to a claim.
        let signals: [(bool, u32, &str); 6] = [
            (bar.is_some(), 15, "weekday date bar on top"),
            (weather, 10, "weather widget under the date bar"),
            (city, 40, "the site's weather city under the widget"),
            (
                texts
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(&detect.hot_widget)),
                10,
                &hot_widget,
            ),
            (
                texts.contains(&detect.topics_widget.as_str()),
                5,
                &topics_widget,
            ),
            (
                snippet_pairs(&texts) >= 2,
                5,
                "headline lists with snippets cut with \"...\"",
            ),
        ];
        Detection::from_signals(&signals)
    }

    fn parse(
        &self,
        page: &Page,
        ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let blocks = view::visible(page, one_field);
        let lines = Lines {
            texts: blocks.iter().map(|b| b.text.as_str()).collect(),
            kinds: blocks.iter().map(|b| b.kind).collect(),
            links: blocks.iter().map(|b| b.is_link()).collect(),
            headline: page.declared_headline(blocks.iter().map(|b| b.as_ref())),
        };
        let mut draft = story(&lines);
        // One story per page: the page's address is the story's.
        draft.url = ctx.capture.url.clone();
        Ok(vec![draft])
    }
}

dateline_core::register_adapter!(BaghdadTelegraph);

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A line the layout prints as one field, which a short block printing several side by side must
/// not be cut into: the date bar, the weather widget, a byline with its date, a date line.
pub(crate) fn one_field(t: &str) -> bool {
    DATE_BAR.is_match(t)
        || TEMPERATURE.is_match(t)
        || BYLINE_DATE.is_match(t)
        || DATE_BYLINE.is_match(t)
        || DATE_ONLY.is_match(t)
        || t.strip_prefix("By ")
            .is_some_and(|n| name_like(trim_name(n)))
}

/// Where the date bar is: among the first lines of the page, the page's menus (lines that are all
/// links) aside.
fn date_bar(texts: &[&str], links: &[bool]) -> Option<usize> {
    (0..texts.len())
        .filter(|&i| !links.get(i).copied().unwrap_or(false))
        .take(TOP)
        .find(|&i| DATE_BAR.is_match(texts[i]))
}

/// A name as a byline prints it, without the separator before the date that follows
/// (`Ahmed Kareem -`).
fn trim_name(s: &str) -> &str {
    s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ','))
}

/// View and comment counters the theme prints beside the byline.
fn is_counter(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// A person's name: a few words, capitalised, no digits, no sentence punctuation.
fn name_like(s: &str) -> bool {
    (1..=5).contains(&words(s))
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !s.ends_with(['.', '!', '?', ':', ',', ';'])
}

/// Headlines never end with a full stop: a copy that starts at the body has no title.
fn reads_as_headline(t: &str) -> bool {
    words(t) <= 30 && !t.ends_with('.')
}

/// A headline by the markup when it says so (a heading element is one whatever its punctuation, a
/// paragraph never), else by the text; a widget heading never.
fn is_headline(t: &str, kind: BlockKind) -> bool {
    !RULES.is_widget(t)
        && kind
            .headline_evidence()
            .unwrap_or_else(|| reads_as_headline(t))
}

/// No sentence ends inside the line ("… the talks. The two sides …").
fn one_sentence(t: &str) -> bool {
    let t = t.trim_end();
    !(t.char_indices()).any(|(i, c)| matches!(c, '.' | '!' | '?') && t[i + 1..].starts_with(' '))
}

/// A widget item: a headline followed by a snippet cut with "...".
fn snippet_pairs(texts: &[&str]) -> usize {
    texts
        .windows(2)
        .filter(|w| {
            let cut = w[1].ends_with("...") || w[1].ends_with('…');
            cut && !w[0].ends_with(['.', '…']) && words(w[1]) <= 20
        })
        .count()
}

/// The lines of a page as the layout rules read them.
struct Lines<'a> {
    texts: Vec<&'a str>,
    /// Each line's block kind: all `Line` for a text copy.
    kinds: Vec<BlockKind>,
    /// Whether each line is all link text (a menu item); never for a text copy.
    links: Vec<bool>,
    /// The page's headline as its markup declares it (`<h1>`, `og:title`).
    headline: Option<usize>,
}

fn story(lines: &Lines<'_>) -> ArticleDraft {
    let texts = &lines.texts[..];
    let kinds = &lines.kinds[..];
    let mut draft = ArticleDraft {
        outlet: Some(OUTLET.to_owned()),
        // The theme writes dates the US way ("July 21, 2025"); a numeric one would follow suit.
        date_order: DateOrder::MonthFirst,
        ..Default::default()
    };
    let mut i = 0;
    if let Some(bar) = date_bar(texts, &lines.links) {
        draft.page_date = Some(texts[bar].to_owned());
        i = bar + 1;
        if texts.get(i).is_some_and(|t| TEMPERATURE.is_match(t)) {
            i += 1;
            // The weather widget's city: one to three words, nothing else.
            if texts
                .get(i)
                .is_some_and(|t| words(t) <= 3 && name_like(t) && texts.len() > i + 1)
            {
                i += 1;
            }
        }
    }
    let label_like = |label: &str| words(label) <= 2 && name_like(label) && !RULES.is_widget(label);
    match lines.headline {
        // The markup says where the headline is: what stands between the top bar and it (menus,
        // the logo, ads, breadcrumbs) is the page's, but for a category label right above it, a
        // link to the category's page in the theme's markup.
        Some(h) if h >= i => {
            if h > i && label_like(texts[h - 1]) {
                draft.section = Some(texts[h - 1].to_owned());
            }
            i = h;
        }
        // A category label above the headline: one or two words over a longer line.
        _ => {
            if let (Some(label), Some(next)) = (texts.get(i), texts.get(i + 1))
                && label_like(label)
                && words(next) > 2
            {
                draft.section = Some((*label).to_owned());
                i += 1;
            }
        }
    }
    let kind = kinds.get(i).copied().unwrap_or(BlockKind::Line);
    if let Some(title) = texts.get(i).filter(|t| is_headline(t, kind)) {
        draft.title = (*title).to_owned();
        i += 1;
    }
    i = read_meta(texts, i, &mut draft);
    let end = texts[i.min(texts.len())..]
        .iter()
        .position(|t| RULES.is_widget(t))
        .map_or(texts.len(), |p| i + p);
    let body: Vec<(&str, BlockKind)> = (i.min(end)..end)
        .map(|k| (texts[k], kinds.get(k).copied().unwrap_or(BlockKind::Line)))
        .filter(|(t, _)| !RULES.is_skip(t))
        .collect();
    let (caption, body) = split_caption(body);
    draft.caption = caption;
    // The theme prints its widgets after every story: a copy that ends inside the story's last
    // sentence instead was saved before the page had loaded.
    draft.truncated = end == texts.len() && body.last().is_some_and(|p| ends_mid_sentence(p));
    draft.body = body;
    draft.dateline = draft.body.first().and_then(|p| split_dateline(p));
    draft
}

/// The featured photo's caption, and the story without it. The markup marks captions
/// (`<figcaption>`): the one above the story is its caption, and photos inside it are dropped
/// like Rudaw's. A text copy prints the caption as a line above the lead: a first line of one
/// short sentence that ends with the day the photo was taken, year and all ("… shake hands after
/// signing the agreement in Damascus on March 10, 2025."), which a lead never prints. (A line
/// above a lead that opens with its dateline was tried as well: over the bench corpus, whose
/// pages mix paragraphs, it took 22 story paragraphs for captions.)
fn split_caption(body: Vec<(&str, BlockKind)>) -> (Option<String>, Vec<String>) {
    let mut caption = None;
    let mut out = Vec::new();
    for (t, kind) in &body {
        if *kind == BlockKind::Caption {
            if caption.is_none() && out.is_empty() {
                caption = Some((*t).to_owned());
            }
            continue;
        }
        out.push((*t).to_owned());
    }
    if caption.is_none()
        && let [first, _, ..] = &out[..]
        && PHOTO_DAY.is_match(first)
        && split_dateline(first).is_none()
        && words(first) <= MAX_CAPTION_WORDS
        && one_sentence(first)
    {
        caption = Some(out.remove(0));
    }
    (caption, out)
}

/// Reads the byline and date lines under the headline; returns the first line of the body.
fn read_meta(texts: &[&str], start: usize, draft: &mut ArticleDraft) -> usize {
    let mut i = start;
    while i < texts.len() && i < start + META_WINDOW {
        let t = texts[i];
        if RULES.is_skip(t) || is_counter(t) || UPDATED.is_match(t) {
            i += 1;
            continue;
        }
        let fields = (BYLINE_DATE.captures(t).map(|c| (c.get(1), c.get(2))))
            .or_else(|| DATE_BYLINE.captures(t).map(|c| (c.get(2), c.get(1))));
        if let Some((name, date)) = fields {
            let name = trim_name(name.map_or("", |m| m.as_str()).trim());
            if name_like(name) {
                draft.author = Some(name.to_owned());
                draft.published = date.map(|m| m.as_str().to_owned());
                i += 1;
                continue;
            }
        }
        if let Some(c) = DATE_ONLY.captures(t) {
            draft.published = c.get(1).map(|m| m.as_str().to_owned());
            i += 1;
            continue;
        }
        if let Some(name) = t
            .strip_prefix("By ")
            .map(trim_name)
            .filter(|n| name_like(n))
        {
            draft.author = Some(name.trim().to_owned());
            i += 1;
            continue;
        }
        // "Author Name" on its own line, then the date line.
        let next = texts[i + 1..]
            .iter()
            .find(|n| !RULES.is_skip(n) && !is_counter(n));
        if draft.author.is_none()
            && name_like(trim_name(t))
            && next.is_some_and(|n| DATE_ONLY.is_match(n))
        {
            draft.author = Some(trim_name(t).to_owned());
            i += 1;
            continue;
        }
        break;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::adapter::MIN_SCORE;

    fn parse(text: &str) -> ArticleDraft {
        let page = Page::from_text(text);
        let texts: Vec<&str> = page.texts().collect();
        story(&Lines {
            kinds: vec![BlockKind::Line; texts.len()],
            links: vec![false; texts.len()],
            texts,
            headline: None,
        })
    }

    fn score(text: &str) -> u8 {
        BaghdadTelegraph.detect(&Page::from_text(text)).score
    }

    const WIDGETS_TAIL: &str = "\nHot this week\n\nIraqi Protests Surge\n\nOn Friday, hundreds of Iraqis gathered outside the...\n\n\
                                Topics\n\nPort Capacity Boost\n\nThe port capacity boost is gaining momentum, especially with...\n\n\
                                Related Articles\n";

    #[test]
    fn a_photo_caption_above_a_dateline_lead_is_no_paragraph() {
        let d = parse(&format!(
            "Saturday, July 26, 2025\n48 C\nBaghdad\n\nSecurity\n\nCurfew Lifted in Kirkuk\n\n\
             Rana Ali\n\nJuly 25, 2025\n\n\
             Police officers stand at a checkpoint in Kirkuk on July 24, 2025.\n\n\
             Kirkuk – The provincial council lifted the curfew on Friday.\n\nShops reopened.\n{WIDGETS_TAIL}"
        ));
        assert_eq!(
            d.caption.as_deref(),
            Some("Police officers stand at a checkpoint in Kirkuk on July 24, 2025.")
        );
        assert_eq!(
            d.dateline.as_ref().map(|p| p.place.as_str()),
            Some("Kirkuk")
        );
        assert_eq!(d.body.len(), 2);
        // A story's own sentence above a dateline paragraph stays the story's.
        let d = parse(&format!(
            "Saturday, July 26, 2025\n48 C\nBaghdad\n\nCurfew Lifted in Kirkuk\n\n\
             The council met after a week of unrest, officials said.\n\n\
             Kirkuk – The provincial council lifted the curfew on Friday.\n{WIDGETS_TAIL}"
        ));
        assert_eq!(d.caption, None);
        assert_eq!(d.body.len(), 2);
    }

    #[test]
    fn a_photo_day_ends_a_caption_line_and_a_cut_copy_is_truncated() {
        let d = parse(
            "Saturday, July 26, 2025\n48 C\nBaghdad\n\nTalks Resume in Ankara\n\n\
             Delegations meet at the foreign ministry in Ankara on July 22, 2025.\n\n\
             Iraqi and Turkish officials resumed water talks on Tuesday.\n\n\
             The two sides agreed to meet again in",
        );
        assert_eq!(
            d.caption.as_deref(),
            Some("Delegations meet at the foreign ministry in Ankara on July 22, 2025.")
        );
        assert!(d.truncated);
        assert_eq!(d.body.len(), 2);
    }

    #[test]
    fn date_bar_is_the_page_date_not_publication() {
        let d = parse(&format!(
            "Saturday, July 26, 2025\n48 C\nBaghdad\n\nTroops Leave Base\n\n\
             On Monday, troops left.\n\nThey will not return.\n{WIDGETS_TAIL}"
        ));
        assert_eq!(d.page_date.as_deref(), Some("Saturday, July 26, 2025"));
        assert_eq!(d.published, None);
        assert_eq!(d.title, "Troops Leave Base");
        assert_eq!(d.author, None);
        assert_eq!(d.outlet.as_deref(), Some("Baghdad Telegraph"));
        assert_eq!(
            d.body,
            vec!["On Monday, troops left.", "They will not return."]
        );
        assert!(!d.truncated);
    }

    #[test]
    fn byline_and_date_in_one_line() {
        let d = parse(
            "Monday, July 28, 2025\n41 C\nBaghdad\n\nISIS Cell Dismantled\n\nBy Ahmed Kareem - July 27, 2025\n\n\
             Share\nFacebook\nTwitter\n\nBaghdad – Security forces dismantled a cell.\n\nRelated Articles\n",
        );
        assert_eq!(d.author.as_deref(), Some("Ahmed Kareem"));
        assert_eq!(d.published.as_deref(), Some("July 27, 2025"));
        assert_eq!(d.body, vec!["Baghdad – Security forces dismantled a cell."]);
        assert_eq!(d.dateline.map(|d| d.place).as_deref(), Some("Baghdad"));
        // The date first.
        let d = parse(
            "Monday, July 28, 2025\n41 C\nBaghdad\n\nISIS Cell Dismantled\n\nJuly 27, 2025 | Omar Salih\n\n\
             Share\nFacebook\n\nSecurity forces dismantled a cell.\n\nRelated Articles\n",
        );
        assert_eq!(d.author.as_deref(), Some("Omar Salih"));
        assert_eq!(d.published.as_deref(), Some("July 27, 2025"));
        assert_eq!(d.body, vec!["Security forces dismantled a cell."]);
    }

    #[test]
    fn author_and_date_on_two_lines() {
        let d = parse(
            "Friday, July 25, 2025\n45 C\nBaghdad\nIraq\nPM Meets Coalition Commander\nSara Hassan\nJuly 24, 2025\n0\n\
             The prime minister met the commander.\nPopular\nSome headline\n",
        );
        assert_eq!(d.section.as_deref(), Some("Iraq"));
        assert_eq!(d.title, "PM Meets Coalition Commander");
        assert_eq!(d.author.as_deref(), Some("Sara Hassan"));
        assert_eq!(d.published.as_deref(), Some("July 24, 2025"));
        assert_eq!(d.body, vec!["The prime minister met the commander."]);
    }

    #[test]
    fn a_copy_without_headline_has_no_title() {
        let d = parse(
            "Saturday, July 26, 2025\n48 C\nBaghdad\n\nOn Monday, the prime minister met the commander.\n\nSecond paragraph.\n",
        );
        assert_eq!(d.title, "");
        assert_eq!(
            d.body,
            vec![
                "On Monday, the prime minister met the commander.",
                "Second paragraph."
            ]
        );
    }

    #[test]
    fn widgets_never_reach_the_body() {
        let d = parse(&format!(
            "Saturday, July 26, 2025\n48 C\nBaghdad\nTitle Of The Story\nBody one.\n{WIDGETS_TAIL}\
             Another Headline\n\nA snippet cut after ten words or so and then...\n\nMore from author\n"
        ));
        assert_eq!(d.body, vec!["Body one."]);
    }

    #[test]
    fn crlf_lines_read_like_lf() {
        let lf = "Saturday, July 26, 2025\n48 C\nBaghdad\n\nTitle Words Here\n\nBody one.\n\nBody two.\n\nHot this week\n";
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(parse(lf), parse(&crlf));
        assert_eq!(parse(&crlf).body, vec!["Body one.", "Body two."]);
    }

    #[test]
    fn detects_the_theme_furniture() {
        let page = format!("Saturday, July 26, 2025\n48 C\nBaghdad\nTitle\nBody.\n{WIDGETS_TAIL}");
        assert!(score(&page) >= 80);
        let bar_only = "Saturday, July 26, 2025\n31°C\nBaghdad\nTitle\nBody.\n";
        assert!(score(bar_only) >= MIN_SCORE);
        // The theme's widgets are on every site of the theme: alone they claim nothing.
        let widgets_only = format!("Title\n\nBody.\n{WIDGETS_TAIL}");
        assert!(score(&widgets_only) < MIN_SCORE);
        // Another site of the same theme, its weather widget set to its own city, and a blog's
        // weekday date header over posts with snippets: theme furniture, not this site.
        let same_theme = format!(
            "Saturday, July 26, 2025\n22 C\nLisbon\nTitle Of Another Site\nBody.\n{WIDGETS_TAIL}"
        );
        assert!(score(&same_theme) < MIN_SCORE, "{}", score(&same_theme));
        let blog = "Saturday, July 26, 2025\nMy Garden Post\nToday I planted beans.\n\
                    Popular Posts\nBean Trellis\nHow I built a trellis from old...\n\
                    Tomato Time\nThe tomatoes came in early this year and...\nTopics\n";
        assert!(score(blog) < MIN_SCORE, "{}", score(blog));
        // A weekday date inside a story is not the date bar.
        let late = "Title\nBody.\nMore body.\nSaturday, July 26, 2025\n48 C\n";
        assert!(score(late) < MIN_SCORE);
        // A date line that is not a weekday bar over a weather widget is not this layout.
        let other = "Title\n26-07-2025\nRudaw\nA+ A-\nBody.\nRelated Articles\n";
        assert!(score(other) < MIN_SCORE);
    }

    fn parse_html(html: &str) -> ArticleDraft {
        let page = dateline_core::html::parse(html);
        let blocks = view::visible(&page, one_field);
        story(&Lines {
            texts: blocks.iter().map(|b| b.text.as_str()).collect(),
            kinds: blocks.iter().map(|b| b.kind).collect(),
            links: blocks.iter().map(|b| b.is_link()).collect(),
            headline: page.declared_headline(blocks.iter().map(|b| b.as_ref())),
        })
    }

    #[test]
    fn markup_decides_the_headline() {
        // A headline ending in a full stop is none in a copy, but the theme's h1 says it is one.
        let top = "<div class=\"td_data_time\"><div>Saturday, July 26, 2025</div></div>\
                   <div class=\"td-weather-now\">48 C</div><div class=\"td-weather-city\">Baghdad</div>";
        let d = parse_html(&format!(
            "<body>{top}<h1 class=\"entry-title\">Iraq Says Goodbye.</h1><p>On Monday, troops left.</p></body>"
        ));
        assert_eq!(d.title, "Iraq Says Goodbye.");
        assert_eq!(d.body, vec!["On Monday, troops left."]);
        // A short first paragraph is no headline when the markup says it is a paragraph.
        let d = parse_html(&format!(
            "<body>{top}<div class=\"td-post-content\"><p>Troops left on Monday</p><p>More.</p></div></body>"
        ));
        assert_eq!(d.title, "");
        assert_eq!(d.body, vec!["Troops left on Monday", "More."]);
    }
}
