//! The store's tables as a [`dateline_corpus::Corpus`] for the rebuild, one port per pass: rows
//! streamed in id order, single rows fetched by rowid, and derived rows written as they are
//! produced, all inside the rebuild's transaction. The rebuild's rows are kept as they are; the
//! encodings here (dates as `yyyymmdd` numbers, number lists as blobs, event types by position)
//! are the scratch tables' own.

use crate::{Result, StoreError};
use dateline_core::TimeValue;
use dateline_core::event::{Event, EventType};
use dateline_corpus::Fingerprint;
use dateline_corpus::port::{
    CodeMention, CompactStore, ConflictStore, LinkStore, MentionStore, MergeStore, Storage,
    StoryStore,
};
use dateline_corpus::rows::{
    ArticleDigest, ArticleKey, Claimed, Coded, CodedActor, EventSummary, Grouping, Member,
    MentionFacts, Statement, StatementKind, Story, StoryMember, StoryRow, When,
};
use jiff::civil::Date;
use rusqlite::{OptionalExtension, Transaction, params};

pub(crate) struct Tables<'a> {
    tx: &'a Transaction<'a>,
}

impl<'a> Tables<'a> {
    pub(crate) fn new(tx: &'a Transaction<'a>) -> Self {
        Tables { tx }
    }

    /// What the first pass reads of every mention, in id order, with its article's index and its
    /// rowid as handle. Only those fields are decoded, from the row's text as SQLite holds it.
    fn each_mention(
        &self,
        visit: &mut dyn FnMut(usize, u64, &MentionFacts) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare(
            "SELECT m.rowid, m.id, m.json, k.idx FROM event_mentions m
             JOIN articles a ON a.id = m.article JOIN temp.keys k ON k.article = a.rowid
             ORDER BY m.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let m: MentionFacts =
                json("mention", r.get_ref(1)?.as_str()?, r.get_ref(2)?.as_str()?)?;
            visit(r.get(3)?, r.get::<_, i64>(0)? as u64, &m)?;
        }
        Ok(())
    }
}

/// The error for an article index the key table does not have.
fn missing_article(index: usize) -> StoreError {
    StoreError::Missing {
        what: "article",
        id: index.to_string(),
    }
}

/// A date as an integer that sorts like it (`yyyymmdd`), for a scratch table's date column.
fn date_number(d: Date) -> i32 {
    i32::from(d.year()) * 10_000 + i32::from(d.month()) * 100 + i32::from(d.day())
}

/// The date of a [`date_number`]; `None` for a number no date gives.
fn date_from_number(n: i32) -> Option<Date> {
    let year = i16::try_from(n.div_euclid(10_000)).ok()?;
    let month = i8::try_from(n.rem_euclid(10_000) / 100).ok()?;
    let day = i8::try_from(n.rem_euclid(100)).ok()?;
    Date::new(year, month, day).ok()
}

/// Bounds stored as two [`date_number`] columns, read back.
fn bounds(r: &rusqlite::Row<'_>, at: usize) -> Result<Option<(Date, Date)>> {
    let date = |i: usize| {
        r.get::<_, Option<i32>>(i)
            .map(|n| n.and_then(date_from_number))
    };
    Ok(date(at)?.zip(date(at + 1)?))
}

fn json<T: serde::de::DeserializeOwned>(what: &'static str, id: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|source| StoreError::Corrupt {
        what,
        id: id.to_owned(),
        source,
    })
}

