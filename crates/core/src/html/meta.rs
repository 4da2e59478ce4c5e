//! What a page declares about itself: `<title>`, Open Graph and article meta tags, JSON-LD, `<time>`,
//! the canonical link, `<html lang>`, and a visible byline.
//!
//! Sources disagree and some are sloppy, so every value is a candidate with a rank and the best rank
//! wins (htmldate's order for dates: JSON-LD and `article:published_time` first, then other meta tags,
//! then `<time datetime>`). Publication and modification dates are never mixed: a page's "updated"
//! time is not when the story appeared.

use crate::page::PageMeta;
use crate::text::clean_inline;
use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;
use serde_json::Value;

/// A value and how much to trust it (lower is better); the first of equal rank wins.
#[derive(Default)]
struct Best(Option<(u8, String)>);

impl Best {
    fn offer(&mut self, rank: u8, value: &str) {
        let value = clean_inline(value);
        if value.is_empty() {
            return;
        }
        if self.0.as_ref().is_none_or(|(r, _)| rank < *r) {
            self.0 = Some((rank, value));
        }
    }

    fn get(self) -> Option<String> {
        self.0.map(|(_, v)| v)
    }
}

#[derive(Default)]
pub(super) struct Collector {
    title: Best,
    headline: Best,
    site_name: Best,
    canonical: Best,
    og_url: Best,
    published: Best,
    modified: Best,
    section: Best,
    description: Best,
    lang: Best,
    publisher: Best,
    /// Authors by source rank; the best-ranked source's list is kept whole.
    authors: Vec<(u8, String)>,
    byline: Option<String>,
    seen_time: bool,
}

/// Byline text is short: a name or two, maybe "By" and a role.
const MAX_BYLINE_CHARS: usize = 120;

