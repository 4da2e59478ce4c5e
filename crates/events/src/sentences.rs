//! Sentence splitting that survives the abbreviations news copy is full of.
//!
//! A period ends a sentence only when the next word could open one (capital letter, digit or
//! quote) and the word before it is not a title (`Gen.`, `Maj.`, `Dr.`), an initial (`Kevin C.
//! Leahy`, `Riham H.`) or a dotted acronym (`U.S.`) — the last only ends a sentence when a typical
//! sentence opener follows (`… in the U.S. The …`). Paragraph and line breaks always end one.

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "gen", "maj", "lt", "col", "capt", "cpt", "sgt", "brig", "adm", "cmdr", "cdr", "gov", "sen",
    "rep", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "no", "vol", "fig", "approx", "est",
    "dept", "mt", "ft", "ave", "inc", "corp", "ltd", "co", "vs", "etc", "al", "jan", "feb", "aug",
    "sept", "sep", "oct", "nov", "dec", "pres", "amb", "hon", "rev", "pvt", "cpl", "gens",
];

/// Words that open sentences; after a dotted acronym they tell the period is a full stop.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "Last",
    "According",
    "After",
    "Before",
    "During",
    "Since",
    "While",
    "Iraq",
    "Iraqi",
    "Syria",
    "Syrian",
    "His",
    "Her",
    "Their",
];

/// Byte spans of the sentences of `text`, trimmed, in order, none empty.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start, i, &mut spans);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Closing quotes and brackets belong to the sentence that ends here.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let Some(c) = rest.chars().next() else { break };
                if matches!(c, '"' | '\'' | '’' | '”' | ')' | ']' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if ends_sentence(text, i, end) {
                push_trimmed(text, start, end, &mut spans);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// The longest sentence coded whole. News sentences run to a few hundred bytes (the longest
/// that codes a happening over the samples, the benchmark pages and the bench corpus: 460, a
/// run of headlines); what runs past this is a list, a table or hostile input, and every step
/// of coding reads a sentence's text again for each of its happenings, so a longer run is
/// coded in pieces of at most this length, cut at a clause's comma or semicolon where one
/// stands in the piece's second half, else at a space.
pub const MAX_SENTENCE_BYTES: usize = 1024;

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (mut s, e) = (start + lead, end - trail);
    if s >= e {
        return;
    }
    while e - s > MAX_SENTENCE_BYTES {
        let cut = cut_before(text, s, s + MAX_SENTENCE_BYTES);
        push_trimmed(text, s, cut, spans);
        s = cut;
    }
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    if s + lead < e {
        spans.push((s + lead, e));
    }
}

/// Where to end a piece of the over-long sentence starting at `start` no later than `limit`:
/// after the last comma or semicolon of its second half, else at its last space, else at
/// `limit`.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let limit = text.floor_char_boundary(limit);
    let half = text.ceil_char_boundary(start + (limit - start) / 2);
    let window = &text[half..limit];
    if let Some(i) = window.rfind([',', ';']) {
        return half + i + 1;
    }
    match window.rfind(char::is_whitespace) {
        Some(i) => half + i,
        None => limit.max(text.ceil_char_boundary(start + 1)),
    }
}

/// Whether the punctuation at `at` (sentence material up to `end`) closes a sentence.
fn ends_sentence(text: &str, at: usize, end: usize) -> bool {
    let after = &text[end..];
    // Must be followed by whitespace (or the end of the text).
    let Some(first) = after.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next_word = after.trim_start();
    let Some(next_char) = next_word.chars().next() else {
        return true;
    };
    let opens = next_char.is_uppercase()
        || next_char.is_ascii_digit()
        || matches!(
            next_char,
            '"' | '\'' | '“' | '‘' | '(' | '[' | '–' | '—' | '-'
        );
    if !opens {
        return false;
    }
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    let before = &text[..at];
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''))
        .next()
        .unwrap_or("");
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial: "Kevin C. Leahy", "Riham H."
    if letters.len() == 1 && word.chars().count() == 1 && letters[0].is_uppercase() {
        return false;
    }
    // A dotted acronym: "U.S.", "U.N."
    if word.contains('.') && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        let opener: String = next_word
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        return OPENERS.contains(&opener.as_str());
    }
    let lower = word.to_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_run_past_the_longest_sentence_is_coded_in_pieces() {
        // A clause's comma in a piece's second half ends it; the pieces hold the whole text.
        let clause = "troops shelled the town and the army raided the villages, ";
        let run = format!("The army said {}then left.", clause.repeat(60));
        let pieces = sentences(&run);
        assert!(pieces.len() > 1, "{}", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with(',')));
        assert_eq!(pieces.concat().replace(' ', ""), run.replace(' ', ""));
        // With no comma, at a space; with no space either, at the limit, on a char boundary.
        let words = "raided ".repeat(400);
        let pieces = sentences(&words);
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= MAX_SENTENCE_BYTES && p.ends_with('d'))
        );
        let token = "é".repeat(MAX_SENTENCE_BYTES);
        let pieces = sentences(&token);
        assert_eq!(pieces.concat(), token);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        // A sentence of news length is one sentence.
        let long = format!("{}.", "word ".repeat(MAX_SENTENCE_BYTES / 5 - 1).trim_end());
        assert_eq!(sentences(&long), [long.as_str()]);
    }

    #[test]
    fn abbreviations_and_initials() {
        let t = "Maj. Gen. Kevin C. Leahy met Dr. Ali in the U.S. capital. He left. Riham H. 'was rescued,' the YPJ said.";
        assert_eq!(
            sentences(t),
            vec![
                "Maj. Gen. Kevin C. Leahy met Dr. Ali in the U.S. capital.",
                "He left.",
                "Riham H. 'was rescued,' the YPJ said."
            ]
        );
    }

    #[test]
    fn quotes_and_paragraphs() {
        let t = "\"It ended.\" The rest\n\nfollows? Yes! 2,000 troops remain.";
        assert_eq!(
            sentences(t),
            vec![
                "\"It ended.\"",
                "The rest",
                "follows?",
                "Yes!",
                "2,000 troops remain."
            ]
        );
        assert_eq!(
            sentences("in the U.S. The talks"),
            vec!["in the U.S.", "The talks"]
        );
        assert!(split("  \n ").is_empty());
    }
}
