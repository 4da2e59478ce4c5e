//! Bytes → text, the way a browser would decide, and honest about what it did.
//!
//! Order (WHATWG): byte-order mark, then a charset declared out of band (sidecar), then a
//! `<meta charset>` prescan of an HTML head, then UTF-8 when the bytes are valid UTF-8, then
//! chardetng's guess (with the site's top-level domain as a hint). A declared charset is preferred to a
//! guess because single-byte encodings such as windows-1256 decode *any* byte sequence, so a clean
//! decode proves nothing.

use encoding_rs::Encoding;
use serde::Serialize;

/// How the encoding was chosen, recorded so a user can see why a page looks the way it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingSource {
    Bom,
    Sidecar,
    MetaCharset,
    ValidUtf8,
    Guessed,
}

#[derive(Debug, Clone)]
pub struct Decoded {
    /// Text with line endings normalised to `\n` and the BOM removed.
    pub text: String,
    /// WHATWG name of the encoding used, e.g. `UTF-8`, `windows-1256`, `UTF-16LE`.
    pub encoding: &'static str,
    pub source: EncodingSource,
    /// True when malformed sequences were replaced with U+FFFD.
    pub replaced: bool,
}

/// Decodes `bytes`. `declared` is a charset label from outside the document (sidecar);
/// `html` enables the `<meta>` prescan; `tld` is a hint for the detector (e.g. `"iq"`).
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool, tld: Option<&str>) -> Decoded {
    let (encoding, source, bom_len) = choose(bytes, declared, html, tld);
    let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        source,
        replaced,
    }
}

fn choose(
    bytes: &[u8],
    declared: Option<&str>,
    html: bool,
    tld: Option<&str>,
) -> (&'static Encoding, EncodingSource, usize) {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return (enc, EncodingSource::Bom, len);
    }
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return (enc, EncodingSource::Sidecar, 0);
    }
    if html && let Some(enc) = prescan_meta_charset(bytes) {
        return (enc, EncodingSource::MetaCharset, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (encoding_rs::UTF_8, EncodingSource::ValidUtf8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = tld.map(str::as_bytes);
    let enc = detector.guess(tld, chardetng::Utf8Detection::Allow);
    (enc, EncodingSource::Guessed, 0)
}

/// Looks for `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` in the first
/// 1024 bytes. A simplified form of the HTML spec's prescan: enough for saved pages, never panics.
pub fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + 7..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'\t' | b'\n'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // The spec maps a declared UTF-16 to UTF-8: a document that could declare it in
                    // ASCII is not UTF-16.
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(encoding_rs::UTF_8);
                    }
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFhello", None, false, None);
        assert_eq!(d.text, "hello");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.source, EncodingSource::Bom);
    }

    #[test]
    fn utf16le_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Erbil\r\nذ".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None, false, None);
        assert_eq!(d.text, "Erbil\nذ");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn meta_prescan_finds_charset() {
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">";
        assert_eq!(prescan_meta_charset(html), Some(encoding_rs::WINDOWS_1256));
        let html = b"<meta charset='utf-8'>";
        assert_eq!(prescan_meta_charset(html), Some(encoding_rs::UTF_8));
        assert_eq!(prescan_meta_charset(b"<meta charset"), None);
    }

    #[test]
    fn declared_charset_beats_guess() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("بغداد");
        let d = decode(&bytes, Some("windows-1256"), false, None);
        assert_eq!(d.text, "بغداد");
        assert_eq!(d.source, EncodingSource::Sidecar);
    }

    #[test]
    fn lone_cr_and_crlf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