/// The rebuild's scratch tables, in SQLite's temp database (on disk, with one fixed cache) for
/// the length of one rebuild. Indexes that serve a later pass are built when their table is full.
const SCRATCH: &str = "
    PRAGMA temp.cache_size = -8192;
    -- Articles by index (id order): linking keys, then copy group and story roots.
    CREATE TEMP TABLE keys (
        idx       INTEGER PRIMARY KEY,
        article   INTEGER NOT NULL,
        words     INTEGER NOT NULL,
        body_hash INTEGER NOT NULL,
        shingles  INTEGER NOT NULL,
        start     INTEGER,
        end       INTEGER,
        copies    INTEGER,
        story     INTEGER
    );
    -- One coded row per mention (`id`, the rowid, in the order kept), and the event each joined.
    CREATE TEMP TABLE coded (
        id      INTEGER PRIMARY KEY,
        article INTEGER NOT NULL,
        handle  INTEGER NOT NULL,
        kind    INTEGER NOT NULL,
        rank    INTEGER NOT NULL,
        start   INTEGER,
        end     INTEGER,
        place   INTEGER,
        actors  BLOB NOT NULL
    );
    CREATE TEMP TABLE joined (
        event   INTEGER NOT NULL,
        handle  INTEGER NOT NULL,
        article INTEGER NOT NULL
    );
    CREATE INDEX temp.joined_event ON joined(event);
    -- Conflict statements, their key words, and their connected group's root.
    CREATE TEMP TABLE statements (
        id         INTEGER PRIMARY KEY,
        kind       INTEGER NOT NULL,
        article    INTEGER NOT NULL,
        handle     INTEGER NOT NULL,
        names      BLOB NOT NULL,
        key        BLOB NOT NULL,
        time_key   INTEGER,
        time_label INTEGER,
        start      INTEGER,
        end        INTEGER,
        negative   INTEGER NOT NULL,
        claim      INTEGER,
        root       INTEGER
    );
    CREATE TEMP TABLE statement_words (
        kind INTEGER NOT NULL,
        word INTEGER NOT NULL,
        id   INTEGER NOT NULL
    );
    -- What the story-date conflict pass reads of each written event, and its stories.
    CREATE TEMP TABLE summaries (
        number  INTEGER PRIMARY KEY,
        id      TEXT NOT NULL,
        kind    INTEGER NOT NULL,
        start   INTEGER,
        end     INTEGER,
        sources BLOB NOT NULL,
        targets BLOB NOT NULL,
        stories BLOB NOT NULL
    );
    CREATE TEMP TABLE event_stories (
        story INTEGER NOT NULL,
        event INTEGER NOT NULL
    );
    CREATE INDEX temp.event_stories_story ON event_stories(story, event);
";

/// The tables [`SCRATCH`] creates.
const SCRATCH_TABLES: &[&str] = &[
    "keys",
    "coded",
    "joined",
    "statements",
    "statement_words",
    "summaries",
    "event_stories",
];

/// Drops the rebuild's scratch tables ([`SCRATCH`]).
pub(crate) fn drop_scratch(tx: &Transaction<'_>) -> Result<()> {
    for t in SCRATCH_TABLES {
        tx.execute_batch(&format!("DROP TABLE IF EXISTS temp.{t};"))?;
    }
    Ok(())
}

/// The columns of the scratch table `temp.coded` that [`coded`] reads, in its order.
const CODED: &str = "c.article, c.handle, c.kind, c.rank, c.start, c.end, c.place, c.actors";

/// An event type as a number: its position in [`EventType::ALL`].
fn kind_number(kind: EventType) -> i64 {
    EventType::ALL
        .iter()
        .position(|&k| k == kind)
        .map_or(-1, |p| p as i64)
}

/// Numbers as a blob of little-endian `u32`s, and back.
fn blob(ns: impl IntoIterator<Item = u32>) -> Vec<u8> {
    ns.into_iter().flat_map(u32::to_le_bytes).collect()
}

