//! How many: killed, injured and arrested figures with their qualifier ("at least 15",
//! "some 800", "four suspects", "nearly 2,600"), in words or digits.

use dateline_core::event::Counts;
use regex::Regex;
use std::sync::LazyLock;

const QUALIFIER: &str = r"at least|some|nearly|about|around|more than|over|up to|approximately|almost|roughly|an estimated|as many as|fewer than|less than|dozens of";
const NUMBER: &str = r"\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundred";
/// Nouns a figure measures with, not people: "ten days of clashes", "50 kilometres north".
const UNITS: [&str; 22] = [
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "mile",
    "miles",
];
const KILLED: &str = r"killed|dead|died|slain|shot dead|executed|beheaded";
const INJURED: &str = r"injured|wounded|hurt";
const ARRESTED: &str = r"arrested|detained|captured|apprehended|taken into custody";

// The patterns use ASCII word boundaries (`(?-u:\b)`): a Unicode `\b` makes the regex engine
// give up its DFA on any non-ASCII byte and fall back to a backtracker. Figures and verbs are
// ASCII words.

/// The group a counted noun belongs to: "three members | of the Kurdistan Workers' Party (PKK) |
/// were killed", "two members | of the security forces | were wounded".
const OF_GROUP: &str = r"(?:\s+of(?:\s+[\w'’-]+){1,5}?(?:\s+\([\w'’ -]{1,24}\))?)?";

/// "12 suspected smugglers were killed", "two gunmen were killed", "seven US troops injured",
/// "two SDF fighters and two soldiers were killed" (4), "at least 14 people, including six
/// policemen, were injured" (14: what stands between commas, up to a dozen words, is part of the
/// group: "four civilians, among them a businessman and his infant daughter, were killed").
static NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:({QUALIFIER})\s+)?({NUMBER})(?-u:\b)((?:\s+[\w'’-]+){{0,4}}?{OF_GROUP})(?:\s+and\s+({NUMBER})(?-u:\b)(?:\s+[\w'’-]+){{0,3}}?)?(?:,(?:\s+[\w'’-]+){{1,12}},)?\s+(?:(?:were|was|have been|had been|are|being|been|people|others)\s+)?(?:({KILLED})|({INJURED})|({ARRESTED}))(?-u:\b)"
    ))
    .expect("static regex")
});

/// "a senior commander was killed", "an Iraqi soldier was wounded", "X, a candidate in the
/// province of Diyala, was shot dead": one person, in the passive (in the active "a car bomb
/// killed …" the article names the weapon, not a victim).
static ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:a|an)((?:\s+[\w'’-]+){{1,4}}?)(?:\s+(?:in|of|from|for)(?:\s+[\w'’-]+){{1,5}}?,)?\s+(?:was|has been|had been)\s+(?:({KILLED})|({INJURED})|({ARRESTED}))(?-u:\b)"
    ))
    .expect("static regex")
});

/// "killed some 800 Palestinians", "arrested four suspects".
static VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(killed|killing|kills|executed|executing|beheaded)|(wounded|wounding|injured|injuring)|(arrested|arresting|detained|detaining))\s+(?:({QUALIFIER})\s+)?({NUMBER})(?-u:\b)"
    ))
    .expect("static regex")
});

/// "no one was hurt", "nobody was killed", "no casualties were reported": a figure of none,
/// which is news (the attack harmed nobody), not a missing one. "Hurt", "harmed" and
/// "casualties" are both killed and injured.
static NONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?:no one|no-one|nobody|none)\s+(?:(?:of\s+(?:the\s+)?)?[\w'’-]+\s+)?(?:was|were|has been|had been|have been|is|are)\s+(?:(?:seriously|reported|immediately)\s+)?(?:({KILLED})|({INJURED}|harmed))|(?:no|caused no|without)\s+(?:immediate\s+|reported\s+)?(?:(casualties|injuries|deaths|fatalities)))(?-u:\b)"
    ))
    .expect("static regex")
});

pub(crate) use dateline_core::text::number;

