// Network: who met whom in a period. A node's size is its number of meetings; selecting a node
// opens that person's page. The same pairs are listed in a table for keyboards and screen readers.
import cytoscape from "cytoscape";
import { api, downloadLinks, isAbort, latest } from "../api.js";
import { $, el, plural, simpleTable } from "../dom.js";
import { filtersOf } from "../forms.js";
import { go } from "../state.js";

let graph = null;

export function clear() {
  if (graph) graph.destroy();
  graph = null;
}

export async function load(params, showError) {
  const status = $("network-status");
  const box = $("network-graph");
  const list = $("network-list");
  status.textContent = "Loading…";
  const ticket = latest("network");
  try {
    const net = await api("/api/network", { ...filtersOf(params), limit: params.get("people") || "" }, { signal: ticket.signal });
    if (!ticket.current()) return;
    clear();
    list.replaceChildren();
    status.textContent = `${plural(net.nodes.length, "person", "people")}` +
      `${net.people > net.nodes.length ? ` (of ${net.people}, those with most events)` : ""}, ${plural(net.edges.length, "pair")} who met.`;
    box.hidden = !net.nodes.length;
    if (!net.nodes.length) return;
    const most = Math.max(...net.nodes.map((n) => n.meetings));
    graph = cytoscape({
      container: box,
      elements: [
        ...net.nodes.map((n) => ({ data: { id: n.name, label: n.name, size: 14 + 46 * Math.sqrt(n.meetings / most) } })),
        ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, n: e.meetings } })),
      ],
      style: [
        { selector: "node", style: { width: "data(size)", height: "data(size)", label: "data(label)",
          "background-color": "#4a86c5", "font-size": 11, color: "#1b1f24", "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#ffffff", "text-background-opacity": 0.7 } },
        { selector: "edge", style: { width: "mapData(n, 1, 10, 1, 8)", "line-color": "#9aa5b1", "curve-style": "haystack" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80 },
    });
    graph.on("tap", "node", (event) => go("person", { name: event.target.id() }));
    // the events the graph is drawn from: meetings unless the filters name a type, as the API draws it
    list.append(downloadLinks("/api/events", { type: "meeting", ...filtersOf(params) }, "the events behind the graph"));
    list.append(el("h3", {}, "Pairs who met"), simpleTable("Pairs who met, most often first", ["Person", "Met", "Times"],
      [...net.edges].sort((a, b) => b.meetings - a.meetings).slice(0, 50).map((e) => [
        el("a", { href: `#person?name=${encodeURIComponent(e.source)}` }, e.source),
        el("a", { href: `#person?name=${encodeURIComponent(e.target)}` }, e.target), String(e.meetings)]),
      { numeric: [2] }));
  } catch (err) {
    if (isAbort(err) || !ticket.current()) return;
    clear();
    status.textContent = "";
    list.replaceChildren();
    showError(err.message);
  }
}
