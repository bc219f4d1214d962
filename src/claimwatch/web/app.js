// Claimwatch dashboard: a hash-routed page over the /api/ endpoints.
// Article text and every other field from the store is untrusted: it only ever enters the page through
// textContent / text nodes / setAttribute (via el() and svg()), never through innerHTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const view = document.getElementById("view");

// ------------------------------------------------------------------ DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function show(...children) {
  view.replaceChildren(...children.flat().filter(Boolean));
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = "api/" + path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

const hours = (h) => (Math.abs(h - Math.round(h)) < 0.05 ? Math.round(h) : h.toFixed(1)) + " h";
const count = (c) => (!c ? "?" : c.value ?? (c.min != null && c.max != null ? `${c.min}–${c.max}` : c.min != null ? `≥${c.min}` : c.max != null ? `≤${c.max}` : "?"));
// An incident known only by its country (no place) shows "(AF)".
const placeName = (p, country) =>
  (p ? p.name + (p.country_code ? ` (${p.country_code})` : "") : (country ? `(${country})` : "unknown place"));
const groupName = (g) => (g ? (typeof g === "string" ? g : g.name) : "unknown group");
const incidentLink = (inc) => el("a", { href: `#/incident/${encodeURIComponent(inc.id)}`, class: "incident-link" },
  `${inc.date || "undated"} — ${placeName(inc.place, inc.country_code)}`);
// How sure the pipeline is (0-1, calibrated): "87% sure", or nothing for a record stored before confidences.
const sure = (c) => (c == null ? null : el("span", { class: "confidence " + (c >= 0.8 ? "firm" : c >= 0.5 ? "fair" : "guess"),
  title: "the pipeline's calibrated confidence that an analyst would record this" }, `${Math.round(c * 100)}% sure`));
// A value with how it was read when that is not firm ("≥20 (bounded)", "2017-06-03 (relative)").
const FIRM = ["exact", "explicit", "town"];
const firm = (text, inc, field) => {
  const how = (inc.firmness || {})[field];
  return how && !FIRM.includes(how) ? `${text} (${how})` : String(text);
};
const groupLink = (g) => el("a", { href: `#/group/${encodeURIComponent(groupName(g))}` }, groupName(g));

function delayText(d) {
  if (!d || (d.value == null && d.min == null && d.max == null)) return "unknown";
  if (d.value != null) return hours(d.value);
  if (d.min != null && d.max != null) return `${hours(d.min).replace(" h", "")}–${hours(d.max)}`;
  if (d.min != null) return `more than ${hours(d.min)}`;
  return `less than ${hours(d.max)}`;
}

// ------------------------------------------------------------------ the world map (TopoJSON, equirectangular)

const MAP_W = 960, MAP_H = 480;
let worldPaths = null;
const project = (lon, lat) => [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];

async function loadWorld() {
  if (worldPaths) return worldPaths;
  const topo = await (await fetch("vendor/world-atlas/countries-110m.json")).json();
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return project(x * sx + tx, y * sy + ty); });
  });
  const ring = (indexes) => indexes.flatMap((i, k) => {
    const points = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    return k > 0 ? points.slice(1) : points;
  });
  const ringPath = (indexes) => "M" + ring(indexes).map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join("L") + "Z";
  worldPaths = topo.objects.countries.geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { name: (g.properties || {}).name || "", d: polygons.flatMap((p) => p.map(ringPath)).join("") };
  });
  return worldPaths;
}

