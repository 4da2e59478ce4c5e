//! The page as a text copy shows it, so that one set of layout rules reads both forms.
//!
//! A text copy of a Daily8 page holds the main story or the listing bar, the furniture under the
//! story (hashtags, AI features, comments) and the story cards, two blank lines between cards. The
//! saved HTML (a Next.js page) also holds the site header and menu, the "Trending" bar, breadcrumbs,
//! the share bar, ad slots, the footer with its link lists and newsletter form, and a cookie banner.
//! Those are dropped by their elements and class words; each card (`<article>`) starts after a blank
//! line as in a copy, so what is left reads line for line like the copy.

use crate::rules::RULES;
use dateline_core::{Block, BlockKind, Page};
use std::borrow::Cow;

/// A line of the page as a copy shows it.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub text: Cow<'a, str>,
    pub kind: BlockKind,
    pub blank_before: u32,
    /// The block it was read from, an index into `page.blocks`.
    pub block: usize,
}

/// The lines a reader sees, in order; every block of a text copy but the button and label lines. A
/// short block that prints several fields side by side (a story header's outlet, time and labels
/// as `<span>`s in one line) is read as one line per field, as a copy shows a header.
pub fn lines(page: &Page) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut card = None;
    for (index, whole) in page.blocks.iter().enumerate() {
        for block in whole.fields() {
            if RULES.is_skip(&block.text) {
                continue;
            }
            if block.tag.is_none() {
                out.push(Line {
                    kind: block.kind,
                    blank_before: block.blank_before,
                    block: index,
                    text: text_of(block),
                });
                continue;
            }
            if page.in_chrome(&block, &RULES.chrome_words) {
                continue;
            }
            // Cards are `<article>`s; a copy separates them by blank lines.
            let this_card = page
                .ancestors(&block)
                .find(|(_, el)| el.tag == "article")
                .map(|(id, _)| id);
            let blank_before = if this_card.is_some() && this_card != card {
                block.blank_before.max(2)
            } else {
                block.blank_before
            };
            card = this_card;
            out.push(Line {
                kind: block.kind,
                blank_before,
                block: index,
                text: text_of(block),
            });
        }
    }
    out
}

fn text_of(block: Cow<'_, Block>) -> Cow<'_, str> {
    match block {
        Cow::Borrowed(b) => Cow::Borrowed(b.text.as_str()),
        Cow::Owned(b) => Cow::Owned(b.text),
    }
}

/// The line of the page's own headline, when its markup declares one (see
/// [`Page::declared_headline`]).
pub fn headline(page: &Page, lines: &[Line<'_>]) -> Option<usize> {
    let block = page.declared_headline(&page.blocks)?;
    lines.iter().position(|l| l.block == block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::html;

    /// Daily8's page frame: header, trending bar, breadcrumbs, a story with a share bar, one card, an
    /// ad, the footer and the cookie banner.
    const PAGE: &str = r##"<html><body><div class="flex min-h-screen flex-col">
        <header class="sticky top-0"><a href="/en"><span class="font-bold">Daily8</span></a>
          <nav class="flex gap-6"><a href="/en">Home</a><a href="/en/category/politics">Politics</a></nav></header>
        <div class="trending-bar"><span>Trending:</span><a href="/en/hashtag/Iraq">#Iraq</a></div>
        <main class="container"><nav aria-label="breadcrumb"><ol><li><a href="/en">Home</a></li></ol></nav>
          <article class="article-main"><h1>Coalition hands over base</h1>
            <div class="share-bar"><span>Share:</span><button type="button">X</button></div>
            <div class="prose"><p>The coalition handed over a base.</p></div></article>
          <section><h2>Related Articles</h2>
            <article class="news-card"><div class="flex"><div class="flex"><p>Iraqi News</p></div><p><time>yesterday</time></p></div>
              <h3><a href="/en/news/x">Title</a></h3><p>Text.</p></article>
            <article class="news-card"><div class="flex"><div class="flex"><p>Shafaq News</p></div><p><time>2 hours ago</time></p></div>
              <h3><a href="/en/news/y">Other title</a></h3><p>More text.</p></article></section>
          <aside class="ad-sidebar"><p>Advertisement</p></aside></main>
        <footer><h4>Newsletter</h4><ul><li><a href="/en/about">About</a></li></ul><p>© 2025 Daily8.</p></footer></div>
        <div role="dialog" class="cookie-banner"><p>We use cookies.</p></div></body></html>"##;

    #[test]
    fn html_reads_like_the_text_copy() {
        let page = html::parse(PAGE);
        let lines = lines(&page);
        let got: Vec<(&str, u32)> = lines
            .iter()
            .map(|l| (l.text.as_ref(), l.blank_before))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Coalition hands over base", 2),
                ("The coalition handed over a base.", 0),
                ("Related Articles", 0),
                ("Iraqi News", 2),
                ("yesterday", 0),
                ("Title", 0),
                ("Text.", 0),
                ("Shafaq News", 2),
                ("2 hours ago", 0),
                ("Other title", 0),
                ("More text.", 0),
            ]
        );
    }

    #[test]
    fn text_copies_keep_every_line_and_blank() {
        let page = Page::from_text("Trending:\n\n\nIraqi News\nyesterday\n");
        let lines = lines(&page);
        let got: Vec<(&str, u32)> = lines
            .iter()
            .map(|l| (l.text.as_ref(), l.blank_before))
            .collect();
        assert_eq!(
            got,
            vec![("Trending:", 0), ("Iraqi News", 2), ("yesterday", 0)]
        );
    }
}
