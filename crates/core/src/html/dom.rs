//! HTML text → DOM tree (html5ever through scraper), with guards that keep the tree builder linear.
//!
//! html5ever follows the HTML5 tree-building rules exactly, and several of them cost time in
//! proportion to what is open: scope checks scan the whole stack of open elements ("has a `p`
//! element in button scope?"), the adoption agency (misnested `<b>…<i>…</b>`) scans the stack and
//! the list of active formatting elements, and the tokenizer compares each attribute's name with
//! every earlier one of its tag. A hostile page makes each of these grow with its length, and the
//! parse quadratic. So before the tree builder sees a token:
//!
//! - **Attributes** beyond [`MAX_ATTRIBUTES`] on one tag are cut from the text by a cheap pre-pass
//!   ([`prepare`]), because the tokenizer's duplicate check runs before any sink sees them;
//!   attributes a repeated `<html>` or `<body>` merges into the first are capped the same way.
//! - **Depth.** Browsers cap the tree depth (Blink attaches anything deeper than 512 levels to the
//!   element at that depth); so do we, from an approximation of the builder's stack of open
//!   elements kept from the tags alone ([`GuardState`]). A start tag that would open the
//!   [`MAX_DEPTH`]+1st element is dropped with its end tag, its text staying in the deepest kept
//!   element; a block-level one (a paragraph, a list item…) instead closes the deepest element and
//!   opens in its place, as a sibling, so block boundaries survive any depth.
//! - **Formatting elements.** The builder reopens ("reconstructs") active formatting elements that
//!   a foreign end tag closed, so `<b><i>x</b>` repeated nests deeper and deeper although every tag
//!   looks closed. The guard keeps its own list of active formatting elements, with the builder's
//!   markers and three-of-a-kind limit, so that this nesting counts towards [`MAX_DEPTH`], and drops
//!   formatting start tags once [`MAX_ACTIVE_FORMATTING`] are active.
//!
//! The approximation errs towards counting too deep; on ordinary pages it is never near the caps
//! (and a dropped formatting tag only loses bold or italics, never text).

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, local_name};
use scraper::Html;
use scraper::HtmlTreeSink;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Deepest element nesting kept, as in Blink.
pub const MAX_DEPTH: usize = 512;

/// Attributes kept per tag. Real pages stay far below (framework markup reaches a few dozen); the
/// tokenizer's duplicate check costs the square of this per tag.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements kept per page. A long news page has tens of thousands; 32 MB of `<p>a</p>` has four
/// million, and each costs a DOM node and a block (about 400 bytes together). Past the budget, tags
/// are dropped and their text joins the element that is open, so memory stays near the input's size.
pub const MAX_ELEMENTS: usize = 250_000;

/// Formatting elements (`b`, `i`, `a`, `font`…) active at once, markers excluded. Real pages leave a
/// handful unclosed; each one active is reopened inside every later block.
pub const MAX_ACTIVE_FORMATTING: usize = 64;

