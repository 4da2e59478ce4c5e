//! The site knowledge the layout rules use, read from the TOML files under `data/`.
//!
//! The files are compiled in, so a broken file is a build-time mistake caught by the tests below, not
//! a runtime condition: loading them may panic with a message naming the file.

use dateline_core::HintWords;
use dateline_core::text::clean_inline;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

const LAYOUT_TOML: &str = include_str!("../data/layout.toml");
const OUTLETS_TOML: &str = include_str!("../data/outlets.toml");
const BOILERPLATE_TOML: &str = include_str!("../data/boilerplate.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    stop_lines: Vec<String>,
    #[serde(default)]
    skip_lines: Vec<String>,
    stop_prefixes: Vec<String>,
    chrome_words: HintWords,
    detect: DetectFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectFile {
    brand_markers: Vec<String>,
    listing_prefixes: Vec<String>,
    foreign_lines: Vec<String>,
    foreign_prefixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletsFile {
    labels: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    #[serde(default)]
    lead: Vec<LeadRule>,
    #[serde(default)]
    inline: Vec<InlineFile>,
}

/// Furniture before a copied story's first words (see `data/boilerplate.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadRule {
    /// Whose pages print it; documentation only, the rule applies to every story.
    #[allow(dead_code)]
    pub outlet: String,
    pub starts: String,
    pub through: String,
    pub max_chars: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InlineFile {
    #[allow(dead_code)]
    outlet: String,
    pattern: String,
}

/// Everything the adapter knows about Daily8 pages besides its code.
#[derive(Debug)]
pub struct Rules {
    stop_lines: Vec<String>,
    skip_lines: Vec<String>,
    stop_prefixes: Vec<String>,
    /// Class and id words of the site's furniture containers in saved HTML.
    pub chrome_words: HintWords,
    brand_markers: Vec<String>,
    listing_prefixes: Vec<String>,
    foreign_lines: Vec<String>,
    foreign_prefixes: Vec<String>,
    outlets: BTreeMap<String, String>,
    pub leads: Vec<LeadRule>,
    pub inline: Vec<Regex>,
}

/// Case and whitespace do not matter when a line is compared with a listed one.
pub fn key(s: &str) -> String {
    clean_inline(s).to_lowercase()
}

fn keys(list: Vec<String>) -> Vec<String> {
    list.iter().map(|s| key(s)).collect()
}

impl Rules {
    fn load() -> Rules {
        let layout: LayoutFile =
            toml::from_str(LAYOUT_TOML).expect("adapters/daily8/data/layout.toml is valid");
        let outlets: OutletsFile =
            toml::from_str(OUTLETS_TOML).expect("adapters/daily8/data/outlets.toml is valid");
        let boilerplate: BoilerplateFile = toml::from_str(BOILERPLATE_TOML)
            .expect("adapters/daily8/data/boilerplate.toml is valid");
        Rules {
            stop_lines: keys(layout.stop_lines),
            skip_lines: keys(layout.skip_lines),
            stop_prefixes: keys(layout.stop_prefixes),
            chrome_words: layout.chrome_words,
            brand_markers: keys(layout.detect.brand_markers),
            listing_prefixes: keys(layout.detect.listing_prefixes),
            foreign_lines: keys(layout.detect.foreign_lines),
            foreign_prefixes: keys(layout.detect.foreign_prefixes),
            outlets: outlets
                .labels
                .into_iter()
                .map(|(label, name)| (key(&label), name))
                .collect(),
            leads: boilerplate.lead,
            inline: boilerplate
                .inline
                .iter()
                .map(|r| {
                    Regex::new(&r.pattern)
                        .expect("adapters/daily8/data/boilerplate.toml: inline patterns compile")
                })
                .collect(),
        }
    }

    /// A line that ends the story being read (furniture follows until the next story header).
    pub fn is_stop(&self, line: &str) -> bool {
        self.is_stop_key(&key(line))
    }

    /// [`Rules::is_stop`] of a line whose [`key`] is `k`.
    pub fn is_stop_key(&self, k: &str) -> bool {
        self.stop_lines.iter().any(|l| l == k)
            || self.stop_prefixes.iter().any(|p| k.starts_with(p))
    }

    /// A button or label line, furniture wherever it stands.
    pub fn is_skip(&self, line: &str) -> bool {
        self.skip_lines.contains(&key(line))
    }

    /// The title bar of a tag listing.
    pub fn is_listing_bar(&self, line: &str) -> bool {
        self.is_listing_bar_key(&key(line))
    }

    /// [`Rules::is_listing_bar`] of a line whose [`key`] is `k`.
    pub fn is_listing_bar_key(&self, k: &str) -> bool {
        self.listing_prefixes.iter().any(|p| k.starts_with(p))
    }

    /// Whether the line whose [`key`] is `k` names the AI feature box.
    pub fn has_brand_marker_key(&self, k: &str) -> bool {
        self.brand_markers.iter().any(|m| k.contains(m))
    }

    /// A standalone line of another site's furniture, by its [`key`].
    pub fn is_foreign_key(&self, k: &str) -> bool {
        self.foreign_lines.iter().any(|l| l == k)
            || self.foreign_prefixes.iter().any(|p| k.starts_with(p))
    }

    /// The outlet's own name for a Daily8 label; unknown labels are kept as printed.
    pub fn outlet_name(&self, label: &str) -> String {
        let label = clean_inline(label);
        self.outlets.get(&key(&label)).cloned().unwrap_or(label)
    }
}

pub static RULES: LazyLock<Rules> = LazyLock::new(Rules::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let r = &*RULES;
        assert!(r.is_stop("Related Articles"));
        assert!(r.is_stop("related  articles"));
        assert!(r.is_stop("Latest news with #ISIS"));
        assert!(!r.is_stop("Iraqi News"));
        assert!(r.is_skip("Share:"));
        assert!(r.chrome_words.words().iter().any(|w| w == "breadcrumb"));
        assert!(r.is_listing_bar("Latest news with #CJTF-OIR"));
        assert!(r.has_brand_marker_key(&key("Explore what Daily8 AI can do for you:")));
        assert!(r.is_foreign_key(&key("A+ A-")));
        assert!(!r.is_foreign_key(&key("Also in Syria A+ A- ERBIL, Kurdistan Region - text")));
        assert_eq!(r.leads.len(), 1);
        assert_eq!(r.inline.len(), 1);
    }

    #[test]
    fn outlet_labels_map_to_names() {
        let r = &*RULES;
        assert_eq!(r.outlet_name("Rudaw Net"), "Rudaw");
        assert_eq!(r.outlet_name("rudaw  net"), "Rudaw");
        assert_eq!(r.outlet_name("Shafaq News"), "Shafaq News");
        assert_eq!(r.outlet_name("Middle East Eye"), "Middle East Eye");
    }
}
