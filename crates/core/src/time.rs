//! The one temporal resolver: every date dateline prints went through here.
//!
//! Two entry points, because news pages use time in two ways:
//! - [`resolve_published`]: the date a page prints for a story ("12 hours ago", "01-09-2024",
//!   "Saturday, July 26, 2025"), anchored to the capture time;
//! - [`resolve_mention`]: a time expression inside a sentence ("on Monday", "earlier in July",
//!   "in September 2026"), anchored to the article's publication date, read in news mode
//!   (HeidelTime's rules: a bare weekday or month is the latest one on or before the anchor, unless the
//!   sentence looks forward).
//!
//! Every value carries its [`Precision`]; nothing is resolved without an anchor, and no day is printed
//! that the text does not give.

use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// How precise a resolved value is. Ordered from finest to coarsest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A date as found and as resolved. `value` is ISO 8601 at the given precision:
/// `2025-07-21T09:00Z` (minute, hour), `2025-07-21` (day), `2025-W30` (week), `2025-07` (month),
/// `2025` (year). `range` holds inclusive day bounds when the text gives a span ("late July",
/// "last week", "2014-2015").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    pub raw: Option<String>,
    pub value: Option<String>,
    pub precision: Option<Precision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[String; 2]>,
    /// Where the date was read when not from the expected place (e.g. `photo caption`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// How a site prints all-numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 01-09-2024 is 1 September (Daily8, Rudaw, most of the world).
    #[default]
    DayFirst,
    /// 09-01-2024 is 1 September (US sites).
    MonthFirst,
}

/// Whether the sentence around a mention looks back or forward; decides "in April" and "on Monday".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    #[default]
    Past,
    Future,
}

impl TimeValue {
    /// Only the raw text: found, but not resolvable (no anchor, or not a date form we know).
    pub fn unresolved(raw: impl Into<String>) -> Self {
        TimeValue {
            raw: Some(raw.into()),
            ..Default::default()
        }
    }

    fn day(raw: &str, d: Date) -> Self {
        TimeValue {
            raw: Some(raw.to_owned()),
            value: Some(d.to_string()),
            precision: Some(Precision::Day),
            range: None,
            basis: None,
        }
    }

    fn month(raw: &str, year: i16, month: i8) -> Self {
        TimeValue {
            raw: Some(raw.to_owned()),
            value: Some(format!("{year:04}-{month:02}")),
            precision: Some(Precision::Month),
            range: None,
            basis: None,
        }
    }

    fn year(raw: &str, year: i16) -> Self {
        TimeValue {
            raw: Some(raw.to_owned()),
            value: Some(format!("{year:04}")),
            precision: Some(Precision::Year),
            range: None,
            basis: None,
        }
    }

    fn week(raw: &str, monday: Date) -> Self {
        let iso = monday.iso_week_date();
        TimeValue {
            raw: Some(raw.to_owned()),
            value: Some(format!("{:04}-W{:02}", iso.year(), iso.week())),
            precision: Some(Precision::Week),
            range: Some([monday.to_string(), (monday + 6.days()).to_string()]),
            basis: None,
        }
    }

    fn instant(raw: &str, ts: Timestamp, precision: Precision) -> Self {
        let dt = ts.to_zoned(jiff::tz::TimeZone::UTC).datetime();
        let minute = if precision == Precision::Minute {
            dt.minute()
        } else {
            0
        };
        TimeValue {
            raw: Some(raw.to_owned()),
            value: Some(format!("{}T{:02}:{:02}Z", dt.date(), dt.hour(), minute)),
            precision: Some(precision),
            range: None,
            basis: None,
        }
    }

    /// An instant printed with its offset (`2025-07-26T01:30:00+03:00`), kept in the offset it
    /// was printed in: its day is the publisher's ("2025-07-26"), which the UTC instant
    /// (`2025-07-25T22:30Z`) would move to the day before for anything published after local
    /// midnight east of Greenwich.
    fn printed_instant(raw: &str, ts: Timestamp) -> Self {
        let local = raw.get(..16).and_then(|t| {
            t.replacen(' ', "T", 1)
                .parse::<jiff::civil::DateTime>()
                .ok()
        });
        let offset = local.and_then(|l| {
            let utc = l.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
            // The printed clock time is read to the minute: so is the instant.
            let seconds = utc.as_second() - (ts.as_second() - ts.as_second().rem_euclid(60));
            // Whole minutes, within a day: what a printed offset can be.
            (seconds % 60 == 0 && seconds.abs() < 86_400).then_some(seconds / 60)
        });
        match (local, offset) {
            (Some(l), Some(minutes)) if minutes != 0 => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let m = minutes.abs();
                TimeValue {
                    raw: Some(raw.to_owned()),
                    value: Some(format!(
                        "{}T{:02}:{:02}{sign}{:02}:{:02}",
                        l.date(),
                        l.hour(),
                        l.minute(),
                        m / 60,
                        m % 60
                    )),
                    precision: Some(Precision::Minute),
                    range: None,
                    basis: None,
                }
            }
            _ => TimeValue::instant(raw, ts, Precision::Minute),
        }
    }

    fn with_range(mut self, from: Date, to: Date) -> Self {
        self.range = Some([from.to_string(), to.to_string()]);
        self
    }

    /// Inclusive day bounds of the value, for comparing dates of different precisions.
    pub fn bounds(&self) -> Option<(Date, Date)> {
        if let Some([a, b]) = &self.range
            && let (Ok(a), Ok(b)) = (a.parse::<Date>(), b.parse::<Date>())
        {
            return Some((a, b));
        }
        let value = self.value.as_deref()?;
        match self.precision? {
            Precision::Minute | Precision::Hour | Precision::Day => {
                let d: Date = value.get(..10)?.parse().ok()?;
                Some((d, d))
            }
            Precision::Week => None,
            Precision::Month => {
                let y: i16 = value.get(..4)?.parse().ok()?;
                let m: i8 = value.get(5..7)?.parse().ok()?;
                let first = Date::new(y, m, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            Precision::Year => {
                let y: i16 = value.get(..4)?.parse().ok()?;
                Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
            }
        }
    }

    /// The first day the value can mean, if resolved.
    pub fn start_date(&self) -> Option<Date> {
        self.bounds().map(|(a, _)| a)
    }

    /// True when the two values can denote the same time (their day bounds overlap). Unresolved
    /// values are compatible with nothing: they carry no evidence either way.
    pub fn overlaps(&self, other: &TimeValue) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => days_overlap(a, b),
            _ => false,
        }
    }
}

