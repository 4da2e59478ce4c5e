//! Bytes → text, the way a browser would decide, and honest about what it did.
//!
//! Order (WHATWG, with one departure): byte-order mark, then a charset declared out of band
//! (sidecar, HTTP header of an archived response), then UTF-16 recognised by its pattern of zero
//! bytes, then valid UTF-8 with real multi-byte text (a page re-saved as UTF-8 keeps its old
//! declaration; browsers obey it and show mojibake), then a `<meta charset>` prescan, then
//! UTF-8 when the bytes are valid UTF-8 or nearly so, then chardetng's guess (with the site's
//! top-level domain as a hint). A declared charset is preferred to a guess because single-byte
//! encodings such as windows-1256 decode *any* byte sequence, so a clean decode proves nothing.
//!
//! UTF-16 without a BOM comes before the UTF-8 check because ASCII text in UTF-16 is valid UTF-8
//! (every other byte a NUL). Nearly valid UTF-8 (a few bad bytes, a character cut at the end of
//! the file) stays UTF-8: handed to the detector it would become mojibake from the first byte to
//! the last, where replacement characters spoil only the bad bytes, and the offsets are reported.

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
    /// UTF-8 but for a few malformed sequences, replaced with U+FFFD (see [`Decoded::invalid_utf8`]).
    MostlyUtf8,
    /// UTF-16 without a BOM, recognised by ASCII characters' zero high bytes.
    Utf16Pattern,
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
    /// For [`EncodingSource::MostlyUtf8`]: the byte offsets of the first malformed sequences (at
    /// most [`OFFSETS_KEPT`]), so a warning can say where the file is damaged.
    pub invalid_utf8: Vec<usize>,
    /// How many malformed sequences there are in all.
    pub invalid_utf8_count: usize,
}

/// Offsets of malformed UTF-8 kept for a warning: a hostile file can have one per byte, and
/// eight bytes of offset per byte of input would be memory out of all proportion.
pub const OFFSETS_KEPT: usize = 32;

/// True when `label` names an encoding (`utf-8`, `windows-1256`, `latin1`…), as WHATWG labels do.
pub fn is_encoding_label(label: &str) -> bool {
    Encoding::for_label(label.trim().as_bytes()).is_some()
}

/// Decodes `bytes`. `declared` is a charset label from outside the document (sidecar);
/// `html` enables the `<meta>` prescan; `tld` is a hint for the detector (e.g. `"iq"`).
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool, tld: Option<&str>) -> Decoded {
    // Validated once: nearly every page is UTF-8, and the choice and the decoding both ask.
    let utf8 = std::str::from_utf8(bytes).ok();
    let (encoding, source, bom_len) = choose(bytes, utf8.is_some(), declared, html, tld);
    let (text, replaced) = match utf8.and_then(|t| t.get(bom_len..)) {
        Some(text) if encoding == encoding_rs::UTF_8 => (std::borrow::Cow::Borrowed(text), false),
        _ => encoding.decode_without_bom_handling(&bytes[bom_len..]),
    };
    let (invalid_utf8, invalid_utf8_count) = if source == EncodingSource::MostlyUtf8 {
        let damage = utf8_damage(bytes);
        (damage.first_invalid, damage.invalid)
    } else {
        (Vec::new(), 0)
    };
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        source,
        replaced,
        invalid_utf8,
        invalid_utf8_count,
    }
}

/// What a UTF-8 reading of some bytes finds: the offsets of malformed sequences (a sequence cut
/// by the end of the file counts as one) and how many well-formed multi-byte characters there are.
struct Utf8Damage {
    /// Offsets of the first [`OFFSETS_KEPT`] malformed sequences.
    first_invalid: Vec<usize>,
    invalid: usize,
    multibyte: usize,
}

