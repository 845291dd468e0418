// A person: offices held (knowledge base), trips and days abroad by year, frequent counterparts,
// the last trip before a date, and every trip with its legs.
import { api, downloadLinks, isAbort, latest } from "../api.js";
import { rememberOpener } from "../evidence.js";
import { $, dateRange, el, plural, simpleTable } from "../dom.js";
import { chart, Plot, width } from "../plot.js";
import { openEvent, paramsObject } from "../state.js";

export function clear() {
  $("person-status").textContent = "";
  $("person-results").replaceChildren();
}

export async function load(params, showError) {
  const status = $("person-status");
  const results = $("person-results");
  const name = params.get("name");
  const ticket = latest("person");
  if (!name) {
    clear();
    status.textContent = "Give a person's name.";
    return;
  }
  status.textContent = "Loading…";
  results.replaceChildren();
  const travelQuery = { name, include_planned: params.get("include_planned") || "" };
  try {
    const [report, profile] = await Promise.all([
      api("/api/travel", travelQuery, { signal: ticket.signal }),
      api("/api/person", { name, before: params.get("before") || "" }, { signal: ticket.signal }),
    ]);
    if (!ticket.current()) return;
    render(report, profile, params);
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    clear();
    showError(err.message);
  }
}

function personLink(name) {
  return el("a", { href: `#person?name=${encodeURIComponent(name)}` }, name);
}

function render(report, profile, params) {
  const status = $("person-status");
  const trips = report.trips || [];
  const who = profile.name || report.person;
  status.textContent = `${who}${profile.name_zh ? ` (${profile.name_zh})` : ""}${profile.country ? `, ${profile.country}` : ""}: ` +
    `${plural(profile.events || 0, "event")}${profile.first ? ` from ${profile.first} to ${profile.last}` : ""}, ` +
    `${plural(trips.length, "trip")} abroad.`;
  const q = encodeURIComponent(who);
  const parts = [el("p", {}, el("a", { href: `#map?name=${q}` }, "These trips on the map"),
    " · ", el("a", { href: `#events?actor=${q}` }, "All events of this person"),
    " · ", el("a", { href: `#network?actor=${q}` }, "Who this person met"))];

  parts.push(el("h3", {}, "Offices held"));
  const offices = profile.offices || [];
  parts.push(offices.length
    ? simpleTable(`Offices held by ${who}`, ["Office", "Country", "From", "To"],
      offices.map((o) => [o.region ? `${o.title} (${o.region})` : o.title, o.country || "", o.start || "", o.end || "in office"]))
    : el("p", { className: "hint" }, profile.in_knowledge_base ? "The knowledge base lists no office."
      : "This name is not in the knowledge base."));

  const before = params.get("before");
  parts.push(el("h3", {}, before ? `Last trip before ${before}` : "Latest trip"));
  parts.push(profile.last_trip ? tripSection(profile.last_trip, "", params)
    : el("p", {}, before ? "No trip abroad ended before that day." : "No trip abroad."));

  const years = profile.years || [];
  parts.push(el("h3", {}, "Trips and days abroad by year"));
  if (years.length) {
    parts.push(chart({
      width: width($("person-results")), height: 220, marginLeft: 48,
      x: { label: null, tickFormat: "d", type: "band" },
      y: { label: "Days abroad", grid: true },
      marks: [Plot.barY(years, { x: "year", y: "days_abroad", fill: "#4a86c5",
        title: (d) => `${d.year}: ${plural(d.days_abroad, "day")} abroad, ${plural(d.trips, "trip")}` }),
      Plot.text(years, { x: "year", y: "days_abroad", text: (d) => (d.trips ? plural(d.trips, "trip") : ""), dy: -8 }),
      Plot.ruleY([0])],
    }, `Days abroad per year of ${who} (labels: trips starting that year)`));
    parts.push(simpleTable(`Events, trips and days abroad per year of ${who}`,
      ["Year", "Events", "Trips", "Days abroad", "Legs with unknown days", "Countries"],
      years.map((y) => [String(y.year), String(y.events), String(y.trips), String(y.days_abroad), String(y.legs_days_unknown),
        y.countries.join(", ")]), { numeric: [1, 2, 3, 4] }));
  } else {
    parts.push(el("p", { className: "hint" }, "No dated events."));
  }
  if (profile.undated_legs) parts.push(el("p", { className: "hint" }, `${plural(profile.undated_legs, "undated leg")} not counted in any year.`));

  parts.push(el("h3", {}, "Frequent counterparts"));
  const counterparts = profile.counterparts || [];
  parts.push(counterparts.length
    ? simpleTable(`People ${who} met most often`, ["Person", "Country", "Meetings"],
      counterparts.map((c) => [personLink(c.name), c.country || "", String(c.meetings)]), { numeric: [2] })
    : el("p", { className: "hint" }, "No named counterparts."));

  parts.push(el("h3", {}, "Trips"));
  parts.push(downloadLinks("/api/travel", travelParams(who, params), "the legs"));
  trips.forEach((trip, i) => parts.push(tripSection(trip, `Trip ${i + 1}`, params)));
  $("person-results").replaceChildren(...parts);
}

function travelParams(name, params) {
  return { name, include_planned: params.get("include_planned") || "" };
}

function tripSection(trip, title, params) {
  const span = trip.start ? (trip.start === trip.end ? trip.start : `${trip.start} – ${trip.end}`) : "undated";
  const rows = trip.legs.map((leg) => [
    el("a", { href: `#country?code=${encodeURIComponent(leg.country)}` }, leg.country), leg.place || "",
    dateRange(leg.start, leg.end, leg.precision), el("span", { className: `badge status-${leg.status}` }, leg.status),
    leg.event_ids.map((id, k) => {
      const button = el("button", { type: "button", className: "link", "aria-label": `Event ${k + 1} of the leg in ${leg.country}, ${span}` },
        `event ${k + 1}`);
      button.addEventListener("click", () => {
        rememberOpener(button);
        openEvent("person", paramsObject(params), id);
      });
      return button;
    })]);
  const heading = `${title ? title + ": " : ""}${span} · ${trip.countries.join(", ")}`;
  return el("section", { className: "trip" }, el("h4", {}, heading),
    simpleTable(`Legs of the trip ${heading}`, ["Country", "Place", "Dates", "Status", "Events"], rows));
}
