//! Evidence spans are exact: for any body, every mention's `body[start..end] == sentence`, and the
//! extractor never panics — bodies built from news-like pieces with abbreviations, initials,
//! quotes, multi-byte punctuation and odd whitespace.

mod common;

use dateline_events::Extractor;
use proptest::prelude::*;
use std::sync::LazyLock;

static X: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::load_default().expect("bundled lexicon loads"));

const PIECES: &[&str] = &[
    "Iraqi Prime Minister Mohammed Shia’ al-Sudani met Maj. Gen. Kevin C. Leahy on Monday.",
    "At least 15 suspected ISIS members were killed in a raid in western Iraq, CENTCOM said.",
    "Riham H. 'was rescued by the YPJ,' the statement said on Thursday.",
    "The U.S. Embassy in Baghdad said Dr. Ali would visit Erbil next week.",
    "Israeli forces have killed some 800 Palestinian aid-seekers since late May.",
    "“The meeting focused on the transition,” the premier said.",
    "Shafaq News - Damascus Syrian forces arrested four suspects in al-Bab.",
    "– GHF: few sites – ",
    "Protesters gathered outside the Kuwaiti embassy in Baghdad…",
    "He said nothing.",
    "é",
    "\n\n",
    "\n",
    " ",
    "  ",
    ".",
    "Gen.",
    "in 2014-2015",
    "ÇĞÜ — Ünïcödé’s",
    "\u{a0}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn evidence_spans_are_exact(
        picks in proptest::collection::vec(0..PIECES.len(), 0..14),
        published in proptest::option::of(0u8..3),
    ) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let day = published.map(|d| format!("2025-07-2{d}"));
        let article = common::article("p", &body, day.as_deref(), None);
        for m in X.mentions(&article) {
            prop_assert!(m.evidence.start <= m.evidence.end && m.evidence.end <= body.len());
            prop_assert_eq!(body.get(m.evidence.start..m.evidence.end), Some(m.evidence.sentence.as_str()));
            prop_assert!(!m.actors.is_empty() || !m.counts.is_empty());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,300}") {
        let article = common::article("q", &body, Some("2025-07-25"), Some("Baghdad"));
        for m in X.mentions(&article) {
            prop_assert_eq!(body.get(m.evidence.start..m.evidence.end), Some(m.evidence.sentence.as_str()));
        }
    }
}
