//! Splitting a sentence into tokens as the Penn Treebank (and so the lexicon) does: clitics and
//! possessive 's apart ("Turkey" "'s", "did" "n't"), abbreviations and numbers whole ("U.S.",
//! "1,200.5"), hyphenated words whole ("U.S.-led", "al-Sham"), every other mark a token of its own.

/// Abbreviations whose period is part of the word, beyond the shapes `is_abbreviation` accepts
/// ("T.", "U.S.", "Mr."): pattern's list plus titles and months common in news.
const ABBREVIATIONS: &[&str] = &[
    "a.", "adj.", "adv.", "al.", "a.m.", "art.", "c.", "capt.", "cert.", "cf.", "col.", "comp.",
    "conf.", "def.", "dep.", "dept.", "dr.", "ed.", "e.g.", "esp.", "etc.", "ex.", "f.", "fig.",
    "gen.", "id.", "i.e.", "int.", "l.", "m.", "med.", "mil.", "mr.", "n.", "n.q.", "orig.", "pl.",
    "pred.", "pres.", "p.m.", "ref.", "v.", "vs.", // pattern
    "adm.", "brig.", "capt.", "cmdr.", "cpl.", "gov.", "hon.", "lt.", "maj.", "mrs.", "ms.", "no.",
    "prof.", "pvt.", "rep.", "rev.", "sen.", "sgt.", "st.", "jr.", "sr.", "co.", "corp.", "inc.",
    "ltd.", "jan.", "feb.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "approx.",
    "est.",
];

/// Clitics split off the end of a word after an apostrophe ("n't" is handled apart).
const CLITICS: &[&str] = &["s", "d", "m", "ll", "re", "ve"];

