//! Small text helpers shared by adapters: whitespace as a reader sees it, and datelines.

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Collapses runs of whitespace (including no-break and other Unicode spaces) into one ASCII space
/// and trims. Letters and punctuation are left exactly as captured.
pub fn clean_inline(s: &str) -> String {
    // Word by word, and ASCII a byte at a time: every adapter's rules clean each line of a page,
    // so on a copy of hundreds of thousands of lines this loop is a good part of detection.
    let mut out = String::with_capacity(s.len());
    let mut word_start = None;
    let mut at = 0;
    while at < s.len() {
        let (space, width) = inline_space_at(s, at);
        match (space, word_start) {
            (true, Some(start)) => {
                push_word(&mut out, &s[start..at]);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
        at += width;
    }
    if let Some(start) = word_start {
        push_word(&mut out, &s[start..]);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Whether the char at byte `at` of `s` is one [`clean_inline`] collapses (whitespace, and the
/// zero-width space and BOM that pages print between words), and its width in bytes.
fn inline_space_at(s: &str, at: usize) -> (bool, usize) {
    let b = s.as_bytes()[at];
    if b.is_ascii() {
        // `char::is_whitespace` for ASCII: tab to carriage return, and the space.
        return (b == b' ' || (b'\t'..=b'\r').contains(&b), 1);
    }
    s[at..].chars().next().map_or((false, 1), |c| {
        let space = c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
        (space, c.len_utf8())
    })
}

/// The place line a story opens with ("ERBIL, Kurdistan Region -"), kept in the body as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place as printed, without punctuation: `ERBIL, Kurdistan Region`, `Baghdad`, `Damascus`.
    pub place: String,
    /// The prefix as printed, up to and including its dash: `ERBIL, Kurdistan Region -`.
    pub raw: String,
    /// The outlet the prefix names (`Kirkuk (Kurdistan24) –`, `Shafaq News/ Baghdad`), by the name
    /// of `data/outlets.toml`.
    #[serde(default)]
    pub outlet: Option<String>,
}

/// What a story's opening prefix says: where it was filed, who wrote it, and where the furniture
/// printed after it (an update stamp) lies. A prefix may name an outlet and no place
/// (`Shafaq News/ Iraqi officials said…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefix {
    pub place: Option<String>,
    pub outlet: Option<String>,
    /// The prefix as printed: the place or the outlet's separator is its last character.
    pub raw: String,
    /// Byte range, in the paragraph, of a stamp right after the prefix (`(Updated: 4:15 p.m.)`) and
    /// the spaces after it: page furniture, not the story's words.
    pub stamp: Option<std::ops::Range<usize>>,
    /// The day of filing a wire dateline prints (`BAGHDAD, Dec 5 -`): the story's date when the
    /// page prints no other, in the year the capture dates.
    pub filed: Option<String>,
}

const OUTLETS_TOML: &str = include_str!("../../../data/outlets.toml");
const PLACES_TOML: &str = include_str!("../../../data/places.toml");

#[derive(Deserialize)]
struct OutletsFile {
    outlet: Vec<OutletEntry>,
}

#[derive(Deserialize)]
struct OutletEntry {
    name: String,
    #[serde(default)]
    spellings: Vec<String>,
}

/// Letters and digits, lower case: names and headlines compare by their words, not by spacing, case
/// or punctuation ("Kurdistan 24" is "Kurdistan24", `Rudaw.net` is `rudaw.net`).
pub fn letters_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Spelling key → the outlet's name. The file is compiled in: a broken file fails the tests below.
static OUTLETS: LazyLock<std::collections::HashMap<String, String>> = LazyLock::new(|| {
    let file: OutletsFile =
        toml::from_str(OUTLETS_TOML).unwrap_or(OutletsFile { outlet: Vec::new() });
    let mut map = std::collections::HashMap::new();
    for o in file.outlet {
        for s in o.spellings.iter().chain(std::iter::once(&o.name)) {
            map.insert(letters_key(s), o.name.clone());
        }
    }
    map
});

/// Every name and alias the gazetteer (`data/places.toml`) knows, lowercased. Built only when a
/// prefix needs it: most paragraphs never reach the question.
static PLACES: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    let mut set = std::collections::HashSet::new();
    let Ok(doc) = PLACES_TOML.parse::<toml::Table>() else {
        return set;
    };
    let places = doc.get("place").and_then(toml::Value::as_array);
    for place in places.into_iter().flatten() {
        for key in ["name", "admin1"] {
            if let Some(n) = place.get(key).and_then(toml::Value::as_str) {
                set.insert(n.to_lowercase());
            }
        }
        let aliases = place.get("aliases").and_then(toml::Value::as_array);
        for a in aliases
            .into_iter()
            .flatten()
            .filter_map(toml::Value::as_str)
        {
            set.insert(a.to_lowercase());
        }
    }
    set
});

/// The outlet's name when `printed` is a spelling `data/outlets.toml` lists.
pub fn outlet_named(printed: &str) -> Option<String> {
    let key = letters_key(printed);
    (!key.is_empty())
        .then(|| OUTLETS.get(&key).cloned())
        .flatten()
}

/// The outlet a site's own host names ("kurdistan24.net", "english.alarabiya.net", "bbc.co.uk"):
/// the first label of the host, left of its top-level domain, that the outlet table knows as a
/// spelling. A page with no outlet printed or declared is the site's own story; a host the table
/// does not know (an aggregator's) names nobody.
pub fn outlet_of_host(host: &str) -> Option<String> {
    let labels: Vec<&str> = host.split('.').collect();
    let (_, names) = labels.split_last()?;
    names.iter().find_map(|l| outlet_named(l))
}

/// True when the gazetteer knows `name` as a place.
pub fn is_known_place(name: &str) -> bool {
    PLACES.contains(&name.to_lowercase())
}

static CAPS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // ERBIL, Kurdistan Region -   |   BAGHDAD -   |   SULAIMANI, Kurdistan Region —   |   the
    // wire services' KYIV, Ukraine (Reuters) -, with the day of filing (BAGHDAD, Jan 22
    // (Reuters) -, DOHA, 18 September (AP) —) and cities filed from together (DAMASCUS/GENEVA, …)
    Regex::new(concat!(
        r"^([A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+){0,3}(?:, [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})?)",
        r"(?:,? (?P<filed>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?",
        r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?: \d{4})?))?",
        r"\s*(?:\((?P<outlet>[^)\n]{1,40})\)\s*)?[-–—]\s"
    ))
    .expect("static regex")
});
static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Baghdad (IraqiNews.com) –   |   Baghdad ( –   (link text lost in the copy)
    Regex::new(r"^([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,2})\s*\(([^)\n]{0,40}?)\)?\s*[-–—]\s")
        .expect("static regex")
});
/// The wire services' credit with no dash after it: `(CNN) President …`, `Hong Kong (CNN
/// Business) A muddled …`, `BAGHDAD (Reuters) Iraqi police …`. Only an outlet `data/outlets.toml`
/// lists counts: brackets at the start of a story hold other words too.
static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}(?:, [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})?)\s+)?\(([^)\n]{1,40})\)\s+[A-Z"“‘']"#)
        .expect("static regex")
});
/// An outlet's name and its separator opening the story: `Shafaq News/ `, `Shafaq News - `. The
/// name is one `data/outlets.toml` lists, or has the shape of one (`… News`, `… Agency`).
static OUTLET_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][\w.]*(?: [A-Z][\w.]*){0,3})\s*(?:/|\s[-–—])\s*").expect("static regex")
});
static OUTLET_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z]\w+ (?:News|Net|Press|Agency|Media)$").expect("static regex")
});
/// Up to three capitalised words after an outlet prefix, the candidates for a place.
static PLACE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?:[Aa]l-)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?)(?: ([A-Z][\w'’]*))?(?: ([A-Z][\w'’]*))?",
    )
    .expect("static regex")
});
static TITLE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Jerusalem – Gazans are …
    Regex::new(r"^((?:[Aa]l-)?[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})\s+[–—-]\s")
        .expect("static regex")
});
/// `(Updated: 4:15 p.m.)`, `[UPDATED 2 July 2025]`, `(Last update 10:02 GMT)`.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[(\[]\s*(?:last\s+)?(?:updated?|modified)\b[^()\[\]\n]{0,60}[)\]]\s*")
        .expect("static regex")
});

