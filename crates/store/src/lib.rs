//! dateline's corpus on disk: one SQLite file.
//!
//! What was read from captures (captures, articles, event mentions, rejections) is the source of
//! truth, written one transaction per batch, keyed by the capture's identity (SHA-256 of the page
//! and its sidecar) so a second ingest of the same capture adds nothing. A new version of a file
//! (its page or its sidecar changed) replaces the old version's rows in the same transaction.
//! Stories and events are derived: after an ingest they are recomputed from everything stored, in
//! one transaction, so they never depend on how the captures were batched, and a run killed
//! part-way leaves either the old or the new derivation. A `derived = stale` mark written with
//! each batch makes the next run finish an interrupted one, and makes queries refuse to answer
//! from derived rows that no longer match what is stored.

mod batch;
mod checkpoint;
mod schema;
mod tables;

use batch::BatchWriter;
use dateline_core::event::{Event, EventMention};
use dateline_core::{Article, Capture, TimeValue};
use dateline_corpus::{Fingerprint, Story, StoryMember};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::collections::HashSet;
use std::path::Path;
use tables::Tables;

pub use schema::TABLES;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot open the database: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error(
        "{path}: schema version {found} is newer than this dateline knows ({known}); upgrade dateline"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("database: a column holds the wrong type: {0}")]
    Column(#[from] rusqlite::types::FromSqlError),
    #[error("database holds a record that does not parse ({what} {id}): {source}")]
    Corrupt {
        what: &'static str,
        id: String,
        source: serde_json::Error,
    },
    #[error("cannot encode a record: {0}")]
    Encode(serde_json::Error),
    #[error("database lost a row during the rebuild ({what} {id})")]
    Missing { what: &'static str, id: String },
}

impl StoreError {
    /// Whether opening failed because SQLite would have had to create or write a file beside the
    /// database (a WAL index) where nothing may be written.
    fn is_read_only_location(&self) -> bool {
        let StoreError::Open {
            source: rusqlite::Error::SqliteFailure(e, _),
            ..
        } = self
        else {
            return false;
        };
        matches!(
            e.code,
            rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
        )
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One capture read successfully, with what was found in it.
#[derive(Debug, Clone)]
pub struct NewCapture {
    pub sha256: String,
    pub name: String,
    pub path: String,
    /// The file it was read from, canonical: a later capture with the same `file` and another
    /// identity is a new version of it, and replaces it.
    pub file: String,
    pub url: Option<String>,
    pub captured_at: Option<String>,
    pub outlet_hint: Option<String>,
    pub media: String,
    pub encoding: String,
    pub adapter: String,
    pub reason: String,
    pub articles: Vec<Article>,
    /// One per article, computed with the article (in parallel) rather than in the writer.
    pub fingerprints: Vec<Fingerprint>,
    pub mentions: Vec<EncodedMention>,
}

/// Hands the mentions of capture `index` (`NewCapture::mentions` aside) to `put`, which stores
/// each at once; see [`Store::ingest_batch_streaming`].
pub type MentionStream<'a> =
    dyn FnMut(usize, &NewCapture, &mut dyn FnMut(&EncodedMention) -> Result<()>) -> Result<()> + 'a;

/// A mention as the store keeps it: its keys and its JSON. Encoded where it is coded (in
/// parallel), a batch holds a few hundred bytes of text per mention instead of a few KB of
/// structure, so a capture dense with events is held in a small multiple of its size.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedMention {
    pub id: String,
    pub article: String,
    pub event_type: dateline_core::event::EventType,
    pub json: String,
}

impl EncodedMention {
    pub fn of(m: &EventMention) -> Result<Self> {
        Self::encoded_in(m, &mut Vec::new())
    }

    /// [`EncodedMention::of`], encoded in `buffer`, which the caller keeps for the next
    /// mention: the text is copied once into a string of its own size (kept until its batch is
    /// written, where the doubling slack of a buffer would be a third of the batch's memory),
    /// instead of a fresh buffer grown three or four times and shrunk for each mention.
    pub fn encoded_in(m: &EventMention, buffer: &mut Vec<u8>) -> Result<Self> {
        buffer.clear();
        serde_json::to_writer(&mut *buffer, m).map_err(StoreError::Encode)?;
        // The encoder writes UTF-8 only: this borrows, then copies at the exact size.
        let json = String::from_utf8_lossy(buffer).into_owned();
        Ok(EncodedMention {
            id: m.id.clone(),
            article: m.article.clone(),
            event_type: m.event_type,
            json,
        })
    }
}

impl NewCapture {
    pub fn new(
        capture: &Capture,
        adapter: &str,
        reason: &str,
        articles: Vec<Article>,
        mentions: Vec<EncodedMention>,
    ) -> Self {
        NewCapture {
            sha256: capture.sha256.clone(),
            name: capture.name.clone(),
            path: capture.path.display().to_string(),
            file: canonical_file(&capture.path),
            url: capture.url.clone(),
            captured_at: capture.captured_at.map(|t| t.to_string()),
            outlet_hint: capture.outlet_hint.clone(),
            media: format!("{:?}", capture.media).to_lowercase(),
            encoding: capture.encoding.to_owned(),
            adapter: adapter.to_owned(),
            reason: reason.to_owned(),
            fingerprints: articles.iter().map(|a| Fingerprint::of(&a.body)).collect(),
            articles,
            mentions,
        }
    }
}

/// The canonical name of the file a capture was read from; for a record of a web archive
/// (`ARCHIVE#OFFSET`), the archive's canonical path with the record's part kept, so the same archive
/// named by two relative paths is one file.
fn canonical_file(path: &Path) -> String {
    if let Ok(c) = std::fs::canonicalize(path) {
        return c.display().to_string();
    }
    let text = path.display().to_string();
    if let Some((archive, record)) = text.split_once('#')
        && let Ok(c) = std::fs::canonicalize(archive)
    {
        return format!("{}#{record}", c.display());
    }
    text
}

/// A file that gave no article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub path: String,
    pub sha256: Option<String>,
    pub reason: String,
}

/// What one batch added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchReport {
    pub new_captures: usize,
    /// Of the new captures, those that replaced an earlier version of their file.
    pub replaced: usize,
    pub known_captures: usize,
    pub articles: usize,
    pub mentions: usize,
}