/// A further group counted beside the one before, after the verb: "killing two soldiers | and
/// three civilians", "killed three soldiers |, two policemen | and a civilian worker" (before
/// it, `NUMBER_FIRST` reads "two SDF fighters and two soldiers were killed"). A group of one
/// ("and a British medic") only after "and": after a comma "a" opens other words ("killed five
/// people, a security source said").
static AND_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s+[\w'’-]+){{1,3}}?(?:,\s+(?:and\s+)?({NUMBER})|\s+and\s+({NUMBER}|an?))(?-u:\b)"
    ))
    .expect("static regex")
});

/// What the groups coordinated after a first figure add; `phrase` runs from the first figure's
/// end.
fn coordinated(phrase: &str) -> u32 {
    let mut more = 0u32;
    let mut rest = phrase;
    while let Some(c) = AND_NUMBER.captures(rest) {
        let Some(n) = c.get(1).or_else(|| c.get(2)) else {
            break;
        };
        let add = match n.as_str().to_ascii_lowercase().as_str() {
            "a" | "an" => Some(1),
            w => number(w),
        };
        let Some(add) = add else { break };
        more = more.saturating_add(add);
        rest = &rest[n.end()..];
    }
    more
}

/// Whether the figure at `at` is a day of a month printed before it ("on Feb. 6 has killed").
fn is_day_of_month(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end().trim_end_matches('.');
    before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|w| dateline_core::time::month_number(w).is_some())
}