impl Collector {
    /// Looks at one element as the walk enters it. `invisible`: inside `<head>` (no visible byline).
    pub(super) fn element(&mut self, node: NodeRef<'_, Node>, el: &Element, invisible: bool) {
        match el.name() {
            "html" => {
                if let Some(lang) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    self.lang.offer(0, lang);
                }
            }
            "title" => {
                // An SVG's <title> is a tooltip, not the page's; those are never reached (svg is dropped).
                self.title.offer(0, &child_text(node));
            }
            "meta" => self.meta_tag(el),
            "link" => {
                let rel = el.attr("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(href) = el.attr("href")
                {
                    self.canonical.offer(0, href);
                }
            }
            "script" => {
                let ty = el.attr("type").unwrap_or_default();
                if ty.to_ascii_lowercase().contains("ld+json") {
                    self.json_ld(&child_text(node));
                }
            }
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    let declared = el.attr("pubdate").is_some()
                        || el
                            .attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                    if declared {
                        self.published.offer(3, dt);
                    } else if !self.seen_time {
                        self.published.offer(5, dt);
                    }
                    self.seen_time = true;
                }
            }
            _ => {}
        }
        if !invisible && self.byline.is_none() && is_byline(el) {
            // "By <a href=/author/x>Jane Doe</a>, Senior Writer, Politics": the links to author
            // pages are the names; the rest is a role.
            let linked = author_links(node);
            let name = if linked.is_empty() {
                clean_byline(&subtree_text(node, MAX_BYLINE_CHARS * 2))
            } else {
                clean_byline(&linked.join(", "))
            };
            if let Some(name) = name {
                self.byline = Some(name);
            }
        }
    }

    fn meta_tag(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        // RDFa lets one `property` name several (`property="dc:creator twitter:site_name"`), and
        // Dublin Core is written `dc:creator` as often as `dc.creator`.
        for key in [el.attr("property"), el.attr("name"), el.attr("itemprop")]
            .into_iter()
            .flatten()
            .flat_map(str::split_ascii_whitespace)
        {
            let mut key = key.to_ascii_lowercase();
            for (colon, dot) in [
                ("dc:", "dc."),
                ("dcterms:", "dcterms."),
                ("dcterm:", "dcterms."),
            ] {
                if let Some(rest) = key.strip_prefix(colon) {
                    key = format!("{dot}{rest}");
                }
            }
            match key.as_str() {
                // Readability's order: Dublin Core, Open Graph, Twitter, Parse.ly.
                "dc.title" | "dcterms.title" => self.headline.offer(0, content),
                "og:title" => self.headline.offer(1, content),
                "twitter:title" => self.headline.offer(3, content),
                "headline" => self.headline.offer(4, content),
                "parsely-title" => self.headline.offer(5, content),
                "og:site_name" => self.site_name.offer(1, content),
                "application-name" => self.site_name.offer(4, content),
                "og:url" => self.og_url.offer(0, content),
                "og:description" => self.description.offer(1, content),
                "description" => self.description.offer(2, content),
                "twitter:description" => self.description.offer(3, content),
                "article:published_time" | "og:article:published_time" => {
                    self.published.offer(1, content)
                }
                "datepublished" | "article:published" | "og:published_time" => {
                    self.published.offer(2, content)
                }
                "pubdate" | "publishdate" | "publish-date" | "publish_date" | "date"
                | "dc.date" | "dc.date.issued" | "dcterms.created" | "dcterms.date"
                | "sailthru.date" | "parsely-pub-date" | "article.published" | "release_date"
                | "datecreated" => self.published.offer(4, content),
                "article:modified_time" | "og:article:modified_time" | "datemodified" => {
                    self.modified.offer(1, content)
                }
                "og:updated_time" | "dc.date.modified" | "dcterms.modified" | "last-modified" => {
                    self.modified.offer(2, content)
                }
                "article:section" | "og:article:section" => self.section.offer(1, content),
                "section" | "parsely-section" | "articlesection" => self.section.offer(3, content),
                // A Dublin Core creator is set on purpose; a plain `author` is often a CMS default.
                "article:author" | "og:article:author" | "dc.creator" | "dcterms.creator" => {
                    self.author(2, content)
                }
                "author" | "parsely-author" | "sailthru.author" => self.author(3, content),
                "byl" => self.author(4, content),
                _ => {}
            }
        }
    }

    fn author(&mut self, rank: u8, value: &str) {
        // `article:author` is often a profile URL, which is no name.
        let value = value.trim();
        if value.is_empty() || value.contains("://") || value.starts_with("www.") {
            return;
        }
        let Some(name) = clean_byline(value) else {
            return;
        };
        if !self.authors.iter().any(|(r, n)| *r == rank && *n == name) {
            self.authors.push((rank, name));
        }
    }

    fn json_ld(&mut self, text: &str) {
        let Some(value) = parse_json_ld(text) else {
            return;
        };
        // Iterative walk: JSON-LD nests articles in @graph arrays, `mainEntity`, lists of graphs.
        let mut stack = vec![&value];
        let mut found_article = false;
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if !found_article && map.get("@type").is_some_and(is_article_type) {
                        found_article = true;
                        self.json_ld_article(map);
                        continue;
                    }
                    for key in [
                        "@graph",
                        "mainEntity",
                        "mainEntityOfPage",
                        "itemListElement",
                    ] {
                        if let Some(inner) = map.get(key) {
                            stack.push(inner);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn json_ld_article(&mut self, map: &serde_json::Map<String, Value>) {
        let text = |key: &str| map.get(key).and_then(Value::as_str);
        if let Some(h) = text("headline") {
            self.headline.offer(2, h);
        }
        if let Some(d) = text("datePublished") {
            self.published.offer(0, d);
        }
        if let Some(d) = text("dateModified") {
            self.modified.offer(0, d);
        }
        if let Some(s) = text("articleSection") {
            self.section.offer(2, s);
        } else if let Some(Value::Array(sections)) = map.get("articleSection")
            && let Some(s) = sections.iter().find_map(Value::as_str)
        {
            self.section.offer(2, s);
        }
        if let Some(author) = map.get("author") {
            for name in names(author) {
                self.author(0, name);
            }
        }
        if let Some(publisher) = map.get("publisher")
            && let Some(name) = names(publisher).into_iter().next()
        {
            self.publisher.offer(0, name);
        }
    }

    pub(super) fn finish(self) -> PageMeta {
        let best_rank = self.authors.iter().map(|(r, _)| *r).min();
        let mut authors: Vec<String> = self
            .authors
            .into_iter()
            .filter(|(r, _)| Some(*r) == best_rank)
            .map(|(_, n)| n)
            .collect();
        if authors.is_empty() {
            authors.extend(self.byline);
        }
        let author = (!authors.is_empty()).then(|| authors.join(", "));
        PageMeta {
            title: self.title.get(),
            headline: self.headline.get(),
            site_name: self.site_name.get(),
            canonical_url: self.canonical.get(),
            published: self.published.get(),
            modified: self.modified.get(),
            author,
            section: self.section.get(),
            description: self.description.get(),
            lang: self.lang.get(),
            authors,
            publisher: self.publisher.get(),
            og_url: self.og_url.get(),
        }
    }
}

/// A JSON-LD script's value, read as leniently as browsers' consumers do: sites wrap it in
/// `<![CDATA[ … ]]>` (or `//<![CDATA[`) and HTML comments, leave commas before a closing bracket,
/// and break lines inside strings; each of those is undone before giving up.
fn parse_json_ld(text: &str) -> Option<Value> {
    let mut t = text.trim();
    for open in ["//<![CDATA[", "/*<![CDATA[*/", "<![CDATA[", "<!--"] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.trim_start();
        }
    }
    for close in ["//]]>", "/*]]>*/", "]]>", "-->"] {
        if let Some(rest) = t.strip_suffix(close) {
            t = rest.trim_end();
        }
    }
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    // Outside strings: drop a comma before `}` or `]`; inside strings: control characters become
    // spaces.
    let mut out = String::with_capacity(t.len());
    let (mut in_string, mut escaped) = (false, false);
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        if c == '"' {
            in_string = true;
        } else if c == ','
            && chars[i + 1..]
                .iter()
                .find(|n| !n.is_whitespace())
                .is_some_and(|n| matches!(n, '}' | ']'))
        {
            continue;
        }
        out.push(c);
    }
    serde_json::from_str(&out).ok()
}

