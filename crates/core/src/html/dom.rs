//! HTML text → DOM tree (html5ever through scraper), with a nesting guard.
//!
//! html5ever follows the HTML5 tree-building rules exactly, but several of those rules scan the whole
//! stack of open elements ("has a `p` element in button scope?"), so a document nested 100,000 levels
//! deep costs billions of steps. Browsers cap the tree depth instead (Blink attaches anything deeper
//! than 512 levels to the element at that depth); we do the same before the tree builder sees the tags:
//! start tags beyond [`MAX_DEPTH`] open elements, and their end tags, are dropped and their text stays
//! in the deepest kept element.

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, local_name};
use scraper::Html;
use scraper::HtmlTreeSink;
use std::cell::RefCell;
use std::collections::HashMap;

/// Deepest element nesting kept, as in Blink.
pub const MAX_DEPTH: usize = 512;

/// Parses a whole document.
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

/// An approximation of the tree builder's stack of open elements, kept from the tags alone. It only
/// has to be good enough to notice runaway nesting: elements the tree builder closes implicitly are
/// closed here too where it matters for ordinary pages (paragraphs, list items, cells).
#[derive(Default)]
struct GuardState {
    open: Vec<LocalName>,
    dropped: HashMap<LocalName, u32>,
}

struct DepthGuard<S> {
    inner: S,
    state: RefCell<GuardState>,
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Self::Handle> {
        if let Token::TagToken(tag) = &token {
            let mut state = self.state.borrow_mut();
            let keep = match tag.kind {
                TagKind::StartTag => state.start(&tag.name, tag.self_closing),
                TagKind::EndTag => state.end(&tag.name),
            };
            if !keep {
                return TokenSinkResult::Continue;
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
    /// Returns false when the start tag must be dropped.
    fn start(&mut self, name: &LocalName, self_closing: bool) -> bool {
        if is_void(name) || (self_closing && !is_html_container(name)) {
            return true;
        }
        // Elements whose content the tokenizer reads as raw text must reach the tree builder, or the
        // tokenizer would read a script's `<` as markup.
        let raw_text = is_raw_text(name);
        if let Some((peers, barriers)) = closes_open_peer(name) {
            // `<li>` closes an open `<li>`, `<td>` an open cell…, but not across a nested list or
            // table: search down to the nearest barrier, as the tree builder does.
            for i in (0..self.open.len()).rev() {
                let open = &self.open[i];
                if peers.contains(open) {
                    self.open.truncate(i);
                    break;
                }
                if barriers.contains(open) {
                    break;
                }
            }
        } else if closes_p(name) && self.open.last() == Some(&local_name!("p")) {
            self.open.pop();
        }
        if self.open.len() >= MAX_DEPTH && !raw_text {
            *self.dropped.entry(name.clone()).or_insert(0) += 1;
            return false;
        }
        if !raw_text {
            self.open.push(name.clone());
        }
        true
    }

    fn end(&mut self, name: &LocalName) -> bool {
        if let Some(n) = self.dropped.get_mut(name)
            && *n > 0
        {
            *n -= 1;
            return false;
        }
        if let Some(i) = self.open.iter().rposition(|n| n == name) {
            self.open.truncate(i);
        }
        true
    }
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