/// Whether the figure in digits at `at` is part of a name ("the Tower 22 base", "Camp 5",
/// "Resolution 1701"): digits right after a capitalised word that is no qualifier ("Some 800"),
/// day, month or verb of harm (a headline's "Strike Kills 12").
fn is_designation(sentence: &str, at: usize) -> bool {
    if !sentence[at..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(word) = sentence[..at].strip_suffix(' ') else {
        return false;
    };
    let word = word
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let lower = word.to_ascii_lowercase();
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && !QUALIFIER
            .split('|')
            .any(|q| q.rsplit(' ').next() == Some(lower.as_str()))
        && !dateline_core::time::is_calendar_name(word)
        && ![KILLED, INJURED, ARRESTED, HARMING]
            .iter()
            .any(|verbs| verbs.split('|').any(|v| v == lower))
}

/// The forms of a verb of harm a figure follows ("killing 12").
const HARMING: &str =
    r"kills|killing|wounds|wounding|injures|injuring|arrests|arresting|detains|detaining";

/// Which figure a match gives: 0 killed, 1 injured, 2 arrested, read from its three verb groups,
/// the first of them group `first`.
fn kind(m: &regex::Captures, first: usize) -> u8 {
    if m.get(first).is_some() {
        0
    } else if m.get(first + 1).is_some() {
        1
    } else {
        2
    }
}

/// Years ("in 2014 … killed") are not casualty figures.
fn is_year(raw: &str, n: u32) -> bool {
    !raw.contains(',') && raw.len() == 4 && (1900..=2100).contains(&n)
}

/// A figure found: where it starts, its kind (0 killed, 1 injured, 2 arrested), as printed,
/// what coordinated groups add, its qualifier.
type Figure = (usize, u8, String, u32, Option<String>);

/// The figures printed before their verb ("six people were killed"), each with the byte where
/// its phrase ends, for [`Figures::of`].
fn number_first(sentence: &str, found: &mut Vec<(usize, Figure)>) {
    for m in NUMBER_FIRST.captures_iter(sentence) {
        let Some(num) = m.get(2) else { continue };
        // "Private Sean Rooney, 24, … was killed": a figure set off by commas after a name is
        // the person's age.
        let after_name = sentence[..num.start()]
            .strip_suffix(", ")
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if after_name && sentence[num.end()..].starts_with(',') {
            continue;
        }
        // "ten days of clashes in which hundreds were killed": a figure of time or distance
        // counts no one.
        let unit = sentence[num.end()..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .is_some_and(|w| UNITS.iter().any(|u| u.eq_ignore_ascii_case(w)));
        if unit {
            continue;
        }
        // "killed 12 people and injured 40 others": a figure that a conjunction parts from
        // the verb counts the verb before it, not this one.
        let verb = (5..=7).find_map(|i| m.get(i));
        if verb.is_some_and(|v| {
            let before = sentence[num.end()..v.start()].trim_end();
            before.ends_with(" and") || before.ends_with(" or")
        }) {
            continue;
        }
        let more = m.get(4).and_then(|n| number(n.as_str())).unwrap_or(0);
        found.push(figure(&m, num, kind(&m, 5), more, 1));
    }
}

/// The figure printed `num` that match `m` gives, with the byte where its phrase ends; its
/// qualifier is group `qualifier`.
fn figure(
    m: &regex::Captures,
    num: regex::Match,
    kind: u8,
    more: u32,
    qualifier: usize,
) -> (usize, Figure) {
    let qualifier = m.get(qualifier).map(|q| q.as_str().to_owned());
    let end = m.get(0).map_or(0, |a| a.end());
    (
        end,
        (num.start(), kind, num.as_str().to_owned(), more, qualifier),
    )
}

/// The casualty and arrest figures a sentence gives; the first figure of each kind wins
/// ("at least nine police officers were hurt, including four wounded" is 9 injured).
pub fn counts(sentence: &str) -> Counts {
    Figures::of(sentence).counts_where(|_| true)
}

/// Every figure of a sentence, read once: a sentence of many happenings asks for the figures
/// of each ([`Figures::counts_by`]), and reading the sentence again for each was quadratic in
/// its length.
pub struct Figures {
    /// (where the figure's phrase ends, the figure), in the order they are weighed: by where
    /// the figure starts.
    found: Vec<(usize, Figure)>,
    /// Figures of none: (where the phrase ends, counts the killed, counts the injured).
    nones: Vec<(usize, bool, bool)>,
}

impl Figures {
    pub fn of(sentence: &str) -> Figures {
        let mut found = Vec::new();
        number_first(sentence, &mut found);
        for m in VERB_FIRST.captures_iter(sentence) {
            let Some(num) = m.get(5) else { continue };
            let more = coordinated(&sentence[num.end()..]);
            found.push(figure(&m, num, kind(&m, 1), more, 4));
        }
        for m in ONE.captures_iter(sentence) {
            let Some(all) = m.get(0) else { continue };
            let kind = kind(&m, 2);
            found.push((all.end(), (all.start(), kind, "one".into(), 0, None)));
        }
        // "no one was hurt": the "one" of "no one" counts nobody.
        found.retain(|(_, f)| {
            !is_day_of_month(sentence, f.0)
                && !is_designation(sentence, f.0)
                && !after_no(sentence, f.0)
        });
        // Stable: figures starting at one byte keep the order of the patterns above.
        found.sort_by_key(|(_, f)| f.0);
        Figures {
            found,
            nones: none_figures(sentence),
        }
    }

    /// The figures that `keep` keeps, by the byte where each figure's phrase ends ("six people
    /// were killed|", "killed six|"): a sentence telling two happenings gives each its own.
    pub fn counts_where(&self, keep: impl Fn(usize) -> bool) -> Counts {
        (self.counts_by(|end| keep(end).then_some(0), 1).pop()).unwrap_or_default()
    }

    /// The counts of each of `owners` owners, every figure going to `owner(end)` (none when
    /// that is `None` or out of range), in one pass over the figures.
    pub fn counts_by(&self, owner: impl Fn(usize) -> Option<usize>, owners: usize) -> Vec<Counts> {
        let mut out = vec![Counts::default(); owners];
        let mut qualifiers: Vec<Option<String>> = vec![None; owners];
        for (end, (_, kind, raw, more, qual)) in &self.found {
            let Some(o) = owner(*end).filter(|&o| o < owners) else {
                continue;
            };
            let c = &mut out[o];
            let slot = match kind {
                0 => &mut c.killed,
                1 => &mut c.injured,
                _ => &mut c.arrested,
            };
            set(slot, (raw, *more), qual.as_deref(), &mut qualifiers[o]);
        }
        for &(end, killed, injured) in &self.nones {
            let Some(c) = owner(end).and_then(|o| out.get_mut(o)) else {
                continue;
            };
            if killed {
                c.killed.get_or_insert(0);
            }
            if injured {
                c.injured.get_or_insert(0);
            }
        }
        for (c, q) in out.iter_mut().zip(qualifiers) {
            c.qualifier = q;
        }
        out
    }
}

/// Fills `slot` with the figure printed `raw` (plus `more`) unless a figure filled it first or
/// it is a year; the first qualifier of any figure taken is the counts'.
fn set(
    slot: &mut Option<u32>,
    (raw, more): (&str, u32),
    qual: Option<&str>,
    q: &mut Option<String>,
) {
    let Some(n) = number(raw) else { return };
    if slot.is_some() || is_year(raw, n) {
        return;
    }
    *slot = Some(n.saturating_add(more));
    if q.is_none() {
        *q = qual.map(|s| s.to_ascii_lowercase());
    }
}

/// Whether "no " (in any case) stands right before byte `at`: the "one" of "no one".
fn after_no(sentence: &str, at: usize) -> bool {
    (sentence.as_bytes()[..at].last_chunk::<3>()).is_some_and(|b| b.eq_ignore_ascii_case(b"no "))
}

/// Figures of none ("no one was hurt"), each with the byte where its phrase ends; they count
/// where the sentence gives no other figure of their kind.
fn none_figures(sentence: &str) -> Vec<(usize, bool, bool)> {
    let mut out = Vec::new();
    for m in NONE.captures_iter(sentence) {
        let word = |i: usize| m.get(i).map(|w| w.as_str().to_ascii_lowercase());
        let (killed, injured) = match (word(1), word(2), word(3)) {
            (Some(_), _, _) => (true, false),
            (_, Some(w), _) => (matches!(&*w, "hurt" | "harmed"), true),
            (_, _, Some(w)) => (w != "injuries", matches!(&*w, "casualties" | "injuries")),
            _ => continue,
        };
        out.push((m.get(0).map_or(0, |a| a.end()), killed, injured));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each owner gets the figures whose phrase ends where it owns, read in one pass.
    #[test]
    fn figures_go_to_their_owners() {
        let s = "Strikes killed six people on Monday, and rockets wounded two soldiers, \
                 though no one was killed in Erbil.";
        let second = s.find(", and").unwrap();
        let third = s.find(", though").unwrap();
        let figures = Figures::of(s);
        let owner = |end: usize| Some(usize::from(end > second) + usize::from(end > third));
        let by = figures.counts_by(owner, 3);
        assert_eq!((by[0].killed, by[0].injured), (Some(6), None));
        assert_eq!((by[1].killed, by[1].injured), (None, Some(2)));
        assert_eq!((by[2].killed, by[2].injured), (Some(0), None));
        // An owner out of range, or none, takes nothing.
        let none = figures.counts_by(|_| None, 1);
        assert_eq!((none[0].killed, none[0].injured), (None, None));
        let all = figures.counts_where(|_| true);
        assert_eq!((all.killed, all.injured), (Some(6), Some(2)));
        assert_eq!(all, counts(s));
    }

    /// "No one was hurt" is a figure of none, not of one.
    #[test]
    fn nobody_harmed_is_a_figure_of_none() {
        let c = counts("A rocket hit a warehouse near Aqaba on Friday, though no one was hurt.");
        assert_eq!((c.killed, c.injured), (Some(0), Some(0)));
        let c = counts("Nobody was killed, but four guards were wounded.");
        assert_eq!((c.killed, c.injured), (Some(0), Some(4)));
        let c = counts("No one was injured in the blast.");
        assert_eq!((c.killed, c.injured), (None, Some(0)));
        let c = counts("The shelling caused no casualties, the governor said.");
        assert_eq!((c.killed, c.injured), (Some(0), Some(0)));
        let c = counts("There were no injuries.");
        assert_eq!((c.killed, c.injured), (None, Some(0)));
        // "One" counts one where no "no" stands before it.
        let c = counts("One soldier was killed.");
        assert_eq!(c.killed, Some(1));
    }

    /// Digits that are part of a name ("the Tower 22 base", "Camp 5") count nobody; a qualifier,
    /// a month or a verb of harm before digits is no name.
    #[test]
    fn a_figure_of_time_or_distance_counts_nobody() {
        let c = counts(
            "Gunmen seized the jail, setting off six days of fighting in which scores were killed.",
        );
        assert_eq!(c.killed, None);
        let c = counts(
            "The convoy was ambushed 40 kilometres north of Tikrit, where two soldiers were killed.",
        );
        assert_eq!(c.killed, Some(2));
    }

    #[test]
    fn a_number_in_a_name_counts_nobody() {
        let c = counts(
            "A drone hit the Tower 22 base in Jordan, near the Syrian border, killed three US \
             soldiers.",
        );
        assert_eq!(c.killed, Some(3));
        let c =
            counts("Gunmen stormed Camp 5 in the desert, police said, and 12 guards were killed.");
        assert_eq!(c.killed, Some(12));
        assert_eq!(counts("Some 800 people were killed.").killed, Some(800));
        assert_eq!(counts("Drone Strike Kills 12 in Idlib").killed, Some(12));
    }

    #[test]
    fn figures_in_words_and_digits() {
        let c =
            counts("CENTCOM said that at least 15 suspected ISIS members were killed in a raid.");
        assert_eq!(
            (c.killed, c.qualifier.as_deref()),
            (Some(15), Some("at least"))
        );
        let c = counts(
            "At least seven US troops were injured, including five wounded, during the operation.",
        );
        assert_eq!(c.injured, Some(7));
        let c = counts("Four suspects were killed during the raid.");
        assert_eq!((c.killed, c.qualifier), (Some(4), None));
        let c =
            counts("Israeli forces have killed some 800 Palestinian aid-seekers since late May.");
        assert_eq!(
            (c.killed, c.qualifier.as_deref()),
            (Some(800), Some("some"))
        );
        let c =
            counts("Private John Byrne, 24, from Cork, was killed and three others were injured.");
        assert_eq!((c.killed, c.injured), (None, Some(3)));
        let c = counts("The coup killed 251 people and injured nearly 2,200 others.");
        assert_eq!((c.killed, c.injured), (Some(251), Some(2200)));
        let c = counts("Police arrested nearly 2,600 people.");
        assert_eq!(
            (c.arrested, c.qualifier.as_deref()),
            (Some(2600), Some("nearly"))
        );
        // What stands between commas belongs to the group, and its own figure is part of it.
        let c = counts("At least 14 people, including six policemen, were injured.");
        assert_eq!(
            (c.injured, c.qualifier.as_deref()),
            (Some(14), Some("at least"))
        );
        let c = counts(
            "Four civilians, among them a prominent Kurdish businessman and his infant \
             daughter, were killed late on Monday.",
        );
        assert_eq!(c.killed, Some(4));
        // The group the counted people belong to, with its abbreviation.
        let c =
            counts("Three members of the Kurdistan Workers' Party (PKK) were killed on Wednesday.");
        assert_eq!(c.killed, Some(3));
        let c = counts("Two members of the security forces were wounded in the blast.");
        assert_eq!(c.injured, Some(2));
        let c = counts("In 2014 killed was the word.");
        assert!(c.is_empty());
    }

    #[test]
    fn groups_counted_side_by_side_add_up() {
        let c = counts("Three Peshmerga fighters and two civilians were killed in the shelling.");
        assert_eq!(c.killed, Some(5));
        let c = counts("The blast hit the market, killing four policemen and 11 shoppers.");
        assert_eq!(c.killed, Some(15));
        let c = counts("A senior commander was killed in a drone strike in Baghdad.");
        assert_eq!(c.killed, Some(1));
        let c = counts("Jassim Ali, a candidate in the province of Diyala, was shot dead.");
        assert_eq!(c.killed, Some(1));
        let c = counts("The ministry said it executed 13 people convicted of terrorism.");
        assert_eq!(c.killed, Some(13));
        let c = counts("A car bomb killed a policeman.");
        assert_eq!(c.killed, None);
        // One group, its noun joined to another noun: no second figure.
        let c = counts("Two officers and their driver were wounded.");
        assert_eq!(c.injured, Some(2));
        // A list of groups, the last of one person.
        let c = counts("The rockets killed two American soldiers and a British medic.");
        assert_eq!(c.killed, Some(3));
        let c = counts("The attack killed three soldiers, two policemen and a civilian worker.");
        assert_eq!(c.killed, Some(6));
        // After a comma, "a" opens the attribution, not a group.
        let c = counts("The strike killed five people, a security source said.");
        assert_eq!(c.killed, Some(5));
    }

    #[test]
    fn a_day_of_the_month_is_no_figure() {
        let c = counts(
            "The earthquake that struck before dawn on Feb. 6 has killed more than 35,000 people.",
        );
        assert_eq!(c.killed, Some(35_000));
        let c = counts("Clashes on March 3 killed 12 people.");
        assert_eq!(c.killed, Some(12));
    }
}
