//! A capture: one saved page on disk, its optional sidecar, and its decoded text.

use crate::decode::{self, EncodingSource};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Captures larger than this are rejected before they are read: a saved news page is rarely over a
/// few megabytes, and a runaway file must not take the machine's memory.
pub const MAX_CAPTURE_BYTES: u64 = 32 * 1024 * 1024;

/// A sidecar holds four short fields; anything larger is not one.
pub const MAX_SIDECAR_BYTES: u64 = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Media {
    Text,
    Html,
}

/// `NAME.toml` beside `NAME.txt` / `NAME.html`. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    pub url: Option<String>,
    /// RFC 3339, e.g. `2025-08-02T09:30:00Z`. Anchors relative dates ("12 hours ago"). Quoted or
    /// written as a TOML date-time (`captured_at = 2025-08-02T09:30:00Z`): both mean the same.
    #[serde(default, deserialize_with = "time_text")]
    pub captured_at: Option<String>,
    /// Who wrote the page, when the page does not say.
    pub outlet: Option<String>,
    /// Charset label (`windows-1256`), for text captures that do not declare one.
    pub charset: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: {} MiB is over the {} MiB limit for one capture", mib(*.size), mib(*.limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: binary data, not a text or HTML page ({why})")]
    Binary { path: PathBuf, why: String },
    #[error("{path}: bad sidecar: {reason}")]
    Sidecar { path: PathBuf, reason: String },
    #[error("{path}: not a capture (expected .txt, .html or .htm)")]
    NotACapture { path: PathBuf },
    /// A FIFO, socket, device or folder where a page was expected. Such a file is never opened:
    /// reading a FIFO waits for a writer forever, and a device reports size 0 and never ends.
    #[error("{path}: not a regular file ({kind}); only regular files are read")]
    NotRegular { path: PathBuf, kind: &'static str },
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl CaptureError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            CaptureError::Io { path, .. }
            | CaptureError::Empty { path }
            | CaptureError::TooLarge { path, .. }
            | CaptureError::Binary { path, .. }
            | CaptureError::Sidecar { path, .. }
            | CaptureError::NotACapture { path }
            | CaptureError::NotRegular { path, .. } => path,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    /// File name, as reported in every output line and error.
    pub name: String,
    #[serde(skip)]
    pub path: PathBuf,
    /// Hex SHA-256 identity of what was read: the page bytes and, when there is one, what the
    /// sidecar says (see [`identity`]). A sidecar added or fixed later changes how the page is
    /// read (its URL, anchor time, outlet, charset), so it makes a new version of the capture.
    pub sha256: String,
    pub url: Option<String>,
    pub captured_at: Option<Timestamp>,
    pub outlet_hint: Option<String>,
    pub media: Media,
    pub encoding: &'static str,
    pub encoding_source: EncodingSource,
    /// True when undecodable bytes were replaced with U+FFFD.
    pub replaced: bool,
    /// What was repaired on the way in and how (bad UTF-8 bytes and where, NUL bytes dropped): the
    /// capture was read, but a user should know its text is not exactly its bytes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub text: String,
}

impl Capture {
    /// Reads `path` and its sidecar (`path` with extension `.toml`) if one exists.
    pub fn load(path: &Path) -> Result<Capture, CaptureError> {
        let media =
            media_for(path).ok_or_else(|| CaptureError::NotACapture { path: path.into() })?;
        let bytes = match read_capped(path, MAX_CAPTURE_BYTES)? {
            Contents::Bytes(b) => b,
            Contents::TooLarge(size) => {
                return Err(CaptureError::TooLarge {
                    path: path.into(),
                    size,
                    limit: MAX_CAPTURE_BYTES,
                });
            }
            Contents::NotFound(source) => {
                return Err(CaptureError::Io {
                    path: path.into(),
                    source,
                });
            }
        };
        let sidecar_path = path.with_extension("toml");
        let sidecar_error = |reason: String| CaptureError::Sidecar {
            path: sidecar_path.clone(),
            reason,
        };
        let sidecar = match read_capped(&sidecar_path, MAX_SIDECAR_BYTES) {
            Ok(Contents::Bytes(b)) => {
                let text = String::from_utf8(b)
                    .map_err(|e| sidecar_error(format!("not UTF-8 text ({e})")))?;
                Some(parse_sidecar(&text).map_err(sidecar_error)?)
            }
            Ok(Contents::NotFound(_)) => None,
            Ok(Contents::TooLarge(size)) => {
                return Err(sidecar_error(format!(
                    "{size} bytes is over the {MAX_SIDECAR_BYTES} bytes a sidecar may have"
                )));
            }
            Err(CaptureError::NotRegular { kind, .. }) => {
                return Err(sidecar_error(format!(
                    "not a regular file ({kind}); only regular files are read"
                )));
            }
            Err(e) => return Err(e),
        };
        Capture::from_bytes(path, &bytes, media, sidecar.unwrap_or_default())
    }

