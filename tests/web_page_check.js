// Runs the web app's script (src/summitry/web/static/app.js) in Node against a live summitry server,
// with a minimal stand-in for the browser's DOM, and prints what the page would show as JSON.
// Used by tests/test_web.py: node web_page_check.js BASE_URL APP_JS
"use strict";

const fs = require("fs");
const vm = require("vm");

const [base, appPath] = process.argv.slice(2);

class Node {}

class Text extends Node {
  constructor(data) {
    super();
    this.data = String(data);
  }
  get textContent() {
    return this.data;
  }
}

class Element extends Node {
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = {};
    this.children = [];
    this.listeners = {};
    this.dataset = {};
    this.hidden = false;
    this.disabled = false;
    this.open = false;
    this.className = "";
    this.value = "";
    this.elements = [];
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  getAttribute(name) {
    return name in this.attributes ? this.attributes[name] : null;
  }
  append(...nodes) {
    for (const node of nodes) this.children.push(typeof node === "string" ? new Text(node) : node);
  }
  replaceChildren(...nodes) {
    this.children = [];
    this.append(...nodes);
  }
  addEventListener(type, fn) {
    (this.listeners[type] = this.listeners[type] || []).push(fn);
  }
  dispatch(type) {
    const event = { type, target: this, stopPropagation() {}, preventDefault() {} };
    for (const fn of this.listeners[type] || []) fn(event);
    if (this.onclick && type === "click") this.onclick(event);
  }
  get textContent() {
    return this.children.map((c) => c.textContent).join("");
  }
  set textContent(value) {
    this.children = [new Text(value)];
  }
  querySelectorAll(tag) {
    const found = [];
    const walk = (node) => {
      for (const child of node.children || []) {
        if (child instanceof Element) {
          if (child.tagName === tag.toUpperCase()) found.push(child);
          walk(child);
        }
      }
    };
    walk(this);
    return found;
  }
  focus() {}
  showModal() {
    this.open = true;
  }
  close() {
    this.open = false;
  }
}

const byId = {};
const document = {
  createElement: (tag) => new Element(tag),
  createTextNode: (data) => new Text(data),
  getElementById(id) {
    if (!byId[id]) {
      byId[id] = new Element(id === "detail" ? "dialog" : "div");
      if (id.endsWith("-pager")) byId[id].append(new Element("button"), new Element("button"));
    }
    return byId[id];
  },
  querySelector: () => new Element("a"),
  addEventListener() {},
  contains: () => true,
  activeElement: null,
};
const window = { location: { origin: base, hash: "" }, addEventListener() {} };

const context = vm.createContext({ document, window, fetch, URL, URLSearchParams, Node, setTimeout, clearTimeout,
  console });
vm.runInContext(fs.readFileSync(appPath, "utf8"), context, { filename: "app.js" });
const run = (code) => vm.runInContext(code, context);

function allElements(node) {
  return node.children.filter((c) => c instanceof Element).flatMap((c) => [c, ...allElements(c)]);
}

async function waitFor(test, what) {
  for (let i = 0; i < 100; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function main() {
  const report = {};
  const $ = (id) => document.getElementById(id);

  await run(`loadEvents(new URLSearchParams("actor=Vladimir+Putin"))`);
  const results = $("events-results");
  const rows = results.querySelectorAll("tbody")[0].querySelectorAll("tr");
  report.events_status = $("events-status").textContent;
  report.events_rows = rows.length;
  report.events_text = results.textContent;
  report.tags = [...new Set(allElements(results).map((e) => e.tagName))].sort();

  const button = rows[rows.length - 1].querySelectorAll("button")[0];
  button.dispatch("click");
  await waitFor(() => $("detail-title").textContent !== "Loading…", "the event dialog");
  report.dialog_open = $("detail").open;
  report.detail_title = $("detail-title").textContent;
  report.detail_text = $("detail-body").textContent;
  report.detail_quotes = $("detail-body").querySelectorAll("blockquote").map((q) => q.textContent);
  report.detail_quote_langs = $("detail-body").querySelectorAll("blockquote").map((q) => q.getAttribute("lang"));

  await run(`loadTravel(new URLSearchParams("name=Xi+Jinping&year=2022"))`);
  report.travel_status = $("travel-status").textContent;
  report.travel_headings = $("travel-results").querySelectorAll("h3").map((h) => h.textContent);
  report.travel_cells = $("travel-results").querySelectorAll("td").map((td) => td.textContent);

  await run(`loadTimeline(new URLSearchParams("a=CHN&b=RUS"))`);
  report.timeline_status = $("timeline-status").textContent;
  report.timeline_rows = $("timeline-results").querySelectorAll("tbody")[0].querySelectorAll("tr").length;

  // an address names a view and its question: opening it shows that view answered
  for (const [id, label] of [["tab-events", "Events"], ["tab-travel", "Travel"], ["tab-timeline", "Timeline"]]) {
    $(id).textContent = label;
  }
  $("travel-status").textContent = "";
  window.location.hash = "#travel?name=Xi+Jinping&before=2022-09-01";
  run("route()");
  await waitFor(() => $("travel-status").textContent !== "" && $("travel-status").textContent !== "Loading…",
    "the travel view opened by its address");
  report.routed = {
    title: document.title,
    travel_selected: $("tab-travel").getAttribute("aria-selected"),
    events_hidden: $("view-events").hidden,
    travel_hidden: $("view-travel").hidden,
    headings: $("travel-results").querySelectorAll("h3").map((h) => h.textContent),
  };

  await run(`loadEvents(new URLSearchParams("type=summit"))`);
  report.error = $("error").textContent;
  report.error_hidden = $("error").hidden;

  process.stdout.write(JSON.stringify(report));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
