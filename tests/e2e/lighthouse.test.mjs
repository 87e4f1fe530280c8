// Lighthouse's accessibility score is at least 95 on the welcome, item and results pages, in
// English and in German. Lighthouse drives the same Debian Chromium as the other browser tests
// (through puppeteer-core, one browser per language, its three audits in one tab). The welcome
// page is audited as a first visit; the item and results pages with the answers of a quick check
// in storage, so that the results page shows levels, verdicts and gaps.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { ARGS, launch, freshPage } from "./support/browser.mjs";
import { startServer } from "./support/server.mjs";
import { defaultProfile } from "./support/profile.mjs";
import { answerWithKeys, itemInUrl } from "./support/flow.mjs";

const MIN_SCORE = 95;
const LANGUAGES = ["en", "de"];
/** Where the app remembers the interface language (src/ui/language.rs), stored as it is. */
const LANGUAGE_KEY = "fitcheck.language";
const profile = defaultProfile();

// Lighthouse's own defaults (a phone, simulated throttling, which keeps its waits for a quiet
// page at one second) with the storage kept and only the accessibility audits.
const SETTINGS = { logLevel: "error", onlyCategories: ["accessibility"], disableStorageReset: true, disableFullPageScreenshot: true };
// The other browser tests' flags, and no network: every host but the loopback server fails at once.
const LIGHTHOUSE_ARGS = [...ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

let server;
/** localStorage after a quick check of mixed answers: what a candidate who comes back has. */
let storage;
/** A question the quick check asked (one it did not ask is "not part of the check"), with code if any. */
let question;

/** The audited pages: whether the quick check's answers are in storage, and the elements that
 * show the page was drawn as meant (not a start or error page; with the answers, if any). */
const PAGES = [
  { name: "welcome", path: () => "", answered: false, drawn: ["#start"] },
  { name: "item", path: () => `check/${encodeURIComponent(question)}`, answered: true, drawn: ["#item-prompt", "fieldset .option input:checked"] },
  { name: "results", path: () => "results", answered: true, drawn: ["#readiness"] },
];

before(async () => {
  server = await startServer();
  const browser = await launch();
  try {
    const { context, page, problems } = await freshPage(browser);
    await page.goto(server.url);
    await page.locator("#start-quick").click();
    await page.waitForURL(/\/check\//);
    const asked = [];
    for (let n = 0; itemInUrl(page); n++) asked.push(await answerWithKeys(page, profile, n % 4 !== 0));
    await page.waitForURL(/\/results$/);
    const questions = profile.questions.filter((q) => asked.includes(q.id));
    question = (questions.find((q) => q.code) ?? questions[0]).id;
    storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    assert.deepEqual(problems, [], "the quick check that fills storage runs cleanly");
    await context.close();
  } finally {
    await browser.close();
  }
});

after(() => server?.close());

/** The accessibility audits that count towards the score and do not pass, with the elements they name. */
function failingAudits(lhr) {
  return lhr.categories.accessibility.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      elements: (audit.details?.items ?? []).map((item) => item.node?.selector).filter(Boolean),
    }));
}

/** Opens an empty page of the server's origin (past the app's service worker, so no app runs)
 * and makes `entries` all that localStorage holds. */
async function seedStorage(page, entries) {
  await page.setBypassServiceWorker(true);
  await page.setRequestInterception(true);
  page.once("request", (request) => request.respond({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }));
  await page.goto(`${server.url}seed`);
  await page.setRequestInterception(false);
  await page.setBypassServiceWorker(false);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, entries);
}

/** Audits every page in one Chromium whose language is `language`: a row per page, and the
 * page errors and console errors seen meanwhile. */
async function auditIn(language) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [...LIGHTHOUSE_ARGS, `--lang=${language}`, `--accept-lang=${language}`],
  });
  const rows = [];
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()} ${m.location()?.url ?? ""}`));
    for (const { name, path, answered, drawn } of PAGES) {
      const started = performance.now();
      await seedStorage(page, { ...(answered ? storage : {}), [LANGUAGE_KEY]: language });
      const row = { page: name, language };
      rows.push(row);
      try {
        const { lhr } = await lighthouse(`${server.url}${path()}`, SETTINGS, undefined, page);
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        const { score } = lhr.categories.accessibility;
        if (typeof score !== "number") throw new Error("Lighthouse gave no accessibility score");
        row.score = Math.round(score * 100);
        row.failing = failingAudits(lhr);
        row.warnings = lhr.runWarnings;
        // Lighthouse leaves the tab on the page it audited.
        Object.assign(row, await page.evaluate((drawn) => ({
          path: location.pathname,
          lang: document.documentElement.lang,
          browserLanguage: navigator.language,
          drawn: drawn.every((selector) => document.querySelector(selector) !== null),
          text: document.body.innerText.slice(0, 200),
        }), drawn));
      } catch (e) {
        row.error = e.message;
      }
      row.seconds = (performance.now() - started) / 1000;
    }
  } finally {
    await browser.close();
  }
  return { rows, problems: problems.map((p) => `${language}: ${p}`) };
}

test(`Lighthouse accessibility score is at least ${MIN_SCORE} on the welcome, item and results pages, in English and German`, async () => {
  const rows = [];
  const problems = [];
  for (const language of LANGUAGES) {
    const audited = await auditIn(language);
    rows.push(...audited.rows);
    problems.push(...audited.problems);
  }

  const cell = (text, width) => String(text).padEnd(width);
  console.log(
    [
      `${cell("page", 9)}${cell("lang", 6)}${cell("score", 7)}${cell("time", 8)}${cell("shown (path, <html lang>)", 42)}failing audits`,
      ...rows.map((r) =>
        `${cell(r.page, 9)}${cell(r.language, 6)}${cell(r.score ?? "-", 7)}${cell(`${r.seconds.toFixed(1)} s`, 8)}` +
        `${cell(r.path ? `${r.path} ${r.lang || "(none)"}` : "-", 42)}${r.error ?? (r.failing.map((a) => a.id).join(", ") || "-")}`,
      ),
    ].join("\n"),
  );
  for (const r of rows) {
    for (const a of r.failing ?? []) console.log(`${r.page} (${r.language}) ${a.id}: ${a.title} ${a.elements.join(" | ")}`);
    if (r.warnings?.length) console.log(`${r.page} (${r.language}) Lighthouse warnings: ${r.warnings.join("; ")}`);
  }

  const where = (r) => `${r.page} (${r.language})`;
  assert.deepEqual(rows.filter((r) => r.error).map((r) => `${where(r)}: ${r.error}`), [], "Lighthouse ran on every page");
  assert.deepEqual(rows.filter((r) => !r.drawn).map((r) => `${where(r)}: ${r.path} shows ${JSON.stringify(r.text)}`), [], "every audited page was drawn");
  assert.deepEqual(rows.filter((r) => r.browserLanguage !== r.language).map((r) => `${where(r)}: the browser's language is ${r.browserLanguage}`), []);
  assert.deepEqual(rows.filter((r) => r.lang !== r.language).map((r) => `${where(r)}: <html lang="${r.lang}">`), [], "each page is shown in its language");
  assert.deepEqual(
    rows.filter((r) => r.score < MIN_SCORE).map((r) => `${where(r)}: ${r.score}, failing ${r.failing.map((a) => a.id).join(", ")}`),
    [],
    `every page scores at least ${MIN_SCORE}`,
  );
  assert.deepEqual(problems, [], "no page error or console error while auditing");
});