async function worldMap(incidents) {
  const paths = await loadWorld();
  const map = svg("svg", { viewBox: `0 0 ${MAP_W} ${MAP_H}`, class: "map", id: "map", role: "img",
    "aria-label": "World map of incidents" });
  map.appendChild(svg("rect", { width: MAP_W, height: MAP_H, class: "sea" }));
  for (const p of paths) map.appendChild(svg("path", { d: p.d, class: "country" }, svg("title", {}, p.name)));
  for (const inc of incidents) {
    if (!inc.place || inc.place.lat == null || inc.place.lon == null) continue;
    const [x, y] = project(inc.place.lon, inc.place.lat);
    const claimed = (inc.claims || []).some((c) => c.status === "claimed" || c.status === "disputed");
    const killed = (inc.killed && (inc.killed.value ?? inc.killed.min)) || 0;
    map.appendChild(svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (4 + Math.sqrt(killed)).toFixed(1),
      class: "marker " + (claimed ? "claimed" : "unclaimed"), "data-incident-id": inc.id, tabindex: 0,
      onclick: () => { location.hash = `#/incident/${encodeURIComponent(inc.id)}`; },
    }, svg("title", {}, `${inc.date || ""} ${placeName(inc.place, inc.country_code)}: ${count(inc.killed)} killed`)));
  }
  return map;
}

// ------------------------------------------------------------------ timeline

function timeline(incidents) {
  const W = 960, H = 90, pad = 30;
  const dated = incidents.filter((i) => i.date).map((i) => ({ inc: i, t: Date.parse(i.date) }));
  const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", id: "timeline", role: "img",
    "aria-label": "Timeline of incidents" });
  if (!dated.length) return box;
  const lo = Math.min(...dated.map((d) => d.t)), hi = Math.max(...dated.map((d) => d.t));
  const x = (t) => pad + (hi === lo ? 0.5 : (t - lo) / (hi - lo)) * (W - 2 * pad);
  box.appendChild(svg("line", { x1: pad, x2: W - pad, y1: 50, y2: 50, class: "axis" }));
  const firstYear = new Date(lo).getUTCFullYear(), lastYear = new Date(hi).getUTCFullYear();
  for (let year = firstYear; year <= lastYear + 1; year++) {
    const t = Date.UTC(year, 0, 1);
    if (t < lo || t > hi) continue;
    box.appendChild(svg("line", { x1: x(t), x2: x(t), y1: 45, y2: 55, class: "axis" }));
    box.appendChild(svg("text", { x: x(t), y: 72, class: "tick" }, String(year)));
  }
  for (const { inc, t } of dated) {
    const claimed = (inc.claims || []).some((c) => c.status === "claimed" || c.status === "disputed");
    box.appendChild(svg("circle", { cx: x(t), cy: 50, r: 6, class: "marker " + (claimed ? "claimed" : "unclaimed"),
      onclick: () => { location.hash = `#/incident/${encodeURIComponent(inc.id)}`; } },
    svg("title", {}, `${inc.date} ${placeName(inc.place, inc.country_code)}`)));
  }
  return box;
}

// ------------------------------------------------------------------ a claim's delay against its group's usual range

function delayBar(claim, scaleMax) {
  const W = 220, H = 22, x = (h) => 4 + (Math.min(h, scaleMax) / scaleMax) * (W - 8);
  const bar = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "delaybar" });
  const history = claim.history, d = claim.delay_hours || {};
  if (claim.usual_range) {
    const [a, b] = claim.usual_range;
    bar.appendChild(svg("rect", { x: x(a), y: 6, width: Math.max(1, x(b) - x(a)), height: 10, class: "usual" },
      svg("title", {}, `usual range ${hours(a)}–${hours(b)}`)));
    bar.appendChild(svg("rect", { x: x(history.q1.value), y: 6, height: 10, class: "iqr",
      width: Math.max(1, x(history.q3.value) - x(history.q1.value)) }));
    bar.appendChild(svg("line", { x1: x(history.median.value), x2: x(history.median.value), y1: 3, y2: 19, class: "median" }));
  }
  const low = d.value ?? d.min ?? d.max, high = d.value ?? d.max ?? (d.min != null ? scaleMax : null);
  if (low != null) {
    const cls = claim.anomaly ? "delay anomalous" : "delay";
    if (high != null && high !== low) bar.appendChild(svg("line", { x1: x(low), x2: x(high), y1: 11, y2: 11, class: cls }));
    bar.appendChild(svg("circle", { cx: x(low), cy: 11, r: 4, class: cls }, svg("title", {}, delayText(d))));
  }
  return bar;
}

