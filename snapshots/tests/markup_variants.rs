//! The same page in another markup must give the same articles.
//!
//! Site adapters were written against the text copies and saved HTML of a few pages; on pages
//! nobody tuned them to, the markup says the same thing in another shape. Each HTML fixture of the
//! site adapters (and of the generic adapter) is parsed, rewritten on its DOM into a variant that is
//! still a plausible page of the same site, serialized back to HTML, and read again through the
//! whole pipeline. The variant must give the articles of the original, field for field (`capture`
//! and `id` aside: they hash the bytes), and, for a site fixture, be claimed by the same adapter
//! from its layout alone.
//!
//! The variants:
//!
//! - `merged-meta`: the short blocks next to a headline (date, byline, outlet, "A+ A-", share
//!   buttons) printed as inline `<span>`s in one `<div>`;
//! - `split-meta`: the opposite, each inline part of such a short block in a `<div>` of its own;
//! - `no-classes`: every `class` and `id` attribute removed (elements the site's stylesheet hides by
//!   one of those classes are removed first: without it they would show, which is another page);
//! - `renamed-classes`: every class and id word replaced by a hash of it;
//! - `wrappers`: an extra `<div>` around every block and around the article;
//! - `br-paragraphs`: runs of `<p>` siblings printed as one container's text with `<br><br>`
//!   between paragraphs.

use dateline_core::{Article, Capture, Media, Sidecar, adapter, extract::page_of};
use dateline_snapshots::workspace_root;
use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::{LocalName, Namespace, QualName};
use libtest_mimic::{Arguments, Failed, Trial};
use scraper::node::{Element, Text};
use scraper::{Html, Node};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    MergedMeta,
    SplitMeta,
    NoClasses,
    RenamedClasses,
    Wrappers,
    BrParagraphs,
}

const VARIANTS: &[Variant] = &[
    Variant::MergedMeta,
    Variant::SplitMeta,
    Variant::NoClasses,
    Variant::RenamedClasses,
    Variant::Wrappers,
    Variant::BrParagraphs,
];

impl Variant {
    fn name(self) -> &'static str {
        match self {
            Variant::MergedMeta => "merged-meta",
            Variant::SplitMeta => "split-meta",
            Variant::NoClasses => "no-classes",
            Variant::RenamedClasses => "renamed-classes",
            Variant::Wrappers => "wrappers",
            Variant::BrParagraphs => "br-paragraphs",
        }
    }

    fn apply(self, doc: &mut Html) {
        match self {
            Variant::MergedMeta => merge_meta(doc),
            Variant::SplitMeta => split_meta(doc),
            Variant::NoClasses => rewrite_classes(doc, |_| None),
            Variant::RenamedClasses => rewrite_classes(doc, |w| Some(hashed(w))),
            Variant::Wrappers => add_wrappers(doc),
            Variant::BrParagraphs => br_paragraphs(doc),
        }
    }
}

/// (variant, adapter, fixture stem, why) pairs that are not required to agree. Each must say why
/// the variant is ambiguous for that page even to a human reader.
const EXCLUDED: &[(Variant, &str, &str, &str)] = &[];

fn excluded(variant: Variant, id: &str, stem: &str) -> bool {
    EXCLUDED
        .iter()
        .any(|(v, a, s, _)| *v == variant && *a == id && *s == stem)
}

// ---------------------------------------------------------------------------------------------
// Reading the DOM

/// Elements a reader never sees (as `dateline_core::html` drops them), and the head.
fn is_dropped(name: &str) -> bool {
    dateline_core::html::is_dropped(name) || name == "head"
}

