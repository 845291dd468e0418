// Charts with Observable Plot. Plot puts a <style> element inside each chart; the page's
// Content-Security-Policy allows only its own style sheet, so those elements are removed before
// the chart is inserted (their rules are in style.css under the class "chart").
import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";

export { Plot };

export function chart(options, caption) {
  const node = Plot.plot({ className: "chart", style: { background: "transparent" }, ...options });
  for (const style of node.querySelectorAll("style")) style.remove();
  // Plot names each mark's group with aria-label, which ARIA does not allow on a group without a
  // role; the chart as a whole is one image with its caption, so the names become data attributes
  for (const group of node.querySelectorAll("svg [aria-label]")) {
    group.dataset.mark = group.getAttribute("aria-label");
    group.removeAttribute("aria-label");
  }
  if (node.tagName.toLowerCase() === "svg") {
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", caption);
  }
  return el("figure", { className: "chart-figure" }, node, el("figcaption", {}, caption));
}

export function width(container) {
  return Math.max(320, Math.min(1200, (container && container.clientWidth) || 640));
}
