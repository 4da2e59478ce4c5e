//! `dateline report -o timeline.html`: one self-contained page (inline CSS, SVG drawn by inline JS,
//! the data as inline JSON; the page's HTML, CSS and JS are in `assets/`). It makes no network request, so it opens anywhere, offline, and can be
//! mailed as one file.

use crate::query::{Filter, open};
use anyhow::{Context, Result};
use dateline_core::event::{Event, EventMention, EventType, Side};
use dateline_store::{Store, StoredArticle};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Serialize)]
struct Page<'a> {
    types: Vec<(&'static str, &'static str)>,
    events: Vec<Ev<'a>>,
}

#[derive(Serialize)]
struct Ev<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    mode: Option<&'a str>,
    date: Option<&'a str>,
    raw: Option<&'a str>,
    precision: Option<String>,
    start: Option<String>,
    end: Option<String>,
    place: Option<&'a str>,
    country: Option<&'a str>,
    actors: Vec<Actor<'a>>,
    sources: &'a [String],
    counts: &'a dateline_core::event::Counts,
    conflicts: &'a [dateline_core::event::Conflict],
    /// All of them; `mentions` holds the first [`EVIDENCE_SHOWN`].
    mention_count: usize,
    mentions: Vec<Mention>,
}

/// Evidence sentences embedded per event: a corpus of 100,000 captures reports some events
/// thousands of times, and a page must stay small enough to open.
const EVIDENCE_SHOWN: usize = 20;

#[derive(Serialize)]
struct Actor<'a> {
    name: &'a str,
    side: &'static str,
}

#[derive(Serialize)]
struct Mention {
    id: String,
    outlet: String,
    title: String,
    capture: String,
    date: String,
    sentence: String,
}

/// One colour per PLOVER type, from a palette that stays apart for colour-blind readers where it
/// can; the families (cooperation, verbal conflict, material conflict) share hues.
const COLOURS: [(EventType, &str); 16] = [
    (EventType::Agree, "#1b9e77"),
    (EventType::Consult, "#66a61e"),
    (EventType::Support, "#2ca25f"),
    (EventType::Concede, "#99d8c9"),
    (EventType::Cooperate, "#0571b0"),
    (EventType::Aid, "#74a9cf"),
    (EventType::Retreat, "#7570b3"),
    (EventType::Request, "#a6761d"),
    (EventType::Accuse, "#e6ab02"),
    (EventType::Reject, "#d95f02"),
    (EventType::Threaten, "#e7298a"),
    (EventType::Protest, "#c994c7"),
    (EventType::Sanction, "#8c6bb1"),
    (EventType::Mobilize, "#fb6a4a"),
    (EventType::Coerce, "#cb181d"),
    (EventType::Assault, "#67000d"),
];

pub fn write(db: &Path, out: &Path, filter: &Filter) -> Result<usize> {
    let store = open(db)?;
    let events: Vec<Event> = store
        .events()?
        .into_iter()
        .filter(|e| filter.event(e))
        .collect();
    let evidence = Evidence::read(&store, &events)?;
    let page = Page {
        types: COLOURS.iter().map(|(t, c)| (t.as_str(), *c)).collect(),
        events: events.iter().map(|e| evidence.event(e)).collect(),
    };
    // `<` escaped so no string in the data can close the script element.
    let json = serde_json::to_string(&page)?.replace('<', "\\u003c");
    let html = template().replace("/*DATA*/", &json);
    std::fs::write(out, html).with_context(|| format!("writing {}", out.display()))?;
    Ok(events.len())
}

/// The mentions each drawn event shows, and the articles they cite.
struct Evidence {
    mentions: HashMap<String, Vec<EventMention>>,
    articles: HashMap<String, StoredArticle>,
}

impl Evidence {
    /// Only the articles the drawn events cite, each read once.
    fn read(store: &Store, events: &[Event]) -> Result<Self> {
        let mut mentions = HashMap::new();
        let mut articles = HashMap::new();
        for e in events {
            let ms = store.some_mentions_of(&e.id, EVIDENCE_SHOWN)?;
            for m in &ms {
                if !articles.contains_key(&m.article)
                    && let Some(a) = store.article(&m.article)?
                {
                    articles.insert(m.article.clone(), a);
                }
            }
            mentions.insert(e.id.clone(), ms);
        }
        Ok(Evidence { mentions, articles })
    }

    /// An event as the page's data holds it.
    fn event<'a>(&self, e: &'a Event) -> Ev<'a> {
        let bounds = e.date.bounds();
        Ev {
            id: &e.id,
            event_type: e.event_type.as_str(),
            mode: e.mode.as_deref(),
            date: e.date.value.as_deref(),
            raw: e.date.raw.as_deref(),
            precision: e.date.precision.map(|p| format!("{p:?}").to_lowercase()),
            start: bounds.map(|(a, _)| a.to_string()),
            end: bounds.map(|(_, b)| b.to_string()),
            place: e.place.as_ref().map(|p| p.name.as_str()),
            country: e.place.as_ref().and_then(|p| p.country.as_deref()),
            actors: e
                .actors
                .iter()
                .map(|a| Actor {
                    name: &a.name,
                    side: side_name(a.side),
                })
                .collect(),
            sources: &e.sources,
            counts: &e.counts,
            conflicts: &e.conflicts,
            mention_count: e.mentions.len(),
            mentions: self
                .mentions
                .get(&e.id)
                .map(|ms| ms.iter().map(|m| self.mention(m)).collect())
                .unwrap_or_default(),
        }
    }

    /// A mention with its outlet (its own, else its article's) and its article's title.
    fn mention(&self, m: &EventMention) -> Mention {
        let a = self.articles.get(&m.article);
        Mention {
            id: m.id.clone(),
            outlet: m
                .outlet
                .clone()
                .or_else(|| a.and_then(|a| a.outlet().map(str::to_owned)))
                .unwrap_or_else(|| "unknown outlet".into()),
            title: a.map(|a| a.article.title.clone()).unwrap_or_default(),
            capture: m.capture.clone(),
            date: m.date.value.clone().unwrap_or_default(),
            sentence: m.evidence.sentence.clone(),
        }
    }
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Source => "source",
        Side::Target => "target",
        Side::Participant => "participant",
    }
}

/// The page around the data: kept in `assets/` as plain HTML, CSS and JavaScript, so each reads
/// (and is edited) in its own language, and put together into one self-contained page.
fn template() -> String {
    include_str!("../assets/report.html")
        .replacen(
            "/* report.css */\n",
            include_str!("../assets/report.css"),
            1,
        )
        .replacen("// report.js\n", include_str!("../assets/report.js"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The style and the script land inside their elements, and the data has one place to go.
    #[test]
    fn the_page_holds_its_style_script_and_one_data_slot() {
        let page = template();
        assert!(page.contains("<style>\n  :root {"));
        assert!(page.contains("#conflicts { padding: 0 20px; }\n</style>"));
        assert!(page.contains("<script>\n\"use strict\";"));
        assert!(page.contains("if (e) select(e);\n}\n</script>\n</body>"));
        assert_eq!(page.matches("/*DATA*/").count(), 1);
        assert!(!page.contains("/* report.css */") && !page.contains("// report.js"));
    }
}
