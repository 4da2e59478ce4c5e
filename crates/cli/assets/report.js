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
