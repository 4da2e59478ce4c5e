//! Cleaning the text of a copied story: the outlets' own furniture that rode along in the copy, and
//! whether the copy is cut short.

use crate::rules::{LeadRule, RULES};
use dateline_core::text::clean_inline;

/// Removes lead furniture and inline promos; paragraphs left empty are dropped.
pub fn strip_boilerplate(body: Vec<String>) -> Vec<String> {
    let body = RULES.leads.iter().fold(body, strip_lead);
    body.into_iter()
        .map(|p| strip_inline(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Byte offset of `marker` standing as its own words in `text` (not part of a longer token).
fn find_marker(text: &str, marker: &str) -> Option<usize> {
    text.match_indices(marker).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + marker.len()..].chars().next();
        before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
    })
}

/// The story's words start after the rule's `through` marker, when the text opens with the rule's
/// `starts` (the copy may hold the furniture on one line or spread over several).
fn strip_lead(body: Vec<String>, rule: &LeadRule) -> Vec<String> {
    let Some(first) = body.first() else {
        return body;
    };
    let first = first.trim_start();
    let opens_with_marker = find_marker(first, &rule.through) == Some(0);
    if !opens_with_marker && !first.starts_with(&rule.starts) {
        return body;
    }
    let mut seen = 0;
    for (k, p) in body.iter().enumerate() {
        if let Some(pos) = find_marker(p, &rule.through) {
            if seen + p[..pos].chars().count() > rule.max_chars {
                break;
            }
            let rest = p[pos + rule.through.len()..].trim().to_owned();
            return std::iter::once(rest)
                .chain(body[k + 1..].iter().cloned())
                .filter(|p| !p.trim().is_empty())
                .collect();
        }
        seen += p.chars().count();
        if seen > rule.max_chars {
            break;
        }
    }
    body
}

fn strip_inline(paragraph: &str) -> String {
    let mut text = paragraph.to_owned();
    for re in &RULES.inline {
        if re.is_match(&text) {
            text = re.replace_all(&text, " ").into_owned();
        }
    }
    clean_inline(&text)
}

/// A teaser cut by the site ends with an ellipsis; a full text ends with its last sentence.
pub fn looks_cut(body: &[String]) -> bool {
    body.last().is_some_and(|p| {
        let p = p.trim_end();
        p.ends_with("...") || p.ends_with('…')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn rudaw_lead_on_one_line() {
        let body = paras(&[
            "Also in Iraq Kirkuk farmers protest water cuts Baghdad hosts Gulf envoys A+ A- ERBIL, Kurdistan Region - Iraqi forces arrested two suspects.",
            "Second paragraph.",
        ]);
        assert_eq!(
            strip_boilerplate(body),
            paras(&[
                "ERBIL, Kurdistan Region - Iraqi forces arrested two suspects.",
                "Second paragraph."
            ])
        );
    }

    #[test]
    fn rudaw_lead_over_several_lines() {
        let body = paras(&[
            "Also in Kurdistan",
            "Erbil hosts investment forum",
            "A+ A-",
            "ERBIL, Kurdistan Region - Text.",
        ]);
        assert_eq!(
            strip_boilerplate(body),
            paras(&["ERBIL, Kurdistan Region - Text."])
        );
    }

    #[test]
    fn font_control_alone_at_the_start() {
        let body = paras(&["A+ A- SULAIMANI, Kurdistan Region - Text."]);
        assert_eq!(
            strip_boilerplate(body),
            paras(&["SULAIMANI, Kurdistan Region - Text."])
        );
    }

    #[test]
    fn lead_rule_needs_its_opening() {
        // "A+ A-" in the middle of a story that does not open with the headline list stays.
        let body = paras(&["The font buttons A+ A- are shown here."]);
        assert_eq!(strip_boilerplate(body.clone()), body);
        // "Also in" prose without the marker stays.
        let body = paras(&["Also in Mosul, police said two suspects were held."]);
        assert_eq!(strip_boilerplate(body.clone()), body);
    }

    #[test]
    fn mee_newsletter_promo() {
        let body = paras(&[
            "The coalition said in a statement. New MEE newsletter: Gulf Watch Sign up to get the latest insights and analysis on the Gulf, alongside Turkey Unpacked and other MEE newsletters \"We will investigate,\" it added.",
        ]);
        assert_eq!(
            strip_boilerplate(body),
            paras(&["The coalition said in a statement. \"We will investigate,\" it added."])
        );
    }

    #[test]
    fn promo_on_its_own_line_disappears() {
        let body = paras(&[
            "First.",
            "New MEE newsletter: Jerusalem Dispatch Sign up to get the latest insights and analysis on Israel-Palestine, alongside Turkey Unpacked and other MEE newsletters",
            "Last.",
        ]);
        assert_eq!(strip_boilerplate(body), paras(&["First.", "Last."]));
    }

    #[test]
    fn cut_teasers() {
        assert!(looks_cut(&paras(&["Forces raided a hideout near..."])));
        assert!(looks_cut(&paras(&["Forces raided a hideout near…"])));
        assert!(!looks_cut(&paras(&["Forces raided a hideout."])));
        assert!(!looks_cut(&[]));
    }
}
