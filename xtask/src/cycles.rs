//! `cargo xtask cycles`: module import cycles inside each crate of the workspace.
//!
//! Two modules that use each other can be read, tested and changed only together: what they
//! share lives in the wrong place. Each file of a crate's `src/` is a module (`a/b.rs` and
//! `a/b/mod.rs` are `a::b`); a path in its code that names another module's item (`use
//! crate::a::{X, b::Y}`, `crate::a::f()`, `super::X`, `self::child::X`, `child::X`) is an edge
//! to the deepest module file the path reaches. The crate root (`lib.rs`, `main.rs`,
//! `bin/*.rs`) declares modules and re-exports them: edges into it are not counted. Test code
//! (`#[cfg(test)]` modules and imports, `tests/`) is not read. Cycles are the strongly connected
//! components of that graph (Tarjan).
//!
//! The scanner reads tokens, not syntax: comments and string and character literals are blanked
//! first, so a path quoted in either never counts.

use anyhow::{Context, Result, bail};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// What to do about a cycle, printed under the list.
pub const ADVICE: &str = "each cycle is a set of modules that use each other: move what they \
    share into a module of its own that uses none of them (or into the lowest of them), or pass \
    it in as an argument, so that every use points one way";

/// `cargo xtask cycles`: lists every cycle, fails when there is one.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    if !args.is_empty() {
        bail!("usage: cargo xtask cycles");
    }
    let cycles = find(root)?;
    if cycles.is_empty() {
        println!("no module import cycle in any crate of the workspace");
        return Ok(());
    }
    for c in &cycles {
        println!("{c}");
    }
    bail!("{} module import cycle(s): {ADVICE}", cycles.len())
}

/// One cycle: a set of files that all reach each other through their uses. Shown as its longest
/// loop, with the names each step uses, and the other uses among the same files.
#[derive(Debug, PartialEq)]
pub struct Cycle {
    /// The crate's folder relative to the workspace (`crates/corpus`).
    pub krate: String,
    /// Files relative to the crate's `src/`, the first repeated at the end.
    pub files: Vec<String>,
    /// For each step, the module it uses and the names it uses from it.
    pub uses: Vec<Use>,
    /// Uses between the cycle's files that the loop does not show, with the file that uses.
    pub others: Vec<(String, Use)>,
}

/// A module and the names used from it (`rebuild`, `Corpus, Memory`).
#[derive(Debug, PartialEq)]
pub struct Use {
    pub module: String,
    pub names: Vec<String>,
}

impl fmt::Display for Use {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::{{{}}}", self.module, self.names.join(", "))
    }
}

impl fmt::Display for Cycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<String> = self
            .files
            .iter()
            .zip(&self.uses)
            .map(|(from, u)| format!("{from} uses {u}"))
            .collect();
        write!(
            f,
            "{}: {} ({})",
            self.krate,
            self.files.join(" -> "),
            steps.join("; ")
        )?;
        if !self.others.is_empty() {
            let others: Vec<String> = self
                .others
                .iter()
                .map(|(from, u)| format!("{from} uses {u}"))
                .collect();
            write!(f, "; among the same files also: {}", others.join("; "))?;
        }
        Ok(())
    }
}

/// Every cycle of every crate of the workspace: `crates/*`, `adapters/*`, `xtask`, `snapshots`.
pub fn find(root: &Path) -> Result<Vec<Cycle>> {
    let mut out = Vec::new();
    for dir in crate_dirs(root)? {
        let src = dir.join("src");
        let mut files = Vec::new();
        rust_files(&src, &src, &mut files)?;
        let krate = relative(root, &dir);
        out.extend(cycles_in(&krate, &files));
    }
    Ok(out)
}

