// Events: every filter, counts beside each filter, sortable columns, a choice of page size.
import { api, isAbort, latest } from "../api.js";
import { $, el } from "../dom.js";
import { filtersOf } from "../forms.js";
import { clearPage, pageSize, renderPage } from "../listing.js";
import { go, paramsObject } from "../state.js";

const FACETS = [["type", "Type"], ["status", "Status"], ["forum", "Forum"], ["country", "Country"],
  ["year", "Year"], ["source", "Source"]];

export async function load(params, showError) {
  const status = $("events-status");
  status.textContent = "Loading…";
  const query = { ...filtersOf(params), sort: params.get("sort") || "", limit: pageSize(params),
    offset: params.get("offset") || "" };
  const ticket = latest("events");
  loadFacets(params);
  try {
    const page = await api("/api/events", query, { signal: ticket.signal });
    if (!ticket.current()) return;
    renderPage("events", page, "Events matching the filters", params, "events", "/api/events",
      { ...filtersOf(params), sort: params.get("sort") || "" });
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    clearPage("events");
    showError(err.message);
  }
}

async function loadFacets(params) {
  const box = $("events-facets");
  const ticket = latest("events-facets");
  try {
    const facets = await api("/api/facets", filtersOf(params), { signal: ticket.signal });
    if (!ticket.current()) return;
    box.replaceChildren(el("h3", { className: "visually-hidden" }, "Counts by filter"),
      ...FACETS.map(([key, label]) => facetGroup(key, label, (facets.facets || {})[key] || [], params)));
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    box.replaceChildren(el("p", { className: "hint" }, `Counts unavailable: ${err.message}`));
  }
}

function facetGroup(key, label, values, params) {
  const filter = key === "year" ? "from" : key;
  const chosen = key === "year" ? (params.get("from") === params.get("to") ? params.get("from") : null) : params.get(key);
  const items = values.slice(0, 12).map(({ value, count: n }) => {
    const active = chosen === String(value);
    const button = el("button", { type: "button", className: "facet", "aria-pressed": active ? "true" : "false" },
      el("span", {}, String(value)), " ", el("span", { className: "count" }, String(n)));
    button.addEventListener("click", () => {
      const next = paramsObject(params);
      delete next.offset;
      delete next.event;
      if (key === "year") {
        const year = active || value === "undated" ? "" : String(value);
        next.from = year;
        next.to = year;
      } else {
        next[filter] = active ? "" : String(value);
      }
      go("events", next);
    });
    return el("li", {}, button);
  });
  return el("section", { className: "facet-group", "aria-label": `${label} counts` },
    el("h4", {}, label), items.length ? el("ul", {}, items) : el("p", { className: "hint" }, "none"));
}
