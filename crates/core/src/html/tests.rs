use super::*;
use crate::HintWords;

fn texts(page: &Page) -> Vec<&str> {
    page.texts().collect()
}

#[test]
fn blocks_read_like_a_text_copy() {
    let page = parse(
        "<html><head><title>T</title><style>p{}</style></head><body>\
         <h1>Head <a href=x>line</a></h1>\
         <p>One   <b>bold</b>\n word&amp;more.</p>\
         <div>loose text<p>inner</p>tail</div>\
         <p>line one<br>line two<br><br>after blank</p>\
         <script>var x = '<p>no</p>';</script><noscript>enable js</noscript>\
         <template><p>tpl</p></template>\
         </body></html>",
    );
    assert_eq!(
        texts(&page),
        vec![
            "Head line",
            "One bold word&more.",
            "loose text",
            "inner",
            "tail",
            "line one",
            "line two",
            "after blank"
        ]
    );
    assert_eq!(page.blocks[0].kind, BlockKind::Heading(1));
    assert!((page.blocks[0].link_density - 4.0 / 8.0).abs() < 1e-6);
    assert_eq!(page.blocks[2].tag.as_deref(), Some("div"));
    assert_eq!(page.blocks[7].blank_before, 1);
    assert_eq!(page.blocks[6].blank_before, 0);
    assert_eq!(page.media, Media::Html);
}

#[test]
fn hidden_and_unrendered_elements_are_dropped() {
    let page = parse(
        "<body><p>shown</p><p hidden>attr</p><div aria-hidden=\"true\">aria</div>\
         <div style=\"color:red; DISPLAY : none\">styled</div><span style=\"visibility:hidden\">vis</span>\
         <svg><title>icon</title><text>svg text</text></svg><select><option>opt</option></select>\
         <iframe>frame</iframe><p>end</p></body>",
    );
    assert_eq!(texts(&page), vec!["shown", "end"]);
}

#[test]
fn screen_reader_only_text_is_dropped_and_responsive_classes_are_kept() {
    let page = parse(
        "<body><a class=\"skip-link screen-reader-text\" href=\"#c\">Skip to content</a>\
         <p>Posted on <span class=\"SR-ONLY\">date:</span>21 July</p>\
         <p>Continue reading<span class=\"visually-hidden\"> Raid in Anbar</span></p>\
         <div class=\"d-none d-md-block\">desktop menu</div><p class=\"hidden-xs\">wide only</p>\
         </body>",
    );
    assert_eq!(
        texts(&page),
        vec![
            "Posted on 21 July",
            "Continue reading",
            "desktop menu",
            "wide only"
        ]
    );
}

#[test]
fn kinds_hints_and_elements() {
    let page = parse(
        "<body><article class=\"story main\" id=\"a1\"><h2>Sub</h2>\
         <blockquote><p>Quoted words</p></blockquote>\
         <figure><figcaption>Photo: someone</figcaption></figure>\
         <ul class=\"links\"><li><a href=\"/x\">Item</a></li></ul>\
         <table><tr><td>cell one</td><td>cell two</td></tr></table>\
         <pre>line a\n\nline b</pre></article></body>",
    );
    let got: Vec<(&str, BlockKind)> = page
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Sub", BlockKind::Heading(2)),
            ("Quoted words", BlockKind::Quote),
            ("Photo: someone", BlockKind::Caption),
            ("Item", BlockKind::ListItem),
            ("cell one", BlockKind::Other),
            ("cell two", BlockKind::Other),
            ("line a", BlockKind::Other),
            ("line b", BlockKind::Other),
        ]
    );
    // The list item's hints: its own words (none), then the list's, then the article's.
    let item = &page.blocks[3];
    assert_eq!(item.hints, vec!["links", "story", "main", "a1"]);
    assert_eq!(item.link_density, 1.0);
    assert_eq!(item.tag.as_deref(), Some("li"));
    assert_eq!(page.blocks[7].blank_before, 1);
    // Every block points at the innermost element holding all its text (here the link), and the
    // element chain climbs to <html>.
    let tags: Vec<&str> = page.ancestors(item).map(|(_, e)| e.tag.as_str()).collect();
    assert_eq!(tags, vec!["a", "li", "ul", "article", "body", "html"]);
    assert_eq!(item.depth, 5);
}

