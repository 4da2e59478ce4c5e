//! The store's tables as a [`Corpus`] for the rebuild: rows streamed in id order, single rows
//! fetched by rowid, and derived rows written as they are produced, all inside the rebuild's
//! transaction.

use crate::{Result, StoreError};
use dateline_core::TimeValue;
use dateline_core::event::{Event, EventMention, EventType};
use dateline_corpus::compact::{Coded, date_from_number, date_number};
use dateline_corpus::{
    ArticleDigest, ArticleKey, Corpus, Fingerprint, MentionStore, Signatures, Story, StoryMember,
};
use rusqlite::{Transaction, params};

pub(crate) struct Tables<'a> {
    tx: &'a Transaction<'a>,
    /// Article rowid by index (id order), and the way back.
    rowid: Vec<i64>,
    index: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'a> Tables<'a> {
    pub(crate) fn new(tx: &'a Transaction<'a>) -> Self {
        Tables {
            tx,
            rowid: Vec::new(),
            index: Vec::new(),
        }
    }

    fn index_of(&self, rowid: i64) -> Option<usize> {
        let i = *self.index.get(usize::try_from(rowid).ok()?)?;
        (i != NONE).then_some(i as usize)
    }

    /// Every mention in id order, with its article's index and its rowid as handle.
    fn each_mention(
        &self,
        visit: &mut dyn FnMut(usize, u64, &EventMention) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT m.rowid, m.id, m.json, a.rowid FROM event_mentions m
             JOIN articles a ON a.id = m.article ORDER BY m.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(article) = self.index_of(r.get(3)?) else {
                continue;
            };
            let m: EventMention =
                json("mention", r.get_ref(1)?.as_str()?, r.get_ref(2)?.as_str()?)?;
            visit(article, r.get::<_, i64>(0)? as u64, &m)?;
        }
        Ok(())
    }

    fn rowid_of(&self, index: usize) -> Result<i64> {
        self.rowid.get(index).copied().ok_or(StoreError::Missing {
            what: "article",
            id: index.to_string(),
        })
    }
}

fn json<T: serde::de::DeserializeOwned>(what: &'static str, id: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        what,
        id: id.to_owned(),
        source,
    })
}

/// Drops the rebuild's scratch tables (`temp.coded`, `temp.joined`): they live on disk in the
/// connection's temp database, for the length of one rebuild.
pub(crate) fn drop_scratch(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch("DROP TABLE IF EXISTS temp.coded; DROP TABLE IF EXISTS temp.joined;")?;
    Ok(())
}

/// The columns of the scratch table `temp.coded` that [`coded`] reads, in its order.
const CODED: &str = "article, handle, kind, rank, start, end, place, actors";

/// An event type as a number: its position in [`EventType::ALL`].
fn kind_number(kind: EventType) -> i64 {
    EventType::ALL
        .iter()
        .position(|&k| k == kind)
        .map_or(-1, |p| p as i64)
}

/// A row of the scratch table `temp.coded` (columns [`CODED`]).
fn coded(r: &rusqlite::Row<'_>) -> Result<Coded> {
    let kind: usize = r.get(2)?;
    let kind = *EventType::ALL.get(kind).ok_or(StoreError::Missing {
        what: "event type",
        id: kind.to_string(),
    })?;
    let date = |i: usize| {
        r.get::<_, Option<i32>>(i)
            .map(|n| n.and_then(date_from_number))
    };
    let actors = r
        .get_ref(7)?
        .as_blob()?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    Ok(Coded {
        article: r.get(0)?,
        handle: r.get::<_, i64>(1)? as u64,
        kind,
        rank: r.get(3)?,
        bounds: date(4)?.zip(date(5)?),
        place: r.get(6)?,
        actors,
    })
}

fn time(id: &str, text: Option<&str>) -> Result<TimeValue> {
    text.map_or(Ok(TimeValue::default()), |t| json("article", id, t))
}

