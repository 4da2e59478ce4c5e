//! The story body of an HTML page nobody wrote an adapter for.
//!
//! Readability's idea, on dateline's blocks: paragraphs vote for the containers around them (more and
//! longer paragraphs with commas vote more; the vote halves with each level up), containers named like
//! a story body get a bonus and those named like furniture a penalty, link-heavy containers lose in
//! proportion to their links; the best container, with its siblings that scored nearly as well, is the
//! story. Inside it, link lists, captions, bylines and containers named like furniture are dropped.
//! When the rules leave too little text, they are relaxed step by step, as Readability does.

use crate::hints::{self, Verdict};
use dateline_core::{Block, BlockKind, Page};
use std::collections::{HashMap, HashSet};

/// Per-element facts, indexed like `Page::elements`.
struct Tree {
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    verdict: Vec<Verdict>,
    /// The element or an ancestor is furniture.
    bad: Vec<bool>,
    chars: Vec<f64>,
    link_chars: Vec<f64>,
    commas: Vec<f64>,
    /// The element holds a platform's embedded post (see [`hints::is_embedded_post`]).
    holds_post: Vec<bool>,
    /// Text blocks in the subtree, and one of them (the only one when the count is 1).
    blocks: Vec<u32>,
    some_block: Vec<Option<usize>>,
    /// Text blocks read from the element itself (not from a child element).
    own_blocks: Vec<Vec<usize>>,
}

/// How strict a pass is; later passes relax the rules when the first finds too little.
#[derive(Clone, Copy)]
struct Pass {
    strip_furniture: bool,
    weigh_classes: bool,
    clean_containers: bool,
}

const PASSES: [Pass; 3] = [
    Pass {
        strip_furniture: true,
        weigh_classes: true,
        clean_containers: true,
    },
    Pass {
        strip_furniture: false,
        weigh_classes: true,
        clean_containers: true,
    },
    Pass {
        strip_furniture: false,
        weigh_classes: false,
        clean_containers: false,
    },
];

/// A body shorter than this many characters makes the next, more lenient pass run.
const MIN_BODY_CHARS: usize = 150;

/// Indices of the blocks that make the story body, in page order.
pub fn body_blocks(page: &Page) -> Vec<usize> {
    let verdicts = verdicts(page);
    let mut best: Vec<usize> = Vec::new();
    let mut best_chars = 0;
    for pass in PASSES {
        let tree = Tree::build(page, &verdicts, pass.strip_furniture);
        let found = extract(page, &tree, pass);
        let chars: usize = found.iter().map(|&i| page.blocks[i].text.len()).sum();
        if chars >= MIN_BODY_CHARS {
            return found;
        }
        if chars > best_chars {
            best_chars = chars;
            best = found;
        }
    }
    if best.is_empty() {
        best = every_line(page, &Tree::build(page, &verdicts, true));
    }
    best
}

/// What each element's class and id words say, read once for every pass. An element named after
/// its own heading (documentation generators and Markdown give a section, or the heading itself,
/// the id of its heading's words: "sharing-with-a-team" over "Sharing with a team") is judged
/// without that id: it is the text's, not a design name.
fn verdicts(page: &Page) -> Vec<Verdict> {
    let slugs = heading_slugs(page);
    page.elements
        .iter()
        .enumerate()
        .map(|(i, el)| match slugs.get(&i) {
            Some(slug) => hints::judge(
                &el.words
                    .iter()
                    .filter(|w| !w.eq_ignore_ascii_case(slug))
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            None => hints::judge(&el.words),
        })
        .collect()
}

/// Elements whose words include the id their own heading's text makes, with that id.
fn heading_slugs(page: &Page) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    for b in &page.blocks {
        if !matches!(b.kind, BlockKind::Heading(_)) {
            continue;
        }
        let Some(h) = b.element.map(|e| e as usize) else {
            continue;
        };
        let slug = slug(&b.text);
        if slug.is_empty() {
            continue;
        }
        let parent = page
            .elements
            .get(h)
            .and_then(|el| el.parent)
            .map(|p| p as usize);
        for e in std::iter::once(h).chain(parent) {
            if page
                .elements
                .get(e)
                .is_some_and(|el| el.words.iter().any(|w| w.eq_ignore_ascii_case(&slug)))
            {
                out.insert(e, slug.clone());
            }
        }
    }
    out
}