fn numbers(r: &rusqlite::Row<'_>, at: usize) -> Result<Vec<u32>> {
    Ok(r.get_ref(at)?
        .as_blob()?
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

/// A statement kind as a number.
fn statement_number(kind: StatementKind) -> i64 {
    match kind {
        StatementKind::Date => 0,
        StatementKind::Claim => 1,
    }
}

/// The columns of the scratch table `temp.statements` (as `s`) that [`statement`] reads, in its
/// order.
const STATEMENT: &str = "s.id, s.article, s.handle, s.names, s.key, s.time_key, s.time_label, \
                         s.start, s.end, s.negative, s.claim";

/// A row of `temp.statements` (columns [`STATEMENT`]); its event is not read.
fn statement(r: &rusqlite::Row<'_>) -> Result<Statement> {
    let time = match (r.get::<_, Option<u32>>(5)?, bounds(r, 7)?) {
        (Some(key), Some(bounds)) => Some(Claimed {
            key,
            label: r.get(6)?,
            bounds,
        }),
        _ => None,
    };
    Ok(Statement {
        id: r.get(0)?,
        article: r.get(1)?,
        handle: r.get::<_, i64>(2)? as u64,
        event: None,
        names: numbers(r, 3)?.into(),
        key: numbers(r, 4)?.into(),
        time,
        negative: r.get(9)?,
        claim: r.get(10)?,
    })
}

/// The event type in column `at`, stored by [`kind_number`].
fn kind_at(r: &rusqlite::Row<'_>, at: usize) -> Result<EventType> {
    let kind: usize = r.get(at)?;
    EventType::ALL
        .get(kind)
        .copied()
        .ok_or(StoreError::Missing {
            what: "event type",
            id: kind.to_string(),
        })
}

/// A row of the scratch table `temp.coded`, as `c` (columns [`CODED`]).
fn coded(r: &rusqlite::Row<'_>) -> Result<Coded> {
    let kind = kind_at(r, 2)?;
    let actors = numbers(r, 7)?
        .into_iter()
        .map(CodedActor::from_packed)
        .collect();
    Ok(Coded {
        article: r.get(0)?,
        handle: r.get::<_, i64>(1)? as u64,
        kind,
        rank: r.get(3)?,
        bounds: bounds(r, 4)?,
        place: r.get(6)?,
        actors,
    })
}

/// The fingerprint in columns `at..at + 3`: body hash, shingles, signature.
fn fingerprint_at(r: &rusqlite::Row<'_>, at: usize) -> Result<Fingerprint> {
    Ok(Fingerprint {
        body_hash: r.get::<_, i64>(at)? as u64,
        shingles: u32::try_from(r.get::<_, i64>(at + 1)?).unwrap_or(0),
        signature: Fingerprint::signature_from_bytes(r.get_ref(at + 2)?.as_blob()?),
    })
}

fn time(id: &str, text: Option<&str>) -> Result<TimeValue> {
    text.map_or(Ok(TimeValue::default()), |t| json("article", id, t))
}

impl Storage for Tables<'_> {
    type Error = StoreError;
}

impl CompactStore for Tables<'_> {
    fn keep_keys(&mut self) -> Result<usize> {
        drop_scratch(self.tx)?;
        self.tx.execute_batch(SCRATCH)?;
        let mut stmt = self.tx.prepare(
            "SELECT rowid, id, body_hash, shingles, published, json_extract(json, '$.captured'), words
             FROM articles ORDER BY id",
        )?;
        let mut insert = self.tx.prepare(
            "INSERT INTO temp.keys (idx, article, words, body_hash, shingles, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut rows = stmt.query([])?;
        let mut n = 0usize;
        while let Some(r) = rows.next()? {
            let id = r.get_ref(1)?.as_str()?;
            let when = ArticleKey::when_of(
                &json("article", id, r.get_ref(4)?.as_str()?)?,
                &time(id, r.get_ref(5)?.as_str_or_null()?)?,
            );
            insert.execute(params![
                n as i64,
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(6)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                when.map(|b| date_number(b.0)),
                when.map(|b| date_number(b.1)),
            ])?;
            n += 1;
        }
        self.tx.execute_batch(
            "CREATE INDEX temp.keys_article ON keys(article);
             CREATE INDEX temp.keys_hash ON keys(body_hash, idx);",
        )?;
        Ok(n)
    }

    fn keep_coded(&mut self, code: &mut CodeMention<'_>) -> Result<()> {
        let mut insert_coded = self.tx.prepare(
            "INSERT INTO temp.coded (article, handle, kind, rank, start, end, place, actors)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut insert_statement = self.tx.prepare(
            "INSERT INTO temp.statements (id, kind, article, handle, names, key, time_key,
                 time_label, start, end, negative, claim)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut insert_word = self
            .tx
            .prepare("INSERT INTO temp.statement_words (kind, word, id) VALUES (?1, ?2, ?3)")?;
        let mut statements = Vec::new();
        self.each_mention(&mut |article, handle, m| {
            statements.clear();
            let c = code(article, handle, m, &mut statements);
            insert_coded.execute(params![
                c.article,
                c.handle as i64,
                kind_number(c.kind),
                c.rank,
                c.bounds.map(|b| date_number(b.0)),
                c.bounds.map(|b| date_number(b.1)),
                c.place,
                blob(c.actors.iter().map(|a| a.packed()))
            ])?;
            for s in &statements {
                let kind = statement_number(s.kind());
                let time = s.time.as_ref();
                insert_statement.execute(params![
                    s.id,
                    kind,
                    s.article,
                    s.handle as i64,
                    blob(s.names.iter().copied()),
                    blob(s.key.iter().copied()),
                    time.map(|t| t.key),
                    time.map(|t| t.label),
                    time.map(|t| date_number(t.bounds.0)),
                    time.map(|t| date_number(t.bounds.1)),
                    s.negative,
                    s.claim
                ])?;
                for &w in &s.key {
                    insert_word.execute(params![kind, w, s.id])?;
                }
            }
            Ok(())
        })?;
        // Indexed once filled: cheaper than keeping the indexes up to date row by row. The
        // indexes linking and merging scan hold every column they read, in the order they read
        // the rows: the table's rows are in the order kept, and were read out of order.
        self.tx.execute_batch(
            "CREATE INDEX temp.coded_kind
                 ON coded(kind, article, id, handle, rank, start, end, place, actors);
             CREATE INDEX temp.coded_article ON coded(article);
             CREATE INDEX temp.coded_merge
                 ON coded(kind, rank, start, id, end, article, handle, place, actors);
             CREATE INDEX temp.statement_words_kind ON statement_words(kind, word, id);",
        )?;
        Ok(())
    }
}

impl LinkStore for Tables<'_> {
    fn key(&mut self, index: usize) -> Result<ArticleKey> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT words, body_hash, shingles, start, end FROM temp.keys WHERE idx = ?1",
        )?;
        let mut rows = stmt.query([index as i64])?;
        let Some(r) = rows.next()? else {
            return Err(missing_article(index));
        };
        Ok(ArticleKey {
            words: u32::try_from(r.get::<_, i64>(0)?).unwrap_or(u32::MAX),
            body_hash: r.get::<_, i64>(1)? as u64,
            shingles: u32::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
            when: bounds(r, 3)?,
        })
    }

    fn scan_by_body_hash(&mut self, visit: &mut dyn FnMut(usize, u64)) -> Result<()> {
        let mut stmt = self
            .tx
            .prepare("SELECT idx, body_hash FROM temp.keys ORDER BY body_hash, idx")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            visit(r.get(0)?, r.get::<_, i64>(1)? as u64);
        }
        Ok(())
    }

    fn scan_signatures(&mut self, visit: &mut dyn FnMut(usize, &[u32])) -> Result<()> {
        // Articles in storage order, each looked up in the key table's index.
        let mut stmt = self.tx.prepare(
            "SELECT k.idx, a.signature FROM articles a CROSS JOIN temp.keys k
             ON k.article = a.rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut sig = Vec::new();
        while let Some(r) = rows.next()? {
            Fingerprint::decode_signature(r.get_ref(1)?.as_blob()?, &mut sig);
            visit(r.get(0)?, &sig);
        }
        Ok(())
    }

    fn fingerprint(&mut self, index: usize) -> Result<Fingerprint> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.body_hash, a.shingles, a.signature FROM temp.keys k
             JOIN articles a ON a.rowid = k.article WHERE k.idx = ?1",
        )?;
        let mut rows = stmt.query([index as i64])?;
        let Some(r) = rows.next()? else {
            return Err(missing_article(index));
        };
        fingerprint_at(r, 0)
    }

    fn scan_coded(&mut self, kind: EventType, visit: &mut dyn FnMut(&Coded, When)) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED}, k.start, k.end FROM temp.coded c JOIN temp.keys k ON k.idx = c.article
             WHERE c.kind = ?1 ORDER BY c.article, c.id"
        ))?;
        let mut rows = stmt.query([kind_number(kind)])?;
        while let Some(r) = rows.next()? {
            visit(&coded(r)?, bounds(r, 8)?);
        }
        Ok(())
    }

    fn coded_of(&mut self, index: usize, out: &mut Vec<Coded>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED} FROM temp.coded c WHERE article = ?1 ORDER BY rowid"
        ))?;
        let mut rows = stmt.query([index as i64])?;
        while let Some(r) = rows.next()? {
            out.push(coded(r)?);
        }
        Ok(())
    }

    fn put_roots(
        &mut self,
        grouping: Grouping,
        roots: &mut dyn Iterator<Item = u32>,
    ) -> Result<()> {
        let mut update = self.tx.prepare(match grouping {
            Grouping::CopyGroup => "UPDATE temp.keys SET copies = ?2 WHERE idx = ?1",
            Grouping::Story => "UPDATE temp.keys SET story = ?2 WHERE idx = ?1",
        })?;
        for (i, root) in roots.enumerate() {
            update.execute(params![i as i64, root])?;
        }
        if grouping == Grouping::Story {
            self.tx
                .execute_batch("CREATE INDEX temp.keys_story ON keys(story, idx);")?;
        }
        Ok(())
    }
}

