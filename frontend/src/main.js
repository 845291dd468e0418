// summitry's web app: views over the JSON API of the same server, with all state in the address.
import { api } from "./api.js";
import { $, el } from "./dom.js";
import { hideEvent, reloadEvent, restoreFocus, showEvent, takeClosedByAddress } from "./evidence.js";
import { fillForm, formValues } from "./forms.js";
import { onCorrected } from "./review.js";
import { go, onRoute, parseHash, VIEWS } from "./state.js";
import * as country from "./views/country.js";
import * as events from "./views/events.js";
import * as map from "./views/map.js";
import * as network from "./views/network.js";
import * as person from "./views/person.js";
import * as timeline from "./views/timeline.js";

const LOADERS = { events, map, timeline, network, person, country };

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
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

// what each view last showed, so that coming back to a tab shows it again, and so that opening or
// closing an event (which only changes `event`) does not reload the view under the dialog
const lastHash = {};
let shown = null;

function withoutEvent(params) {
  const copy = new URLSearchParams(params);
  copy.delete("event");
  copy.delete("doc");
  copy.sort();
  return copy.toString();
}

function route() {
  const { view, params } = parseHash();
  lastHash[view] = window.location.hash || `#${view}`;
  selectTab(view, false);
  const key = `${view}?${withoutEvent(params)}`;
  if (shown !== key) {
    shown = key;
    showError("");
    fillForm($(`${view}-form`), params);
    LOADERS[view].load(params, showError);
  }
  const id = params.get("event");
  if (id) showEvent(id, params.get("doc"));
  else hideEvent();
}

// the dialog was closed on the page (button, Escape, backdrop): take `event` out of the address,
// by going back when this page put it there, so that Forward opens it again
function dialogClosed() {
  if (takeClosedByAddress()) {
    if (!$("detail").open) restoreFocus();
    return;
  }
  const { view, params } = parseHash();
  if (params.get("event")) {
    if (window.history.state && window.history.state.event === params.get("event")) {
      window.history.back();
    } else {
      const values = Object.fromEntries(params.entries());
      delete values.event;
      delete values.doc;
      go(view, values, { replace: true });
    }
  }
  restoreFocus();
}

function openView(view) {
  window.location.hash = lastHash[view] || `#${view}`;
}

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

function init() {
  const notBuilt = $("not-built");
  if (notBuilt) notBuilt.remove();
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
      shown = null; // submitting again asks again, even when nothing changed
      go(view, formValues(form));
    });
    form.addEventListener("reset", () => setTimeout(() => go(view, {}), 0));
  }
  for (const id of ["ev-actor", "map-name", "tl-actor", "nw-actor", "pe-name"]) {
    $(id).addEventListener("input", (event) => suggestPeople(event.target.value));
  }
  for (const view of VIEWS) $(`${view}-status`).tabIndex = -1;
  $("detail-close").addEventListener("click", () => $("detail").close());
  $("detail").addEventListener("close", dialogClosed);
  $("detail").addEventListener("click", (event) => {
    if (event.target === $("detail")) $("detail").close(); // a click on the backdrop
  });
  // the skip link moves focus without touching the address the views live in
  document.querySelector(".skip").addEventListener("click", (event) => {
    event.preventDefault();
    $("main").focus();
  });
  // a correction changes what the view and the dialog show: ask again (a rejected event is gone,
  // so its dialog closes)
  onCorrected((id, action) => {
    shown = null;
    reloadEvent();
    if (action === "reject") $("detail").close();
    else route();
  });
  onRoute(route);
  loadTotals();
  suggestPeople("");
  route();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