/// A heading's words as an id: lower case, every run of other characters one hyphen.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn char_count(s: &str) -> f64 {
    s.chars().filter(|c| !c.is_whitespace()).count() as f64
}

fn commas(s: &str) -> f64 {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count() as f64
}

impl Tree {
    fn build(page: &Page, verdicts: &[Verdict], strip_furniture: bool) -> Tree {
        let n = page.elements.len();
        let mut t = Tree {
            parent: Vec::with_capacity(n),
            children: vec![Vec::new(); n],
            verdict: Vec::with_capacity(n),
            bad: Vec::with_capacity(n),
            chars: vec![0.0; n],
            link_chars: vec![0.0; n],
            commas: vec![0.0; n],
            holds_post: Vec::new(),
            blocks: vec![0; n],
            some_block: vec![None; n],
            own_blocks: vec![Vec::new(); n],
        };
        // Which elements hold an embedded post: a box named like social furniture around one is
        // the story quoting a post. Children come after their parents: one backward sweep.
        let mut holds_post: Vec<bool> = page
            .elements
            .iter()
            .map(|el| hints::is_embedded_post(&el.tag, &el.words))
            .collect();
        for i in (0..n).rev() {
            if let Some(p) = page.elements[i]
                .parent
                .map(|p| p as usize)
                .filter(|&p| p < i)
                && holds_post[i]
            {
                holds_post[p] = true;
            }
        }
        for (i, el) in page.elements.iter().enumerate() {
            let parent = el.parent.map(|p| p as usize).filter(|&p| p < i);
            if let Some(p) = parent {
                t.children[p].push(i);
            }
            let verdict = verdicts.get(i).copied().unwrap_or_default();
            let structural = matches!(el.tag.as_str(), "html" | "body" | "article" | "main");
            let furniture = !structural
                && !holds_post[i]
                && ((verdict.negative && !verdict.positive) || hints::furniture_tag(&el.tag));
            let bad = strip_furniture && (furniture || parent.is_some_and(|p| t.bad[p]));
            t.parent.push(parent);
            t.verdict.push(verdict);
            t.bad.push(bad);
        }
        t.holds_post = holds_post;
        for (b, block) in page.blocks.iter().enumerate() {
            let Some(e) = block.element.map(|e| e as usize).filter(|&e| e < n) else {
                continue;
            };
            t.own_blocks[e].push(b);
            if t.bad[e] {
                continue;
            }
            let chars = char_count(&block.text);
            t.chars[e] += chars;
            t.link_chars[e] += chars * f64::from(block.link_density);
            t.commas[e] += commas(&block.text);
            t.blocks[e] += 1;
            t.some_block[e] = Some(b);
        }
        // Children come after their parents, so one backward sweep sums every subtree.
        for i in (0..n).rev() {
            if let Some(p) = t.parent[i] {
                t.chars[p] += t.chars[i];
                t.link_chars[p] += t.link_chars[i];
                t.commas[p] += t.commas[i];
                t.blocks[p] += t.blocks[i];
                t.some_block[p] = t.some_block[p].or(t.some_block[i]);
            }
        }
        t
    }

    fn link_density(&self, e: usize) -> f64 {
        if self.chars[e] == 0.0 {
            0.0
        } else {
            self.link_chars[e] / self.chars[e]
        }
    }

    fn class_weight(&self, e: usize, pass: Pass) -> f64 {
        if !pass.weigh_classes {
            return 0.0;
        }
        let v = self.verdict[e];
        let mut w = 0.0;
        if v.positive {
            w += 25.0;
        }
        if v.negative {
            w -= 25.0;
        }
        w
    }

    fn is_within(&self, mut e: usize, ancestor: usize) -> bool {
        loop {
            if e == ancestor {
                return true;
            }
            match self.parent[e] {
                Some(p) => e = p,
                None => return false,
            }
        }
    }
}

/// The element a block's paragraph is: the nearest element with the block's own tag.
fn paragraph_element(page: &Page, tree: &Tree, block: &Block) -> Option<usize> {
    let mut e = block.element.map(|e| e as usize)?;
    let tag = block.tag.as_deref()?;
    for _ in 0..8 {
        if page.elements.get(e)?.tag == tag {
            return Some(e);
        }
        e = tree.parent[e]?;
    }
    block.element.map(|e| e as usize)
}

fn tag_bonus(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_paragraph_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre"
            | "td"
            | "th"
            | "li"
            | "dd"
            | "dt"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figcaption"
            | "caption"
            | "address"
    )
}

fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "span"
            | "b"
            | "strong"
            | "i"
            | "em"
            | "u"
            | "font"
            | "small"
            | "big"
            | "sup"
            | "sub"
            | "mark"
            | "cite"
            | "q"
            | "abbr"
            | "time"
            | "label"
            | "code"
    )
}

/// The scoring of the first pass, for looking into a page (`dateline-eval --explain`).
#[doc(hidden)]
pub fn explain(page: &Page) -> Vec<String> {
    let pass = PASSES[0];
    let tree = Tree::build(page, &verdicts(page), pass.strip_furniture);
    let mut trace = Vec::new();
    let found = extract_traced(page, &tree, pass, &mut trace);
    let chars: usize = found.iter().map(|&i| page.blocks[i].text.len()).sum();
    trace.push(format!("first pass: {} blocks, {chars} bytes", found.len()));
    trace
}

fn extract(page: &Page, tree: &Tree, pass: Pass) -> Vec<usize> {
    extract_traced(page, tree, pass, &mut Vec::new())
}

fn describe(page: &Page, tree: &Tree, e: usize) -> String {
    let el = &page.elements[e];
    format!(
        "#{e} <{}> {:?} chars {} ld {:.2}{}",
        el.tag,
        el.words,
        tree.chars[e],
        tree.link_density(e),
        if tree.bad[e] { " BAD" } else { "" }
    )
}

fn extract_traced(page: &Page, tree: &Tree, pass: Pass, trace: &mut Vec<String>) -> Vec<usize> {
    let votes = Votes::cast(page, tree, pass);
    let candidates = votes.candidates();
    for (e, s) in candidates.iter().take(8) {
        trace.push(format!("candidate {s:.1} {}", describe(page, tree, *e)));
    }
    let Some(&(first, first_score)) = candidates.first() else {
        return fallback(page, tree);
    };
    let top = votes.split_story_ancestor(&candidates, first, first_score);
    let top = votes.climb(top, first_score);
    trace.push(format!("top {}", describe(page, tree, top)));
    let top_score = votes.final_score(top).unwrap_or(first_score);
    let mut chosen = votes.with_siblings(top, top_score);
    chosen.extend(votes.parts_elsewhere(top, &chosen));
    for &c in &chosen {
        trace.push(format!("chosen {}", describe(page, tree, c)));
    }
    let dropped = if pass.clean_containers {
        fishy_containers(page, tree, &chosen, pass)
    } else {
        vec![false; page.elements.len()]
    };
    blocks_within(page, tree, &chosen, &dropped)
}

/// The containers' votes in one pass, and the story read off them.
struct Votes<'a> {
    page: &'a Page,
    tree: &'a Tree,
    /// Each element's score before its links are weighed; `None` where no paragraph voted.
    score: Vec<Option<f64>>,
}