fn crate_dirs(root: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs = Vec::new();
    for group in ["crates", "adapters"] {
        let parent = root.join(group);
        let entries =
            std::fs::read_dir(&parent).with_context(|| format!("reading {}", parent.display()))?;
        for entry in entries {
            dirs.push(
                entry
                    .with_context(|| format!("reading {}", parent.display()))?
                    .path(),
            );
        }
    }
    dirs.extend([root.join("xtask"), root.join("snapshots")]);
    dirs.retain(|d| d.join("Cargo.toml").is_file() && d.join("src").is_dir());
    dirs.sort();
    Ok(dirs)
}

/// `(path relative to src/ with '/', source)` of every `.rs` file under `dir`, sorted.
fn rust_files(src: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("reading {}", dir.display()))?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(src, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            out.push((relative(src, &path), text));
        }
    }
    Ok(())
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

// ---- module trees -------------------------------------------------------------------------------

/// A module path inside one crate tree: `[]` is the root, `["a", "b"]` is `a::b`.
type ModPath = Vec<String>;

/// Which crate tree a file belongs to (the library, or one binary) and its module path there.
/// `src/main.rs` beside a `lib.rs` is a binary of its own whose modules are the library's files.
fn place(rel: &str, has_lib: bool) -> (String, ModPath) {
    let parts: Vec<&str> = rel.split('/').collect();
    if parts.first() == Some(&"bin") && parts.len() >= 2 {
        let name = parts[1].trim_end_matches(".rs");
        return (format!("bin/{name}"), module_path(&parts[2..]));
    }
    if rel == "main.rs" && has_lib {
        return ("main".into(), Vec::new());
    }
    ("lib".into(), module_path(&parts))
}

/// `["a", "b.rs"]` and `["a", "b", "mod.rs"]` → `a::b`; `lib.rs`, `main.rs` → the root.
fn module_path(parts: &[&str]) -> ModPath {
    let mut path: ModPath = parts
        .iter()
        .map(|p| p.trim_end_matches(".rs").to_owned())
        .collect();
    if path.len() == 1 && matches!(path[0].as_str(), "lib" | "main") {
        path.clear();
    }
    if path.last().is_some_and(|p| p == "mod") {
        path.pop();
    }
    path
}

/// The cycles of one crate, from its `src/` files.
fn cycles_in(krate: &str, files: &[(String, String)]) -> Vec<Cycle> {
    let has_lib = files.iter().any(|(rel, _)| rel == "lib.rs");
    let mut trees: BTreeMap<String, Vec<(ModPath, &str, Scanned)>> = BTreeMap::new();
    for (rel, text) in files {
        let (tree, path) = place(rel, has_lib);
        let scanned = scan(&strip(text));
        trees.entry(tree).or_default().push((path, rel, scanned));
    }
    let mut out = Vec::new();
    for members in trees.values() {
        out.extend(tree_cycles(krate, members));
    }
    out
}

/// Edges between one tree's module files, and the cycles among them.
fn tree_cycles(krate: &str, members: &[(ModPath, &str, Scanned)]) -> Vec<Cycle> {
    // Files declared only for tests (`#[cfg(test)] mod tests;`) are test code.
    let test_only: BTreeSet<ModPath> = members
        .iter()
        .flat_map(|(path, _, s)| {
            s.test_modules
                .iter()
                .map(move |m| path.iter().chain(m).cloned().collect())
        })
        .collect();
    let modules: BTreeMap<&ModPath, &str> = members
        .iter()
        .filter(|(path, _, _)| !test_only.contains(path))
        .map(|(path, rel, _)| (path, *rel))
        .collect();
    let mut graph = Graph::default();
    for (path, rel, scanned) in members {
        if path.is_empty() || !modules.contains_key(path) {
            continue;
        }
        for r in &scanned.refs {
            let Some(target) = r.resolve(path, |m| modules.contains_key(m)) else {
                continue;
            };
            let Some(depth) = (1..=target.len())
                .rev()
                .find(|&d| modules.contains_key(&target[..d].to_vec()))
            else {
                continue;
            };
            let module = &target[..depth];
            if module == path.as_slice() {
                continue;
            }
            let name = target
                .get(depth)
                .cloned()
                .unwrap_or_else(|| module.last().cloned().unwrap_or_default());
            let to = modules[&module.to_vec()];
            graph.add(rel, to, module.join("::"), name);
        }
    }
    graph.cycles(krate)
}

