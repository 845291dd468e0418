// One event and the sentences behind it, in a dialog whose state is the address's `event`
// parameter: Back closes it, a shared address opens it.
import { api, isAbort, latest } from "./api.js";
import { $, dateRange, el, party, webAddress } from "./dom.js";
import { reviewSection } from "./review.js";
import { hashFor, parseHash } from "./state.js";

const KIND_LABELS = { name: "name", trigger: "trigger", date: "date expression", place: "place", forum: "forum" };

// Spans to mark in a sentence: the server's `marks` when it sends them, else the event's names,
// place and forum found in the text as written.
export function marksFor(text, item, ev) {
  if (Array.isArray(item.marks)) return item.marks;
  const wanted = [];
  for (const p of [ev.actor, ...(ev.counterparts || [])]) {
    if (!p || !p.name) continue;
    wanted.push([p.name, "name"]);
    const words = p.name.split(/\s+/);
    if (words.length > 1) wanted.push([words[words.length - 1], "name"], [words[0], "name"]);
  }
  if (ev.place) wanted.push([ev.place, "place"]);
  if (ev.forum) wanted.push([ev.forum, "forum"]);
  const lower = text.toLowerCase();
  const marks = [];
  for (const [needle, kind] of wanted) {
    if (needle.length < 2) continue;
    const n = needle.toLowerCase();
    for (let at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + n.length)) {
      const before = at === 0 ? " " : lower[at - 1];
      const after = lower[at + n.length] || " ";
      const latin = /[a-z]/.test(n[0]);
      if (latin && (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after))) continue;
      marks.push({ start: at, end: at + n.length, kind });
    }
  }
  return marks;
}

