//! Where: the gazetteer (`data/places.toml`, generated from GeoNames) matched in folded text.

use crate::LexiconError;
use crate::fold::{self, Folded, boundary_after, boundary_before};
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
        let mut best: HashMap<String, ((u8, u64), usize, bool)> = HashMap::new();
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
                match best.get(&key) {
                    Some((r, _, _)) if *r >= rank => {}
                    _ => {
                        best.insert(key, (rank, i, cap));
                    }
                }
            }
        }
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
        self.matcher
            .find_iter(f)
            .filter(|m| boundary_before(f, m.start()) && boundary_after(f, m.end()))
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
}
