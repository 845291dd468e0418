// Map: a person's trips as legs on the world map with their dates, or, without a person, the
// number of events by country for the filters.
import { api, downloadLinks, isAbort, latest } from "../api.js";
import { $, dateRange, el, plural, simpleTable } from "../dom.js";
import { filtersOf } from "../forms.js";
import { chart, Plot, width } from "../plot.js";
import { loadWorld } from "../world.js";

const PROJECTION = { type: "equal-earth" };

export async function load(params, showError) {
  const status = $("map-status");
  const results = $("map-results");
  status.textContent = "Loading…";
  const ticket = latest("map");
  const name = params.get("name");
  try {
    const [world, data] = await Promise.all([loadWorld(), name
      ? api("/api/map/travel", { name, year: params.get("year") || "", include_planned: params.get("include_planned") || "" },
        { signal: ticket.signal })
      : api("/api/map/countries", filtersOf(params), { signal: ticket.signal })]);
    if (!ticket.current()) return;
    results.replaceChildren();
    if (name) renderTrips(world, data, params);
    else renderCounts(world, data, params);
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    status.textContent = "";
    results.replaceChildren();
    showError(err.message);
  }
}

function renderTrips(world, map, params) {
  const status = $("map-status");
  const results = $("map-results");
  const home = map.home && map.home.lat !== null ? map.home : null;
  const legs = map.legs.map((leg) => ({ ...leg, when: dateRange(leg.start, leg.end, leg.precision) }));
  const placed = legs.filter((leg) => leg.lat !== null && leg.lon !== null);
  // each trip goes out from home to its first leg, on from leg to leg in date order, and back
  const hops = [];
  let previous = null;
  placed.forEach((leg, i) => {
    const first = !previous || previous.trip !== leg.trip;
    if (first && home) hops.push({ from: home, to: leg, back: false });
    else if (!first) hops.push({ from: previous, to: leg, back: false });
    const last = i === placed.length - 1 || placed[i + 1].trip !== leg.trip;
    if (last && home) hops.push({ from: leg, to: home, back: true });
    previous = leg;
  });
  status.textContent = map.trips
    ? `${map.person}: ${plural(map.trips, "trip")}, ${plural(placed.length, "leg")} on the map.`
    : `No trips abroad of ${map.person} found.`;
  const visited = new Set(placed.map((l) => String(l.numeric)));
  results.append(chart({
    width: width(results), projection: PROJECTION,
    marks: [
      Plot.sphere({ stroke: "currentColor", strokeOpacity: 0.3 }),
      Plot.geo(world.shapes, { fill: (d) => (visited.has(String(d.id)) ? "#f6c965" : "#d9dee4"), stroke: "#ffffff", strokeWidth: 0.5 }),
      Plot.link(hops, { x1: (d) => d.from.lon, y1: (d) => d.from.lat, x2: (d) => d.to.lon, y2: (d) => d.to.lat,
        stroke: (d) => (d.back ? "#8c959f" : "#a40e26"), strokeWidth: 1.5, markerEnd: "arrow" }),
      home ? Plot.dot([home], { x: "lon", y: "lat", r: 5, symbol: "square", fill: "#1b1f24", title: (d) => `home: ${d.name || d.country}` }) : null,
      Plot.dot(placed, { x: "lon", y: "lat", r: 4, fill: "#a40e26",
        title: (d) => `${d.country_name || d.country}${d.place ? " · " + d.place : ""}\n${d.when} (trip ${d.trip})` }),
      Plot.text(placed, { x: "lon", y: "lat", text: (d) => `${d.place || d.country} ${d.when}`, dy: -10, fontSize: 10,
        stroke: "#ffffff", fill: "#1b1f24" }),
    ],
  }, `Trips abroad of ${map.person}, leg by leg with dates${home ? `, from and back to ${home.name || home.country}` : ""}`));
  results.append(simpleTable(`Legs of ${map.person}'s trips`, ["Trip", "Country", "Place", "Dates", "Status"],
    legs.map((l) => [String(l.trip), el("a", { href: `#country?code=${encodeURIComponent(l.country)}` }, l.country_name || l.country),
      l.place || "", l.when, l.status]), { numeric: [0] }));
  results.append(downloadLinks("/api/travel", { name: map.person, year: params.get("year") || "",
    include_planned: params.get("include_planned") || "" }, "the legs"));
}

function renderCounts(world, data, params) {
  const status = $("map-status");
  const results = $("map-results");
  const countries = data.countries || [];
  const counts = new Map(countries.filter((c) => c.numeric).map((c) => [String(c.numeric), c]));
  const total = countries.reduce((sum, c) => sum + c.events, 0);
  status.textContent = `${plural(countries.length, "country", "countries")} involved in the matching events.`;
  const shaded = world.shapes.filter((d) => counts.has(String(d.id)));
  results.append(chart({
    width: width(results), projection: PROJECTION,
    color: { type: "sqrt", scheme: "blues", legend: true, label: "events", zero: true },
    marks: [
      Plot.sphere({ stroke: "currentColor", strokeOpacity: 0.3 }),
      Plot.geo(world.shapes.filter((d) => !counts.has(String(d.id))), { fill: "#eceff2", stroke: "#ffffff", strokeWidth: 0.5 }),
      Plot.geo(shaded, { fill: (d) => counts.get(String(d.id)).events, stroke: "#ffffff", strokeWidth: 0.5,
        title: (d) => `${counts.get(String(d.id)).name || counts.get(String(d.id)).country}: ${plural(counts.get(String(d.id)).events, "event")}` }),
    ],
  }, `Events by country involved${total ? "" : " (none)"}`));
  results.append(simpleTable("Events by country", ["Country", "Events"],
    countries.slice(0, 30).map((c) => [el("a", { href: `#country?code=${encodeURIComponent(c.country)}` },
      c.name ? `${c.name} (${c.country})` : c.country), String(c.events)]), { numeric: [1] }));
  results.append(downloadLinks("/api/events", filtersOf(params), "the matching events"));
}
