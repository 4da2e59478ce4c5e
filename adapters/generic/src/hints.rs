//! What class and id words say about a container.
//!
//! Word lists in the spirit of Readability and trafilatura: sites name their story body
//! (`article-body`, `entry-content`, `story`) and their furniture (`comments`, `related`, `share`,
//! `newsletter`) in their markup, whatever language the page is in. Matching is by substring on
//! lower-cased words, as those tools do, with a few guards against obvious false friends.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Words that mark furniture: a block inside such a container is boilerplate unless a nearer container
/// says it is the story.
const NEGATIVE: &[&str] = &[
    "comment",
    "disqus",
    "footer",
    "rodape",
    "piedepagina",
    "pie-de-pagina",
    "footnote",
    "sidebar",
    "side-bar",
    "related",
    "share",
    "sharing",
    "social",
    "promo",
    "newsletter",
    "widget",
    "advert",
    "sponsor",
    "banner",
    "breadcrumb",
    "popup",
    "modal",
    "cookie",
    "subscri",
    "signup",
    "sign-up",
    "login",
    "menu",
    "navbar",
    "navigation",
    "masthead",
    "toolbar",
    "pagination",
    "pager",
    "recommend",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "skip-link",
    "skiplink",
    "most-read",
    "mostread",
    "more-stories",
    "read-more",
    "readmore",
    "read-next",
    "tags",
    "tag-list",
    "taglist",
    "topics",
    "byline",
    "author",
    "dateline-box",
    "timestamp",
    "published-date",
    "credit",
    "standfirst",
    "strapline",
    "kicker",
    "caption",
    "gallery",
    "slideshow",
    "carousel",
    "overlay",
    "lightbox",
    "rating",
    "print-header",
    "print-footer",
    "visually-hidden",
    "sr-only",
    "screen-reader",
    "offscreen",
    "tooltip",
    "dropdown",
    "flyout",
    "ad-container",
    "ad-slot",
    "adslot",
    "adsense",
    "dfp",
    "gpt-ad",
];

/// Words that are negative only as a whole word or word part (`ad`, `nav`), since as substrings they
/// are everywhere (`head`, `canvas`, `shadow`).
const NEGATIVE_PARTS: &[&str] = &[
    "ad",
    "ads",
    "nav",
    "meta",
    "aside",
    "foot",
    "header",
    "tools",
    "tool",
    "links",
    "extra",
    "bio",
    "contact",
    "cta",
    "utility",
    "utilities",
    "subnav",
    "dek",
    "deck",
];

/// Words that mark the story.
const POSITIVE: &[&str] = &[
    "article",
    "content",
    "entry",
    "post-body",
    "postbody",
    "post-content",
    "post-text",
    "story",
    "main",
    "body",
    "text",
    "blog",
    "hentry",
    "prose",
    "rich-text",
    "richtext",
];

/// What one container's words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verdict {
    pub positive: bool,
    pub negative: bool,
}

/// One automaton per list, case-insensitive: `judge` runs on every element's class and id words,
/// and fifty substring searches per word were a tenth of the extraction time.
static POSITIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(POSITIVE));
static NEGATIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(NEGATIVE));

fn automaton(words: &[&str]) -> AhoCorasick {
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
                || w.split(['-', '_'])
                    .any(|part| NEGATIVE_PARTS.iter().any(|n| part.eq_ignore_ascii_case(n))))
        {
            v.negative = true;
        }
    }
    v
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
}