/// Parses a whole document. Callers pass it through [`prepare`] first, which also caps the
/// attributes of a tag: without it, a tag with hundreds of thousands of attributes is quadratic.
pub fn parse_document(text: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let guard = DepthGuard {
        inner: builder,
        state: RefCell::new(GuardState::default()),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // The tokenizer pauses after a `<script>` (for the caller to run it) and at a `<meta charset>` (to
    // let it switch encodings); the text is already decoded and scripts never run, so just go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let Tokenizer { sink, .. } = tokenizer;
    let sink: HtmlTreeSink = sink.inner.sink;
    sink.0.into_inner()
}

/// Cuts from the text what the tokenizer would spend most of its time on and no reader ever sees:
/// the attributes beyond [`MAX_ATTRIBUTES`] of every tag, the code inside `<script>` (JSON-LD
/// excepted: it is the page's metadata), `<style>` and `<noscript>`, and comments. On news pages
/// those are about half of the bytes, and the tokenizer reads raw text one character at a time.
///
/// It reads tags as the tokenizer does (quoted and unquoted values, comments, raw-text elements,
/// scripts' escaped runs) closely enough that a page with nothing to cut comes back borrowed,
/// unchanged. Where the tokenizer's reading could differ from this one (a comment closed by `--!>`
/// or empty) nothing is cut; from a drawing or formula whose content the tokenizer could read in
/// another mode (see [`tokenized_alike`]) on, nothing at all.
pub(crate) fn prepare(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let n = b.len();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        i += p + 1;
        if b[i..].starts_with(b"!--") {
            let (end, whole) = comment_end(b, i + 3);
            // After a `<` that is text, a cut would make it open a tag with what follows.
            if whole && (i < 2 || b[i - 2] != b'<') {
                cuts.push((i - 1, end));
            }
            i = end;
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let name_start = if end_tag { i + 1 } else { i };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `<!DOCTYPE …>`, `<?xml …>` and `</ …>` (a bogus comment) run to the next `>`; `</>`
            // is nothing and a `<` before anything else is text.
            let bogus = matches!(b.get(i), Some(b'!' | b'?'))
                || (end_tag && b.get(name_start).is_some_and(|&c| c != b'>'));
            if bogus {
                match memchr::memchr(b'>', &b[i..]) {
                    Some(e) => i += e + 1,
                    None => break,
                }
            }
            continue;
        }
        let mut name_end = name_start;
        while name_end < n && !is_tag_space(b[name_end]) && !matches!(b[name_end], b'/' | b'>') {
            name_end += 1;
        }
        let attributes = read_attributes(b, name_end, &mut cuts);
        i = attributes.next;
        if end_tag {
            continue;
        }
        let name = &b[name_start..name_end];
        if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if RAW_TEXT
            .iter()
            .any(|r| name.eq_ignore_ascii_case(r.as_bytes()))
        {
            let close = if name.eq_ignore_ascii_case(b"script") {
                script_end(b, i)
            } else {
                find_end_tag(b, i, name)
            };
            let Some(close) = close else {
                break;
            };
            let tag = &b[name_end..attributes.tag_end.min(n)];
            if unread_raw_text(name, tag) {
                cuts.push((i, close));
            }
            i = close;
        } else if FOREIGN.iter().any(|f| name.eq_ignore_ascii_case(f)) {
            let tag = &b[name_end..attributes.tag_end.min(n)];
            if tag.trim_ascii_end().ends_with(b"/") {
                continue;
            }
            // In a drawing or formula `<script>` and `<style>` are markup, not raw text, unless an
            // integration point or an early end makes them HTML again: where that could matter,
            // this reading stops cutting rather than follow the tree builder's modes.
            match find_end_tag(b, i, name) {
                Some(close) if tokenized_alike(&b[i..close]) => {}
                _ => break,
            }
        }
    }
    without_cuts(text, &cuts)
}

/// Elements of other vocabularies (drawings, formulas), whose content the tokenizer reads
/// differently from HTML's.
const FOREIGN: &[&[u8]] = &[b"svg", b"math"];

/// Whether the tokenizer reads `content` the same inside a drawing or formula as in HTML, whatever
/// mode the tree builder is in: no raw-text element, comment, CDATA section or nested drawing.
fn tokenized_alike(content: &[u8]) -> bool {
    memchr::memchr_iter(b'<', content).all(|at| {
        let rest = &content[at + 1..];
        if rest.starts_with(b"!") {
            return false;
        }
        let len = rest
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..len];
        let special = |t: &&[u8]| name.eq_ignore_ascii_case(t);
        !(FOREIGN.iter().any(special)
            || RAW_TEXT.iter().any(|r| special(&r.as_bytes()))
            || name.eq_ignore_ascii_case(b"plaintext"))
    })
}

/// Whether the content of raw-text element `name` (its tag's attributes `tag`) can go unread.
fn unread_raw_text(name: &[u8], tag: &[u8]) -> bool {
    let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
    if is(b"script") {
        !tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
    } else {
        is(b"style") || is(b"noscript")
    }
}

