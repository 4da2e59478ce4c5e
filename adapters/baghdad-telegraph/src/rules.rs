//! The site knowledge the layout rules use, read from `data/site.toml` (what tells this site from
//! the others of its theme) and `data/layout.toml` (the theme's furniture).
//!
//! The files are compiled in, so a broken file is a build-time mistake caught by the tests below, not
//! a runtime condition: loading them may panic with a message naming the file.

use dateline_core::HintWords;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    weather_cities: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    widgets: Vec<String>,
    widget_prefixes: Vec<String>,
    ad_labels: Vec<String>,
    share_buttons: Vec<String>,
    chrome_words: HintWords,
    detect: Detect,
}

/// Widget headings that are evidence of the theme (see `data/layout.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detect {
    pub hot_widget: String,
    pub topics_widget: String,
}

/// Everything the adapter knows about Baghdad Telegraph pages besides its code.
#[derive(Debug)]
pub struct Rules {
    weather_cities: Vec<String>,
    widgets: Vec<String>,
    widget_prefixes: Vec<String>,
    /// Ad labels and share buttons, lower case.
    skip_lines: Vec<String>,
    /// Class and id words of the theme's furniture containers in saved HTML.
    pub chrome_words: HintWords,
    pub detect: Detect,
}

fn lower(list: Vec<String>) -> Vec<String> {
    list.iter().map(|s| s.to_lowercase()).collect()
}

impl Rules {
    fn load() -> Rules {
        let site: SiteFile = toml::from_str(include_str!("../data/site.toml"))
            .expect("adapters/baghdad-telegraph/data/site.toml is valid");
        let layout: LayoutFile = toml::from_str(include_str!("../data/layout.toml"))
            .expect("adapters/baghdad-telegraph/data/layout.toml is valid");
        let mut skip_lines = lower(layout.ad_labels);
        skip_lines.extend(lower(layout.share_buttons));
        Rules {
            weather_cities: site.weather_cities,
            widgets: lower(layout.widgets),
            widget_prefixes: lower(layout.widget_prefixes),
            skip_lines,
            chrome_words: layout.chrome_words,
            detect: layout.detect,
        }
    }

    /// A city the site's weather widget shows.
    pub fn is_weather_city(&self, line: &str) -> bool {
        self.weather_cities.iter().any(|c| c == line)
    }

    /// A widget heading, a tag list or the copyright line: the story has ended.
    pub fn is_widget(&self, line: &str) -> bool {
        let key = line.trim_end_matches(':').trim().to_lowercase();
        self.widgets.contains(&key) || self.widget_prefixes.iter().any(|p| key.starts_with(p))
    }

    /// A share button or an ad label: furniture wherever it stands.
    pub fn is_skip(&self, line: &str) -> bool {
        self.skip_lines.contains(&line.to_lowercase())
    }
}

pub static RULES: LazyLock<Rules> = LazyLock::new(Rules::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let r = &*RULES;
        assert!(r.is_weather_city("Baghdad"));
        assert!(r.is_widget("Hot this week"));
        assert!(r.is_widget("Tags:"));
        assert!(r.is_widget("© Copyright 2025"));
        assert!(!r.is_widget("Troops Leave Base"));
        assert!(r.is_skip("- Advertisement -"));
        assert!(r.is_skip("Facebook"));
        assert!(!r.is_skip("Baghdad"));
        assert!(r.chrome_words.words().iter().any(|w| w == "td-footer"));
        assert_eq!(r.detect.hot_widget, "Hot this week");
    }
}
