//! The page as a text copy shows it, so that one set of layout rules reads both forms.
//!
//! A text copy of a Rudaw article starts at the headline and holds the story, the comment policy and
//! "The Latest". The saved HTML also holds the site header (language menu, "Watch Live", main menu),
//! the breaking-news ticker, breadcrumbs, share buttons, ad slots, tags, the newsletter box, "Most
//! Read", the footer and the cookie notice. Those are dropped by their elements and class words;
//! what is left reads line for line like the copy.

use crate::rules::RULES;
use dateline_core::{Block, Page};
use std::borrow::Cow;

/// The blocks a reader sees as the page's text, in order; every block of a text copy but the
/// buttons. A short block that prints several fields side by side (`01-09-2024 Rudaw A+ A-` in one
/// line of `<span>`s) is read as one line per field, as a copy of the usual layout shows them; the
/// font control's two buttons, side by side or one under the other, are its one line.
pub fn visible(page: &Page) -> Vec<Cow<'_, Block>> {
    let font_control = RULES.font_control.as_str();
    let mut out: Vec<Cow<'_, Block>> = Vec::new();
    for b in page.field_blocks(|t| t == font_control) {
        if (b.tag.is_some() && page.in_chrome(&b, &RULES.chrome_words)) || RULES.is_button(&b.text)
        {
            continue;
        }
        if let Some((first, second)) = RULES.font_buttons()
            && b.text == second
            && let Some(prev) = out.last_mut()
            && prev.text == first
        {
            prev.to_mut().text = font_control.to_owned();
            continue;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::html;

    /// Rudaw's page frame around a story, one item of each kind of furniture.
    const PAGE: &str = r##"<html><body><form id="form1">
        <header class="header"><ul class="header__langs"><li><a href="/sorani">کوردی</a></li></ul>
          <a class="header__live" href="/english/live">Watch Live</a>
          <nav class="main-nav"><ul><li><a href="/english/kurdistan">Kurdistan</a></li></ul></nav></header>
        <div class="breaking-news"><span class="breaking-news__label">Breaking</span></div>
        <main><ol class="breadcrumb"><li><a href="/english">Home</a></li></ol>
          <article class="article-main">
            <header class="article-main__header"><h1>Gunmen kill two soldiers in Kirkuk</h1></header>
            <div class="article-main__date">12-03-2025</div><div class="article-main__author"><a href="#">Sura Ali</a></div>
            <div class="article-main__tools"><div class="font-size"><a href="#">A+</a> <a href="#">A-</a></div>
              <div class="share-buttons"><a href="#">Print</a></div></div>
            <div class="article-main__content"><p><strong>ERBIL, Kurdistan Region -</strong> Two soldiers were killed.</p>
              <div class="ad-slot"><span>Advertisement</span></div><p>&nbsp;</p><p>The attack took place at night.</p></div>
            <div class="article-main__tags"><span>Tags:</span> <a href="#">ISIS</a></div>
            <div class="newsletter-box"><h4>Subscribe</h4></div>
          </article>
          <div class="comments"><h3>Comments</h3><p>Rudaw moderates all comments submitted on our website.</p></div>
          <aside><h3>The Latest</h3><div>-</div><h4><a href="#">Kirkuk projects halted</a></h4>
            <div class="most-read"><h3>Most Read</h3></div></aside></main>
        <footer class="footer"><p>© 2025 Rudaw Media Network</p></footer>
        <div class="cookie-consent"><p>This website uses cookies.</p></div>
        </form></body></html>"##;

    #[test]
    fn html_reads_like_the_text_copy() {
        let page = html::parse(PAGE);
        let blocks = visible(&page);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Gunmen kill two soldiers in Kirkuk",
                "12-03-2025",
                "Sura Ali",
                "A+ A-",
                "ERBIL, Kurdistan Region - Two soldiers were killed.",
                "The attack took place at night.",
                "Comments",
                "Rudaw moderates all comments submitted on our website.",
                "The Latest",
                "-",
                "Kirkuk projects halted",
            ]
        );
    }

    #[test]
    fn fields_side_by_side_read_one_per_line() {
        // The date, the byline and the font control as inline parts of one meta block, or each
        // button in a block of its own: the lines of a copy either way.
        for meta in [
            "<div class=\"meta\"><span>12-03-2025</span> <span>Sura Ali</span> \
             <a href=\"#\">A+</a> <a href=\"#\">A-</a> <a href=\"#\">Print</a></div>",
            "<div>12-03-2025</div><div>Sura Ali</div><div><div>A+</div><div>A-</div></div>",
        ] {
            let page = html::parse(&format!(
                "<body><h1>Gunmen kill two soldiers</h1>{meta}<p>ERBIL, Kurdistan Region - Text.</p>\
                 <div>Advertisement</div><p>More text.</p></body>"
            ));
            let blocks = visible(&page);
            let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(
                texts,
                vec![
                    "Gunmen kill two soldiers",
                    "12-03-2025",
                    "Sura Ali",
                    "A+ A-",
                    "ERBIL, Kurdistan Region - Text.",
                    "More text.",
                ]
            );
        }
    }

    #[test]
    fn text_copies_keep_every_line_but_buttons() {
        let page = Page::from_text("Watch Live\nAdvertisement\nTags: ISIS\n");
        let blocks = visible(&page);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Watch Live", "Tags: ISIS"]);
    }
}
