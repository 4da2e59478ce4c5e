//! `dateline report -o timeline.html`: one self-contained page (inline CSS, SVG drawn by inline JS,
//! the data as inline JSON). It makes no network request, so it opens anywhere, offline, and can be
//! mailed as one file.

use crate::query::{Filter, open};
use anyhow::{Context, Result};
use dateline_core::event::{Event, EventType};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Serialize)]
struct Page<'a> {
    types: Vec<(&'static str, &'static str)>,
    events: Vec<Ev<'a>>,
}

#[derive(Serialize)]
struct Ev<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    event_type: &'static str,
    mode: Option<&'a str>,
    date: Option<&'a str>,
    raw: Option<&'a str>,
    precision: Option<String>,
    start: Option<String>,
    end: Option<String>,
    place: Option<&'a str>,
    country: Option<&'a str>,
    actors: Vec<Actor<'a>>,
    sources: &'a [String],
    counts: &'a dateline_core::event::Counts,
    conflicts: &'a [dateline_core::event::Conflict],
    /// All of them; `mentions` holds the first [`EVIDENCE_SHOWN`].
    mention_count: usize,
    mentions: Vec<Mention>,
}

/// Evidence sentences embedded per event: a corpus of 100,000 captures reports some events
/// thousands of times, and a page must stay small enough to open.
const EVIDENCE_SHOWN: usize = 20;

#[derive(Serialize)]
struct Actor<'a> {
    name: &'a str,
    side: &'static str,
}

#[derive(Serialize)]
struct Mention {
    id: String,
    outlet: String,
    title: String,
    capture: String,
    date: String,
    sentence: String,
}

/// One colour per PLOVER type, from a palette that stays apart for colour-blind readers where it
/// can; the families (cooperation, verbal conflict, material conflict) share hues.
const COLOURS: [(EventType, &str); 16] = [
    (EventType::Agree, "#1b9e77"),
    (EventType::Consult, "#66a61e"),
    (EventType::Support, "#2ca25f"),
    (EventType::Concede, "#99d8c9"),
    (EventType::Cooperate, "#0571b0"),
    (EventType::Aid, "#74a9cf"),
    (EventType::Retreat, "#7570b3"),
    (EventType::Request, "#a6761d"),
    (EventType::Accuse, "#e6ab02"),
    (EventType::Reject, "#d95f02"),
    (EventType::Threaten, "#e7298a"),
    (EventType::Protest, "#c994c7"),
    (EventType::Sanction, "#8c6bb1"),
    (EventType::Mobilize, "#fb6a4a"),
    (EventType::Coerce, "#cb181d"),
    (EventType::Assault, "#67000d"),
];

