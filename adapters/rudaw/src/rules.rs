//! The site knowledge the layout rules use, read from `data/layout.toml`.
//!
//! The file is compiled in, so a broken file is a build-time mistake caught by the test below, not a
//! runtime condition: loading it may panic with a message naming the file.

use dateline_core::HintWords;
use serde::Deserialize;
use std::sync::LazyLock;

/// Rudaw's furniture lines and class words (see `data/layout.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub font_control: String,
    pub buttons: Vec<String>,
    pub also_in: String,
    pub comment_policy: String,
    pub comment_heading: String,
    pub post_comment: String,
    pub tags: String,
    pub latest: String,
    sidebar_end: Vec<String>,
    sidebar_end_prefixes: Vec<String>,
    /// Class and id words of the site's furniture containers in saved HTML.
    pub chrome_words: HintWords,
}

impl Rules {
    fn load() -> Rules {
        toml::from_str(include_str!("../data/layout.toml"))
            .expect("adapters/rudaw/data/layout.toml is valid")
    }

    /// The font control's two buttons, when a page prints each in a block of its own.
    pub fn font_buttons(&self) -> Option<(&str, &str)> {
        self.font_control.split_once(' ')
    }

    /// A button or label line, furniture wherever it stands.
    pub fn is_button(&self, line: &str) -> bool {
        self.buttons.iter().any(|b| b == line)
    }

    /// Footer furniture: the sidebar's teasers have ended.
    pub fn ends_sidebar(&self, line: &str) -> bool {
        self.sidebar_end.iter().any(|l| l == line)
            || self
                .sidebar_end_prefixes
                .iter()
                .any(|p| line.starts_with(p.as_str()))
    }
}

pub static RULES: LazyLock<Rules> = LazyLock::new(Rules::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_loads() {
        let r = &*RULES;
        assert_eq!(r.font_buttons(), Some(("A+", "A-")));
        assert!(r.is_button("Print"));
        assert!(!r.is_button("print"));
        assert!(r.ends_sidebar("Most Read"));
        assert!(r.ends_sidebar("© 2025 Rudaw Media Network"));
        assert!(!r.ends_sidebar("Kirkuk projects halted"));
        assert!(r.chrome_words.words().iter().any(|w| w == "breadcrumb"));
    }
}