impl Signatures for Tables<'_> {
    type Error = StoreError;

    fn scan(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<()> {
        let mut stmt = self.tx.prepare("SELECT rowid, signature FROM articles")?;
        let mut rows = stmt.query([])?;
        let mut sig = Vec::new();
        while let Some(r) = rows.next()? {
            let Some(i) = self.index_of(r.get(0)?) else {
                continue;
            };
            Fingerprint::decode_signature(r.get_ref(1)?.as_blob()?, &mut sig);
            visit(i, &sig);
        }
        Ok(())
    }

    fn signature(&mut self, index: usize) -> Result<Vec<u32>> {
        let rowid = self.rowid_of(index)?;
        let mut stmt = self
            .tx
            .prepare_cached("SELECT signature FROM articles WHERE rowid = ?1")?;
        let bytes: Vec<u8> = stmt.query_row([rowid], |r| r.get(0))?;
        Ok(Fingerprint::signature_from_bytes(&bytes))
    }
}

impl MentionStore for Tables<'_> {
    type Error = StoreError;

    fn mention(&mut self, handle: u64) -> Result<EventMention> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, json FROM event_mentions WHERE rowid = ?1")?;
        let (id, text): (String, String) =
            stmt.query_row([handle as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        json("mention", &id, &text)
    }

    fn put_event(&mut self, e: &Event) -> Result<()> {
        self.update_event(e)?;
        let mut link = self
            .tx
            .prepare_cached("INSERT INTO event_links (mention, event) VALUES (?1, ?2)")?;
        for m in &e.mentions {
            link.execute(params![m, e.id])?;
        }
        Ok(())
    }

    fn update_event(&mut self, e: &Event) -> Result<()> {
        let text = serde_json::to_string(e).map_err(StoreError::Encode)?;
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO events (id, type, date_start, sources, mentions, conflicts, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                e.id,
                e.event_type.as_str(),
                e.date.start_date().map(|d| d.to_string()),
                e.sources.len() as i64,
                e.mentions.len() as i64,
                e.conflicts.len() as i64,
                text
            ])?;
        Ok(())
    }

    fn event(&mut self, id: &str) -> Result<Option<Event>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT json FROM events WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(r) => Ok(Some(json("event", id, r.get_ref(0)?.as_str()?)?)),
            None => Ok(None),
        }
    }
}

