// The first screen against its physical limit, as Markdown table rows (run by scripts/bench).
//
// Side by side and alternating in one run: the app, and a static HTML page with the same welcome
// content (made here from what the app renders for the default profile, so it cannot drift), whose
// start link leads to a static page of the first item; and the app's build without its start page
// drawn ahead (scripts/lib/prerender.mjs), to show what that buys. All are served brotli-compressed from
// loopback, in Chromium with a phone profile (CPU slowed 4×, 1.6 Mbps down, 150 ms round trip) and
// a desktop profile (no slowdown). Per run: when the start button is visible, and when a click on
// it has brought the first item (a press before the program runs is kept until it does); the brotli bytes
// sent until then, and for the whole first visit until the app works offline. Then timings taken
// in the page with performance.now(): an answer key to the next item painted (p50, p95, over the
// whole check and over its first ten answers), and the results page drawn. Lighthouse adds its
// scores for the welcome page. A generated profile of 1,000 questions in 20 areas is walked too,
// as many answers a run as the default role's whole check. Medians with min–max; nothing is asserted.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { DIST, TYPES } from "../e2e/support/server.mjs";
import { ARGS, launch, freshPage } from "../e2e/support/browser.mjs";
import { defaultProfile } from "../e2e/support/profile.mjs";
import { answerWithKeys, appRunning, itemInUrl } from "../e2e/support/flow.mjs";
import { withoutPrerender } from "../../scripts/lib/prerender.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_FIRST_SCREEN_ONLY=1: only the first-screen rows and sizes (for trying a change quickly).
const FIRST_SCREEN_ONLY = process.env.BENCH_FIRST_SCREEN_ONLY === "1";
const PROFILES = {
  phone: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8, viewport: { width: 390, height: 844 } },
  desktop: { cpu: 1, latency: 0, down: -1, up: -1, viewport: { width: 1280, height: 800 } },
};
const brotli = (buffer) => zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const spread = (xs, unit = (x) => `${x.toFixed(0)} ms`) => `${unit(median(xs))} (${unit(Math.min(...xs))}–${unit(Math.max(...xs))})`;

/**
 * Serves `root` as a static host would (files as they are, index.html for app routes), every
 * body brotli-compressed (compressed once, kept), and counts the bytes each response sends.
 */
async function compressingServer(root) {
  const cache = new Map();
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    // A directory's index.html; an app route (no such file) gets the app's index.html.
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) file = path.join(root, "index.html");
    if (!cache.has(file)) cache.set(file, brotli(fs.readFileSync(file)));
    const body = cache.get(file);
    const hashed = /-[0-9a-f]{16}\.(js|wasm|css|svg)$/.test(file);
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Encoding": "br",
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    });
    res.end(body);
    sent.push({ at: performance.now(), url: url.pathname, bytes: body.length });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    sent,
    bytesSince: (from, until = Infinity) => sent.filter((s) => s.at >= from && s.at <= until).reduce((n, s) => n + s.bytes, 0),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A page that records when `selector` is first in the document and visible, as a clock time
 * (time origin + performance.now()), so times on two documents of one visit can be compared.
 * Looked for in each animation frame, which runs only once the page can be drawn (its
 * stylesheets have arrived) and just before the frame is painted. */
