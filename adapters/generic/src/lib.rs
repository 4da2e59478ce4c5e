//! The fallback: reads any page no site adapter claims.
//!
//! Saved HTML: the story body is found from the page's structure ([`html`]: text density, link density,
//! class and id words), and title, date, author and section come from what the page declares about
//! itself (Open Graph, JSON-LD, `<time>`, bylines; read by core into `PageMeta`). Text copies have no
//! markup, so a text copy is read by line shape alone ([`text`]). No rule here names a site: a rule
//! that only one site needs belongs in that site's adapter.

mod hints;
pub mod html;
mod text;

use dateline_core::adapter::AdapterError;
use dateline_core::text::{clean_inline, letters_key, read_prefix, split_dateline};
use dateline_core::{
    Adapter, ArticleDraft, BlockKind, Capture, Detection, Media, Page, ParseContext,
};

pub struct Generic;

impl Adapter for Generic {
    fn id(&self) -> &'static str {
        "generic"
    }
    fn version(&self) -> &'static str {
        // 3: an outlet the story's opening prefix names wins over the page's site name. 4: ad labels
        // and a standfirst above a story that opens with its dateline are not body. 5: a folded
        // read-more box is body and a button's label is not; the printed byline as author. 6: lists
        // judged whole, short linked subheadings, split and interrupted stories read whole, ids
        // that are a heading's words, a page of short lines read as it shows; the story's photo
        // caption. 7: a list in the story is not condemned by the box rule for links (a third of
        // its text linked), only by the list-of-links one; the `<title>` part a heading prints is
        // the title, never the site's declared name; a box holding a platform's embedded post
        // (a quoted tweet) is story; a box around one paragraph is judged as that paragraph. 8: a
        // text copy's date, byline and place lines under its headline are read, not dropped. 9: a
        // text copy's header parts parted by middle dots too; a known outlet a part names.
        "9"
    }
    fn hosts(&self) -> &'static [&'static str] {
        &[]
    }
    fn detect(&self, _page: &Page) -> Detection {
        Detection::no()
    }
    fn is_fallback(&self) -> bool {
        true
    }
    fn via(&self, capture: &Capture) -> Option<String> {
        capture.host()
    }
    fn parse(
        &self,
        page: &Page,
        _ctx: &ParseContext<'_>,
    ) -> Result<Vec<ArticleDraft>, AdapterError> {
        let draft = match page.media {
            Media::Html => from_html(page),
            Media::Text => text::draft(page),
        };
        Ok(vec![draft])
    }
}

dateline_core::register_adapter!(Generic);

fn from_html(page: &Page) -> ArticleDraft {
    let meta = &page.meta;
    let body_idx = html::body_blocks(page);
    let title = choose_title(page, &body_idx);
    let mut body: Vec<String> = Vec::new();
    let mut last_row = None;
    for &i in &body_idx {
        let b = &page.blocks[i];
        // The headline printed above the story is the title, not body text.
        if matches!(b.kind, BlockKind::Heading(_)) && same_text(&b.text, &title) {
            continue;
        }
        // The cells of a table row read as one line, as a text copy shows them.
        let row = table_row(page, b);
        match (row, body.last_mut()) {
            (Some(r), Some(line)) if last_row == Some(r) => {
                line.push_str(" | ");
                line.push_str(&b.text);
            }
            _ => body.push(b.text.clone()),
        }
        last_row = row;
    }
    let dateline = body.first().and_then(|p| split_dateline(p));
    // Who wrote the story: an outlet its opening names (`Mosul (AFP) –`, `Shafaq News/ `) wrote it
    // even on another site's page; else the site that publishes the page.
    let prefix_outlet = body
        .first()
        .and_then(|p| read_prefix(p))
        .and_then(|p| p.outlet);
    ArticleDraft {
        outlet: prefix_outlet
            .or_else(|| meta.site_name.clone())
            .or_else(|| meta.publisher.clone()),
        title,
        author: meta
            .author
            .clone()
            .or_else(|| visible_byline(page, &body_idx)),
        section: meta.section.clone(),
        published: meta.published.clone(),
        published_basis: None,
        dateline,
        caption: story_caption(page, &body_idx),
        body,
        url: meta.canonical_url.clone().or_else(|| meta.og_url.clone()),
        ..Default::default()
    }
}

