//! Where: the gazetteer (`data/places.toml`, generated from GeoNames) matched in folded text.

use crate::LexiconError;
use crate::fold::{self, Folded};
use crate::lexicon::PlacesFile;
use aho_corasick::{AhoCorasick, MatchKind};
use dateline_core::event::{Place, PlacePrecision};
use std::collections::HashMap;

pub struct PlaceIndex {
    places: Vec<Place>,
    matcher: AhoCorasick,
    /// Per pattern: the place it names (the best of several that share the spelling).
    target: Vec<usize>,
    /// Per pattern: whether the spelling starts with a capital (then the text must too).
    capitalised: Vec<bool>,
}

/// A place named in the body: `body[start..end]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub place: usize,
}

impl PlaceIndex {
    pub fn build(file: &PlacesFile) -> Result<PlaceIndex, LexiconError> {
        let mut places = Vec::with_capacity(file.place.len());
        // Per folded spelling: (rank, place). Hand-kept entries (no geonameid) win a shared
        // spelling, then the larger population: "Gaza" is the Strip, "Sinjar" the Iraqi town.
        let mut best: HashMap<String, Spelling> = HashMap::new();
        for (i, p) in file.place.iter().enumerate() {
            let precision = match p.kind.as_str() {
                "city" => PlacePrecision::City,
                "region" => PlacePrecision::Region,
                "country" => PlacePrecision::Country,
                other => {
                    return Err(LexiconError::Invalid {
                        file: "places.toml".into(),
                        reason: format!("{}: unknown kind {other:?}", p.name),
                    });
                }
            };
            places.push(Place {
                name: p.name.clone(),
                admin1: p.admin1.clone(),
                country: Some(p.country.clone()),
                lat: p.lat,
                lon: p.lon,
                precision,
            });
            let rank = (
                u8::from(p.geonameid.is_none() || p.kind == "country"),
                p.population.unwrap_or(0),
            );
            for spelling in std::iter::once(&p.name).chain(&p.aliases) {
                let key = fold::fold_key(spelling);
                if key.len() < 3 {
                    continue;
                }
                let cap = spelling.chars().next().is_some_and(|c| c.is_uppercase());
                keep_best(&mut best, key, (rank, i, cap));
            }
        }
        // Spellings news uses that GeoNames' transliterations imply: without the Arabic article
        // ("Al Kut" is "Kut", "Ad Diwaniyah" "Diwaniyah") and with a final -a for -ah ("Al
        // Hawijah" is written "Hawija"). Only where no place has the spelling itself, the larger
        // place first among those derived.
        let mut derived: HashMap<String, Spelling> = HashMap::new();
        for (i, p) in file.place.iter().enumerate() {
            if p.kind == "country" {
                continue;
            }
            let rank = (0, p.population.unwrap_or(0));
            for spelling in std::iter::once(&p.name).chain(&p.aliases) {
                let cap = spelling.chars().next().is_some_and(|c| c.is_uppercase());
                for key in transliteration_variants(&fold::fold_key(spelling)) {
                    // A short name of a small place is too likely another word's spelling.
                    let short = key.len() < 4 && p.population.unwrap_or(0) < SHORT_NAME_POPULATION;
                    if key.len() < 3 || short || best.contains_key(&key) {
                        continue;
                    }
                    keep_best(&mut derived, key, (rank, i, cap));
                }
            }
        }
        best.extend(derived);
        let mut keys: Vec<(String, usize, bool)> =
            best.into_iter().map(|(k, (_, i, c))| (k, i, c)).collect();
        keys.sort();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(keys.iter().map(|k| &k.0))
            .map_err(|e| LexiconError::Invalid {
                file: "places.toml".into(),
                reason: e.to_string(),
            })?;
        Ok(PlaceIndex {
            places,
            matcher,
            target: keys.iter().map(|k| k.1).collect(),
            capitalised: keys.iter().map(|k| k.2).collect(),
        })
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, i: usize) -> &Place {
        &self.places[i]
    }