/// `Outlet/ ` or `Outlet - ` and what follows it: a place only when the gazetteer knows the words
/// (so "Shafaq News/ Iraqi officials said" gives no dateline "Iraqi"), the longest match first.
fn outlet_prefix(p: &str) -> Option<(Option<String>, String, usize)> {
    let c = OUTLET_PREFIX.captures(p)?;
    let name = c.get(1)?.as_str();
    let outlet =
        outlet_named(name).or_else(|| OUTLET_SHAPE.is_match(name).then(|| name.to_owned()))?;
    let sep_end = c.get(0)?.end();
    let rest = &p[sep_end..];
    let place = PLACE_WORDS.captures(rest).and_then(|w| {
        let parts: Vec<_> = (1..=3).filter_map(|i| w.get(i)).collect();
        (1..=parts.len()).rev().find_map(|n| {
            let end = parts.get(n - 1)?.end();
            let candidate = &rest[..end];
            // A place is followed by the sentence, a comma or a colon, never by more of a word.
            let next = rest[end..].chars().next();
            let bounded = next.is_none_or(|ch| ch.is_whitespace() || matches!(ch, ',' | ':'));
            (bounded && is_known_place(candidate)).then(|| candidate.to_owned())
        })
    });
    let raw_end = match &place {
        Some(pl) => sep_end + pl.len(),
        None => p[..sep_end].trim_end().len(),
    };
    Some((Some(outlet), place.unwrap_or_default(), raw_end))
}