fn utf8_damage(bytes: &[u8]) -> Utf8Damage {
    let mut damage = Utf8Damage {
        first_invalid: Vec::new(),
        invalid: 0,
        multibyte: 0,
    };
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let (valid, skip) = match std::str::from_utf8(rest) {
            Ok(s) => (s, None),
            Err(e) => {
                let valid_len = e.valid_up_to();
                // `None`: a sequence cut by the end of the input; it runs to the end.
                let bad = e.error_len().unwrap_or(rest.len() - valid_len);
                (
                    std::str::from_utf8(&rest[..valid_len]).unwrap_or_default(),
                    Some(bad),
                )
            }
        };
        damage.multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        at += valid.len();
        match skip {
            Some(bad) => {
                if damage.first_invalid.len() < OFFSETS_KEPT {
                    damage.first_invalid.push(at);
                }
                damage.invalid += 1;
                at += bad.max(1);
            }
            None => break,
        }
    }
    damage
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 with some damage: there are malformed
/// sequences, but at least as many well-formed multi-byte characters. Text in a legacy encoding
/// that is not ASCII fails almost every multi-byte check (windows-1256 Arabic, GBK Chinese), so
/// its malformed sequences far outnumber the well-formed ones by chance.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let damage = utf8_damage(bytes);
    damage.invalid > 0 && damage.multibyte >= damage.invalid
}

/// Recognises UTF-16 without a BOM from the first 4 KiB: in text with ASCII characters (spaces,
/// digits, punctuation, markup), one byte of each such code unit is zero and it is always the same
/// one (the high byte). Returns `None` unless one side is zero in at least a fifth of the units,
/// the other side almost never, and the units with a zero high byte hold printable ASCII.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let units = head.len() / 2;
    if units < 8 {
        return None;
    }
    let mut zero = [0usize; 2];
    let mut printable = [0usize; 2];
    for pair in head.chunks_exact(2) {
        for side in 0..2 {
            if pair[side] == 0 {
                zero[side] += 1;
                let other = pair[1 - side];
                if other.is_ascii_graphic() || matches!(other, b' ' | b'\n' | b'\r' | b'\t') {
                    printable[side] += 1;
                }
            }
        }
    }
    // Side 1 zero: the high byte comes second (little-endian); side 0 zero: big-endian.
    for (side, encoding) in [(1, encoding_rs::UTF_16LE), (0, encoding_rs::UTF_16BE)] {
        let (z, other) = (zero[side], zero[1 - side]);
        if z * 5 >= units && other * 50 <= units && printable[side] * 10 >= z * 9 {
            return Some(encoding);
        }
    }
    None
}

/// Multi-byte characters a valid UTF-8 page needs before its bytes outweigh its `<meta charset>`:
/// a few accented names could be chance, sixteen are not.
const MIN_MULTIBYTE_OVER_META: usize = 16;