function markWhenVisible([selector, name]) {
  const check = () => {
    const element = document.querySelector(selector);
    if (element && element.getClientRects().length > 0) window[name] = performance.timeOrigin + performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Takes the start page drawn at build time out of the build in `dir`. */
function undraw(dir) {
  const file = path.join(dir, "index.html");
  fs.writeFileSync(file, withoutPrerender(fs.readFileSync(file, "utf8")));
}

/** Copies the release build and adds the static edition of the welcome page and the first item. */
async function buildSites(browser) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-bench-"));
  fs.cpSync(DIST, path.join(root, "app"), { recursive: true });
  const server = await compressingServer(path.join(root, "app"));
  const { context, page } = await freshPage(browser, { serviceWorkers: "block" });
  await page.goto(server.url);
  await page.locator("#start").waitFor();
  await appRunning(page);
  const welcome = await page.evaluate(() => document.querySelector("main").outerHTML);
  const styles = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")));
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  const item = await page.evaluate(() => document.querySelector("main").outerHTML);
  await context.close();
  await server.close();
  const html = (body) =>
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="color-scheme" content="light dark"><title>Fitcheck</title>` +
    styles.map((href) => `<link rel="stylesheet" href="/${href.replace(/^\//, "")}">`).join("") +
    `</head><body>${body}</body></html>`;
  const staticDir = path.join(root, "static");
  fs.mkdirSync(staticDir);
  for (const href of styles) fs.copyFileSync(path.join(root, "app", href), path.join(staticDir, path.basename(href)));
  // The start button becomes a link to the static first item, as a server-rendered site would do.
  const start = welcome.replace(/<button([^>]*)id="start"([^>]*)>/, '<a$1id="start"$2 href="/item.html">').replace(/(<a[^>]*id="start"[^>]*>.*?)<\/button>/s, "$1</a>");
  fs.writeFileSync(path.join(staticDir, "index.html"), html(start));
  fs.writeFileSync(path.join(staticDir, "item.html"), html(item));
  // The same build without its start page drawn ahead, to show what that buys.
  const undrawn = path.join(root, "undrawn");
  fs.cpSync(path.join(root, "app"), undrawn, { recursive: true });
  undraw(undrawn);
  return root;
}

/** Opens `url` as a new visitor under `profile`, measures the start button and the click to the first item. */
async function firstScreen(browser, server, profile, offline) {
  const { context, page, problems } = await freshPage(browser, { viewport: PROFILES[profile].viewport });
  const cdp = await context.newCDPSession(page);
  const { cpu, latency, down, up } = PROFILES[profile];
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: down, uploadThroughput: up });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(markWhenVisible, ["#start", "__startVisible"]);
  await page.addInitScript(markWhenVisible, ["#item-prompt", "__itemVisible"]);
  const from = performance.now();
  await page.goto(server.url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__startVisible, null, { polling: 10 });
  const [origin, visibleAt] = await page.evaluate(() => [performance.timeOrigin, window.__startVisible]);
  // Clicked as soon as it shows; a press on the drawn start page before the program runs is kept.
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  await page.waitForFunction(() => window.__itemVisible, null, { polling: 10 });
  const itemVisibleAt = await page.evaluate(() => window.__itemVisible);
  const itemAt = performance.now();
  const [visible, item] = [visibleAt - origin, itemVisibleAt - origin];
  const untilItem = server.bytesSince(from, itemAt);
  let whole = null;
  if (offline) {
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.some((k) => k.startsWith("fitcheck-")) && navigator.serviceWorker.controller !== null;
    });
    await page.waitForTimeout(500);
    whole = server.bytesSince(from);
  }
  await context.close();
  return { visible, item, untilItem, whole, problems };
}

/** In the page: answer key to the next item painted, for `count` answers (or until the results); then the results drawn. */
async function inPage(browser, url, count, profile) {
  const { context, page } = await freshPage(browser);
  await page.goto(url);
  await page.locator("#start").click();
  const steps = [];
  for (let i = 0; i < count && itemInUrl(page); i++) {
    await page.locator("#item-prompt").waitFor();
    const before = itemInUrl(page);
    // Armed before the keys: Enter's keydown starts the clock; the next frame after the prompt of
    // another item is in the document stops it.
    await page.evaluate((before) => {
      window.__step = new Promise((resolve) => {
        addEventListener("keydown", function start(e) {
          if (e.key !== "Enter") return;
          removeEventListener("keydown", start, true);
          const t0 = performance.now();
          const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          const observer = new MutationObserver(() => {
            const path = location.pathname;
            if (path.includes("/check/") && !path.endsWith(`/check/${before}`) && document.querySelector("#item-prompt")) {
              observer.disconnect();
              done();
            } else if (path.endsWith("/results")) {
              // The last answer leads to the results, which are timed on their own below.
              observer.disconnect();
              resolve(null);
            }
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        }, true);
      });
    }, before);
    await answerWithKeys(page, profile, i % 3 !== 0);
    const step = await page.evaluate(() => window.__step);
    if (step !== null) steps.push(step);
  }
  // The results: a click on the review page's link back to them, to the summary painted.
  await page.goto(`${url}review`);
  const back = page.locator('main a[href$="/results"]');
  await back.waitFor();
  const drawn = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const check = () =>
          document.querySelector("#area-glance") ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)) : requestAnimationFrame(check);
        document.querySelector('main a[href$="/results"]').click();
        check();
      }),
  );
  await context.close();
  return { steps, results: drawn };
}

/** A profile of `questions` questions in `areas` areas, made from the default profile's. */
function generatedProfile(base, areas, questions) {
  const out = structuredClone(base);
  out.id = "generated-large";
  out.areas = Array.from({ length: areas }, (_, a) => ({ ...base.areas[a % base.areas.length], id: `area-${a}`, title: `Area ${a + 1}` }));
  out.requirements = out.areas.map((area, a) => ({ ...base.requirements[a % base.requirements.length], id: `requirement-${a}`, area: area.id }));
  out.self_ratings = out.areas.map((area, a) => ({ ...base.self_ratings[a % base.self_ratings.length], id: `rating-${a}`, area: area.id, requirements: [`requirement-${a}`] }));
  out.questions = Array.from({ length: questions }, (_, q) => {
    const a = q % areas;
    return { ...base.questions[q % base.questions.length], id: `question-${q}`, area: `area-${a}`, requirements: [`requirement-${a}`] };
  });
  return out;
}

async function lighthouseScores(url) {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: [...ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] });
  try {
    const page = await browser.newPage();
    const { lhr } = await lighthouse(url, { logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "pwa"], disableFullPageScreenshot: true }, undefined, page);
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    const audits = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "interactive"].map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? "-"}`);
    return { scores, audits };
  } finally {
    await browser.close();
  }
}