#[test]
fn inline_wrapper_is_the_element_of_its_text() {
    // A byline printed as a bare <span> in a container: the block is the span's, with its words.
    let page = parse(
        "<body><div class=\"head\"><span class=\"byline\">By Jane Doe</span><p>Text.</p></div></body>",
    );
    assert_eq!(page.blocks[0].text, "By Jane Doe");
    assert_eq!(
        page.blocks[0].hints.first().map(String::as_str),
        Some("byline")
    );
    assert_eq!(page.blocks[0].tag.as_deref(), Some("div"));
}

#[test]
fn entities_and_whitespace_as_a_browser_renders_them() {
    let page = parse(
        "<p>  caf&eacute;&nbsp;&nbsp;and&#x20;&lt;tea&gt; &amp;\n\t<i>more</i>  </p><p>a<b>b</b>c</p>",
    );
    assert_eq!(texts(&page), vec!["café and <tea> & more", "abc"]);
}

#[test]
fn metadata_from_meta_tags_json_ld_and_time() {
    let page = parse(
        r#"<html lang="en-GB"><head><title>Troops leave base | Example News</title>
        <link rel="canonical" href="https://example.com/a">
        <meta property="og:title" content="Troops leave base">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2025-07-24T10:00:00Z">
        <meta property="article:modified_time" content="2025-07-25T08:00:00Z">
        <meta property="article:section" content="World">
        <meta property="article:author" content="https://facebook.com/someone">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","name":"x"},
          {"@type":["NewsArticle"],"headline":"Troops leave base","datePublished":"2025-07-24T09:30:00+03:00",
           "dateModified":"2025-07-25T11:00:00+03:00","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}],
           "publisher":{"@type":"Organization","name":"Example Media"}}]}</script>
        </head><body><time datetime="2025-07-20">old</time><p>Body text.</p></body></html>"#,
    );
    let m = &page.meta;
    assert_eq!(m.title.as_deref(), Some("Troops leave base | Example News"));
    assert_eq!(m.headline.as_deref(), Some("Troops leave base"));
    assert_eq!(m.site_name.as_deref(), Some("Example News"));
    assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a"));
    // JSON-LD outranks the meta tag, and the modified date never stands in for publication.
    assert_eq!(m.published.as_deref(), Some("2025-07-24T09:30:00+03:00"));
    assert_eq!(m.modified.as_deref(), Some("2025-07-25T11:00:00+03:00"));
    assert_eq!(m.section.as_deref(), Some("World"));
    assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(m.author.as_deref(), Some("Jane Doe, John Roe"));
    assert_eq!(m.publisher.as_deref(), Some("Example Media"));
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
}

/// schema.org's subtypes of `Article` are articles too: a post on a blog or a social site.
#[test]
fn json_ld_of_an_article_subtype_dates_the_page() {
    for ty in [
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "OpinionNewsArticle",
    ] {
        let page = parse(&format!(
            r#"<head><script type="application/ld+json">{{"@type":"{ty}","headline":"H",
            "datePublished":"2014-09-02T08:35:27-04:00"}}</script></head><body><p>B.</p></body>"#
        ));
        assert_eq!(
            page.meta.published.as_deref(),
            Some("2014-09-02T08:35:27-04:00"),
            "{ty}"
        );
    }
}

#[test]
fn visible_byline_and_time_when_nothing_is_declared() {
    let page = parse(
        r#"<body><div class="article-byline">By <a href="/a/jd">Jane Doe</a></div>
        <time datetime="2025-07-24T10:00">July 24</time><p>Body.</p></body>"#,
    );
    assert_eq!(page.meta.author.as_deref(), Some("Jane Doe"));
    assert_eq!(page.meta.published.as_deref(), Some("2025-07-24T10:00"));
    assert_eq!(page.meta.modified, None);
}

#[test]
fn a_meta_charset_in_the_middle_of_the_head_does_not_stop_the_parse() {
    // html5ever pauses at <meta charset> so a caller may switch encodings; the parse must go on.
    let page =
        parse("<head><title>t</title><meta charset=\"utf-8\"></head><body><p>after</p></body>");
    assert_eq!(texts(&page), vec!["after"]);
}