/// Reads the prefix news sites open a story with: a dateline (`ERBIL, Kurdistan Region -`,
/// `Kirkuk (Kurdistan24) –`, `Jerusalem –`), an outlet's name (`Shafaq News/ `, `Shafaq News - Damascus`),
/// and an update stamp printed right after either.
pub fn read_prefix(first_paragraph: &str) -> Option<Prefix> {
    let p = first_paragraph;
    let mut filed = None;
    let (place, outlet, raw_end) = if let Some((outlet, place, end)) = outlet_prefix(p) {
        ((!place.is_empty()).then_some(place), outlet, end)
    } else if let Some(c) = CAPS_DATELINE.captures(p) {
        let end = p[..c.get(0)?.end()].trim_end().len();
        let outlet = c.name("outlet").and_then(|m| outlet_named(m.as_str()));
        filed = c.name("filed").map(|m| m.as_str().to_owned());
        (Some(c.get(1)?.as_str().trim().to_owned()), outlet, end)
    } else if let Some(c) = PAREN_DATELINE.captures(p) {
        let end = p[..c.get(0)?.end()].trim_end().len();
        let outlet = c.get(2).and_then(|m| outlet_named(m.as_str()));
        (Some(c.get(1)?.as_str().trim().to_owned()), outlet, end)
    } else if let Some((c, outlet)) = WIRE_CREDIT
        .captures(p)
        .and_then(|c| Some((c.get(2).and_then(|m| outlet_named(m.as_str()))?, c)))
        .map(|(o, c)| (c, o))
    {
        // Up to the closing bracket: the sentence starts after it.
        let end = c.get(2)?.end() + 1;
        let place = c.get(1).map(|m| m.as_str().trim().to_owned());
        (place, Some(outlet), end)
    } else {
        let c = TITLE_DATELINE.captures(p)?;
        let end = p[..c.get(0)?.end()].trim_end().len();
        (Some(c.get(1)?.as_str().trim().to_owned()), None, end)
    };
    let stamp = STAMP
        .find(&p[raw_end..])
        .map(|m| raw_end + m.start()..raw_end + m.end());
    Some(Prefix {
        place,
        outlet,
        raw: p[..raw_end].to_owned(),
        stamp,
        filed,
    })
}

/// `Updated at 10:25 pm`, `Last updated: 14:05`: a stamp some sites print before the story's
/// dateline, in the same paragraph once a copy joins the lines.
static LEADING_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:last\s+)?updated?(?:\s+(?:at|on))?\s*:?\s+").expect("static regex")
});