/// The unit of a time told from another one ("two days later", "a week earlier").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Days,
    Weeks,
    Months,
}

/// A time told from another ("a week earlier", "two days later"): `from` moved by `amount`
/// units (negative: earlier), at the unit's precision. `None` unless `from` names a day: a week
/// before "July" is no day to count from.
pub fn shifted(raw: &str, from: &TimeValue, amount: i32, unit: Shift) -> Option<TimeValue> {
    if from.precision.is_none_or(|p| p > Precision::Day) {
        return None;
    }
    let (day, _) = from.bounds()?;
    Some(match unit {
        Shift::Days => TimeValue::day(raw, day.checked_add(amount.days()).ok()?),
        Shift::Weeks => {
            let d = day.checked_add((7 * amount).days()).ok()?;
            let back = i32::from(d.weekday().to_monday_zero_offset());
            TimeValue::week(raw, d.checked_sub(back.days()).ok()?)
        }
        Shift::Months => {
            let d = day.checked_add(amount.months()).ok()?;
            TimeValue::month(raw, d.year(), d.month())
        }
    })
}

/// True when two inclusive day ranges `(first, last)` share at least one day.
pub fn days_overlap(a: (Date, Date), b: (Date, Date)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1–12) for a full or abbreviated English month name.
pub fn month_number(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if n == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() >= 3 && m.starts_with(&n) && n.len() <= m.len()))
        .map(|i| i as i8 + 1)
}

/// A month or weekday name ("May", "Monday"): capitalised in English without naming anybody.
pub fn is_calendar_name(word: &str) -> bool {
    month_number(word).is_some() || weekday(word).is_some()
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// An English month name, full or abbreviated, with an optional full stop, as a regex fragment
/// (no capture group) for adapters' and the resolver's date patterns.
pub const MONTH_RE: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY_RE: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:about\s+|over\s+)?(an?|one|\d+)\s+(minute|min|hour|hr|day|week|month|year)s?\s+ago$")
        .expect("static regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s*[,|-]?\s*(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?)?$")
        .expect("static regex")
});
/// `2025/07/26`, `2025.07.26`: year first, then month and day, whatever the site's order.
static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[^\d]|$)").expect("static regex")
});
/// `July 2025`: a month, nothing finer.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^({MONTH_RE})\s+(\d{{4}})$")).expect("static regex")
});
static WRITTEN_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:\s*(?:at|-|,|\|)?\s*(\d{{1,2}}):(\d{{2}})(?:\s*([AaPp][Mm]))?)?"
    ))
    .expect("static regex")
});
static WRITTEN_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{WEEKDAY_RE},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE}),?\s+(\d{{4}})(?:\s*(?:at|-|,|\|)?\s*(\d{{1,2}}):(\d{{2}})(?:\s*([AaPp][Mm]))?)?"
    ))
    .expect("static regex")
});

/// Resolves a publication date as a page prints it. `anchor` is the capture time; relative forms
/// without it stay unresolved (raw only). Absolute forms need no anchor; a clock time printed with
/// one has no zone (it is the site's local time, which we do not know), so only its day is kept.
///
/// Pages print more around the date than the date: a label ("Published on", "Updated:"), a
/// weekday's abbreviation, a clock time before it, a zone after it, digits in Arabic script.
/// The date is read as printed; failing that, from the first word where a date opens.
pub fn resolve_published(raw: &str, anchor: Option<Timestamp>, order: DateOrder) -> TimeValue {
    let ascii = western_digits(raw.trim());
    let text = ascii.trim();
    let lower = text.to_ascii_lowercase();
    let found = std::iter::once(0)
        .chain(word_starts(text))
        .take(MAX_DATE_OFFSET_WORDS)
        .find_map(|at| read_published(&text[at..], &lower[at..], anchor, order));
    match found {
        Some(v) => TimeValue {
            raw: Some(raw.to_owned()),
            ..v
        },
        None => TimeValue::unresolved(raw),
    }
}

/// How many words into a printed publication date its date may open ("Last updated on
/// Saturday, …"): a bound on the work for a long string that holds none.
const MAX_DATE_OFFSET_WORDS: usize = 12;

