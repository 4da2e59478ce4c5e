//! One snapshot test per (adapter, fixture): `adapters/<id>/fixtures/<stem>.txt` →
//! `snapshots/<id>/<stem>.snap` (`<stem>.html` → `<stem>.html.snap`), plus the registry checks that keep every adapter linked.
//!
//! Each fixture must be claimed by its own adapter twice: from the layout alone (no URL), and through
//! the whole pipeline (URL first when the sidecar has one); and no other site adapter may claim it,
//! even with a lower score. A snapshot is a claim that the output is right: read it against the page
//! before accepting it (`cargo xtask review`).

use dateline_core::{Article, Capture, adapter, extract::page_of};
use dateline_snapshots::{fixtures, workspace_root};
use libtest_mimic::{Arguments, Failed, Trial};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What a reviewer reads in a PR: the adapter's decision and every article, minus the hash id.
#[derive(Serialize)]
struct Snapshot<'a> {
    capture: &'a str,
    adapter: &'a str,
    encoding: &'a str,
    articles: Vec<ArticleView<'a>>,
    /// The page's text blocks that no article field holds, shortened: the furniture the adapter
    /// dropped. A sidebar that leaks into a body leaves this list, a paragraph that vanishes joins
    /// it; either way the diff shows it without opening the page.
    dropped: Vec<String>,
}

/// Longest text a `dropped` line shows.
const DROPPED_CHARS: usize = 72;

/// The blocks of `page` whose text appears in no field of `articles` (nor holds one: a "By NAME"
/// line whose NAME is the author was used), in page order, shortened to [`DROPPED_CHARS`].
fn dropped(page: &dateline_core::Page, articles: &[Article]) -> Vec<String> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut fields: Vec<String> = Vec::new();
    for a in articles {
        let singles = [
            Some(&a.title),
            a.author.as_ref(),
            a.section.as_ref(),
            a.outlet.as_ref(),
            a.published.raw.as_ref(),
            a.dateline.as_ref(),
            a.caption.as_ref(),
        ];
        fields.extend(singles.into_iter().flatten().map(|f| norm(f)));
        fields.extend(paragraphs(&a.body).into_iter().map(norm));
    }
    fields.retain(|f| f.chars().count() >= 3);
    page.blocks
        .iter()
        .map(|b| norm(&b.text))
        .filter(|t| !t.is_empty())
        .filter(|t| {
            !fields
                .iter()
                .any(|f| f.contains(t.as_str()) || t.contains(f.as_str()))
        })
        .map(|t| {
            if t.chars().count() > DROPPED_CHARS {
                let cut: String = t.chars().take(DROPPED_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                t
            }
        })
        .collect()
}

#[derive(Serialize)]
struct ArticleView<'a> {
    via: &'a Option<String>,
    outlet: &'a Option<String>,
    url: &'a Option<String>,
    title: &'a str,
    author: &'a Option<String>,
    section: &'a Option<String>,
    published: &'a dateline_core::TimeValue,
    dateline: &'a Option<String>,
    caption: &'a Option<String>,
    truncated: bool,
    words: usize,
    /// The body one paragraph per line (a YAML list), so that a diff shows the paragraph that
    /// changed rather than one line of 1,500 characters with `\n\n` escapes. Joined with a blank
    /// line, the list is the article's body exactly.
    body: Vec<&'a str>,
}

/// The body's paragraphs: the inverse of joining them with `"\n\n"`, for any text.
fn paragraphs(body: &str) -> Vec<&str> {
    if body.is_empty() {
        Vec::new()
    } else {
        body.split("\n\n").collect()
    }
}

impl<'a> From<&'a Article> for ArticleView<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleView {
            via: &a.via,
            outlet: &a.outlet,
            url: &a.url,
            title: &a.title,
            author: &a.author,
            section: &a.section,
            published: &a.published,
            dateline: &a.dateline,
            caption: &a.caption,
            truncated: a.truncated,
            words: a.word_count(),
            body: paragraphs(&a.body),
        }
    }
}

/// `x.txt` → `x`, `x.html` → `x.html`: a page and its text copy keep separate snapshots.
fn snapshot_name(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.strip_suffix(".txt").map(str::to_owned).unwrap_or(file)
}

