//! The block structure adapters read, the same for text copies and saved HTML.
//!
//! A text copy of a page (what "select all, copy" gives) is a sequence of lines; a saved HTML page is a
//! tree. Both become an ordered list of [`Block`]s so that one adapter's layout rules can read either
//! form. HTML blocks also carry the hints an extractor needs (tag, class and id words, link density).

use crate::capture::Media;
use crate::text::letters_key;
use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A line of a text capture: no markup, only position.
    Line,
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Caption,
    /// Preformatted text, table cells, and other block containers with direct text.
    Other,
}

impl BlockKind {
    /// `h1`–`h3`: the levels a page gives a story's headline; lower ones title boxes and sections.
    pub fn is_headline_level(self) -> bool {
        matches!(self, BlockKind::Heading(1..=3))
    }

    /// What the markup says about a block being a headline, for layout rules that otherwise judge
    /// a line by its words: `Some(true)` for `h1`–`h3`, `Some(false)` for any other element of a
    /// kind of its own (a paragraph, list item, quote, caption or lower heading), `None` for a line
    /// of a text copy or a plain box, where only the words can tell.
    pub fn headline_evidence(self) -> Option<bool> {
        match self {
            BlockKind::Line | BlockKind::Other => None,
            kind => Some(kind.is_headline_level()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// The block's text, whitespace collapsed as a browser would render it.
    pub text: String,
    pub kind: BlockKind,
    /// Blank lines (text) or block boundaries without text (HTML) before this block: layout often
    /// separates stories by them.
    pub blank_before: u32,
    /// HTML tag name (`p`, `h1`, `li`, …); `None` for text captures.
    pub tag: Option<String>,
    /// Class and id words of the element and its ancestors, nearest first (`entry-content`, `sidebar`).
    pub hints: Vec<String>,
    /// Share of the text that sits inside links, 0.0–1.0.
    pub link_density: f32,
    /// Depth of the element in the DOM (0 for text lines).
    pub depth: u32,
    /// The element the block was read from, an index into [`Page::elements`]; `None` for text lines.
    pub element: Option<u32>,
    /// The fields a short block prints side by side (`<span>01-09-2024</span> <span>Rudaw</span>`):
    /// its inline children, when there are two or more and nothing but spaces and separators stands
    /// between them. Empty for text lines, long blocks and blocks of running text. See
    /// [`Block::fields`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

/// One inline child of a short block (see [`Block::parts`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Its tag (`span`, `a`, `time`).
    pub tag: String,
    /// Its own class and id words.
    pub words: Vec<String>,
}

/// An HTML element that holds blocks. Hints and depth describe one block; an extractor also needs to
/// know which blocks share a container, to weigh a story body or a comment thread as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Element {
    pub tag: String,
    /// The element's own class and id words.
    pub words: Vec<String>,
    pub parent: Option<u32>,
    pub depth: u32,
    /// Its ARIA `role` (`navigation`, `dialog`), lower case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Element {
    /// True when its ARIA role says it is page furniture: navigation, a search form, a dialog (a
    /// cookie banner, a login popup), the page's banner or its footer information.
    pub fn has_chrome_role(&self) -> bool {
        self.role.as_deref().is_some_and(is_chrome_role)
    }
}

impl Block {
    pub fn line(text: impl Into<String>, blank_before: u32) -> Self {
        Block {
            text: text.into(),
            kind: BlockKind::Line,
            blank_before,
            tag: None,
            hints: Vec::new(),
            link_density: 0.0,
            depth: 0,
            element: None,
            parts: Vec::new(),
        }
    }

    /// The block as the fields it prints. A text line is one field. A short HTML block that prints
    /// several fields side by side in inline elements (`01-09-2024 Rudaw A+ A-` as three `<span>`s)
    /// gives one block per field, in order, each with the block's kind, tag and element, the field's
    /// own class and id words before the block's hints, and the block's blank lines before the first;
    /// any other block is itself. Layout rules written for one field per line read both shapes
    /// through this.
    pub fn fields(&self) -> Vec<Cow<'_, Block>> {
        if self.parts.len() < 2 || matches!(self.kind, BlockKind::Heading(_)) {
            return vec![Cow::Borrowed(self)];
        }
        self.parts
            .iter()
            .enumerate()
            .map(|(k, part)| {
                let mut hints = part.words.clone();
                hints.extend(self.hints.iter().cloned());
                Cow::Owned(Block {
                    text: part.text.clone(),
                    kind: self.kind,
                    blank_before: if k == 0 { self.blank_before } else { 0 },
                    tag: self.tag.clone(),
                    hints,
                    link_density: if part.tag == "a" {
                        1.0
                    } else {
                        self.link_density
                    },
                    depth: self.depth,
                    element: self.element,
                    parts: Vec::new(),
                })
            })
            .collect()
    }

    /// True when the whole text sits in links (a menu item, a button, a logo).
    pub fn is_link(&self) -> bool {
        self.tag.is_some() && self.link_density >= 0.99
    }

    /// True when any class/id hint contains `word` (case-insensitive substring).
    pub fn has_hint(&self, word: &str) -> bool {
        self.hints
            .iter()
            .any(|h| h.to_ascii_lowercase().contains(word))
    }

    /// True when any class/id hint contains one of `words` (case-insensitive substring).
    pub fn has_any_hint(&self, words: &HintWords) -> bool {
        self.hints.iter().any(|h| words.in_hint(h))
    }
}

/// A site's class and id words for its furniture ("share", "breadcrumb"), found as
/// case-insensitive substrings of a block's hints in one pass. A block carries the words of two
/// dozen ancestors and every block is asked twice (detection, then parsing): testing each word
/// against each hint in turn cost a third of reading the page.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct HintWords {
    words: Vec<String>,
    /// `None` when there are no words: nothing is furniture by name.
    matcher: Option<AhoCorasick>,
}

