//! Saved HTML → [`Page`].
//!
//! The blocks of an HTML page are meant to read like a text copy of the rendered page (one block per
//! visual line or paragraph), because site adapters written against text copies read saved HTML
//! through the same blocks. So: only what a browser shows (no scripts, styles, templates, `noscript`,
//! or elements marked hidden), one block per block-level box, inline elements merged into their block
//! with whitespace collapsed, `<br>` starting a new line. Each block also carries the hints an
//! extractor needs: its tag and kind, the class and id words around it, its link density and depth,
//! and the element it came from (the containers are kept in [`Page::elements`]).
//!
//! The walk over the tree is iterative and the parser caps nesting (see [`dom`]), so no document can
//! overflow the stack.

mod dom;
mod meta;

use crate::capture::Media;
use crate::page::{self, Block, BlockKind, Page};
use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element as DomElement;

/// Hints are gathered from at most this many ancestors: enough to see the comment thread or sidebar a
/// paragraph sits in on real pages, and it keeps a pathologically deep page from costing depth × blocks.
const HINT_LEVELS: usize = 24;

/// Parses an HTML document into blocks and metadata.
pub fn parse(html: &str) -> Page {
    page_of(&dom::parse_document(&dom::prepare(html)))
}

/// Parses as [`parse`] does but reads every byte: without the pre-pass that cuts code, comments
/// and unread attributes the tokenizer would spend its time on ([`dom::prepare`]). Slower, and the
/// same page: tests hold the pre-pass to that. Not for hostile input (the pre-pass also caps the
/// attributes of a tag, without which a tag with a million of them takes minutes).
pub fn parse_uncut(html: &str) -> Page {
    page_of(&dom::parse_document(html))
}

fn page_of(doc: &scraper::Html) -> Page {
    let mut walker = Walker::default();
    let root = doc.tree.root();
    let mut cur = root.first_child();
    while let Some(node) = cur {
        let opened = walker.open(node);
        if opened {
            if let Some(child) = node.first_child() {
                cur = Some(child);
                continue;
            }
            walker.close();
        }
        // Leaf done: go to the next sibling, closing the ancestors we climb out of.
        let mut n = node;
        cur = loop {
            if let Some(sibling) = n.next_sibling() {
                break Some(sibling);
            }
            match n.parent() {
                Some(parent) if parent.id() != root.id() => {
                    walker.close();
                    n = parent;
                }
                _ => break None,
            }
        };
    }
    walker.flush();
    let Walker {
        blocks,
        elements,
        meta,
        ..
    } = walker;
    Page {
        media: Media::Html,
        blocks,
        meta: meta.finish(),
        elements,
    }
}

/// One open element during the walk.
struct Frame<'a> {
    el: &'a DomElement,
    node: NodeRef<'a, Node>,
    /// Index in the page's element list, assigned when a block first needs it.
    index: Option<u32>,
    block_level: bool,
    /// Kind inherited by plain blocks inside (a paragraph in a blockquote is a quote).
    context: Option<BlockKind>,
    /// Inside `<head>`: read for metadata, never shown.
    invisible: bool,
    pre: bool,
    link: bool,
}

#[derive(Default)]
struct Walker<'a> {
    frames: Vec<Frame<'a>>,
    blocks: Vec<Block>,
    elements: Vec<page::Element>,
    meta: meta::Collector,
    /// Text of the block being built, whitespace already collapsed.
    text: String,
    pending_space: bool,
    chars: usize,
    link_chars: usize,
    /// Shallowest number of open frames while the current text was written: the frames below it have
    /// held all of the block's text, and the innermost of them is the block's element.
    common: usize,
    /// Shallowest number of open frames since the last character was written (elements closed after
    /// the last word do not widen the block's element unless more text follows).
    low_water: usize,
    /// The block's element when it has been closed already (`<span class=byline>By X</span><p>`).
    closed_element: Option<u32>,
    /// The DOM node of `closed_element`.
    closed_node: Option<NodeRef<'a, Node>>,
    /// `<br>`s since the last block: two in a row make a blank line.
    breaks: u32,
    blank_lines: u32,
}

