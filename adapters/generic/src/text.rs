//! Text copies: no markup, only line shape. The story is the run of prose lines; its title is the
//! short line just before the first of them, or a long first line with no sentence end. The short
//! lines between headline and story say where the story was filed, when and by whom ("Baghdad –
//! 24/08/2020", "By Staff Writer | 2 hours ago"): they give the dateline place, the publication
//! date and the byline, as a site adapter reads its own header.

use dateline_core::text::{Dateline, is_known_place, outlet_named, read_prefix, split_dateline};
use dateline_core::time::{DateOrder, resolve_published};
use dateline_core::{ArticleDraft, Page};

/// A line with this many words or more reads as prose.
const PROSE_WORDS: usize = 8;

fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= PROSE_WORDS || (words >= 4 && line.ends_with(['.', '!', '?', '"', '”', '»']))
}

/// Prose that opens the story: not a long date or byline line above it. Only the lines up to
/// the story's first are judged so: reading dates in every line of a long copy is wasted work.
fn opens_story(line: &str) -> bool {
    is_prose(line)
        && (line.split_whitespace().count() > META_WORDS || ends_sentence(line) || !is_meta(line))
}

/// Whether a line ends a sentence: a full stop, question or exclamation mark, maybe inside
/// closing quotes. A headline may end with a quoted phrase ('KRG condemns "violation of
/// sovereignty"'); a quoted sentence ends with its stop inside the quotes.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', '»', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// How many lines from the top of a copy may be date or byline lines.
const META_REACH: usize = 100;

/// A line of this many words or fewer, with no sentence end, may be a date or byline line.
const META_WORDS: usize = 16;

/// A line that says when or by whom ("By Staff Writer, Dubai | Sunday, June 16, 2019",
/// "Published: Thursday, 16 May 2024 - 11:05 am"), however many words it takes.
fn is_meta(line: &str) -> bool {
    byline(line).is_some() || header_date(line).is_some()
}

/// A headline: a few words, no sentence end.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=25).contains(&words) && !line.ends_with(['.', ':', ','])
}

/// How many short lines may stand between a headline and the story's first paragraph: the
/// date, byline and place lines copies print under the headline.
const HEADER_LINES: usize = 3;

pub fn draft(page: &Page) -> ArticleDraft {
    let lines: Vec<&str> = page.texts().collect();
    // Date and byline lines stand near the top: past the first lines, prose is prose.
    let mut first = (lines.iter().enumerate()).position(|(i, l)| {
        if i < META_REACH {
            opens_story(l)
        } else {
            is_prose(l)
        }
    });
    // The title's line.
    let mut title = first.and_then(|f| (0..f).rev().find(|&i| reads_as_headline(lines[i])));
    // A long headline counts its words as prose does; it is the story's first line, with no
    // sentence end, and prose follows it, maybe after its date and byline lines.
    if let Some(f) = first
        && title.is_none()
        && reads_as_headline(lines[f])
        && !ends_sentence(lines[f])
        && let Some(next) = (lines.iter().enumerate().skip(f + 1))
            .take(HEADER_LINES + 1)
            .find(|(_, l)| opens_story(l))
            .map(|(i, _)| i)
    {
        title = Some(f);
        first = Some(next);
    }
    // The short lines between the headline and the story: where it was filed, when and by whom.
    let header: &[&str] = match (title, first) {
        (Some(t), Some(f)) if t < f => &lines[t + 1..f],
        _ => &[],
    };
    let title = lines
        .get(title.unwrap_or(0))
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
    let dateline = (body.first().and_then(|p| split_dateline(p)))
        .or_else(|| header.iter().find_map(|l| header_place(l)));
    ArticleDraft {
        title,
        dateline,
        published: header
            .iter()
            .find_map(|l| header_date(l))
            .map(str::to_owned),
        author: header.iter().find_map(|l| byline(l)),
        // An outlet the story's opening prefix names wins, as on a page (see `extract`).
        outlet: header.iter().find_map(|l| header_outlet(l)).filter(|_| {
            body.first()
                .and_then(|p| read_prefix(p))
                .is_none_or(|p| p.outlet.is_none())
        }),
        body,
        ..Default::default()
    }
}

