// The start page drawn at build time (scripts/lib/prerender.mjs): a first visit sees the role,
// the times and the start buttons before the WebAssembly has arrived, in its own language; a
// start pressed then is kept and leads to the first item once the app runs; the app takes over
// without a frame in which the start page is missing, and where the drawn page would not be what
// the app shows (a saved check, another role, another page, storage blocked) it is not shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { DIST } from "./support/server.mjs";
import { defaultProfile, walkOrder } from "./support/profile.mjs";
import { DIST_SINGLE, SINGLE_FILE } from "./support/single-file.mjs";
import { appRunning } from "./support/flow.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();
const skip = SINGLE_FILE && "the single-file edition carries no drawn start page";

/** A fresh visitor whose program (its scripts and wasm) is held back until `release()` is called. */
async function heldVisit(options = {}) {
  const visit = await freshPage(env.browser, options);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await visit.page.route(/\.wasm$|\/(start|fitcheck)-[0-9a-f]{16}\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return { ...visit, release };
}


const visibleText = (page) => page.evaluate(() => document.querySelector("main:not([hidden])").innerText);

test("the build draws the default role's start page into index.html, in every interface language", { skip }, () => {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  const languages = fs.readdirSync("locales").map((f) => f.replace(/\.json$/, "")).sort();
  const meta = html.match(/<meta name="fitcheck-prerender" content="([^"]*)" data-languages="([^"]*)" data-files="([^"]*)" \/>/);
  assert.ok(meta, "the drawn role, languages and first files are named in the head");
  assert.equal(meta[1], profile.id);
  assert.equal(meta[2], languages.join(" "));
  for (const file of meta[3].split(" ")) assert.ok(fs.existsSync(path.join(DIST, file)), file);
  for (const language of languages) {
    const copy = html.match(new RegExp(`<div class="prerender" id="prerender-${language}" lang="${language}" hidden>([\\s\\S]*?)<!-- end prerender -->`));
    assert.ok(copy, `a copy in ${language}`);
    assert.ok(copy[1].includes(profile.role.title), "the role's title");
    assert.match(copy[1], /id="start"/);
    assert.match(copy[1], /id="start-quick"/);
    assert.doesNotMatch(copy[1], /<script/i);
  }
  // One file per role: the single files leave it out.
  for (const file of fs.readdirSync(DIST_SINGLE).filter((f) => f.endsWith(".html"))) {
    assert.doesNotMatch(fs.readFileSync(path.join(DIST_SINGLE, file), "utf8"), /<div class="prerender"|<meta name="fitcheck-prerender"/);
  }
});

test("before the wasm arrives the start page is shown; a start pressed then opens the first item when the app runs", { skip }, async () => {
  const { context, page, problems, release } = await heldVisit({ viewport: { width: 390, height: 844 } });
  await page.goto(env.server.url, { waitUntil: "commit" });
  const start = page.locator("#start");
  await start.waitFor();
  assert.equal(await page.locator("h1:visible").textContent(), profile.role.title);
  assert.equal(await page.locator("#boot-status").isVisible(), false, "no loading line over the start page");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  // The page has not ended (it waits for the program's scripts), yet only the copy shown is in
  // the document: no id is there twice.
  assert.equal(await page.evaluate(() => document.readyState), "interactive");
  assert.equal(await page.locator(".prerender").count(), 1);
  assert.equal(await page.evaluate(() => new Set([...document.querySelectorAll("[id]")].map((e) => e.id)).size === document.querySelectorAll("[id]").length), true);
  await page.screenshot({ path: path.join("target", "e2e-first-screen-drawn.png") });
  // The app is not running: the click is kept and said so.
  await start.click();
  assert.equal(await start.getAttribute("aria-busy"), "true");
  assert.match(await page.locator(".boot-note").textContent(), /Loading Fitcheck/);
  assert.equal(page.url(), env.server.url);
  release();
  await page.locator("#item-prompt").waitFor();
  assert.match(page.url(), new RegExp(`/check/${walkOrder(profile)[0]}$`));
  await appRunning(page);
  const mode = await page.evaluate((id) => JSON.parse(localStorage.getItem(`fitcheck.progress.v1.${id}`)).mode, profile.id);
  assert.equal(mode, "full");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the quick start pressed early starts the quick check", { skip }, async () => {
  const { context, page, release } = await heldVisit();
  await page.goto(env.server.url, { waitUntil: "commit" });
  await page.locator("#start-quick").click();
  release();
  await page.locator("#item-prompt").waitFor();
  const mode = await page.evaluate((id) => JSON.parse(localStorage.getItem(`fitcheck.progress.v1.${id}`)).mode, profile.id);
  assert.equal(mode, "quick");
  await context.close();
});