/// How far above the story's first paragraph a lead photo's caption is looked for, in blocks.
const CAPTION_REACH: usize = 3;

/// The story's photo caption: the first caption printed inside the story or just above its first
/// paragraph (the lead photo under the headline). Captions are never body text.
fn story_caption(page: &Page, body: &[usize]) -> Option<String> {
    let (first, last) = (*body.first()?, *body.last()?);
    (first.saturating_sub(CAPTION_REACH)..=last)
        .filter_map(|i| page.blocks.get(i))
        .find(|b| b.kind == BlockKind::Caption && !b.text.trim().is_empty())
        .map(|b| b.text.clone())
}

/// How far above the story a printed byline is looked for, in blocks.
const BYLINE_REACH: usize = 8;

/// The author a page prints but does not declare: a short line just above the story that opens
/// with "By" and a name ("By Jane Doe | 14/08/2025 11:42"), nearest the story first.
fn visible_byline(page: &Page, body: &[usize]) -> Option<String> {
    let first = *body.first()?;
    (first.saturating_sub(BYLINE_REACH)..first)
        .rev()
        .find_map(|i| byline_name(&page.blocks[i].text))
}

/// The name of a byline line: after "By", up to the first separator, date or "on"; one to six
/// words, each capitalised but for the particles of names ("al-", "bin", "de", "and").
fn byline_name(line: &str) -> Option<String> {
    const PARTICLES: &[&str] = &[
        "and", "bin", "ibn", "de", "del", "da", "van", "von", "la", "le",
    ];
    let line = line.trim();
    if line.len() > 160 {
        return None;
    }
    let rest = ["By ", "BY ", "by ", "Written by ", "Words by "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let end = rest
        .find(|c: char| {
            matches!(c, '|' | '·' | '•' | '—' | '–' | ',' | '/' | '(') || c.is_ascii_digit()
        })
        .unwrap_or(rest.len());
    let mut words: Vec<&str> = rest[..end].split_whitespace().collect();
    // "By Jane Doe - Staff" / "By Jane Doe on July 2".
    if let Some(cut) = words.iter().position(|w| matches!(*w, "-" | "on" | "On")) {
        words.truncate(cut);
    }
    let capitalised = |w: &str| {
        w.trim_start_matches("al-")
            .trim_start_matches("el-")
            .starts_with(char::is_uppercase)
    };
    let name_like = (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w) || w.starts_with("al-"))
        && words.first().is_some_and(|w| capitalised(w))
        && words.last().is_some_and(|w| capitalised(w));
    name_like.then(|| words.join(" "))
}

/// The `<tr>` a table cell's block sits in.
fn table_row(page: &Page, block: &dateline_core::Block) -> Option<u32> {
    if !matches!(block.tag.as_deref(), Some("td" | "th")) {
        return None;
    }
    page.ancestors(block)
        .take(8)
        .find(|(_, e)| e.tag == "tr")
        .map(|(id, _)| id)
}

/// Text equality as a reader sees it: case, spacing and punctuation aside.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (letters_key(a), letters_key(b));
    !a.is_empty() && a == b
}

/// The headline as printed when the page prints one that matches what it declares; else the declared
/// headline; else the `<title>` without the site name.
fn choose_title(page: &Page, body: &[usize]) -> String {
    let meta = &page.meta;
    let h1s = || {
        page.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Heading(1))
    };
    // The top-level headings as the comparisons below read them, each once.
    let heading_keys: Vec<String> = h1s().map(|(_, b)| letters_key(&b.text)).collect();
    // What the page declares, best first: the headline (Open Graph, JSON-LD), then the `<title>`.
    // Both are tried against the printed headings: some sites fill JSON-LD `headline` with a
    // description while the `<title>` names the heading the page prints.
    let candidates: Vec<String> = meta
        .headline
        .iter()
        .cloned()
        .chain(
            meta.title
                .as_deref()
                .map(|t| strip_site_name(t, meta.site_name.as_deref(), &heading_keys)),
        )
        .collect();
    let declared = candidates.first().cloned();
    let first_body = body.first().copied().unwrap_or(page.blocks.len());
    if let Some(declared) = &declared {
        for (n, candidate) in candidates.iter().enumerate() {
            let d = letters_key(candidate);
            for ((_, b), h) in h1s().zip(&heading_keys) {
                // The `<title>` often holds the blog's name too: there the heading must hold the
                // whole declared title, not be a part of it.
                let holds = if n == 0 {
                    d.contains(h.as_str()) || h.contains(&d)
                } else {
                    h.contains(&d)
                };
                if !h.is_empty() && !d.is_empty() && holds {
                    return clean_inline(&b.text);
                }
            }
        }
        return clean_inline(declared);
    }
    // Nothing declared: the last top-level heading before the story.
    h1s()
        .rfind(|(i, _)| *i < first_body)
        .or_else(|| h1s().next())
        .map(|(_, b)| clean_inline(&b.text))
        .unwrap_or_default()
}