/// schema.org's `Article` and its subtypes: the `…Article`s, `Report`, `SocialMediaPosting`
/// (`BlogPosting`, `LiveBlogPosting`, `DiscussionForumPosting`) and `APIReference`.
fn is_article_type(t: &Value) -> bool {
    let one = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting"
                    | "LiveBlogPosting"
                    | "SocialMediaPosting"
                    | "DiscussionForumPosting"
                    | "Report"
                    | "APIReference"
            )
    };
    match t {
        Value::String(s) => one(s),
        Value::Array(items) => items.iter().filter_map(Value::as_str).any(one),
        _ => false,
    }
}

/// Names in a JSON-LD person/organisation value: a string, `{"name": …}`, or a list of those.
fn names(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .into_iter()
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => Some(s.as_str()),
                Value::Object(map) => map.get("name").and_then(Value::as_str),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// An element that prints who wrote the story.
fn is_byline(el: &Element) -> bool {
    if el
        .attr("rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || el
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("author"))
    {
        return true;
    }
    // `byline`, `author`, and compounds that end in them (`blog-author`, `article__author`,
    // `post-author-name`), not an author's bio, photo or list of posts.
    let word_is_byline = |w: &str| {
        // This runs on every class word of a page: no allocation.
        let ends = |suffix: &str| {
            let Some(head_len) = w.len().checked_sub(suffix.len()) else {
                return false;
            };
            w.as_bytes()[head_len..].eq_ignore_ascii_case(suffix.as_bytes())
                && (head_len == 0 || matches!(w.as_bytes()[head_len - 1], b'-' | b'_'))
        };
        has(w, "byline")
            || ((ends("author") || has(w, "author-name") || has(w, "author__name"))
                && !has(w, "bio"))
    };
    let class = el.attr("class").unwrap_or_default();
    class.split_ascii_whitespace().any(word_is_byline) || el.id().is_some_and(word_is_byline)
}

/// Texts of the links under a byline element that lead to an author's page (`/author/`, `/bio/`,
/// `/people/`, `/profile/`, `/staff/`, `/by/`, `/writers/`, `rel=author`).
fn author_links(node: NodeRef<'_, Node>) -> Vec<String> {
    const PAGES: [&str; 8] = [
        "/author/",
        "/authors/",
        "/bio/",
        "/people/",
        "/profile/",
        "/staff/",
        "/by/",
        "/writers/",
    ];
    let mut out = Vec::new();
    for n in node.descendants() {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        if el.name() != "a" {
            continue;
        }
        let href = el.attr("href").unwrap_or_default().to_ascii_lowercase();
        let rel = el
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"));
        if rel || PAGES.iter().any(|p| href.contains(p)) {
            let text = clean_inline(&subtree_text(n, MAX_BYLINE_CHARS));
            if !text.is_empty() && !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// ASCII case-insensitive substring test, without allocating (it runs on every element).
pub(super) fn has(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe"; None for text that is no byline.
fn clean_byline(text: &str) -> Option<String> {
    let text = clean_inline(text);
    let mut rest = text.as_str();
    for prefix in ["written by", "posted by", "by:", "by", "von", "por", "di"] {
        if rest.len() > prefix.len()
            && rest.is_char_boundary(prefix.len())
            && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
            && rest[prefix.len()..].starts_with([' ', ':'])
        {
            rest = rest[prefix.len()..].trim_start_matches([' ', ':']);
            break;
        }
    }
    let rest = rest.trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace());
    let words = rest.split_whitespace().count();
    (!rest.is_empty() && rest.len() <= MAX_BYLINE_CHARS && (1..=12).contains(&words))
        .then(|| rest.to_owned())
}

/// Text of an element's direct text children (`<title>`, `<script>`).
fn child_text(node: NodeRef<'_, Node>) -> String {
    node.children()
        .filter_map(|c| c.value().as_text().map(|t| &**t))
        .collect()
}

/// Visible text under an element, at most `limit` bytes, without recursion.
fn subtree_text(node: NodeRef<'_, Node>, limit: usize) -> String {
    let mut out = String::new();
    for edge in node.traverse() {
        if let ego_tree::iter::Edge::Open(n) = edge {
            match n.value() {
                Node::Text(t) => {
                    out.push_str(t);
                    out.push(' ');
                }
                Node::Element(e) if matches!(e.name(), "script" | "style" | "time") => {}
                _ => {}
            }
            if out.len() > limit {
                break;
            }
        }
    }
    out
}