impl<'a> Walker<'a> {
    /// Handles a node being entered; true when its children must be visited (and `close` called).
    fn open(&mut self, node: NodeRef<'a, Node>) -> bool {
        match node.value() {
            Node::Text(t) => {
                if !self.invisible() {
                    self.push_text(t);
                }
                false
            }
            Node::Element(el) => self.open_element(node, el),
            _ => false,
        }
    }

    fn invisible(&self) -> bool {
        self.frames.last().is_some_and(|f| f.invisible)
    }

    fn open_element(&mut self, node: NodeRef<'a, Node>, el: &'a DomElement) -> bool {
        let name = el.name();
        let parent_invisible = self.invisible();
        self.meta.element(node, el, parent_invisible);
        if is_dropped(name) {
            return false;
        }
        let root_like = matches!(name, "html" | "body");
        if !root_like && is_hidden(el) {
            return false;
        }
        if name == "br" {
            if !parent_invisible {
                self.line_break();
            }
            return false;
        }
        let block_level = is_block_level(name);
        if block_level {
            self.flush();
        }
        let parent = self.frames.last();
        let context = match name {
            "blockquote" => Some(BlockKind::Quote),
            "figcaption" | "caption" => Some(BlockKind::Caption),
            "li" | "dt" | "dd" => Some(BlockKind::ListItem),
            _ => parent.and_then(|f| f.context),
        };
        self.frames.push(Frame {
            el,
            node,
            index: None,
            block_level,
            context,
            invisible: parent_invisible || name == "head",
            pre: parent.is_some_and(|f| f.pre) || matches!(name, "pre" | "listing" | "xmp"),
            link: parent.is_some_and(|f| f.link) || name == "a",
        });
        true
    }

    fn close(&mut self) {
        let block_level = self.frames.last().is_some_and(|f| f.block_level);
        if block_level {
            self.flush();
        }
        let k = self.frames.len().saturating_sub(1);
        if !self.text.is_empty()
            && self.closed_element.is_none()
            && self.common == k + 1
            && self.low_water > k
        {
            // The innermost element holding all the text so far ends here; remember it in case no
            // more text follows before the block ends.
            self.closed_element = Some(self.index_of(k));
            self.closed_node = Some(self.frames[k].node);
        }
        self.frames.pop();
        self.low_water = self.low_water.min(self.frames.len());
    }

    fn push_text(&mut self, t: &str) {
        let (pre, link) = self
            .frames
            .last()
            .map_or((false, false), |f| (f.pre, f.link));
        if pre {
            let mut lines = t.split('\n');
            if let Some(first) = lines.next() {
                self.push_run(first, link);
            }
            for line in lines {
                if self.text.is_empty() {
                    self.blank_lines += 1;
                }
                self.flush();
                self.push_run(line, link);
            }
        } else {
            self.push_run(t, link);
        }
    }

