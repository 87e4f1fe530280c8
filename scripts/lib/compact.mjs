#!/usr/bin/env node
// Leaves out of the release build what only a reader of the source needs: the comments and the
// indentation of the scripts (public/boot.js, public/offline.js, public/sw.js, and the module
// wasm-bindgen writes) and of the stylesheets, and the whitespace of the role profiles
// (public/profiles/ keeps the files authors edit). Every line of code stays on its own line, as
// written, so nothing is joined that could read differently. Measured (brotli, quality 11):
// boot.js 5,185 → 3,653 B, offline.js 1,048 → 656 B, sw.js 1,586 → 1,011 B, wasm-bindgen's
// module 7,514 → 6,776 B, the stylesheet 4,373 → 3,047 B, the default profile 68,230 → 67,153 B.
// scripts/lib/post-build.mjs runs it after each release build; the integrity hashes of the
// scripts it rewrites are written anew.
import fs from "node:fs";
import path from "node:path";
import { baseHref, integrity, linkedFile } from "./built-html.mjs";

/** `text` (JavaScript) without its whole-line `//` comments, indentation and blank lines. The
 * scripts it is used on hold no template literal or string that spans lines (wasm-bindgen's
 * module has none either: every line of it holds an even number of backticks). */
export function compactScript(text) {
  return lines(text.split("\n").filter((line) => !/^\s*\/\//.test(line)));
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
  const compacted = (whole, start, href) => {
    const local = linkedFile(dir, base, href);
    const script = compactScript(fs.readFileSync(local, "utf8"));
    fs.writeFileSync(local, script);
    return `${start} integrity="${integrity(script)}">`;
  };
  fs.writeFileSync(file, html.replace(SCRIPT, compacted).replace(MODULE, compacted));
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
