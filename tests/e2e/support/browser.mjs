// Debian's Chromium driven by playwright-core, with the flags this machine needs.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { ARGS } from "../../../scripts/lib/chromium.mjs";

export { ARGS, launch } from "../../../scripts/lib/chromium.mjs";

/**
 * A fresh page (new, empty browser profile) that records page errors, failed requests and
 * console errors, so a test can assert the app ran cleanly.
 */
export async function freshPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  return { context, page, problems };
}

/** A browser with a real (non-incognito) profile in a new temporary directory. */
export async function launchWithProfile(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ARGS,
    headless: true,
  });
}

/**
 * Adds an inline script to `page` as an attacker's injection would and asserts that the page's
 * Content-Security-Policy blocked it: it did not run, and a script-src violation was reported.
 */
export async function assertInjectedScriptBlocked(page) {
  const { ran, seen } = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.head.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ran: window.__injected === true, seen };
  });
  assert.equal(ran, false, "the injected inline script did not run");
  assert.ok(seen.some((d) => d.startsWith("script-src")), JSON.stringify(seen));
}