    /// Builds a capture from bytes already in memory (tests, fuzzing, other front ends).
    pub fn from_bytes(
        path: &Path,
        bytes: &[u8],
        media: Media,
        sidecar: Sidecar,
    ) -> Result<Capture, CaptureError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(CaptureError::Empty { path: path.into() });
        }
        if bytes.len() as u64 > MAX_CAPTURE_BYTES {
            return Err(CaptureError::TooLarge {
                path: path.into(),
                size: bytes.len() as u64,
                limit: MAX_CAPTURE_BYTES,
            });
        }
        let captured_at = check_sidecar(path, &sidecar)?;
        // A .txt that is really saved HTML is read as HTML.
        let media = if media == Media::Text && looks_like_html(bytes) {
            Media::Html
        } else {
            media
        };
        let decoded = decode::decode(
            bytes,
            sidecar.charset.as_deref(),
            media == Media::Html,
            url_tld(sidecar.url.as_deref()).as_deref(),
        );
        if let Some(why) = binary_reason(&decoded.text) {
            return Err(CaptureError::Binary {
                path: path.into(),
                why,
            });
        }
        let (text, warnings) = repaired_text(
            decoded.text,
            &decoded.invalid_utf8,
            decoded.invalid_utf8_count,
        );
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let sha256 = identity(bytes, &sidecar, captured_at);
        Ok(Capture {
            name,
            path: path.into(),
            sha256,
            url: sidecar.url,
            captured_at,
            outlet_hint: sidecar.outlet,
            media,
            encoding: decoded.encoding,
            encoding_source: decoded.source,
            replaced: decoded.replaced,
            warnings,
            text,
        })
    }

    /// Host of the capture's URL without `www.`, lower-cased.
    pub fn host(&self) -> Option<String> {
        self.url.as_deref().and_then(host_of)
    }
}

/// Checks what a sidecar says before the page is read by it: a charset label that names an
/// encoding, an absolute URL (it chooses the site's adapter), a capture time with an offset (it
/// anchors relative dates), which is returned.
fn check_sidecar(path: &Path, sidecar: &Sidecar) -> Result<Option<Timestamp>, CaptureError> {
    let sidecar_error = |reason| CaptureError::Sidecar {
        path: path.with_extension("toml"),
        reason,
    };
    if let Some(label) = &sidecar.charset
        && encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none()
    {
        return Err(sidecar_error(format!(
            "charset {label:?} is not an encoding label (e.g. \"utf-8\", \"windows-1256\")"
        )));
    }
    if let Some(url) = &sidecar.url
        && !is_absolute_url(url)
    {
        return Err(sidecar_error(format!(
            "url {url:?} is not an absolute URL (e.g. \"https://www.rudaw.net/english/…\")"
        )));
    }
    sidecar
        .captured_at
        .as_deref()
        .map(parse_captured_at)
        .transpose()
        .map_err(sidecar_error)
}

/// The top-level domain of a page's URL: a legacy encoding is guessed by the country it serves.
fn url_tld(url: Option<&str>) -> Option<String> {
    url.and_then(host_of)
        .and_then(|h| h.rsplit('.').next().map(str::to_owned))
}

/// The decoded text without NUL characters, with a warning for each kind of repair made on the way
/// in (bad UTF-8 bytes replaced at `invalid_utf8`, NULs removed).
fn repaired_text(
    text: String,
    invalid_utf8: &[usize],
    invalid_utf8_count: usize,
) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    if !invalid_utf8.is_empty() {
        warnings.push(invalid_utf8_warning(invalid_utf8, invalid_utf8_count));
    }
    // A stray NUL carries no text; left in, it would reach the store and every output.
    let nuls = text.matches('\0').count();
    if nuls == 0 {
        return (text, warnings);
    }
    warnings.push(format!(
        "{nuls} NUL {} removed",
        if nuls == 1 { "character" } else { "characters" }
    ));
    (text.replace('\0', ""), warnings)
}

/// What reading a file found.
enum Contents {
    Bytes(Vec<u8>),
    /// Over the limit: the size on disk, or the limit + 1 for a file that grew while read.
    TooLarge(u64),
    NotFound(std::io::Error),
}