#[test]
fn malformed_and_truncated_html_parse() {
    let cases = [
        "",
        "<",
        "<p",
        "<p>unclosed <b>bold <i>both</p> after",
        "</div></p></body></html>",
        "<table><td>cell<p>para</table>text",
        "<html><head><script>document.write('<p>",
        "<!-- never closed",
        "<p>a<![CDATA[x]]>b</p>",
        "\u{0}\u{fffd}<p>\u{0}nul</p>",
        "<div style=\"display:none\"><p>x</div>y",
        "<svg><p>breaks out of svg</p></svg>",
    ];
    for html in cases {
        let page = parse(html);
        for b in &page.blocks {
            assert!(!b.text.is_empty(), "{html:?} gave an empty block");
            assert!((0.0..=1.0).contains(&b.link_density));
        }
    }
    assert_eq!(
        texts(&parse("<p>unclosed <b>bold <i>both</p> after")),
        vec!["unclosed bold both", "after"]
    );
    assert_eq!(
        texts(&parse("<table><td>cell<p>para</table>text")),
        vec!["cell", "para", "text"]
    );
}

#[test]
fn deep_nesting_neither_overflows_nor_crawls() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 20);
    for i in 0..depth {
        html.push_str("<div class=\"d\">");
        if i % 10_000 == 0 {
            html.push_str("level ");
        }
    }
    html.push_str("deepest");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("<p>after</p>");
    let page = parse(&html);
    let all: Vec<&str> = page.texts().collect();
    assert!(all.contains(&"level"), "{:?}", &all[..all.len().min(5)]);
    assert_eq!(all.last(), Some(&"after"));
    assert!(all.iter().any(|t| t.contains("deepest")));
    // Nesting is capped as in browsers, and hints stay bounded.
    assert!(
        page.blocks
            .iter()
            .all(|b| b.depth as usize <= dom::MAX_DEPTH + 2)
    );
    assert!(page.blocks.iter().all(|b| b.hints.len() <= HINT_LEVELS));
    // Other deep shapes: inline formatting and lists.
    for (open, close) in [
        ("<b>", "</b>"),
        ("<span>", "</span>"),
        ("<ul><li>", "</li></ul>"),
        ("<table><tr><td>", "</td></tr></table>"),
    ] {
        let html = format!("{}x{}", open.repeat(20_000), close.repeat(20_000));
        let page = parse(&html);
        assert_eq!(page.texts().collect::<Vec<_>>(), vec!["x"], "{open}");
    }
}

fn fields(page: &Page) -> Vec<Vec<String>> {
    page.blocks
        .iter()
        .map(|b| b.fields().iter().map(|f| f.text.clone()).collect())
        .collect()
}

#[test]
fn short_blocks_print_their_inline_fields() {
    let page = parse(
        "<body><h1>Headline <span>here</span></h1>\
         <div class=meta><span class=date>01-09-2024</span> | <a class=author href=x>Rudaw</a>\
         <span> · </span><a href=#>A+</a> <a href=#>A-</a></div>\
         <p>By <a href=x>Jane Doe</a></p>\
         <p><b>ERBIL</b> <i>now</i></p>\
         <div><span>one</span><br><span>two</span></div>\
         <div><span>alone</span></div></body>",
    );
    assert_eq!(
        fields(&page),
        vec![
            vec!["Headline here"],
            vec!["01-09-2024", "Rudaw", "A+", "A-"],
            // Words between the elements: running text, one field.
            vec!["By Jane Doe"],
            vec!["ERBIL", "now"],
            vec!["one"],
            vec!["two"],
            vec!["alone"],
        ]
    );
    let meta = &page.blocks[1].fields();
    assert_eq!(meta[0].hints[..2], ["date".to_owned(), "meta".to_owned()]);
    assert_eq!(meta[1].link_density, 1.0);
    assert_eq!(meta[0].blank_before, page.blocks[1].blank_before);
    // Long blocks are running text whatever their markup.
    let long = format!(
        "<p><span>{}</span> <span>end</span></p>",
        "word ".repeat(40)
    );
    assert!(parse(&long).blocks[0].parts.is_empty());
}