/// Where each word of `text` after the first starts.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .zip(text.chars().skip(1))
        .filter(|&((_, c), next)| !c.is_alphanumeric() && next.is_ascii_alphanumeric())
        .map(|((i, c), _)| i + c.len_utf8())
}

/// Arabic-Indic and Eastern Arabic-Indic digits as ASCII ones ("٢٦/٠٧/٢٠٢٥").
fn western_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let digit = |c: char| match c {
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    };
    if !text.chars().any(|c| digit(c).is_some()) {
        return text.into();
    }
    text.chars()
        .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c))
        .collect::<String>()
        .into()
}

/// `text` read as a publication date from its first character, or `None`.
fn read_published(
    text: &str,
    lower: &str,
    anchor: Option<Timestamp>,
    order: DateOrder,
) -> Option<TimeValue> {
    let raw = text;

    // ISO 8601 first: machine dates from meta tags and sidecars.
    if let Some(v) = parse_iso(text) {
        return Some(v);
    }
    if let Some(c) = NUMERIC.captures(text) {
        let (a, b): (i8, i8) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let year: i16 = c[3].parse().unwrap_or(0);
        // An impossible reading is discarded, so 26-01-2025 is understood even on a month-first site.
        let (d, m) = match order {
            DateOrder::DayFirst if b <= 12 => (a, b),
            DateOrder::MonthFirst if a <= 12 => (b, a),
            _ if a > 12 => (a, b),
            _ => (b, a),
        };
        if let Ok(date) = Date::new(year, m, d) {
            return Some(TimeValue::day(raw, date));
        }
    }
    if let Some(c) = WRITTEN_MDY.captures(text)
        && let (Some(m), Ok(d), Ok(y)) = (month_number(&c[1]), c[2].parse(), c[3].parse())
        && let Ok(date) = Date::new(y, m, d)
    {
        return Some(TimeValue::day(raw, date));
    }
    if let Some(c) = WRITTEN_DMY.captures(text)
        && let (Some(m), Ok(d), Ok(y)) = (month_number(&c[2]), c[1].parse(), c[3].parse())
        && let Ok(date) = Date::new(y, m, d)
    {
        return Some(TimeValue::day(raw, date));
    }

    if let Some(c) = NUMERIC_YMD.captures(text)
        && let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse())
        && let Ok(date) = Date::new(y, m, d)
    {
        return Some(TimeValue::day(raw, date));
    }
    if let Some(c) = MONTH_YEAR.captures(text)
        && let (Some(m), Ok(y)) = (month_number(&c[1]), c[2].parse())
    {
        return Some(TimeValue::month(raw, y, m));
    }
    read_relative(raw, lower, anchor?)
}

/// `text` (`lower` in lower case) read as a date told from the capture time `anchor`.
fn read_relative(raw: &str, lower: &str, anchor: Timestamp) -> Option<TimeValue> {
    let today = anchor.to_zoned(jiff::tz::TimeZone::UTC).date();
    match lower {
        "just now" | "now" | "a few seconds ago" | "seconds ago" => {
            return Some(TimeValue::instant(raw, anchor, Precision::Minute));
        }
        "last week" | "a week ago" => {
            return Some(TimeValue::week(raw, monday_of(today) - 7.days()));
        }
        _ => {}
    }
    // "on Monday": the last Monday up to the capture.
    if let Some(c) = WEEKDAY_PHRASE.captures(lower)
        && matches!(c.get(1).map(|m| m.as_str()), None | Some("on" | "last"))
    {
        return Some(resolve_mention(raw, Some(today), Tense::Past)).filter(|v| v.value.is_some());
    }
    // "Yesterday at 3:15 PM", "Today, 10:05": the day, the clock time in no known zone.
    match lower.split(|c: char| !c.is_ascii_alphabetic()).next() {
        Some("today") => return Some(TimeValue::day(raw, today)),
        Some("yesterday") => return Some(TimeValue::day(raw, today.yesterday().unwrap_or(today))),
        _ => {}
    }
    if let Some(c) = RELATIVE.captures(lower) {
        let n: i64 = match &c[1] {
            "a" | "an" | "one" => 1,
            digits => digits.parse().unwrap_or(0),
        };
        return Some(match &c[2] {
            "minute" | "min" => {
                TimeValue::instant(raw, anchor - (n * 60).seconds(), Precision::Minute)
            }
            "hour" | "hr" => {
                TimeValue::instant(raw, anchor - (n * 3600).seconds(), Precision::Hour)
            }
            "day" => TimeValue::day(raw, today - n.days()),
            "week" => TimeValue::week(raw, monday_of(today - n.weeks())),
            "month" => {
                let d = today - n.months();
                TimeValue::month(raw, d.year(), d.month())
            }
            _ => TimeValue::year(raw, today.year() - n as i16),
        });
    }
    None
}

/// `2025-07-21`, `2025-07-21T09:30:00Z`, `2025-07-21T09:30:00+03:00`, `2025-07`, `2025`.
fn parse_iso(text: &str) -> Option<TimeValue> {
    // An ISO 8601 date opens with its year, digits or a sign: anything else ("on Monday", read
    // for every mention) is no such date, and a failed parse costs an error message each.
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '\u{2212}')) {
        return None;
    }
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(TimeValue::printed_instant(text, ts));
    }
    if let Ok(zdt) = text.parse::<jiff::Zoned>() {
        return Some(TimeValue::printed_instant(text, zdt.timestamp()));
    }
    if text.len() >= 10
        && text.as_bytes().get(4) == Some(&b'-')
        && let Ok(d) = text[..10].parse::<Date>()
    {
        // A local date-time without offset: the day is certain, the instant is not.
        if text.len() == 10
            || text.as_bytes().get(10) == Some(&b'T')
            || text.as_bytes().get(10) == Some(&b' ')
        {
            return Some(TimeValue::day(text, d));
        }
    }
    None
}