// ---- the graph ----------------------------------------------------------------------------------

#[derive(Default)]
struct Graph {
    /// from file → to file → (the target's module path, names used).
    edges: BTreeMap<String, BTreeMap<String, (String, BTreeSet<String>)>>,
}

impl Graph {
    fn add(&mut self, from: &str, to: &str, module: String, name: String) {
        self.edges
            .entry(from.to_owned())
            .or_default()
            .entry(to.to_owned())
            .or_insert_with(|| (module, BTreeSet::new()))
            .1
            .insert(name);
    }

    fn nodes(&self) -> Vec<&str> {
        let mut all: BTreeSet<&str> = self.edges.keys().map(String::as_str).collect();
        all.extend(
            self.edges
                .values()
                .flat_map(|t| t.keys().map(String::as_str)),
        );
        all.into_iter().collect()
    }

    fn next(&self, node: &str) -> impl Iterator<Item = &str> {
        self.edges
            .get(node)
            .into_iter()
            .flat_map(|t| t.keys().map(String::as_str))
    }

    fn use_of(&self, from: &str, to: &str) -> Use {
        let (module, names) = &self.edges[from][to];
        Use {
            module: module.clone(),
            names: names.iter().cloned().collect(),
        }
    }

    /// One [`Cycle`] per strongly connected component of more than one file.
    fn cycles(&self, krate: &str) -> Vec<Cycle> {
        let mut out = Vec::new();
        for component in tarjan(self) {
            if component.len() < 2 {
                continue;
            }
            let loops = elementary_cycles(self, &component);
            // The longest loop, the first found of that length (they start at the smallest file).
            let Some(longest) = loops.iter().rev().max_by_key(|l| l.len()) else {
                continue;
            };
            let steps: BTreeSet<(&str, &str)> = longest.windows(2).map(|w| (w[0], w[1])).collect();
            let mut others = Vec::new();
            for &from in &component {
                for to in self.next(from) {
                    if component.contains(&to) && !steps.contains(&(from, to)) {
                        others.push((from.to_owned(), self.use_of(from, to)));
                    }
                }
            }
            out.push(Cycle {
                krate: krate.to_owned(),
                files: longest.iter().map(|f| (*f).to_owned()).collect(),
                uses: longest
                    .windows(2)
                    .map(|w| self.use_of(w[0], w[1]))
                    .collect(),
                others,
            });
        }
        out
    }
}

/// Tarjan's strongly connected components, each sorted, in the order they complete.
fn tarjan(g: &Graph) -> Vec<Vec<&str>> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<&'g str>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        let g = s.g;
        for w in g.next(v) {
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(lw));
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                s.low.entry(v).and_modify(|l| *l = (*l).min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w);
                if w == v {
                    break;
                }
            }
            component.sort_unstable();
            s.out.push(component);
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.nodes() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// Cycles listed past this many per component are left out: the report names the component's
/// files anyway, and the first few say what to untangle.
const MAX_CYCLES: usize = 20;

/// The elementary cycles inside one component, each starting at its smallest file.
fn elementary_cycles<'g>(g: &'g Graph, component: &[&'g str]) -> Vec<Vec<&'g str>> {
    fn extend<'g>(
        g: &'g Graph,
        inside: &BTreeSet<&'g str>,
        path: &mut Vec<&'g str>,
        out: &mut Vec<Vec<&'g str>>,
    ) {
        let (start, last) = (path[0], path[path.len() - 1]);
        for w in g.next(last) {
            if out.len() >= MAX_CYCLES {
                return;
            }
            if w == start {
                let mut cycle = path.clone();
                cycle.push(start);
                out.push(cycle);
            } else if w > start && inside.contains(w) && !path.contains(&w) {
                path.push(w);
                extend(g, inside, path, out);
                path.pop();
            }
        }
    }
    let inside: BTreeSet<&str> = component.iter().copied().collect();
    let mut out = Vec::new();
    for &start in component {
        extend(g, &inside, &mut vec![start], &mut out);
    }
    out
}

