//! One ingest batch written: captures, their articles and mentions, and rejections, through
//! statements prepared once per batch.

use crate::{BatchReport, EncodedMention, NewCapture, Rejection, Result, StoreError};

/// One capture's part of a [`crate::MentionStream`].
pub(crate) type StreamOne<'a> =
    dyn FnMut(&NewCapture, &mut dyn FnMut(&EncodedMention) -> Result<()>) -> Result<()> + 'a;
use dateline_corpus::Fingerprint;
use rusqlite::{CachedStatement, Transaction, params};
use std::borrow::Cow;

/// The statements one batch runs, prepared once, inside the batch's transaction.
pub(crate) struct BatchWriter<'t> {
    tx: &'t Transaction<'t>,
    ins_capture: CachedStatement<'t>,
    del_rejection: CachedStatement<'t>,
    del_old_mentions: CachedStatement<'t>,
    del_old_articles: CachedStatement<'t>,
    del_old_captures: CachedStatement<'t>,
    ins_article: CachedStatement<'t>,
    ins_mention: CachedStatement<'t>,
}

impl<'t> BatchWriter<'t> {
    pub(crate) fn new(tx: &'t Transaction<'t>) -> Result<Self> {
        Ok(BatchWriter {
            tx,
            ins_capture: tx.prepare_cached(
                "INSERT OR IGNORE INTO captures
                 (sha256, name, path, url, captured_at, outlet_hint, media, encoding, adapter, reason, file)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            del_rejection: tx.prepare_cached("DELETE FROM rejections WHERE path = ?1")?,
            // An earlier version of the same file: its mentions, articles and capture row go. A row
            // stored before `file` existed has the path it was named by there, matched as named.
            // (Stories and events are derived, and rebuilt because the batch marks them stale.)
            del_old_mentions: tx.prepare_cached(
                "DELETE FROM event_mentions WHERE article IN
                 (SELECT a.id FROM articles a JOIN captures c ON c.sha256 = a.capture
                  WHERE (c.file = ?1 OR (c.file = c.path AND c.path = ?3)) AND c.sha256 <> ?2)",
            )?,
            del_old_articles: tx.prepare_cached(
                "DELETE FROM articles WHERE capture IN
                 (SELECT sha256 FROM captures
                  WHERE (file = ?1 OR (file = path AND path = ?3)) AND sha256 <> ?2)",
            )?,
            del_old_captures: tx.prepare_cached(
                "DELETE FROM captures
                 WHERE (file = ?1 OR (file = path AND path = ?3)) AND sha256 <> ?2",
            )?,
            ins_article: tx.prepare_cached(
                "INSERT OR IGNORE INTO articles
                 (id, capture, position, outlet, title, published, words, body_hash, shingles, signature, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            ins_mention: tx.prepare_cached(
                "INSERT OR IGNORE INTO event_mentions (id, article, type, json) VALUES (?1, ?2, ?3, ?4)",
            )?,
        })
    }

    /// Stores capture `c` unless it is known (its rejection, if any, goes either way); a new
    /// capture replaces an earlier version of its file and brings its articles and mentions.
    /// `more` hands the mentions of a new capture that it does not hold (see
    /// `Store::ingest_batch_streaming`), stored after those it holds.
    pub(crate) fn capture(
        &mut self,
        c: &NewCapture,
        report: &mut BatchReport,
        more: &mut StreamOne<'_>,
    ) -> Result<()> {
        let added = self.ins_capture.execute(params![
            c.sha256,
            c.name,
            c.path,
            c.url,
            c.captured_at,
            c.outlet_hint,
            c.media,
            c.encoding,
            c.adapter,
            c.reason,
            c.file
        ])?;
        self.del_rejection.execute([&c.path])?;
        if added == 0 {
            report.known_captures += 1;
            return Ok(());
        }
        report.new_captures += 1;
        if self.replace_old_version(c)? {
            report.replaced += 1;
        }
        report.articles += self.articles(c)?;
        report.mentions += self.mentions(c)?;
        let mut streamed = 0;
        more(c, &mut |m| {
            streamed += self.mention(m)?;
            Ok(())
        })?;
        report.mentions += streamed;
        Ok(())
    }

    /// Deletes the earlier version of `c`'s file, if any. Returns whether there was one.
    fn replace_old_version(&mut self, c: &NewCapture) -> Result<bool> {
        let key = params![c.file, c.sha256, c.path];
        self.del_old_mentions.execute(key)?;
        self.del_old_articles.execute(key)?;
        Ok(self.del_old_captures.execute(key)? > 0)
    }

    /// Stores the articles of `c`, each with its fingerprint. Returns how many were new.
    fn articles(&mut self, c: &NewCapture) -> Result<usize> {
        let mut added = 0;
        for (position, a) in c.articles.iter().enumerate() {
            let fp = match c.fingerprints.get(position) {
                Some(fp) => Cow::Borrowed(fp),
                None => Cow::Owned(Fingerprint::of(&a.body)),
            };
            let published = serde_json::to_string(&a.published).map_err(StoreError::Encode)?;
            let json = serde_json::to_string(a).map_err(StoreError::Encode)?;
            added += self.ins_article.execute(params![
                a.id,
                c.sha256,
                position as i64,
                a.outlet,
                a.title,
                published,
                a.word_count() as i64,
                fp.body_hash as i64,
                i64::from(fp.shingles),
                fp.signature_bytes(),
                json
            ])?;
        }
        Ok(added)
    }

    /// Stores the mentions `c` holds. Returns how many were new.
    fn mentions(&mut self, c: &NewCapture) -> Result<usize> {
        let mut added = 0;
        for m in &c.mentions {
            added += self.mention(m)?;
        }
        Ok(added)
    }

    /// Stores one mention. Returns 1 if it was new, else 0.
    fn mention(&mut self, m: &EncodedMention) -> Result<usize> {
        Ok(self
            .ins_mention
            .execute(params![m.id, m.article, m.event_type.as_str(), m.json])?)
    }

    /// Stores the batch's rejections, replacing earlier ones of the same paths.
    pub(crate) fn rejections(&mut self, rejections: &[Rejection]) -> Result<()> {
        let mut ins_rejection = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO rejections (path, sha256, reason) VALUES (?1, ?2, ?3)",
        )?;
        for r in rejections {
            ins_rejection.execute(params![r.path, r.sha256, r.reason])?;
        }
        Ok(())
    }
}