/// Where the `</script>` that ends a script whose code starts at `from` is, read with the
/// tokenizer's script states: in code, `<!--` opens an escaped run, in which `<script` opens a
/// double-escaped one where `</script>` does not end the script (old pages' `document.write`).
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Code,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Code;
    let mut i = from;
    loop {
        let at = i + match state {
            State::Code => memchr::memchr(b'<', b.get(i..)?)?,
            State::Escaped | State::DoubleEscaped => memchr::memchr2(b'<', b'-', b.get(i..)?)?,
        };
        let rest = &b[at..];
        if rest.starts_with(b"-->") {
            state = State::Code;
            i = at + 3;
        } else if state == State::Code && rest.starts_with(b"<!--") {
            // From the dashes: `<!-->` closes at once.
            state = State::Escaped;
            i = at + 2;
        } else if rest.starts_with(b"</") && names(&rest[2..], b"script") {
            match state {
                State::DoubleEscaped => state = State::Escaped,
                State::Code | State::Escaped => return Some(at),
            }
            i = at + 8;
        } else if state == State::Escaped && rest.starts_with(b"<") && names(&rest[1..], b"script")
        {
            state = State::DoubleEscaped;
            i = at + 7;
        } else {
            i = at + 1;
        }
    }
}

/// Whether `rest` starts with tag name `name` (any case) followed by a space, `/` or `>`, as
/// the tokenizer needs to end a raw-text element.
fn names(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && (is_tag_space(rest[name.len()]) || matches!(rest[name.len()], b'/' | b'>'))
}

/// Where the comment whose text starts at `from` ends (after its `-->` or `--!>`; the text's end
/// when it is never closed), and whether it is an ordinary one that can be cut whole: not empty
/// (`<!-->`, `<!--->`) and closed by `-->`. Each search stops at the first close, so reading every
/// comment of a page stays linear.
fn comment_end(b: &[u8], from: usize) -> (usize, bool) {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") || rest.starts_with(b"->") {
        return (from, false);
    }
    let Some(e) = memchr::memmem::find(rest, b"-->") else {
        return match memchr::memmem::find(rest, b"--!>") {
            Some(x) => (from + x + 4, false),
            None => (b.len(), false),
        };
    };
    match memchr::memmem::find(&rest[..e], b"--!>") {
        Some(x) => (from + x + 4, false),
        None => (from + e + 3, true),
    }
}

/// What [`read_attributes`] found in one tag.
struct TagAttributes {
    /// Where the tag's `>` is (the text's length for a tag left open).
    tag_end: usize,
    /// Where reading goes on.
    next: usize,
}

/// Reads a tag's attributes from the end of its name up to its `>`, adding to `cuts` those no one
/// reads ([`READ_ATTRIBUTES`]) and those beyond [`MAX_ATTRIBUTES`].
fn read_attributes(b: &[u8], from: usize, cuts: &mut Vec<(usize, usize)>) -> TagAttributes {
    let n = b.len();
    let mut j = from;
    let mut count = 0;
    let mut cut_from = None;
    let tag_end = loop {
        while j < n && (is_tag_space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= n {
            break n;
        }
        if b[j] == b'>' {
            j += 1;
            break j - 1;
        }
        let attr_start = j;
        let (name_end, end) = attribute_end(b, j);
        j = end;
        count += 1;
        if count == MAX_ATTRIBUTES + 1 {
            cut_from = Some(attr_start);
        }
        let name = &b[attr_start..name_end];
        if cut_from.is_none() && !READ_ATTRIBUTES.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            cuts.push((attr_start, end));
        }
    };
    if let Some(from) = cut_from {
        cuts.push((from, tag_end));
    }
    TagAttributes { tag_end, next: j }
}

/// The attributes anything in dateline reads (metadata, visibility, links, class and id for the
/// adapters' layout rules). The rest (`src`, `srcset`, `data-*`, `onclick`, SVG paths…) are a
/// third of a news page's markup, and the tokenizer reads attribute names one character at a time.
/// Code that reads another attribute must add it here; a test holds the list against the sources.
/// (The tree builder also compares formatting elements' attributes, to keep at most three alike
/// open: four unclosed `<b>`s that differ only in unread attributes are reopened three times, not
/// four. Which formatting wraps later text can change, a link's for link density, never the text.)
pub(crate) const READ_ATTRIBUTES: &[&[u8]] = &[
    b"class",
    b"id",
    b"style",
    b"hidden",
    b"aria-hidden",
    b"role",
    b"href",
    b"rel",
    b"itemprop",
    b"content",
    b"name",
    b"property",
    b"datetime",
    b"pubdate",
    b"type",
    b"lang",
    b"xml:lang",
    // Read by the tree builder: a `<font>` with one of these ends a drawing, an
    // `<annotation-xml encoding="text/html">` holds HTML, a `<template>` may be a shadow root.
    b"color",
    b"face",
    b"size",
    b"encoding",
    b"shadowrootmode",
];

