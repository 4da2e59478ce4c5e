//! The page as a text copy shows it, so that one set of layout rules reads both forms.
//!
//! A text copy of a Baghdad Telegraph page holds the top bar (date, weather), the post and the theme's
//! widgets. The saved HTML holds more: the off-canvas mobile menu and search, the login popup, the
//! logo, the main menu, breadcrumbs, ad slots, the post footer (tags, share bar, previous/next links,
//! author box), the site footer and a cookie bar. The tagDiv "Newspaper" theme names all of these in
//! its class words, the same on every site built with it, so they are dropped by those words; what is
//! left reads line for line like the copy.

use crate::rules::RULES;
use dateline_core::{Block, HintWords, Page};
use std::borrow::Cow;

/// The blocks a reader sees as the page's text, in order; every block of a text copy. A short block
/// that prints several fields side by side (the byline, the date and the share buttons as `<span>`s
/// in one line) is read as one line per field, unless `one_field` says its whole text is one line of
/// the layout (`By Ahmed Kareem - July 27, 2025`, the weather widget's `48 C`).
pub fn visible(page: &Page, one_field: impl Fn(&str) -> bool) -> Vec<Cow<'_, Block>> {
    page.field_blocks(one_field)
        .into_iter()
        .filter(|b| b.tag.is_none() || !in_chrome(page, b, &RULES.chrome_words))
        .collect()
}

/// [`Page::in_chrome`] but for headers and footers. The theme prints the post's own furniture (tags,
/// share bar, previous/next links, author box) in a `<footer>` inside the `<article>`, where a
/// footer is usually the story's own; and a page's `<header>` may hold the top bar a copy shows.
fn in_chrome(page: &Page, block: &Block, words: &HintWords) -> bool {
    block.has_any_hint(words)
        || page.in_declared_chrome(block)
        || page.ancestors(block).any(|(_, el)| el.tag == "footer")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::html;

    /// The theme's page frame around a post, trimmed to one item of each kind of furniture.
    const PAGE: &str = r##"<html><body class="single td-standalone-header">
        <div id="td-mobile-nav"><ul class="td-mobile-main-menu"><li><a href="/">Home</a></li></ul></div>
        <div class="td-search-wrap-mob"><div class="td-search-input"><span>Search</span></div></div>
        <div class="td-header-wrap"><div class="td-header-top-menu">
          <div class="td_data_time"><div>Saturday, July 26, 2025</div></div>
          <div class="td-weather-top-widget"><div class="td-weather-now"><span class="td-big-degrees">48</span>
            <span class="td-weather-unit">C</span></div><div class="td-weather-city">Baghdad</div></div>
          <div class="menu-top-container"><ul class="top-header-menu"><li><a href="/about/">About Us</a></li></ul></div>
          <div class="td-login-modal-wrap mfp-hide"><div class="td-login-panel-title">Sign in</div></div>
        </div>
        <div class="td-header-sp-logo"><a class="td-main-logo" href="/"><span class="td-visual-hidden">Baghdad Telegraph</span></a></div>
        <div class="td-header-menu-wrap"><ul class="sf-menu"><li><a href="/category/iraq/">Iraq</a></li></ul></div></div>
        <div class="td-crumb-container"><div class="entry-crumbs"><a href="/">Home</a> <span>Story</span></div></div>
        <article><div class="td-post-header"><header class="td-post-title"><h1 class="entry-title">Troops Leave Base</h1></header></div>
          <div class="td-post-content"><p>On Monday, troops left.</p>
            <div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Advertisement -</span></div>
            <p>They will not return.</p></div>
          <footer><div class="td-post-sharing-bottom"><div class="td-social-but-text">Share</div></div>
            <div class="td-post-next-prev"><span>Previous article</span><a href="/x/">Other story</a></div>
            <div class="author-box-wrap"><div class="td-author-name">Editorial Team</div></div></footer></article>
        <div class="td_block_wrap"><h4 class="td-block-title"><span>Hot this week</span></h4>
          <h3 class="entry-title td-module-title"><a href="/y/">Iraqi Protests Surge</a></h3>
          <div class="td-excerpt">On Friday, hundreds of Iraqis gathered outside the...</div></div>
        <div class="td-footer-wrapper"><div class="footer-text-wrap">About the site.</div></div>
        <div class="td-sub-footer-container"><div class="td-sub-footer-copy">&copy; Copyright 2025</div></div>
        <div id="cookie-law-info-bar"><div class="cli-bar-message">We use cookies.</div></div>
        </body></html>"##;

    #[test]
    fn html_reads_like_the_text_copy() {
        let page = html::parse(PAGE);
        let blocks = visible(&page, crate::one_field);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Saturday, July 26, 2025",
                "48 C",
                "Baghdad",
                "Troops Leave Base",
                "On Monday, troops left.",
                "They will not return.",
                "Hot this week",
                "Iraqi Protests Surge",
                "On Friday, hundreds of Iraqis gathered outside the...",
            ]
        );
    }

    #[test]
    fn text_copies_keep_every_line() {
        let page = Page::from_text("Saturday, July 26, 2025\n48 C\nShare\nAbout Us\n");
        assert_eq!(visible(&page, crate::one_field).len(), 4);
    }
}