impl StoryStore for Tables<'_> {
    fn next_story(&mut self, after: Option<u32>, out: &mut Vec<StoryRow>) -> Result<()> {
        out.clear();
        let mut stmt = self.tx.prepare_cached(
            "SELECT idx, copies, story, words FROM temp.keys
             WHERE story = (SELECT min(story) FROM temp.keys WHERE story > ?1) ORDER BY idx",
        )?;
        let mut rows = stmt.query([after.map_or(-1, i64::from)])?;
        while let Some(r) = rows.next()? {
            out.push(StoryRow {
                index: r.get(0)?,
                group: r.get(1)?,
                root: r.get(2)?,
                words: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(u32::MAX),
            });
        }
        Ok(())
    }

    fn digest(&mut self, index: usize) -> Result<ArticleDigest> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, a.words, a.body_hash, a.shingles,
                    a.signature, json_extract(a.json, '$.captured')
             FROM temp.keys k JOIN articles a ON a.rowid = k.article WHERE k.idx = ?1",
        )?;
        let mut rows = stmt.query([index as i64])?;
        let Some(r) = rows.next()? else {
            return Err(missing_article(index));
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
            fingerprint: fingerprint_at(r, 5)?,
            id,
        })
    }

    fn put_member(&mut self, story: &str, m: &StoryMember) -> Result<()> {
        let text = serde_json::to_string(m).map_err(StoreError::Encode)?;
        self.tx
            .prepare_cached("INSERT INTO story_members (article, story, json) VALUES (?1, ?2, ?3)")?
            .execute(params![m.article, story, text])?;
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
}