/// The first paragraph without an update stamp printed before its dateline ("Updated at 10:25 pm
/// ERBIL, Kurdistan Region - …"): the stamp is page furniture, and the dateline opens the story.
/// Only where a dateline follows within a few words, so a sentence that starts "Updated figures
/// show …" stays whole.
pub fn without_leading_stamp(first_paragraph: &str) -> Option<&str> {
    const STAMP_WORDS: usize = 6;
    let after = LEADING_STAMP.find(first_paragraph)?.end();
    let rest = &first_paragraph[after..];
    (rest.char_indices())
        .filter(|&(i, c)| c == ' ' && i > 0)
        .take(STAMP_WORDS)
        .map(|(i, _)| rest[i + 1..].trim_start())
        .find(|r| split_dateline(r).is_some())
}

/// A paragraph that is only an update stamp ("Updated at 10:25 pm", "Last updated: 8 December
/// 2024 14:05"), as a page prints it on a line of its own above the story: it gives a time or a
/// day, so a short first line such as "Update: talks resume" stays the story's.
pub fn is_stamp_line(paragraph: &str) -> bool {
    const STAMP_WORDS: usize = 8;
    LEADING_STAMP.is_match(paragraph)
        && paragraph.contains(|c: char| c.is_ascii_digit())
        && paragraph.split_whitespace().count() <= STAMP_WORDS
        && !paragraph.trim_end().ends_with(['.', '!', '?'])
}

/// Whether a paragraph stops inside a sentence: its last character is a letter, a digit or a
/// mark that never ends one (a comma, a dash). A story whose page ends on such a paragraph,
/// where the site always prints furniture after its stories, was cut by whoever saved it.
pub fn ends_mid_sentence(paragraph: &str) -> bool {
    paragraph
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '–' | '—'))
}

/// Recognises the dateline forms news sites put at the start of the first paragraph. An outlet's
/// prefix with no place after it is no dateline (see [`read_prefix`] for its outlet).
pub fn split_dateline(first_paragraph: &str) -> Option<Dateline> {
    let prefix = read_prefix(first_paragraph)?;
    Some(Dateline {
        place: prefix.place?,
        raw: prefix.raw,
        outlet: prefix.outlet,
    })
}

/// The paragraph without the stamp printed after its prefix (`Mosul (AFP) - (Updated: 4:15 p.m.)
/// Iraqi forces…` → `Mosul (AFP) - Iraqi forces…`); `None` when it has none.
pub fn without_stamp(first_paragraph: &str) -> Option<String> {
    let prefix = read_prefix(first_paragraph)?;
    let stamp = prefix.stamp?;
    let rest = first_paragraph.get(stamp.end..)?;
    Some(if rest.is_empty() {
        prefix.raw
    } else {
        format!("{} {rest}", prefix.raw)
    })
}

