//! What class and id words say about a container.
//!
//! Word lists in the spirit of Readability and trafilatura: sites name their story body
//! (`article-body`, `entry-content`, `story`) and their furniture (`comments`, `related`, `share`,
//! `newsletter`) in their markup, whatever language the page is in. Matching is by substring on
//! lower-cased words, as those tools do, with a few guards against obvious false friends. The
//! lists, and the labels sites print over ad slots, are in `data/hints.toml`.

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::sync::LazyLock;

/// The word lists of `data/hints.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    positive: Vec<String>,
    negative: Vec<String>,
    negative_parts: Vec<String>,
    ad_labels: Vec<String>,
    button_labels: Vec<String>,
    embedded_posts: Vec<String>,
}

/// Compiled in, so a broken file is a build-time mistake caught by the tests below: loading it may
/// panic with a message naming the file.
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    toml::from_str(include_str!("../data/hints.toml"))
        .expect("adapters/generic/data/hints.toml is valid")
});

/// What one container's words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verdict {
    pub positive: bool,
    pub negative: bool,
}

/// One automaton per list, case-insensitive: `judge` runs on every element's class and id words,
/// and fifty substring searches per word were a tenth of the extraction time.
static POSITIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&WORDS.positive));
static NEGATIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(&WORDS.negative));

fn automaton(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("the word lists are plain words")
}

pub fn judge(words: &[String]) -> Verdict {
    let mut v = Verdict::default();
    for w in words {
        if !v.positive && POSITIVE_AC.is_match(w) {
            v.positive = true;
        }
        if !v.negative
            && (NEGATIVE_AC.is_match(w)
                || w.split(['-', '_']).any(|part| {
                    WORDS
                        .negative_parts
                        .iter()
                        .any(|n| part.eq_ignore_ascii_case(n))
                }))
        {
            v.negative = true;
        }
    }
    v
}

/// The label over an ad slot (`Advertisement`, `- Advertisement -`) or of a button (`Read more`):
/// never story text when it stands alone.
pub fn is_furniture_label(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let t = t.trim().to_lowercase();
    WORDS.ad_labels.contains(&t) || WORDS.button_labels.contains(&t)
}

/// True when an element is a platform's embedded post (`<blockquote class="twitter-tweet">`).
pub fn is_embedded_post(tag: &str, words: &[String]) -> bool {
    tag == "blockquote"
        && words.iter().any(|w| {
            WORDS
                .embedded_posts
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
}

/// Tags whose content is furniture on any site.
pub fn furniture_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav" | "footer" | "aside" | "form" | "menu" | "dialog" | "fieldset" | "legend" | "label"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn story_and_furniture_words() {
        assert_eq!(
            judge(&words("entry-content clearfix")),
            Verdict {
                positive: true,
                negative: false
            }
        );
        assert!(judge(&words("comments-area")).negative);
        assert!(judge(&words("ad-slot")).negative);
        assert!(judge(&words("top_ad")).negative);
        // "ad" and "nav" only as word parts: a header's "shadow" or "heading" is no ad.
        assert!(!judge(&words("shadow heading")).negative);
        assert!(judge(&words("site-nav")).negative);
    }

    #[test]
    fn furniture_labels() {
        assert!(is_furniture_label("- Advertisement -"));
        assert!(is_furniture_label("Sponsored"));
        assert!(is_furniture_label("Read More"));
        assert!(is_furniture_label("Continue reading…"));
        assert!(!is_furniture_label("Advertisement for a new budget"));
        assert!(!is_furniture_label(
            "Read more about the budget in our explainer."
        ));
    }
}
