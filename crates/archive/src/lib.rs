//! Web archives read as captures: WARC (`.warc`, `.warc.gz`) and WACZ (`.wacz`).
//!
//! People who collect news at scale do not save pages one by one with a sidecar: web archiving
//! tools (`wget --warc-file`, ArchiveBox, Heritrix, browsertrix, ArchiveWeb.page) write every
//! fetched response into a WARC with its URL and time in the record headers. Each `response` (or
//! `resource`) record whose payload is an HTML or text page becomes one capture, with the URL and
//! time a sidecar would have given; everything else is counted as skipped, with its kind.
//!
//! Reading streams: one record is in memory at a time, so an archive of any size is read in
//! bounded memory. A record that cannot be read (a truncated gzip member, a malformed header, a
//! `Content-Length` that lies) is reported with its offset and reading goes on with the next one.
//!
//! The `warc` crate was read first and not used: it does not expose a record's offset in a
//! gzipped file (its multi-member decoder hides member boundaries) and stops at the first
//! malformed record, and naming records by offset and reading past damage are what this needs.

mod http;
mod source;
mod warc;

use dateline_core::capture::{MAX_CAPTURE_BYTES, is_absolute_url};
use dateline_core::{Media, Sidecar};
use source::{Inflating, Section, Source};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use warc::{Block, Framer, Offset, Raw};

/// The archive formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A WARC file, plain or gzipped (per record or whole).
    Warc,
    /// A WACZ: a zip holding `archive/*.warc[.gz]`, `pages/pages.jsonl` and `datapackage.json`.
    Wacz,
}

/// The archive kind a file name says: `.warc`, `.warc.gz`, `.wacz` (any case).
pub fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        Some(Kind::Warc)
    } else if name.ends_with(".wacz") {
        Some(Kind::Wacz)
    } else {
        None
    }
}

/// A page found in an archive, ready to be read as a capture.
#[derive(Debug)]
pub struct Record {
    /// `ARCHIVE#OFFSET` (`CRAWL.wacz#FILE.warc.gz#OFFSET` for `archive/FILE.warc.gz` in a WACZ): where to find
    /// the record again (`tail -c +$((OFFSET+1)) ARCHIVE | zcat | head` for a gzipped WARC).
    pub path: PathBuf,
    /// The payload as the server meant it (transfer and content codings undone).
    pub payload: Vec<u8>,
    pub media: Media,
    /// What a sidecar would say: the record's URL and time, and the HTTP charset.
    pub sidecar: Sidecar,
}

/// One record of an archive, accounted for.
#[derive(Debug)]
pub enum Entry {
    Page(Record),
    /// Not a page (a request, an image, a redirect…); `kind` groups them in a summary.
    Skipped {
        kind: String,
    },
    /// A record that could not be read, or a page that could not be decoded.
    Rejected {
        path: PathBuf,
        reason: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a WACZ (a zip file): {reason}")]
    NotZip { path: PathBuf, reason: String },
    #[error("{path}: a WACZ with no WARC file under archive/")]
    NoWarc { path: PathBuf },
}

/// How to open one WARC stream again (to read it, or to re-read a revisit's original).
#[derive(Clone)]
struct Part {
    /// Shown before `#OFFSET`: the file, or `FILE.wacz#NAME` for `archive/NAME` in a WACZ.
    label: String,
    file: PathBuf,
    start: u64,
    len: Option<u64>,
    /// A zip entry compressed with deflate (WACZ writers store WARCs uncompressed, but a zip
    /// made by hand may not).
    deflated: bool,
}

impl Part {
    fn open(&self) -> std::io::Result<Box<dyn Source>> {
        let section = Section::open(&self.file, self.start, self.len)?;
        Ok(if self.deflated {
            Box::new(Inflating(flate2::read::DeflateDecoder::new(section)))
        } else {
            Box::new(section)
        })
    }