    /// Every gazetteer place named in `text`, in order.
    pub fn find(&self, text: &str, folded: &Folded) -> Vec<PlaceHit> {
        let f = folded.text.as_str();
        fold::whole_word_matches(&self.matcher, f)
            .filter_map(|m| {
                let pid = m.pattern().as_usize();
                let (s, e) = folded.original_span(m.start(), m.end());
                // "al-Bab" for "Al Bab": the article prefix may be lower case.
                let span = &text[s..e];
                let core = [
                    "al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "az-",
                ]
                .iter()
                .find_map(|p| span.strip_prefix(p))
                .unwrap_or(span);
                let first = core.chars().next()?;
                if self.capitalised[pid] && !first.is_uppercase() {
                    return None;
                }
                Some(PlaceHit {
                    start: s,
                    end: e,
                    place: self.target[pid],
                })
            })
            .collect()
    }

    /// The place a free-standing name denotes ("Shingal (Sinjar)", "al-Bab").
    pub fn resolve_name(&self, name: &str) -> Option<&Place> {
        let folded = fold::fold(name);
        self.find(name, &folded)
            .into_iter()
            .max_by_key(|h| h.end - h.start)
            .map(|h| &self.places[h.place])
    }
}

/// A folded spelling's claim: its place's rank (hand-kept first, then population), the place,
/// and whether the spelling is written with a capital.
type Spelling = ((u8, u64), usize, bool);

/// Gives `key` to `claim` unless a place of equal or higher rank has it already.
fn keep_best(map: &mut HashMap<String, Spelling>, key: String, claim: Spelling) {
    if map.get(&key).is_none_or(|held| held.0 < claim.0) {
        map.insert(key, claim);
    }
}

/// The Arabic article of a transliterated name, folded, as GeoNames writes it (sun letters
/// assimilated: "Ad Diwaniyah", "Ar Rutbah", "Ash Shirqat").
const ARTICLES: [&str; 11] = [
    "al ", "el ", "ad ", "adh ", "ar ", "as ", "ash ", "at ", "ath ", "az ", "an ",
];

/// The population a place needs for a derived spelling of three letters ("Kut" of "Al Kut").
const SHORT_NAME_POPULATION: u64 = 100_000;

/// The other spellings of folded place name `key` that news prints: without its article, with
/// "Tal" and "Tel" for "Tall" (a hill, "Tall Abyad" is "Tal Abyad"), and each with a final "-ah"
/// written "-a".
fn transliteration_variants(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bare = ARTICLES.iter().find_map(|a| key.strip_prefix(a));
    let hill = key
        .strip_prefix("tall ")
        .into_iter()
        .flat_map(|rest| [format!("tal {rest}"), format!("tel {rest}")]);
    let spellings: Vec<String> = std::iter::once(key.to_owned())
        .chain(bare.map(str::to_owned))
        .chain(hill)
        .collect();
    for k in &spellings {
        if k != key {
            out.push(k.clone());
        }
        if let Some(stem) = k.strip_suffix("ah").filter(|s| s.len() >= 3) {
            out.push(format!("{stem}a"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn finds_spellings() {
        let lex = Lexicon::bundled().expect("bundled");
        let idx = PlaceIndex::build(&lex.places).expect("builds");
        let text =
            "During its 2014 assault on Shingal, ISIS raided al-Bab in northeast Syria and Gaza.";
        let names: Vec<String> = idx
            .find(text, &fold::fold(text))
            .iter()
            .map(|h| idx.place(h.place).name.clone())
            .collect();
        assert_eq!(
            names,
            vec!["Sinjar", "al-Bab", "northeast Syria", "Gaza Strip"]
        );
    }

    /// News drops the article GeoNames writes and spells a final "-ah" "-a": "Kut" is "Al-Kut",
    /// "Diwaniya" "Al Diwaniyah". A derived spelling never takes one a place has itself.
    #[test]
    fn finds_the_spellings_a_transliteration_implies() {
        let lex = Lexicon::bundled().expect("bundled");
        let idx = PlaceIndex::build(&lex.places).expect("builds");
        let text = "Gunmen struck in Kut, in Diwaniya and in Tal Afar.";
        let names: Vec<String> = idx
            .find(text, &fold::fold(text))
            .iter()
            .map(|h| idx.place(h.place).name.clone())
            .collect();
        assert_eq!(names, vec!["Al-Kut", "Al Diwaniyah", "Tal Afar"]);
        assert_eq!(
            transliteration_variants("ad diwaniyah"),
            vec!["ad diwaniya", "diwaniyah", "diwaniya"]
        );
        assert_eq!(
            transliteration_variants("tall abyad"),
            vec!["tal abyad", "tel abyad"]
        );
    }
}