function claimsTable(claims) {
  const maxDelay = Math.max(24, ...claims.flatMap((c) => {
    const d = c.delay_hours || {};
    return [d.value, d.min, d.max, ...(c.usual_range || [])].filter((v) => v != null);
  }));
  const scaleMax = Math.ceil(maxDelay * 1.15);
  const rows = claims.map((c) => el("tr", { "data-claim-id": c.id, class: c.anomaly ? "anomaly" : null },
    el("td", {}, groupLink(c.group)),
    el("td", {}, el("a", { href: `#/incident/${encodeURIComponent(c.incident_id)}` },
      `${c.incident_date || "undated"} ${c.incident_place || c.incident_country_code ? placeName(c.incident_place, c.incident_country_code) : ""}`)),
    el("td", {}, c.status),
    el("td", {}, c.channel || "—"),
    el("td", {}, c.link),
    el("td", { class: "num" }, delayText(c.delay_hours)),
    el("td", { class: "num" }, sure(c.confidence) || "—"),
    el("td", {}, delayBar(c, scaleMax)),
    el("td", { class: "flag" }, c.anomaly
      ? el("span", { class: "badge " + c.anomaly.kind, title: c.anomaly.sentence },
        c.anomaly.kind === "late" ? "slower than usual" : "faster than usual")
      : !c.delay_hours || (c.delay_hours.value == null && c.delay_hours.min == null && c.delay_hours.max == null)
        ? "delay unknown" : c.usual_range ? "within usual range" : "too little history")));
  return el("table", { class: "claims", id: "claims-table" },
    el("thead", {}, el("tr", {}, ["Group", "Incident", "Status", "Channel", "Link", "Delay", "Confidence",
      `Delay vs. usual range (0–${scaleMax} h)`, "Pattern"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

// ------------------------------------------------------------------ pages

const FILTERS = [
  ["since", "From", "date"], ["until", "To", "date"], ["country", "Country (ISO)", "text"],
  ["group", "Group", "text"], ["attack_type", "Attack type", "text"], ["q", "Text", "search"],
];

function filterForm(params) {
  const form = el("form", { id: "filters", class: "filters" });
  for (const [name, label, type] of FILTERS) {
    form.appendChild(el("label", {}, label, el("input", { name, type, value: params.get(name) || "" })));
  }
  const claimed = el("select", { name: "claimed" }, [["", "any"], ["true", "claimed"], ["false", "unclaimed"]]
    .map(([v, t]) => el("option", { value: v, selected: params.get("claimed") === v || (v === "" && !params.get("claimed")) }, t)));
  form.appendChild(el("label", {}, "Claimed", claimed));
  const levels = [["", "any"], ["0.5", "≥ 50%"], ["0.8", "≥ 80%"], ["0.95", "≥ 95%"]];
  const minConfidence = el("select", { name: "min_confidence" }, levels.map(([v, t]) => el("option",
    { value: v, selected: (params.get("min_confidence") || "") === v }, t)));
  form.appendChild(el("label", { title: "Only records the pipeline is at least this sure of" }, "Confidence",
    minConfidence));
  form.appendChild(el("button", { type: "submit" }, "Apply"));
  form.appendChild(el("a", { href: "#/", class: "reset" }, "Reset"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) chosen.set(k, v);
    location.hash = "#/?" + chosen;
  });
  return form;
}

function claimSummary(claims) {
  const by = (status) => [...new Set(claims.filter((c) => c.status === status).map((c) => groupName(c.group)))];
  const parts = [["claimed", "claimed by"], ["denied", "denied by"], ["disputed", "disputed by"], ["suspected", "suspected:"]]
    .filter(([status]) => by(status).length).map(([status, words]) => `${words} ${by(status).join(", ")}`);
  return parts.length ? parts.join("; ") : "unclaimed";
}

async function homePage(params) {
  const filters = Object.fromEntries(params);
  const page = await api("incidents", { ...filters, limit: 500 });
  const claimParams = { group: filters.group, since: filters.since, until: filters.until,
    min_confidence: filters.min_confidence, limit: 500 };
  const claims = (await api("claims", claimParams)).items.filter((c) => page.items.some((i) => i.id === c.incident_id));
  show(
    filterForm(params),
    el("p", { id: "result-count" }, `${page.total} incident${page.total === 1 ? "" : "s"}`),
    await worldMap(page.items),
    el("h2", {}, "Timeline"), timeline(page.items),
    el("h2", {}, "Incidents"),
    el("ul", { class: "incidents", id: "incident-list" }, page.items.map((i) => el("li", {}, incidentLink(i),
      " · ", (i.attack_types || []).join(", ") || "attack", ` · ${firm(count(i.killed), i, "killed")} killed`,
      " · ", claimSummary(i.claims || []), i.confidence == null ? null : " · ", sure(i.confidence)))),
    el("h2", {}, "Claims"), claimsTable(claims),
  );
}

async function claimsPage(params) {
  const claims = await api("claims", { ...Object.fromEntries(params), limit: 500 });
  show(el("h1", {}, "Claims"), el("p", {}, "Each delay is drawn against its group's usual range, from that group's earlier claims: " +
    "grey = Q1 − 1.5 IQR to Q3 + 1.5 IQR, dark = Q1–Q3, line = median."), claimsTable(claims.items));
}

function highlighted(text, spans) {
  // The document text as text nodes, with each evidence span wrapped in <mark>; overlapping spans merge.
  // One sentence is often evidence of several facts (the attack and its claim): it gets one mark that
  // carries every kind, so the claim sentence is shown as a claim even when it also tells of the attack.
  const byRange = new Map();
  for (const s of spans.filter((s) => s.start != null && s.end > s.start)) {
    const same = byRange.get(s.anchor);
    if (!same) byRange.set(s.anchor, { ...s, kinds: [s.kind], labels: [s.label] });
    else {
      if (!same.kinds.includes(s.kind)) same.kinds.push(s.kind);
      if (!same.labels.includes(s.label)) same.labels.push(s.label);
    }
  }
  const sorted = [...byRange.values()].sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of sorted) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(el("mark", { id: span.anchor, class: span.kinds.map((k) => "ev-" + k).join(" "), title: span.labels.join("; ") },
      text.slice(start, span.end)));
    at = span.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return el("div", { class: "article-text" }, nodes);
}

function sourceOf(evidence, documents) {
  const doc = documents[evidence.document_id] || {};
  const outlet = doc.outlet || doc.title || "an unnamed document";
  return evidence.attributed_to && evidence.attributed_to !== doc.outlet
    ? `${evidence.attributed_to} (reported in ${outlet})` : outlet;
}

async function incidentPage(id) {
  const inc = await api(`incidents/${encodeURIComponent(id)}`);
  const documents = {};
  for (const s of inc.sources || []) documents[s.id] = await api(`documents/${encodeURIComponent(s.id)}`);
  const spans = {};  // document id -> highlighted spans
  const anchor = (ev, kind, label) => {
    const key = `ev-${ev.document_id}-${ev.start}-${ev.end}`;
    (spans[ev.document_id] = spans[ev.document_id] || []).push({ ...ev, anchor: key, kind, label });
    return key;
  };
  const factRow = (fact, value, ev, kind) => {
    const key = ev ? anchor(ev, kind, fact) : null;
    return el("tr", { class: "fact", "data-kind": kind },
      el("th", {}, fact), el("td", {}, value),
      el("td", {}, ev ? el("a", { href: "#", class: "evidence-link", "data-target": key,
        onclick: (e) => { e.preventDefault(); jumpTo(key); } }, `“${ev.text}”`) : "—"),
      el("td", { class: "source" }, ev ? sourceOf(ev, documents) : "—"));
  };
  const facts = [];
  const eventEvidence = (inc.evidence || [])[0];
  facts.push(factRow("Attack", `${(inc.attack_types || []).join(", ") || "attack"} in ${placeName(inc.place, inc.country_code)} on ${inc.date || "an unknown date"}`, eventEvidence, "event"));
  for (const r of inc.casualty_reports || []) facts.push(factRow(r.kind, count(r), r.evidence && { document_id: r.document_id, ...r.evidence }, "casualty"));
  const claimBlocks = (inc.claims || []).map((c) => {
    const rows = (c.evidence || []).map((ev, n) => factRow(n === 0 ? `${c.status} by ${groupName(c.group)}` : "reported",
      n === 0 ? `via ${c.channel || "unknown channel"}, ${delayText(c.delay_hours)} after the attack, ${c.link}` + (c.link_cue ? ` (“${c.link_cue}”)` : "") : "",
      { document_id: c.document_id, ...ev }, "claim"));
    return el("section", { class: "claim", "data-claim-id": c.id },
      el("h3", {}, groupLink(c.group), ` — ${c.status}`, c.confidence == null ? null : " · ", sure(c.confidence)),
      c.anomaly ? el("p", { class: "badge " + c.anomaly.kind, id: "anomaly-sentence" }, c.anomaly.sentence) : null,
      el("table", { class: "facts" }, el("tbody", {}, rows)));
  });
  show(
    el("p", {}, el("a", { href: "#/" }, "← all incidents")),
    el("h1", { id: "incident-title" }, `${placeName(inc.place, inc.country_code)}, ${inc.date || "undated"}`),
    el("p", {}, `${firm(count(inc.killed), inc, "killed")} killed, ${firm(count(inc.wounded), inc, "wounded")} wounded · `,
      `date ${firm(inc.date || "unknown", inc, "date")} · place ${firm(placeName(inc.place, inc.country_code), inc, "place")} · `,
      sure(inc.confidence) || "not scored", " · ID ", el("code", {}, inc.id)),
    el("h2", {}, "Facts and their sources"),
    el("table", { class: "facts", id: "facts" }, el("thead", {}, el("tr", {}, ["Fact", "Value", "Evidence", "Source"].map((h) => el("th", {}, h)))), el("tbody", {}, facts)),
    el("h2", {}, "Claims"), claimBlocks.length ? claimBlocks : el("p", { id: "no-claims" }, "No group has claimed this attack."),
    el("h2", {}, "Sources"),
    Object.values(documents).map((doc) => el("article", { class: "source-document", "data-document-id": doc.id },
      el("h3", {}, doc.title || "untitled"),
      el("p", { class: "meta" }, [doc.outlet, doc.published, doc.url].filter(Boolean).join(" · ")),
      highlighted(doc.text || "", spans[doc.id] || []))),
  );
}

function jumpTo(key) {
  const mark = document.getElementById(key);
  if (!mark) return;
  document.querySelectorAll("mark.focused").forEach((m) => m.classList.remove("focused"));
  mark.classList.add("focused");
  mark.scrollIntoView({ block: "center" });
}

async function groupsPage() {
  const groups = await api("groups");
  show(el("h1", {}, "Groups"), el("table", { class: "claims", id: "groups-table" },
    el("thead", {}, el("tr", {}, ["Group", "Claims", "Median delay", "Q1–Q3", "Anomalies"].map((h) => el("th", {}, h)))),
    el("tbody", {}, groups.items.map((g) => el("tr", {}, el("td", {}, groupLink(g.name)), el("td", { class: "num" }, g.claims),
      el("td", { class: "num" }, g.delay ? `${hours(g.delay.median.value)} (n=${g.delay.n})` : "—"),
      el("td", { class: "num" }, g.delay ? `${hours(g.delay.q1.value)}–${hours(g.delay.q3.value)}` : "—"),
      el("td", { class: "num" }, g.anomalies.length))))));
}

function distribution(profile) {
  // Each claim's delay as a dot (a line for a range, an arrow for "more than"), over the Q1–Q3 box and median.
  const known = profile.delays.filter((d) => d.delay);
  const W = 760, H = 60 + 18 * known.length, left = 96, right = 24;
  const top = Math.ceil(Math.max(24, ...known.map((d) => d.delay.high)) * 1.2);
  const x = (h) => left + (h / top) * (W - left - right);
  const plot = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "distribution", id: "delay-distribution", role: "img",
    "aria-label": `Claim delays of ${profile.name}` });
  if (profile.delay) {
    const s = profile.delay;
    plot.appendChild(svg("rect", { x: x(s.q1.value), y: 10, width: Math.max(1, x(s.q3.value) - x(s.q1.value)), height: H - 40, class: "iqr" }));
    plot.appendChild(svg("line", { x1: x(s.median.value), x2: x(s.median.value), y1: 5, y2: H - 25, class: "median" }));
  }
  known.forEach((d, n) => {
    const y = 20 + n * 18, cls = d.anomaly ? "delay anomalous" : "delay";
    const high = d.delay.open_high ? top : d.delay.high;
    if (high > d.delay.low) plot.appendChild(svg("line", { x1: x(d.delay.low), x2: x(high), y1: y, y2: y, class: cls + (d.delay.open_high ? " open" : "") }));
    plot.appendChild(svg("circle", { cx: x(d.delay.point), cy: y, r: 5, class: cls },
      svg("title", {}, `${d.incident_date}: ${d.delay.open_high ? "more than " : ""}${hours(d.delay.point)}${d.channel ? " via " + d.channel : ""}`)));
    plot.appendChild(svg("text", { x: 8, y: y + 4, class: "label" }, d.incident_date || "undated"));
  });
  for (let h = 0; h <= top; h += top > 48 ? 12 : 6) {
    plot.appendChild(svg("text", { x: x(h), y: H - 8, class: "tick" }, `${h}h`));
  }
  return plot;
}

async function groupPage(name) {
  const g = await api(`groups/${encodeURIComponent(name)}`);
  const years = Object.entries(g.link_shares);
  show(
    el("p", {}, el("a", { href: "#/groups" }, "← all groups")),
    el("h1", { id: "group-name" }, g.name),
    el("p", {}, g.delay ? `${g.claims} claims; median delay ${hours(g.delay.median.value)} ` +
      `(quartiles ${hours(g.delay.q1.value)}–${hours(g.delay.q3.value)}, n=${g.delay.n}, ${g.delay.uncertain} known only as a range)` : `${g.claims} claims; no delay known`),
    el("h2", {}, "Delay distribution"), distribution(g),
    el("h2", {}, "By channel"),
    el("table", { class: "claims" }, el("tbody", {}, Object.entries(g.by_channel).map(([ch, s]) =>
      el("tr", {}, el("td", {}, ch), el("td", { class: "num" }, `median ${hours(s.median.value)} (n=${s.n})`))))),
    el("h2", {}, "Wording: directed / inspired / unclear"),
    el("table", { class: "claims" }, el("tbody", {}, years.map(([year, c]) =>
      el("tr", {}, el("td", {}, year), el("td", {}, `${c.directed} directed · ${c.inspired} inspired · ${c.unclear} unclear`))))),
    el("h2", {}, "Claims outside the usual range"),
    g.anomalies.length ? el("ul", {}, g.anomalies.map((a) => el("li", {}, a.sentence))) : el("p", {}, "None."),
  );
}

// ------------------------------------------------------------------ router

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  view.setAttribute("aria-busy", "true");
  try {
    if (path.startsWith("/incident/")) await incidentPage(decodeURIComponent(path.slice(10)));
    else if (path.startsWith("/group/")) await groupPage(decodeURIComponent(path.slice(7)));
    else if (path === "/groups") await groupsPage();
    else if (path === "/claims") await claimsPage(params);
    else await homePage(params);
  } catch (error) {
    show(el("p", { class: "error", role: "alert" }, `Could not load this page: ${error.message}`));
  }
  view.setAttribute("aria-busy", "false");
  document.body.dataset.ready = hash;
}

window.addEventListener("hashchange", route);
route();