/// Where the name of the attribute starting at `start` ends, and where the attribute ends: its
/// name, then `=` and a quoted or bare value if it has one.
fn attribute_end(b: &[u8], start: usize) -> (usize, usize) {
    let n = b.len();
    let mut j = start + 1;
    while j < n && !is_tag_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
        j += 1;
    }
    let name_end = j;
    while j < n && is_tag_space(b[j]) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return (name_end, name_end);
    }
    j += 1;
    while j < n && is_tag_space(b[j]) {
        j += 1;
    }
    let end = match b.get(j) {
        Some(&q @ (b'"' | b'\'')) => memchr::memchr(q, &b[j + 1..]).map_or(n, |e| j + 2 + e),
        _ => {
            while j < n && !is_tag_space(b[j]) && b[j] != b'>' {
                j += 1;
            }
            j
        }
    };
    (name_end, end)
}

/// `text` without the byte ranges `cuts` (in order, not overlapping).
fn without_cuts<'a>(text: &'a str, cuts: &[(usize, usize)]) -> Cow<'a, str> {
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut at = 0;
    for &(from, to) in cuts {
        out.extend_from_slice(&b[at..from]);
        at = to;
    }
    out.extend_from_slice(&b[at..]);
    // Every cut starts and ends next to an ASCII delimiter, so the text stays UTF-8; if it somehow
    // did not, parsing the page uncut is slow but right.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Elements whose content the tokenizer reads as text, markup and all (scripting enabled).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

fn is_tag_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// Where the end tag `</name` that closes a raw-text element starts (any case) at or after `from`:
/// as in the tokenizer, the name must be followed by a space, `/` or `>`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr::memchr(b'<', b.get(i..)?)?;
        if b[at + 1..].starts_with(b"/") && names(&b[at + 2..], name) {
            return Some(at);
        }
        i = at + 1;
    }
}

/// One element the guard believes open.
struct Open {
    name: LocalName,
    /// For a formatting element, the id of its entry in the list of active formatting elements.
    formatting: Option<u64>,
}

/// An entry of the guard's list of active formatting elements.
enum Active {
    /// Opened by a cell, caption or object: reconstruction and adoption stop here.
    Marker,
    Element {
        id: u64,
        name: LocalName,
        /// Name and attributes, for the three-of-a-kind limit.
        key: u64,
        open: bool,
    },
}

/// An approximation of the tree builder's stack of open elements and list of active formatting
/// elements, kept from the tags alone. It only has to be good enough to notice runaway nesting:
/// elements the tree builder closes implicitly are closed here too where it matters for ordinary
/// pages (paragraphs, list items, cells), and formatting elements are reopened as the builder does.
#[derive(Default)]
struct GuardState {
    open: Vec<Open>,
    active: Vec<Active>,
    next_id: u64,
    /// End tags still to drop, by name: those of dropped start tags and of elements closed early.
    dropped: HashMap<LocalName, u32>,
    /// Attributes offered so far by `<html>` and `<body>` tags, which the builder merges into one.
    root_attributes: usize,
    /// Start tags kept so far (see [`MAX_ELEMENTS`]).
    elements: usize,
}

/// What to do with a start tag.
enum Verdict {
    Keep,
    Drop,
    /// Close the deepest element (this end tag) first, then keep the tag.
    Replace(LocalName),
}

