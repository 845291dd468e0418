// Corrections from the event dialog: the event's audit trail (who, when, what, why), and a form to
// reject the event, correct a field, merge other events into it or split reports off it. Writing
// needs the server's token; the page keeps it for this browser tab only (sessionStorage) and sends
// it as a bearer token, which no other site's page can make the browser send.
import { ApiError, api, apiUrl } from "./api.js";
import { el, party } from "./dom.js";

const FIELDS = [
  ["start", "First day (YYYY-MM-DD)"], ["end", "Last day (YYYY-MM-DD)"], ["precision", "Precision (day, month, year)"],
  ["place", "Place"], ["countries", "Countries (ISO3 codes, comma-separated)"], ["status", "Status"],
  ["actor", "Actor (Name (ISO3))"], ["counterparts", "Counterparts (Name (ISO3); …)"], ["forum", "Forum"], ["type", "Type"],
];
const ACTIONS = [["set", "Correct a field"], ["reject", "Reject the event"], ["merge", "Merge other events into it"],
  ["split", "Split reports off into another event"]];

let changed = () => {};

export function onCorrected(handler) {
  changed = handler;
}

function partyOf(text) {
  const found = /^\s*(.*?)\s*(?:\(([A-Za-z]{3})\))?\s*$/.exec(text);
  return { name: found[1] || null, country: found[2] ? found[2].toUpperCase() : null };
}

// the form's value for a field as the record holds it
function fieldValue(field, text) {
  const value = text.trim();
  if (field === "countries") return value.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase());
  if (field === "actor") return partyOf(value);
  if (field === "counterparts") return value.split(";").map((p) => p.trim()).filter(Boolean).map(partyOf);
  return value === "" ? null : value;
}

function shownValue(field, ev) {
  const value = ev[field];
  if (field === "countries") return (value || []).join(", ");
  if (field === "actor") return party(value);
  if (field === "counterparts") return (value || []).map(party).join("; ");
  return value ?? "";
}

function describe(c) {
  const what = c.action === "set"
    ? `set ${Object.entries(c.change.fields || {}).map(([k, v]) => `${k} = ${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ")}`
    : c.action === "merge" ? `merged ${(c.target.events || []).length} events` : c.action;
  return el("li", {}, el("span", { className: "meta" }, `${c.at.replace("T", " ").slice(0, 16)} · ${c.author} · `),
    what, c.reason ? el("q", {}, c.reason) : null);
}

async function auditTrail(ev, list) {
  try {
    const { corrections } = await api("/api/corrections", { event_id: ev.id });
    list.replaceChildren(...(corrections.length ? corrections.map(describe) : [el("li", { className: "hint" }, "None yet.")]));
  } catch (err) {
    list.replaceChildren(el("li", { className: "hint" }, `Corrections unavailable: ${err.message}`));
  }
}

async function post(body, token) {
  const response = await fetch(apiUrl("/api/corrections"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError((answer && answer.error) || `${response.status} ${response.statusText}`, response.status);
  return answer;
}

function field(id, label, control) {
  return el("div", { className: "field" }, el("label", { for: id }, label), control);
}

export function reviewSection(ev) {
  const audit = el("ol", { className: "audit" }, el("li", { className: "hint" }, "Loading…"));
  auditTrail(ev, audit);
  const action = el("select", { id: "rv-action", name: "action" }, ACTIONS.map(([v, l]) => el("option", { value: v }, l)));
  const which = el("select", { id: "rv-field", name: "field" }, FIELDS.map(([v, l]) => el("option", { value: v }, l)));
  const value = el("input", { id: "rv-value", name: "value", autocomplete: "off" });
  const others = el("input", { id: "rv-others", name: "others", autocomplete: "off", placeholder: "ev_…, ev_…" });
  const splits = (ev.evidence || []).map((item, i) => el("div", { className: "field checkbox" },
    el("input", { type: "checkbox", id: `rv-split-${i}`, name: "split", value: String(i) }),
    el("label", { for: `rv-split-${i}` }, `${item.doc_id}: ${item.text.slice(0, 70)}${item.text.length > 70 ? "…" : ""}`)));
  const reason = el("textarea", { id: "rv-reason", name: "reason", rows: "2", required: true });
  const author = el("input", { id: "rv-author", name: "author", autocomplete: "name", required: true });
  const token = el("input", { id: "rv-token", name: "token", type: "password", autocomplete: "off",
    "aria-describedby": "rv-token-hint" });
  author.value = window.localStorage.getItem("summitry-author") || "";
  token.value = window.sessionStorage.getItem("summitry-token") || "";
  const setPart = el("div", { className: "review-part" }, field("rv-field", "Field", which), field("rv-value", "New value", value));
  const mergePart = el("div", { className: "review-part", hidden: true }, field("rv-others", "Events that are the same one", others));
  const splitPart = el("fieldset", { className: "review-part", hidden: true }, el("legend", {}, "Reports to split off"), splits);
  const status = el("p", { className: "status", role: "status" });
  const fill = () => { value.value = shownValue(which.value, ev); };
  which.addEventListener("change", fill);
  fill();
  action.addEventListener("change", () => {
    setPart.hidden = action.value !== "set";
    mergePart.hidden = action.value !== "merge";
    splitPart.hidden = action.value !== "split";
  });
  const form = el("form", { className: "filters review-form", novalidate: true },
    field("rv-action", "Action", action), setPart, mergePart, splitPart,
    field("rv-reason", "Why", reason), field("rv-author", "Your name", author),
    field("rv-token", "The server's token", token),
    el("p", { id: "rv-token-hint", className: "hint" }, "Corrections need the token the server was started with " +
      "(SUMMITRY_API_TOKEN); it is kept in this tab only."),
    el("div", { className: "actions" }, el("button", { type: "submit" }, "Record the correction")), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!author.value.trim() || !reason.value.trim()) {
      status.textContent = "Give your name and the reason.";
      return;
    }
    window.localStorage.setItem("summitry-author", author.value.trim());
    window.sessionStorage.setItem("summitry-token", token.value);
    const body = { action: action.value, event_id: ev.id, author: author.value.trim(), reason: reason.value.trim() };
    if (action.value === "set") body.fields = { [which.value]: fieldValue(which.value, value.value) };
    if (action.value === "merge") body.others = others.value.split(/[\s,;]+/).filter(Boolean);
    if (action.value === "split") {
      body.mentions = splits.map((s) => s.querySelector("input")).filter((box) => box.checked)
        .map((box) => ev.evidence[Number(box.value)]).map((m) => ({ doc_id: m.doc_id, start_char: m.start_char, end_char: m.end_char }));
    }
    status.textContent = "Recording…";
    try {
      const made = await post(body, token.value);
      status.textContent = `Recorded as correction ${made.correction.id}${made.outcome === "already" ? " (the data already said so)" : ""}.`;
      changed(ev.id, action.value);
    } catch (err) {
      status.textContent = `Not recorded: ${err.message}`;
    }
  });
  return el("section", { className: "review" }, el("h3", {}, "Corrections"), audit,
    el("details", {}, el("summary", {}, "Correct this event"), form));
}
