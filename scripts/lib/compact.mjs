#!/usr/bin/env node
// Leaves out of the release build what only a reader of the source needs: the comments and the
// indentation of the hand-written scripts (public/boot.js, public/offline.js, public/sw.js) and
// of the stylesheets, and the indentation of the role profiles (their JSON written without
// whitespace; public/profiles/ keeps the files authors edit). Every line of code stays on its own line, as written, so nothing is joined
// that could read differently. Measured (brotli, quality 11): boot.js 5,185 → 3,659 B,
// offline.js 1,048 → 658 B, sw.js 1,395 → 816 B, the stylesheet 4,373 → about 3,000 B, the
// default profile 68,230 → about 67,150 B.
// scripts/lib/post-build.mjs runs it after each release build; the integrity hashes of the
// scripts it rewrites are written anew.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { baseHref } from "./built-html.mjs";

/** `text` (JavaScript) without its whole-line `//` comments, indentation and blank lines. The
 * scripts it is used on hold no template literal or string that spans lines. */
export function compactScript(text) {
  return lines(text.split("\n").filter((line) => !/^\s*\/\//.test(line)));
}

/** `css` without its comments, indentation and blank lines (no string in the stylesheets holds
 * a comment's opening). */
export function compactStyles(css) {
  return lines(css.replace(/\/\*[\s\S]*?\*\//g, "").split("\n"));
}

const lines = (all) => all.map((line) => line.trim()).filter((line) => line !== "").join("\n") + "\n";

// A classic script of the build with its integrity hash (Trunk's loader is a module script, and
// the program's own JavaScript is wasm-bindgen's, left as it is).
const SCRIPT = /<script src="([^"]+)"([^>]*) integrity="([^"]*)">/g;

/** Compacts the classic scripts `dir`/index.html loads, and writes their new integrity hashes. */
export function compactScripts(dir) {
  const file = path.join(dir, "index.html");
  const html = fs.readFileSync(file, "utf8");
  const base = baseHref(html) ?? "/";
  const written = html.replace(SCRIPT, (whole, href, rest) => {
    const local = path.join(dir, href.startsWith(base) ? href.slice(base.length) : href);
    const script = compactScript(fs.readFileSync(local, "utf8"));
    fs.writeFileSync(local, script);
    const integrity = `sha384-${crypto.createHash("sha384").update(script).digest("base64")}`;
    return `<script src="${href}"${rest} integrity="${integrity}">`;
  });
  fs.writeFileSync(file, written);
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