// ---- scanning -----------------------------------------------------------------------------------

/// Where a path starts.
#[derive(Debug, Clone, PartialEq)]
enum Anchor {
    Crate,
    /// `super::` this many times.
    Super(usize),
    SelfModule,
    /// A bare first segment: a child module of the current one, when one has that name.
    Bare,
}

/// A path found in code, from the module it was written in (a file's, or an inline module's).
#[derive(Debug, Clone, PartialEq)]
struct Ref {
    /// The inline modules between the file's module and the path (`mod inner { … }`).
    inline: Vec<String>,
    anchor: Anchor,
    /// The segments after the anchor; a glob import ends in `*`.
    segments: Vec<String>,
}

impl Ref {
    /// The path from the crate root, or `None` when it leaves the crate.
    fn resolve(&self, file: &ModPath, is_module: impl Fn(&ModPath) -> bool) -> Option<ModPath> {
        let mut here = file.clone();
        here.extend(self.inline.iter().cloned());
        let mut base = match self.anchor {
            Anchor::Crate => Vec::new(),
            Anchor::SelfModule => here,
            Anchor::Super(n) => here[..here.len().checked_sub(n)?].to_vec(),
            Anchor::Bare => {
                let mut child = here.clone();
                child.push(self.segments.first()?.clone());
                if !is_module(&child) {
                    return None;
                }
                here
            }
        };
        base.extend(self.segments.iter().cloned());
        Some(base)
    }
}

#[derive(Debug, Default)]
struct Scanned {
    refs: Vec<Ref>,
    /// Modules declared `#[cfg(test)] mod NAME;`, from the file's own module.
    test_modules: Vec<ModPath>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
}

/// The source with comments blanked and literals emptied (`"…"` → `""`, `'x'` → `' '`), newlines
/// kept; lifetimes are left as they are.
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        let after_ident = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        i = match (c[i], next) {
            ('/', Some('/')) => skip_line_comment(&c, i),
            ('/', Some('*')) => skip_block_comment(&c, i, &mut out),
            ('r', Some('"' | '#')) | ('b', Some('r')) if !after_ident => {
                match skip_raw_string(&c, i, &mut out) {
                    Some(end) => end,
                    None => {
                        out.push(c[i]);
                        i + 1
                    }
                }
            }
            ('"', _) => skip_string(&c, i, &mut out),
            ('\'', Some('\\')) => {
                let close = (i + 3..c.len()).find(|&j| c[j] == '\'').unwrap_or(c.len());
                out.push_str("' '");
                close + 1
            }
            ('\'', _) if c.get(i + 2) == Some(&'\'') => {
                out.push_str("' '");
                i + 3
            }
            (ch, _) => {
                out.push(ch);
                i + 1
            }
        };
    }
    out
}

fn skip_line_comment(c: &[char], from: usize) -> usize {
    (from..c.len()).find(|&j| c[j] == '\n').unwrap_or(c.len())
}

fn skip_block_comment(c: &[char], from: usize, out: &mut String) -> usize {
    let mut depth = 0;
    let mut j = from;
    while j < c.len() {
        match (c[j], c.get(j + 1)) {
            ('/', Some('*')) => {
                depth += 1;
                j += 2;
            }
            ('*', Some('/')) => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    break;
                }
            }
            (ch, _) => {
                if ch == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
        }
    }
    out.push(' ');
    j
}

/// `r"…"`, `r#"…"#`, `br"…"`: the end, or `None` when this is not a raw string (`r#ident`).
fn skip_raw_string(c: &[char], from: usize, out: &mut String) -> Option<usize> {
    let mut j = from + if c[from] == 'b' { 2 } else { 1 };
    let mut hashes = 0;
    while c.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if c.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < c.len() {
        if c[j] == '"' && (1..=hashes).all(|k| c.get(j + k) == Some(&'#')) {
            out.push_str("\"\"");
            return Some(j + 1 + hashes);
        }
        if c[j] == '\n' {
            out.push('\n');
        }
        j += 1;
    }
    out.push_str("\"\"");
    Some(c.len())
}