    fn name(&self, offset: Offset) -> PathBuf {
        PathBuf::from(format!("{}#{offset}", self.label))
    }
}

/// The records of an archive, in file order.
pub struct Entries {
    parts: VecDeque<Part>,
    current: Option<(Part, Framer)>,
    /// Payload digests of the pages read so far, for `revisit` records.
    seen: HashMap<String, (usize, Offset)>,
    /// Parts opened so far, to re-open one for a revisit's original.
    opened: Vec<Part>,
    /// A part that could not be opened: reported as the next entry.
    failed: VecDeque<Entry>,
}

/// Opens an archive. Errors are about the file as a whole (missing, not a zip); a damaged record
/// is an [`Entry::Rejected`] and reading goes on.
pub fn open(path: &Path) -> Result<Entries, ArchiveError> {
    open_as(path, &path.display().to_string())
}

/// As [`open`], with records named `LABEL#OFFSET` instead of `PATH#OFFSET`: for a copy of an
/// archive read under its original name (a Spark executor's local copy of a remote file).
pub fn open_as(path: &Path, label: &str) -> Result<Entries, ArchiveError> {
    let io = |source| ArchiveError::Io {
        path: path.into(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(io(std::io::Error::other(
            "not a regular file; only regular files are read",
        )));
    }
    let parts = match kind_of(path) {
        Some(Kind::Wacz) => wacz_parts(path, label)?,
        _ => vec![Part {
            label: label.to_owned(),
            file: path.into(),
            start: 0,
            len: None,
            deflated: false,
        }],
    };
    Ok(Entries {
        parts: parts.into(),
        current: None,
        seen: HashMap::new(),
        opened: Vec::new(),
        failed: VecDeque::new(),
    })
}

/// The WARC files of a WACZ, as windows of the zip file (never extracted to disk).
fn wacz_parts(path: &Path, label: &str) -> Result<Vec<Part>, ArchiveError> {
    let file = std::fs::File::open(path).map_err(|source| ArchiveError::Io {
        path: path.into(),
        source,
    })?;
    let not_zip = |e: zip::result::ZipError| ArchiveError::NotZip {
        path: path.into(),
        reason: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(not_zip)?;
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(not_zip)?;
        let Ok(name) = entry.name().map(|n| n.into_owned()) else {
            continue;
        };
        let lower = name.to_ascii_lowercase();
        if !lower.starts_with("archive/") || kind_of(Path::new(&lower)) != Some(Kind::Warc) {
            continue;
        }
        let deflated = match entry.compression() {
            zip::CompressionMethod::Stored => false,
            zip::CompressionMethod::Deflated => true,
            other => {
                return Err(ArchiveError::NotZip {
                    path: path.into(),
                    reason: format!(
                        "{name} is compressed with {other:?}, which dateline does not read"
                    ),
                });
            }
        };
        let Some(start) = entry.data_start() else {
            continue;
        };
        // The entry's name after `archive/`: a capture is named by the last component of its
        // path, so a `/` would hide the WACZ's own name.
        let inner = name["archive/".len()..].replace('/', "%2F");
        parts.push(Part {
            label: format!("{label}#{inner}"),
            file: path.into(),
            start,
            len: Some(entry.compressed_size()),
            deflated,
        });
    }
    if parts.is_empty() {
        return Err(ArchiveError::NoWarc { path: path.into() });
    }
    Ok(parts)
}

impl Iterator for Entries {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(e) = self.failed.pop_front() {
                return Some(e);
            }
            let Some((part, framer)) = &mut self.current else {
                let part = self.parts.pop_front()?;
                match part.open().and_then(Framer::new) {
                    Ok(f) => {
                        self.opened.push(part.clone());
                        self.current = Some((part, f));
                    }
                    Err(e) => self.failed.push_back(Entry::Rejected {
                        path: PathBuf::from(&part.label),
                        reason: format!("cannot read: {e}"),
                    }),
                }
                continue;
            };
            match framer.next() {
                None => self.current = None,
                Some(Err(p)) => {
                    return Some(Entry::Rejected {
                        path: part.name(p.offset),
                        reason: p.reason,
                    });
                }
                Some(Ok(raw)) => {
                    let part = part.clone();
                    return Some(self.entry(&part, raw));
                }
            }
        }
    }
}