impl HintWords {
    /// Panics on a word list Aho-Corasick cannot compile (words of megabytes): the lists are
    /// adapters' compiled-in layout data, so that is a build-time mistake, not a page's.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> HintWords {
        let words: Vec<String> = words
            .into_iter()
            .map(|w| w.as_ref().to_ascii_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        let matcher = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&words)
                .expect("a layout's class and id words compile to one matcher")
        });
        HintWords { words, matcher }
    }

    /// No words at all: only the markup's own signs of furniture count.
    pub fn none() -> HintWords {
        HintWords::new(std::iter::empty::<&str>())
    }

    /// The words, lower case, in the order given.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Whether one class or id word contains one of the words.
    pub fn in_hint(&self, hint: &str) -> bool {
        self.matcher.as_ref().is_some_and(|m| m.is_match(hint))
    }
}

impl Default for HintWords {
    fn default() -> HintWords {
        HintWords::none()
    }
}

/// A layout file's list reads straight into the matcher.
impl From<Vec<String>> for HintWords {
    fn from(words: Vec<String>) -> HintWords {
        HintWords::new(words)
    }
}

/// Document-level metadata an HTML page declares about itself. Empty for text captures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// `og:title`, JSON-LD `headline`.
    pub headline: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// `article:published_time`, JSON-LD `datePublished`, `<time datetime>` — kept apart from modified.
    pub published: Option<String>,
    pub modified: Option<String>,
    pub author: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Every author the page names (JSON-LD, meta tags, else a visible byline), in page order;
    /// `author` is these joined.
    pub authors: Vec<String>,
    /// JSON-LD `publisher.name`.
    pub publisher: Option<String>,
    /// `og:url`.
    pub og_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    pub media: Media,
    pub blocks: Vec<Block>,
    pub meta: PageMeta,
    /// The containers of HTML blocks (see [`Block::element`]); empty for text captures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<Element>,
}

impl Page {
    /// Splits a text capture into lines. Lines holding only whitespace (including the no-break
    /// spaces some sites use as spacers) count as blank.
    pub fn from_text(text: &str) -> Page {
        let mut blocks = Vec::new();
        let mut blank = 0;
        for line in text.lines() {
            let cleaned = crate::text::clean_inline(line);
            if cleaned.is_empty() {
                blank += 1;
                continue;
            }
            blocks.push(Block::line(cleaned, blank));
            blank = 0;
        }
        Page {
            media: Media::Text,
            blocks,
            meta: PageMeta::default(),
            elements: Vec::new(),
        }
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().map(|b| b.text.as_str())
    }

    /// Index of the first block whose text equals `text` exactly.
    pub fn find(&self, text: &str) -> Option<usize> {
        self.blocks.iter().position(|b| b.text == text)
    }

    /// The element a block was read from and its ancestors, nearest first.
    pub fn ancestors(&self, block: &Block) -> impl Iterator<Item = (u32, &Element)> {
        let mut next = block.element;
        std::iter::from_fn(move || {
            let id = next?;
            let el = self.elements.get(id as usize)?;
            // Parents always come before their children, so this walk ends even on a corrupt list.
            next = el.parent.filter(|&p| p < id);
            Some((id, el))
        })
    }