/// The parts of a header line, split where copies part place, date and byline ("Baghdad –
/// 24/08/2020", "Erbil | 3 May 2022 | By staff writer", "World · 12 hours ago").
fn parts(line: &str) -> impl Iterator<Item = &str> {
    line.split(['|', '–', '—', '•', '·'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The date a header line prints, as the resolver reads it: the whole line ("Published:
/// Saturday, 21 August 2021"), else the part that holds it ("18/05/2021 - 15:42 | Erbil"), or a
/// time only the capture resolves ("2 hours ago").
fn header_date(line: &str) -> Option<&str> {
    let reads = |s: &str| {
        resolve_published(s, None, DateOrder::default())
            .value
            .is_some()
    };
    if reads(line) {
        return Some(line);
    }
    parts(line).find(|p| reads(p) || ago(p))
}

/// "2 hours ago", "3 days ago": a date only the capture time resolves.
fn ago(line: &str) -> bool {
    let words: Vec<String> = (line.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.windows(2).any(|w| {
        w[1] == "ago"
            && ["minute", "hour", "day", "week"].iter().any(|u| {
                w[0].strip_prefix(u)
                    .is_some_and(|s| s.is_empty() || s == "s")
            })
    })
}

/// The place a header line prints as one of its parts, when the gazetteer knows it
/// ("Baghdad – 24/08/2020", "ERBIL, Kurdistan Region —", "DAILY SABAH | ISTANBUL | …").
fn header_place(line: &str) -> Option<Dateline> {
    parts(line).find_map(|part| {
        let place = part.split(',').next()?.trim();
        is_known_place(place).then(|| Dateline {
            place: part.to_owned(),
            raw: line.to_owned(),
            outlet: None,
        })
    })
}

/// The outlet a header line names as one of its parts, alone or after a "Source:" label
/// ("Shafaq News - Baghdad", "AFP · 2 days ago", "Source: Reuters"), when the outlet table knows
/// it: a part of a header line is also a section's or a desk's name.
fn header_outlet(line: &str) -> Option<String> {
    parts(line).find_map(|p| {
        let name = p
            .strip_prefix("Source:")
            .or_else(|| p.strip_prefix("source:"))
            .unwrap_or(p);
        outlet_named(name.trim())
    })
}

/// The name after "By" in a header line ("By Staff Writer | 2 hours ago" → "Staff Writer"),
/// without the place the byline adds after a comma ("By Staff Writer, Dubai").
fn byline(line: &str) -> Option<String> {
    parts(line).find_map(|p| {
        let name = p
            .strip_prefix("By ")
            .or_else(|| p.strip_prefix("by "))?
            .trim();
        let name = match name.rsplit_once(',') {
            Some((who, place)) if is_known_place(place.trim()) => who.trim(),
            _ => name,
        };
        (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_owned())
    })
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

    #[test]
    fn header_lines_under_the_headline_give_date_byline_and_place() {
        let page = Page::from_text(
            "Militia leaders meet in Kirkuk as budget talks stall in parliament\n\n\
             Basra | 04/03/2022 - 10:15 | By Staff Writer, Erbil\n\n\
             Leaders of three armed factions met in Kirkuk on Thursday to discuss the budget.\n",
        );
        let d = draft(&page);
        assert_eq!(
            d.title,
            "Militia leaders meet in Kirkuk as budget talks stall in parliament"
        );
        assert_eq!(d.published.as_deref(), Some("04/03/2022"));
        assert_eq!(d.author.as_deref(), Some("Staff Writer"));
        assert_eq!(d.dateline.map(|d| d.place).as_deref(), Some("Basra"));
        assert_eq!(d.body.len(), 1);
        assert_eq!(d.outlet, None, "no part names an outlet");
    }

    #[test]
    fn header_parts_parted_by_dots_and_an_outlet_they_name() {
        let page = Page::from_text(
            "Iraqi forces take over a desert air base as coalition troops leave

             World | Middle East · 12 hours ago · Source: Reuters

             Iraqi forces took full control of the air base on Monday, officials said.
",
        );
        let d = draft(&page);
        assert_eq!(d.published.as_deref(), Some("12 hours ago"));
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        let page = Page::from_text(
            "Cleric orders followers out of the Green Zone

             Shafaq News - Najaf

             The cleric ordered his supporters to withdraw within an hour, his office said.
",
        );
        let d = draft(&page);
        assert_eq!(d.outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(d.dateline.map(|d| d.place).as_deref(), Some("Najaf"));
        // The opening prefix's outlet wins: the copy's source line names the publisher.
        let page = Page::from_text(
            "Cleric orders followers out of the Green Zone

             Source: Reuters

             NAJAF (AFP) - The cleric ordered his supporters to withdraw, his office said.
",
        );
        assert_eq!(draft(&page).outlet, None);
    }

    #[test]
    fn a_long_date_line_is_no_paragraph_and_a_quoted_headline_no_sentence() {
        let page = Page::from_text(
            "Governor rejects \"unlawful\" dismissal by the provincial council\n\n\
             Published: Wednesday, 9 November 2022 - 11:05 am | The Tigris Courier\n\n\
             The governor of Najaf rejected the council's vote on Tuesday, his office said.\n",
        );
        let d = draft(&page);
        assert_eq!(
            d.title,
            "Governor rejects \"unlawful\" dismissal by the provincial council"
        );
        assert!(d.published.is_some_and(|p| p.contains("9 November 2022")));
        assert_eq!(d.body.len(), 1, "{:?}", d.body);
    }
}