#[test]
fn the_declared_headline_and_chrome_roles() {
    let page = parse(
        "<html><head><meta property=og:title content=\"The Story\"></head><body>\
         <div role=navigation><a href=/>Home</a></div><h2>Trending</h2><h1>The story</h1>\
         <p>Text.</p><div role=dialog><p>We use cookies.</p></div></body></html>",
    );
    assert_eq!(page.declared_headline(&page.blocks), Some(2));
    assert!(page.in_chrome(&page.blocks[0], &HintWords::none()));
    assert!(!page.in_chrome(&page.blocks[3], &HintWords::none()));
    assert!(page.in_chrome(&page.blocks[4], &HintWords::none()));
    // No declaration: the page's one h1; two undeclared h1s: none.
    let one = parse("<body><h2>Menu</h2><h1>Title</h1><p>x</p></body>");
    assert_eq!(one.declared_headline(&one.blocks), Some(1));
    let two = parse("<body><h1>A</h1><h1>B</h1></body>");
    assert_eq!(two.declared_headline(&two.blocks), None);
    assert_eq!(
        Page::from_text("Title\nBody").declared_headline(&Page::from_text("x").blocks),
        None
    );
}

#[test]
fn past_the_element_budget_the_text_is_kept_without_its_tags() {
    let n = dom::MAX_ELEMENTS + 50_000;
    let html = format!("<html><body>{}</body></html>", "<p>a</p>".repeat(n));
    let page = parse(&html);
    // Every letter is still there; past the budget they run together in the open element.
    let letters: usize = page
        .blocks
        .iter()
        .map(|b| b.text.matches('a').count())
        .sum();
    assert_eq!(letters, n);
    assert!(
        page.blocks.len() <= dom::MAX_ELEMENTS + 1,
        "{}",
        page.blocks.len()
    );
    // Raw-text elements past the budget still close: a script's markup stays script.
    let html = format!(
        "<body>{}<script>if (a < b) {{ x = '<p>not text</p>'; }}</script><p>after</p></body>",
        "<br>".repeat(dom::MAX_ELEMENTS)
    );
    let page = parse(&html);
    assert!(page.blocks.iter().all(|b| !b.text.contains("not text")));
    assert!(page.blocks.iter().any(|b| b.text.contains("after")));
}

/// Readability's order of declared titles: Dublin Core, then Open Graph, then Twitter; Parse.ly's
/// title only where nothing else declares one.
#[test]
fn declared_headline_follows_readabilitys_order() {
    let page = parse(
        r#"<html><head><title>Page</title>
        <meta property="og:title" content="Open Graph title">
        <meta property="dc:title" content="Dublin Core title">
        <meta name="parsely-title" content="Parsely title"></head><body><p>x</p></body></html>"#,
    );
    assert_eq!(page.meta.headline.as_deref(), Some("Dublin Core title"));
    let page = parse(
        r#"<html><head><meta name="parsely-title" content="Parsely title">
        <meta name="twitter:title" content="Twitter title"></head><body><p>x</p></body></html>"#,
    );
    assert_eq!(page.meta.headline.as_deref(), Some("Twitter title"));
    let page = parse(
        r#"<html><head><meta name="parsely-title" content="Parsely title"></head>
        <body><p>x</p></body></html>"#,
    );
    assert_eq!(page.meta.headline.as_deref(), Some("Parsely title"));
}

#[test]
fn class_words_of_furniture_match_any_ancestor_whatever_the_case() {
    let page = parse(
        "<body><div class=\"Site-ShareBar wrap\"><p>Share this story.</p></div>\
         <div id=main><section class=body><p>The story itself.</p></section></div></body>",
    );
    let words = HintWords::new(["sharebar", "", "NEWSLETTER"]);
    assert_eq!(words.words(), ["sharebar", "newsletter"]);
    assert!(page.in_chrome(&page.blocks[0], &words));
    assert!(!page.in_chrome(&page.blocks[1], &words));
    // Words are substrings of one class or id word, never of two side by side.
    assert!(!page.in_chrome(&page.blocks[0], &HintWords::new(["sharebar wrap"])));
    assert!(!page.in_chrome(&page.blocks[0], &HintWords::none()));
}