struct DepthGuard<S> {
    inner: S,
    state: RefCell<GuardState>,
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, mut token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        let verdict = {
            let mut state = self.state.borrow_mut();
            match &mut token {
                Token::TagToken(tag) => match tag.kind {
                    TagKind::StartTag => state.start(tag),
                    TagKind::EndTag if state.end(&tag.name) => Verdict::Keep,
                    TagKind::EndTag => Verdict::Drop,
                },
                Token::CharacterTokens(_) => {
                    state.reconstruct();
                    Verdict::Keep
                }
                _ => Verdict::Keep,
            }
        };
        match verdict {
            Verdict::Keep => {}
            Verdict::Drop => return TokenSinkResult::Continue,
            Verdict::Replace(name) => {
                let end = Token::TagToken(Tag {
                    kind: TagKind::EndTag,
                    name,
                    self_closing: false,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                });
                // An end tag never asks the tokenizer for anything.
                let _ = self.inner.process_token(end, line_number);
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl GuardState {
    fn start(&mut self, tag: &mut Tag) -> Verdict {
        let name = tag.name.clone();
        self.cap_root_attributes(tag);
        // Raw-text elements always reach the builder (see below); every other tag counts.
        if !is_raw_text(&name) {
            self.elements += 1;
            if self.elements > MAX_ELEMENTS {
                if is_void(&name) {
                    return Verdict::Drop;
                }
                return self.drop_start(name);
            }
        }
        if is_void(&name) || (tag.self_closing && !is_html_container(&name)) {
            if !starts_block(&name) {
                self.reconstruct();
            }
            return Verdict::Keep;
        }
        // Elements whose content the tokenizer reads as raw text must reach the tree builder, or the
        // tokenizer would read a script's `<` as markup.
        if is_raw_text(&name) {
            return Verdict::Keep;
        }
        self.close_implied_by(&name);
        let formatting = is_formatting(&name);
        if formatting && !self.room_for_formatting(&name) {
            return self.drop_start(name);
        }
        if !starts_block(&name) {
            self.reconstruct();
        }
        let verdict = if self.open.len() >= MAX_DEPTH {
            match self.replace_deepest(&name) {
                Some(verdict) => verdict,
                None => return self.drop_start(name),
            }
        } else {
            Verdict::Keep
        };
        self.push_open(tag, name, formatting);
        verdict
    }

    /// A repeated `<html>`/`<body>` adds its attributes to the first one, one sorted insert each:
    /// the total is capped.
    fn cap_root_attributes(&mut self, tag: &mut Tag) {
        if matches!(tag.name, local_name!("html") | local_name!("body")) {
            self.root_attributes += tag.attrs.len();
            if self.root_attributes > MAX_ATTRIBUTES {
                tag.attrs.clear();
            }
        }
    }

    /// Closes what a start tag `name` closes before it opens: `<li>` an open `<li>`, `<td>` an open
    /// cell…, but not across a nested list or table (the search stops at the nearest barrier, as
    /// the tree builder's does); a block-level tag an open `<p>` right above it.
    fn close_implied_by(&mut self, name: &LocalName) {
        if let Some((peers, barriers)) = closes_open_peer(name) {
            for i in (0..self.open.len()).rev() {
                let open = &self.open[i].name;
                if peers.contains(open) {
                    self.pop_to(i);
                    break;
                }
                if barriers.contains(open) {
                    break;
                }
            }
        } else if closes_p(name) && self.open.last().is_some_and(|o| o.name == local_name!("p")) {
            self.pop_to(self.open.len() - 1);
        }
    }

    /// Makes way for a formatting start tag; false when it must be dropped because
    /// [`MAX_ACTIVE_FORMATTING`] are active.
    fn room_for_formatting(&mut self, name: &LocalName) -> bool {
        if matches!(*name, local_name!("a") | local_name!("nobr"))
            && self.active_index(name).is_some()
        {
            // The builder runs the adoption agency for the open one first.
            self.end_formatting(name);
            if let Some(k) = self.active_index(name) {
                self.active.remove(k);
            }
        }
        let active = self
            .active
            .iter()
            .filter(|a| matches!(a, Active::Element { .. }))
            .count();
        active < MAX_ACTIVE_FORMATTING
    }

    /// At [`MAX_DEPTH`], a block-level tag opens as a sibling of the deepest element instead of its
    /// child, so the block keeps its boundary: the deepest element is closed (the returned verdict
    /// sends its end tag) and its own end tag is dropped later. `None` when the tag must be dropped.
    fn replace_deepest(&mut self, name: &LocalName) -> Option<Verdict> {
        if !starts_block(name) {
            return None;
        }
        let (deepest, formatting) = self.open.last().map(|o| (o.name.clone(), o.formatting))?;
        // Closed by an end tag, a formatting element leaves the active list too (else it would
        // be reopened at once).
        if let Some(id) = formatting {
            self.active
                .retain(|a| !matches!(a, Active::Element { id: x, .. } if *x == id));
        }
        self.pop_to(self.open.len() - 1);
        *self.dropped.entry(deepest.clone()).or_insert(0) += 1;
        Some(Verdict::Replace(deepest))
    }

    /// Opens the element; a formatting one also becomes active.
    fn push_open(&mut self, tag: &Tag, name: LocalName, formatting: bool) {
        let id = if formatting {
            self.next_id += 1;
            let key = formatting_key(tag);
            self.noahs_ark(&name, key);
            self.active.push(Active::Element {
                id: self.next_id,
                name: name.clone(),
                key,
                open: true,
            });
            Some(self.next_id)
        } else {
            if is_marker(&name) {
                self.active.push(Active::Marker);
            }
            None
        };
        self.open.push(Open {
            name,
            formatting: id,
        });
    }

    fn drop_start(&mut self, name: LocalName) -> Verdict {
        *self.dropped.entry(name).or_insert(0) += 1;
        Verdict::Drop
    }

    /// Returns false when the end tag must be dropped.
    fn end(&mut self, name: &LocalName) -> bool {
        if let Some(n) = self.dropped.get_mut(name)
            && *n > 0
        {
            *n -= 1;
            return false;
        }
        if is_formatting(name) && self.active_index(name).is_some() {
            self.end_formatting(name);
        } else if let Some(i) = self.open.iter().rposition(|o| o.name == *name) {
            self.pop_to(i);
        }
        true
    }

    /// The adoption agency, as far as depth goes: without a block-level element inside, the
    /// formatting element closes with everything inside it; with one, the block stays open and
    /// only the formatting element goes (the builder moves a copy of it into the block, then closes
    /// that).
    fn end_formatting(&mut self, name: &LocalName) {
        let Some(k) = self.active_index(name) else {
            return;
        };
        let Some(Active::Element { id, open, .. }) = self.active.get(k) else {
            return;
        };
        let (id, open) = (*id, *open);
        self.active.remove(k);
        if !open {
            return;
        }
        let Some(i) = self.open.iter().rposition(|o| o.formatting == Some(id)) else {
            return;
        };
        let last_special = self.open[i + 1..]
            .iter()
            .rposition(|o| is_special(&o.name))
            .map(|p| i + 1 + p);
        match last_special {
            None => self.pop_to(i),
            Some(s) => {
                self.pop_to(s + 1);
                self.open.remove(i);
            }
        }
    }

    /// Closes the open elements from `len` up: formatting ones stay active (to be reopened), the
    /// formatting elements after a cell's marker are forgotten with the cell.
    fn pop_to(&mut self, len: usize) {
        while self.open.len() > len {
            let Some(o) = self.open.pop() else {
                break;
            };
            if let Some(id) = o.formatting {
                if let Some(Active::Element { open, .. }) = self
                    .active
                    .iter_mut()
                    .rev()
                    .find(|a| matches!(a, Active::Element { id: x, .. } if *x == id))
                {
                    *open = false;
                }
            } else if is_marker(&o.name) {
                while let Some(a) = self.active.pop() {
                    if matches!(a, Active::Marker) {
                        break;
                    }
                }
            }
        }
    }

    /// Reopens the active formatting elements that are closed, as the builder does before text and
    /// before most start tags.
    fn reconstruct(&mut self) {
        let mut first = self.active.len();
        while first > 0 && matches!(self.active[first - 1], Active::Element { open: false, .. }) {
            first -= 1;
        }
        for a in &mut self.active[first..] {
            if let Active::Element { id, name, open, .. } = a {
                *open = true;
                self.open.push(Open {
                    name: name.clone(),
                    formatting: Some(*id),
                });
            }
        }
    }

    /// Index of the last active entry named `name` after the last marker.
    fn active_index(&self, name: &LocalName) -> Option<usize> {
        for (k, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => return None,
                Active::Element { name: n, .. } if n == name => return Some(k),
                Active::Element { .. } => {}
            }
        }
        None
    }

    /// The builder keeps at most three identical formatting elements (same name and attributes)
    /// after the last marker, forgetting the earliest.
    fn noahs_ark(&mut self, name: &LocalName, key: u64) {
        let mut same = Vec::new();
        for (k, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => break,
                Active::Element {
                    name: n, key: k2, ..
                } if n == name && *k2 == key => same.push(k),
                Active::Element { .. } => {}
            }
        }
        if same.len() >= 3
            && let Some(&earliest) = same.last()
        {
            self.active.remove(earliest);
        }
    }
}

/// Name and attributes (in any order) of a formatting element.
fn formatting_key(tag: &Tag) -> u64 {
    let mut attrs: Vec<(&str, &str)> = tag
        .attrs
        .iter()
        .map(|a| (&*a.name.local, &*a.value))
        .collect();
    attrs.sort_unstable();
    let mut h = DefaultHasher::new();
    tag.name.hash(&mut h);
    attrs.hash(&mut h);
    h.finish()
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
    )
}

