//! A capture: one saved page on disk, its optional sidecar, and its decoded text.

use crate::decode::{self, EncodingSource};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Captures larger than this are rejected before they are read: a saved news page is rarely over a
/// few megabytes, and a runaway file must not take the machine's memory.
pub const MAX_CAPTURE_BYTES: u64 = 32 * 1024 * 1024;

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
    /// RFC 3339, e.g. `2025-07-25T20:00:00Z`. Anchors relative dates ("12 hours ago").
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
            | CaptureError::NotACapture { path } => path,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Capture {
    /// File name, as reported in every output line and error.
    pub name: String,
    #[serde(skip)]
    pub path: PathBuf,
    /// Hex SHA-256 of the bytes on disk: the capture's identity.
    pub sha256: String,
    pub url: Option<String>,
    pub captured_at: Option<Timestamp>,
    pub outlet_hint: Option<String>,
    pub media: Media,
    pub encoding: &'static str,
    pub encoding_source: EncodingSource,
    /// True when undecodable bytes were replaced with U+FFFD.
    pub replaced: bool,
    #[serde(skip)]
    pub text: String,
}

impl Capture {
    /// Reads `path` and its sidecar (`path` with extension `.toml`) if one exists.
    pub fn load(path: &Path) -> Result<Capture, CaptureError> {
        let media =
            media_for(path).ok_or_else(|| CaptureError::NotACapture { path: path.into() })?;
        let io = |source| CaptureError::Io {
            path: path.into(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_CAPTURE_BYTES {
            return Err(CaptureError::TooLarge {
                path: path.into(),
                size,
                limit: MAX_CAPTURE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let sidecar_path = path.with_extension("toml");
        let sidecar = match std::fs::read_to_string(&sidecar_path) {
            Ok(text) => Some(
                parse_sidecar(&text).map_err(|reason| CaptureError::Sidecar {
                    path: sidecar_path.clone(),
                    reason,
                })?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(CaptureError::Io {
                    path: sidecar_path,
                    source,
                });
            }
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
        let captured_at = match &sidecar.captured_at {
            Some(s) => Some(
                parse_captured_at(s).map_err(|reason| CaptureError::Sidecar {
                    path: path.with_extension("toml"),
                    reason,
                })?,
            ),
            None => None,
        };
        let tld = sidecar
            .url
            .as_deref()
            .and_then(host_of)
            .and_then(|h| h.rsplit('.').next().map(str::to_owned));
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
            tld.as_deref(),
        );
        if let Some(why) = binary_reason(&decoded.text) {
            return Err(CaptureError::Binary {
                path: path.into(),
                why,
            });
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(Capture {
            name,
            path: path.into(),
            sha256: hex_sha256(bytes),
            url: sidecar.url,
            captured_at,
            outlet_hint: sidecar.outlet,
            media,
            encoding: decoded.encoding,
            encoding_source: decoded.source,
            replaced: decoded.replaced,
            text: decoded.text,
        })
    }

    /// Host of the capture's URL without `www.`, lower-cased.
    pub fn host(&self) -> Option<String> {
        self.url.as_deref().and_then(host_of)
    }
}

/// `.txt` → text, `.html`/`.htm` → HTML; anything else is not a capture.
pub fn media_for(path: &Path) -> Option<Media> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" => Some(Media::Text),
        "html" | "htm" | "xhtml" => Some(Media::Html),
        _ => None,
    }
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

/// Text that is mostly control characters (or holds NULs) is binary, whatever decoder accepted it.
fn binary_reason(text: &str) -> Option<String> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return Some("it contains NUL bytes".into());
        }
        if c.is_control() && !matches!(c, '\n' | '\t' | '\x0c') {
            control += 1;
        }
    }
    let replacement = text
        .chars()
        .take(64 * 1024)
        .filter(|&c| c == '\u{fffd}')
        .count();
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
}
