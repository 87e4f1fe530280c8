#!/usr/bin/env node
// Makes a release build run under a strict Content-Security-Policy. scripts/lib/post-build.mjs
// runs it after each release build, before the service worker's list of files is written.
//
// 1. Trunk starts the app with an inline module script that names this build's hashed files.
//    Inline scripts would need a per-build hash in the host's header, so the script moves into
//    its own file, `start-<hash>.js`, loaded with an integrity hash like Trunk's other files.
// 2. Any inline script still left gets its sha256 hash into the policy.
// 3. The policy goes into index.html as a <meta> element, for hosts that cannot set headers.
//    deploy/nginx.conf sends the same policy as a header (the browser test serves the build with
//    that file and compares the two), adding what only a header can carry (frame-ancestors).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { baseHref, integrity } from "./built-html.mjs";

/** The policy every build runs under, before any inline-script hashes. */
export const BASE_POLICY = [
  "default-src 'self'",
  // WebAssembly compiles under 'wasm-unsafe-eval'; JavaScript's eval stays forbidden.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
/** Directives browsers obey only in a header. */
export const HEADER_ONLY = ["frame-ancestors 'none'"];

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

const digest = (algorithm, text) => crypto.createHash(algorithm).update(text).digest("base64");

/** The policy for `html` (index.html as Trunk wrote it): the base, plus inline-script hashes. */
export function policyFor(html) {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[2])
    .filter((body) => body.trim() !== "")
    .map((body) => `'sha256-${digest("sha256", body)}'`);
  return BASE_POLICY.map((d) => (d.startsWith("script-src ") && hashes.length ? `${d} ${hashes.join(" ")}` : d));
}

/** Moves Trunk's inline module loader of `dir`/index.html into a file; returns the new html. */
function externaliseLoader(dir, html) {
  return html.replace(INLINE_SCRIPT, (whole, attributes, body) => {
    if (!/type="module"/.test(attributes) || !body.includes("TrunkApplicationStarted")) return whole;
    const source = `${body.trim()}\n`;
    const name = `start-${crypto.createHash("sha256").update(source).digest("hex").slice(0, 16)}.js`;
    fs.writeFileSync(path.join(dir, name), source);
    const base = baseHref(html) ?? "/";
    return `<script type="module" src="${base}${name}" integrity="${integrity(source)}"></script>`;
  });
}

/** Moves the loader out of `dir`/index.html and writes the policy into it. */
export function applyPolicy(dir) {
  const file = path.join(dir, "index.html");
  let html = externaliseLoader(dir, fs.readFileSync(file, "utf8"));
  const policy = policyFor(html).join("; ");
  html = html.replace(
    /<meta charset="utf-8" \/>/,
    (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
  if (!html.includes('http-equiv="Content-Security-Policy"')) {
    throw new Error('index.html has no <meta charset="utf-8" /> to put the policy after');
  }
  fs.writeFileSync(file, html);
}
