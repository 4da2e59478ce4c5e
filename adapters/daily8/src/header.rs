//! The story header Daily8 prints above every aggregated story:
//!
//! ```text
//! Iraqi News          <- outlet label
//! 12 hours ago        <- relative time, "yesterday", or DD-MM-YYYY
//! - Politics          <- section (optional)
//! - Iraqi News        <- the outlet label again
//! Basra port reopens after week-long strike               <- title
//! ```
//!
//! The repeated outlet is what makes the header unmistakable; a header whose dash lines do not repeat
//! the outlet is still read (the site may drop one), but counts for less when detecting the layout.

use crate::rules::{RULES, key};
use dateline_core::time::MONTH_RE;
use regex::Regex;
use std::sync::LazyLock;

/// A story header found at some line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The outlet label as printed ("Rudaw Net").
    pub outlet: String,
    /// The time line as printed.
    pub published: String,
    pub section: Option<String>,
    /// True when a dash line repeats the outlet label.
    pub echoed: bool,
    /// Number of lines the header takes (outlet, time, dash lines); the title follows.
    pub lines: usize,
}

static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTH_RE;
    Regex::new(&format!(
        r"(?ix)^(?:
            (?:(?:about|over|around)\s+)?(?:an?|one|\d{{1,3}})\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago
          | just\ now | now | today | yesterday
          | \d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}(?:\s*,?\s*\d{{1,2}}:\d{{2}}(?:\s*[ap]m)?)?
          | \d{{4}}-\d{{2}}-\d{{2}}
          | {month}\s+\d{{1,2}},?\s+\d{{4}}
          | \d{{1,2}}\s+{month},?\s+\d{{4}}
        )$"
    ))
    .expect("static regex")
});

/// The time line of a header: how Daily8 prints when a story was published.
pub fn is_time_line(line: &str) -> bool {
    TIME_LINE.is_match(line.trim())
}

/// The text of a "- Section" / "- Outlet" line.
pub fn dash_text(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix(['-', '–', '—'])?;
    // A bare dash, or a dash run into a word ("-based"), is not a header line.
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    (!rest.is_empty() && rest.chars().count() <= 60).then_some(rest)
}

/// An outlet label: a short name on its own line, not a sentence, not furniture.
fn is_label(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && line.chars().count() <= 60
        && dash_text(line).is_none()
        && !line.starts_with(['-', '–', '—', '#'])
        && !line.ends_with(['.', ',', ';', ':', '?', '!'])
        && !is_time_line(line)
        && !RULES.is_stop(line)
}

/// Reads a header starting at `lines[i]`, if there is one.
pub fn header_at(lines: &[&str], i: usize) -> Option<Header> {
    let (outlet, time) = label_and_time(lines, i)?;
    let dashes: Vec<&str> = lines
        .get(i + 2..)
        .unwrap_or_default()
        .iter()
        .take(3)
        .map_while(|l| dash_text(l))
        .collect();
    if dashes.is_empty() {
        return None;
    }
    let outlet_key = key(outlet);
    let outlet_name = key(&RULES.outlet_name(outlet));
    let is_outlet = |d: &str| {
        let k = key(d);
        k == outlet_key || key(&RULES.outlet_name(d)) == outlet_name
    };
    let echoed = dashes.iter().any(|d| is_outlet(d));
    let section = dashes
        .iter()
        .find(|d| !is_outlet(d))
        .map(|d| (*d).to_owned());
    Some(Header {
        outlet: outlet.trim().to_owned(),
        published: time.trim().to_owned(),
        section,
        echoed,
        lines: 2 + dashes.len(),
    })
}

fn label_and_time<'a>(lines: &[&'a str], i: usize) -> Option<(&'a str, &'a str)> {
    let outlet = *lines.get(i)?;
    let time = *lines.get(i + 1)?;
    (is_label(outlet) && is_time_line(time)).then_some((outlet, time))
}

