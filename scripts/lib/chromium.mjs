// Debian's Chromium driven by playwright-core, with the flags this machine needs (its closed
// network refuses Chromium's background connections). Used by the build's prerender
// (scripts/lib/prerender.mjs), the browser tests and the bench.
import { chromium } from "playwright-core";

export const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ARGS,
    headless: true,
  });
}