impl Entries {
    fn entry(&mut self, part: &Part, raw: Raw) -> Entry {
        let kind = raw
            .header("WARC-Type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        match kind.as_str() {
            "response" | "resource" => {
                let entry = page(part, &raw);
                if let (Entry::Page(_), Some(digest)) = (&entry, raw.header("WARC-Payload-Digest"))
                {
                    self.seen
                        .insert(digest.to_owned(), (self.opened.len() - 1, raw.offset));
                }
                entry
            }
            "revisit" => self.revisit(part, &raw),
            "" => Entry::Rejected {
                path: part.name(raw.offset),
                reason: "a record without WARC-Type".into(),
            },
            other => Entry::Skipped {
                kind: format!("{other} records"),
            },
        }
    }

    /// A revisit says "the same payload as an earlier record": that record's page, at the
    /// revisit's URL and time.
    fn revisit(&mut self, part: &Part, raw: &Raw) -> Entry {
        let original = raw
            .header("WARC-Payload-Digest")
            .and_then(|d| self.seen.get(d))
            .copied();
        let Some((index, offset)) = original else {
            return Entry::Skipped {
                kind: "revisit records whose original is not in the archive".into(),
            };
        };
        let origin = &self.opened[index];
        let reread = origin
            .open()
            .and_then(|s| Framer::at(s, offset))
            .ok()
            .and_then(|mut f| f.next())
            .and_then(Result::ok);
        let Some(first) = reread else {
            return Entry::Rejected {
                path: part.name(raw.offset),
                reason: format!(
                    "revisit of {}, which cannot be read again",
                    origin.name(offset).display()
                ),
            };
        };
        match page(origin, &first) {
            Entry::Page(mut record) => match origin_of(raw) {
                Ok((url, at)) => {
                    record.path = part.name(raw.offset);
                    record.sidecar.url = url.or(record.sidecar.url);
                    record.sidecar.captured_at = at.or(record.sidecar.captured_at);
                    Entry::Page(record)
                }
                Err(reason) => Entry::Rejected {
                    path: part.name(raw.offset),
                    reason,
                },
            },
            other => other,
        }
    }
}

/// URL and time from a record's headers, checked as a sidecar's would be.
fn origin_of(raw: &Raw) -> Result<(Option<String>, Option<String>), String> {
    let url = match raw.header("WARC-Target-URI") {
        None => None,
        Some(u) => {
            // WARC 1.0 examples wrote the URI in angle brackets; some tools still do.
            let u = u.trim().trim_start_matches('<').trim_end_matches('>');
            if !is_absolute_url(u) {
                return Err(format!("WARC-Target-URI {u:?} is not an absolute URL"));
            }
            Some(u.to_owned())
        }
    };
    let at = match raw.header("WARC-Date") {
        None => None,
        Some(d) => {
            let t: jiff::Timestamp = d
                .trim()
                .parse()
                .map_err(|e| format!("WARC-Date {d:?} is not a UTC time ({e})"))?;
            Some(t.to_string())
        }
    };
    Ok((url, at))
}