impl<'a> Votes<'a> {
    /// Every paragraph long enough votes for the containers up to five levels above it.
    fn cast(page: &'a Page, tree: &'a Tree, pass: Pass) -> Votes<'a> {
        let mut score: Vec<Option<f64>> = vec![None; page.elements.len()];
        for block in &page.blocks {
            if matches!(block.kind, BlockKind::Heading(_) | BlockKind::Caption) {
                continue;
            }
            let Some(p) = paragraph_element(page, tree, block) else {
                continue;
            };
            if tree.bad[p] {
                continue;
            }
            let chars = char_count(&block.text);
            if chars < 25.0 {
                continue;
            }
            let content = 1.0 + commas(&block.text) + (chars / 100.0).floor().min(3.0);
            let mut level = 0;
            // Text straight inside a container (no <p>) is a paragraph of that container, as
            // Readability reads it: the container itself gets the full vote.
            let mut cur = if is_paragraph_tag(&page.elements[p].tag) {
                tree.parent[p]
            } else {
                Some(p)
            };
            while let Some(a) = cur {
                if level >= 5 {
                    break;
                }
                cur = tree.parent[a];
                let el = &page.elements[a];
                if is_inline(&el.tag) {
                    continue;
                }
                let s =
                    score[a].get_or_insert_with(|| tag_bonus(&el.tag) + tree.class_weight(a, pass));
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => f64::from(l) * 3.0,
                };
                *s += content / divider;
                level += 1;
            }
        }
        Votes { page, tree, score }
    }

    /// The score with the element's links weighed against it.
    fn final_score(&self, e: usize) -> Option<f64> {
        self.score[e].map(|s| s * (1.0 - self.tree.link_density(e)))
    }

    /// Every element that got a vote, best first; on a tie the earlier element, so the result never
    /// depends on hashing.
    fn candidates(&self) -> Vec<(usize, f64)> {
        let mut candidates: Vec<(usize, f64)> = (0..self.score.len())
            .filter_map(|e| self.final_score(e).map(|s| (e, s)))
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates
    }

    /// Several strong candidates under one ancestor: the story is split in parts, take the
    /// ancestor; else `top` itself.
    fn split_story_ancestor(
        &self,
        candidates: &[(usize, f64)],
        top: usize,
        top_score: f64,
    ) -> usize {
        let (page, tree) = (self.page, self.tree);
        let alternatives: Vec<usize> = candidates
            .iter()
            .skip(1)
            .take(4)
            .filter(|(_, s)| *s / top_score >= 0.75)
            .map(|(e, _)| *e)
            .collect();
        if alternatives.len() < 3 {
            return top;
        }
        let mut a = tree.parent[top];
        while let Some(anc) = a {
            if page.elements[anc].tag == "body" {
                break;
            }
            let containing = alternatives
                .iter()
                .filter(|&&alt| tree.is_within(alt, anc))
                .count();
            if containing >= 3 {
                return anc;
            }
            a = tree.parent[anc];
        }
        top
    }

    /// Climbs while the parent scores better (the candidate was one part of a larger body), then
    /// past parents whose only child it is (a lone child says nothing its parent does not).
    fn climb(&self, mut top: usize, first_score: f64) -> usize {
        let (page, tree) = (self.page, self.tree);
        let mut last = self.final_score(top).unwrap_or(first_score);
        let threshold = last / 3.0;
        let mut cur = tree.parent[top];
        while let Some(p) = cur {
            if page.elements[p].tag == "body" {
                break;
            }
            if let Some(ps) = self.final_score(p) {
                if ps < threshold {
                    break;
                }
                if ps > last {
                    top = p;
                    break;
                }
                last = ps;
            }
            cur = tree.parent[p];
        }
        while let Some(p) = tree.parent[top] {
            if page.elements[p].tag == "body" || tree.children[p].len() != 1 {
                break;
            }
            top = p;
        }
        top
    }

    /// The other parts of a story split into wrapped containers (an ad between them, each part in
    /// its own wrapper): near `top`, outside what is chosen, named with a story word `top` bears too
    /// ("story-body story-body-1" beside "story-body story-body-2"), mostly text.
    fn parts_elsewhere(&self, top: usize, chosen: &[usize]) -> Vec<usize> {
        let (page, tree) = (self.page, self.tree);
        let story_words: Vec<&String> = page.elements[top]
            .words
            .iter()
            .filter(|w| hints::judge(std::slice::from_ref(*w)).positive)
            .collect();
        if story_words.is_empty() {
            return Vec::new();
        }
        let Some(near) = ancestors(tree, top).nth(3) else {
            return Vec::new();
        };
        // What is taken already (chosen, or found here) and every element holding something
        // taken: an element in or around either is not another part. Sets, so that a page of
        // many chosen siblings stays linear.
        let mut taken: HashSet<usize> = chosen.iter().copied().collect();
        let mut holds: HashSet<usize> = chosen
            .iter()
            .flat_map(|&c| ancestors(tree, c).skip(1))
            .collect();
        let mut parts: Vec<usize> = Vec::new();
        // Elements are in document order: `near`'s subtree is the run right after it.
        for e in near + 1..page.elements.len() {
            if !tree.is_within(e, near) {
                break;
            }
            if tree.bad[e] || holds.contains(&e) || ancestors(tree, e).any(|a| taken.contains(&a)) {
                continue;
            }
            let shares = page.elements[e]
                .words
                .iter()
                .any(|w| story_words.iter().any(|s| s.eq_ignore_ascii_case(w)));
            if shares && tree.chars[e] >= 100.0 && tree.link_density(e) < 0.3 {
                parts.push(e);
                taken.insert(e);
                holds.extend(ancestors(tree, e).skip(1));
            }
        }
        parts
    }

    /// `top` and the siblings that belong to the story too: those that scored nearly as well, the
    /// sections of the same class, and plain paragraphs — but for a paragraph above a story whose
    /// first paragraph opens with its dateline: the story starts there, and what stands above it is
    /// a standfirst.
    fn with_siblings(&self, top: usize, top_score: f64) -> Vec<usize> {
        let (page, tree) = (self.page, self.tree);
        let mut chosen = vec![top];
        let Some(parent) = tree.parent[top] else {
            return chosen;
        };
        let standfirst_above = opens_with_dateline(page, tree, top);
        let mut above = true;
        let threshold = (top_score * 0.2).max(10.0);
        for &sib in &tree.children[parent] {
            if sib == top {
                above = false;
            }
            if sib == top || tree.bad[sib] {
                continue;
            }
            let same_kind = page.elements[sib].words == page.elements[top].words
                && !page.elements[top].words.is_empty();
            let bonus = if same_kind { top_score * 0.2 } else { 0.0 };
            let scored = self
                .final_score(sib)
                .is_some_and(|s| s + bonus >= threshold);
            // A story split into sections of the same class, some too deep down for their
            // paragraphs' votes to reach them.
            let twin = same_kind && tree.chars[sib] >= 100.0 && tree.link_density(sib) < 0.3;
            let paragraph = page.elements[sib].tag == "p"
                && !(above && standfirst_above)
                && reads_as_paragraph(page, tree, sib);
            if scored || paragraph || twin {
                chosen.push(sib);
            }
        }
        self.between_parts(parent, &mut chosen);
        chosen
    }

    /// What stands between two chosen parts of the story is the story too (a subheading, a short
    /// line of its own), unless it is furniture by its names or mostly links: the story is read
    /// as one run, as the page shows it.
    fn between_parts(&self, parent: usize, chosen: &mut Vec<usize>) {
        let tree = self.tree;
        let siblings = &tree.children[parent];
        let already: HashSet<usize> = chosen.iter().copied().collect();
        let (Some(first), Some(last)) = (
            siblings.iter().position(|s| already.contains(s)),
            siblings.iter().rposition(|s| already.contains(s)),
        ) else {
            return;
        };
        for &sib in &siblings[first..=last] {
            let v = tree.verdict[sib];
            let furniture = tree.bad[sib] || (v.negative && !v.positive);
            if !already.contains(&sib) && !furniture && tree.link_density(sib) < 0.5 {
                chosen.push(sib);
            }
        }
    }
}