fn is_block(name: &str) -> bool {
    dateline_core::html::is_block_level(name)
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// What `dateline_core::html` treats as hidden.
fn hidden(el: &Element) -> bool {
    dateline_core::html::is_hidden(el)
}

fn element(doc: &Html, id: NodeId) -> Option<&Element> {
    doc.tree.get(id).and_then(|n| n.value().as_element())
}

fn name_of(doc: &Html, id: NodeId) -> &str {
    element(doc, id).map_or("", |e| e.name())
}

/// An element whose content shows.
fn shows(doc: &Html, id: NodeId) -> bool {
    element(doc, id).is_some_and(|e| !is_dropped(e.name()) && !hidden(e))
}

/// The text a reader sees under `id`, whitespace collapsed.
fn visible_text(doc: &Html, id: NodeId) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let Some(node) = doc.tree.get(n) else {
            continue;
        };
        match node.value() {
            Node::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Node::Element(e) => {
                if is_dropped(e.name()) || hidden(e) {
                    continue;
                }
                if e.name() == "br" {
                    out.push(' ');
                }
                let children: Vec<NodeId> = node.children().map(|c| c.id()).collect();
                stack.extend(children.into_iter().rev());
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Element children that show and hold text.
fn element_children(doc: &Html, id: NodeId) -> Vec<NodeId> {
    doc.tree.get(id).map_or_else(Vec::new, |n| {
        n.children()
            .filter(|c| shows(doc, c.id()))
            .map(|c| c.id())
            .collect()
    })
}

/// True when a block-level element with visible text sits below `id`.
fn has_block_inside(doc: &Html, id: NodeId) -> bool {
    let Some(node) = doc.tree.get(id) else {
        return false;
    };
    node.descendants().skip(1).any(|d| {
        d.value().as_element().is_some_and(|e| {
            (is_block(e.name()) || e.name() == "br")
                && shows(doc, d.id())
                && !visible_text(doc, d.id()).is_empty()
        })
    })
}

/// Block elements with visible text and no such block inside, under `id` (itself included), in
/// document order.
fn leaf_blocks(doc: &Html, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if !shows(doc, n) {
            continue;
        }
        let name = name_of(doc, n);
        if is_block(name) && !visible_text(doc, n).is_empty() && !has_block_inside(doc, n) {
            out.push(n);
            continue;
        }
        let children: Vec<NodeId> = element_children(doc, n);
        stack.extend(children.into_iter().rev());
    }
    out
}

/// A meta field: a short line, not a heading, not a sentence.
fn is_short_leaf(doc: &Html, id: NodeId) -> bool {
    let text = visible_text(doc, id);
    !is_heading(name_of(doc, id)) && words(&text) <= 8 && text.chars().count() <= 60
}

/// The leaf blocks of the short sibling blocks next to a headline, on one side: siblings are taken
/// while all their leaves are short fields (siblings without text are passed over); when the
/// headline's container runs out, its own siblings are looked at, up to two levels up and never
/// out of an `<article>`, `<main>` or `<section>`.
fn meta_run(doc: &Html, headline: NodeId, forward: bool) -> Vec<NodeId> {
    let mut run: Vec<Vec<NodeId>> = Vec::new();
    let mut at = headline;
    for _ in 0..3 {
        let mut sib = sibling(doc, at, forward);
        while let Some(s) = sib {
            if shows(doc, s) {
                let leaves = leaf_blocks(doc, s);
                if !leaves.is_empty() {
                    if leaves.iter().all(|l| is_short_leaf(doc, *l)) {
                        run.push(leaves);
                    } else {
                        return flatten(run, forward);
                    }
                }
            }
            sib = sibling(doc, s, forward);
        }
        let Some(parent) = doc.tree.get(at).and_then(|n| n.parent()) else {
            break;
        };
        if matches!(
            name_of(doc, parent.id()),
            "article" | "main" | "section" | "body" | "html" | ""
        ) {
            break;
        }
        at = parent.id();
    }
    flatten(run, forward)
}

fn flatten(run: Vec<Vec<NodeId>>, forward: bool) -> Vec<NodeId> {
    let mut out: Vec<NodeId> = Vec::new();
    if forward {
        run.into_iter().for_each(|r| out.extend(r));
    } else {
        run.into_iter().rev().for_each(|r| out.extend(r));
    }
    out
}

fn sibling(doc: &Html, id: NodeId, forward: bool) -> Option<NodeId> {
    let node = doc.tree.get(id)?;
    let mut s = if forward {
        node.next_sibling()
    } else {
        node.prev_sibling()
    };
    while let Some(n) = s {
        if n.value().is_element() {
            return Some(n.id());
        }
        s = if forward {
            n.next_sibling()
        } else {
            n.prev_sibling()
        };
    }
    None
}

/// Visible `h1`–`h3` headlines, in document order.
fn headlines(doc: &Html) -> Vec<NodeId> {
    let body = doc
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
    let Some(body) = body else {
        return Vec::new();
    };
    leaf_blocks(doc, body.id())
        .into_iter()
        .filter(|h| {
            matches!(name_of(doc, *h), "h1" | "h2" | "h3") && words(&visible_text(doc, *h)) <= 30
        })
        .collect()
}

/// Every run of meta fields next to a headline, each leaf in one run only.
fn meta_runs(doc: &Html) -> Vec<Vec<NodeId>> {
    let mut seen: Vec<NodeId> = Vec::new();
    let mut runs = Vec::new();
    for h in headlines(doc) {
        for forward in [false, true] {
            let run = meta_run(doc, h, forward);
            if run.is_empty() || run.iter().any(|l| seen.contains(l)) {
                continue;
            }
            seen.extend(run.iter().copied());
            runs.push(run);
        }
    }
    runs
}

// ---------------------------------------------------------------------------------------------
// Writing the DOM

fn html_name(name: &str) -> QualName {
    QualName::new(
        None,
        Namespace::from("http://www.w3.org/1999/xhtml"),
        LocalName::from(name),
    )
}

fn new_element(doc: &mut Html, name: &str) -> NodeId {
    doc.tree
        .orphan(Node::Element(Element::new(html_name(name), Vec::new())))
        .id()
}

fn new_text(doc: &mut Html, text: &str) -> NodeId {
    doc.tree
        .orphan(Node::Text(Text {
            text: StrTendril::from_slice(text),
        }))
        .id()
}

/// An element like `id` (same attributes) under another name.
fn renamed(doc: &mut Html, id: NodeId, name: &str) -> NodeId {
    let attrs = element(doc, id)
        .map(|e| e.attrs.clone())
        .unwrap_or_default();
    let new = new_element(doc, name);
    if let Some(mut n) = doc.tree.get_mut(new)
        && let Node::Element(e) = n.value()
    {
        e.attrs = attrs;
    }
    new
}

/// Moves every child of `from` to the end of `to`.
fn move_children(doc: &mut Html, from: NodeId, to: NodeId) {
    if let Some(mut t) = doc.tree.get_mut(to) {
        t.reparent_from_id_append(from);
    }
}

fn insert_before(doc: &mut Html, at: NodeId, new: NodeId) {
    if let Some(mut a) = doc.tree.get_mut(at) {
        a.insert_id_before(new);
    }
}

fn detach(doc: &mut Html, id: NodeId) {
    if let Some(mut n) = doc.tree.get_mut(id) {
        n.detach();
    }
}

fn append(doc: &mut Html, parent: NodeId, child: NodeId) {
    if let Some(mut p) = doc.tree.get_mut(parent) {
        p.append_id(child);
    }
}

/// Removes `id` and then every ancestor left without any child but whitespace.
fn remove_and_prune(doc: &mut Html, id: NodeId) {
    let mut parent = doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    detach(doc, id);
    while let Some(p) = parent {
        let empty = doc.tree.get(p).is_some_and(|n| {
            n.value().is_element()
                && !matches!(name_of(doc, p), "body" | "html")
                && n.children().all(|c| match c.value() {
                    Node::Text(t) => t.trim().is_empty(),
                    Node::Comment(_) => true,
                    _ => false,
                })
        });
        if !empty {
            break;
        }
        parent = doc.tree.get(p).and_then(|n| n.parent()).map(|n| n.id());
        detach(doc, p);
    }
}

/// (a) The fields of each meta run as `<span>`s (keeping each field's attributes) in one `<div>`
/// where the first field was.
fn merge_meta(doc: &mut Html) {
    for run in meta_runs(doc) {
        if run.len() < 2 {
            continue;
        }
        let div = new_element(doc, "div");
        insert_before(doc, run[0], div);
        for (k, leaf) in run.iter().enumerate() {
            if k > 0 {
                let space = new_text(doc, " ");
                append(doc, div, space);
            }
            let span = renamed(doc, *leaf, "span");
            move_children(doc, *leaf, span);
            append(doc, div, span);
            remove_and_prune(doc, *leaf);
        }
    }
}

/// The inline parts of a short block: its children that show text, when there are two or more
/// and the text between them is only spaces and separators.
fn inline_parts(doc: &Html, leaf: NodeId) -> Option<Vec<NodeId>> {
    let node = doc.tree.get(leaf)?;
    let mut parts = Vec::new();
    for c in node.children() {
        match c.value() {
            Node::Text(t) if t.chars().any(char::is_alphanumeric) => return None,
            Node::Element(_) if shows(doc, c.id()) && !visible_text(doc, c.id()).is_empty() => {
                parts.push(c.id());
            }
            _ => {}
        }
    }
    (parts.len() >= 2).then_some(parts)
}

/// (b) Each inline part of a meta field in a `<div>` of its own (a field that was a paragraph or a
/// heading becomes a `<div>`: it now holds blocks).
fn split_meta(doc: &mut Html) {
    for run in meta_runs(doc) {
        for leaf in run {
            let Some(parts) = inline_parts(doc, leaf) else {
                continue;
            };
            if !matches!(name_of(doc, leaf), "div" | "li" | "td" | "dd") {
                let div = renamed(doc, leaf, "div");
                insert_before(doc, leaf, div);
                move_children(doc, leaf, div);
                detach(doc, leaf);
            }
            // Separators between the parts stay where they are, between the new blocks.
            for part in parts {
                let div = new_element(doc, "div");
                insert_before(doc, part, div);
                append(doc, div, part);
            }
        }
    }
}

/// Class words the site's stylesheet uses to hide an element (a closed popup, an off-canvas menu):
/// without the class the element would show, which is another page, so it goes first.
const HIDING_CLASSES: &[&str] = &["mfp-hide", "hidden", "d-none", "hide", "aspNetHidden"];

/// Every element of the document, in document order (taken first: the rewrites change the tree).
fn element_ids(doc: &Html) -> Vec<NodeId> {
    doc.tree
        .root()
        .descendants()
        .filter(|n| n.value().is_element())
        .map(|n| n.id())
        .collect()
}

/// (c), (d) Every class and id word through `f` (`None` drops it).
fn rewrite_classes(doc: &mut Html, f: impl Fn(&str) -> Option<String>) {
    let ids = element_ids(doc);
    let mut gone = Vec::new();
    for id in &ids {
        if let Some(e) = element(doc, *id)
            && (e.classes().any(|c| {
                dateline_core::html::SCREEN_READER_ONLY
                    .iter()
                    .any(|s| c.eq_ignore_ascii_case(s))
                    || HIDING_CLASSES.contains(&c)
            }))
        {
            gone.push(*id);
        }
    }
    for id in gone {
        detach(doc, id);
    }
    for id in ids {
        let Some(mut n) = doc.tree.get_mut(id) else {
            continue;
        };
        let Node::Element(e) = n.value() else {
            continue;
        };
        let mut attrs = std::mem::take(&mut e.attrs);
        attrs.retain_mut(|(name, value)| {
            let key = &*name.local;
            if key != "class" && key != "id" {
                return true;
            }
            let rewritten: Vec<String> = value.split_ascii_whitespace().filter_map(&f).collect();
            if rewritten.is_empty() {
                return false;
            }
            *value = StrTendril::from_slice(&rewritten.join(" "));
            true
        });
        *e = Element::new(
            e.name.clone(),
            attrs
                .into_iter()
                .map(|(name, value)| html5ever::Attribute {
                    name,
                    value: StrTendril::from_slice(&value),
                })
                .collect(),
        );
    }
}

/// A stable stand-in for a class word.
fn hashed(word: &str) -> String {
    // FNV-1a: the same word gets the same name on every run.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("c{:010x}", h & 0xff_ffff_ffff)
}

/// (e) A `<div>` around every block that may hold one, and two around each article and main.
fn add_wrappers(doc: &mut Html) {
    let targets: Vec<(NodeId, usize)> = doc
        .tree
        .root()
        .descendants()
        .filter_map(|n| {
            let e = n.value().as_element()?;
            let inside_body = n
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|p| p.name() == "body"));
            if !inside_body {
                return None;
            }
            match e.name() {
                "article" | "main" => Some((n.id(), 2)),
                "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "figure"
                | "section" | "aside" | "ul" | "ol" | "table" => Some((n.id(), 1)),
                _ => None,
            }
        })
        .collect();
    for (id, times) in targets {
        for _ in 0..times {
            let div = new_element(doc, "div");
            insert_before(doc, id, div);
            append(doc, div, id);
        }
    }
}