/// Which bytes are ASCII letters and digits: one load per byte where a word is scanned.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether byte `b` is an ASCII letter or digit, by [`ASCII_ALPHANUMERIC`]: the event coder's
/// word scanners read the same table.
#[inline(always)]
pub fn ascii_alphanumeric(b: u8) -> bool {
    ASCII_ALPHANUMERIC[usize::from(b)]
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// pattern's three shapes: one letter ("T."), letters each with a period ("U.S.", "e.g."), a
/// capital and lower-case consonants ("Mr.", "Dr.", "Lt."); plus `ABBREVIATIONS`.
fn is_abbreviation(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    let b = stem.as_bytes();
    if b.is_empty() {
        return false;
    }
    let dotted = b
        .chunks(2)
        .all(|c| c[0].is_ascii_alphabetic() && (c.len() == 1 || c[1] == b'.'))
        && b.len() % 2 == 1;
    let consonants = b[0].is_ascii_uppercase()
        && b.len() > 1
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_lowercase() && !b"aeiouy".contains(c));
    if dotted || consonants {
        return true;
    }
    w.len() <= 8 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Byte ranges of the tokens of `text`, appended to `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most of news text is ASCII: a byte is its own character, with no decoding.
        let c = if b.is_ascii() {
            char::from(b)
        } else if let Some(c) = char_at(text, i) {
            c
        } else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_word_char(c) {
            let (end, apostrophe) = word_end(text, i);
            if apostrophe {
                split_clitic(text, i, end, out);
            } else {
                out.push((i, end));
            }
            i = end;
        } else {
            let end = if text[i..].starts_with("...") {
                i + 3
            } else if text[i..].starts_with("--") {
                i + 2
            } else {
                i + c.len_utf8()
            };
            out.push((i, end));
            i = end;
        }
    }
}

/// End of the word starting at `start`: letters and digits, joined by marks that sit between
/// them ("al-Sham", "1,200", "3.5", "10:30", "O'Brien", "AT&T"), and an abbreviation's period.
/// Also whether an apostrophe joins the word, which only then may end in a clitic.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut apostrophe = false;
    loop {
        // The ASCII letters and digits that make up most words, a byte at a time.
        while bytes.get(j).is_some_and(|&b| ascii_alphanumeric(b)) {
            j += 1;
        }
        // A space or a mark that never joins ends the word: no neighbours to read.
        if bytes.get(j).is_some_and(|&b| {
            b.is_ascii() && !matches!(b, b'-' | b'.' | b',' | b':' | b'/' | b'&' | b'\'')
        }) {
            break;
        }
        let Some(c) = char_at(text, j) else {
            break;
        };
        if is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        let prev = char_before(text, j).unwrap_or(' ');
        let next = char_at(text, j + c.len_utf8()).unwrap_or(' ');
        let joins = match c {
            '-' => is_word_char(next),
            '.' => is_word_char(next),
            ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
            '&' => prev.is_uppercase() && next.is_uppercase(),
            c if is_apostrophe(c) => prev.is_alphanumeric() && next.is_alphabetic(),
            _ => false,
        };
        if joins {
            apostrophe |= is_apostrophe(c);
            j += c.len_utf8();
        } else if c == '.' && is_abbreviation(&text[start..=j]) {
            j += 1;
        } else {
            break;
        }
    }
    (j, apostrophe)
}

/// Pushes the word, its trailing clitic ("'s", "n't") apart.
fn split_clitic(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    match clitic_start(&text[start..end]) {
        Some(split) => {
            out.push((start, start + split));
            out.push((start + split, end));
        }
        None => out.push((start, end)),
    }
}

/// Where a trailing clitic starts: "n't" takes the n ("did|n't", "ca|n't"), the others start at
/// the apostrophe ("Turkey|'s", "they|'re").
fn clitic_start(word: &str) -> Option<usize> {
    let (at, ap) = word.char_indices().rev().find(|(_, c)| is_apostrophe(*c))?;
    let after = &word[at + ap.len_utf8()..];
    let before = &word[..at];
    if after.eq_ignore_ascii_case("t") {
        let n = before.strip_suffix(['n', 'N'])?;
        return (!n.is_empty()).then_some(n.len());
    }
    let clitic = CLITICS.iter().any(|c| after.eq_ignore_ascii_case(c));
    (clitic && !before.is_empty()).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, &mut out);
        out.iter().map(|&(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn penn_style_splits() {
        assert_eq!(
            toks("Turkey's U.S.-led strikes didn't stop; 1,200.5 fell."),
            [
                "Turkey", "'s", "U.S.-led", "strikes", "did", "n't", "stop", ";", "1,200.5",
                "fell", "."
            ]
        );
        assert_eq!(
            toks("Mr. O'Brien’s “al-Sham” forces' ... AT&T"),
            [
                "Mr.", "O'Brien", "’s", "“", "al-Sham", "”", "forces", "'", "...", "AT&T"
            ]
        );
        assert_eq!(
            toks("at 10:30 on 3/26, PKK."),
            ["at", "10:30", "on", "3/26", ",", "PKK", "."]
        );
        assert_eq!(
            toks("They can't, WON'T."),
            ["They", "ca", "n't", ",", "WO", "N'T", "."]
        );
        assert_eq!(toks("Raqqa—Şanlıurfa"), ["Raqqa", "—", "Şanlıurfa"]);
    }

    /// The tokens as read one character at a time, the reading the byte-wise one must keep.
    fn by_chars(text: &str) -> Vec<(usize, usize)> {
        let word_end = |start: usize| {
            let mut j = start;
            while let Some(c) = char_at(text, j) {
                if is_word_char(c) {
                    j += c.len_utf8();
                    continue;
                }
                let prev = char_before(text, j).unwrap_or(' ');
                let next = char_at(text, j + c.len_utf8()).unwrap_or(' ');
                let joins = match c {
                    '-' | '.' => is_word_char(next),
                    ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                    '&' => prev.is_uppercase() && next.is_uppercase(),
                    c if is_apostrophe(c) => prev.is_alphanumeric() && next.is_alphabetic(),
                    _ => false,
                };
                if joins {
                    j += c.len_utf8();
                } else if c == '.' && is_abbreviation(&text[start..=j]) {
                    j += 1;
                } else {
                    break;
                }
            }
            j
        };
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if c.is_whitespace() {
                i += c.len_utf8();
            } else if is_word_char(c) {
                let end = word_end(i);
                split_clitic(text, i, end, &mut out);
                i = end;
            } else {
                let end = if text[i..].starts_with("...") {
                    i + 3
                } else if text[i..].starts_with("--") {
                    i + 2
                } else {
                    i + c.len_utf8()
                };
                out.push((i, end));
                i = end;
            }
        }
        out
    }

    #[test]
    fn bytewise_reading_keeps_the_character_reading() {
        for s in [
            "",
            "Turkey's U.S.-led strikes didn't stop; 1,200.5 fell.",
            "Mr. O'Brien’s “al-Sham” forces' ... AT&T -- x\u{b}y\u{85}z",
            "Raqqa—Şanlıurfa naïve\u{301} café’s résumé- a.b. e.g. etc. P.M. it.",
            "10:30 3/26 1,2 a,b A&b a&B x\u{a0}y can’t ’s 'tis rock'n'roll",
        ] {
            let mut out = Vec::new();
            tokenize(s, &mut out);
            assert_eq!(out, by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn abbreviation_shapes() {
        for a in ["U.S.", "T.", "Mr.", "Gen.", "e.g.", "Lt."] {
            assert!(is_abbreviation(a), "{a}");
        }
        for a in ["PKK.", "Mosul.", "it.", "US."] {
            assert!(!is_abbreviation(a), "{a}");
        }
    }
}
