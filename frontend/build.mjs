// Bundles the page's modules with the libraries they import (Observable Plot, Cytoscape,
// topojson-client) into src/summitry/web/static/dist/, and copies the world's country borders
// (Natural Earth 1:110m, from the world-atlas package) beside them. The output is not committed:
// `make install` builds it, and the Python package serves it.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "summitry", "web", "static", "dist");
const require = createRequire(import.meta.url);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
copyFileSync(require.resolve("world-atlas/countries-110m.json"), join(out, "world.json"));
console.log(`built ${out}`);