fn skip_string(c: &[char], from: usize, out: &mut String) -> usize {
    let mut j = from + 1;
    while j < c.len() {
        match c[j] {
            '\\' => j += 2,
            '"' => {
                out.push_str("\"\"");
                return j + 1;
            }
            ch => {
                if ch == '\n' {
                    out.push('\n');
                }
                j += 1;
            }
        }
    }
    out.push_str("\"\"");
    c.len()
}

fn tokens(text: &str) -> Vec<Tok> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_alphanumeric() || ch == '_' {
            let end = (i..c.len())
                .find(|&j| !(c[j].is_alphanumeric() || c[j] == '_'))
                .unwrap_or(c.len());
            out.push(Tok::Ident(c[i..end].iter().collect()));
            i = end;
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Tok::PathSep);
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push(Tok::Punct(ch));
            }
            i += 1;
        }
    }
    out
}

/// Keywords that start no module path.
const NOT_MODULES: &[&str] = &["Self", "std", "core", "alloc"];

/// The paths of a stripped source and its test-only module declarations.
fn scan(text: &str) -> Scanned {
    let mut s = Scanner {
        toks: tokens(text),
        i: 0,
        depth: 0,
        inline: Vec::new(),
        out: Scanned::default(),
    };
    s.run();
    s.out
}

struct Scanner {
    toks: Vec<Tok>,
    i: usize,
    /// Brace depth.
    depth: usize,
    /// Inline modules open here, with the brace depth inside each.
    inline: Vec<(String, usize)>,
    out: Scanned,
}

impl Scanner {
    fn ident(&self, at: usize) -> Option<&str> {
        match self.toks.get(at) {
            Some(Tok::Ident(s)) => Some(s),
            _ => None,
        }
    }

    fn is(&self, at: usize, t: &Tok) -> bool {
        self.toks.get(at) == Some(t)
    }

    fn inline_path(&self) -> Vec<String> {
        self.inline.iter().map(|(n, _)| n.clone()).collect()
    }

    fn run(&mut self) {
        while self.i < self.toks.len() {
            match self.toks[self.i].clone() {
                Tok::Punct('#') => self.attribute(),
                Tok::Punct('{') => {
                    self.depth += 1;
                    self.i += 1;
                }
                Tok::Punct('}') => {
                    self.depth = self.depth.saturating_sub(1);
                    while self.inline.last().is_some_and(|(_, d)| *d > self.depth) {
                        self.inline.pop();
                    }
                    self.i += 1;
                }
                Tok::Ident(word) => self.word(&word),
                _ => self.i += 1,
            }
        }
    }

    /// `#[…]` or `#![…]`; after `#[cfg(test)]` the test module or import it marks is skipped.
    fn attribute(&mut self) {
        let open = if self.is(self.i + 1, &Tok::Punct('!')) {
            self.i + 2
        } else {
            self.i + 1
        };
        if !self.is(open, &Tok::Punct('[')) {
            self.i += 1;
            return;
        }
        let end = self.matching(open, '[', ']');
        let cfg_test = self.toks.get(open + 1..end).is_some_and(|t| {
            t == [
                Tok::Ident("cfg".into()),
                Tok::Punct('('),
                Tok::Ident("test".into()),
                Tok::Punct(')'),
            ]
        });
        self.i = end + 1;
        if cfg_test {
            self.skip_test_item();
        }
    }