pub fn write(db: &Path, out: &Path, filter: &Filter) -> Result<usize> {
    let store = open(db)?;
    let events: Vec<Event> = store
        .events()?
        .into_iter()
        .filter(|e| filter.event(e))
        .collect();
    // Only the articles the drawn events cite, each read once.
    let mut mentions = HashMap::new();
    let mut articles: HashMap<String, dateline_store::StoredArticle> = HashMap::new();
    for e in &events {
        let ms = store.some_mentions_of(&e.id, EVIDENCE_SHOWN)?;
        for m in &ms {
            if !articles.contains_key(&m.article)
                && let Some(a) = store.article(&m.article)?
            {
                articles.insert(m.article.clone(), a);
            }
        }
        mentions.insert(e.id.clone(), ms);
    }
    let page = Page {
        types: COLOURS.iter().map(|(t, c)| (t.as_str(), *c)).collect(),
        events: events
            .iter()
            .map(|e| {
                let bounds = e.date.bounds();
                Ev {
                    id: &e.id,
                    event_type: e.event_type.as_str(),
                    mode: e.mode.as_deref(),
                    date: e.date.value.as_deref(),
                    raw: e.date.raw.as_deref(),
                    precision: e.date.precision.map(|p| format!("{p:?}").to_lowercase()),
                    start: bounds.map(|(a, _)| a.to_string()),
                    end: bounds.map(|(_, b)| b.to_string()),
                    place: e.place.as_ref().map(|p| p.name.as_str()),
                    country: e.place.as_ref().and_then(|p| p.country.as_deref()),
                    actors: e
                        .actors
                        .iter()
                        .map(|a| Actor {
                            name: &a.name,
                            side: match a.side {
                                dateline_core::event::Side::Source => "source",
                                dateline_core::event::Side::Target => "target",
                                dateline_core::event::Side::Participant => "participant",
                            },
                        })
                        .collect(),
                    sources: &e.sources,
                    counts: &e.counts,
                    conflicts: &e.conflicts,
                    mention_count: e.mentions.len(),
                    mentions: mentions
                        .get(&e.id)
                        .map(|ms| {
                            ms.iter()
                                .map(|m| {
                                    let a = articles.get(&m.article);
                                    Mention {
                                        id: m.id.clone(),
                                        outlet: m
                                            .outlet
                                            .clone()
                                            .or_else(|| {
                                                a.and_then(|a| a.outlet().map(str::to_owned))
                                            })
                                            .unwrap_or_else(|| "unknown outlet".into()),
                                        title: a
                                            .map(|a| a.article.title.clone())
                                            .unwrap_or_default(),
                                        capture: m.capture.clone(),
                                        date: m.date.value.clone().unwrap_or_default(),
                                        sentence: m.evidence.sentence.clone(),
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect(),
    };
    // `<` escaped so no string in the data can close the script element.
    let json = serde_json::to_string(&page)?.replace('<', "\\u003c");
    let html = TEMPLATE.replace("/*DATA*/", &json);
    std::fs::write(out, html).with_context(|| format!("writing {}", out.display()))?;
    Ok(events.len())
}

const TEMPLATE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dateline — event timeline</title>
<style>
  :root { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2125; }
  body { margin: 0; background: #f6f7f9; }
  header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #dde1e6; display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
  header h1 { font-size: 18px; margin: 0 12px 0 0; }
  label { font-size: 13px; color: #4a5560; }
  select, input { font: inherit; padding: 2px 4px; }
  #status { margin-left: auto; font-size: 13px; color: #4a5560; }
  #badge { background: #c62828; color: #fff; border-radius: 10px; padding: 1px 8px; font-weight: 600; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 16px; padding: 16px 20px; }
  #chart { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; overflow-x: auto; }
  #chart svg { display: block; }
  .lane-label { font-size: 11px; fill: #4a5560; font-weight: 600; }
  .tick { font-size: 11px; fill: #6b7680; }
  .ev { cursor: pointer; }
  .ev:hover circle.dot { stroke: #000; stroke-width: 2; }
  .selected circle.dot { stroke: #000; stroke-width: 3; }
  aside { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 12px 14px; max-height: 80vh; overflow: auto; }
  aside h2 { font-size: 15px; margin: 0 0 6px; }
  .chip { display: inline-block; border-radius: 3px; padding: 0 6px; color: #fff; font-size: 12px; font-weight: 600; }
  .conflict { border-left: 4px solid #c62828; background: #fdecea; padding: 6px 8px; margin: 8px 0; }
  blockquote { margin: 6px 0 12px; padding: 4px 10px; border-left: 3px solid #c8cdd3; color: #333; }
  .meta { color: #6b7680; font-size: 12px; }
  #legend { padding: 0 20px 8px; display: flex; flex-wrap: wrap; gap: 10px; font-size: 12px; }
  #legend span.sw { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
  #undated { padding: 0 20px 20px; }
  #undated li { cursor: pointer; }
  #conflicts { padding: 0 20px; }
</style>
</head>
<body>
<header>
  <h1>dateline timeline</h1>
  <label>Actor <select id="f-actor"><option value="">all</option></select></label>
  <label>Place <select id="f-place"><option value="">all</option></select></label>
  <label>Type <select id="f-type"><option value="">all</option></select></label>
  <label><input type="checkbox" id="f-conflicts"> only conflicts</label>
  <span id="status"></span>
</header>
<div id="legend"></div>
<div id="conflicts"></div>
<main>
  <div id="chart"></div>
  <aside id="detail"><h2>Evidence</h2><p class="meta">Click an event to read the sentences that report it, and who reported them. Circle size: number of outlets. A red ring: the sources disagree.</p></aside>
</main>
<section id="undated"></section>
<script id="data" type="application/json">/*DATA*/</script>
<script>
"use strict";
const data = JSON.parse(document.getElementById("data").textContent);
const colour = Object.fromEntries(data.types);
const order = data.types.map(t => t[0]);
const state = { actor: "", place: "", type: "", conflicts: false, selected: null };
const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}
function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}
function fill(select, values) {
  for (const v of values) select.append(el("option", { value: v }, v));
}
const uniq = xs => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
fill(document.getElementById("f-actor"), uniq(data.events.flatMap(e => e.actors.map(a => a.name))));
fill(document.getElementById("f-place"), uniq(data.events.map(e => e.place).filter(Boolean)));
fill(document.getElementById("f-type"), order.filter(t => data.events.some(e => e.type === t)));
for (const [id, key] of [["f-actor", "actor"], ["f-place", "place"], ["f-type", "type"]]) {
  document.getElementById(id).addEventListener("change", ev => { state[key] = ev.target.value; render(); });
}
document.getElementById("f-conflicts").addEventListener("change", ev => { state.conflicts = ev.target.checked; render(); });

const legend = document.getElementById("legend");
for (const t of order) {
  if (!data.events.some(e => e.type === t)) continue;
  legend.append(el("span", {}, el("span", { class: "sw", style: "background:" + colour[t] }), t));
}

function visible(e) {
  return (!state.actor || e.actors.some(a => a.name === state.actor))
    && (!state.place || e.place === state.place)
    && (!state.type || e.type === state.type)
    && (!state.conflicts || e.conflicts.length > 0);
}
const day = s => Date.parse(s + "T00:00:00Z");
const radius = e => 5 + 3.2 * Math.sqrt(Math.max(1, e.sources.length));
const actorsText = e => e.actors.map(a => a.name).join(", ");

function render() {
  const events = data.events.filter(visible);
  const dated = events.filter(e => e.start);
  const undated = events.filter(e => !e.start);
  const chart = document.getElementById("chart");
  chart.replaceChildren();
  const width = Math.max(720, chart.clientWidth || 900), left = 96, right = 24, top = 30;
  const lanes = order.filter(t => dated.some(e => e.type === t));
  const laneH = 54;
  const height = top + Math.max(1, lanes.length) * laneH + 10;
  const s = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "events on a time axis" });
  let lo = Math.min(...dated.map(e => day(e.start))), hi = Math.max(...dated.map(e => day(e.end) + 864e5));
  if (!isFinite(lo)) { lo = Date.UTC(2020, 0, 1); hi = Date.UTC(2021, 0, 1); }
  const pad = Math.max((hi - lo) * 0.03, 15 * 864e5);
  lo -= pad; hi += pad;
  const x = t => left + (t - lo) / (hi - lo) * (width - left - right);
  // Ticks: years for long spans, months otherwise.
  const spanYears = (hi - lo) / (365.25 * 864e5);
  const first = new Date(lo);
  let t = Date.UTC(first.getUTCFullYear(), spanYears > 2 ? 0 : first.getUTCMonth(), 1);
  const step = spanYears > 8 ? 2 : 1;
  while (t <= hi) {
    if (t >= lo && x(t) < width - 50) {
      s.append(svg("line", { x1: x(t), x2: x(t), y1: top - 6, y2: height - 6, stroke: "#eceff2" }));
      const d = new Date(t);
      const label = spanYears > 2 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7);
      const tx = svg("text", { x: x(t) + 3, y: top - 12, class: "tick" });
      tx.textContent = label;
      s.append(tx);
    }
    const d = new Date(t);
    t = spanYears > 2 ? Date.UTC(d.getUTCFullYear() + step, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  lanes.forEach((lane, i) => {
    const y = top + i * laneH;
    s.append(svg("rect", { x: 0, y, width, height: laneH, fill: i % 2 ? "#fafbfc" : "#ffffff" }));
    const lab = svg("text", { x: 8, y: y + laneH / 2 + 4, class: "lane-label" });
    lab.textContent = lane;
    s.append(lab);
  });
  // Within a lane, events that would overlap are stacked on up to three rows.
  const rowsEnd = {};
  for (const e of dated.slice().sort((a, b) => day(a.start) - day(b.start) || a.id.localeCompare(b.id))) {
    const lane = lanes.indexOf(e.type);
    const x0 = x(day(e.start)), x1 = x(day(e.end) + 864e5), cx = (x0 + x1) / 2, r = radius(e);
    const ends = rowsEnd[lane] || (rowsEnd[lane] = [-1e9, -1e9, -1e9]);
    let row = ends.findIndex(end => cx - r > end + 2);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = cx + r;
    const cy = top + lane * laneH + laneH / 2 + (row - 1) * 14;
    const g = svg("g", { class: "ev" + (state.selected === e.id ? " selected" : ""), "data-event": e.id, "data-type": e.type, "data-conflicts": e.conflicts.length });
    if (x1 - x0 > 2 * r) {
      g.append(svg("rect", { x: x0, y: cy - 3, width: x1 - x0, height: 6, rx: 3, fill: colour[e.type], opacity: 0.3 }));
    }
    if (e.conflicts.length) g.append(svg("circle", { cx, cy, r: r + 4, fill: "none", stroke: "#c62828", "stroke-width": 3 }));
    g.append(svg("circle", { class: "dot", cx, cy, r, fill: colour[e.type], "fill-opacity": 0.85 }));
    const tip = svg("title", {});
    tip.textContent = `${e.type} ${e.date || ""} — ${actorsText(e)} (${e.sources.length} sources${e.conflicts.length ? ", conflicting" : ""})`;
    g.append(tip);
    g.addEventListener("click", () => select(e));
    s.append(g);
  }
  chart.append(s);

  const und = document.getElementById("undated");
  und.replaceChildren();
  if (undated.length) {
    und.append(el("h3", {}, `Undated events (${undated.length})`));
    const ul = el("ul", {});
    for (const e of undated) {
      const li = el("li", { "data-event": e.id }, el("span", { class: "chip", style: "background:" + colour[e.type] }, e.type), " " + actorsText(e) + (e.conflicts.length ? " ⚠" : ""));
      li.addEventListener("click", () => select(e));
      ul.append(li);
    }
    und.append(ul);
  }

  const withConflicts = events.filter(e => e.conflicts.length);
  const box = document.getElementById("conflicts");
  box.replaceChildren();
  for (const e of withConflicts) {
    for (const c of e.conflicts) {
      const div = el("div", { class: "conflict", "data-event": e.id }, el("b", {}, `⚠ ${e.type} ${e.date || "undated"}: sources disagree on ${c.field}: `), c.values.map(v => `${v.value} (${v.outlets.join(", ") || "unknown outlet"})`).join(" vs "));
      div.addEventListener("click", () => select(e));
      box.append(div);
    }
  }
  document.getElementById("status").replaceChildren(
    `${dated.length} events drawn, ${undated.length} undated, `,
    el("span", { id: "badge" }, `${withConflicts.length} with conflicts`));
}

function select(e) {
  state.selected = e.id;
  const d = document.getElementById("detail");
  d.replaceChildren();
  d.append(el("h2", {}, el("span", { class: "chip", style: "background:" + colour[e.type] }, e.type), " ", e.date || "undated"));
  if (e.raw) d.append(el("div", { class: "meta" }, "as written: " + e.raw + (e.precision ? ` (${e.precision})` : "")));
  if (e.mode) d.append(el("div", { class: "meta" }, "mode: " + e.mode));
  d.append(el("p", {}, el("b", {}, "Actors: "), e.actors.map(a => `${a.name} (${a.side})`).join("; ") || "none"));
  if (e.place) d.append(el("p", {}, el("b", {}, "Place: "), e.place + (e.country ? ` (${e.country})` : "")));
  const counts = ["killed", "injured", "arrested"].filter(k => e.counts[k] != null).map(k => `${k} ${e.counts[k]}`);
  if (counts.length) d.append(el("p", {}, el("b", {}, "Counts: "), (e.counts.qualifier ? e.counts.qualifier + " " : "") + counts.join(", ")));
  d.append(el("p", {}, el("b", {}, `Sources (${e.sources.length}): `), e.sources.join(", ") || "unknown"));
  for (const c of e.conflicts) {
    const div = el("div", { class: "conflict" }, el("b", {}, "Sources disagree on " + c.field));
    for (const v of c.values) div.append(el("div", {}, `${v.value} — ${v.outlets.join(", ") || "unknown outlet"}`));
    d.append(div);
  }
  const shown = e.mentions.length < e.mention_count ? `${e.mentions.length} of ${e.mention_count}` : `${e.mention_count}`;
  d.append(el("h3", {}, `Evidence (${shown})`));
  for (const m of e.mentions) {
    d.append(el("div", { class: "meta" }, `${m.outlet} — ${m.title || "(no title)"} — ${m.capture}`));
    d.append(el("blockquote", { class: "evidence" }, m.sentence));
  }
  render();
}
render();
// `timeline.html#event=ID` opens with that event's evidence shown: links to one event work.
const wanted = location.hash.match(/event=([^&]+)/);
if (wanted) {
  const e = data.events.find(x => x.id === decodeURIComponent(wanted[1]));
  if (e) select(e);
}
</script>
</body>
</html>
"##;
