//! The pre-pass that cuts code, comments and unread attributes before parsing (see
//! `html/dom.rs`) must never change what a page reads as: every page of both extraction benchmarks,
//! every adapter fixture and random mixtures of the markup it has to read around parse to the same
//! [`Page`] with and without it.

use dateline_core::html::{parse, parse_uncut};
use proptest::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// HTML files under `dir`, gzipped or not, with their paths.
fn pages(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("{}: {e}", d.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".html.gz") && !name.ends_with("expected.html.gz") {
                let mut text = String::new();
                let bytes = std::fs::read(&path).expect("readable page");
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_string(&mut text)
                    .expect("a gzipped UTF-8 page");
                out.push((path, text));
            } else if name.ends_with(".html") {
                let bytes = std::fs::read(&path).expect("readable page");
                out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}

#[test]
fn every_benchmark_page_and_fixture_reads_the_same_cut_or_uncut() {
    let root = repo();
    let mut checked = 0;
    for dir in [
        "benchmarks/article-extraction/html",
        "benchmarks/readability-test-pages/pages",
        "adapters",
    ] {
        for (path, html) in pages(&root.join(dir)) {
            assert!(parse(&html) == parse_uncut(&html), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} pages found");
}

/// Pieces of markup the pre-pass has to read around: raw text, comments of every shape, drawings
/// that end early, attributes quoted every way, JSON-LD, tags left open.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "text ",
    "<div class=\"lead\" data-x='1' onclick=go()>",
    "</div>",
    "<script>var a = '</p>';</script>",
    "<script>if (a < b) x()</script>",
    "<script><!-- x",
    "</script>",
    "</scripts>",
    "<style>p{}</style>",
    "<style>",
    "<!-- c -->",
    "<!-->",
    "<!--->",
    "--!>",
    "-->",
    "<!--",
    "<noscript><img src=x></noscript>",
    "<svg viewBox='0 0 1 1'><path d=\"M0\"/></svg>",
    "<svg>",
    "</svg>",
    "<svg/>",
    "<math><mi>x</mi></math>",
    "<b>",
    "</b>",
    "<a href=\"/a\" target=_blank>",
    "</a>",
    "<span hidden>h</span>",
    "<span style=\"display:none\" data-y>",
    "<script type=\"application/ld+json\">{\"headline\": \"H\", \"datePublished\": \"2024-01-02\"}</script>",
    "<meta property=og:title content=\"T\" data-z=1>",
    "<time datetime=2024-01-03 class=t>3 Jan</time>",
    "<title>A title</title>",
    "<textarea><p>no</textarea>",
    "<h1 itemprop=headline id=h>H</h1>",
    "<table><tr><td>c</td></tr></table>",
    "<br>",
    "<select><option>o",
    "</select>",
    "<input>",
    "<template><p>t</template>",
    "<td>",
    "<frameset>",
    "</html>",
    "\"'=>",
    "<?xml x?>",
    "</ x>",
    "</>",
    "<!DOCTYPE html>",
    "<![CDATA[ <p> ]]>",
    "<mi>",
    "<foreignObject>",
    "<font color=red>",
    "<xmp>",
    "<iframe>",
    "<plaintext>",
    "'",
    "\"",
    "-",
    "<",
    ">",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn random_markup_reads_the_same_cut_or_uncut(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let html: String = picks.iter().map(|&i| PIECES[i]).collect();
        prop_assert_eq!(parse(&html), parse_uncut(&html), "{}", html);
    }
}
