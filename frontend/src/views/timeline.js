// Timeline chart: events over time by type or status, for any filter and for a pair of countries
// (a and b), with the events themselves listed below.
import { api, downloadLinks, isAbort, latest } from "../api.js";
import { $, el, plural } from "../dom.js";
import { filtersOf } from "../forms.js";
import { clearPage, pageSize, renderPage } from "../listing.js";
import { chart, Plot, width } from "../plot.js";

const DOMAINS = {
  type: ["visit", "meeting", "multilateral", "call"],
  status: ["occurred", "planned", "speculated", "postponed", "cancelled"],
};

function periodStart(period) {
  if (/^\d{4}$/.test(period)) return new Date(`${period}-01-01T00:00:00Z`);
  if (/^\d{4}-\d{2}$/.test(period)) return new Date(`${period}-01T00:00:00Z`);
  const week = /^(\d{4})-W(\d{2})$/.exec(period); // ISO week: the Monday of that week
  if (week) {
    const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
    return new Date(monday.getTime() + (Number(week[2]) - 1) * 7 * 86400000);
  }
  return null;
}

export async function load(params, showError) {
  const status = $("timeline-status");
  const chartBox = $("timeline-chart");
  status.textContent = "Loading…";
  const bucket = ["year", "week"].includes(params.get("bucket")) ? params.get("bucket") : "month";
  const by = params.get("by") === "status" ? "status" : "type";
  const filters = filtersOf(params);
  const a = params.get("a") || "";
  const b = params.get("b") || "";
  const pair = a && b;
  const paging = { limit: pageSize(params), offset: params.get("offset") || "" };
  const ticket = latest("timeline");
  try {
    const [series, page] = await Promise.all([
      api("/api/charts/series", { ...filters, a, b, bucket }, { signal: ticket.signal }),
      api("/api/events", { ...filters, a, b, sort: params.get("sort") || "", ...paging }, { signal: ticket.signal }),
    ]);
    if (!ticket.current()) return;
    const what = pair ? `between ${a.toUpperCase()} and ${b.toUpperCase()}` : "matching the filters";
    const points = series.series.map((p) => ({ ...p, date: periodStart(p.period) })).filter((p) => p.date);
    const undated = series.undated.reduce((sum, u) => sum + u.events, 0);
    const charted = points.reduce((sum, p) => sum + p.events, 0);
    chartBox.replaceChildren();
    if (points.length) {
      chartBox.append(chart({
        width: width(chartBox), height: 280, marginLeft: 44,
        x: { type: "utc", label: null },
        y: { label: "Events", grid: true },
        color: { legend: true, domain: DOMAINS[by], label: by === "type" ? "Type" : "Status" },
        marks: [
          Plot.rectY(points, Plot.stackY({ x: "date", interval: bucket === "week" ? "week" : bucket, y: "events", fill: by,
            title: (d) => `${d.period}: ${plural(d.events, "event")}, ${d.type}, ${d.status}` })),
          Plot.ruleY([0]),
        ],
      }, `Events ${what} per ${bucket}, by ${by}: ${charted} dated${undated ? `, ${undated} undated not shown` : ""}`));
    } else {
      chartBox.append(el("p", { className: "hint" }, "No dated events to chart."));
    }
    renderPage("timeline", page, `Events ${what}`, params, "timeline", "/api/events",
      { ...filters, a, b, sort: params.get("sort") || "" });
    if (pair) status.textContent = `${a.toUpperCase()} and ${b.toUpperCase()}: ${status.textContent}`;
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    chartBox.replaceChildren();
    clearPage("timeline");
    showError(err.message);
  }
}
