//! Text folding for matching: one spelling for the many ways news copy writes a name.
//!
//! `Al-Sudani`, `al Sudani` and `AL‑SUDANI` all fold to `al sudani`; `Shia’ al-Sudani` to
//! `shia al sudani`; `Women’s` to `women's`; `Chargé` to `charge`. Every folded byte remembers the
//! byte of the original it came from, so a match in folded text maps back to an exact span of the
//! article body (evidence offsets must be exact).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folded text plus, for every byte of it, the byte offset in the original where it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the original byte offset of folded byte `i`; one extra entry for the end.
    origin: Vec<usize>,
    /// End (exclusive) of the original char that produced folded byte `i`.
    origin_end: Vec<usize>,
}

impl Folded {
    /// The folded offset where original byte `original` went (the next one kept, if it was
    /// dropped).
    pub fn folded_offset(&self, original: usize) -> usize {
        self.origin[..self.text.len()].partition_point(|&o| o < original)
    }

    /// Original byte range of the folded range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin.get(start).copied().unwrap_or(0);
        let e = if end == 0 {
            s
        } else {
            // End of the original char that produced the last folded byte.
            self.origin_end.get(end - 1).copied().unwrap_or(s)
        };
        (s, e.max(s))
    }
}

/// Folds `s` without the byte ranges of `skip` (sorted, not overlapping): a sentence read as if
/// a phrase were not there ("vowed on Tuesday to retaliate" as "vowed to retaliate"), every
/// folded byte still mapped to the original.
pub fn fold_skipping(s: &str, skip: &[(usize, usize)]) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len() + 1);
    let mut origin_end = Vec::with_capacity(s.len() + 1);
    let skipped = |at: usize| skip.iter().any(|&(a, b)| at >= a && at < b);
    fold_each(s, |piece| match piece {
        Piece::Char(ch, start, end) => {
            // The spaces on both sides of a phrase skipped fold to one.
            if skipped(start) || ch == ' ' && !skip.is_empty() && text.ends_with(' ') {
                return;
            }
            let before = text.len();
            text.push(ch);
            for _ in before..text.len() {
                origin.push(start);
                origin_end.push(end);
            }
        }
        Piece::Word(word, start) => {
            if skipped(start) {
                return;
            }
            push_lowercase(&mut text, word);
            origin.extend(start..start + word.len());
            origin_end.extend(start + 1..=start + word.len());
        }
    });
    origin.push(s.len());
    origin_end.push(s.len());
    Folded {
        text,
        origin,
        origin_end,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '´' | '′')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '_')
}

/// Folds `s`: lower case, accents stripped, dashes to spaces, apostrophes straight and kept only
/// between two letters, whitespace runs collapsed to one space.
pub fn fold(s: &str) -> Folded {
    fold_skipping(s, &[])
}

/// The text of [`fold`] alone, without the offset maps (which take 16 bytes per byte folded):
/// for reading a whole long body when no span of it is needed.
pub fn fold_text(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    fold_each(s, |piece| match piece {
        Piece::Char(ch, _, _) => text.push(ch),
        Piece::Word(word, _) => push_lowercase(&mut text, word),
    });
    text
}

/// What [`fold_each`] hands out.
enum Piece<'a> {
    /// A char of the folded text, with the original byte range of the char it came from.
    Char(char, usize, usize),
    /// A run of ASCII letters and digits starting at that original byte, which folds to itself
    /// in lower case, byte for byte.
    Word(&'a str, usize),
}

/// Appends ASCII `word` lower-cased.
fn push_lowercase(text: &mut String, word: &str) {
    let from = text.len();
    text.push_str(word);
    text[from..].make_ascii_lowercase();
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Words set off by scare quotes ("had \"neutralised\" 14 militants", "the \"caliphate\"",
/// "\"PKK/YPG terrorists\"") are read as if unquoted: the marks would otherwise split a phrase
/// the patterns read as one. Quoted
/// speech, which holds punctuation or more words, keeps its marks: attribution reads them.
/// `from`: the byte after an opening mark. Returns where the closing mark stands.
fn scare_quote_end(s: &str, from: usize) -> Option<usize> {
    const MAX_WORDS: usize = 3;
    // Three words fit in this many bytes: the search for the closing mark stays short.
    const REACH: usize = 80;
    let rest = s.get(from..s.floor_char_boundary(from + REACH))?;
    let close = rest.find(is_double_quote)?;
    let inner = &rest[..close];
    let words = inner.split_whitespace().count();
    let plain = inner
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '/' || is_dash(c) || is_apostrophe(c));
    (plain && (1..=MAX_WORDS).contains(&words) && !inner.starts_with(' ') && !inner.ends_with(' '))
        .then_some(from + close)
}

/// Hands `push` the folded text in order: runs of ASCII letters and digits whole (most of English
/// copy: every sentence is folded, some twice, and a char at a time this took a sixth more), every
/// other char as what it folds to, with the original byte range of the char that produced it.
fn fold_each<'a>(s: &'a str, mut push: impl FnMut(Piece<'a>)) {
    let mut prev: Option<char> = None;
    // Whether the folded text so far ends with a space (whitespace runs fold to one).
    let mut after_space = false;
    // Where the closing mark of the scare quotes being read stands.
    let mut scare_close = None;
    let mut at = 0;
    while let Some(c) = s[at..].chars().next() {
        let i = at;
        if c.is_ascii_alphanumeric() {
            at = ascii_word_end(s, i);
            push(Piece::Word(&s[i..at], i));
            prev = s[..at].chars().next_back();
            after_space = false;
            continue;
        }
        let end = i + c.len_utf8();
        at = end;
        let next = s[end..].chars().next();
        let prev_char = prev.replace(c);
        if is_double_quote(c) {
            if scare_close == Some(i) {
                scare_close = None;
                continue;
            }
            if let Some(close) = scare_quote_end(s, end) {
                scare_close = Some(close);
                continue;
            }
        }
        if c.is_whitespace() || is_dash(c) || c == '\u{200b}' || c == '\u{feff}' {
            if !after_space {
                push(Piece::Char(' ', i, end));
                after_space = true;
            }
            continue;
        }
        if is_apostrophe(c) {
            let prev_letter = prev_char.is_some_and(char::is_alphanumeric);
            let next_letter = next.is_some_and(char::is_alphabetic);
            if prev_letter && next_letter {
                push(Piece::Char('\'', i, end));
                after_space = false;
            }
            continue;
        }
        if c.is_ascii() {
            push(Piece::Char(c.to_ascii_lowercase(), i, end));
            after_space = false;
            continue;
        }
        for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                push(Piece::Char(l, i, end));
                after_space = l == ' ';
            }
        }
    }
}

