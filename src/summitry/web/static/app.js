// summitry web app: plain JavaScript over the JSON API of the same server.
// Text from the data is only ever set with textContent or as attribute values, never parsed as HTML.
"use strict";

const PAGE_SIZE = 50;
const VIEWS = ["events", "travel", "timeline"];

// --- small helpers --------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function $(id) {
  return document.getElementById(id);
}

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined && value !== false) {
      url.searchParams.set(key, value === true ? "1" : String(value));
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

function formValues(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") values[field.name] = field.checked ? "1" : "";
    else values[field.name] = field.value.trim();
  }
  return values;
}

function fillForm(form, values) {
  for (const field of form.elements) {
    if (!field.name) continue;
    const value = values.get(field.name) || "";
    if (field.type === "checkbox") field.checked = value !== "" && value !== "0";
    else field.value = value;
  }
}

function dateRange(start, end, precision) {
  if (!start) return "undated";
  let text = start === end || !end ? start : `${start} – ${end}`;
  if (precision === "month") text = start.slice(0, 7);
  else if (precision === "year") text = start.slice(0, 4);
  return text;
}

function webAddress(text) {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch (err) {
    return false;
  }
}

function party(p) {
  if (!p) return "";
  const name = p.name || "(unnamed)";
  return p.country ? `${name} (${p.country})` : name;
}

// --- state in the address: #view?param=value, so views can be bookmarked and go back ---------

function setHash(view, values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values || {})) if (value) params.set(key, value);
  const hash = `#${view}${params.toString() ? "?" + params.toString() : ""}`;
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

