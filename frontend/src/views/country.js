// A country: visits in and out, its leaders, its top partners and most reported people.
import { api, downloadLinks, isAbort, latest } from "../api.js";
import { $, el, plural, simpleTable } from "../dom.js";
import { filtersOf } from "../forms.js";
import { chart, Plot, width } from "../plot.js";

function countryLink(code) {
  return el("a", { href: `#country?code=${encodeURIComponent(code)}` }, code);
}

export function clear() {
  $("country-status").textContent = "";
  $("country-results").replaceChildren();
}

export async function load(params, showError) {
  const status = $("country-status");
  const code = params.get("code");
  const ticket = latest("country");
  if (!code) {
    clear();
    status.textContent = "Give a country's code or name.";
    return;
  }
  status.textContent = "Loading…";
  try {
    const c = await api("/api/country", { ...filtersOf(params), code }, { signal: ticket.signal });
    if (!ticket.current()) return;
    render(c, params);
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    clear();
    showError(err.message);
  }
}

function render(c, params) {
  const results = $("country-results");
  const code = c.country;
  const within = { from: params.get("from") || "", to: params.get("to") || "" };
  const sum = (rows) => rows.reduce((total, v) => total + v.visits, 0);
  $("country-status").textContent = `${c.name || code} (${code}): ${plural(c.events, "event")}, ` +
    `${plural(sum(c.visits_in), "visit")} in, ${plural(sum(c.visits_out), "visit")} out.`;
  const q = (extra) => new URLSearchParams(Object.entries({ ...within, ...extra }).filter(([, v]) => v)).toString();
  const parts = [el("p", {},
    el("a", { href: `#events?${q({ country: code })}` }, "Its events"), " · ",
    el("a", { href: `#timeline?${q({ country: code })}` }, "Its timeline"), " · ",
    el("a", { href: `#map?${q({ country: code })}` }, "Its partners on the map"), " · ",
    el("a", { href: `#network?${q({ country: code, type: "meeting" })}` }, "Its people's meetings"))];
  const flows = [...c.visits_in.map((v) => ({ ...v, way: "in" })), ...c.visits_out.map((v) => ({ ...v, way: "out" }))];
  if (flows.length) {
    const totals = new Map();
    for (const f of flows) totals.set(f.country, (totals.get(f.country) || 0) + f.visits);
    const top = [...totals].sort((x, y) => y[1] - x[1]).slice(0, 15).map(([country]) => country);
    parts.push(chart({
      width: width(results), height: Math.max(160, 22 * top.length + 60), marginLeft: 50,
      x: { label: "Visits", grid: true }, y: { label: null, domain: top },
      color: { legend: true, domain: ["in", "out"], range: ["#4a86c5", "#f2b134"], label: "Direction" },
      marks: [Plot.barX(flows.filter((f) => top.includes(f.country)), Plot.stackX({ y: "country", x: "visits", fill: "way",
        title: (d) => `${d.country}: ${plural(d.visits, "visit")} ${d.way}` })), Plot.ruleX([0])],
    }, `Visits to ${code} by the visitors' country (in) and by its people, by destination (out)`));
  }
  const half = (title, rows, caption, headers) => el("section", { className: "half" }, el("h3", {}, title),
    rows.length ? simpleTable(caption, headers, rows, { numeric: [headers.length - 1] }) : el("p", { className: "hint" }, "None."));
  parts.push(el("div", { className: "halves" },
    half("Visits in", c.visits_in.map((v) => [countryLink(v.country), String(v.visits)]), `Visits to ${code} by the visitors' country`, ["From", "Visits"]),
    half("Visits out", c.visits_out.map((v) => [countryLink(v.country), String(v.visits)]), `Visits by ${code}'s people by destination`, ["To", "Visits"]),
    half("Top partners", c.top_partners.map((v) => [countryLink(v.country), String(v.events)]), `Countries in most events with ${code}`, ["Country", "Events"]),
    half("Most reported people", c.people.map((p) => [el("a", { href: `#person?name=${encodeURIComponent(p.name)}` }, p.name), String(p.events)]),
      `People of ${code} in most events`, ["Person", "Events"])));
  parts.push(el("h3", {}, "Leaders"));
  parts.push(c.leaders.length
    ? simpleTable(`Leaders of ${code} in the knowledge base`, ["Name", "Office", "From", "To"],
      c.leaders.map((l) => [el("a", { href: `#person?name=${encodeURIComponent(l.name)}` }, l.name), l.title, l.start || "", l.end || "in office"]))
    : el("p", { className: "hint" }, "The knowledge base lists no leaders for this country."));
  parts.push(downloadLinks("/api/events", { ...filtersOf(params), country: code }, "its events"));
  results.replaceChildren(...parts);
}