/// Where the run of ASCII letters and digits starting at byte `from` of `s` ends.
fn ascii_word_end(s: &str, from: usize) -> usize {
    let rest = &s.as_bytes()[from..];
    rest.iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(s.len(), |k| from + k)
}

/// Folds a lexicon entry (alias, pattern target) the same way as text, trimmed. Loading folds
/// some 100,000 dictionary spellings, nearly all ASCII: those take a path that keeps no offsets.
pub fn fold_key(s: &str) -> String {
    if !s.is_ascii() {
        return fold(s).text.trim().to_owned();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (k, &c) in b.iter().enumerate() {
        let c = c as char;
        if c.is_whitespace() || c == '-' || c == '_' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c == '\'' || c == '`' {
            let prev = k > 0 && b[k - 1].is_ascii_alphanumeric();
            let next = b.get(k + 1).is_some_and(u8::is_ascii_alphabetic);
            if prev && next {
                out.push('\'');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// True when byte `i` of `s` is at a word edge: start/end, or next to a non-alphanumeric char.
pub fn boundary_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

pub fn boundary_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The leftmost-longest matches of `ac` in `f` that are whole words. A match inside a longer
/// word ("shiite militia" in "shiite militiamen") would hide the shorter ones that start after
/// it ("militiamen"): past one, the search goes on from its next character.
pub fn whole_word_matches<'a>(
    ac: &'a aho_corasick::AhoCorasick,
    f: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= f.len() {
            let m = ac.find(aho_corasick::Input::new(f).range(at..))?;
            if boundary_before(f, m.start()) && boundary_after(f, m.end()) {
                at = m.end();
                return Some(m);
            }
            at = f.ceil_char_boundary(m.start() + 1);
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_inside_a_longer_word_hides_no_shorter_one() {
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(["shiite militia", "militiamen", "police"])
            .expect("patterns build");
        let f = "shiite militiamen and police and policemen";
        let found: Vec<&str> = whole_word_matches(&ac, f)
            .map(|m| &f[m.start()..m.end()])
            .collect();
        assert_eq!(found, ["militiamen", "police"]);
    }

    #[test]
    fn spellings_fold_together() {
        assert_eq!(fold_key("Al-Sudani"), "al sudani");
        assert_eq!(
            fold_key("Mohammed Shia’ al-Sudani"),
            "mohammed shia al sudani"
        );
        assert_eq!(fold_key("Sudani’s"), "sudani's");
        assert_eq!(fold_key("Chargé d’Affaires"), "charge d'affaires");
        assert_eq!(fold_key("Task Force—Operation"), "task force operation");
        assert_eq!(fold_key("‘Ayn al ‘Arab"), "ayn al arab");
    }

    #[test]
    fn the_ascii_path_folds_as_the_general_one() {
        for s in [
            "Al-Sudani",
            "  Task  Force_Operation ",
            "O'Brien's 'quoted' `x`",
            "U.S.-led",
            "a - b",
        ] {
            assert_eq!(fold_key(s), fold(s).text.trim(), "{s:?}");
        }
    }

    #[test]
    fn scare_quotes_fold_away_and_speech_marks_stay() {
        assert_eq!(
            fold("had \"neutralised\" 14 militants").text,
            "had neutralised 14 militants"
        );
        assert_eq!(
            fold("the “Islamic State” group").text,
            "the islamic state group"
        );
        assert_eq!(
            fold("\"neutralised\" four \"PKK/YPG terrorists\"").text,
            "neutralised four pkk/ypg terrorists"
        );
        let speech = "“We will not leave,” he said. \"No.\"";
        assert_eq!(fold(speech).text, "“we will not leave,” he said. \"no.\"");
        // A mark with no partner, or an empty pair, is kept as written.
        assert_eq!(
            fold("a \"b c d e\" f \"\" g\"").text,
            "a \"b c d e\" f \"\" g\""
        );
    }

    #[test]
    fn spans_map_back() {
        let s = "Mr Al-Sudani’s  office in Chargé";
        let f = fold(s);
        let start = f.text.find("sudani").unwrap();
        let (a, b) = f.original_span(start, start + "sudani".len());
        assert_eq!(&s[a..b], "Sudani");
        let start = f.text.find("charge").unwrap();
        let (a, b) = f.original_span(start, start + "charge".len());
        assert_eq!(&s[a..b], "Chargé");
    }
}