function parseHash() {
  const raw = window.location.hash.replace(/^#/, "");
  const [view, query] = raw.split("?", 2);
  return { view: VIEWS.includes(view) ? view : "events", params: new URLSearchParams(query || "") };
}

function selectTab(view, focus) {
  document.title = `summitry · ${$(`tab-${view}`).textContent}`;
  for (const name of VIEWS) {
    const tab = $(`tab-${name}`);
    const active = name === view;
    tab.setAttribute("aria-selected", active ? "true" : "false");
    tab.tabIndex = active ? 0 : -1;
    $(`view-${name}`).hidden = !active;
    if (active && focus) tab.focus();
  }
}

// the last address of each view, so that coming back to a tab shows what it showed
const lastHash = {};

function openView(view) {
  if (lastHash[view]) window.location.hash = lastHash[view];
  else setHash(view, {});
}

function route() {
  const { view, params } = parseHash();
  lastHash[view] = window.location.hash || `#${view}`;
  selectTab(view, false);
  showError("");
  const form = $(`${view}-form`);
  fillForm(form, params);
  if (view === "events") loadEvents(params);
  else if (view === "travel" && params.get("name")) loadTravel(params);
  else if (view === "timeline" && params.get("a") && params.get("b")) loadTimeline(params);
}

// --- event tables ---------------------------------------------------------------------------

function eventTable(events, caption) {
  const head = el("tr", {},
    ["Date", "Type", "Status", "Actor", "Counterparts", "Where", "Forum", "Sources"].map(
      (label) => el("th", { scope: "col" }, label)));
  const body = el("tbody");
  for (const ev of events) {
    const where = [(ev.countries || []).join(", "), ev.place].filter(Boolean).join(" · ");
    const n = (ev.mentions || []).length;
    const open = el("button", { type: "button", className: "link",
      "aria-label": `Evidence for the ${ev.type} of ${party(ev.actor)}, ${dateRange(ev.start, ev.end, ev.precision)}: ${n} mention(s)` },
      `${n} mention${n === 1 ? "" : "s"}`);
    open.addEventListener("click", (event) => {
      event.stopPropagation();
      showEvent(ev.id, open);
    });
    const row = el("tr", { className: "clickable" },
      el("td", { className: "nowrap" }, dateRange(ev.start, ev.end, ev.precision)),
      el("td", {}, ev.type),
      el("td", {}, el("span", { className: `badge status-${ev.status}` }, ev.status)),
      el("td", {}, party(ev.actor), ev.actor && ev.actor.office ? el("span", { className: "office" }, ev.actor.office) : null),
      el("td", {}, (ev.counterparts || []).map(party).join("; ")),
      el("td", {}, where),
      el("td", {}, ev.forum || ""),
      el("td", {}, open));
    row.addEventListener("click", () => showEvent(ev.id, open));
    body.append(row);
  }
  return el("table", {}, el("caption", { className: "visually-hidden" }, caption), el("thead", {}, head), body);
}

function renderPage(prefix, page, caption, params, view) {
  const status = $(`${prefix}-status`);
  const results = $(`${prefix}-results`);
  const pager = $(`${prefix}-pager`);
  results.replaceChildren();
  if (!page.total) {
    status.textContent = "No events match.";
    pager.hidden = true;
    return;
  }
  const first = page.offset + 1;
  const last = page.offset + page.events.length;
  status.textContent = `Events ${first}–${last} of ${page.total}.`;
  results.append(eventTable(page.events, caption));
  pager.hidden = page.total <= page.limit;
  const [prev, next] = pager.querySelectorAll("button");
  prev.disabled = page.offset === 0;
  next.disabled = last >= page.total;
  pager.onclick = (event) => {
    const step = Number(event.target.dataset.step || 0);
    if (!step || event.target.disabled) return;
    const values = Object.fromEntries(params.entries());
    values.offset = String(Math.max(0, page.offset + step * page.limit));
    setHash(view, values);
    status.focus();
  };
}

async function loadEvents(params) {
  const status = $("events-status");
  status.textContent = "Loading…";
  const query = Object.fromEntries(params.entries());
  query.limit = PAGE_SIZE;
  try {
    const page = await api("/api/events", query);
    renderPage("events", page, "Events matching the filters", params, "events");
  } catch (err) {
    status.textContent = "";
    $("events-results").replaceChildren();
    $("events-pager").hidden = true;
    showError(err.message);
  }
}

async function loadTimeline(params) {
  const status = $("timeline-status");
  status.textContent = "Loading…";
  const query = Object.fromEntries(params.entries());
  query.limit = PAGE_SIZE;
  try {
    const page = await api("/api/timeline", query);
    renderPage("timeline", page, `Events involving ${page.a} and ${page.b}`, params, "timeline");
    if (page.total) status.textContent = `${page.a} and ${page.b}: ${status.textContent}`;
  } catch (err) {
    status.textContent = "";
    $("timeline-results").replaceChildren();
    $("timeline-pager").hidden = true;
    showError(err.message);
  }
}

// --- one event and its evidence ---------------------------------------------------------------

let returnFocus = null;

async function showEvent(id, opener) {
  const dialog = $("detail");
  const body = $("detail-body");
  returnFocus = opener || document.activeElement;
  $("detail-title").textContent = "Loading…";
  body.replaceChildren();
  if (!dialog.open) dialog.showModal();
  try {
    const ev = await api(`/api/events/${encodeURIComponent(id)}`);
    $("detail-title").textContent =
      `${ev.type} · ${party(ev.actor)} · ${dateRange(ev.start, ev.end, ev.precision)}`;
    const facts = el("dl", { className: "facts" });
    const add = (term, value) => {
      if (value) facts.append(el("dt", {}, term), el("dd", {}, value));
    };
    add("Status", ev.status);
    add("Actor", [party(ev.actor), ev.actor && ev.actor.office, ev.actor && ev.actor.level].filter(Boolean).join(" · "));
    add("Counterparts", (ev.counterparts || []).map(party).join("; "));
    add("Countries", (ev.countries || []).join(", "));
    add("Place", ev.place);
    add("Forum", ev.forum);
    add("Dates", ev.start ? `${ev.start} – ${ev.end} (${ev.precision})` : "undated");
    add("Trip", ev.trip);
    add("Id", ev.id);
    const list = el("ol", { className: "evidence" });
    for (const item of ev.evidence || []) {
      const meta = [`document ${item.doc_id}`, item.status, item.lang || "language unknown",
        item.published ? `published ${item.published}` : null, item.source].filter(Boolean).join(" · ");
      let link = null;
      if (webAddress(item.url)) {
        link = el("a", { href: item.url, rel: "noopener noreferrer", target: "_blank" }, item.url);
      } else if (item.url) {
        link = el("span", {}, item.url); // not a web address (javascript:, data: ...): shown, not linked
      }
      list.append(el("li", {},
        el("p", { className: "meta" }, meta),
        el("blockquote", { lang: item.lang || null }, item.text),
        link ? el("p", { className: "meta" }, link) : null));
    }
    body.replaceChildren(facts, el("h3", {}, `Evidence (${(ev.evidence || []).length})`), list);
  } catch (err) {
    $("detail-title").textContent = "Event";
    body.replaceChildren(el("p", { className: "error" }, err.message));
  }
}

function closeDetail() {
  const dialog = $("detail");
  if (dialog.open) dialog.close();
}

// --- travel ---------------------------------------------------------------------------------

async function loadTravel(params) {
  const status = $("travel-status");
  const results = $("travel-results");
  status.textContent = "Loading…";
  results.replaceChildren();
  try {
    const report = await api("/api/travel", Object.fromEntries(params.entries()));
    const trips = report.trips || [];
    status.textContent = trips.length
      ? `${report.person}: ${trips.length} trip${trips.length === 1 ? "" : "s"} abroad.`
      : `No trips abroad of ${report.person} found.`;
    const years = Object.entries(report.years || {});
    if (years.length) {
      const rows = years.map(([year, y]) => el("tr", {},
        el("th", { scope: "row" }, year), el("td", {}, y.countries.join(", ")),
        el("td", { className: "num" }, y.days_abroad), el("td", { className: "num" }, y.legs_days_unknown)));
      results.append(el("h3", {}, "Per year"), el("div", { className: "table-wrap" }, el("table", {},
        el("caption", { className: "visually-hidden" }, `Countries and days abroad per year of ${report.person}`),
        el("thead", {}, el("tr", {}, ["Year", "Countries", "Days abroad", "Legs with unknown days"].map(
          (label) => el("th", { scope: "col" }, label)))),
        el("tbody", {}, rows))));
    }
    if (report.undated_legs) {
      results.append(el("p", { className: "hint" }, `${report.undated_legs} undated leg(s) are not counted in any year.`));
    }
    trips.forEach((trip, i) => results.append(tripSection(trip, i + 1)));
  } catch (err) {
    status.textContent = "";
    showError(err.message);
  }
}

function tripSection(trip, number) {
  const span = trip.start ? (trip.start === trip.end ? trip.start : `${trip.start} – ${trip.end}`) : "undated";
  const rows = trip.legs.map((leg) => el("tr", {},
    el("td", {}, leg.country), el("td", {}, leg.place || ""),
    el("td", { className: "nowrap" }, dateRange(leg.start, leg.end, leg.precision)),
    el("td", {}, leg.precision || ""),
    el("td", {}, el("span", { className: `badge status-${leg.status}` }, leg.status)),
    el("td", {}, leg.event_ids.map((id, k) => {
      const button = el("button", { type: "button", className: "link", "aria-label": `Event ${k + 1} of the leg in ${leg.country}` },
        `event ${k + 1}`);
      button.addEventListener("click", () => showEvent(id, button));
      return button;
    }))));
  return el("section", { className: "trip" },
    el("h3", {}, `Trip ${number}: ${span} · ${trip.countries.join(", ")}`),
    el("div", { className: "table-wrap" }, el("table", {},
      el("caption", { className: "visually-hidden" }, `Legs of trip ${number}`),
      el("thead", {}, el("tr", {}, ["Country", "Place", "Dates", "Precision", "Status", "Events"].map(
        (label) => el("th", { scope: "col" }, label)))),
      el("tbody", {}, rows))));
}

// --- suggestions ----------------------------------------------------------------------------

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const suggestPeople = debounce(async (q) => {
  try {
    const { people } = await api("/api/people", { q, limit: 10 });
    $("people-list").replaceChildren(...people.map(
      (p) => el("option", { value: p.name, label: `${p.name}${p.country ? " (" + p.country + ")" : ""} · ${p.events} event(s)` })));
  } catch (err) {
    // suggestions are a convenience: a failure leaves the list as it was
  }
}, 200);

async function loadTotals() {
  try {
    const stats = await api("/api/stats");
    const t = stats.totals || {};
    $("totals").textContent = `${t.events || 0} events from ${t.documents || 0} documents.`;
    $("country-list").replaceChildren(...Object.entries(stats.country || {}).map(
      ([code, n]) => el("option", { value: code, label: `${code} · ${n} event(s)` })));
  } catch (err) {
    showError(err.message);
  }
}

// --- wiring ---------------------------------------------------------------------------------

function init() {
  const tabs = VIEWS.map((name) => $(`tab-${name}`));
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => {
      if (parseHash().view !== VIEWS[i]) openView(VIEWS[i]);
    });
    tab.addEventListener("keydown", (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const target = (i + moves[event.key] + tabs.length) % tabs.length;
      openView(VIEWS[target]);
      selectTab(VIEWS[target], true);
    });
  });
  for (const view of VIEWS) {
    const form = $(`${view}-form`);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      setHash(view, formValues(form));
    });
  }
  $("events-form").addEventListener("reset", () => setTimeout(() => setHash("events", {}), 0));
  for (const id of ["ev-actor", "tr-name"]) {
    $(id).addEventListener("input", (event) => suggestPeople(event.target.value));
  }
  for (const id of ["events-status", "timeline-status", "travel-status"]) $(id).tabIndex = -1;
  $("detail-close").addEventListener("click", closeDetail);
  $("detail").addEventListener("close", () => {
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  });
  $("detail").addEventListener("click", (event) => {
    if (event.target === $("detail")) closeDetail(); // a click on the backdrop
  });
  // the skip link moves focus without touching the address the views live in
  document.querySelector(".skip").addEventListener("click", (event) => {
    event.preventDefault();
    $("main").focus();
  });
  window.addEventListener("hashchange", route);
  loadTotals();
  suggestPeople("");
  route();
}

document.addEventListener("DOMContentLoaded", init);
