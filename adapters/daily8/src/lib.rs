//! Layout rules for Daily8 (daily8.com), a news aggregator that reprints other outlets' stories.
//!
//! Two page layouts, both read from the text lines of the page:
//!
//! - **Article page**: the main story's headline and paragraphs (one per line), then Daily8's furniture
//!   ("Hashtags", "Try Our AI Features", comment widget, "Related Articles"), then related stories.
//!   The main story often carries no outlet or date in a copy; those stay `None`.
//! - **Tag listing**: the bar "Latest news with #TAG", then stories.
//!
//! Every aggregated story opens with a header (outlet, time, optional "- Section", "- Outlet"; see
//! [`header`]), then its title, then its text (often one long line). A story ends at the next header or
//! at a furniture line; everything from a furniture line up to the next header is furniture.
//! Site knowledge (furniture lines, outlet labels, outlets' inline boilerplate) is in `data/*.toml`.
//!
//! A saved HTML page is first cut down to the lines a copy shows (see [`view`]); its markup then only
//! adds certainty about which line is a story's title.

mod clean;
mod header;
mod rules;
mod view;

use crate::header::{Header, bare_header_at, header_at};
use crate::rules::{RULES, key};
use dateline_core::adapter::AdapterError;
use dateline_core::text::split_dateline;
use dateline_core::{Adapter, ArticleDraft, BlockKind, DateOrder, Detection, Page, ParseContext};
use std::ops::Range;

/// The adapter; public so tests outside the crate can score pages with it.
pub struct Daily8;

/// A headline is a line, not a paragraph: short, and not a long sentence ending in a full stop.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 30 && !(words > 15 && line.trim_end().ends_with('.'))
}

/// A markup heading is a title whatever its length, a paragraph never; a text line goes by its words.
fn is_headline(line: &str, kind: BlockKind) -> bool {
    kind.headline_evidence()
        .unwrap_or_else(|| reads_as_headline(line))
}

/// The page cut into the lines before the first story header and one range of lines per header.
struct Layout {
    preamble: Range<usize>,
    /// Each header with the lines after it up to the next header (title, text, maybe furniture).
    stories: Vec<(Header, Range<usize>)>,
    /// Line index of each story's header.
    starts: Vec<usize>,
}

impl Layout {
    /// `blank_before` (one count per line) lets headers without dash lines count too; without it only
    /// full headers do.
    fn read(lines: &[&str], blank_before: Option<&[u32]>) -> Layout {
        let mut found: Vec<(usize, Header)> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let header = header_at(lines, i)
                .or_else(|| blank_before.and_then(|b| bare_header_at(lines, b, i)));
            match header {
                Some(h) => {
                    // Skip the header and the title line after it: a title is never a header.
                    let next = i + h.lines + 1;
                    found.push((i, h));
                    i = next;
                }
                None => i += 1,
            }
        }
        let starts: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
        let first = starts.first().copied().unwrap_or(lines.len());
        let stories = found
            .iter()
            .enumerate()
            .map(|(k, (start, h))| {
                let from = (start + h.lines).min(lines.len());
                let to = starts.get(k + 1).copied().unwrap_or(lines.len());
                (h.clone(), from..to.max(from))
            })
            .collect();
        Layout {
            preamble: 0..first,
            stories,
            starts,
        }
    }
}

/// Title and paragraphs of one story: lines up to the first furniture line, boilerplate removed.
/// `None` when nothing of a story's text is left. `kinds` holds each line's block kind.
fn read_story(lines: &[&str], kinds: &[BlockKind]) -> Option<(String, Vec<String>)> {
    let text: Vec<&str> = lines
        .iter()
        .copied()
        .take_while(|l| !RULES.is_stop(l))
        .collect();
    let first_kind = kinds.first().copied().unwrap_or(BlockKind::Line);
    let (title, rest) = match text.split_first() {
        Some((first, rest)) if is_headline(first, first_kind) => ((*first).to_owned(), rest),
        Some(_) => (String::new(), &text[..]),
        None => return None,
    };
    let body = clean::strip_boilerplate(rest.iter().map(|l| (*l).to_owned()).collect());
    (!body.is_empty()).then_some((title, body))
}