/// (f) Each run of two or more `<p>` siblings becomes the text of their container, paragraphs
/// separated by `<br><br>` (paragraphs with no text, spacers, are dropped: the breaks are the gap).
fn br_paragraphs(doc: &mut Html) {
    let parents = element_ids(doc);
    for parent in parents {
        let mut runs: Vec<Vec<NodeId>> = Vec::new();
        let mut current: Vec<NodeId> = Vec::new();
        let children: Vec<NodeId> = doc
            .tree
            .get(parent)
            .map(|n| n.children().map(|c| c.id()).collect())
            .unwrap_or_default();
        for c in children {
            let node = doc.tree.get(c);
            let (is_p, skip) = match node.map(|n| n.value()) {
                Some(Node::Element(e)) => (e.name() == "p", false),
                Some(Node::Text(t)) => (false, t.trim().is_empty()),
                Some(Node::Comment(_)) => (false, true),
                _ => (false, false),
            };
            if is_p {
                current.push(c);
            } else if !skip && !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        for run in runs {
            let texts: Vec<NodeId> = run
                .iter()
                .copied()
                .filter(|p| !visible_text(doc, *p).is_empty())
                .collect();
            if texts.len() < 2 {
                continue;
            }
            for (k, p) in texts.iter().enumerate() {
                if k > 0 {
                    for _ in 0..2 {
                        let br = new_element(doc, "br");
                        insert_before(doc, *p, br);
                    }
                }
                // The paragraph's content in its place.
                let children: Vec<NodeId> = doc
                    .tree
                    .get(*p)
                    .map(|n| n.children().map(|c| c.id()).collect())
                    .unwrap_or_default();
                for c in children {
                    insert_before(doc, *p, c);
                }
            }
            for p in run {
                detach(doc, p);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing

/// Every article field but the ones that hash the capture's bytes.
#[derive(Serialize, PartialEq)]
struct View<'a> {
    via: &'a Option<String>,
    outlet: &'a Option<String>,
    url: &'a Option<String>,
    title: &'a str,
    author: &'a Option<String>,
    section: &'a Option<String>,
    published: &'a dateline_core::TimeValue,
    captured: String,
    dateline: &'a Option<String>,
    caption: &'a Option<String>,
    truncated: bool,
    adapter: String,
    body: Vec<&'a str>,
}

fn view(a: &Article) -> View<'_> {
    View {
        via: &a.via,
        outlet: &a.outlet,
        url: &a.url,
        title: &a.title,
        author: &a.author,
        section: &a.section,
        published: &a.published,
        captured: serde_json::to_string(&a.captured).unwrap_or_default(),
        dateline: &a.dateline,
        caption: &a.caption,
        truncated: a.truncated,
        adapter: serde_json::to_string(&a.adapter).unwrap_or_default(),
        body: a.body.split("\n\n").collect(),
    }
}

fn sidecar_of(path: &Path) -> Sidecar {
    std::fs::read_to_string(path.with_extension("toml"))
        .ok()
        .and_then(|t| dateline_core::capture::parse_sidecar(&t).ok())
        .unwrap_or_default()
}

/// The variant of one fixture, as HTML.
fn variant_html(original: &str, variant: Variant) -> String {
    let mut doc = Html::parse_document(original);
    variant.apply(&mut doc);
    doc.html()
}

fn check(id: &str, path: &Path, variant: Variant) -> Result<(), Failed> {
    let original = Capture::load(path).map_err(|e| e.to_string())?;
    let html = variant_html(&original.text, variant);
    if std::env::var_os("DATELINE_VARIANTS_DUMP").is_some() {
        let out = workspace_root()
            .join("target/markup-variants")
            .join(format!(
                "{id}-{}-{}",
                variant.name(),
                path.file_name().unwrap_or_default().to_string_lossy()
            ));
        let _ = std::fs::create_dir_all(out.parent().unwrap_or(Path::new(".")));
        let _ = std::fs::write(&out, &html);
    }
    let changed = Capture::from_bytes(path, html.as_bytes(), Media::Html, sidecar_of(path))
        .map_err(|e| e.to_string())?;
    // From the layout alone, the variant is the same site's page.
    let (a, _) = adapter::select(&page_of(&original), None).ok_or("no adapter")?;
    let (b, d) = adapter::select(&page_of(&changed), None).ok_or("no adapter")?;
    if a.id() != b.id() {
        return Err(format!(
            "from its layout alone the variant went to `{}` ({}), the original to `{}`",
            b.id(),
            d.reason,
            a.id()
        )
        .into());
    }
    let before = dateline_core::extract(&original).map_err(|e| e.to_string())?;
    let after = dateline_core::extract(&changed).map_err(|e| format!("variant: {e}"))?;
    let (x, y): (Vec<View>, Vec<View>) = (
        before.articles.iter().map(view).collect(),
        after.articles.iter().map(view).collect(),
    );
    if x != y {
        let show = |v: &[View]| serde_json::to_string_pretty(v).unwrap_or_default();
        return Err(format!(
            "the variant gives other articles:\n--- original ({} articles)\n{}\n--- variant ({} articles)\n{}",
            x.len(),
            show(&x),
            y.len(),
            show(&y)
        )
        .into());
    }
    Ok(())
}

fn html_fixtures(root: &Path, id: &str) -> Vec<PathBuf> {
    let mut all = dateline_snapshots::fixtures(&root.join("adapters").join(id).join("fixtures"));
    all.retain(|p| dateline_core::capture::media_for(p) == Some(Media::Html));
    all
}

fn main() {
    let args = Arguments::from_args();
    let root = workspace_root();
    // Names the adapter crates, so that their registrations are linked into this test.
    assert!(!dateline_adapters::linked().is_empty());
    let mut trials = Vec::new();
    // Every linked adapter's HTML fixtures, a new adapter's included (an adapter with text
    // fixtures only has nothing to rewrite).
    for id in dateline_adapters::LINKED {
        for path in html_fixtures(&root, id) {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            for &variant in VARIANTS {
                let name = format!("{id}::{stem}::{}", variant.name());
                let ignored = excluded(variant, id, &stem);
                let path = path.clone();
                let id = (*id).to_owned();
                trials.push(
                    Trial::test(name, move || check(&id, &path, variant))
                        .with_ignored_flag(ignored),
                );
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