/// True when the first text block inside `top` (headings and captions aside) opens with a dateline.
fn opens_with_dateline(page: &Page, tree: &Tree, top: usize) -> bool {
    let n = page.elements.len();
    page.blocks
        .iter()
        .find(|b| {
            b.element
                .map(|e| e as usize)
                .is_some_and(|e| e < n && tree.is_within(e, top))
                && !matches!(b.kind, BlockKind::Heading(_) | BlockKind::Caption)
        })
        .is_some_and(|b| dateline_core::text::split_dateline(&b.text).is_some())
}

/// A `<p>` beside the story that reads as one of its paragraphs: long with few links, or without
/// links ending like a sentence.
fn reads_as_paragraph(page: &Page, tree: &Tree, e: usize) -> bool {
    let chars = tree.chars[e];
    let ld = tree.link_density(e);
    let text_ends = tree.own_blocks[e]
        .last()
        .is_some_and(|&b| page.blocks[b].text.ends_with(['.', '!', '?', '"', '”']));
    (chars > 80.0 && ld < 0.25) || (chars > 0.0 && ld == 0.0 && text_ends)
}

/// The blocks inside the chosen elements, in page order, but for furniture, blocks inside a
/// `dropped` container, and blocks [`keep_block`] refuses.
fn blocks_within(page: &Page, tree: &Tree, chosen: &[usize], dropped: &[bool]) -> Vec<usize> {
    let n = page.elements.len();
    let mut out = Vec::new();
    for (b, block) in page.blocks.iter().enumerate() {
        let Some(e) = block.element.map(|e| e as usize).filter(|&e| e < n) else {
            continue;
        };
        if tree.bad[e] || !chosen.iter().any(|&c| tree.is_within(e, c)) {
            continue;
        }
        if ancestors(tree, e).any(|a| dropped[a]) {
            continue;
        }
        // A list item is judged with its list: a list that passed the container check is story
        // (a changelog's items are often links from end to end), as Readability keeps it.
        let in_story_list = block.kind == BlockKind::ListItem
            && ancestors(tree, e)
                .take_while(|a| !chosen.contains(a))
                .any(|a| matches!(page.elements[a].tag.as_str(), "ul" | "ol"));
        if keep_block(block, in_story_list) {
            out.push(b);
        }
    }
    out
}