fn choose(
    bytes: &[u8],
    valid_utf8: bool,
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
    if let Some(enc) = sniff_utf16(bytes) {
        return (enc, EncodingSource::Utf16Pattern, 0);
    }
    // Valid UTF-8 with real multi-byte text is UTF-8 whatever its `<meta charset>` says: text in a
    // legacy encoding (GBK, windows-1256, windows-1252) almost never forms valid UTF-8 by chance,
    // while pages re-saved as UTF-8 by a tool keep their old declaration (mojibake if obeyed).
    if valid_utf8 && has_multibyte_text(bytes) {
        return (encoding_rs::UTF_8, EncodingSource::ValidUtf8, 0);
    }
    if html && let Some(enc) = prescan_meta_charset(bytes) {
        return (enc, EncodingSource::MetaCharset, 0);
    }
    if valid_utf8 {
        return (encoding_rs::UTF_8, EncodingSource::ValidUtf8, 0);
    }
    if mostly_utf8(bytes) {
        return (encoding_rs::UTF_8, EncodingSource::MostlyUtf8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = tld.map(str::as_bytes);
    let enc = detector.guess(tld, chardetng::Utf8Detection::Allow);
    (enc, EncodingSource::Guessed, 0)
}

/// Whether valid UTF-8 `bytes` hold at least [`MIN_MULTIBYTE_OVER_META`] multi-byte characters
/// (lead bytes from `C2`), counted a block at a time so the count vectorises and stops early.
fn has_multibyte_text(bytes: &[u8]) -> bool {
    let mut leads = 0;
    for block in bytes.chunks(4096) {
        leads += count_bytes(block, |b| b >= 0xC2);
        if leads >= MIN_MULTIBYTE_OVER_META {
            return true;
        }
    }
    false
}

/// How many of `bytes` satisfy `pred`, summed in byte lanes a block of 255 at a time: the
/// compiler then compares and adds sixteen bytes an instruction (a `usize` count adds two).
pub(crate) fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| usize::from(block.iter().map(|&b| u8::from(pred(b))).sum::<u8>()))
        .sum()
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
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for cr in memchr::memchr_iter(b'\r', b) {
        out.push_str(&text[at..cr]);
        if b.get(cr + 1) != Some(&b'\n') {
            out.push('\n');
        }
        at = cr + 1;
    }
    out.push_str(&text[at..]);
    out
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
    fn valid_utf8_text_outweighs_a_stale_meta_charset() {
        // Re-saved as UTF-8, still declaring GBK: obeying the declaration gives mojibake.
        let page = format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>{}</p></body></html>",
            "人工智能迈上新台阶，科技新闻。".repeat(3)
        );
        let d = decode(page.as_bytes(), None, true, None);
        assert_eq!((d.encoding, d.source), ("UTF-8", EncodingSource::ValidUtf8));
        assert!(d.text.contains("人工智能"));
        // A few non-ASCII characters could be chance: the declaration stands.
        let page = "<meta charset=windows-1252><p>Caf\u{e9} cr\u{e8}me</p>";
        let d = decode(page.as_bytes(), None, true, None);
        assert_eq!(d.source, EncodingSource::MetaCharset);
    }

    #[test]
    fn declared_charset_beats_guess() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("بغداد");
        let d = decode(&bytes, Some("windows-1256"), false, None);
        assert_eq!(d.text, "بغداد");
        assert_eq!(d.source, EncodingSource::Sidecar);
    }

    #[test]
    fn almost_utf8_stays_utf8_with_the_bad_offsets() {
        let mut bytes = "Baghdad’s bridge opens\n\nThe ministry said on Monday…"
            .as_bytes()
            .to_vec();
        let end = bytes.len();
        bytes.push(0xC0);
        let d = decode(&bytes, None, false, None);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.source, EncodingSource::MostlyUtf8);
        assert!(d.text.starts_with("Baghdad’s bridge"), "{}", d.text);
        assert!(d.text.ends_with("Monday…\u{fffd}"), "{}", d.text);
        assert_eq!(d.invalid_utf8, vec![end]);
        assert_eq!(d.invalid_utf8_count, 1);
        assert!(d.replaced);
    }

    #[test]
    fn a_character_cut_at_the_end_stays_utf8() {
        let text = "قال محافظ البصرة إن الجسر سيفتح";
        let bytes = &text.as_bytes()[..text.len() - 1];
        let d = decode(bytes, None, false, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("قال محافظ البصرة"), "{}", d.text);
        assert_eq!(d.invalid_utf8, vec![text.len() - 2]);
    }

    #[test]
    fn mostly_invalid_utf8_still_goes_to_the_detector() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1256.encode("قال محافظ البصرة إن الجسر سيفتح يوم الاثنين");
        let d = decode(&bytes, None, false, None);
        assert_eq!(d.source, EncodingSource::Guessed);
        assert_ne!(d.encoding, "UTF-8");
        assert!(d.invalid_utf8.is_empty());
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "<html><body><p>Erbil: the council met on Monday.</p></body></html>";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes, None, true, None);
            assert_eq!(d.encoding, name);
            assert_eq!(d.source, EncodingSource::Utf16Pattern);
            assert_eq!(d.text, text);
        }
        // Arabic with its spaces and punctuation: the high byte is 0x06, the spaces' is zero.
        let text = "قال محافظ البصرة، يوم 12 تموز: الجسر سيفتح.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, None, false, None).encoding, "UTF-16LE");
        // ASCII text with one stray NUL is not UTF-16.
        let d = decode(
            b"<p>Erbil: the council met\0 on Monday.</p>",
            None,
            true,
            None,
        );
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn lone_cr_and_crlf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