/// An article as stored, with what its story lets us say about it.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub article: Article,
    pub story: Option<String>,
    pub member: Option<StoryMember>,
}

impl StoredArticle {
    /// The article's outlet, or the one inherited from a copy.
    pub fn outlet(&self) -> Option<&str> {
        self.article.outlet.as_deref().or_else(|| {
            self.member
                .as_ref()?
                .inferred_outlet
                .as_ref()
                .map(|i| i.value.as_str())
        })
    }

    /// The article's publication date, or the one inherited from a copy.
    pub fn published(&self) -> &TimeValue {
        if self.article.published.value.is_some() {
            return &self.article.published;
        }
        self.member
            .as_ref()
            .and_then(|m| m.inferred_published.as_ref())
            .map_or(&self.article.published, |i| &i.value)
    }
}

/// What a rebuild of the derived tables produced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Derived {
    pub stories: usize,
    pub events: usize,
    pub conflicts: usize,
}

pub struct Store {
    /// Dropped first: its last checkpoint is over when `conn` closes.
    checkpointer: Option<checkpoint::Checkpointer>,
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        // First, so that every later step waits for another process (a second ingest creating the
        // same database) instead of failing with "database is locked".
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // WAL: readers never block the writer, and a killed writer leaves committed batches intact.
        set_wal(&conn).map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        migrate(&mut conn, path)?;
        let checkpointer = checkpoint::Checkpointer::start(path, &conn);
        Ok(Store { checkpointer, conn })
    }

    /// Opens an existing database for reading only (queries, reports, watching an ingest): it is
    /// never written, so a database on a read-only mount, or in a folder or file this user may
    /// not write, can be queried.
    ///
    /// A WAL database is first opened as usual, read-only, which shares the writer's `-shm` index
    /// and so sees a running ingest's batches as they commit. Where that index can be neither
    /// found nor created (a read-only folder once the last writer has gone), SQLite refuses; the
    /// database is then opened as immutable, which reads the file alone and takes no lock. Nobody
    /// can write there either, so there is nothing for a lock to guard.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match Store::open_read_only_with(path, false) {
            Err(e) if e.is_read_only_location() => Store::open_read_only_with(path, true),
            other => other,
        }
    }

    fn open_read_only_with(path: &Path, immutable: bool) -> Result<Store> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = if immutable {
            Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
        } else {
            Connection::open_with_flags(path, flags)
        }
        .map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // The first read is where a WAL database needs its index: errors here are the open's.
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_err)?;
        if version > schema::MIGRATIONS.len() as i64 {
            return Err(StoreError::TooNew {
                path: path.display().to_string(),
                found: version,
                known: schema::MIGRATIONS.len() as i64,
            });
        }
        Ok(Store {
            checkpointer: None,
            conn,
        })
    }

    /// Which of these capture hashes are already stored.
    pub fn known(&self, shas: &[&str]) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM captures WHERE sha256 = ?1")?;
        let mut out = HashSet::new();
        for sha in shas {
            if stmt.exists([sha])? {
                out.insert((*sha).to_owned());
            }
        }
        Ok(out)
    }

    /// Stores one batch in one transaction: all of it, or (if the process dies) none of it.
    pub fn ingest_batch(
        &mut self,
        captures: &[NewCapture],
        rejections: &[Rejection],
    ) -> Result<BatchReport> {
        self.ingest_batch_streaming(captures, rejections, &mut |_, _, _| Ok(()))
    }

    /// [`Store::ingest_batch`], where `stream` may hand more mentions of each new capture (by
    /// its index in `captures`) as it codes them, stored right after the capture's own: a capture
    /// dense with events need not hold its mentions until its batch is written (for 32 MiB of
    /// such text that was 300 MiB of encoded mentions). `stream` is not called for a capture
    /// already stored.
    pub fn ingest_batch_streaming(
        &mut self,
        captures: &[NewCapture],
        rejections: &[Rejection],
        stream: &mut MentionStream<'_>,
    ) -> Result<BatchReport> {
        // Immediate: the write lock is taken (waiting for another ingest) before anything is read.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = BatchReport::default();
        {
            let mut writer = BatchWriter::new(&tx)?;
            for (i, c) in captures.iter().enumerate() {
                writer.capture(c, &mut report, &mut |c, put| stream(i, c, put))?;
            }
            writer.rejections(rejections)?;
            if report.new_captures > 0 {
                tx.execute("UPDATE meta SET value = 'stale' WHERE key = 'derived'", [])?;
            }
        }
        tx.commit()?;
        self.committed();
        Ok(report)
    }

    /// Event mentions coded elsewhere (a Spark job, `dateline extract --events`), added to the
    /// articles they name. A mention whose article is not stored is not added: the count of those
    /// is returned beside the count added, so the caller can say so. Known mentions are ignored.
    pub fn add_mentions(&mut self, mentions: &[EventMention]) -> Result<(usize, usize)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (mut added, mut orphans) = (0usize, 0usize);
        {
            let mut has_article = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO event_mentions (id, article, type, json) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for m in mentions {
                if !has_article.exists([&m.article])? {
                    orphans += 1;
                    continue;
                }
                let json = serde_json::to_string(m).map_err(StoreError::Encode)?;
                added += ins.execute(params![m.id, m.article, m.event_type.as_str(), json])?;
            }
            if added > 0 {
                tx.execute("UPDATE meta SET value = 'stale' WHERE key = 'derived'", [])?;
            }
        }
        tx.commit()?;
        self.committed();
        Ok((added, orphans))
    }

    /// Hands what was just committed to the checkpointing thread, if there is one.
    fn committed(&self) {
        if let Some(c) = &self.checkpointer {
            c.committed();
        }
    }

    /// True when captures were added since stories and events were last computed.
    pub fn is_stale(&self) -> Result<bool> {
        let v: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'derived'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(v.as_deref() != Some("fresh"))
    }

    /// Recomputes stories and events from every stored article and mention, in one transaction.
    /// The corpus is read in passes and written back story by story and event by event (see
    /// [`dateline_corpus::rebuild`]), so memory does not grow with the text of the corpus.
    pub fn rebuild(&mut self) -> Result<Derived> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for t in ["stories", "story_members", "events", "event_links"] {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
        }
        let derived = dateline_corpus::rebuild(&mut Tables::new(&tx))?;
        tables::drop_scratch(&tx)?;
        tx.execute("UPDATE meta SET value = 'fresh' WHERE key = 'derived'", [])?;
        tx.commit()?;
        self.committed();
        Ok(Derived {
            stories: derived.stories,
            events: derived.events,
            conflicts: derived.conflicts,
        })
    }

    /// Rebuilds only when something was added since the last rebuild (or a rebuild was cut short).
    pub fn rebuild_if_stale(&mut self) -> Result<Option<Derived>> {
        if self.is_stale()? {
            self.rebuild().map(Some)
        } else {
            Ok(None)
        }
    }

    fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(args, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Corrupt {
                    what,
                    id,
                    source,
                })?,
            );
        }
        Ok(out)
    }

    /// Every event mention, by id.
    pub fn mentions(&self) -> Result<Vec<EventMention>> {
        self.json_rows(
            "mention",
            "SELECT id, json FROM event_mentions ORDER BY id",
            [],
        )
    }

    /// The mentions merged into one event, by id.
    pub fn mentions_of(&self, event: &str) -> Result<Vec<EventMention>> {
        self.some_mentions_of(event, usize::MAX)
    }

    /// At most `limit` of the mentions merged into one event, by id: what a page can show of an
    /// event reported thousands of times.
    pub fn some_mentions_of(&self, event: &str, limit: usize) -> Result<Vec<EventMention>> {
        self.json_rows(
            "mention",
            "SELECT m.id, m.json FROM event_links l JOIN event_mentions m ON m.id = l.mention
             WHERE l.event = ?1 ORDER BY m.id LIMIT ?2",
            rusqlite::params![event, i64::try_from(limit).unwrap_or(i64::MAX)],
        )
    }

    /// Every event, earliest first (undated last), then by id.
    pub fn events(&self) -> Result<Vec<Event>> {
        self.json_rows(
            "event",
            "SELECT id, json FROM events ORDER BY date_start IS NULL, date_start, id",
            [],
        )
    }

    pub fn event(&self, id: &str) -> Result<Option<Event>> {
        Ok(self
            .json_rows("event", "SELECT id, json FROM events WHERE id = ?1", [id])?
            .into_iter()
            .next())
    }

    /// Every story with its members, by id. (A story row holds no members: a rebuild writes
    /// them one by one, so a story of any size is never in memory whole while it is built.)
    pub fn stories(&self) -> Result<Vec<Story>> {
        collect(|f| self.each_story(f))
    }

    /// Calls `f` with each story and its members, by id: one story in memory at a time.
    pub fn for_each_story<E: From<StoreError>>(
        &self,
        f: impl FnMut(Story) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        until_error(|g| self.each_story(g), f)
    }

    /// [`Store::for_each_story`] until `f` returns false.
    fn each_story(&self, f: &mut dyn FnMut(Story) -> bool) -> Result<()> {
        let mut stories = self
            .conn
            .prepare("SELECT id, json FROM stories ORDER BY id")?;
        let mut members = self
            .conn
            .prepare("SELECT story, article, json FROM story_members ORDER BY story")?;
        let mut stories = stories.query([])?;
        let mut members = members.query([])?;
        // Both cursors run in story id order: members join their story as it passes.
        let mut pending: Option<(String, StoryMember)> = None;
        while let Some(r) = stories.next()? {
            let id = r.get_ref(0)?.as_str()?;
            let mut story: Story =
                serde_json::from_str(r.get_ref(1)?.as_str()?).map_err(|source| {
                    StoreError::Corrupt {
                        what: "story",
                        id: id.to_owned(),
                        source,
                    }
                })?;
            // Rows written before members had their own table embed them: the table is the truth.
            story.members.clear();
            loop {
                let (owner, member) = match pending.take() {
                    Some(p) => p,
                    None => match members.next()? {
                        Some(m) => member_row(m)?,
                        None => break,
                    },
                };
                match owner.as_str().cmp(id) {
                    std::cmp::Ordering::Less => continue,
                    std::cmp::Ordering::Equal => story.members.push(member),
                    std::cmp::Ordering::Greater => {
                        pending = Some((owner, member));
                        break;
                    }
                }
            }
            story
                .members
                .sort_by(|a, b| (a.relation, &a.article).cmp(&(b.relation, &b.article)));
            if !f(story) {
                break;
            }
        }
        Ok(())
    }

    /// Every article with its story membership, by capture name then position on the page.
    pub fn articles(&self) -> Result<Vec<StoredArticle>> {
        collect(|f| self.each_article(f))
    }

    /// Calls `f` with each article and its story membership, in the order of [`Store::articles`]:
    /// one article in memory at a time.
    pub fn for_each_article<E: From<StoreError>>(
        &self,
        f: impl FnMut(StoredArticle) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        until_error(|g| self.each_article(g), f)
    }

    /// [`Store::for_each_article`] until `f` returns false.
    fn each_article(&self, f: &mut dyn FnMut(StoredArticle) -> bool) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "{ARTICLE} JOIN captures c ON c.sha256 = a.capture
             ORDER BY c.name, c.sha256, a.position"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if !f(stored_article(r)?) {
                break;
            }
        }
        Ok(())
    }

    /// One article with its story membership.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ARTICLE} WHERE a.id = ?1"))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(r) => Ok(Some(stored_article(r)?)),
            None => Ok(None),
        }
    }

    /// The mentions coded from one article, by id.
    pub fn mentions_in(&self, article: &str) -> Result<Vec<EventMention>> {
        self.json_rows(
            "mention",
            "SELECT id, json FROM event_mentions WHERE article = ?1 ORDER BY id",
            [article],
        )
    }

    /// Every stored rejection, by path.
    pub fn rejections(&self) -> Result<Vec<Rejection>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, reason FROM rejections ORDER BY path")?;
        let rows = stmt.query_map([], |r| {
            Ok(Rejection {
                path: r.get(0)?,
                sha256: r.get(1)?,
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Row count of each table in [`TABLES`].
    pub fn counts(&self) -> Result<Vec<(&'static str, u64)>> {
        TABLES
            .iter()
            .map(|t| {
                let n: i64 =
                    self.conn
                        .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
                Ok((*t, n as u64))
            })
            .collect()
    }

    /// A hash of every row of every table (paths aside, which depend on where the files were), in
    /// key order: two databases with equal digests hold the same corpus.
    pub fn digest(&self) -> Result<String> {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |s: &str| {
            for b in s.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        let queries = [
            "SELECT sha256 || name FROM captures ORDER BY sha256",
            "SELECT id || json FROM articles ORDER BY id",
            "SELECT id || json FROM event_mentions ORDER BY id",
            "SELECT reason FROM rejections ORDER BY path",
            "SELECT id || json FROM stories ORDER BY id",
            "SELECT article || story || json FROM story_members ORDER BY article",
            "SELECT id || json FROM events ORDER BY id",
            "SELECT mention || event FROM event_links ORDER BY mention",
        ];
        for q in queries {
            let mut stmt = self.conn.prepare(q)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                feed(&r.get::<_, String>(0)?);
            }
            feed("--");
        }
        Ok(format!("{h:016x}"))
    }
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let known = schema::MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            known,
        });
    }
    if version == known {
        return Ok(());
    }
    // Exclusive, and the version read again under the lock: another process may have created
    // the schema between the first read and now, and its migrations must not run twice.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > known {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: version,
            known,
        });
    }
    let from = usize::try_from(version).unwrap_or(0);
    for sql in schema::MIGRATIONS.get(from..).unwrap_or_default() {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

/// Puts the database in WAL mode. Switching needs the database to itself, and SQLite answers
/// "busy" at once rather than calling the busy handler when another process holds it (a second
/// ingest creating the same database): this waits, as the busy timeout would, and tries again.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let started = std::time::Instant::now();
    loop {
        let mode: rusqlite::Result<String> =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0));
        match mode {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

/// `file:PATH?mode=ro&immutable=1`, the path percent-encoded where a URI needs it.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(*b));
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

/// How long a connection waits for another process's lock (a concurrent ingest's batch or
/// rebuild) before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The columns [`stored_article`] reads, from `articles a` and its story membership.
const ARTICLE: &str = "SELECT a.id, a.json, m.story, m.json FROM articles a
     LEFT JOIN story_members m ON m.article = a.id";

/// A row of [`ARTICLE`].
fn stored_article(r: &rusqlite::Row<'_>) -> Result<StoredArticle> {
    let id: String = r.get(0)?;
    let corrupt = |source| StoreError::Corrupt {
        what: "article",
        id: id.clone(),
        source,
    };
    let article: Article = serde_json::from_str(r.get_ref(1)?.as_str()?).map_err(corrupt)?;
    let member = match r.get_ref(3)?.as_str_or_null()? {
        Some(m) => Some(serde_json::from_str(m).map_err(corrupt)?),
        None => None,
    };
    Ok(StoredArticle {
        article,
        story: r.get(2)?,
        member,
    })
}

/// A row of `story_members`: its story and the member.
fn member_row(r: &rusqlite::Row<'_>) -> Result<(String, StoryMember)> {
    let story: String = r.get(0)?;
    let member =
        serde_json::from_str(r.get_ref(2)?.as_str()?).map_err(|source| StoreError::Corrupt {
            what: "story member",
            id: r.get::<_, String>(1).unwrap_or_default(),
            source,
        })?;
    Ok((story, member))
}

/// Every row of a walk (`walk` calls its argument per row, stopping when it returns false).
fn collect<T>(walk: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<()>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    walk(&mut |row| {
        out.push(row);
        true
    })?;
    Ok(out)
}

/// Runs a walk over rows (`walk` calls its argument per row, stopping when it returns false)
/// with a caller's fallible `f`: the walk stops at `f`'s first error, which is returned.
fn until_error<T, E: From<StoreError>>(
    walk: impl FnOnce(&mut dyn FnMut(T) -> bool) -> Result<()>,
    mut f: impl FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let mut failed = None;
    walk(&mut |row| match f(row) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    })?;
    failed.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The immutable fallback (taken where SQLite may not create a WAL index) reads a database
    /// whose path needs escaping in a URI, through a connection that cannot write and leaves
    /// nothing beside the file. Tests run as root, where file permissions do not stop a write,
    /// so this holds the read-only flag itself: a write through the connection is refused.
    #[test]
    fn the_read_only_store_never_writes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("odd ?#%&= name");
        std::fs::create_dir(&folder).expect("mkdir");
        let path = folder.join("x.db");
        {
            let mut store = Store::open(&path).expect("create");
            store.rebuild().expect("rebuild");
        }
        let before = std::fs::read(&path).expect("bytes");
        let listing = || {
            let mut names: Vec<_> = std::fs::read_dir(&folder)
                .expect("ls")
                .flatten()
                .map(|e| e.file_name())
                .collect();
            names.sort();
            names
        };
        let files = listing();
        // Immutable first: it must create nothing. The usual open may then create the WAL index
        // beside the file where it is allowed to (that is how it sees an ingest's batches).
        for immutable in [true, false] {
            let store = Store::open_read_only_with(&path, immutable).expect("open read-only");
            assert!(!store.is_stale().expect("meta"));
            assert!(store.articles().expect("articles").is_empty());
            let write = store.conn.execute("DELETE FROM meta", []);
            assert!(
                matches!(
                    write,
                    Err(rusqlite::Error::SqliteFailure(ref e, _))
                        if e.code == rusqlite::ErrorCode::ReadOnly
                ),
                "immutable {immutable}: {write:?}"
            );
            if immutable {
                assert_eq!(listing(), files, "no file created beside it");
            }
        }
        assert_eq!(std::fs::read(&path).expect("bytes"), before, "unchanged");
    }
}