fn draft(title: String, body: Vec<String>, header: Option<&Header>) -> ArticleDraft {
    ArticleDraft {
        outlet: header.map(|h| RULES.outlet_name(&h.outlet)),
        section: header.and_then(|h| h.section.clone()),
        published: header.map(|h| h.published.clone()),
        date_order: DateOrder::DayFirst,
        dateline: body.first().and_then(|p| split_dateline(p)),
        truncated: clean::looks_cut(&body),
        title,
        body,
        ..Default::default()
    }
}

impl Adapter for Daily8 {
    fn id(&self) -> &'static str {
        "daily8"
    }

    fn version(&self) -> &'static str {
        // 2: reads saved HTML pages too. 3: story headers printed in one block, the declared
        // headline, share and ad labels read whatever the markup's shape.
        "3"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["daily8.com"]
    }

    fn names(&self) -> &'static [&'static str] {
        &["Daily8"]
    }

    fn detect(&self, page: &Page) -> Detection {
        let view = view::lines(page);
        let lines: Vec<&str> = view.iter().map(|l| l.text.as_ref()).collect();
        let layout = Layout::read(&lines, None);
        let echoed = layout.stories.iter().filter(|(h, _)| h.echoed).count();
        let plain = layout.stories.len() - echoed;
        let headers = format!(
            "{} story header(s) outlet/time/- outlet ({echoed} repeating the outlet)",
            echoed + plain
        );
        let LineSignals {
            furniture,
            foreign,
            brand_marker,
            listing_bar,
        } = LineSignals::read(&lines);
        let furniture_seen = format!("furniture lines {furniture:?}");
        let foreign_seen = format!("other sites' furniture {foreign:?}");
        let signals = [
            (
                echoed + plain > 0,
                header_points(echoed, plain),
                headers.as_str(),
            ),
            (brand_marker, 60, "Daily8 AI feature box"),
            (listing_bar, 40, "tag listing bar \"Latest news with #\""),
            (
                !furniture.is_empty(),
                10 * furniture.len().min(2) as u32,
                furniture_seen.as_str(),
            ),
        ];
        // Daily8 never prints another site's furniture on its own pages, where a copied story runs
        // it into its text: each such line standing alone weighs against a claim.
        let against = [(
            !foreign.is_empty(),
            35 * foreign.len() as u32,
            foreign_seen.as_str(),
        )];
        Detection::from_signals_against(&signals, &against)
    }

    fn parse(
        &self,
        page: &Page,
        ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let view = view::lines(page);
        let lines: Vec<&str> = view.iter().map(|l| l.text.as_ref()).collect();
        let kinds: Vec<BlockKind> = view.iter().map(|l| l.kind).collect();
        let blank_before: Vec<u32> = view.iter().map(|l| l.blank_before).collect();
        let layout = Layout::read(&lines, Some(&blank_before));
        let story_at = |r: &Range<usize>| read_story(&lines[r.clone()], &kinds[r.clone()]);
        let mut drafts = Vec::new();

        // An article page's own story comes before any furniture; on a listing, nothing does. When
        // the markup declares the page's headline, the story starts there: what stands above it (a
        // trending bar) is the page's, whatever its classes.
        let preamble = match view::headline(page, &view) {
            Some(h) if layout.preamble.contains(&h) => h..layout.preamble.end,
            _ => layout.preamble.clone(),
        };
        let preamble_story = story_at(&preamble);
        let is_listing = lines.iter().any(|l| RULES.is_listing_bar(l));
        let first_stop = lines.iter().position(|l| RULES.is_stop(l));
        let headed_main = preamble_story.is_none()
            && !is_listing
            && layout
                .starts
                .first()
                .is_some_and(|s| first_stop.is_none_or(|f| *s < f));

        if let Some((title, body)) = preamble_story {
            let mut d = draft(title, body, None);
            d.url = ctx.capture.url.clone();
            drafts.push(d);
        }
        for (k, (header, range)) in layout.stories.iter().enumerate() {
            let Some((title, body)) = story_at(range) else {
                continue;
            };
            let mut d = draft(title, body, Some(header));
            if headed_main && k == 0 {
                d.url = ctx.capture.url.clone();
            }
            drafts.push(d);
        }
        if drafts.is_empty() {
            return Err(AdapterError::Layout(
                "no Daily8 story found: neither a headline with text before the page furniture nor \
                 an outlet/time/- outlet story header"
                    .to_owned(),
            ));
        }
        Ok(drafts)
    }
}