/// Reads a regular file (through symlinks), never more than `limit` + 1 bytes.
///
/// The type is checked before opening: opening a FIFO for reading blocks until someone writes,
/// and a device (`/dev/zero` behind a symlink) reports size 0 and never ends. The size on disk
/// rejects most large files before reading; the capped reader holds the limit for files that grow.
fn read_capped(path: &Path, limit: u64) -> Result<Contents, CaptureError> {
    let io = |source| CaptureError::Io {
        path: path.into(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Contents::NotFound(e)),
        Err(e) => return Err(io(e)),
    };
    if !meta.is_file() {
        return Err(CaptureError::NotRegular {
            path: path.into(),
            kind: file_kind(&meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Ok(Contents::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The file may have been replaced between the check and the open.
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(CaptureError::NotRegular {
            path: path.into(),
            kind: file_kind(&opened.file_type()),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(limit)).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Ok(Contents::TooLarge(bytes.len() as u64));
    }
    Ok(Contents::Bytes(bytes))
}

/// What a file that is not a regular file is, in words a user recognises.
fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// `scheme://host…` with a host that has a dot and no spaces: what [`host_of`] can use to choose
/// a site's adapter. A text such as "not a url" would otherwise be stored as the page's address.
/// An absolute URL with a host, as a sidecar's `url` must be.
pub fn is_absolute_url(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once("://") else {
        return false;
    };
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !url.chars().any(char::is_whitespace)
        && host_of(url).is_some()
}

/// Offsets listed in a warning; a damaged file can have thousands.
const OFFSETS_SHOWN: usize = 10;

fn invalid_utf8_warning(offsets: &[usize], count: usize) -> String {
    let shown: Vec<String> = offsets
        .iter()
        .take(OFFSETS_SHOWN)
        .map(ToString::to_string)
        .collect();
    let more = count.saturating_sub(shown.len());
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let (sequences, at) = if count == 1 {
        ("sequence", "offset")
    } else {
        ("sequences", "offsets")
    };
    format!(
        "read as UTF-8 with {count} invalid {sequences} replaced by U+FFFD, at byte {at} {}{more}",
        shown.join(", ")
    )
}

/// `.txt` → text, `.html`/`.htm` → HTML; anything else is not a capture.
pub fn media_for(path: &Path) -> Option<Media> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" => Some(Media::Text),
        "html" | "htm" | "xhtml" => Some(Media::Html),
        _ => None,
    }
}

/// `captured_at` as text, whether the sidecar quotes it or writes a TOML date-time.
fn time_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Time {
        Text(String),
        DateTime(toml::value::Datetime),
    }
    Ok(Option::<Time>::deserialize(d)?.map(|t| match t {
        Time::Text(s) => s,
        Time::DateTime(d) => d.to_string(),
    }))
}

pub fn parse_sidecar(text: &str) -> Result<Sidecar, String> {
    toml::from_str(text).map_err(|e| e.message().to_owned())
}

fn parse_captured_at(s: &str) -> Result<Timestamp, String> {
    s.parse::<Timestamp>()
        .map_err(|e| format!("captured_at {s:?} is not an RFC 3339 time with offset ({e})"))
}

/// Host of a URL, lower-cased, without `www.`; `None` when the text is not an absolute URL.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(256)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"\xef\xbb\xbf<!doctype html")
}

/// Text with more than a few percent of control characters (NUL included) is binary, whatever
/// decoder accepted it. A proportion, not a presence: one stray NUL in a saved page is damage to
/// repair, not proof that the file is an image.
fn binary_reason(text: &str) -> Option<String> {
    // The first 64 KiB, judged by its bytes in passes the compiler vectorises: characters are the
    // bytes that start one, control characters are C0 (bar line breaks, tabs and form feeds), DEL
    // and C1 (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8).
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text.as_bytes()[..end];
    let total = decode::count_bytes(head, |b| b & 0xC0 != 0x80);
    let low = decode::count_bytes(head, |b| b < 0x20 || b == 0x7F);
    let spacing = decode::count_bytes(head, |b| b == b'\n' || b == b'\t' || b == b'\x0c');
    let c0 = low - spacing;
    let c1 = memchr::memchr_iter(0xC2, head)
        .filter(|&i| head.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .count();
    let mut control = c0 + c1;
    let replacement = memchr::memmem::find_iter(head, "\u{fffd}".as_bytes()).count();
    // A single control character is not a proportion, however short the text.
    if control == 1 {
        control = 0;
    }
    if total > 0 && (control * 100 / total >= 2 || replacement * 100 / total >= 10) {
        return Some(format!(
            "{} of its first {total} characters are control or undecodable",
            control + replacement
        ));
    }
    None
}

fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A capture's identity: the SHA-256 of its page bytes alone when the sidecar says nothing (so a
/// page without one keeps the identity it always had), else the SHA-256 of that hash followed by
/// the sidecar's canonical form. The canonical form is what the sidecar means, not its text: the
/// parsed time, the encoding a charset label names, fields in a fixed order, values quoted, so a
/// comment or a reordering is the same version and any change of meaning is a new one.
pub fn identity(bytes: &[u8], sidecar: &Sidecar, captured_at: Option<Timestamp>) -> String {
    let page = hex_sha256(bytes);
    let charset = sidecar.charset.as_deref().map(|label| {
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .map_or_else(|| label.trim().to_owned(), |e| e.name().to_owned())
    });
    let fields = [
        ("url", sidecar.url.clone()),
        ("captured_at", captured_at.map(|t| t.to_string())),
        ("outlet", sidecar.outlet.clone()),
        ("charset", charset),
    ];
    if fields.iter().all(|(_, v)| v.is_none()) {
        return page;
    }
    let mut canonical = format!("page {page}\n");
    for (key, value) in &fields {
        if let Some(v) = value {
            canonical.push_str(&format!("{key} {v:?}\n"));
        }
    }
    hex_sha256(canonical.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> Result<Capture, CaptureError> {
        Capture::from_bytes(Path::new("x.txt"), bytes, Media::Text, Sidecar::default())
    }

    #[test]
    fn empty_and_binary_are_rejected_with_reasons() {
        assert!(matches!(load(b""), Err(CaptureError::Empty { .. })));
        assert!(matches!(load(b" \n\n"), Err(CaptureError::Empty { .. })));
        let err = load(b"\x00\x01\x02\x03PK\x03\x04").unwrap_err();
        assert!(err.to_string().starts_with("x.txt: binary data"), "{err}");
    }

    #[test]
    fn the_sidecar_is_part_of_the_identity() {
        let page = b"Bridge opens\n\nThe ministry said the bridge would open.";
        let read = |sidecar: Sidecar| {
            Capture::from_bytes(Path::new("x.txt"), page, Media::Text, sidecar)
                .map(|c| c.sha256)
                .unwrap_or_default()
        };
        let bare = read(Sidecar::default());
        assert_eq!(bare, hex_sha256(page), "no sidecar: the page's own hash");
        let at = |t: &str| Sidecar {
            captured_at: Some(t.into()),
            ..Default::default()
        };
        let monday = read(at("2025-07-21T08:00:00Z"));
        assert_ne!(monday, bare, "a sidecar added later is a new version");
        assert_ne!(read(at("2025-07-22T08:00:00Z")), monday, "a fixed one too");
        assert_eq!(
            read(at("2025-07-21T11:00:00+03:00")),
            monday,
            "the same instant written another way is the same version"
        );
        let charset = |c: &str| Sidecar {
            charset: Some(c.into()),
            ..Default::default()
        };
        assert_eq!(read(charset("latin1")), read(charset("windows-1252")));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.rudaw.net/english/x"),
            Some("rudaw.net".into())
        );
        assert_eq!(
            host_of("https://baghdadtelegraph.com/?p=6043"),
            Some("baghdadtelegraph.com".into())
        );
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn sidecar_fields() {
        let s =
            parse_sidecar("url = \"https://x.com/a\"\ncaptured_at = \"2025-07-25T20:00:00Z\"\n")
                .unwrap();
        assert_eq!(s.url.as_deref(), Some("https://x.com/a"));
        assert!(parse_sidecar("captured = 1").is_err());
        let err = Capture::from_bytes(
            Path::new("a.txt"),
            b"hello",
            Media::Text,
            Sidecar {
                captured_at: Some("yesterday".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("captured_at"), "{err}");
    }

    #[test]
    fn an_unquoted_toml_datetime_is_the_same_capture_time() {
        let quoted = parse_sidecar("captured_at = \"2025-07-25T20:00:00Z\"").unwrap();
        let bare = parse_sidecar("captured_at = 2025-07-25T20:00:00Z").unwrap();
        let time = |s: Sidecar| {
            Capture::from_bytes(Path::new("a.txt"), b"hello", Media::Text, s)
                .unwrap()
                .captured_at
        };
        assert_eq!(time(bare), time(quoted));
        // A local time has no offset: refused with the reason, not "invalid type: map".
        let local = parse_sidecar("captured_at = 2025-07-25T20:00:00").unwrap();
        let err =
            Capture::from_bytes(Path::new("a.txt"), b"hello", Media::Text, local).unwrap_err();
        assert!(err.to_string().contains("with offset"), "{err}");
    }
}