test("the app takes over with no frame missing the start page, the same text, and the focus kept", { skip }, async () => {
  const { context, page, problems, release } = await heldVisit();
  await page.goto(env.server.url, { waitUntil: "commit" });
  await page.locator("#start").waitFor();
  const drawn = await visibleText(page);
  // Keyboard: the candidate has tabbed to a control of the drawn page (the language button,
  // which has no id).
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("data-language")), "en");
  await page.evaluate(() => {
    window.__frames = [];
    const sample = () => {
      const start = document.querySelector("#start");
      window.__frames.push({
        start: !!start && start.getClientRects().length > 0,
        app: !document.querySelector(".prerender"),
      });
      if (window.__frames.filter((f) => f.app).length < 10) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  release();
  await appRunning(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-prerender")), false);
  await page.waitForFunction(() => window.__frames.filter((f) => f.app).length >= 10);
  const frames = await page.evaluate(() => window.__frames);
  assert.ok(frames.some((f) => !f.app), "frames were sampled before the app took over");
  assert.deepEqual(frames.filter((f) => !f.start), [], "every frame showed the start button");
  assert.equal(await visibleText(page), drawn, "the app's start page reads as the drawn one");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-language") === "en");
  assert.equal(await page.evaluate(() => !!document.activeElement.closest(".prerender")), false, "the focus is on the app's own button");
  // The next Tab goes on from there, to the German button.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("data-language")), "de");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a German browser sees the German copy; the language button switches it before the app runs, and the app keeps the choice", { skip }, async () => {
  const { context, page, release } = await heldVisit({ locale: "de-DE" });
  await page.goto(env.server.url, { waitUntil: "commit" });
  const start = page.locator("#start");
  await start.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  assert.match(await start.textContent(), /^Vollständiger Check/);
  const german = await start.textContent();
  assert.equal(await page.locator(".prerender").count(), 1, "only the copy shown is in the document");
  await page.locator('button[data-language="en"]').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.notEqual(await start.textContent(), german);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("data-language")), "en");
  release();
  await appRunning(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(await page.locator('button[data-language="en"]').getAttribute("aria-pressed"), "true");
  await context.close();
});

test("where the drawn page is not what the app shows, the loading line shows instead", { skip }, async () => {
  const drawnShown = (page) => page.evaluate(() => document.documentElement.hasAttribute("data-prerender"));
  // A saved check: the app's start page says "Continue". (No service worker: it would answer
  // the held-back program from its cache.)
  {
    const { context, page } = await freshPage(env.browser, { serviceWorkers: "block" });
    await page.goto(env.server.url);
    await page.locator("#start").click();
    await page.locator("#item-prompt").waitFor();
    await page.route(/\.wasm$/, () => {});
    await page.goto(env.server.url);
    await page.locator("#boot-status").waitFor();
    assert.equal(await drawnShown(page), false);
    await context.close();
  }
  // Another page, another role, a share link.
  for (const address of ["results", "?profile=some-other-role", "shared#x"]) {
    const { context, page } = await freshPage(env.browser);
    await page.route(/\.wasm$/, () => {});
    await page.goto(`${env.server.url}${address}`);
    await page.locator("#boot-status").waitFor();
    assert.equal(await drawnShown(page), false, address);
    assert.equal(await page.locator(".prerender").count(), 0, address);
    await context.close();
  }
  // Storage blocked: the app's start page carries a notice the drawn one has not.
  {
    const { context, page } = await freshPage(env.browser);
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
    });
    await page.route(/\.wasm$/, () => {});
    await page.goto(env.server.url);
    await page.locator("#boot-status").waitFor();
    assert.equal(await drawnShown(page), false);
    await context.close();
  }
});
