// Building the page's elements. Text from the data is only ever set as text nodes or attribute
// values, never parsed as HTML.

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

export function plural(n, word, many) {
  return `${n} ${n === 1 ? word : many || word + "s"}`;
}

export function dateRange(start, end, precision) {
  if (!start) return "undated";
  if (precision === "month") return start.slice(0, 7);
  if (precision === "year") return start.slice(0, 4);
  return start === end || !end ? start : `${start} – ${end}`;
}

export function party(p) {
  if (!p) return "";
  const name = p.name || "(unnamed)";
  return p.country ? `${name} (${p.country})` : name;
}

export function webAddress(text) {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch (err) {
    return false;
  }
}

// a table with a hidden caption, column headers and one row per item
export function simpleTable(caption, headers, rows, { numeric = [] } = {}) {
  return el("div", { className: "table-wrap" }, el("table", {},
    el("caption", { className: "visually-hidden" }, caption),
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((cell, i) =>
      el("td", { className: numeric.includes(i) ? "num" : null }, cell)))))));
}

export function setStatus(node, text) {
  node.textContent = text || "";
}