fn monday_of(d: Date) -> Date {
    let back = d.weekday().to_monday_zero_offset() as i64;
    d - back.days()
}

/// A time expression found in a sentence: its byte span and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

// ASCII word boundaries: a Unicode `\b` makes the regex engine give up its DFA on any
// non-ASCII byte (a curly quote is enough) and fall back to a backtracker, a tenth of the
// coder's time. Time expressions are ASCII words.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_RE;
    // The month as a whole word: "in Mar." and "in March", never the "Mar" of "in Marwahin" or
    // the "May" of "in Mayadin".
    let month_word = MONTH_RE.trim_end_matches(r"\.?");
    let w = WEEKDAY_RE;
    Regex::new(&format!(
        r"(?x)(?-u:\b)(?:
            (?i:(?:on|since|by|from|until|till|before|after|in|during|of)\s+)?
            (?:{w},?\s+)?
            (?:(?:{m})\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{m})(?-u:\b)(?:,?\s+\d{{4}})?)
          | (?i:(?:earlier|later)\s+(?:in|this)\s+|(?:in|by|since|until|from|during)\s+(?:early|late|mid-?)?\s*|(?:early|late|mid-?)\s*)(?:{month_word})(?-u:\b)\.?(?:\s+\d{{4}})?
          | (?i:(?:last|this|next|earlier\s+this|later\s+this|earlier\s+last)\s+(?:week(?:end)?|month|year))
          | (?i:(?:on|since|by|until|last|next|this)\s+)?{w}(?:\s+(?i:night|morning|evening|afternoon))?
          | (?i:yesterday|today|tomorrow)
          | (?i:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})\s+(?:day|week|month|year)s?\s+ago)(?-u:\b)
          | (?i:(?:in|since|by|until|from|during|of)\s+)\d{{4}}(?:\s*[-–]\s*\d{{4}})?(?-u:\b)
          | (?i:(?:its|their|his|her|the)\s+)(?:19|20)\d{{2}}(?-u:\b)(?:[-–](?:19|20)\d{{2}}(?-u:\b))?(?:\s+[a-z])
          | (?i:(?:in|since|by|until|from|during)\s+)?\d{{4}}[-–]\d{{4}}(?-u:\b)
          | \d{{4}}-\d{{2}}-\d{{2}}
        )"
    ))
    .expect("static regex")
});

/// "L'Orient Today", "USA Today": a capitalised "Today" after a capitalised word inside the
/// sentence ends a name (a newspaper's), not a time.
fn in_a_name(sentence: &str, start: usize, t: &str) -> bool {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    matches!(t, "Today" | "Yesterday" | "Tomorrow")
        && sentence[..start]
            .strip_suffix(' ')
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(capitalised)
}

/// Finds the time expressions in `sentence`, in order, for [`resolve_mention`].
pub fn scan(sentence: &str) -> Vec<Found> {
    MENTION
        .find_iter(sentence)
        .filter(|m| {
            // "May" alone is mostly the verb; require a day or a year or a preposition with it.
            let t = m.as_str();
            !(t == "May"
                || t.eq_ignore_ascii_case("may")
                || t.ends_with(" may")
                || in_a_name(sentence, m.start(), t))
        })
        .map(|m| {
            // The attributive year ("its 2014 assault") matched one letter of its noun to tell it
            // from a bare number; the expression ends with the year.
            let t = m.as_str();
            let t = match t.char_indices().rev().nth(1) {
                Some((i, c))
                    if c.is_whitespace() && t.ends_with(|l: char| l.is_ascii_lowercase()) =>
                {
                    t[..i].trim_end()
                }
                _ => t,
            };
            Found {
                start: m.start(),
                end: m.start() + t.len(),
                text: t.to_owned(),
            }
        })
        .collect()
}

static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(in|since|by|until|from|during|of|its|their|his|her|the)\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?$")
        .expect("static regex")
});
static MONTH_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(earlier|later)\s+(?:in|this)\s+|(in|by|since|until|from|during)\s+)?(early|late|mid-?)?\s*({MONTH_RE})(?:\s+(\d{{4}}))?$"
    ))
    .expect("static regex")
});
static DAY_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:on|since|by|from|until|till|before|after|in|during|of)\s+)?(?:{WEEKDAY_RE},?\s+)?(?:({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE}))(?:,?\s+(\d{{4}}))?$"
    ))
    .expect("static regex")
});
static WEEKDAY_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(on|since|by|until|last|next|this)\s+)?({WEEKDAY_RE})(?:\s+(?:night|morning|evening|afternoon))?$"
    ))
    .expect("static regex")
});
static WEEK_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(last|this|next|earlier\s+this|later\s+this|earlier\s+last)\s+(week|weekend|month|year)$")
        .expect("static regex")
});

