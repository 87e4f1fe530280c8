#!/usr/bin/env node
// Leaves out of the release build what only a reader of the source needs. The scripts
// (public/boot.js, public/offline.js, public/sw.js, and the module wasm-bindgen writes) are
// minified by esbuild, each for the oldest language it is written in: boot.js and offline.js
// stay ES5, so that a browser too old for the app can still run them and say so. The
// stylesheets lose their comments and indentation, the role profiles their whitespace
// (public/profiles/ keeps the files authors edit). Measured (brotli, quality 11): boot.js 5,185
// → 3,653 B with comments and indentation left out, → 3,225 B minified; offline.js 1,048 → 656
// → 547 B; sw.js 1,586 → 1,011 → 892 B; wasm-bindgen's module 7,514 → 6,340 (wasm.mjs leaves
// out its unused classes) → 5,530 B; the stylesheet 4,373 → 3,047 B; the default profile
// 68,230 → 67,153 B. scripts/lib/post-build.mjs runs it after each release build; the
// integrity hashes of the scripts it rewrites are written anew.
import fs from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import { baseHref, integrity, linkedFile } from "./built-html.mjs";

/** `text` (JavaScript) minified: a module (`module`) or a classic script, in syntax no newer
 * than `target` (esbuild fails the build if the source is newer). */
export function compactScript(text, { module = false, target = "es5" } = {}) {
  return transformSync(text, {
    minify: true,
    format: module ? "esm" : undefined,
    target,
    charset: "utf8",
    legalComments: "none",
  }).code;
}

/** `css` without its comments, indentation and blank lines (no string in the stylesheets holds
 * a comment's opening). */
export function compactStyles(css) {
  return lines(css.replace(/\/\*[\s\S]*?\*\//g, "").split("\n"));
}

const lines = (all) => all.map((line) => line.trim()).filter((line) => line !== "").join("\n") + "\n";

// A classic script of the build with its integrity hash, and the module wasm-bindgen wrote, which
// Trunk's loader imports and index.html preloads with its hash.
const SCRIPT = /(<script src="([^"]+)"[^>]*) integrity="[^"]*">/g;
const MODULE = /(<link rel="modulepreload"[^>]* href="([^"]+\.js)"[^>]*) integrity="[^"]*">/g;

/** Compacts the scripts `dir`/index.html loads, and writes their new integrity hashes. */
export function compactScripts(dir) {
  const file = path.join(dir, "index.html");
  const html = fs.readFileSync(file, "utf8");
  const base = baseHref(html) ?? "/";
  const compacted = (options) => (whole, start, href) => {
    const local = linkedFile(dir, base, href);
    const script = compactScript(fs.readFileSync(local, "utf8"), options);
    fs.writeFileSync(local, script);
    return `${start} integrity="${integrity(script)}">`;
  };
  // The classic scripts are ES5; wasm-bindgen's module needs WebAssembly's reference types,
  // which every browser that has them pairs with ES2020 at least.
  const classic = compacted({ target: "es5" });
  const module = compacted({ module: true, target: "es2020" });
  fs.writeFileSync(file, html.replace(SCRIPT, classic).replace(MODULE, module));
}

/** Rewrites each role profile in `dir`/profiles without whitespace. A file that is not JSON is
 * left as it is, for the app to report where it breaks. */
export function compactProfiles(dir) {
  const profiles = path.join(dir, "profiles");
  for (const name of fs.readdirSync(profiles).filter((n) => n.endsWith(".json"))) {
    const file = path.join(profiles, name);
    let value;
    try {
      value = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      continue;
    }
    fs.writeFileSync(file, JSON.stringify(value));
  }
}
