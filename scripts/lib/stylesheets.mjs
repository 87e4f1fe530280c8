#!/usr/bin/env node
// Joins the build's stylesheets into one file, `style-<hash>.css`, in their order in index.html,
// without their comments (compact.mjs), with an integrity hash like Trunk's. style/ keeps one
// file per part of the app; a first visit asks for one. The first frame waits for every
// stylesheet, and on a host speaking HTTP/1.1 (six connections) six stylesheets held the boot
// script and the program back a round trip.
// scripts/lib/post-build.mjs runs it after each release build, first.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { baseHref, integrity, linkedFile } from "./built-html.mjs";
import { compactStyles } from "./compact.mjs";

const LINK = /\s*<link rel="stylesheet" href="([^"]+)" integrity="[^"]*"\s*\/?>/g;

/** Joins the stylesheets of `dir`/index.html into one file; returns its name. */
export function joinStylesheets(dir) {
  const file = path.join(dir, "index.html");
  const html = fs.readFileSync(file, "utf8");
  const links = [...html.matchAll(LINK)];
  if (links.length === 0) throw new Error("index.html links no stylesheet");
  const base = baseHref(html) ?? "/";
  const local = (href) => linkedFile(dir, base, href);
  const css = compactStyles(links.map(([, href]) => fs.readFileSync(local(href), "utf8")).join("\n"));
  const name = `style-${crypto.createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, name), css);
  for (const [, href] of links) fs.rmSync(local(href));
  let first = true;
  const written = html.replace(LINK, (whole) => {
    if (!first) return "";
    first = false;
    return whole.replace(/href="[^"]+"/, `href="${base}${name}"`).replace(/integrity="[^"]*"/, `integrity="${integrity(css)}"`);
  });
  fs.writeFileSync(file, written);
  return name;
}