/// Resolves a time expression from a sentence against the article's publication date.
/// Without an anchor only absolute forms ("in January 2024", "April 24, 2025", "in 2014") resolve.
pub fn resolve_mention(raw: &str, anchor: Option<Date>, tense: Tense) -> TimeValue {
    let text = raw.trim();
    if let Some(c) = YEAR_ONLY.captures(text) {
        return year_phrase(raw, &c);
    }
    if let Some(v) = parse_iso(text) {
        return TimeValue {
            raw: Some(raw.to_owned()),
            ..v
        };
    }
    if let Some(c) = DAY_PHRASE.captures(text) {
        return day_phrase(raw, &c, anchor, tense);
    }
    if let Some(c) = MONTH_PHRASE.captures(text) {
        return month_phrase(raw, &c, anchor, tense);
    }
    let Some(anchor) = anchor else {
        return TimeValue::unresolved(raw);
    };
    match text.to_ascii_lowercase().as_str() {
        "today" => return TimeValue::day(raw, anchor),
        "yesterday" => return TimeValue::day(raw, anchor.yesterday().unwrap_or(anchor)),
        "tomorrow" => return TimeValue::day(raw, anchor.tomorrow().unwrap_or(anchor)),
        _ => {}
    }
    if let Some(c) = WEEKDAY_PHRASE.captures(text) {
        return weekday_phrase(raw, &c, anchor, tense);
    }
    if let Some(c) = WEEK_PHRASE.captures(text) {
        return calendar_unit_phrase(raw, &c, anchor);
    }
    if let Some(c) = AGO_PHRASE.captures(text) {
        return ago_phrase(raw, &c, anchor);
    }
    TimeValue::unresolved(raw)
}

static AGO_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month|year)s?\s+ago$")
        .expect("static regex")
});

/// `two days ago`, `a week ago`, `three months ago`: counted back from the anchor, as precise as
/// the unit (a week ago is that week, not a day of it).
fn ago_phrase(raw: &str, c: &regex::Captures<'_>, anchor: Date) -> TimeValue {
    let count = c[1].to_ascii_lowercase();
    let n: i64 = match count.as_str() {
        "a" | "an" => 1,
        w => crate::text::number(w).map_or(0, i64::from),
    };
    let back = match c[2].to_ascii_lowercase().as_str() {
        "day" => anchor.checked_sub(n.days()).map(|d| TimeValue::day(raw, d)),
        "week" => (anchor.checked_sub((7 * n).days())).map(|d| TimeValue::week(raw, monday_of(d))),
        "month" => {
            (anchor.checked_sub(n.months())).map(|d| TimeValue::month(raw, d.year(), d.month()))
        }
        _ => (anchor.checked_sub(n.years())).map(|d| TimeValue::year(raw, d.year())),
    };
    back.unwrap_or_else(|_| TimeValue::unresolved(raw))
}

/// `in 2014`, `its 2014`, `2014–2017` (a span of whole years).
fn year_phrase(raw: &str, c: &regex::Captures<'_>) -> TimeValue {
    let Ok(y) = c[2].parse::<i16>() else {
        return TimeValue::unresolved(raw);
    };
    let v = TimeValue::year(raw, y);
    if let Some(y2) = c.get(3).and_then(|m| m.as_str().parse::<i16>().ok())
        && let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y2, 12, 31))
        && y2 >= y
    {
        return v.with_range(a, b);
    }
    v
}

/// `on April 24`, `24 April 2025`: without a year, the year that puts the day on the side of the
/// anchor the verb's tense points to.
fn day_phrase(raw: &str, c: &regex::Captures<'_>, anchor: Option<Date>, tense: Tense) -> TimeValue {
    let (month, day) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(m), Some(d), _, _) => (month_number(m.as_str()), d.as_str().parse::<i8>().ok()),
        (_, _, Some(d), Some(m)) => (month_number(m.as_str()), d.as_str().parse::<i8>().ok()),
        _ => (None, None),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return TimeValue::unresolved(raw);
    };
    if let Some(y) = c.get(5).and_then(|y| y.as_str().parse::<i16>().ok()) {
        return Date::new(y, month, day)
            .map_or_else(|_| TimeValue::unresolved(raw), |d| TimeValue::day(raw, d));
    }
    let Some(anchor) = anchor else {
        return TimeValue::unresolved(raw);
    };
    let this_year = Date::new(anchor.year(), month, day);
    let Ok(candidate) = this_year else {
        return TimeValue::unresolved(raw);
    };
    let d = match tense {
        Tense::Past if candidate > anchor => Date::new(anchor.year() - 1, month, day).ok(),
        Tense::Future if candidate < anchor => Date::new(anchor.year() + 1, month, day).ok(),
        _ => Some(candidate),
    };
    d.map_or_else(|| TimeValue::unresolved(raw), |d| TimeValue::day(raw, d))
}