/// A header whose dash lines the copy lost: outlet and time only. Two short lines are weak evidence,
/// so it is accepted only where Daily8 separates stories by blank lines (`blank_before[i] > 0`) with
/// the time right under the outlet, and a title after them; never for detecting the layout.
pub fn bare_header_at(lines: &[&str], blank_before: &[u32], i: usize) -> Option<Header> {
    let (outlet, time) = label_and_time(lines, i)?;
    let separated = blank_before.get(i).is_some_and(|b| *b > 0)
        && blank_before.get(i + 1) == Some(&0)
        && blank_before.get(i + 2) == Some(&0);
    (separated && lines.get(i + 2).is_some_and(|t| !RULES.is_stop(t))).then(|| Header {
        outlet: outlet.trim().to_owned(),
        published: time.trim().to_owned(),
        section: None,
        echoed: false,
        lines: 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_lines() {
        for t in [
            "12 hours ago",
            "a day ago",
            "an hour ago",
            "3 days ago",
            "yesterday",
            "Yesterday",
            "06-06-2025",
            "26-01-2025",
            "5 mins ago",
            "July 26, 2025",
        ] {
            assert!(is_time_line(t), "{t}");
        }
        for t in [
            "Iraqi News",
            "12 hours ago the raid began",
            "2025",
            "Hours ago, forces said",
        ] {
            assert!(!is_time_line(t), "{t}");
        }
    }

    #[test]
    fn dash_lines() {
        assert_eq!(dash_text("- Politics"), Some("Politics"));
        assert_eq!(dash_text("– Rudaw Net"), Some("Rudaw Net"));
        assert_eq!(dash_text("-"), None);
        assert_eq!(dash_text("-based forces"), None);
        assert_eq!(dash_text("Politics"), None);
    }

    #[test]
    fn header_with_section_and_echo() {
        let lines = [
            "Iraqi News",
            "12 hours ago",
            "- Politics",
            "- Iraqi News",
            "Title",
        ];
        let h = header_at(&lines, 0).expect("a header");
        assert_eq!(h.outlet, "Iraqi News");
        assert_eq!(h.published, "12 hours ago");
        assert_eq!(h.section.as_deref(), Some("Politics"));
        assert!(h.echoed);
        assert_eq!(h.lines, 4);
        assert_eq!(header_at(&lines, 1), None);
    }

    #[test]
    fn header_without_section() {
        let lines = ["Rudaw Net", "an hour ago", "- Rudaw Net", "Title"];
        let h = header_at(&lines, 0).expect("a header");
        assert_eq!(h.section, None);
        assert!(h.echoed);
        assert_eq!(h.lines, 3);
    }

    #[test]
    fn echo_may_use_the_outlet_name() {
        let lines = [
            "Rudaw Net",
            "2 hours ago",
            "- Kurdistan",
            "- Rudaw",
            "Title",
        ];
        let h = header_at(&lines, 0).expect("a header");
        assert!(h.echoed);
        assert_eq!(h.section.as_deref(), Some("Kurdistan"));
    }

    #[test]
    fn bare_header_needs_a_blank_line_before() {
        let lines = [
            "Text of the story before.",
            "Iraqi News",
            "yesterday",
            "Title",
            "Text.",
        ];
        let h = bare_header_at(&lines, &[0, 2, 0, 0, 0], 1).expect("a bare header");
        assert_eq!(h.outlet, "Iraqi News");
        assert_eq!(h.published, "yesterday");
        assert_eq!(h.lines, 2);
        assert_eq!(bare_header_at(&lines, &[0, 0, 0, 0, 0], 1), None);
        assert_eq!(bare_header_at(&lines, &[0, 2, 1, 0, 0], 1), None);
    }

    #[test]
    fn not_headers() {
        // A headline over a date line and a byline (Rudaw's own article layout): no dash lines.
        let rudaw = ["ISIS no longer a threat", "01-09-2024", "Rudaw", "A+ A-"];
        assert_eq!(header_at(&rudaw, 0), None);
        // A sentence is not an outlet label.
        let prose = ["The raid ended.", "yesterday", "- Politics"];
        assert_eq!(header_at(&prose, 0), None);
        // Furniture is not an outlet label.
        let furniture = ["Related Articles", "an hour ago", "- Rudaw Net"];
        assert_eq!(header_at(&furniture, 0), None);
        assert_eq!(header_at(&["Iraqi News"], 0), None);
    }
}