/// A count printed as a word or in figures ("two", "forty", "1,200"), as news copy writes
/// casualty figures and spans of time.
pub fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let small = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = small.iter().position(|s| *s == w) {
        return u32::try_from(i).ok();
    }
    let tens = [
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("a hundred", 100),
        ("hundred", 100),
    ];
    if let Some((_, n)) = tens.iter().find(|(s, _)| *s == w) {
        return Some(*n);
    }
    w.replace(',', "").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<String> {
        split_dateline(s).map(|d| d.place)
    }

    #[test]
    fn update_stamps_above_the_dateline_are_furniture() {
        assert!(is_stamp_line("Updated at 9:40 am"));
        assert!(is_stamp_line("Last updated: 3 March 2024 18:20"));
        assert!(!is_stamp_line("Updated figures show the toll rose to 40."));
        assert!(!is_stamp_line("Update: talks resume in Erbil"));
        assert_eq!(
            without_leading_stamp("Updated at 9:40 am MOSUL, Iraq - Police closed the bridge."),
            Some("MOSUL, Iraq - Police closed the bridge.")
        );
        // No dateline after it: the words are the story's.
        assert_eq!(
            without_leading_stamp("Updated guidance was issued to schools on Sunday."),
            None
        );
    }

    #[test]
    fn a_paragraph_cut_inside_a_sentence() {
        assert!(ends_mid_sentence(
            "Officials said the convoy had reached the"
        ));
        assert!(ends_mid_sentence("the talks resumed, and"));
        assert!(!ends_mid_sentence("The talks resumed on Monday."));
        assert!(!ends_mid_sentence(
            "\"We will not leave,\" he said.\u{201d}"
        ));
        assert!(!ends_mid_sentence("Reporting by Ali Hassan (Reuters)"));
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

    fn prefix(s: &str) -> (Option<String>, Option<String>) {
        read_prefix(s).map_or((None, None), |p| (p.place, p.outlet))
    }

    #[test]
    fn outlet_table_and_gazetteer_load() {
        assert!(OUTLETS.len() > 20, "data/outlets.toml parses");
        assert!(PLACES.len() > 1000, "data/places.toml parses");
        assert_eq!(outlet_named("Kurdistan 24").as_deref(), Some("Kurdistan24"));
        assert_eq!(outlet_named("afp").as_deref(), Some("Agence France-Presse"));
        assert_eq!(outlet_named("the photographer"), None);
    }

    #[test]
    fn a_site_host_names_its_outlet_when_the_table_knows_it() {
        let of = |h| outlet_of_host(h);
        assert_eq!(of("kurdistan24.net").as_deref(), Some("Kurdistan24"));
        assert_eq!(of("english.alarabiya.net").as_deref(), Some("Al Arabiya"));
        assert_eq!(of("aljazeera.com").as_deref(), Some("Al Jazeera"));
        assert_eq!(of("bbc.co.uk").as_deref(), Some("BBC"));
        // An aggregator's host, and a top-level domain alone, name nobody.
        assert_eq!(of("newsfeedhub.com"), None);
        assert_eq!(of("cnn"), None);
    }

    /// The wire services' form, a capitalised city, its country, the agency in brackets:
    /// place and outlet, and the prefix ends after the dash.
    #[test]
    fn caps_place_with_country_then_agency_sets_both() {
        assert_eq!(
            prefix("KYIV, Ukraine (Reuters) - Russian drones struck the city overnight"),
            (Some("KYIV, Ukraine".into()), Some("Reuters".into()))
        );
        let p = read_prefix("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper").unwrap();
        assert_eq!(p.place.as_deref(), Some("HANOI, Vietnam"));
        assert_eq!(p.raw, "HANOI, Vietnam (AP) —");
        // An agency the outlet table does not list still closes the dateline.
        assert_eq!(
            prefix("TRIPOLI, Libya (Libya Observer) – Clashes resumed"),
            (Some("TRIPOLI, Libya".into()), None)
        );
    }

    /// The wire services print the day of filing after the place, and cities filed from
    /// together with a slash: neither is body, and the agency is still the outlet.
    #[test]
    fn a_dated_wire_dateline_is_a_prefix() {
        let p = read_prefix("BAGHDAD, Jan 22 (Reuters) - Two suicide bombers blew").unwrap();
        assert_eq!(
            (p.place.as_deref(), p.outlet.as_deref(), p.raw.as_str()),
            (
                Some("BAGHDAD"),
                Some("Reuters"),
                "BAGHDAD, Jan 22 (Reuters) -"
            )
        );
        assert_eq!(
            prefix("MOSUL, Iraq, Sept. 3, 2019 (AP) — Iraqi forces"),
            (Some("MOSUL, Iraq".into()), Some("Associated Press".into()))
        );
        assert_eq!(
            prefix("AMMAN, 18 March 2023 — Jordan said"),
            (Some("AMMAN".into()), None)
        );
        let p = read_prefix("DAMASCUS/GENEVA, Feb 13 — Syrian President Bashar").unwrap();
        assert_eq!(p.place.as_deref(), Some("DAMASCUS/GENEVA"));
        assert_eq!(p.raw, "DAMASCUS/GENEVA, Feb 13 —");
        // A capitalised word and a number that are no month stay body.
        assert_eq!(place("UN, Resolution 2254 - the council"), None);
    }

    #[test]
    fn a_wire_credit_without_a_dash_is_a_prefix() {
        let p = read_prefix("(Reuters) Iraqi police arrested five men on Monday.").unwrap();
        assert_eq!((p.place, p.outlet), (None, Some("Reuters".to_owned())));
        assert_eq!(p.raw, "(Reuters)");
        let p = read_prefix("MOSUL (AFP) Iraqi police arrested five men on Monday.").unwrap();
        assert_eq!(p.place.as_deref(), Some("MOSUL"));
        assert_eq!(p.outlet.as_deref(), Some("Agence France-Presse"));
        assert_eq!(p.raw, "MOSUL (AFP)");
        // Brackets that name no outlet are the sentence's own words.
        assert!(read_prefix("(Updated) Iraqi police arrested five men.").is_none());
        assert!(read_prefix("Hamas (the Islamist movement) said on Monday.").is_none());
    }

    #[test]
    fn place_then_outlet_in_brackets_sets_both() {
        assert_eq!(
            prefix("Kirkuk (Kurdistan24) – Gunmen attacked a checkpoint"),
            (Some("Kirkuk".into()), Some("Kurdistan24".into()))
        );
        assert_eq!(
            prefix("Duhok (Anadolu) - Turkish drones struck a village"),
            (Some("Duhok".into()), Some("Anadolu Agency".into()))
        );
        let d = split_dateline("Halabja (Kurdistan 24) — Farmers protested").unwrap();
        assert_eq!(d.place, "Halabja");
        assert_eq!(d.outlet.as_deref(), Some("Kurdistan24"));
        assert_eq!(d.raw, "Halabja (Kurdistan 24) —");
        // Words in brackets that no outlet goes by set no outlet; the place still holds.
        assert_eq!(
            prefix("Basra (photos) – Dockers went on strike"),
            (Some("Basra".into()), None)
        );
    }

    #[test]
    fn outlet_slash_before_the_sentence_gives_no_dateline() {
        let p = read_prefix("Shafaq News/ Iraqi officials said on Tuesday").unwrap();
        assert_eq!(p.outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(p.place, None);
        assert_eq!(p.raw, "Shafaq News/");
        assert_eq!(
            split_dateline("Shafaq News/ Iraqi officials said on Tuesday"),
            None
        );
        assert_eq!(
            prefix("Shafaq News - Security forces arrested two men"),
            (None, Some("Shafaq News".into()))
        );
        // An outlet of the right shape that the table lacks is kept as printed.
        assert_eq!(
            prefix("Zagros News/ Protesters gathered"),
            (None, Some("Zagros News".into()))
        );
    }

    #[test]
    fn outlet_slash_then_a_known_place_is_a_dateline() {
        let d = split_dateline("Shafaq News/ Samarra Security forces arrested").unwrap();
        assert_eq!(d.place, "Samarra");
        assert_eq!(d.raw, "Shafaq News/ Samarra");
        assert_eq!(d.outlet.as_deref(), Some("Shafaq News"));
        assert_eq!(
            prefix("Shafaq News/ Sulaymaniyah, officials said"),
            (Some("Sulaymaniyah".into()), Some("Shafaq News".into()))
        );
    }

    #[test]
    fn update_stamp_after_the_prefix_is_not_body() {
        let p = "Mosul (AFP) - (Updated: 4:15 p.m.) Iraqi forces cleared a village.";
        assert_eq!(
            prefix(p),
            (Some("Mosul".into()), Some("Agence France-Presse".into()))
        );
        assert_eq!(
            without_stamp(p).as_deref(),
            Some("Mosul (AFP) - Iraqi forces cleared a village.")
        );
        assert_eq!(
            without_stamp("Shafaq News/ [UPDATED 2 July 2025] Iraqi officials said").as_deref(),
            Some("Shafaq News/ Iraqi officials said")
        );
        assert_eq!(
            without_stamp("NINEVEH - (Last update 10:02 GMT) Rain fell.").as_deref(),
            Some("NINEVEH - Rain fell.")
        );
        // Brackets that are not a stamp stay: they are the story's words.
        assert_eq!(
            without_stamp("Mosul (AFP) - (Reuters reported) Rain fell."),
            None
        );
        assert_eq!(without_stamp("Rain fell (updated figures follow)."), None);
    }

    #[test]
    fn whitespace() {
        assert_eq!(clean_inline("  a\u{a0} b\t\tc "), "a b c");
    }

    #[test]
    fn cleaning_reads_every_space_as_the_char_definition_does() {
        // The definition, a char at a time.
        let by_char = |s: &str| {
            let words = s.split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}');
            words
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for s in [
            "",
            " \t\n\x0b\x0c\r ",
            "Chargé\u{2009}d’Affaires\u{200b}x\u{feff}y\u{85}z\u{3000}w",
            "\u{a0}naïve  café\u{2028}",
            "a\u{1c}b\u{1f}c",
        ] {
            assert_eq!(clean_inline(s), by_char(s), "{s:?}");
        }
    }
}
