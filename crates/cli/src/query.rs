//! `dateline articles | stories | events | show | timeline`: reading the store back.

use anyhow::{Context, Result, bail};
use dateline_core::TimeValue;
use dateline_core::event::{Event, EventMention, EventType};
use dateline_store::{Store, StoredArticle};
use jiff::civil::Date;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}

impl Format {
    /// A table for people at a terminal, JSON Lines for programs reading a pipe.
    pub fn resolve(chosen: Option<Format>) -> Format {
        chosen.unwrap_or(if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// Inclusive day bounds given on the command line as `2025`, `2025-07` or `2025-07-21`.
#[derive(Debug, Clone, Copy)]
pub struct Day(Date, Date);

impl std::str::FromStr for Day {
    type Err = String;
    fn from_str(s: &str) -> Result<Day, String> {
        let bad = || format!("{s:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i16>().ok());
        match parts.len() {
            1 => {
                let y = num(0).ok_or_else(bad)?;
                let a = Date::new(y, 1, 1).map_err(|_| bad())?;
                Ok(Day(a, a.last_of_year()))
            }
            2 => {
                let (y, m) = (num(0).ok_or_else(bad)?, num(1).ok_or_else(bad)?);
                let a = Date::new(y, i8::try_from(m).map_err(|_| bad())?, 1).map_err(|_| bad())?;
                Ok(Day(a, a.last_of_month()))
            }
            3 => {
                let d: Date = s.trim().parse().map_err(|_| bad())?;
                Ok(Day(d, d))
            }
            _ => Err(bad()),
        }
    }
}

/// The filters every listing accepts. Text filters match a part of the name, ignoring case.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Filter {
    /// Events with an actor whose canonical name contains this.
    #[arg(long, value_parser = non_empty)]
    pub actor: Option<String>,
    /// PLOVER event type (ASSAULT, CONSULT, …).
    #[arg(long = "type")]
    pub event_type: Option<EventType>,
    /// Events whose place (name, region or country code) contains this.
    #[arg(long, value_parser = non_empty)]
    pub place: Option<String>,
    /// On or after this day, month or year (events: their date; articles and stories: publication).
    #[arg(long)]
    pub since: Option<Day>,
    /// On or before this day, month or year.
    #[arg(long)]
    pub until: Option<Day>,
    /// Reported by (events) or published by (articles, stories) an outlet whose name contains this.
    #[arg(long, value_parser = non_empty)]
    pub outlet: Option<String>,
    /// Events whose confidence (0–1) is at least this. The default keeps precision high; 0
    /// shows every coded event.
    #[arg(long, default_value_t = dateline_events::DEFAULT_MIN_CONFIDENCE)]
    pub min_confidence: f32,
}

/// An empty text filter would match everything for one option and only "has some value" for
/// another; neither is what a user meant, so it is refused.
fn non_empty(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err(
            "an empty filter matches nothing in particular; leave the option out to list all"
                .into(),
        )
    } else {
        Ok(s.to_owned())
    }
}

fn has(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

impl Filter {
    fn dates(&self, t: &TimeValue) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some((a, b)) = t.bounds() else {
            return false;
        };
        self.since.is_none_or(|Day(s, _)| b >= s) && self.until.is_none_or(|Day(_, u)| a <= u)
    }

    fn content_filters(&self) -> bool {
        self.actor.is_some() || self.event_type.is_some() || self.place.is_some()
    }

    /// Type, actor and place: the filters that are about what happened.
    fn what(
        &self,
        t: EventType,
        actors: &[dateline_core::event::ActorRef],
        place: Option<&dateline_core::event::Place>,
    ) -> bool {
        self.event_type.is_none_or(|x| x == t)
            && self.actor.as_deref().is_none_or(|n| {
                actors
                    .iter()
                    .any(|a| has(&a.name, n) || a.text.as_deref().is_some_and(|t| has(t, n)))
            })
            && self.place.as_deref().is_none_or(|n| {
                place.is_some_and(|p| {
                    has(&p.name, n)
                        || p.admin1.as_deref().is_some_and(|x| has(x, n))
                        || p.country.as_deref().is_some_and(|x| has(x, n))
                })
            })
    }

    pub fn event(&self, e: &Event) -> bool {
        e.confidence >= self.min_confidence
            && self.what(e.event_type, &e.actors, e.place.as_ref())
            && self.dates(&e.date)
            && self
                .outlet
                .as_deref()
                .is_none_or(|o| e.sources.iter().any(|s| has(s, o)))
    }

    fn mention(&self, m: &EventMention) -> bool {
        self.what(m.event_type, &m.actors, m.place.as_ref())
    }

    /// Outlet and dates; the content filters are checked on the article's mentions.
    fn article(&self, a: &StoredArticle) -> bool {
        self.outlet
            .as_deref()
            .is_none_or(|o| a.outlet().is_some_and(|x| has(x, o)))
            && self.dates(a.published())
    }
}

pub fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "{}: no such database (run `dateline ingest --db {} PATH…` first)",
            db.display(),
            db.display()
        );
    }
    let store = Store::open_read_only(db).with_context(|| format!("opening {}", db.display()))?;
    // Stories, events and each article's story are derived at the end of an ingest: after an
    // interrupted one they are missing or describe an older corpus, and an answer from them would
    // look complete while it is not.
    if store
        .is_stale()
        .with_context(|| format!("reading {}", db.display()))?
    {
        bail!(
            "{}: stories and events are out of date: an ingest into this database was interrupted \
             (or is still running). Rerun `dateline ingest --db {} PATH…` with the same captures \
             to finish it, then query again",
            db.display(),
            db.display()
        );
    }
    Ok(store)
}