dateline_core::register_adapter!(Daily8);

/// Points for the story headers found. The header that repeats its outlet ("Rudaw Net" … "- Rudaw
/// Net") is the site's signature. Headers that do not repeat their outlet ("Source" over "2 hours
/// ago") and the "Comments"/"Related Articles" lines below are on many sites' listings: together
/// they stay under a claim (25 + 20).
fn header_points(echoed: usize, plain: usize) -> u32 {
    match (echoed, plain) {
        (2.., _) => 60,
        (1, _) => 50,
        (0, 2..) => 25,
        (0, 1) => 15,
        _ => 0,
    }
}

/// The lines for which `keep` holds, sorted, each once.
/// What detection reads in each line, the line's key computed once: on a copy of hundreds of
/// thousands of lines, computing it for every test was most of detection's time.
#[derive(Default)]
struct LineSignals<'a> {
    /// Distinct furniture lines that end a story, listing bars aside.
    furniture: Vec<&'a str>,
    /// Lines of other sites' furniture, in page order.
    foreign: Vec<&'a str>,
    brand_marker: bool,
    listing_bar: bool,
}

impl<'a> LineSignals<'a> {
    fn read(lines: &[&'a str]) -> Self {
        let mut s = LineSignals::default();
        for &line in lines {
            let k = key(line);
            let bar = RULES.is_listing_bar_key(&k);
            if RULES.is_stop_key(&k) && !bar {
                s.furniture.push(line);
            }
            if RULES.is_foreign_key(&k) {
                s.foreign.push(line);
            }
            s.brand_marker |= RULES.has_brand_marker_key(&k);
            s.listing_bar |= bar;
        }
        s.furniture.sort_unstable();
        s.furniture.dedup();
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::{Capture, Media, Sidecar};
    use std::path::Path;

    fn parse_text(text: &str, url: Option<&str>) -> Vec<ArticleDraft> {
        let sidecar = Sidecar {
            url: url.map(str::to_owned),
            ..Default::default()
        };
        let capture =
            Capture::from_bytes(Path::new("t.txt"), text.as_bytes(), Media::Text, sidecar)
                .expect("test capture");
        let page = Page::from_text(text);
        Daily8
            .parse(&page, &ParseContext { capture: &capture })
            .expect("parses")
    }

    const ARTICLE: &str = "\nIraq and coalition discuss transition\n\
        Iraqi officials met coalition commanders on Monday.\n\
        The talks covered the end of the mission.\n\
        Hashtags\n\n#Iraq\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nSummarise\n\
        Comments\nNo comments yet...\nRelated Articles\n\n\n\
        Rudaw Net\nan hour ago\n- Rudaw Net\nPeshmerga repel ISIS attack\n\
        Also in Kurdistan Erbil hosts forum Duhok floods A+ A- ERBIL, Kurdistan Region - Peshmerga forces repelled an attack.\n\n\n\
        Shafaq News\n05-08-2025\n- Security\n- Shafaq News\nRaid in Kirkuk\n\
        Shafaq News/ Kirkuk Security forces raided a hideout near...\n";

    #[test]
    fn article_page_main_story_and_related() {
        let d = parse_text(ARTICLE, Some("https://daily8.com/en/x"));
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].title, "Iraq and coalition discuss transition");
        assert_eq!(d[0].outlet, None);
        assert_eq!(d[0].published, None);
        assert_eq!(d[0].url.as_deref(), Some("https://daily8.com/en/x"));
        assert_eq!(d[0].body.len(), 2);
        assert!(!d[0].truncated);

        assert_eq!(d[1].outlet.as_deref(), Some("Rudaw"));
        assert_eq!(d[1].published.as_deref(), Some("an hour ago"));
        assert_eq!(d[1].section, None);
        assert_eq!(d[1].url, None);
        assert_eq!(
            d[1].body,
            vec!["ERBIL, Kurdistan Region - Peshmerga forces repelled an attack."]
        );
        assert_eq!(
            d[1].dateline.as_ref().map(|x| x.place.as_str()),
            Some("ERBIL, Kurdistan Region")
        );

        assert_eq!(d[2].outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(d[2].section.as_deref(), Some("Security"));
        assert_eq!(d[2].published.as_deref(), Some("05-08-2025"));
        assert!(d[2].truncated);
        assert_eq!(
            d[2].dateline.as_ref().map(|x| x.place.as_str()),
            Some("Kirkuk")
        );
        for x in &d {
            for p in &x.body {
                for furniture in ["Hashtags", "Comments", "Related Articles", "A+ A-", "#Iraq"] {
                    assert!(!p.contains(furniture), "{furniture} in {p}");
                }
            }
        }
    }

    #[test]
    fn listing_has_no_main_story() {
        let text = "Latest news with #ISIS\n\n\nIraqi News\n3 days ago\n- Politics\n- Iraqi News\n\
            Title one\nBaghdad ( – Text one.\n\n\nMiddle East Eye\nyesterday\n- Middle East Eye\n\
            Title two\nText two.\n";
        let d = parse_text(text, Some("https://daily8.com/en/hashtag/ISIS"));
        assert_eq!(d.len(), 2);
        assert!(d.iter().all(|x| x.url.is_none()));
        assert_eq!(d[0].title, "Title one");
        assert_eq!(d[0].section.as_deref(), Some("Politics"));
        assert_eq!(d[1].published.as_deref(), Some("yesterday"));
        assert_eq!(d[1].body, vec!["Text two."]);
    }

    #[test]
    fn headed_main_story_gets_the_url() {
        let text = "Kurdistan24\n2 hours ago\n- Kurdistan24\nCoalition hands over base\n\
            ERBIL (Kurdistan24) – The coalition handed over a base.\nComments\nNo comments yet...\n";
        let d = parse_text(text, Some("https://daily8.com/en/y"));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].url.as_deref(), Some("https://daily8.com/en/y"));
        assert_eq!(d[0].outlet.as_deref(), Some("Kurdistan24"));
    }

    #[test]
    fn story_whose_copy_lost_its_dash_lines() {
        let text = "Latest news with #ISIS\n\n\nIraqi News\n3 days ago\n- Iraqi News\nTitle one\n\
            Text one.\n\n\nShafaq News\nyesterday\nTitle two\nText two.\n";
        let d = parse_text(text, None);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].body, vec!["Text one."]);
        assert_eq!(d[1].outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(d[1].published.as_deref(), Some("yesterday"));
        assert_eq!(d[1].title, "Title two");
        assert_eq!(d[1].body, vec!["Text two."]);
    }

    #[test]
    fn detects_daily8_layouts() {
        assert!(Daily8.detect(&Page::from_text(ARTICLE)).score >= 90);
        let listing = "Latest news with #CJTF-OIR\n\n\nIraqi News\n12 hours ago\n- Politics\n\
            - Iraqi News\nTitle\nText.\n";
        assert!(Daily8.detect(&Page::from_text(listing)).score >= 90);
        // Headers alone are enough.
        let bare = "Iraqi News\n12 hours ago\n- Iraqi News\nTitle\nText.\n\nRudaw Net\nyesterday\n\
            - Rudaw Net\nTitle\nText.\n";
        assert!(Daily8.detect(&Page::from_text(bare)).score >= dateline_core::adapter::MIN_SCORE);
    }

    #[test]
    fn does_not_claim_other_sites() {
        // Rudaw's own article layout: headline, date, byline, font control, body, comment policy.
        let rudaw = "ISIS no longer a threat: Iraqi PM tells coalition commander\n\n01-09-2024\nRudaw\n\
            A+ A-\n\nERBIL, Kurdistan Region - Text.\n\nComments\n\nRudaw moderates all comments \
            submitted on our website.\n\nPost a comment\n\nThe Latest\n\n-\n\nKirkuk projects halted\n";
        assert_eq!(Daily8.detect(&Page::from_text(rudaw)).score, 0);
        // Baghdad Telegraph: date bar, weather, article, "Hot this week" widget, "Related Articles".
        let bt = "Saturday, July 26, 2025\n48 C\nBaghdad\n\nIraq-US Security Cooperation Moves Toward \
            Bilateral Phase\n\nOn Monday, officials met.\n\nHot this week\n\nHeadline\n\nSnippet...\n\n\
            Topics\n\nHeadline\n\nSnippet...\n\nRelated Articles\n";
        assert_eq!(Daily8.detect(&Page::from_text(bt)).score, 0);
        // Another site's listing: sources over times, "Comments" and "Related Articles" lines.
        let listing = "Reuters\n2 hours ago\nMarkets rally\nStocks rose.\n\nAP\n3 hours ago\n\
            Storm nears coast\nWinds rose.\n\nComments\nRelated Articles\nTrending\n";
        let d = Daily8.detect(&Page::from_text(listing));
        assert!(d.score < dateline_core::adapter::MIN_SCORE, "{d:?}");
    }

    fn parse_html(html: &str) -> Vec<ArticleDraft> {
        let capture = Capture::from_bytes(
            Path::new("t.html"),
            html.as_bytes(),
            Media::Html,
            Sidecar::default(),
        )
        .expect("test capture");
        let page = dateline_core::html::parse(html);
        Daily8
            .parse(&page, &ParseContext { capture: &capture })
            .expect("parses")
    }

    #[test]
    fn html_cards_without_dash_lines_and_long_titles() {
        // The card markup separates stories where a copy has blank lines, so a header that lost its
        // dash lines is still read; the h3 is the title however long, the paragraph never is.
        let long = "Iraqi and coalition officials meet in Baghdad to discuss the timetable for the end \
                    of the mission and the future of bilateral security relations between the two.";
        let html = format!(
            "<body><main><h1>Latest news with #ISIS</h1>\
             <article><div><p>Iraqi News</p><p>3 days ago</p></div><ul><li>- Iraqi News</li></ul>\
             <h3><a href=\"/a\">{long}</a></h3><p>Text one.</p></article>\
             <article><div><p>Shafaq News</p><p>yesterday</p></div>\
             <p>Shafaq News - Kirkuk Forces raided a hideout.</p></article></main></body>"
        );
        let d = parse_html(&html);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].title, long);
        assert_eq!(d[0].body, vec!["Text one."]);
        assert_eq!(d[1].outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(d[1].published.as_deref(), Some("yesterday"));
        assert_eq!(d[1].title, "");
        assert_eq!(
            d[1].body,
            vec!["Shafaq News - Kirkuk Forces raided a hideout."]
        );
    }

    #[test]
    fn titles_and_paragraphs() {
        assert!(reads_as_headline(
            "Why are Palestinians not getting sorely needed aid?"
        ));
        assert!(!reads_as_headline(
            "The Iraqi government held two rounds of discussions with the United States in Baghdad \
             and Washington, and a third round is scheduled."
        ));
    }
}