impl MentionStore for Tables<'_> {
    /// Decoded from the row's text as SQLite holds it, with no copy of it.
    fn member(&mut self, handle: u64) -> Result<Member> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, json FROM event_mentions WHERE rowid = ?1")?;
        let mut rows = stmt.query([handle as i64])?;
        let Some(r) = rows.next()? else {
            return Err(rusqlite::Error::QueryReturnedNoRows.into());
        };
        json("mention", r.get_ref(0)?.as_str()?, r.get_ref(1)?.as_str()?)
    }
}

impl MergeStore for Tables<'_> {
    fn scan_merge_order(
        &mut self,
        kind: EventType,
        visit: &mut dyn FnMut(&Coded) -> u32,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {CODED} FROM temp.coded c WHERE kind = ?1 ORDER BY rank, start, id"
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

    fn put_summary(&mut self, s: &EventSummary) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO temp.summaries (number, id, kind, start, end, sources, targets, stories)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                s.number,
                s.id,
                kind_number(s.kind),
                s.bounds.map(|b| date_number(b.0)),
                s.bounds.map(|b| date_number(b.1)),
                blob(s.sources.iter().copied()),
                blob(s.targets.iter().copied()),
                blob(s.stories.iter().copied()),
            ])?;
        let mut story = self
            .tx
            .prepare_cached("INSERT INTO temp.event_stories (story, event) VALUES (?1, ?2)")?;
        for &n in &s.stories {
            story.execute(params![n, s.number])?;
        }
        Ok(())
    }
}