/// `in January 2024`, `early March`, `later in May`: the month, narrowed to the third of it the
/// phrase names, or to the side of the anchor it names when the anchor falls inside.
fn month_phrase(
    raw: &str,
    c: &regex::Captures<'_>,
    anchor: Option<Date>,
    tense: Tense,
) -> TimeValue {
    let Some(month) = month_number(&c[4]) else {
        return TimeValue::unresolved(raw);
    };
    let relative = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let part = c.get(3).map(|m| m.as_str().to_ascii_lowercase());
    let year = match c.get(5).and_then(|y| y.as_str().parse::<i16>().ok()) {
        Some(y) => y,
        None => {
            let Some(anchor) = anchor else {
                return TimeValue::unresolved(raw);
            };
            year_of_month(month, anchor, tense == Tense::Future && relative.is_none())
        }
    };
    let v = TimeValue::month(raw, year, month);
    let Ok(first) = Date::new(year, month, 1) else {
        return v;
    };
    let last = first.last_of_month();
    let (mut from, mut to) = match part.as_deref() {
        Some("early") => (first, first + 9.days()),
        Some(p) if p.starts_with("mid") => (first + 10.days(), first + 19.days()),
        Some("late") => (first + 20.days(), last),
        _ => (first, last),
    };
    if let (Some(rel), Some(anchor)) = (relative.as_deref(), anchor) {
        if rel == "earlier" && anchor >= from && anchor <= to {
            to = anchor.yesterday().unwrap_or(anchor).max(from);
        } else if rel == "later" && anchor >= from && anchor <= to {
            from = anchor;
        }
    }
    if (from, to) == (first, last) {
        v
    } else {
        v.with_range(from, to)
    }
}

/// The year of a month named without one: the anchor's, unless that puts the month after the
/// anchor (before it, when `forward`).
fn year_of_month(month: i8, anchor: Date, forward: bool) -> i16 {
    match (forward, month.cmp(&anchor.month())) {
        (false, std::cmp::Ordering::Greater) => anchor.year() - 1,
        (true, std::cmp::Ordering::Less) => anchor.year() + 1,
        _ => anchor.year(),
    }
}

/// `on Monday`, `last Friday`, `next Sunday`: the nearest such day before the anchor, or after it
/// for `next` and the future tense.
fn weekday_phrase(raw: &str, c: &regex::Captures<'_>, anchor: Date, tense: Tense) -> TimeValue {
    let Some(wd) = weekday(&c[2]) else {
        return TimeValue::unresolved(raw);
    };
    let prep = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let back = (anchor.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7)
        as i64;
    let d = match (prep.as_deref(), tense) {
        (Some("next"), _) | (_, Tense::Future) => {
            let fwd = (wd.to_monday_zero_offset() - anchor.weekday().to_monday_zero_offset())
                .rem_euclid(7) as i64;
            anchor + (if fwd == 0 { 7 } else { fwd }).days()
        }
        (Some("last"), _) => anchor - (if back == 0 { 7 } else { back }).days(),
        _ => anchor - back.days(),
    };
    TimeValue::day(raw, d)
}

