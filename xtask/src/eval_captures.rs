//! `cargo xtask eval-captures DIR`: site captures scored field by field against their expected
//! articles, through the release binary.
//!
//! For captures nobody tuned the adapters to: write pages of a site (from its samples and
//! fixtures alone), and beside each `NAME.txt` or `NAME.html` a `NAME.expected.json`:
//!
//! ```json
//! {"file": "NAME.html", "articles": [{"outlet": "Rudaw", "title": "…", "author": null,
//!   "section": null, "published": {"value": "2025-03-10", "precision": "day"},
//!   "dateline": "ERBIL, Kurdistan Region", "caption": null,
//!   "body_first_words": "first 12 tokens", "body_last_words": "last 12 tokens",
//!   "truncated": false}]}
//! ```
//!
//! following the annotation conventions of `samples/gold/seeds.json`. Each expected article is
//! matched to the extracted one of the same title, else to the one at its position; ten fields
//! are compared (the published day only, not its time). Keep such a set outside the repository
//! until it has been scored once: a set the rules were fixed on no longer measures them.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Words of the body compared at each end, as in `samples/gold/seeds.json`.
const END_WORDS: usize = 12;

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let [dir] = args else {
        bail!("usage: cargo xtask eval-captures DIR");
    };
    let bin = crate::bench::release_binary(root)?;
    let mut expected: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {dir}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    expected.sort();
    if expected.is_empty() {
        bail!("no NAME.expected.json in {dir}");
    }
    let mut tally = Tally::default();
    for path in &expected {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let want: Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let file = want["file"]
            .as_str()
            .with_context(|| format!("{}: no \"file\"", path.display()))?;
        let out = Command::new(&bin)
            .arg("extract")
            .arg(Path::new(dir).join(file))
            .output()
            .with_context(|| format!("running dateline extract {file}"))?;
        let got: Vec<Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .with_context(|| format!("reading the articles of {file}"))?;
        let articles = want["articles"].as_array().map_or(&[][..], Vec::as_slice);
        for (i, w) in articles.iter().enumerate() {
            tally.score(file, i, w, &got);
        }
        if got.len() != articles.len() {
            println!(
                "{file}: {} articles extracted, {} expected",
                got.len(),
                articles.len()
            );
        }
    }
    println!(
        "articles found {}/{}, fields right {}/{} = {:.3}",
        tally.found,
        tally.articles,
        tally.right,
        tally.fields,
        tally.right as f64 / tally.fields.max(1) as f64
    );
    Ok(())
}

#[derive(Default)]
struct Tally {
    articles: usize,
    found: usize,
    fields: usize,
    right: usize,
}

impl Tally {
    fn score(&mut self, file: &str, i: usize, want: &Value, got: &[Value]) {
        self.articles += 1;
        let title = norm(want["title"].as_str().unwrap_or(""));
        let article = (got.iter())
            .find(|g| norm(g["title"].as_str().unwrap_or("")) == title)
            .or_else(|| got.get(i));
        let Some(article) = article else {
            println!("{file} #{i}: not found ({title})");
            self.fields += FIELDS;
            return;
        };
        self.found += 1;
        for (field, want, got) in compared(want, article) {
            self.fields += 1;
            if want == got {
                self.right += 1;
            } else {
                println!("{file} #{i} {field}: expected {want:?}, got {got:?}");
            }
        }
    }
}

/// Fields compared per article.
const FIELDS: usize = 10;

/// Each compared field: its name, the expected value and the extracted one, both as text
/// (`None` for null), whitespace collapsed.
fn compared(want: &Value, got: &Value) -> [(&'static str, Option<String>, Option<String>); FIELDS] {
    let text = |v: &Value| v.as_str().map(norm).filter(|s| !s.is_empty());
    let body = got["body"].as_str().unwrap_or("");
    let day = |v: &Value| v["value"].as_str().map(|d| d.chars().take(10).collect());
    let flag = |v: &Value| Some(v.as_bool().unwrap_or(false).to_string());
    [
        ("outlet", text(&want["outlet"]), text(&got["outlet"])),
        ("title", text(&want["title"]), text(&got["title"])),
        ("author", text(&want["author"]), text(&got["author"])),
        ("section", text(&want["section"]), text(&got["section"])),
        ("published", day(&want["published"]), day(&got["published"])),
        ("dateline", text(&want["dateline"]), text(&got["dateline"])),
        ("caption", text(&want["caption"]), text(&got["caption"])),
        (
            "body start",
            text(&want["body_first_words"]),
            Some(end_words(body, true)).filter(|s| !s.is_empty()),
        ),
        (
            "body end",
            text(&want["body_last_words"]),
            Some(end_words(body, false)).filter(|s| !s.is_empty()),
        ),
        (
            "truncated",
            flag(&want["truncated"]),
            flag(&got["truncated"]),
        ),
    ]
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first or last [`END_WORDS`] whitespace-separated tokens of `body`.
fn end_words(body: &str, first: bool) -> String {
    let words: Vec<&str> = body.split_whitespace().collect();
    let n = words.len().min(END_WORDS);
    let picked = if first {
        &words[..n]
    } else {
        &words[words.len() - n..]
    };
    picked.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_compare_as_printed_with_the_day_and_the_body_ends() {
        let want = json!({"outlet": "Rudaw", "title": "Floods  close roads", "author": null,
            "section": null, "published": {"value": "2025-03-10", "precision": "day"},
            "dateline": "DUHOK, Kurdistan Region", "caption": null,
            "body_first_words": "DUHOK, Kurdistan Region - Rain closed roads.",
            "body_last_words": "DUHOK, Kurdistan Region - Rain closed roads.", "truncated": false});
        let got = json!({"outlet": "Rudaw", "title": "Floods close roads", "author": "Rudaw",
            "section": null, "published": {"value": "2025-03-10T08:00Z"},
            "dateline": "DUHOK, Kurdistan Region", "caption": null,
            "body": "DUHOK, Kurdistan Region - Rain closed roads.", "truncated": false});
        let wrong: Vec<&str> = compared(&want, &got)
            .into_iter()
            .filter(|(_, w, g)| w != g)
            .map(|(f, ..)| f)
            .collect();
        assert_eq!(wrong, vec!["author"]);
        let mut tally = Tally::default();
        tally.score("x.txt", 0, &want, &[got]);
        assert_eq!((tally.found, tally.right, tally.fields), (1, 9, 10));
        tally.score("x.txt", 1, &want, &[]);
        assert_eq!((tally.articles, tally.found, tally.fields), (2, 1, 20));
    }
}
