// The feed watcher's panel: recent alerts and failing sources (GET /api/alerts, /api/sources), shown above
// the footer when the watcher has run. Uses el() and api() from app.js; every value enters as text.
"use strict";

async function showWatchPanel() {
  let alerts = [], sources = [];
  try {
    [alerts, sources] = await Promise.all([api("alerts", { limit: 5 }), api("sources")]);
  } catch (error) {
    return; // reads are protected, or the watcher's tables are absent: no panel
  }
  const failing = sources.filter((s) => s.last_error);
  if (!alerts.length && !failing.length) return;
  const items = alerts.map((a) => {
    const inc = a.payload.incident || {};
    const claim = a.payload.claim;
    const who = claim && claim.group ? ` — ${claim.group.name} (${claim.status})` : "";
    return el("li", {}, `${a.created_at.slice(0, 16).replace("T", " ")} ${a.rule}: `,
      el("a", { href: `#/incident/${encodeURIComponent(inc.id)}` }, `${inc.date || "undated"} ${inc.place || ""}`),
      who, a.status === "sent" ? "" : ` [${a.status}, ${a.attempts} tries]`);
  });
  const errors = failing.map((s) => el("li", {}, `${s.url}: ${s.last_error}`));
  const panel = el("aside", { id: "watch-panel", "aria-label": "Watcher" },
    alerts.length ? el("h2", {}, "Recent alerts") : null, alerts.length ? el("ul", {}, items) : null,
    failing.length ? el("h2", {}, "Sources with errors") : null, failing.length ? el("ul", {}, errors) : null);
  document.body.insertBefore(panel, document.querySelector("footer"));
}

showWatchPanel();