// the text with its marks as <mark> elements (overlaps: the earlier, then longer, span wins)
export function highlighted(text, marks) {
  const spans = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts = [];
  let at = 0;
  for (const m of spans) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(el("mark", { className: `mark-${m.kind}`, title: KIND_LABELS[m.kind] || m.kind },
      text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

let returnFocus = null;
let shownId = null;
// The dialog's "close" event comes a task after close(): by then Forward may have put the event back
// in the address. A close the address asked for (hideEvent) is marked so that it is not taken for
// the reader's (which would go Back again and undo the Forward).
let closedByAddress = false;

export function rememberOpener(node) {
  returnFocus = node;
}

// the address of this view with the dialog showing event `id` (and document `doc`, if given)
function dialogHash(id, doc) {
  const { view, params } = parseHash();
  const values = Object.fromEntries(params.entries());
  delete values.doc;
  return hashFor(view, { ...values, event: id, doc: doc || "" });
}

export async function showEvent(id, doc) {
  const dialog = $("detail");
  const body = $("detail-body");
  if (!dialog.open) {
    if (!returnFocus) returnFocus = document.activeElement;
    dialog.showModal();
  }
  const key = `${id} ${doc || ""}`;
  if (shownId === key) return;
  shownId = key;
  $("detail-title").textContent = "Loading…";
  body.replaceChildren();
  const ticket = latest("event");
  try {
    const ev = await api(`/api/events/${encodeURIComponent(id)}`, {}, { signal: ticket.signal });
    const page = doc ? await api(`/api/documents/${encodeURIComponent(doc)}`, { event: id }, { signal: ticket.signal }) : null;
    if (!ticket.current()) return;
    $("detail-title").textContent = `${ev.type} · ${party(ev.actor)} · ${dateRange(ev.start, ev.end, ev.precision)}`;
    body.replaceChildren(...(page ? documentDetail(ev, page) : eventDetail(ev)));
    if (page) {
      const first = body.querySelector(".reported");
      if (first) first.scrollIntoView({ block: "center" });
    }
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    shownId = null;
    $("detail-title").textContent = "Event";
    body.replaceChildren(el("p", { className: "error" }, err.message));
  }
}

function legendOf(kinds) {
  return kinds.size ? el("p", { className: "hint legend" }, "Marked: ",
    [...kinds].sort().flatMap((kind) => [el("mark", { className: `mark-${kind}` }, KIND_LABELS[kind] || kind), " "])) : null;
}

// the whole document: the sentences reporting the event set apart, with the same marks in them
function documentDetail(ev, page) {
  const text = page.text;
  const cuts = new Set([0, text.length]);
  for (const s of page.sentences) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const inside = page.sentences.some((s) => s.start <= from && to <= s.end);
    const marks = page.marks.filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    const piece = highlighted(text.slice(from, to), marks);
    parts.push(inside ? el("span", { className: "reported" }, piece) : piece);
  }
  const meta = [`document ${page.id}`, page.lang, page.published ? `published ${page.published}` : null, page.source]
    .filter(Boolean).join(" · ");
  return [
    el("p", {}, el("a", { href: dialogHash(ev.id, "") }, "← The evidence of this event")),
    el("p", { className: "meta" }, meta, webAddress(page.url) ? [" · ", el("a", { href: page.url, rel: "noopener noreferrer", target: "_blank" }, "at its source")] : null),
    legendOf(new Set(page.marks.map((m) => m.kind))),
    text ? el("div", { className: "document", lang: page.lang || null }, parts)
      : el("p", { className: "hint" }, "The store keeps no text for this document."),
  ];
}

function personLink(p) {
  if (!p || !p.name) return party(p);
  return el("a", { href: `#person?name=${encodeURIComponent(p.name)}` }, party(p));
}

function eventDetail(ev) {
  const facts = el("dl", { className: "facts" });
  const add = (term, ...value) => {
    if (value.some((v) => v !== null && v !== undefined && v !== "")) facts.append(el("dt", {}, term), el("dd", {}, ...value));
  };
  add("Status", ev.status);
  add("Actor", personLink(ev.actor), ev.actor && ev.actor.office ? ` · ${ev.actor.office}` : "");
  const counterparts = (ev.counterparts || []).flatMap((p, i) => (i ? ["; ", personLink(p)] : [personLink(p)]));
  add("Counterparts", ...counterparts);
  add("Countries", ...(ev.countries || []).flatMap((c, i) => [i ? ", " : "",
    el("a", { href: `#country?code=${encodeURIComponent(c)}` }, c)]));
  add("Place", ev.place);
  add("Forum", ev.forum);
  add("Dates", ev.start ? `${ev.start} – ${ev.end} (${ev.precision})` : "undated");
  add("Dated by", ev.dated_by);
  add("Trip", ev.trip);
  add("Id", ev.id);
  const list = el("ol", { className: "evidence" });
  const kinds = new Set();
  for (const item of ev.evidence || []) {
    const marks = marksFor(item.text, item, ev);
    marks.forEach((m) => kinds.add(m.kind));
    const meta = [`document ${item.doc_id}`, item.status, item.lang || "language unknown",
      item.published ? `published ${item.published}` : null, item.source].filter(Boolean).join(" · ");
    const links = [el("a", { href: dialogHash(ev.id, item.doc_id) }, "The whole document, marked")];
    if (webAddress(item.url)) {
      links.push(" · ", el("a", { href: item.url, rel: "noopener noreferrer", target: "_blank" }, "at its source"));
    } else if (item.url) {
      links.push(" · ", el("span", {}, item.url)); // not a web address (javascript:, data: ...): shown, not linked
    }
    list.append(el("li", {},
      el("p", { className: "meta" }, meta),
      el("blockquote", { lang: item.lang || null }, highlighted(item.text, marks)),
      el("p", { className: "meta" }, links)));
  }
  return [facts, el("h3", {}, `Evidence (${(ev.evidence || []).length})`), legendOf(kinds), list, reviewSection(ev)];
}

// show the event again from the server (after a correction)
export function reloadEvent() {
  shownId = null;
}

export function hideEvent() {
  const dialog = $("detail");
  shownId = null;
  if (dialog.open) {
    closedByAddress = true;
    dialog.close();
  }
}

// whether the close now being handled was asked for by the address (and not by the reader)
export function takeClosedByAddress() {
  const was = closedByAddress;
  closedByAddress = false;
  return was;
}

export function restoreFocus() {
  const target = returnFocus;
  returnFocus = null;
  if (target && document.contains(target)) target.focus();
}
