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

/// A text longer than any article is coded a window of paragraphs at a time: every paragraph
/// still gives what it gives alone, with offsets and ids in the whole body's terms.
#[test]
fn a_body_past_the_window_is_coded_in_windows_like_its_paragraphs() {
    let paragraph = "Iraqi forces killed three ISIS members in an attack in Basra on Monday.";
    let alone = X.mentions(&common::article("w", paragraph, Some("2025-07-25"), None));
    assert!(!alone.is_empty(), "the paragraph codes a happening");
    let copies = dateline_events::WINDOW_BYTES / paragraph.len() + 200;
    let body = vec![paragraph; copies].join("\n\n");
    assert!(body.len() > dateline_events::WINDOW_BYTES);
    let mentions = X.mentions(&common::article("w", &body, Some("2025-07-25"), None));
    assert_eq!(mentions.len(), alone.len() * copies);
    let mut ids = std::collections::HashSet::new();
    let mut last_start = 0;
    for (i, m) in mentions.iter().enumerate() {
        let one = &alone[i % alone.len()];
        let shift = (i / alone.len()) * (paragraph.len() + 2);
        assert_eq!(m.evidence.start, one.evidence.start + shift);
        assert_eq!(
            body.get(m.evidence.start..m.evidence.end),
            Some(m.evidence.sentence.as_str())
        );
        assert_eq!(
            (m.event_type, &m.actors, &m.date, &m.place),
            (one.event_type, &one.actors, &one.date, &one.place)
        );
        assert!(
            m.evidence.start >= last_start,
            "mentions come in body order"
        );
        last_start = m.evidence.start;
        assert!(
            ids.insert(m.id.clone()),
            "ids stay unique across windows: {}",
            m.id
        );
    }
}

/// Many articles coded together come out article by article, each as it codes alone: short ones
/// are coded side by side, a long one window by window, and neither reorders the output.
#[test]
fn articles_coded_together_come_out_in_order_as_each_codes_alone() {
    let paragraph = "Turkish jets struck PKK positions near Duhok on Sunday, officials said.";
    let long = vec![paragraph; dateline_events::WINDOW_BYTES / paragraph.len() + 50].join("\n\n");
    let bodies = [
        "Iraqi forces killed three ISIS members in an attack in Basra on Monday.",
        long.as_str(),
        "Protesters gathered in Baghdad on Tuesday to demand the release of detainees.",
        "The weather was mild.",
        "Iraq and Jordan signed an agreement on electricity in Amman on Wednesday.",
    ];
    let articles: Vec<_> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| common::article(&format!("a{i}"), b, Some("2025-07-25"), None))
        .collect();
    let expected: Vec<(String, String)> = articles
        .iter()
        .flat_map(|a| X.mentions(a).into_iter().map(|m| (a.id.clone(), m.id)))
        .collect();
    assert!(expected.iter().any(|(a, _)| a != &articles[0].id));
    let refs: Vec<_> = articles.iter().collect();
    let mut got = Vec::new();
    X.each_mention_of(&refs, &mut |a, m| got.push((a.id.clone(), m.id)));
    assert_eq!(got, expected);
}