/// Whether a mention of one of `articles` passes the content filters (true when none is set).
/// Mentions are read article by article, only when a filter needs them: listing a corpus never
/// loads every mention.
fn has_matching_mention<'a>(
    store: &Store,
    filter: &Filter,
    articles: impl IntoIterator<Item = &'a str>,
) -> Result<bool> {
    if !filter.content_filters() {
        return Ok(true);
    }
    for article in articles {
        if store
            .mentions_in(article)?
            .iter()
            .any(|m| filter.mention(m))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Rows a table holds to size its columns. Later rows are written as they come, each cell cut to
/// its column's width, so a listing of any length starts at once and holds this many rows at most.
const TABLE_SAMPLE: usize = 200;

/// The last column of a table is cut to this many characters.
const LAST_COLUMN: usize = 90;

/// Writes rows as an aligned table, JSON Lines or CSV.
struct Out<W: Write> {
    w: W,
    format: Format,
    header: Vec<&'static str>,
    /// Table rows held until the columns are sized, then the widths.
    sample: Vec<Vec<String>>,
    widths: Option<Vec<usize>>,
    count: usize,
}

impl Out<std::io::BufWriter<std::io::StdoutLock<'static>>> {
    /// A listing on standard output, in `format` or the one that suits where stdout goes.
    fn stdout(format: Option<Format>, header: Vec<&'static str>) -> Result<Self> {
        let w = std::io::BufWriter::new(std::io::stdout().lock());
        Out::new(w, Format::resolve(format), header)
    }
}

impl<W: Write> Out<W> {
    fn new(w: W, format: Format, header: Vec<&'static str>) -> Result<Self> {
        let mut out = Out {
            w,
            format,
            header,
            sample: Vec::new(),
            widths: None,
            count: 0,
        };
        if format == Format::Csv {
            let line = csv_line(out.header.iter().map(|s| s.to_string()));
            writeln!(out.w, "{line}")?;
        }
        Ok(out)
    }

    fn row(&mut self, cells: Vec<String>, json: &impl Serialize) -> Result<()> {
        self.count += 1;
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.w, json)?;
                writeln!(self.w)?;
            }
            Format::Csv => writeln!(self.w, "{}", csv_line(cells.into_iter()))?,
            Format::Table => {
                let cells: Vec<String> = cells.iter().map(|c| terminal(c)).collect();
                match &self.widths {
                    Some(widths) => writeln!(self.w, "{}", table_line(&cells, widths))?,
                    None => {
                        self.sample.push(cells);
                        if self.sample.len() == TABLE_SAMPLE {
                            self.write_sample()?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Sizes the columns on the header and the rows held, and writes them.
    fn write_sample(&mut self) -> Result<()> {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for r in &self.sample {
            for (i, c) in r.iter().enumerate().take(n - 1) {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let header: Vec<String> = self.header.iter().map(|s| s.to_string()).collect();
        writeln!(self.w, "{}", table_line(&header, &widths))?;
        for r in std::mem::take(&mut self.sample) {
            writeln!(self.w, "{}", table_line(&r, &widths))?;
        }
        self.widths = Some(widths);
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.format == Format::Table {
            if self.widths.is_none() {
                self.write_sample()?;
            }
            writeln!(self.w, "({} rows)", self.count)?;
        }
        self.w.flush()?;
        Ok(())
    }
}

/// One table row: every column but the last padded (or cut) to its width, the last cut to
/// [`LAST_COLUMN`].
fn table_line(cells: &[String], widths: &[usize]) -> String {
    let n = widths.len();
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| match widths.get(i) {
            Some(&w) if i + 1 < n => format!("{:<w$}", clip(c, w)),
            _ => clip(c, LAST_COLUMN),
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// A field as a terminal may show it: a page's text must not move the cursor, retitle the window
/// or ring the bell (ESC, BEL and the other C0/C1 controls are written as `\u{1b}`), nor break a
/// table row (line breaks and tabs become spaces). JSON and CSV keep the text as it is.
pub fn terminal(s: &str) -> String {
    if !s
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ')
            }
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max || max == 0 {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn csv_line(cells: impl Iterator<Item = String>) -> String {
    cells
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub fn date_text(t: &TimeValue) -> String {
    t.value.clone().unwrap_or_else(|| "-".into())
}

#[derive(Serialize)]
struct ArticleLine<'a> {
    #[serde(flatten)]
    article: &'a dateline_core::Article,
    story: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<&'a str>,
    /// Fields taken from a copy in the same story, with the copy's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    inferred_outlet: Option<&'a dateline_corpus::Inferred<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    inferred_published: Option<&'a dateline_corpus::Inferred<TimeValue>>,
}

pub fn articles(db: &Path, filter: &Filter, format: Option<Format>) -> Result<()> {
    let store = open(db)?;
    let mut out = Out::stdout(
        format,
        vec![
            "id",
            "published",
            "outlet",
            "words",
            "story",
            "relation",
            "title",
        ],
    )?;
    store.for_each_article(|a| -> Result<()> {
        if !filter.article(&a) || !has_matching_mention(&store, filter, [a.article.id.as_str()])? {
            return Ok(());
        }
        let member = a.member.as_ref();
        let inferred = |yes: bool| if yes { "*" } else { "" };
        let cells = vec![
            a.article.id.clone(),
            format!(
                "{}{}",
                date_text(a.published()),
                inferred(member.is_some_and(|m| m.inferred_published.is_some()))
            ),
            format!(
                "{}{}",
                a.outlet().unwrap_or("-"),
                inferred(member.is_some_and(|m| m.inferred_outlet.is_some()))
            ),
            a.article.word_count().to_string(),
            a.story.clone().unwrap_or_default(),
            member.map_or("", |m| m.relation.as_str()).to_owned(),
            if a.article.title.is_empty() {
                "(no title)".into()
            } else {
                a.article.title.clone()
            },
        ];
        let line = ArticleLine {
            article: &a.article,
            story: a.story.as_deref(),
            relation: member.map(|m| m.relation.as_str()),
            copy_of: member.and_then(|m| m.copy_of.as_deref()),
            inferred_outlet: member.and_then(|m| m.inferred_outlet.as_ref()),
            inferred_published: member.and_then(|m| m.inferred_published.as_ref()),
        };
        out.row(cells, &line)
    })?;
    out.finish()
}

pub fn stories(db: &Path, filter: &Filter, format: Option<Format>) -> Result<()> {
    let store = open(db)?;
    let mut out = Out::stdout(
        format,
        vec!["id", "earliest", "members", "outlets", "title"],
    )?;
    store.for_each_story(|s| -> Result<()> {
        let earliest = s
            .earliest
            .as_ref()
            .map(|e| e.value.clone())
            .unwrap_or_default();
        let ok = filter
            .outlet
            .as_deref()
            .is_none_or(|o| s.outlets.iter().any(|x| has(x, o)))
            && filter.dates(&earliest)
            && has_matching_mention(&store, filter, s.members.iter().map(|m| m.article.as_str()))?;
        if !ok {
            return Ok(());
        }
        let cells = vec![
            s.id.clone(),
            date_text(&earliest),
            s.members.len().to_string(),
            s.outlets.join("; "),
            s.title.clone(),
        ];
        out.row(cells, &s)
    })?;
    out.finish()
}

fn actors_text(e: &Event) -> String {
    e.actors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn events(db: &Path, filter: &Filter, format: Option<Format>) -> Result<()> {
    let store = open(db)?;
    let mut out = Out::stdout(
        format,
        vec![
            "id",
            "date",
            "precision",
            "type",
            "confidence",
            "sources",
            "mentions",
            "conflicts",
            "place",
            "actors",
        ],
    )?;
    for e in store.events()?.iter().filter(|e| filter.event(e)) {
        let cells = vec![
            e.id.clone(),
            date_text(&e.date),
            e.date
                .precision
                .map_or("-".into(), |p| format!("{p:?}").to_lowercase()),
            e.event_type.to_string(),
            format!("{:.2}", e.confidence),
            e.sources.len().to_string(),
            e.mentions.len().to_string(),
            e.conflicts
                .iter()
                .map(|c| c.field.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            e.place.as_ref().map_or(String::new(), |p| p.name.clone()),
            actors_text(e),
        ];
        out.row(cells, e)?;
    }
    out.finish()
}

pub fn show(db: &Path, id: &str) -> Result<()> {
    let store = open(db)?;
    let Some(e) = store.event(id)? else {
        bail!(
            "no event {id:?} in {} (list them with `dateline events`)",
            db.display()
        );
    };
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    write_event(&mut w, &e)?;
    writeln!(w)?;
    for m in store.mentions_of(&e.id)? {
        write_mention(&mut w, &store, &m)?;
    }
    w.flush()?;
    Ok(())
}

/// The event's own fields, then each conflict with the outlets behind every value.
fn write_event(w: &mut impl Write, e: &Event) -> Result<()> {
    let t = terminal;
    writeln!(
        w,
        "{}  {}  {}",
        t(&e.id),
        e.event_type,
        t(&date_text(&e.date))
    )?;
    if let Some(m) = &e.mode {
        writeln!(w, "mode:    {}", t(&m.to_string()))?;
    }
    if let Some(p) = &e.place {
        writeln!(
            w,
            "place:   {}{}",
            t(&p.name),
            p.country
                .as_deref()
                .map(|c| format!(" ({})", t(c)))
                .unwrap_or_default()
        )?;
    }
    for a in &e.actors {
        writeln!(w, "actor:   {} [{:?}]", t(&a.name), a.side)?;
    }
    if !e.counts.is_empty() {
        writeln!(w, "counts:  {}", serde_json::to_string(&e.counts)?)?;
    }
    writeln!(
        w,
        "sources: {} ({})",
        e.sources.len(),
        t(&e.sources.join(", "))
    )?;
    for c in &e.conflicts {
        writeln!(w, "CONFLICT on {}:", t(&c.field))?;
        for v in &c.values {
            writeln!(
                w,
                "  {}  — {}",
                t(&v.value.to_string()),
                t(&v.outlets.join(", "))
            )?;
        }
    }
    Ok(())
}

/// One mention: who reported it where, its date, and its evidence sentence.
fn write_mention(w: &mut impl Write, store: &Store, m: &EventMention) -> Result<()> {
    let t = terminal;
    let a = store.article(&m.article)?;
    let a = a.as_ref();
    let outlet = m
        .outlet
        .as_deref()
        .or_else(|| a.and_then(|a| a.outlet()))
        .unwrap_or("unknown outlet");
    let title = a.map_or("", |a| a.article.title.as_str());
    writeln!(
        w,
        "{} — {} — {} [{}]",
        t(&m.id),
        t(outlet),
        if title.is_empty() {
            "(no title)".to_owned()
        } else {
            t(title)
        },
        t(&m.capture)
    )?;
    writeln!(
        w,
        "  date: {} ({})",
        t(&date_text(&m.date)),
        t(m.date.raw.as_deref().unwrap_or("no time expression"))
    )?;
    writeln!(w, "  \u{201c}{}\u{201d}", t(&m.evidence.sentence))?;
    Ok(())
}

/// ANSI colour per PLOVER type family: cooperation green, verbal conflict yellow, material red.
fn colour(t: EventType) -> &'static str {
    use EventType::*;
    match t {
        Agree | Consult | Support | Concede | Cooperate | Aid => "\x1b[32m",
        Retreat | Request => "\x1b[36m",
        Accuse | Reject | Threaten | Protest | Sanction => "\x1b[33m",
        Mobilize | Coerce | Assault => "\x1b[31m",
    }
}

pub fn timeline(db: &Path, filter: &Filter) -> Result<()> {
    let store = open(db)?;
    let tty = std::io::stdout().is_terminal();
    let c = |t| {
        if tty {
            (colour(t), "\x1b[1m", "\x1b[0m")
        } else {
            ("", "", "")
        }
    };
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let events: Vec<Event> = store
        .events()?
        .into_iter()
        .filter(|e| filter.event(e))
        .collect();
    let mut last_month = String::new();
    let mut undated = 0usize;
    for e in &events {
        let Some(start) = e.date.start_date() else {
            undated += 1;
            continue;
        };
        let month = format!("{:04}-{:02}", start.year(), start.month());
        if month != last_month {
            let (_, b, r) = c(e.event_type);
            writeln!(w, "{b}{month}{r}")?;
            last_month = month;
        }
        let (col, _, r) = c(e.event_type);
        let dots = "●".repeat(e.sources.len().clamp(1, 8));
        let warn = if e.conflicts.is_empty() {
            String::new()
        } else {
            format!(
                "  ⚠ {}",
                e.conflicts
                    .iter()
                    .map(|c| c.field.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        writeln!(
            w,
            "  │ {:<10} {col}{:<9}{r} {:<8} {}  [{}]{}",
            terminal(&date_text(&e.date)),
            e.event_type.as_str(),
            dots,
            clip(&terminal(&actors_text(e)), 70),
            terminal(&e.id),
            terminal(&warn)
        )?;
    }
    if undated > 0 {
        writeln!(
            w,
            "({undated} undated events not shown; `dateline events` lists them)"
        )?;
    }
    if events.is_empty() {
        writeln!(w, "(no events)")?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's text cannot drive the terminal or break a row; plain text passes unchanged.
    #[test]
    fn table_cells_escape_control_characters_and_line_breaks() {
        assert_eq!(terminal("Basra, بغداد"), "Basra, بغداد");
        assert_eq!(
            terminal("x \u{1b}]0;pwned\u{7}\u{9b}2J"),
            "x \\u{1b}]0;pwned\\u{7}\\u{9b}2J"
        );
        assert_eq!(terminal("one\ntwo\r\nthree\tfour"), "one two  three four");
        let mut buf = Vec::new();
        let mut out = Out::new(&mut buf, Format::Table, vec!["id", "title"]).expect("out");
        out.row(vec!["a\u{1b}[2J".into(), "first\nsecond".into()], &"a")
            .expect("row");
        out.finish().expect("finish");
        let text = String::from_utf8(buf).expect("utf-8");
        assert_eq!(
            text,
            "id          title\na\\u{1b}[2J  first second\n(1 rows)\n"
        );
    }

    /// A long table streams after its first rows: columns keep the widths those rows gave, a
    /// longer cell later is cut to fit, and the count covers every row.
    #[test]
    fn a_long_table_streams_with_the_widths_of_its_first_rows() {
        let mut buf = Vec::new();
        let mut out = Out::new(&mut buf, Format::Table, vec!["id", "title"]).expect("out");
        let rows = TABLE_SAMPLE + 50;
        for i in 0..rows {
            let id = if i == rows - 1 {
                "a-much-longer-identifier".to_owned()
            } else {
                format!("a{i:03}")
            };
            out.row(vec![id.clone(), format!("title {i}")], &id)
                .expect("row");
        }
        out.finish().expect("finish");
        let text = String::from_utf8(buf).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), rows + 2, "header, rows, count");
        assert_eq!(lines[0], "id    title");
        assert_eq!(lines[1], "a000  title 0");
        assert_eq!(lines[rows], "a-m…  title 249");
        assert_eq!(lines[rows + 1], format!("({rows} rows)"));
        let column = |l: &str| l.find("title").map(|at| l[..at].chars().count());
        assert!(
            lines[1..=rows].iter().all(|l| column(l) == Some(6)),
            "every title starts in one column"
        );
    }
}
