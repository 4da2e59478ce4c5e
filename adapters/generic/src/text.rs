//! Text copies: no markup, only line shape. The story is the run of prose lines; its title is the
//! short line just before the first of them.

use dateline_core::text::split_dateline;
use dateline_core::{ArticleDraft, Page};

/// A line with this many words or more reads as prose.
const PROSE_WORDS: usize = 8;

fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= PROSE_WORDS || (words >= 4 && line.ends_with(['.', '!', '?', '"', '”', '»']))
}

/// A headline: a few words, no sentence end.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=25).contains(&words) && !line.ends_with(['.', ':', ','])
}

pub fn draft(page: &Page) -> ArticleDraft {
    let lines: Vec<&str> = page.texts().collect();
    let mut first = lines.iter().position(|l| is_prose(l));
    let mut title = first.and_then(|f| lines[..f].iter().rev().find(|l| reads_as_headline(l)));
    // A long headline counts its words as prose does; it is the story's first line, with no
    // sentence end, and prose follows it.
    if let Some(f) = first
        && title.is_none()
        && reads_as_headline(lines[f])
        && !lines[f].ends_with(['.', '!', '?', '"', '”', '»'])
        && lines.get(f + 1).is_some_and(|l| is_prose(l))
    {
        title = Some(&lines[f]);
        first = Some(f + 1);
    }
    let title = title
        .or_else(|| lines.first())
        .map(|s| (*s).to_owned())
        .unwrap_or_default();
    let body: Vec<String> = match first {
        Some(f) => lines[f..]
            .iter()
            .filter(|l| is_prose(l))
            .map(|s| (*s).to_owned())
            .collect(),
        None => Vec::new(),
    };
    let dateline = body.first().and_then(|p| split_dateline(p));
    ArticleDraft {
        title,
        dateline,
        body,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_headline_before_the_prose() {
        let page = Page::from_text(
            "Home | World | Sport\n\nCoalition hands over base to Iraqi forces\n\n\
             BAGHDAD - The US-led coalition handed over the base on Sunday, officials said.\n\
             Share\n\
             The handover ends a presence of more than ten years at the site, they added.\n",
        );
        let d = draft(&page);
        assert_eq!(d.title, "Coalition hands over base to Iraqi forces");
        assert_eq!(d.body.len(), 2);
        assert_eq!(d.dateline.map(|d| d.place).as_deref(), Some("BAGHDAD"));
    }

    #[test]
    fn a_long_headline_opening_the_copy_is_the_title() {
        let page = Page::from_text(
            "Turkish drones strike positions near the border town of Zakho overnight

             DUHOK - Turkish drones struck positions near Zakho overnight, local officials said.
             No casualties were reported, according to the district's mayor.
",
        );
        let d = draft(&page);
        assert_eq!(
            d.title,
            "Turkish drones strike positions near the border town of Zakho overnight"
        );
        assert_eq!(d.body.len(), 2);
        assert_eq!(d.dateline.map(|d| d.place).as_deref(), Some("DUHOK"));
        // A first paragraph that ends its sentence stays body.
        let page = Page::from_text(
            "Turkish drones struck positions near Zakho overnight, local officials said.
             No casualties were reported, according to the district's mayor.
",
        );
        assert_eq!(draft(&page).body.len(), 2);
    }
}