    /// True when `block` sits in the page's own furniture rather than a story: an element whose class
    /// or id words contain one of `words` (a site's names for menus, share bars, ads), a `<nav>`, a
    /// `<header>`/`<footer>` that belongs to the page and not to an `<article>` or `<main>`, or an
    /// element whose ARIA role says it is navigation, a search form or a dialog (a cookie banner, a
    /// login popup). Always false for text captures, which carry no markup.
    pub fn in_chrome(&self, block: &Block, words: &HintWords) -> bool {
        block.has_any_hint(words)
            || self.in_declared_chrome(block)
            || self.in_page_header_or_footer(block)
    }

    /// True when `block` sits in an element the markup itself says is furniture, whatever the
    /// site: a `<nav>`, or an ARIA role of navigation, a search form, a dialog, the page's banner or
    /// its footer information. Part of [`Page::in_chrome`], for a layout whose headers and footers
    /// do not follow the usual rule.
    pub fn in_declared_chrome(&self, block: &Block) -> bool {
        self.ancestors(block)
            .any(|(_, el)| el.tag == "nav" || el.has_chrome_role())
    }

    /// True when `block` sits in a `<header>` or `<footer>` of the page rather than of an
    /// `<article>` or `<main>`.
    fn in_page_header_or_footer(&self, block: &Block) -> bool {
        let tags: Vec<&str> = self
            .ancestors(block)
            .map(|(_, el)| el.tag.as_str())
            .collect();
        tags.iter().enumerate().any(|(i, tag)| {
            matches!(*tag, "header" | "footer")
                && !tags[i + 1..]
                    .iter()
                    .any(|outer| matches!(*outer, "article" | "main"))
        })
    }

    /// Index in `blocks` of the page's own headline as its markup declares it: the first heading
    /// whose text is the headline the page declares (`og:title`, JSON-LD `headline`, else its
    /// `<title>` up to the site's name), else the page's one `<h1>`. `None` for text captures, and
    /// for a page with several `<h1>`s none of which is declared.
    pub fn declared_headline<'b>(
        &self,
        blocks: impl IntoIterator<Item = &'b Block>,
    ) -> Option<usize> {
        let blocks: Vec<&Block> = blocks.into_iter().collect();
        let headline = self.meta.headline.as_deref().map(letters_key);
        let title = self.meta.title.as_deref().map(letters_key);
        let matches = |b: &Block| {
            let t = letters_key(&b.text);
            !t.is_empty()
                && match (&headline, &title) {
                    (Some(h), _) => *h == t,
                    // The `<title>` may carry the site's name after the headline.
                    (None, Some(d)) => d.starts_with(&t) && t.len() * 2 > d.len(),
                    (None, None) => false,
                }
        };
        if let Some(i) = blocks
            .iter()
            .position(|b| b.kind.is_headline_level() && matches(b))
        {
            return Some(i);
        }
        let mut h1s = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Heading(1));
        match (h1s.next(), h1s.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The page's blocks as the fields they print (see [`Block::fields`]), except the blocks for
    /// which `one_field` says their whole text reads as one field of the layout.
    pub fn field_blocks(&self, one_field: impl Fn(&str) -> bool) -> Vec<Cow<'_, Block>> {
        self.blocks
            .iter()
            .flat_map(|b| {
                if b.parts.is_empty() || one_field(&b.text) {
                    vec![Cow::Borrowed(b)]
                } else {
                    b.fields()
                }
            })
            .collect()
    }

    /// True when some block's text equals `text` exactly.
    pub fn contains_line(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

/// ARIA roles of page furniture.
fn is_chrome_role(role: &str) -> bool {
    matches!(
        role,
        "navigation" | "search" | "dialog" | "alertdialog" | "banner" | "contentinfo"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lines_and_blank_counts() {
        let page = Page::from_text("\nTitle\n\u{a0}\n \nBody one\nBody two\n");
        let got: Vec<_> = page
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.blank_before))
            .collect();
        assert_eq!(got, vec![("Title", 1), ("Body one", 2), ("Body two", 0)]);
    }

    #[test]
    fn markup_evidence_for_headlines() {
        assert_eq!(BlockKind::Heading(1).headline_evidence(), Some(true));
        assert_eq!(BlockKind::Heading(3).headline_evidence(), Some(true));
        assert_eq!(BlockKind::Heading(5).headline_evidence(), Some(false));
        assert_eq!(BlockKind::Paragraph.headline_evidence(), Some(false));
        assert_eq!(BlockKind::Caption.headline_evidence(), Some(false));
        assert_eq!(BlockKind::Line.headline_evidence(), None);
        assert_eq!(BlockKind::Other.headline_evidence(), None);
    }
}