const rows = [];
const browser = await launch();
const root = await buildSites(browser);
const app = await compressingServer(path.join(root, "app"));
const site = await compressingServer(path.join(root, "static"));
const undrawn = await compressingServer(path.join(root, "undrawn"));
for (const profile of Object.keys(PROFILES)) {
  const runs = { app: [], undrawn: [], static: [] };
  for (let run = 0; run < RUNS; run++) {
    runs.app.push(await firstScreen(browser, app, profile, true));
    runs.undrawn.push(await firstScreen(browser, undrawn, profile, false));
    runs.static.push(await firstScreen(browser, site, profile, false));
  }
  const pick = (which, key) => runs[which].map((r) => r[key]);
  const ratio = (key, which = "app") => `${(median(pick(which, key)) / median(pick("static", key))).toFixed(2)}×`;
  rows.push(
    `| ${profile} | start button visible: app / static page | median (min–max) of ${RUNS}, alternating | ${spread(pick("app", "visible"))} / ${spread(pick("static", "visible"))} = ${ratio("visible")} |`,
    `| ${profile} | start button visible: the app without its start page drawn ahead | same runs | ${spread(pick("undrawn", "visible"))} = ${ratio("visible", "undrawn")} |`,
    `| ${profile} | a click on start reaches the first item: app / static page | same runs | ${spread(pick("app", "item"))} / ${spread(pick("static", "item"))} = ${ratio("item")} |`,
    `| ${profile} | a click on start reaches the first item: the app without its start page drawn ahead | same runs | ${spread(pick("undrawn", "item"))} = ${ratio("item", "undrawn")} |`,
    `| ${profile} | brotli bytes until the first item: app / static page | same runs | ${spread(pick("app", "untilItem"), kb)} / ${spread(pick("static", "untilItem"), kb)} |`,
    `| ${profile} | brotli bytes of the whole first visit, offline-ready | same runs | ${spread(pick("app", "whole"), kb)} |`,
  );
  const problems = [...runs.app, ...runs.static].flatMap((r) => r.problems);
  if (problems.length) rows.push(`| ${profile} | page errors | | ${[...new Set(problems)].join("; ")} |`);
}
const dist = fs.readdirSync(path.join(root, "app"));
for (const [name, re] of [["wasm", /\.wasm$/], ["JS", /\.js$/]]) {
  const files = dist.filter((f) => re.test(f));
  const raw = files.reduce((n, f) => n + fs.statSync(path.join(root, "app", f)).size, 0);
  const br = files.reduce((n, f) => n + brotli(fs.readFileSync(path.join(root, "app", f))).length, 0);
  rows.push(`| size | ${name} (${files.length} file${files.length === 1 ? "" : "s"}) | raw / brotli 11 | ${raw.toLocaleString("en")} B / ${br.toLocaleString("en")} B |`);
}