impl ConflictStore for Tables<'_> {
    fn scan_statements(
        &mut self,
        kind: StatementKind,
        visit: &mut dyn FnMut(u32, &Statement),
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {STATEMENT}, w.word FROM temp.statement_words w
             JOIN temp.statements s ON s.id = w.id WHERE w.kind = ?1 ORDER BY w.word, w.id"
        ))?;
        let mut rows = stmt.query([statement_number(kind)])?;
        while let Some(r) = rows.next()? {
            visit(r.get(11)?, &statement(r)?);
        }
        Ok(())
    }

    fn put_statement_roots(&mut self, roots: &mut dyn Iterator<Item = u32>) -> Result<()> {
        let mut update = self
            .tx
            .prepare("UPDATE temp.statements SET root = ?2 WHERE id = ?1")?;
        for (id, root) in roots.enumerate() {
            update.execute(params![id as i64, root])?;
        }
        // Merging is done: `joined` is complete, and is read by handle and by article from now.
        self.tx.execute_batch(
            "CREATE INDEX temp.statements_root ON statements(kind, root, id);
             CREATE INDEX temp.joined_handle ON joined(handle);
             CREATE INDEX temp.joined_article ON joined(article, event);",
        )?;
        Ok(())
    }

    fn next_statement_group(
        &mut self,
        kind: StatementKind,
        after: Option<u32>,
        out: &mut Vec<Statement>,
    ) -> Result<()> {
        out.clear();
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {STATEMENT}, j.event FROM temp.statements s
             LEFT JOIN temp.joined j ON j.handle = s.handle
             WHERE s.kind = ?1 AND s.root =
                 (SELECT min(root) FROM temp.statements WHERE kind = ?1 AND root > ?2)
             ORDER BY s.id"
        ))?;
        let mut rows = stmt.query(params![statement_number(kind), after.map_or(-1, i64::from)])?;
        while let Some(r) = rows.next()? {
            out.push(Statement {
                event: r.get(11)?,
                ..statement(r)?
            });
        }
        Ok(())
    }

    fn next_story_events(
        &mut self,
        after: Option<u32>,
        cap: usize,
        out: &mut Vec<EventSummary>,
    ) -> Result<Option<u32>> {
        out.clear();
        let story: Option<u32> = self
            .tx
            .prepare_cached("SELECT min(story) FROM temp.event_stories WHERE story > ?1")?
            .query_row([after.map_or(-1, i64::from)], |r| r.get(0))?;
        let Some(story) = story else { return Ok(None) };
        let count: usize = self
            .tx
            .prepare_cached("SELECT count(*) FROM temp.event_stories WHERE story = ?1")?
            .query_row([story], |r| r.get(0))?;
        if count > cap {
            return Ok(Some(story));
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.number, s.id, s.kind, s.start, s.end, s.sources, s.targets, s.stories
             FROM temp.event_stories e JOIN temp.summaries s ON s.number = e.event
             WHERE e.story = ?1 ORDER BY e.event",
        )?;
        let mut rows = stmt.query([story])?;
        while let Some(r) = rows.next()? {
            out.push(EventSummary {
                number: r.get(0)?,
                id: r.get(1)?,
                kind: kind_at(r, 2)?,
                bounds: bounds(r, 3)?,
                sources: numbers(r, 5)?.into(),
                targets: numbers(r, 6)?.into(),
                stories: numbers(r, 7)?.into(),
            });
        }
        Ok(Some(story))
    }

    fn share_article(&mut self, a: u32, b: u32) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM temp.joined x WHERE x.event = ?1 AND EXISTS
                     (SELECT 1 FROM temp.joined y WHERE y.article = x.article AND y.event = ?2))",
            )?
            .query_row([a, b], |r| r.get(0))?)
    }

    fn event_id(&mut self, number: u32) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM temp.summaries WHERE number = ?1")?
            .query_row([number], |r| r.get(0))
            .optional()?)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_numbers_sort_like_dates_and_read_back() {
        let dates = [
            jiff::civil::date(-3, 12, 31),
            jiff::civil::date(1999, 1, 1),
            jiff::civil::date(2025, 7, 21),
            jiff::civil::date(2025, 12, 31),
            jiff::civil::date(2026, 1, 1),
        ];
        for w in dates.windows(2) {
            assert!(date_number(w[0]) < date_number(w[1]), "{w:?}");
        }
        for d in dates {
            assert_eq!(date_from_number(date_number(d)), Some(d));
        }
        assert_eq!(date_number(dates[2]), 20_250_721);
        assert_eq!(date_from_number(20_251_341), None, "no 13th month");
    }
}