/// "Story headline | Site" → "Story headline": the part a top-level heading prints, else the
/// longest part that is not the site's declared name ("Mozilla - Wikipedia": the article is the
/// shorter part).
fn strip_site_name(title: &str, site_name: Option<&str>, heading_keys: &[String]) -> String {
    let mut marked = title.to_owned();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        marked = marked.replace(sep, "\u{1}");
    }
    let site = site_name.map(letters_key).unwrap_or_default();
    // Each part with its key; a logo is often a heading of the site's name, so that part goes.
    let parts: Vec<(&str, String)> = marked
        .split('\u{1}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| (p, letters_key(p)))
        .collect();
    if parts.len() < 2 {
        return clean_inline(title);
    }
    let named: Vec<&(&str, String)> = parts
        .iter()
        .filter(|(_, k)| site.is_empty() || *k != site)
        .collect();
    let printed = named
        .iter()
        .find(|(_, k)| !k.is_empty() && heading_keys.contains(k));
    let title = printed
        .or_else(|| named.iter().max_by_key(|(p, _)| p.chars().count()))
        .map_or(title, |(p, _)| *p);
    clean_inline(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of `body` opens with `start`.
    fn opens(body: &[String], start: &str) -> bool {
        body.iter().any(|p| p.starts_with(start))
    }

    /// A paragraph of `body` holds `words`.
    fn mentions(body: &[String], words: &str) -> bool {
        body.iter().any(|p| p.contains(words))
    }

    /// Extracts an HTML page through the whole pipeline, as `dateline extract` does.
    fn extract_html(html: &str) -> dateline_core::Article {
        let capture = Capture::from_bytes(
            std::path::Path::new("page.html"),
            html.as_bytes(),
            Media::Html,
            Default::default(),
        )
        .expect("test capture");
        let mut articles = dateline_core::extract(&capture)
            .expect("extracted")
            .articles;
        assert_eq!(articles.len(), 1);
        articles.remove(0)
    }

    fn wire_page(first: &str) -> String {
        let para = "Residents returned to the village on Tuesday after the clearing operation ended, officials said.";
        format!(
            r#"<html><head><meta property="og:site_name" content="Valley Courier"></head><body>
            <article><h1>Village cleared</h1><p>{first}</p><p>{para}</p><p>{para}</p><p>{para}</p></article>
            </body></html>"#
        )
    }

    #[test]
    fn the_opening_prefix_names_the_outlet_and_its_stamp_is_not_body() {
        let a = extract_html(&wire_page(
            "Mosul (AFP) - (Updated: 4:15 p.m.) Iraqi forces cleared a village west of the city on Monday, the army said.",
        ));
        assert_eq!(a.outlet.as_deref(), Some("Agence France-Presse"));
        assert_eq!(a.dateline.as_deref(), Some("Mosul"));
        assert!(
            a.body.starts_with("Mosul (AFP) - Iraqi forces cleared"),
            "{}",
            a.body
        );
        let a = extract_html(&wire_page(
            "Shafaq News/ Iraqi officials said on Monday that the village west of Mosul had been cleared.",
        ));
        assert_eq!(a.outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(
            a.dateline, None,
            "no dateline from the sentence's first word"
        );
        // Without a prefix, the site that publishes the page.
        let a = extract_html(&wire_page(
            "Iraqi forces cleared a village west of Mosul on Monday, the army said in a statement.",
        ));
        assert_eq!(a.outlet.as_deref(), Some("Valley Courier"));
    }

    /// A wire dateline's day of filing dates a page that prints no date, in the year of the
    /// capture (the last such day on or before it); a page's own date wins.
    #[test]
    fn a_wire_dateline_s_day_dates_an_undated_page() {
        let capture = |html: &str| {
            let sidecar = dateline_core::Sidecar {
                captured_at: Some("2024-01-03T08:00:00Z".to_owned()),
                ..Default::default()
            };
            let c = Capture::from_bytes(
                std::path::Path::new("page.html"),
                html.as_bytes(),
                Media::Html,
                sidecar,
            )
            .expect("test capture");
            dateline_core::extract(&c)
                .expect("extracted")
                .articles
                .remove(0)
        };
        let a = capture(&wire_page(
            "KIRKUK, Dec 30 - Iraqi forces cleared a village west of the city on Saturday, the army said.",
        ));
        assert_eq!(a.published.value.as_deref(), Some("2023-12-30"));
        assert_eq!(
            a.published.basis.as_deref(),
            Some("dateline's day of filing")
        );
        let dated = wire_page(
            "KIRKUK, Dec 30 - Iraqi forces cleared a village west of the city on Saturday, the army said.",
        )
        .replace(
            "</head>",
            r#"<meta property="article:published_time" content="2023-12-31T10:00:00Z"></head>"#,
        );
        assert_eq!(
            capture(&dated).published.value.as_deref(),
            Some("2023-12-31T10:00Z")
        );
    }

    #[test]
    fn a_date_in_a_photo_caption_is_not_the_publication_date() {
        let a = extract_html(&format!(
            r#"<html><body><article><h1>Village cleared</h1>
            <figure><img src="a.jpg"><figcaption>Troops in the village on May 3, 2024. Photo: AFP</figcaption></figure>
            {}</article></body></html>"#,
            "<p>Iraqi forces cleared a village west of Mosul, the army said in a statement issued late.</p>".repeat(3)
        ));
        assert_eq!(a.published.value, None);
        assert_eq!(a.published.raw, None);
        // It is the story's photo caption, and not body text.
        assert_eq!(
            a.caption.as_deref(),
            Some("Troops in the village on May 3, 2024. Photo: AFP")
        );
        assert!(!a.body.contains("Photo: AFP"), "{}", a.body);
    }

    fn story_page(wrapper_words: &str) -> Page {
        let para = "Iraqi forces took over the base on Sunday, officials said, in the largest step of the drawdown so far.";
        dateline_core::html::parse(&format!(
            r#"<html><head><title>Base handed over - Example</title>
            <meta property="og:title" content="Base handed over">
            <meta property="article:published_time" content="2025-09-08T14:20:00+03:00"></head>
            <body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
            <div class="{wrapper_words}"><h1>Base handed over</h1>
            <div class="story-body"><p>BAGHDAD - {para}</p><p>{para}</p><p>{para}</p>
            <p><a href="/other">Read more: another story about something else</a></p></div>
            <div class="comments"><p>Reader comment, long enough to look like a paragraph of text, with commas, too.</p></div>
            <div class="related"><ul><li><a href="/r1">A related story with a long headline</a></li></ul></div></div>
            <footer><p>Copyright Example, all rights reserved, 2025.</p></footer></body></html>"#
        ))
    }

    #[test]
    fn html_story_without_furniture() {
        let d = from_html(&story_page("main-column"));
        assert_eq!(d.title, "Base handed over");
        assert_eq!(d.published.as_deref(), Some("2025-09-08T14:20:00+03:00"));
        assert_eq!(d.body.len(), 3, "{:#?}", d.body);
        assert!(d.body[0].starts_with("BAGHDAD - Iraqi forces"));
        assert_eq!(d.dateline.map(|dl| dl.place).as_deref(), Some("BAGHDAD"));
    }

    #[test]
    fn furniture_named_wrapper_does_not_lose_the_story() {
        // A wrapper named like furniture around the whole story: the lenient pass still finds it.
        let d = from_html(&story_page("has-sidebar"));
        assert!(d.body.len() >= 3, "{:#?}", d.body);
        assert!(
            d.body
                .iter()
                .any(|p| p.starts_with("BAGHDAD - Iraqi forces"))
        );
    }

    #[test]
    fn site_name_is_stripped_from_title() {
        let headings = ["Northwind", "Dam opens"].map(letters_key);
        let strip = |t: &str, site: Option<&str>| strip_site_name(t, site, &headings);
        assert_eq!(
            strip("Troops leave the old base | Example News", None),
            "Troops leave the old base"
        );
        assert_eq!(strip("Plain title", None), "Plain title");
        // The part a heading prints, even when shorter than the site's name.
        assert_eq!(strip("Dam opens - Northwind Chronicle", None), "Dam opens");
        // Never the site's declared name, though its logo is a heading too.
        assert_eq!(
            strip("Floods: what to know - Northwind", Some("Northwind")),
            "Floods: what to know"
        );
        assert_eq!(strip("Bridge - Northwind", Some("Northwind")), "Bridge");
    }

    /// Sites fold the rest of a story into a `read-more` box behind a button: the box is the
    /// story's, the button's label is not.
    #[test]
    fn a_folded_read_more_box_is_story() {
        let para = "The council met on Sunday to review the budget, officials said, and voted to fund the new bridge.";
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><nav><a href="/">Home</a></nav><article><h1>Council funds bridge</h1>
            <div class="story-body"><p>{para}</p><p>{para}</p>
            <div id="read-more"><div id="read-more-link">Read more</div>
            <div id="read-more-content"><p>Later paragraph: {para}</p><p>{para}</p></div></div></div>
            </article></body></html>"#
        ));
        let d = from_html(&page);
        assert_eq!(d.body.len(), 4, "{:#?}", d.body);
        assert!(d.body[2].starts_with("Later paragraph"));
        assert!(!d.body.iter().any(|p| p == "Read more"));
    }

    #[test]
    fn a_printed_byline_gives_the_name_alone() {
        assert_eq!(
            byline_name("By Sara Ahmed | 14/08/2025 11:42 | Views: 1,204").as_deref(),
            Some("Sara Ahmed")
        );
        assert_eq!(
            byline_name("By Hamid al-Jubouri and Lena Park, Reuters").as_deref(),
            Some("Hamid al-Jubouri and Lena Park")
        );
        assert_eq!(
            byline_name("BY JOHN ROE - STAFF WRITER").as_deref(),
            Some("JOHN ROE")
        );
        assert_eq!(
            byline_name("By the numbers: the budget in five charts"),
            None
        );
        assert_eq!(byline_name("Byline"), None);
        assert_eq!(byline_name("By 2030 the grid will be renewable"), None);
    }

    const PARA: &str = "The council met on Thursday to review the water plan, which covers the next ten years of supply.";

    #[test]
    fn a_page_of_short_lines_is_read_as_it_shows_and_one_of_links_is_not() {
        let a = extract_html(
            r#"<html><head><title>Opening hours</title></head><body>
            <div><h2>Week one</h2><p>Monday closed</p><p>Tuesday open</p></div></body></html>"#,
        );
        assert_eq!(a.body, "Week one\n\nMonday closed\n\nTuesday open");
        let capture = Capture::from_bytes(
            std::path::Path::new("menu.html"),
            br#"<html><body><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul></body></html>"#,
            Media::Html,
            Default::default(),
        )
        .expect("test capture");
        assert!(
            dateline_core::extract(&capture).is_err(),
            "links alone are no article"
        );
    }

    #[test]
    fn a_list_in_the_story_keeps_its_linked_items_and_a_list_of_links_goes() {
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><article><h1>Changes this week</h1><p>{PARA}</p>
            <ul><li>The library now opens at eight, an hour earlier than before, on weekdays.</li>
            <li><a href="/pool">The pool reopens after repairs</a></li>
            <li>Bus line 4 runs every ten minutes again, as it did before the works began.</li></ul>
            <p>{PARA}</p><p>{PARA}</p>
            <ul><li><a href="/x">Other news</a></li><li><a href="/y">More news</a></li></ul>
            </article></body></html>"#
        ));
        let d = from_html(&page);
        assert!(
            d.body.iter().any(|p| p == "The pool reopens after repairs"),
            "{:#?}",
            d.body
        );
        assert!(!d.body.iter().any(|p| p == "Other news"), "{:#?}", d.body);
    }

    #[test]
    fn an_embedded_post_is_story_and_a_share_bar_is_not() {
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><article><h1>Ferry row</h1><p>{PARA}</p><p>{PARA}</p>
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The ferry was
            cancelled again this morning with no notice at all <a href="https://t.co/x">t.co/x</a>
            </p>— A Commuter (@commuter) <a href="https://x.com/s/1">May 2, 2025</a></blockquote></div>
            <p>{PARA}</p>
            <div class="social-share"><a href="/fb">Share on Facebook</a> <a href="/x">Post</a></div>
            </article></body></html>"#
        ));
        let d = from_html(&page);
        assert!(opens(&d.body, "The ferry was cancelled"), "{:#?}", d.body);
        assert!(!mentions(&d.body, "Share on"), "{:#?}", d.body);
    }

    #[test]
    fn a_paragraph_in_a_card_of_its_own_is_judged_as_a_sentence() {
        // Card layouts wrap each paragraph in its own box; a box whose one paragraph links a
        // third of its words is that paragraph, not a box of links.
        let card = |p: &str| format!(r#"<div class="card collection-item"><p>{p}</p></div>"#);
        let page = dateline_core::html::parse(&format!(
            "<html><body><main><h1>Moon water</h1>{}{}{}{}</main></body></html>",
            card(PARA),
            card(PARA),
            card(
                r#"The finding was reported on Monday in <a href="/j">the journal Planetary Notes</a>."#
            ),
            card(PARA),
        ));
        let d = from_html(&page);
        assert!(opens(&d.body, "The finding was reported"), "{:#?}", d.body);
    }

    #[test]
    fn a_list_whose_items_link_part_of_their_sentence_is_story() {
        // Credits or a changelog: each item names someone and links what they did. A third to
        // a half of the list's text is links, which would condemn a box, not a list.
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><article><h1>Thanks this month</h1><p>{PARA}</p><p>{PARA}</p>
            <ul><li>Ana Ruiz <a href="/1">fixed the date parser</a> for Arabic month names</li>
            <li>Li Wei <a href="/2">sped up the tree walk</a> on very deep pages</li>
            <li>Sam Okoro <a href="/3">wrote the new archive reader</a> and its tests</li></ul>
            <p>{PARA}</p></article></body></html>"#
        ));
        let d = from_html(&page);
        assert!(opens(&d.body, "Li Wei sped up"), "{:#?}", d.body);
    }

    #[test]
    fn a_section_named_after_its_heading_is_not_judged_by_those_words() {
        // "sharing" marks share buttons when a designer names a box; here it is the heading's words.
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><div class="content"><h1>Water plan</h1><p>{PARA}</p><p>{PARA}</p>
            <div class="section" id="sharing-the-supply"><h2>Sharing the supply</h2>
            <p>Both towns draw on one reservoir, so the plan sets how much each may take in a dry year.</p></div>
            </div><div class="share-buttons"><p>Share this story with your friends on every network you use.</p></div>
            </body></html>"#
        ));
        let d = from_html(&page);
        assert!(opens(&d.body, "Both towns draw"), "{:#?}", d.body);
        assert!(!opens(&d.body, "Share this"), "{:#?}", d.body);
    }

    #[test]
    fn a_story_split_into_wrapped_parts_is_read_whole() {
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><article><h1>Water plan</h1>
            <div class="wrap"><div class="story-text part-1"><p>First part. {PARA}</p><p>{PARA}</p></div>
            <div class="slot"></div></div>
            <div class="wrap"><div class="story-text part-2"><p>Second part. {PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>
            <div class="box"><a href="/s">Subscribe</a></div></div>
            </article></body></html>"#
        ));
        let d = from_html(&page);
        assert!(opens(&d.body, "First part."), "{:#?}", d.body);
        assert!(opens(&d.body, "Second part."), "{:#?}", d.body);
    }

    #[test]
    fn headings_inside_the_story_stay_unless_they_read_as_teasers() {
        let page = dateline_core::html::parse(&format!(
            r#"<html><body><article><h1>Five walks near the city</h1>
            <div class="body"><p>{PARA}</p><p>{PARA}</p></div>
            <h3>The river path</h3>
            <div class="body"><p>{PARA}</p><p>{PARA}</p>
            <h3><a href="/hill">Hill Top Trail</a></h3><p>{PARA}</p>
            <h3><a href="/n">Click here to get our weekly newsletter in your inbox</a></h3></div>
            </article></body></html>"#
        ));
        let d = from_html(&page);
        assert!(
            d.body.iter().any(|p| p == "The river path"),
            "{:#?}",
            d.body
        );
        assert!(
            d.body.iter().any(|p| p == "Hill Top Trail"),
            "{:#?}",
            d.body
        );
        assert!(!opens(&d.body, "Click here"), "{:#?}", d.body);
    }
}