/// `last week`, `earlier this week`, `this weekend`, `next month`, `last year`.
fn calendar_unit_phrase(raw: &str, c: &regex::Captures<'_>, anchor: Date) -> TimeValue {
    let which = c[1].to_ascii_lowercase();
    let unit = c[2].to_ascii_lowercase();
    let which = which.split_whitespace().collect::<Vec<_>>().join(" ");
    let monday = monday_of(anchor);
    match (which.as_str(), unit.as_str()) {
        ("last", "week") => TimeValue::week(raw, monday - 7.days()),
        ("next", "week") => TimeValue::week(raw, monday + 7.days()),
        ("this", "week") => TimeValue::week(raw, monday).with_range(monday, anchor),
        ("earlier this", "week") => {
            let to = anchor.yesterday().unwrap_or(anchor).max(monday);
            TimeValue::week(raw, monday).with_range(monday, to)
        }
        ("later this", "week") => {
            TimeValue::week(raw, monday).with_range(anchor, monday + 6.days())
        }
        ("earlier last", "week") => TimeValue::week(raw, monday - 7.days()),
        ("last", "weekend") | ("this", "weekend")
            if which == "last" || anchor.weekday() == Weekday::Monday =>
        {
            let sat = monday - 2.days();
            TimeValue::week(raw, monday - 7.days()).with_range(sat, sat + 1.days())
        }
        (_, "weekend") => {
            let sat = monday + 5.days();
            TimeValue::week(raw, monday).with_range(sat, sat + 1.days())
        }
        ("last", "month") => {
            let d = anchor - 1.month();
            TimeValue::month(raw, d.year(), d.month())
        }
        ("next", "month") => {
            let d = anchor + 1.month();
            TimeValue::month(raw, d.year(), d.month())
        }
        (_, "month") => TimeValue::month(raw, anchor.year(), anchor.month()),
        ("last", "year") => TimeValue::year(raw, anchor.year() - 1),
        ("next", "year") => TimeValue::year(raw, anchor.year() + 1),
        (_, "year") => TimeValue::year(raw, anchor.year()),
        _ => TimeValue::unresolved(raw),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_time_told_from_another_moves_it_at_the_unit_s_precision() {
        let monday = resolve_mention("on Monday", Date::new(2025, 7, 26).ok(), Tense::Past);
        assert_eq!(monday.value.as_deref(), Some("2025-07-21"));
        let v = |amount, unit| shifted("x", &monday, amount, unit).and_then(|v| v.value);
        assert_eq!(v(2, Shift::Days).as_deref(), Some("2025-07-23"));
        assert_eq!(v(-1, Shift::Weeks).as_deref(), Some("2025-W29"));
        assert_eq!(v(-1, Shift::Months).as_deref(), Some("2025-06"));
        // No day to count from.
        let july = resolve_mention("in July", Date::new(2025, 7, 26).ok(), Tense::Past);
        assert_eq!(shifted("x", &july, 2, Shift::Days), None);
    }
    use super::*;

    #[test]
    fn iso_dates_open_with_their_year() {
        // What `parse_iso` skips without parsing: nothing of it reads as a date or an instant.
        for text in [
            " 2024-06-01",
            "T2024-06-01",
            "on Monday",
            "June 1, 2024",
            "\u{2009}2024-06-01",
        ] {
            assert!(text.parse::<Timestamp>().is_err(), "{text:?}");
            assert!(text.parse::<jiff::Zoned>().is_err(), "{text:?}");
            assert!(
                text.get(..10).is_none_or(|d| d.parse::<Date>().is_err()),
                "{text:?}"
            );
        }
        assert!(parse_iso("2024-06-01").is_some());
        assert!(parse_iso("2024-06-01T10:00:00Z").is_some());
    }

    fn ts(s: &str) -> Option<Timestamp> {
        Some(s.parse().expect("test timestamp"))
    }
    fn val(v: &TimeValue) -> (&str, Precision) {
        (
            v.value.as_deref().unwrap_or("-"),
            v.precision.unwrap_or(Precision::Year),
        )
    }
    fn d(s: &str) -> Option<Date> {
        Some(s.parse().expect("test date"))
    }

    #[test]
    fn relative_publication_dates() {
        let at = ts("2025-07-21T21:00:00Z");
        let o = DateOrder::DayFirst;
        assert_eq!(
            val(&resolve_published("12 hours ago", at, o)),
            ("2025-07-21T09:00Z", Precision::Hour)
        );
        assert_eq!(
            val(&resolve_published("a day ago", at, o)),
            ("2025-07-20", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("3 days ago", at, o)),
            ("2025-07-18", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("an hour ago", at, o)),
            ("2025-07-21T20:00Z", Precision::Hour)
        );
        assert_eq!(
            val(&resolve_published("yesterday", at, o)),
            ("2025-07-20", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("last week", at, o)),
            ("2025-W29", Precision::Week)
        );
        assert_eq!(
            val(&resolve_published("5 minutes ago", at, o)),
            ("2025-07-21T20:55Z", Precision::Minute)
        );
    }

    /// What pages print around a date: a label, a weekday's abbreviation, a clock time before
    /// it, a zone after it, digits in Arabic script; and the year-first and month-only forms.
    #[test]
    fn a_date_is_read_where_it_opens_in_what_the_page_prints() {
        let at = ts("2025-07-21T21:00:00Z");
        let o = DateOrder::DayFirst;
        for (printed, day) in [
            ("Published: 19 July 2025 - 14:05", "2025-07-19"),
            ("Posted on July 19, 2025 by admin", "2025-07-19"),
            ("Updated July 19, 2025 10:05 AM EDT", "2025-07-19"),
            ("Sat, 19 Jul 2025 12:00:00 GMT", "2025-07-19"),
            ("Sat 19 Jul 2025", "2025-07-19"),
            ("14:05 19/07/2025", "2025-07-19"),
            ("2025/07/19", "2025-07-19"),
            ("٢٠٢٥/٠٧/١٩", "2025-07-19"),
            ("Yesterday at 3:15 PM", "2025-07-20"),
            ("on Monday", "2025-07-21"),
            ("Updated 3 days ago", "2025-07-18"),
        ] {
            let v = resolve_published(printed, at, o);
            assert_eq!(val(&v), (day, Precision::Day), "{printed}");
            assert_eq!(v.raw.as_deref(), Some(printed));
        }
        assert_eq!(
            val(&resolve_published("July 2025", None, o)),
            ("2025-07", Precision::Month)
        );
        // Nothing that opens a date: unresolved, whatever its length.
        let long = "no date here ".repeat(10_000);
        assert_eq!(resolve_published(&long, at, o).value, None);
        assert_eq!(resolve_published("5 min read", at, o).value, None);
    }

    #[test]
    fn relative_without_anchor_stays_raw() {
        let v = resolve_published("12 hours ago", None, DateOrder::DayFirst);
        assert_eq!(v.raw.as_deref(), Some("12 hours ago"));
        assert_eq!(v.value, None);
        assert_eq!(v.precision, None);
    }

    #[test]
    fn absolute_publication_dates() {
        let o = DateOrder::DayFirst;
        assert_eq!(
            val(&resolve_published("01-09-2024", None, o)),
            ("2024-09-01", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published(
                "01-09-2024",
                None,
                DateOrder::MonthFirst
            )),
            ("2024-01-09", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published(
                "26-01-2025",
                None,
                DateOrder::MonthFirst
            )),
            ("2025-01-26", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("Saturday, July 26, 2025", None, o)),
            ("2025-07-26", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("April 24, 2025", None, o)),
            ("2025-04-24", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("24 April 2025", None, o)),
            ("2025-04-24", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("Sept. 3, 2024 10:30 AM", None, o)),
            ("2024-09-03", Precision::Day)
        );
        assert_eq!(
            val(&resolve_published("2025-07-21T09:30:00Z", None, o)),
            ("2025-07-21T09:30Z", Precision::Minute)
        );
        // An offset printed is kept: the day is the publisher's, even past local midnight.
        assert_eq!(
            val(&resolve_published("2025-07-21T12:30:00+03:00", None, o)),
            ("2025-07-21T12:30+03:00", Precision::Minute)
        );
        let after_midnight = resolve_published("2025-07-26T01:30:00+03:00", None, o);
        assert_eq!(after_midnight.start_date(), d("2025-07-26"));
        assert_eq!(
            val(&resolve_published("2017-02-23T17:18:13-08:00", None, o)),
            ("2017-02-23T17:18-08:00", Precision::Minute)
        );
        assert_eq!(
            val(&resolve_published("2025-07-21", None, o)),
            ("2025-07-21", Precision::Day)
        );
        assert_eq!(resolve_published("31-02-2025", None, o).value, None);
        assert_eq!(resolve_published("Hot this week", None, o).value, None);
    }

    #[test]
    fn mentions_in_news_mode() {
        let fri = d("2025-07-25");
        let p = Tense::Past;
        assert_eq!(
            val(&resolve_mention("on Monday", d("2025-07-22"), p)),
            ("2025-07-21", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("on Friday", fri, p)),
            ("2025-07-25", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("on Thursday", fri, p)),
            ("2025-07-24", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("last Friday", fri, p)),
            ("2025-07-18", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("on Monday", fri, Tense::Future)),
            ("2025-07-28", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("In April", fri, p)),
            ("2025-04", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("in September", fri, p)),
            ("2024-09", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("in September", fri, Tense::Future)),
            ("2025-09", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("in September 2026", fri, p)),
            ("2026-09", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("in January 2024", None, p)),
            ("2024-01", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("in 2014", None, p)),
            ("2014", Precision::Year)
        );
        assert_eq!(
            val(&resolve_mention("on May 26", fri, p)),
            ("2025-05-26", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("on April 24, 2025", None, p)),
            ("2025-04-24", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("since October", d("2024-09-01"), p)),
            ("2023-10", Precision::Month)
        );
        let late = resolve_mention("in late July", d("2024-09-01"), p);
        assert_eq!(val(&late), ("2024-07", Precision::Month));
        assert_eq!(late.range, Some(["2024-07-21".into(), "2024-07-31".into()]));
        let earlier = resolve_mention("earlier in July", d("2025-07-21"), p);
        assert_eq!(
            earlier.range,
            Some(["2025-07-01".into(), "2025-07-20".into()])
        );
        let span = resolve_mention("in 2014-2015", None, p);
        assert_eq!(span.range, Some(["2014-01-01".into(), "2015-12-31".into()]));
        assert_eq!(
            val(&resolve_mention("last week", d("2025-04-24"), p)),
            ("2025-W16", Precision::Week)
        );
        assert_eq!(resolve_mention("on Monday", None, p).value, None);
    }

    #[test]
    fn scan_finds_expressions() {
        let found: Vec<String> =
            scan("A security source told L'Orient Today on Monday that the road was hit.")
                .into_iter()
                .map(|f| f.text)
                .collect();
        assert_eq!(found, vec!["on Monday"]);
        let s = "In an interview with the BBC earlier in July, Al-Sudani said the mission will end in September 2026.";
        let found: Vec<_> = scan(s).into_iter().map(|f| f.text).collect();
        assert_eq!(found, vec!["earlier in July", "in September 2026"]);
        let s = "Iraq initiated discussions in January 2024, and the PM met him on Monday and on April 24, 2025.";
        let found: Vec<_> = scan(s).into_iter().map(|f| f.text).collect();
        assert_eq!(
            found,
            vec!["in January 2024", "on Monday", "on April 24, 2025"]
        );
        assert!(scan("The force may continue.").is_empty());
        // A place whose name starts like a month is no month.
        let s = "Gunmen struck in Mayadin, in Marjayoun and in Decatur, then in Jan. 2020 and in June, police said.";
        let found: Vec<_> = scan(s).into_iter().map(|f| f.text).collect();
        assert_eq!(found, vec!["in Jan. 2020", "in June"]);
        let s =
            "During its 2014 assault on Shingal, ISIS abducted 6,417 women in the 2014 World Cup.";
        let found: Vec<_> = scan(s).into_iter().map(|f| f.text).collect();
        assert_eq!(found, vec!["its 2014"]);
        assert_eq!(
            val(&resolve_mention("its 2014", None, Tense::Past)),
            ("2014", Precision::Year)
        );
    }

    #[test]
    fn counted_back_from_the_anchor() {
        let s = "Two days ago, a drone hit a car; a week ago and 3 months ago others did.";
        let found: Vec<_> = scan(s).into_iter().map(|f| f.text).collect();
        assert_eq!(found, vec!["Two days ago", "a week ago", "3 months ago"]);
        let at = d("2022-07-23");
        let p = Tense::Past;
        assert_eq!(
            val(&resolve_mention("Two days ago", at, p)),
            ("2022-07-21", Precision::Day)
        );
        assert_eq!(
            val(&resolve_mention("a week ago", at, p)),
            ("2022-W28", Precision::Week)
        );
        assert_eq!(
            val(&resolve_mention("3 months ago", at, p)),
            ("2022-04", Precision::Month)
        );
        assert_eq!(
            val(&resolve_mention("two years ago", at, p)),
            ("2020", Precision::Year)
        );
        assert_eq!(resolve_mention("two days ago", None, p).value, None);
    }

    #[test]
    fn bounds_and_overlap() {
        let month = resolve_mention("in July", d("2025-07-25"), Tense::Past);
        let day = resolve_mention("on Monday", d("2025-07-25"), Tense::Past);
        assert!(month.overlaps(&day));
        let other = resolve_mention("in September 2025", None, Tense::Past);
        assert!(!other.overlaps(&month));
    }
}