    /// Appends text, collapsing whitespace as a browser does. Inside `pre` only the line structure is
    /// kept: a text copy of the page would not show runs of spaces either once cleaned.
    fn push_run(&mut self, t: &str, link: bool) {
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                self.pending_space = !self.text.is_empty();
                continue;
            }
            if self.text.is_empty() {
                self.common = self.frames.len();
            } else if self.low_water < self.common {
                self.common = self.low_water;
                self.closed_element = None;
                self.closed_node = None;
            }
            self.low_water = self.frames.len();
            if self.pending_space {
                self.text.push(' ');
                self.pending_space = false;
            }
            self.text.push(c);
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
    }

    fn line_break(&mut self) {
        if self.text.is_empty() {
            if self.breaks > 0 {
                self.blank_lines += 1;
            }
        } else {
            self.flush();
        }
        self.breaks += 1;
    }

    /// Ends the current block, if it has any text.
    fn flush(&mut self) {
        self.pending_space = false;
        if self.text.is_empty() {
            self.breaks = 0;
            return;
        }
        let text = std::mem::take(&mut self.text);
        let common = self.common.min(self.frames.len());
        let closed_node = self.closed_node.take();
        let (element, node) = match self.closed_element.take() {
            Some(e) => (Some(e), closed_node),
            None => match common.checked_sub(1) {
                Some(i) => (Some(self.index_of(i)), Some(self.frames[i].node)),
                None => (None, None),
            },
        };
        let parts = node.map_or_else(Vec::new, |n| inline_parts(n, &text));
        // Tag and kind come from the innermost block-level box holding the text.
        let block_frame = self.frames[..common.max(1).min(self.frames.len())]
            .iter()
            .rev()
            .find(|f| f.block_level)
            .or_else(|| self.frames.first());
        let (tag, kind) = match block_frame {
            Some(f) => {
                let tag = f.el.name();
                (Some(tag.to_owned()), kind_of(tag, f.context))
            }
            None => (None, BlockKind::Other),
        };
        let hints = element.map(|e| self.hints(e)).unwrap_or_default();
        let depth = element
            .and_then(|e| self.elements.get(e as usize))
            .map_or(0, |e| e.depth);
        self.blocks.push(Block {
            text,
            kind,
            blank_before: self.blank_lines,
            tag,
            hints,
            link_density: if self.chars == 0 {
                0.0
            } else {
                self.link_chars as f32 / self.chars as f32
            },
            depth,
            element,
            parts,
        });
        self.chars = 0;
        self.link_chars = 0;
        self.blank_lines = 0;
        self.breaks = 0;
    }

    /// The element-list index of the open frame at `i`, adding it (and its ancestors) when missing.
    fn index_of(&mut self, i: usize) -> u32 {
        if let Some(index) = self.frames[i].index {
            return index;
        }
        // Find the nearest ancestor already listed, then list the ones below it, parents first.
        let start = self.frames[..i]
            .iter()
            .rposition(|f| f.index.is_some())
            .map_or(0, |p| p + 1);
        let mut parent = start.checked_sub(1).and_then(|p| self.frames[p].index);
        for j in start..=i {
            let index = self.elements.len() as u32;
            let el = self.frames[j].el;
            self.elements.push(page::Element {
                tag: el.name().to_owned(),
                words: words_of(el),
                parent,
                depth: j as u32,
                role: el
                    .attr("role")
                    .map(|r| r.trim().to_ascii_lowercase())
                    .filter(|r| !r.is_empty()),
            });
            self.frames[j].index = Some(index);
            parent = Some(index);
        }
        parent.unwrap_or_default()
    }

    fn hints(&self, element: u32) -> Vec<String> {
        let mut out = Vec::new();
        let mut next = Some(element);
        for _ in 0..HINT_LEVELS {
            let Some(e) = next.and_then(|i| self.elements.get(i as usize)) else {
                break;
            };
            out.extend(e.words.iter().cloned());
            next = e.parent;
        }
        out
    }
}

fn kind_of(tag: &str, context: Option<BlockKind>) -> BlockKind {
    match tag {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "p" => context.unwrap_or(BlockKind::Paragraph),
        _ => context.unwrap_or(BlockKind::Other),
    }
}