    /// The index of the token closing the bracket opened at `open` (or the last token).
    fn matching(&self, open: usize, opener: char, closer: char) -> usize {
        let mut depth = 0;
        for j in open..self.toks.len() {
            if self.toks[j] == Tok::Punct(opener) {
                depth += 1;
            } else if self.toks[j] == Tok::Punct(closer) {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
        }
        self.toks.len().saturating_sub(1)
    }

    /// After `#[cfg(test)]`: a `mod NAME { … }` or `use …;` is skipped, a `mod NAME;` recorded as
    /// test code; other items are read as usual.
    fn skip_test_item(&mut self) {
        let mut j = self.i;
        // Further attributes and a visibility (`pub`, `pub(crate)`).
        loop {
            if self.is(j, &Tok::Punct('#')) && self.is(j + 1, &Tok::Punct('[')) {
                j = self.matching(j + 1, '[', ']') + 1;
            } else if self.ident(j) == Some("pub") {
                j += 1;
                if self.is(j, &Tok::Punct('(')) {
                    j = self.matching(j, '(', ')') + 1;
                }
            } else {
                break;
            }
        }
        match (self.ident(j), self.ident(j + 1)) {
            (Some("mod"), Some(name)) => {
                let name = name.to_owned();
                if self.is(j + 2, &Tok::Punct('{')) {
                    self.i = self.matching(j + 2, '{', '}') + 1;
                } else {
                    let mut path = self.inline_path();
                    path.push(name);
                    self.out.test_modules.push(path);
                    self.i = j + 2;
                }
            }
            (Some("use"), _) => {
                self.i = (j..self.toks.len())
                    .find(|&k| self.is(k, &Tok::Punct(';')))
                    .map_or(self.toks.len(), |k| k + 1);
            }
            _ => {}
        }
    }

    fn word(&mut self, word: &str) {
        let after_sep = self.i > 0 && self.is(self.i - 1, &Tok::PathSep);
        let after_in = self.i > 0 && self.ident(self.i - 1) == Some("in");
        // `x.collect::<T>()`: a method, not a path.
        let after_dot = self.i > 0 && self.is(self.i - 1, &Tok::Punct('.'));
        if word == "mod" && self.is(self.i + 2, &Tok::Punct('{')) {
            if let Some(name) = self.ident(self.i + 1) {
                self.inline.push((name.to_owned(), self.depth + 1));
            }
            self.depth += 1;
            self.i += 3;
        } else if word == "use" && !after_sep {
            self.use_statement();
        } else if !after_sep && !after_in && !after_dot && self.is(self.i + 1, &Tok::PathSep) {
            self.code_path(word);
        } else {
            self.i += 1;
        }
    }

    /// A path in code, `word` its first segment: `crate::a::f`, `super::X`, `child::g`.
    fn code_path(&mut self, word: &str) {
        let Some(anchor) = anchor_of(word) else {
            self.i += 1;
            return;
        };
        let mut segments = Vec::new();
        let mut j = self.i;
        while self.is(j + 1, &Tok::PathSep) {
            match self.ident(j + 2) {
                Some("super") if anchor != Anchor::Bare && segments.is_empty() => {}
                Some(s) => segments.push(s.to_owned()),
                None => break,
            }
            j += 2;
        }
        let supers = self.supers_from(self.i);
        let anchor = match anchor {
            Anchor::Super(_) => Anchor::Super(supers),
            other => other,
        };
        if anchor == Anchor::Bare {
            segments.insert(0, word.to_owned());
        }
        self.push_ref(anchor, segments);
        self.i = j + 1;
    }

    /// How many `super` segments start the path at `at`.
    fn supers_from(&self, at: usize) -> usize {
        let mut n = 0;
        let mut j = at;
        while self.ident(j) == Some("super") {
            n += 1;
            if !self.is(j + 1, &Tok::PathSep) {
                break;
            }
            j += 2;
        }
        n
    }

    fn push_ref(&mut self, anchor: Anchor, segments: Vec<String>) {
        let inline = self.inline_path();
        self.out.refs.push(Ref {
            inline,
            anchor,
            segments,
        });
    }

    /// `use TREE;`: every path of the tree, grouped imports (`{a::X, b::{Y, Z}}`) flattened.
    fn use_statement(&mut self) {
        self.i += 1;
        if self.is(self.i, &Tok::PathSep) {
            // `use ::name`: an external crate.
            self.i = self.end_of_statement();
            return;
        }
        let mut paths = Vec::new();
        self.use_tree(Vec::new(), &mut paths);
        for path in paths {
            if let Some((anchor, segments)) = anchored(path) {
                self.push_ref(anchor, segments);
            }
        }
        self.i = self.end_of_statement();
    }

    fn end_of_statement(&self) -> usize {
        (self.i..self.toks.len())
            .find(|&k| self.is(k, &Tok::Punct(';')))
            .map_or(self.toks.len(), |k| k + 1)
    }

    /// One use tree at `self.i`, its paths (from the `use`) pushed to `out`.
    fn use_tree(&mut self, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        loop {
            match self.toks.get(self.i).cloned() {
                Some(Tok::Ident(s)) => {
                    self.i += 1;
                    if s == "self" && !prefix.is_empty() && !self.is(self.i, &Tok::PathSep) {
                        out.push(prefix.clone());
                    } else {
                        prefix.push(s);
                        if self.is(self.i, &Tok::PathSep) {
                            self.i += 1;
                            continue;
                        }
                        out.push(prefix.clone());
                    }
                    if self.ident(self.i) == Some("as") {
                        self.i += 2;
                    }
                    return;
                }
                Some(Tok::Punct('*')) => {
                    self.i += 1;
                    prefix.push("*".into());
                    out.push(prefix);
                    return;
                }
                Some(Tok::Punct('{')) => {
                    self.i += 1;
                    while !self.is(self.i, &Tok::Punct('}')) && self.i < self.toks.len() {
                        if self.is(self.i, &Tok::Punct(',')) {
                            self.i += 1;
                            continue;
                        }
                        let before = self.i;
                        self.use_tree(prefix.clone(), out);
                        if self.i == before {
                            self.i += 1;
                        }
                    }
                    self.i += 1;
                    return;
                }
                _ => return,
            }
        }
    }
}

/// How a path's first segment anchors it; `None` for a name that is never a module of ours.
fn anchor_of(first: &str) -> Option<Anchor> {
    match first {
        "crate" => Some(Anchor::Crate),
        "super" => Some(Anchor::Super(1)),
        "self" => Some(Anchor::SelfModule),
        w if NOT_MODULES.contains(&w) || !w.starts_with(|c: char| c.is_ascii_lowercase()) => None,
        _ => Some(Anchor::Bare),
    }
}

/// A use path's anchor and the segments after it.
fn anchored(path: Vec<String>) -> Option<(Anchor, Vec<String>)> {
    let first = path.first()?;
    match anchor_of(first)? {
        Anchor::Super(_) => {
            let n = path.iter().take_while(|s| *s == "super").count();
            Some((Anchor::Super(n), path[n..].to_vec()))
        }
        Anchor::Bare => Some((Anchor::Bare, path)),
        anchor => Some((anchor, path[1..].to_vec())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycles(files: &[(&str, &str)]) -> Vec<String> {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect();
        cycles_in("crates/x", &files)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn two_modules_using_each_other_are_a_cycle() {
        let found = cycles(&[
            ("lib.rs", "mod a;\nmod b;\npub use a::A;\n"),
            ("a.rs", "use crate::b::B;\npub struct A(B);\n"),
            (
                "b.rs",
                "pub struct B;\npub fn f() -> crate::a::A { todo!() }\n",
            ),
        ]);
        assert_eq!(
            found,
            ["crates/x: a.rs -> b.rs -> a.rs (a.rs uses b::{B}; b.rs uses a::{A})"]
        );
    }

    #[test]
    fn uses_that_point_one_way_are_no_cycle() {
        let found = cycles(&[
            ("lib.rs", "mod a;\nmod b;\nmod c;\n"),
            ("a.rs", "use crate::b::B;\nuse crate::c::C;\n"),
            ("b.rs", "use crate::c::C;\npub struct B;\n"),
            (
                "c.rs",
                "pub struct C;\n// use crate::a::A;\nconst S: &str = \"crate::a::A\";\n",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_root_and_test_code_make_no_edges() {
        let found = cycles(&[
            ("lib.rs", "mod a;\npub fn f() {}\npub use a::A;\n"),
            (
                "a.rs",
                "use crate::f;\npub struct A;\n#[cfg(test)]\nmod tests {\n    use crate::b::B;\n}\n\
                 #[cfg(test)]\nuse crate::b::B;\n",
            ),
            ("b.rs", "use crate::a::A;\n"),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn grouped_imports_reach_every_module() {
        let found = cycles(&[
            ("lib.rs", "mod a;\nmod b;\nmod c;\n"),
            (
                "a.rs",
                "use crate::{\n    b::{self, B as Bee},\n    c::{C, D},\n};\n",
            ),
            ("b.rs", "pub struct B;\n"),
            ("c.rs", "use crate::a::*;\n"),
        ]);
        assert_eq!(
            found,
            ["crates/x: a.rs -> c.rs -> a.rs (a.rs uses c::{C, D}; c.rs uses a::{*})"]
        );
    }

    #[test]
    fn super_and_children_resolve_to_their_files() {
        let found = cycles(&[
            ("lib.rs", "mod html;\n"),
            (
                "html/mod.rs",
                "mod dom;\npub fn parse() { dom::build(); }\npub struct Node;\n",
            ),
            ("html/dom.rs", "use super::Node;\npub fn build() {}\n"),
            ("html/tests.rs", "use super::dom::build;\n"),
        ]);
        assert_eq!(
            found,
            ["crates/x: html/dom.rs -> html/mod.rs -> html/dom.rs \
              (html/dom.rs uses html::{Node}; html/mod.rs uses html::dom::{build})"]
        );
        // `super::super` climbs two levels; a file declared for tests only is test code.
        let found = cycles(&[
            ("lib.rs", "mod a;\n"),
            (
                "a/mod.rs",
                "mod b;\n#[cfg(test)]\nmod tests;\npub fn g() { self::b::c::f(); }\n",
            ),
            ("a/b/mod.rs", "pub mod c;\n"),
            ("a/b/c.rs", "pub fn f() { super::super::g() }\n"),
            ("a/tests.rs", "use super::g;\n"),
        ]);
        assert_eq!(
            found,
            [
                "crates/x: a/b/c.rs -> a/mod.rs -> a/b/c.rs (a/b/c.rs uses a::{g}; a/mod.rs uses a::b::c::{f})"
            ]
        );
    }

    #[test]
    fn literals_and_comments_hide_nothing_else() {
        let text = strip(
            "let a = 'x'; let b = '\\''; let c = \"crate::a\"; /* crate::b /* nested */ */\n\
             let d = r#\"crate::c \"quoted\" \"#; fn f<'a>(x: &'a str) {} crate::d::e();\n",
        );
        assert!(!text.contains("crate::a") && !text.contains("crate::b"));
        assert!(!text.contains("crate::c") && text.contains("crate::d::e()"));
        assert!(text.contains("<'a>"));
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn binaries_are_trees_of_their_own() {
        let found = cycles(&[
            ("lib.rs", "mod a;\n"),
            ("a.rs", "pub fn f() {}\n"),
            ("main.rs", "use crate::a::f;\n"),
            ("bin/tool.rs", "mod b;\nmod c;\n"),
            ("bin/tool/b.rs", "use super::c::C;\npub struct B;\n"),
            ("bin/tool/c.rs", "use super::b::B;\npub struct C;\n"),
        ]);
        assert_eq!(
            found,
            ["crates/x: bin/tool/b.rs -> bin/tool/c.rs -> bin/tool/b.rs \
              (bin/tool/b.rs uses c::{C}; bin/tool/c.rs uses b::{B})"]
        );
    }
}
