//! Small text helpers shared by adapters: whitespace as a reader sees it, and datelines.

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Collapses runs of whitespace (including no-break and other Unicode spaces) into one ASCII space
/// and trims. Letters and punctuation are left exactly as captured.
pub fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The place line a story opens with ("ERBIL, Kurdistan Region -"), kept in the body as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as printed, without punctuation: `ERBIL, Kurdistan Region`, `Baghdad`, `Damascus`.
    pub place: String,
    /// The prefix as printed, up to and including its dash: `ERBIL, Kurdistan Region -`.
    pub raw: String,
}

static CAPS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // ERBIL, Kurdistan Region -   |   BAGHDAD -   |   SULAIMANI, Kurdistan Region —
    Regex::new(r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}(?:, [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})?)\s*[-–—]\s")
        .expect("static regex")
});
static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Baghdad (IraqiNews.com) –   |   Baghdad ( –   (link text lost in the copy)
    Regex::new(r"^([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2})\s*\([^)\n]{0,40}?\)?\s*[-–—]\s")
        .expect("static regex")
});
static OUTLET_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Shafaq News - Damascus Syrian forces …   |   Shafaq News/ Baghdad
    Regex::new(r"^([A-Z][\w]+ (?:News|Net|Press|Agency|Media))\s*[-–—/]\s*((?:[Aa]l-)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)[\s,:]")
        .expect("static regex")
});
static TITLE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Jerusalem – Gazans are …
    Regex::new(r"^((?:[Aa]l-)?[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})\s+[–—-]\s")
        .expect("static regex")
});

/// Recognises the dateline forms news sites put at the start of the first paragraph.
pub fn split_dateline(first_paragraph: &str) -> Option<Dateline> {
    let p = first_paragraph;
    if let Some(c) = OUTLET_DATELINE.captures(p) {
        let place = c.get(2)?;
        return Some(Dateline {
            place: place.as_str().to_owned(),
            raw: p[..place.end()].to_owned(),
        });
    }
    for re in [&*CAPS_DATELINE, &*PAREN_DATELINE, &*TITLE_DATELINE] {
        if let Some(c) = re.captures(p) {
            let whole = c.get(0)?;
            let place = c.get(1)?.as_str().trim().to_owned();
            return Some(Dateline {
                place,
                raw: p[..whole.end()].trim_end().to_owned(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<String> {
        split_dateline(s).map(|d| d.place)
    }

    #[test]
    fn dateline_forms() {
        assert_eq!(
            place("ERBIL, Kurdistan Region - Iraqi Prime Minister"),
            Some("ERBIL, Kurdistan Region".into())
        );
        let d = split_dateline("ERBIL, Kurdistan Region - Iraqi Prime Minister").unwrap();
        assert_eq!(d.raw, "ERBIL, Kurdistan Region -");
        assert_eq!(
            place("Baghdad ( – Iraqi Prime Minister"),
            Some("Baghdad".into())
        );
        assert_eq!(
            place("Baghdad (IraqiNews.com) – Estonia's"),
            Some("Baghdad".into())
        );
        assert_eq!(
            place("Shafaq News - Damascus Syrian forces, supported"),
            Some("Damascus".into())
        );
        assert_eq!(
            place("Jerusalem – Gazans are in desperate need"),
            Some("Jerusalem".into())
        );
        assert_eq!(place("The US-led coalition in Syria has launched"), None);
        assert_eq!(place("On Monday, Iraqi Prime Minister"), None);
    }

    #[test]
    fn whitespace() {
        assert_eq!(clean_inline("  a\u{a0} b\t\tc "), "a b c");
    }
}