/// Blocks up to this long (bytes) may print fields side by side (see [`page::Block::parts`]).
const MAX_FIELDS_BYTES: usize = 160;
/// Nodes looked at to find a block's fields: a short block has few; a hostile one is cut short.
const MAX_FIELDS_NODES: usize = 200;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// The fields a short block prints side by side: the inline children of its element that show text,
/// when there are two or more, nothing but spaces and separators (`|`, `·`, `-`) stands between
/// them, and together they are all of the block's text. Empty otherwise.
fn inline_parts(node: NodeRef<'_, Node>, text: &str) -> Vec<page::Part> {
    let elements = node
        .children()
        .take(MAX_FIELDS_NODES)
        .filter(|c| c.value().is_element())
        .take(2)
        .count();
    if text.len() > MAX_FIELDS_BYTES || elements < 2 {
        return Vec::new();
    }
    let mut budget = MAX_FIELDS_NODES;
    let mut parts = Vec::new();
    let mut seen = String::new();
    for child in node.children() {
        budget = match budget.checked_sub(1) {
            Some(b) => b,
            None => return Vec::new(),
        };
        match child.value() {
            Node::Text(t) => {
                if t.chars().any(char::is_alphanumeric) {
                    return Vec::new();
                }
                seen.extend(t.chars().filter(|c| !is_space(*c)));
            }
            Node::Element(el) => {
                let name = el.name();
                if is_dropped(name) || is_hidden(el) {
                    continue;
                }
                if name == "br" || is_block_level(name) {
                    return Vec::new();
                }
                let Some(t) = inline_text(child, &mut budget) else {
                    return Vec::new();
                };
                seen.extend(t.chars().filter(|c| !is_space(*c)));
                // A separator in an element of its own (`<span> | </span>`) is no field.
                if !t.chars().any(char::is_alphanumeric) {
                    continue;
                }
                parts.push(page::Part {
                    text: t,
                    tag: name.to_owned(),
                    words: words_of(el),
                });
            }
            _ => {}
        }
    }
    let whole = text.chars().filter(|c| !is_space(*c));
    if parts.len() < 2 || !seen.chars().eq(whole) {
        return Vec::new();
    }
    parts
}

/// The visible text of an inline element, whitespace collapsed; `None` when it holds a block or a
/// line break, or when `budget` nodes do not reach its end.
fn inline_text(node: NodeRef<'_, Node>, budget: &mut usize) -> Option<String> {
    let mut out = String::new();
    let mut pending = false;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        *budget = budget.checked_sub(1)?;
        match n.value() {
            Node::Text(t) => {
                for c in t.chars() {
                    if is_space(c) {
                        pending = !out.is_empty();
                    } else {
                        if pending {
                            out.push(' ');
                            pending = false;
                        }
                        out.push(c);
                    }
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if is_dropped(name) || is_hidden(el) {
                    continue;
                }
                if name == "br" || is_block_level(name) {
                    return None;
                }
                let first = stack.len();
                stack.extend(n.children());
                stack[first..].reverse();
            }
            _ => {}
        }
    }
    Some(out)
}

/// Class words in source order, then the id.
fn words_of(el: &DomElement) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for class in el
        .attr("class")
        .unwrap_or_default()
        .split_ascii_whitespace()
    {
        if !out.iter().any(|c| c == class) {
            out.push(class.to_owned());
        }
    }
    if let Some(id) = el.id() {
        let id = id.trim();
        if !id.is_empty() {
            out.push(id.to_owned());
        }
    }
    out
}

/// Elements whose content a reader never sees.
pub fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "datalist"
            | "textarea"
            | "input"
            | "button"
            | "img"
            | "picture"
            | "map"
            | "frameset"
            | "frame"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "param"
            | "source"
            | "track"
            | "noembed"
            | "noframes"
    )
}

/// Classes that every common stylesheet (WordPress, Bootstrap, Drupal, the a11y project) hides from
/// sight and keeps for screen readers: "Skip to content", "Posted on", "Continue reading TITLE".
/// A text copy of the page never has them. Responsive classes (`hidden-xs`, `d-none d-md-block`)
/// are not here: they show on some screens.
pub const SCREEN_READER_ONLY: &[&str] = &[
    "screen-reader-text",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
];

/// `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`, and the
/// screen-reader-only classes. One pass over the attributes: this runs on every element.
pub fn is_hidden(el: &DomElement) -> bool {
    el.attrs().any(|(name, value)| match name {
        "hidden" => true,
        "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
        "class" => value
            .split_ascii_whitespace()
            .any(|c| SCREEN_READER_ONLY.iter().any(|s| c.eq_ignore_ascii_case(s))),
        // Most inline styles hide nothing: only those naming `none` or `hidden` are squeezed.
        "style" if !(meta::has(value, "none") || meta::has(value, "hidden")) => false,
        "style" => {
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// Elements a browser lays out as blocks (each starts a new line in a text copy).
pub fn is_block_level(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "option"
            | "p"
            | "plaintext"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "xmp"
    )
}

#[cfg(test)]
mod tests;
