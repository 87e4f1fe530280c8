#!/usr/bin/env node
// Trunk's post-build hook (Trunk.toml), run in its staging directory: first the wasm optimised
// (wasm.mjs, which edits wasm-bindgen's module), then the stylesheets joined into one file, then
// the scripts, stylesheet and profiles without what only their readers need
// (compact.mjs), then the content policy (which adds a file), then the start page drawn into
// index.html (which runs the app under that policy), then the service worker (which lists every
// file). Trunk runs the hooks of one stage side by side, so the order lives here, in one hook.
import { applyPolicy } from "./csp.mjs";
import { compactProfiles, compactScripts } from "./compact.mjs";
import { joinStylesheets } from "./stylesheets.mjs";
import { optimiseWasm } from "./wasm.mjs";
import { prerender } from "./prerender.mjs";
import { writeWorker } from "./service-worker.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: post-build.mjs <built dir> (or run it as Trunk's post_build hook)");
  process.exit(2);
}
// Development builds carry Trunk's live-reload script: no policy, no start page drawn ahead, and
// a worker that removes itself (see service-worker.mjs). FITCHECK_PRERENDER=0 leaves the start
// page out of a release build (for a host that builds without Chromium; see docs/hosting.md).
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const drawStart = release && process.env.FITCHECK_PRERENDER !== "0";
try {
  if (release) optimiseWasm(dir);
  if (release) joinStylesheets(dir);
  if (release) compactScripts(dir);
  if (release) compactProfiles(dir);
  if (release) applyPolicy(dir);
  if (drawStart) await prerender(dir);
  writeWorker(dir, release);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
