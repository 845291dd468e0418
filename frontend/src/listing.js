// A page of events as a table with sortable columns, its pager and its download links. Used by the
// Events view and the timeline of two countries.
import { downloadLinks } from "./api.js";
import { rememberOpener } from "./evidence.js";
import { $, dateRange, el, party } from "./dom.js";
import { go, openEvent, paramsObject } from "./state.js";

export const PAGE_SIZES = [25, 50, 100, 200];
export const DEFAULT_PAGE_SIZE = 50;

// column label, the API's sort key (null: not sortable)
const COLUMNS = [
  ["Date", "date"], ["Type", "type"], ["Status", "status"], ["Actor", "actor"], ["Counterparts", null],
  ["Where", "place"], ["Forum", "forum"], ["Sources", "mentions"],
];

export function pageSize(params) {
  const n = Number(params.get("limit"));
  return PAGE_SIZES.includes(n) ? n : DEFAULT_PAGE_SIZE;
}

function header(view, params) {
  const current = params.get("sort") || "date";
  const key = current.replace(/^-/, "");
  const descending = current.startsWith("-");
  return el("tr", {}, COLUMNS.map(([label, sortKey]) => {
    if (!sortKey) return el("th", { scope: "col" }, label);
    const active = key === sortKey;
    const next = active && !descending ? `-${sortKey}` : sortKey;
    const button = el("button", { type: "button", className: "sort",
      "aria-label": `Sort by ${label.toLowerCase()}${active && !descending ? ", descending" : ""}` },
    label, active ? el("span", { "aria-hidden": "true" }, descending ? " ▼" : " ▲") : null);
    button.addEventListener("click", () => {
      const values = paramsObject(params);
      values.sort = next === "date" ? "" : next;
      delete values.offset;
      delete values.event;
      go(view, values);
    });
    return el("th", { scope: "col", "aria-sort": active ? (descending ? "descending" : "ascending") : null }, button);
  }));
}

export function eventTable(events, caption, view, params) {
  const body = el("tbody");
  for (const ev of events) {
    const where = [(ev.countries || []).join(", "), ev.place].filter(Boolean).join(" · ");
    const n = (ev.mentions || []).length;
    const label = `${n} mention${n === 1 ? "" : "s"}`;
    const open = el("button", { type: "button", className: "link",
      "aria-label": `${label}: the evidence for the ${ev.type} of ${party(ev.actor)}, ${dateRange(ev.start, ev.end, ev.precision)}` },
    label);
    const openThis = (event) => {
      event.stopPropagation();
      rememberOpener(open);
      openEvent(view, paramsObject(params), ev.id);
    };
    open.addEventListener("click", openThis);
    const row = el("tr", { className: "clickable", "data-event": ev.id },
      el("td", { className: "nowrap" }, dateRange(ev.start, ev.end, ev.precision)),
      el("td", {}, ev.type),
      el("td", {}, el("span", { className: `badge status-${ev.status}` }, ev.status)),
      el("td", {}, party(ev.actor), ev.actor && ev.actor.office ? el("span", { className: "office" }, ev.actor.office) : null),
      el("td", {}, (ev.counterparts || []).map(party).join("; ")),
      el("td", {}, where),
      el("td", {}, ev.forum || ""),
      el("td", {}, open));
    row.addEventListener("click", openThis);
    body.append(row);
  }
  return el("table", {}, el("caption", { className: "visually-hidden" }, caption),
    el("thead", {}, header(view, params)), body);
}

// Shows one page of a listing, or says there is nothing; the pager is shown only when there is
// more than one page, and always steps through the query that is on screen.
export function renderPage(prefix, page, caption, params, view, exportPath, exportParams) {
  const status = $(`${prefix}-status`);
  const results = $(`${prefix}-results`);
  const pager = $(`${prefix}-pager`);
  results.replaceChildren();
  const first = page.offset + 1;
  const last = page.offset + page.events.length;
  if (!page.total) {
    status.textContent = "No events match.";
  } else if (!page.events.length) {
    status.textContent = `No events on this page: the query matches ${page.total}.`;
  } else {
    status.textContent = `Events ${first}–${last} of ${page.total}.`;
    results.append(eventTable(page.events, caption, view, params));
  }
  if (page.total) results.append(downloadLinks(exportPath, exportParams, "all matching events"));
  pager.hidden = page.total <= page.limit && page.offset === 0;
  const [prev, next] = pager.querySelectorAll("button");
  prev.disabled = page.offset === 0;
  next.disabled = page.offset + page.limit >= page.total;
  pager.onclick = (event) => {
    const step = Number(event.target.dataset.step || 0);
    if (!step || event.target.disabled) return;
    const values = paramsObject(params);
    delete values.event;
    const offset = Math.min(Math.max(0, page.offset + step * page.limit),
      Math.max(0, Math.floor((page.total - 1) / page.limit) * page.limit));
    values.offset = offset ? String(offset) : "";
    go(view, values);
    status.focus();
  };
}

export function clearPage(prefix) {
  $(`${prefix}-status`).textContent = "";
  $(`${prefix}-results`).replaceChildren();
  const pager = $(`${prefix}-pager`);
  pager.hidden = true;
  pager.onclick = null;
}