/// The page of a `response` or `resource` record, or why it is not one.
fn page(part: &Part, raw: &Raw) -> Entry {
    let path = part.name(raw.offset);
    let block = match &raw.block {
        Block::Bytes(b) => b.clone(),
        Block::TooLarge => {
            return Entry::Skipped {
                kind: format!(
                    "records over the {} MiB limit for one capture",
                    MAX_CAPTURE_BYTES / (1024 * 1024)
                ),
            };
        }
    };
    let (url, captured_at) = match origin_of(raw) {
        Ok(x) => x,
        Err(reason) => return Entry::Rejected { path, reason },
    };
    if let Some(skipped) = not_from_the_web(raw, url.as_deref()) {
        return skipped;
    }
    let (content_type, payload) = match typed_payload(raw, block) {
        Ok(x) => x,
        Err(Unread::Skipped(kind)) => return Entry::Skipped { kind },
        Err(Unread::Rejected(reason)) => return Entry::Rejected { path, reason },
    };
    let (media, charset) = match media_of(content_type.as_deref()) {
        Ok(x) => x,
        Err(kind) => return Entry::Skipped { kind },
    };
    if payload.iter().all(u8::is_ascii_whitespace) {
        return Entry::Skipped {
            kind: "empty payloads".into(),
        };
    }
    Entry::Page(Record {
        path,
        payload,
        media,
        sidecar: Sidecar {
            url,
            captured_at,
            outlet: None,
            charset,
        },
    })
}

/// Crawlers keep their own files as records too (wget: its log and arguments at `metadata://`
/// URIs; others `urn:` or `dns:`): only what came from the web is a page.
fn not_from_the_web(raw: &Raw, url: Option<&str>) -> Option<Entry> {
    let scheme = url?
        .split_once(':')
        .map_or("", |(s, _)| s)
        .to_ascii_lowercase();
    if scheme == "http" || scheme == "https" {
        return None;
    }
    Some(Entry::Skipped {
        kind: format!(
            "{} records of {scheme}: URIs",
            raw.header("WARC-Type")
                .unwrap_or_default()
                .to_ascii_lowercase()
        ),
    })
}

/// Why a record's block yields no payload: the kind it is counted under, or a reason to reject it.
enum Unread {
    Skipped(String),
    Rejected(String),
}

/// The payload and its `Content-Type`: an HTTP response's decoded body, else the block as stored
/// (a `resource` record, or a response saved without its HTTP framing).
fn typed_payload(raw: &Raw, block: Vec<u8>) -> Result<(Option<String>, Vec<u8>), Unread> {
    let warc_type = raw.header("Content-Type").unwrap_or_default();
    let is_http = warc_type
        .to_ascii_lowercase()
        .starts_with("application/http")
        || (warc_type.is_empty() && block.starts_with(b"HTTP/"));
    let is_response = raw
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"));
    if !(is_response && is_http) {
        return Ok((Some(warc_type.to_owned()).filter(|t| !t.is_empty()), block));
    }
    let response = http::parse(block).map_err(Unread::Rejected)?;
    if !(200..300).contains(&response.status) || response.status == 204 {
        return Err(Unread::Skipped(format!(
            "HTTP {} responses",
            response.status
        )));
    }
    let content_type = response.header("Content-Type").map(str::to_owned);
    media_of(content_type.as_deref()).map_err(Unread::Skipped)?;
    let body = http::decoded_body(&response, MAX_CAPTURE_BYTES).map_err(Unread::Rejected)?;
    Ok((content_type, body))
}

/// A page's media and charset from its `Content-Type`; `Err` names what else it is. A payload
/// without a type is read as text (HTML is recognised from its first bytes, binary refused).
fn media_of(content_type: Option<&str>) -> Result<(Media, Option<String>), String> {
    let Some(ct) = content_type else {
        return Ok((Media::Text, None));
    };
    let mut params = ct.split(';');
    let mime = params
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let charset = params
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches(['"', '\'']).to_owned())
        .filter(|label| encoding_rs_knows(label));
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Ok((Media::Html, charset)),
        "text/plain" | "" => Ok((Media::Text, charset)),
        other => Err(format!("{other} payloads")),
    }
}

fn encoding_rs_knows(label: &str) -> bool {
    dateline_core::decode::is_encoding_label(label)
}