if (FIRST_SCREEN_ONLY) {
  await browser.close();
} else {
  const profile = defaultProfile();
  // Each run walks the whole check that the start button begins, every item, as a candidate does;
  // its first ten answers, on a page just opened (code not yet compiled or warm), are also given
  // on their own.
  const steps = [];
  const firstTen = [];
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    const measured = await inPage(browser, app.url, Infinity, profile);
    steps.push(...measured.steps);
    firstTen.push(...measured.steps.slice(0, 10));
    results.push(measured.results);
  }
  rows.push(
    `| in the page | answer key to the next item painted, the whole check (every item) | p50 / p95 of ${steps.length} | ${median(steps).toFixed(1)} ms / ${quantile(steps, 0.95).toFixed(1)} ms |`,
    `| in the page | the same, the first ten answers of each run | p50 / p95 of ${firstTen.length} | ${median(firstTen).toFixed(1)} ms / ${quantile(firstTen, 0.95).toFixed(1)} ms |`,
    `| in the page | results page drawn (route change to the summary painted) | median (min–max) of ${results.length} | ${spread(results, (x) => `${x.toFixed(1)} ms`)} |`,
  );

  // Scale: the same walk on a profile of 1,000 questions in 20 areas.
  const large = generatedProfile(profile, 20, 1000);
  const largeDir = path.join(root, "large");
  fs.cpSync(path.join(root, "app"), largeDir, { recursive: true });
  fs.writeFileSync(path.join(largeDir, "profiles", "generated-large.json"), JSON.stringify(large));
  const index = JSON.parse(fs.readFileSync(path.join(largeDir, "profiles", "index.json"), "utf8"));
  index.profiles.push({ ...index.profiles[0], id: large.id, file: "generated-large.json" });
  index.default = large.id;
  fs.writeFileSync(path.join(largeDir, "profiles", "index.json"), JSON.stringify(index));
  // Its start page drawn ahead is the shipped role's: a build for this index would draw its own.
  undraw(largeDir);
  const big = await compressingServer(largeDir);
  // As many answers a run as the default role's whole check, so the two compare answer for answer.
  const perRun = steps.length / RUNS;
  const bigSteps = [];
  const bigFirstTen = [];
  const bigResults = [];
  const bigLoads = [];
  for (let run = 0; run < RUNS; run++) {
    const first = await firstScreen(browser, big, "desktop", false);
    bigLoads.push(first.visible);
    const measured = await inPage(browser, big.url, perRun, large);
    bigSteps.push(...measured.steps);
    bigFirstTen.push(...measured.steps.slice(0, 10));
    bigResults.push(measured.results);
  }
  rows.push(
    `| 1,000 questions, 20 areas | start button visible (desktop) | median (min–max) of ${RUNS} | ${spread(bigLoads)} |`,
    `| 1,000 questions, 20 areas | answer key to the next item painted, as many answers as the default role's check | p50 / p95 of ${bigSteps.length} | ${median(bigSteps).toFixed(1)} ms / ${quantile(bigSteps, 0.95).toFixed(1)} ms |`,
    `| 1,000 questions, 20 areas | the same, the first ten answers of each run | p50 / p95 of ${bigFirstTen.length} | ${median(bigFirstTen).toFixed(1)} ms / ${quantile(bigFirstTen, 0.95).toFixed(1)} ms |`,
    `| 1,000 questions, 20 areas | results page drawn | median (min–max) of ${bigResults.length} | ${spread(bigResults, (x) => `${x.toFixed(1)} ms`)} |`,
  );
  await big.close();
  await browser.close();

  try {
    const { scores, audits } = await lighthouseScores(app.url);
    const pwa = scores.pwa === undefined ? "PWA: no such category in Lighthouse 12 (removed upstream)" : `PWA ${scores.pwa}`;
    rows.push(`| Lighthouse | welcome page, its default mobile profile | performance / accessibility / best practices | ${scores.performance} / ${scores.accessibility} / ${scores["best-practices"]}; ${pwa} |`);
    rows.push(`| Lighthouse | welcome page, its metrics | simulated | ${audits.join(", ")} |`);
  } catch (e) {
    rows.push(`| Lighthouse | welcome page | | did not run: ${e.message.split("\n")[0]} |`);
  }
}
await app.close();
await site.close();
await undrawn.close();
fs.rmSync(root, { recursive: true, force: true });
for (const row of rows) console.log(row);