fn adapter_folders(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("adapters"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

fn snapshot_fixture(id: &str, path: &Path, root: &Path) -> Result<(), Failed> {
    let capture = Capture::load(path).map_err(|e| e.to_string())?;
    let page = page_of(&capture);
    let (by_layout, detection) = adapter::select(&page, None).ok_or("no adapter registered")?;
    let min = adapter::MIN_SCORE;
    if by_layout.id() != id {
        return Err(format!(
            "from its layout alone this page went to `{}` ({}), not `{id}`.\n\
             Rule: every fixture under adapters/{id}/fixtures/ must be claimed by `{id}` from its \
             layout alone, with no URL (captures often come without a sidecar). Make `detect` in \
             adapters/{id}/src/lib.rs score this page {min} or more from furniture only that site \
             prints (masthead, footer, widget titles).",
            by_layout.id(),
            detection.reason
        )
        .into());
    }
    // Layouts must not overlap: no other site adapter may reach the claim threshold on this page,
    // even when it would lose to the right one. Otherwise the outcome for a capture without a URL
    // would hang on scores and tie-breaks instead of on the layout.
    for other in adapter::registry() {
        let d = other.detect(&page);
        if other.id() != id && !other.is_fallback() && d.score >= min {
            let o = other.id();
            return Err(format!(
                "`{o}` also claims this page ({}: {}), a fixture of `{id}`.\n\
                 Rule: no other adapter may claim an adapter's fixtures; layouts must not overlap. \
                 Lower `detect` in adapters/{o}/src/lib.rs below {min} on this page: score furniture \
                 only that site prints, never text that sites copy along with a story (a \
                 `CITY (Outlet) –` dateline, a byline, an outlet's name in the text). If the page \
                 really has `{o}`'s layout, move the fixture to adapters/{o}/fixtures/ instead.",
                d.score,
                d.reason
            )
            .into());
        }
    }
    let extraction = dateline_core::extract(&capture).map_err(|e| e.to_string())?;
    if extraction.adapter != id {
        return Err(format!(
            "the pipeline chose `{}`, not `{id}`: an adapter whose hosts() match the sidecar's `url` \
             wins outright; check `hosts()` of both and the fixture's NAME.toml",
            extraction.adapter
        )
        .into());
    }
    let snapshot = Snapshot {
        capture: &capture.name,
        adapter: extraction.adapter,
        encoding: capture.encoding,
        articles: extraction.articles.iter().map(ArticleView::from).collect(),
        dropped: dropped(&page, &extraction.articles),
    };
    let name = snapshot_name(path);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root.join("snapshots").join(id));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(path);
    settings.bind(|| insta::assert_yaml_snapshot!(name, snapshot));
    Ok(())
}

/// Every `.snap` belongs to a fixture of an adapter that exists: a renamed or deleted fixture must
/// take its snapshot with it, or reviewers read stale claims.
fn orphans(root: &Path, folders: &[String]) -> Result<(), Failed> {
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(root.join("snapshots"))
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let dir = entry.path();
        if !dir.is_dir() || matches!(entry.file_name().to_str(), Some("src" | "tests")) {
            continue;
        }
        let id = entry.file_name().to_string_lossy().into_owned();
        let stems: Vec<String> = fixtures(&root.join("adapters").join(&id).join("fixtures"))
            .iter()
            .map(|p| snapshot_name(p))
            .collect();
        for snap in std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .flatten()
        {
            let name = snap.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".snap") else {
                continue;
            };
            if !folders.contains(&id) || !stems.iter().any(|s| s == stem) {
                stale.push(format!("snapshots/{id}/{name}"));
            }
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!("snapshots without a fixture: {stale:?}").into())
    }
}

/// `NAME.html` beside `NAME.txt`: the saved page and its text copy must give the same articles.
fn twins_agree(txt: &Path, html: &Path) -> Result<(), Failed> {
    let articles = |p: &Path| -> Result<Vec<Article>, Failed> {
        let capture = Capture::load(p).map_err(|e| e.to_string())?;
        Ok(dateline_core::extract(&capture)
            .map_err(|e| e.to_string())?
            .articles)
    };
    let (a, b) = (articles(txt)?, articles(html)?);
    if a.len() != b.len() {
        return Err(format!("text copy has {} articles, HTML has {}", a.len(), b.len()).into());
    }
    for (x, y) in a.iter().zip(&b) {
        let (vx, vy) = (ArticleView::from(x), ArticleView::from(y));
        let (sx, sy) = (
            serde_json::to_string_pretty(&vx).unwrap_or_default(),
            serde_json::to_string_pretty(&vy).unwrap_or_default(),
        );
        if sx != sy {
            return Err(format!(
                "«{}» differs between text and HTML:\n--- text\n{sx}\n--- html\n{sy}",
                x.title
            )
            .into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let root = workspace_root();
    let registered = dateline_adapters::linked();
    let mut trials = Vec::new();

    let folders = adapter_folders(&root);
    {
        let folders = folders.clone();
        let ids: Vec<&'static str> = registered.iter().map(|a| a.id()).collect();
        trials.push(Trial::test("registry::every_adapter_folder_is_linked", move || {
            let missing: Vec<_> = folders.iter().filter(|f| !ids.contains(&f.as_str())).collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "adapters/{missing:?} exist but register no adapter with that id: run `cargo xtask link-adapters` \
                     (or check that the crate calls register_adapter! with id() equal to its folder name)"
                )
                .into())
            }
        }));
    }
    {
        let ids: Vec<&'static str> = registered.iter().map(|a| a.id()).collect();
        trials.push(Trial::test("registry::adapter_ids_are_unique", move || {
            let mut seen = BTreeMap::new();
            for id in &ids {
                *seen.entry(*id).or_insert(0) += 1;
            }
            let dups: Vec<_> = seen
                .into_iter()
                .filter(|(_, n)| *n > 1)
                .map(|(id, _)| id)
                .collect();
            if dups.is_empty() {
                Ok(())
            } else {
                Err(format!("adapter ids registered twice: {dups:?}").into())
            }
        }));
    }
    {
        let root = root.clone();
        let folders = folders.clone();
        trials.push(Trial::test("registry::no_orphaned_snapshots", move || {
            orphans(&root, &folders)
        }));
    }
    for id in folders {
        let dir = root.join("adapters").join(&id).join("fixtures");
        for path in fixtures(&dir) {
            let stem = path
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let root = root.clone();
            let id = id.clone();
            let txt = path.with_extension("txt");
            if path.extension().is_some_and(|e| e == "html") && txt.is_file() {
                let html = path.clone();
                trials.push(Trial::test(
                    format!("{id}::{stem}::same-as-text-copy"),
                    move || twins_agree(&txt, &html),
                ));
            }
            trials.push(Trial::test(format!("{id}::{stem}"), move || {
                snapshot_fixture(&id, &path, &root)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