impl Corpus for Tables<'_> {
    fn scan_articles(&mut self, visit: &mut dyn FnMut(ArticleKey)) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT rowid, id, body_hash, shingles, published, json_extract(json, '$.captured'), words
             FROM articles ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        self.rowid.clear();
        while let Some(r) = rows.next()? {
            let rowid: i64 = r.get(0)?;
            let id = r.get_ref(1)?.as_str()?;
            let published: TimeValue = json("article", id, r.get_ref(4)?.as_str()?)?;
            let when = match published.bounds() {
                Some(b) => Some(b),
                None => time(id, r.get_ref(5)?.as_str_or_null()?)?.bounds(),
            };
            visit(ArticleKey {
                words: u32::try_from(r.get::<_, i64>(6)?).unwrap_or(u32::MAX),
                body_hash: r.get::<_, i64>(2)? as u64,
                shingles: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                when,
            });
            self.rowid.push(rowid);
        }
        let max = self.rowid.iter().copied().max().unwrap_or(0).max(0) as usize;
        self.index = vec![NONE; max + 1];
        for (i, &rowid) in self.rowid.iter().enumerate() {
            if let Ok(r) = usize::try_from(rowid) {
                self.index[r] = i as u32;
            }
        }
        Ok(())
    }

    fn digest(&mut self, index: usize) -> Result<ArticleDigest> {
        let rowid = self.rowid_of(index)?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, title, outlet, published, words, body_hash, shingles, signature,
                    json_extract(json, '$.captured') FROM articles WHERE rowid = ?1",
        )?;
        let mut rows = stmt.query([rowid])?;
        let Some(r) = rows.next()? else {
            return Err(StoreError::Missing {
                what: "article",
                id: rowid.to_string(),
            });
        };
        let id: String = r.get(0)?;
        let published = json("article", &id, r.get_ref(3)?.as_str()?)?;
        let captured = time(&id, r.get_ref(8)?.as_str_or_null()?)?;
        Ok(ArticleDigest {
            title: r.get(1)?,
            outlet: r.get(2)?,
            published,
            captured,
            words: u32::try_from(r.get::<_, i64>(4)?).unwrap_or(u32::MAX),
            fingerprint: Fingerprint {
                body_hash: r.get::<_, i64>(5)? as u64,
                shingles: u32::try_from(r.get::<_, i64>(6)?).unwrap_or(0),
                signature: Fingerprint::signature_from_bytes(r.get_ref(7)?.as_blob()?),
            },
            id,
        })
    }

    fn keep_coded(
        &mut self,
        code: &mut dyn FnMut(usize, u64, &EventMention) -> Coded,
    ) -> Result<()> {
        drop_scratch(self.tx)?;
        self.tx.execute_batch(
            "PRAGMA temp.cache_size = -8192;
             CREATE TEMP TABLE coded (
                 article INTEGER NOT NULL,
                 handle  INTEGER NOT NULL,
                 kind    INTEGER NOT NULL,
                 rank    INTEGER NOT NULL,
                 start   INTEGER,
                 end     INTEGER,
                 place   INTEGER NOT NULL,
                 actors  BLOB NOT NULL
             );
             CREATE TEMP TABLE joined (
                 event   INTEGER NOT NULL,
                 handle  INTEGER NOT NULL,
                 article INTEGER NOT NULL
             );
             CREATE INDEX temp.joined_event ON joined(event);",
        )?;
        let mut insert = self.tx.prepare(
            "INSERT INTO temp.coded (article, handle, kind, rank, start, end, place, actors)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        self.each_mention(&mut |article, handle, m| {
            let c = code(article, handle, m);
            let actors: Vec<u8> = c.actors.iter().flat_map(|n| n.to_le_bytes()).collect();
            insert.execute(params![
                c.article,
                c.handle as i64,
                kind_number(c.kind),
                c.rank,
                c.bounds.map(|b| date_number(b.0)),
                c.bounds.map(|b| date_number(b.1)),
                c.place,
                actors
            ])?;
            Ok(())
        })?;
        // Indexed once filled: cheaper than keeping the indexes up to date row by row.
        self.tx.execute_batch(
            "CREATE INDEX temp.coded_kind ON coded(kind, article);
             CREATE INDEX temp.coded_article ON coded(article);
             CREATE INDEX temp.coded_merge ON coded(kind, rank, start);",
        )?;
        Ok(())
    }

    fn scan_coded(&mut self, kind: EventType, visit: &mut dyn FnMut(&Coded)) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED} FROM temp.coded WHERE kind = ?1 ORDER BY article, rowid"
        ))?;
        let mut rows = stmt.query([kind_number(kind)])?;
        while let Some(r) = rows.next()? {
            visit(&coded(r)?);
        }
        Ok(())
    }

    fn coded_of(&mut self, index: usize, out: &mut Vec<Coded>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED} FROM temp.coded WHERE article = ?1 ORDER BY rowid"
        ))?;
        let mut rows = stmt.query([index as i64])?;
        while let Some(r) = rows.next()? {
            out.push(coded(r)?);
        }
        Ok(())
    }

    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED} FROM temp.coded WHERE kind = ?1 ORDER BY rank, start, rowid"
        ))?;
        let mut record = self.tx.prepare_cached(
            "INSERT INTO temp.joined (event, handle, article) VALUES (?1, ?2, ?3)",
        )?;
        let mut rows = stmt.query([kind_number(kind)])?;
        while let Some(r) = rows.next()? {
            let c = coded(r)?;
            let event = visit(&c);
            record.execute(params![event, c.handle as i64, c.article])?;
        }
        Ok(())
    }

    fn members_of(&mut self, event: u32, out: &mut Vec<(u64, u32)>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT handle, article FROM temp.joined WHERE event = ?1 ORDER BY rowid",
        )?;
        let mut rows = stmt.query([event])?;
        while let Some(r) = rows.next()? {
            out.push((r.get::<_, i64>(0)? as u64, r.get(1)?));
        }
        Ok(())
    }

    fn put_story(&mut self, s: &Story, members: usize) -> Result<()> {
        let text = serde_json::to_string(s).map_err(StoreError::Encode)?;
        self.tx
            .prepare_cached(
                "INSERT INTO stories (id, title, fullest, members, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![s.id, s.title, s.fullest, members as i64, text])?;
        Ok(())
    }

    fn put_member(&mut self, story: &str, m: &StoryMember) -> Result<()> {
        let text = serde_json::to_string(m).map_err(StoreError::Encode)?;
        self.tx
            .prepare_cached("INSERT INTO story_members (article, story, json) VALUES (?1, ?2, ?3)")?
            .execute(params![m.article, story, text])?;
        Ok(())
    }
}