fn ancestors(tree: &Tree, e: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(e), move |&x| tree.parent[x])
}

/// Readability's "clean conditionally": inside the story, lists, tables and boxes that are mostly links
/// or named like furniture are furniture.
fn fishy_containers(page: &Page, tree: &Tree, chosen: &[usize], pass: Pass) -> Vec<bool> {
    let n = page.elements.len();
    let mut dropped = vec![false; n];
    for (e, el) in page.elements.iter().enumerate() {
        let tag = el.tag.as_str();
        if !matches!(
            tag,
            "div" | "section" | "ul" | "ol" | "table" | "header" | "aside" | "figure"
        ) {
            continue;
        }
        if chosen.contains(&e)
            || !chosen.iter().any(|&c| tree.is_within(e, c))
            || tree.holds_post[e]
        {
            continue;
        }
        if tree.commas[e] >= 10.0 {
            continue;
        }
        let weight = tree.class_weight(e, pass);
        // A box around one paragraph is a wrapper: the paragraph is judged as a line is, by
        // the sentence it reads as ("… reported in <a>the journal Planetary Notes</a>."), not as a box.
        let wraps_a_sentence = tree.blocks[e] == 1
            && tree.some_block[e]
                .and_then(|b| page.blocks.get(b))
                .is_some_and(|b| b.kind == BlockKind::Paragraph && reads_as_sentence(b));
        if wraps_a_sentence && weight >= 0.0 {
            continue;
        }
        let ld = tree.link_density(e);
        // A list is judged by the stricter link rule only, as Readability exempts lists from
        // it: items with a link in their sentence (a changelog, credits, a reading list with
        // comments) are story; a list that is mostly links still goes.
        let list = matches!(tag, "ul" | "ol");
        if weight < 0.0 || (!list && ld > 0.2 && weight < 25.0) || ld > 0.5 {
            dropped[e] = true;
        }
    }
    dropped
}

/// Words from which a line reads as a sentence rather than a label or a name.
const SENTENCE_WORDS: usize = 8;

/// Blocks that are never story text even inside the story's container.
fn keep_block(block: &Block, in_story_list: bool) -> bool {
    if block.kind == BlockKind::Caption || hints::is_furniture_label(&block.text) {
        return false;
    }
    // A short heading inside the story is its structure even when it links out (a listicle's item
    // names); a linked line as long as a sentence reads as a teaser or a call to action.
    let short_heading = matches!(block.kind, BlockKind::Heading(_))
        && block.text.split_whitespace().count() < SENTENCE_WORDS;
    if in_story_list || short_heading {
        return true;
    }
    // Mostly a link: a menu entry or a teaser ("Read also: <headline>").
    !(block.link_density > 0.5 && char_count(&block.text) < 300.0 && !reads_as_sentence(block))
}

/// A sentence of eight words or more with thirty characters of its own outside its links
/// ("Thanks to X, users can now import logins from Y"): story text with links in it.
fn reads_as_sentence(block: &Block) -> bool {
    let own_chars = char_count(&block.text) * (1.0 - f64::from(block.link_density));
    block.text.split_whitespace().count() >= SENTENCE_WORDS && own_chars >= 30.0
}

/// No container scored: keep the paragraphs that read like prose.
fn fallback(page: &Page, tree: &Tree) -> Vec<usize> {
    blocks_outside_furniture(page, tree, |b| {
        b.text.split_whitespace().count() >= SENTENCE_WORDS && b.link_density < 0.3
    })
}

/// The last resort, for a page with no line of eight words: all its text outside furniture and
/// links, short lines and headings too (trafilatura's baseline does the same). A page of a few
/// short lines is read as what it shows rather than lost; one of links alone still yields nothing.
fn every_line(page: &Page, tree: &Tree) -> Vec<usize> {
    blocks_outside_furniture(page, tree, |b| {
        b.link_density < 0.5 && !b.text.trim().is_empty()
    })
}

/// The blocks outside stripped furniture that `keep` accepts, in page order.
fn blocks_outside_furniture(page: &Page, tree: &Tree, keep: impl Fn(&Block) -> bool) -> Vec<usize> {
    page.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            let ok_element = b
                .element
                .map(|e| e as usize)
                .is_none_or(|e| !tree.bad.get(e).copied().unwrap_or(false));
            ok_element && keep(b)
        })
        .map(|(i, _)| i)
        .collect()
}
