// The page's state lives in the address: #view?param=value. Every view can be bookmarked or
// shared, and Back/Forward restore it (the router redraws from the address alone).

export const VIEWS = ["events", "map", "timeline", "network", "person", "country"];

let onChange = () => {};

export function onRoute(handler) {
  onChange = handler;
  window.addEventListener("hashchange", () => onChange());
}

export function parseHash() {
  const raw = window.location.hash.replace(/^#/, "");
  const cut = raw.indexOf("?");
  const view = cut < 0 ? raw : raw.slice(0, cut);
  const query = cut < 0 ? "" : raw.slice(cut + 1);
  return { view: VIEWS.includes(view) ? view : "events", params: new URLSearchParams(query) };
}

export function hashFor(view, values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values || {})) {
    if (value !== "" && value !== null && value !== undefined) params.set(key, value);
  }
  const query = params.toString();
  return `#${view}${query ? "?" + query : ""}`;
}

// go to a state: a new history entry, or (replace) the current one changed in place
export function go(view, values, { replace = false } = {}) {
  const hash = hashFor(view, values);
  if (window.location.hash === hash) {
    onChange();
  } else if (replace) {
    window.history.replaceState(null, "", hash);
    onChange();
  } else {
    window.location.hash = hash;
  }
}

// open an event over a view: a new history entry that remembers it was opened here, so that
// closing the dialog can go back to the entry before it
export function openEvent(view, values, id) {
  window.history.pushState({ event: id }, "", hashFor(view, { ...values, event: id }));
  onChange();
}

export function paramsObject(params) {
  return Object.fromEntries(params.entries());
}