/// HTML ignores the self-closing flag on its own elements (`<div/>` opens a div).
fn is_html_container(name: &LocalName) -> bool {
    !matches!(
        *name,
        local_name!("svg") | local_name!("math") | local_name!("path") | local_name!("use")
    )
}

fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

/// For tags that close an open element of their kind: which open elements they close, and which open
/// elements stop the search.
fn closes_open_peer(name: &LocalName) -> Option<(&'static [LocalName], &'static [LocalName])> {
    static P: [LocalName; 1] = [local_name!("p")];
    static LI: [LocalName; 1] = [local_name!("li")];
    static DEF: [LocalName; 2] = [local_name!("dt"), local_name!("dd")];
    static CELL: [LocalName; 2] = [local_name!("td"), local_name!("th")];
    static ROW: [LocalName; 1] = [local_name!("tr")];
    static OPT: [LocalName; 1] = [local_name!("option")];
    static LISTS: [LocalName; 12] = [
        local_name!("ul"),
        local_name!("ol"),
        local_name!("dl"),
        local_name!("menu"),
        local_name!("table"),
        local_name!("td"),
        local_name!("th"),
        local_name!("button"),
        local_name!("body"),
        local_name!("html"),
        local_name!("object"),
        local_name!("template"),
    ];
    static TABLES: [LocalName; 3] = [
        local_name!("table"),
        local_name!("html"),
        local_name!("template"),
    ];
    static SELECTS: [LocalName; 3] = [
        local_name!("select"),
        local_name!("datalist"),
        local_name!("html"),
    ];
    match *name {
        local_name!("p") => Some((&P, &LISTS)),
        local_name!("li") => Some((&LI, &LISTS)),
        local_name!("dt") | local_name!("dd") => Some((&DEF, &LISTS)),
        local_name!("td") | local_name!("th") => Some((&CELL, &TABLES)),
        local_name!("tr") => Some((&ROW, &TABLES)),
        local_name!("option") => Some((&OPT, &SELECTS)),
        _ => None,
    }
}

fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("div")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("table")
            | local_name!("blockquote")
            | local_name!("section")
            | local_name!("article")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("form")
            | local_name!("hr")
    )
}

/// The builder's formatting elements: closed by the adoption agency, reopened after foreign ends.
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Elements that put a marker on the list of active formatting elements.
fn is_marker(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("applet")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("template")
    )
}

/// The builder's "special" elements that can be open: the adoption agency keeps them open.
fn is_special(name: &LocalName) -> bool {
    starts_block(name)
        || matches!(
            *name,
            local_name!("applet")
                | local_name!("button")
                | local_name!("colgroup")
                | local_name!("head")
                | local_name!("marquee")
                | local_name!("object")
                | local_name!("select")
                | local_name!("template")
        )
}

/// Block-level elements, the ones whose boundary must survive any depth (and before which the
/// builder reopens no formatting element).
fn starts_block(name: &LocalName) -> bool {
    closes_p(name)
        || matches!(
            *name,
            local_name!("address")
                | local_name!("body")
                | local_name!("caption")
                | local_name!("center")
                | local_name!("dd")
                | local_name!("details")
                | local_name!("dialog")
                | local_name!("dir")
                | local_name!("dl")
                | local_name!("dt")
                | local_name!("fieldset")
                | local_name!("figcaption")
                | local_name!("hgroup")
                | local_name!("html")
                | local_name!("li")
                | local_name!("listing")
                | local_name!("main")
                | local_name!("menu")
                | local_name!("p")
                | local_name!("summary")
                | local_name!("tbody")
                | local_name!("td")
                | local_name!("tfoot")
                | local_name!("th")
                | local_name!("thead")
                | local_name!("tr")
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_with_nothing_to_cut_is_borrowed() {
        let html = "<p class=\"a\" id=b>x <b>y</b></p><a href='/z' rel=author>z</a>";
        assert!(matches!(prepare(html), Cow::Borrowed(_)));
    }

    #[test]
    fn code_styles_comments_and_unread_attributes_are_cut() {
        let html = concat!(
            "<script src=\"a.js\">var a = '<p>';</script>",
            "<style media=all>p { color: red }</style>",
            "<!-- a comment --><noscript><img src=x></noscript>",
            "<p class=lead data-x=\"1\" onclick='go()'>Text</p>",
            "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>",
        );
        assert_eq!(
            prepare(html),
            concat!(
                "<script ></script><style ></style><noscript></noscript>",
                "<p class=lead  >Text</p><svg ><path /></svg>"
            )
        );
    }

    #[test]
    fn json_ld_is_metadata_and_stays() {
        let html = r#"<script type="application/ld+json">{"headline": "H"}</script>"#;
        assert_eq!(prepare(html), html);
    }

    #[test]
    fn what_the_tokenizer_could_read_otherwise_is_left_alone() {
        for html in [
            // Comments that are empty or closed by `--!>`.
            "<!-->text<!--->text",
            "<!-- a --!> text -->",
            // In a drawing a script is markup; from one that could hold some on, nothing is cut.
            "<svg><script>var a = '</p>';</script></svg><style>p{}</style>",
            "<svg><svg></svg><style>p{}</style></svg><style>p{}</style>",
            "<math><mi><!-- x --></mi></math><!-- y -->",
        ] {
            assert_eq!(prepare(html), html, "{html}");
        }
    }

    #[test]
    fn an_escaped_script_ends_where_the_tokenizer_ends_it() {
        assert_eq!(
            prepare("<script><!-- document.write('<script>x</script>') --></script><p>a"),
            "<script></script><p>a"
        );
    }

    #[test]
    fn a_raw_text_end_tag_needs_its_whole_name() {
        assert_eq!(prepare("<style>a</styles>b</style >c"), "<style></style >c");
    }

    #[test]
    fn an_unclosed_comment_ends_the_reading() {
        let html = format!("<!--{}", "<!-- x".repeat(10_000));
        assert!(matches!(prepare(&html), Cow::Borrowed(_)));
    }

    /// Every attribute the code base reads through `attr("…")` must survive the pre-pass.
    #[test]
    fn every_attribute_read_is_kept() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut missing = Vec::new();
        let mut seen = 0;
        for dir in ["crates", "adapters"] {
            for file in rust_files(&root.join(dir)) {
                let Ok(source) = std::fs::read_to_string(&file) else {
                    continue;
                };
                for piece in source.split(".attr(\"").skip(1) {
                    let name = piece.split('"').next().unwrap_or_default();
                    seen += 1;
                    if !READ_ATTRIBUTES.iter().any(|r| r == &name.as_bytes()) {
                        missing.push(format!("{}: {name}", file.display()));
                    }
                }
            }
        }
        assert!(seen > 10, "the scan found the code's attribute reads");
        assert!(missing.is_empty(), "add to READ_ATTRIBUTES: {missing:#?}");
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() && !path.ends_with("target") {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        out
    }
}
