#!/usr/bin/env node
// Writes dist's service worker from public/sw.js: the list of every file of the build and a
// version hashed from their names and contents. scripts/lib/post-build.mjs runs it after each
// build, last; it can also be run on any built directory:
//   node scripts/lib/service-worker.mjs <dir>
// A debug build gets a worker that removes itself and its caches, so development always sees
// fresh files.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compactScript } from "./compact.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER = "sw.js";

function filesUnder(base, sub = "") {
  return fs.readdirSync(path.join(base, sub), { withFileTypes: true }).flatMap((entry) => {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(base, relative) : [relative];
  });
}

export function buildWorker(dir, template, release = true) {
  if (!release) {
    return `// Development build: no offline cache. Remove any worker and cache a release build left.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(
  caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("fitcheck-")).map((k) => caches.delete(k))))
    .then(() => self.registration.unregister()),
));
`;
  }
  const files = filesUnder(dir)
    .filter((f) => f !== WORKER)
    .sort();
  const hash = crypto.createHash("sha256");
  for (const f of files) {
    hash.update(f).update("\0").update(fs.readFileSync(path.join(dir, f))).update("\0");
  }
  const version = hash.digest("hex").slice(0, 16);
  return template
    .replace("__FITCHECK_VERSION__", version)
    .replace("__FITCHECK_FILES__", JSON.stringify(files));
}

/** Writes `dir`/sw.js for the build in `dir`. */
export function writeWorker(dir, release = true) {
  const template = fs.readFileSync(path.join(ROOT, "public", WORKER), "utf8");
  const worker = buildWorker(dir, template, release);
  fs.writeFileSync(path.join(dir, WORKER), release ? compactScript(worker, { target: "es2020" }) : worker);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: service-worker.mjs <built dir>");
    process.exit(2);
  }
  writeWorker(dir);
}
