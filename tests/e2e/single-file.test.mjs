// Opened from anywhere: the single-file edition run from disk (a file: URL) with no other file and
// no network, and a clear word at once wherever Fitcheck cannot run (the hosted build's
// index.html opened from disk, no WebAssembly, a WebAssembly too old, no JavaScript).
// ./scripts/test also runs candidate-flow, data and practice against the single file
// (FITCHECK_EDITION=single-file; see support/single-file.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, DIST } from "./support/server.mjs";
import { launch, freshPage, assertInjectedScriptBlocked } from "./support/browser.mjs";
import { defaultProfile, storageKey } from "./support/profile.mjs";
import { answerWithKeys, appRunning, itemInUrl, recordRequests } from "./support/flow.mjs";
import { DIST_SINGLE, TEST_HOME, singleFile, singleFileAddress } from "./support/single-file.mjs";
import { writeSingleFiles } from "../../scripts/lib/single-file.mjs";
import { compactStyles } from "../../scripts/lib/compact.mjs";

const profile = defaultProfile();
const env = { server: null, browser: null };
before(async () => {
  env.server = await startServer();
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/** A new folder holding only a copy of the role's single file; its address. */
function aloneInAFolder(source = singleFile(profile.id)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-single-"));
  fs.copyFileSync(source, singleFile(profile.id, dir));
  return singleFileAddress(profile.id, dir);
}

async function downloadOf(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${buttonId}`).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
}

const html = () => fs.readFileSync(singleFile(profile.id), "utf8");

test("the single file holds the app, its styles, its icon and its role, and a policy of its own", () => {
  const file = html();
  // Nothing is loaded from anywhere: no script or stylesheet file, no service worker, no manifest.
  assert.doesNotMatch(file, /<script[^>]*\bsrc=|<link[^>]*rel="(stylesheet|manifest|preload|modulepreload)"|sw\.js|<base /);
  const icon = file.match(/<link rel="icon" href="([^"]*)"/)?.[1];
  assert.match(icon ?? "", /^data:image\/svg\+xml;base64,/);
  assert.match(file, /<meta name="fitcheck-edition" content="single-file" \/>/);
  assert.match(file, new RegExp(`<meta name="fitcheck-home" content="${TEST_HOME}" />`));
  assert.doesNotMatch(file, /id="cannot-load"/, "the explanation for a build opened from disk is left out");
  const carried = [...file.matchAll(/<script type="application\/json" data-file="([^"]+)">([^<]*)<\/script>/g)];
  assert.deepEqual(carried.map((m) => m[1]), ["profiles/index.json", `profiles/${profile.id}.json`]);
  assert.deepEqual(JSON.parse(carried[1][2]), profile, "the role's profile, as the build has it");
  assert.deepEqual(JSON.parse(carried[0][2]).profiles.map((p) => p.id), [profile.id]);

  // The policy allows exactly the inline scripts and styles the file has, by hash.
  const policy = file.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const hash = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
  const scripts = [...file.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...file.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  assert.equal(scripts.length, 2, "boot.js and the start");
  // Every part of style/ is there (the build joins them into one stylesheet, without comments).
  const inlined = [...file.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("\n");
  for (const part of fs.readdirSync(path.join(path.dirname(DIST), "style"))) {
    const rules = compactStyles(fs.readFileSync(path.join(path.dirname(DIST), "style", part), "utf8"));
    assert.ok(inlined.includes(rules.slice(0, 400)), `style/${part} is in the file`);
  }
  assert.equal(
    policy,
    `default-src 'none'; script-src ${scripts.join(" ")} 'wasm-unsafe-eval'; style-src ${styles.join(" ")}; ` +
      "img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'",
  );
  const size = fs.statSync(singleFile(profile.id)).size;
  console.log(`single file: ${(size / 1024).toFixed(0)} KiB, ${scripts.length} scripts and ${styles.length} styles by hash`);
});

test("from disk, alone in a folder: a quick check to results, a reload that resumes, export, summary, print and share link", async () => {
  const address = aloneInAFolder();
  const { context, page, problems } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.goto(address);
  await page.locator("#start-quick").click();
  for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, true);
  const here = itemInUrl(page);
  assert.ok(here, "on an item page");
  assert.ok(page.url().endsWith(`fitcheck-${profile.id}.html#/check/${here}`), page.url());

  // A reload opens the same question; the start page offers to continue the quick check.
  await page.reload();
  await page.locator("#item-prompt").waitFor();
  assert.equal(itemInUrl(page), here, "the reload lands on the same item");
  await page.goBack();
  await page.locator("#item-prompt").waitFor();
  assert.notEqual(itemInUrl(page), here, "Back goes to the screen before");
  await page.goto(address);
  assert.match(await page.locator("#continue").textContent(), /quick check/);
  assert.match(await page.locator("#storage-status").textContent(), /^Your answers are saved in this browser for this file\. Another browser starts afresh/);
  const file = await downloadOf(page, "export");
  assert.equal(file.name, `fitcheck-progress-${profile.id}.json`);
  const saved = await page.evaluate((key) => localStorage.getItem(key), storageKey(profile));
  assert.deepEqual(JSON.parse(file.text).progress, JSON.parse(saved), "the export is the saved progress");

  await page.locator("#continue").click();
  while (itemInUrl(page)) await answerWithKeys(page, profile, true);
  await page.waitForURL(/#\/results$/);
  await page.locator("table.areas-table tbody tr").first().waitFor({ state: "attached" });
  const summary = await downloadOf(page, "download-summary");
  assert.ok(summary.text.startsWith(`# Fitcheck results: ${profile.role.title}`));
  await page.locator("#print").click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  // The share link points at the hosted address the file was built with, and reads there.
  await page.locator("#share").click();
  const link = await page.locator("#share-link").inputValue();
  assert.ok(link.startsWith(`${TEST_HOME}shared?profile=${profile.id}#`), link);
  const other = await freshPage(env.browser);
  await other.page.goto(`${env.server.url}${link.slice(TEST_HOME.length)}`);
  await other.page.locator("#shared-table").waitFor();
  assert.equal(await other.page.locator("h1").textContent(), profile.role.title);
  await other.context.close();

  // The progress file opens in another browser, here the hosted edition.
  const hosted = await freshPage(env.browser);
  await hosted.page.goto(env.server.url);
  await appRunning(hosted.page);
  await hosted.page.setInputFiles("#import-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  assert.match(await hosted.page.locator("#transfer-outcome").textContent(), /^Imported \d+ answers\./);
  await hosted.context.close();

  requests.assertAllFrom("file://");
  assert.deepEqual(problems, []);
  await context.close();
});

test("served by any web host as one file, the single file runs the same and loads nothing else", async () => {
  const host = await startServer({ root: DIST_SINGLE });
  try {
    const { context, page, problems } = await freshPage(env.browser);
    await page.goto(`${host.url}fitcheck-${profile.id}.html`);
    await page.locator("#start").click();
    await answerWithKeys(page, profile, true);
    await page.reload();
    await page.locator("#item-prompt").waitFor();
    assert.ok(new URL(page.url()).hash.startsWith("#/check/"), page.url());
    assert.deepEqual([...new Set(host.requests)], [`/fitcheck-${profile.id}.html`]);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});

test("the single file's own policy blocks injected script, and a crash still offers the saved answers", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(singleFileAddress(profile.id));
  await page.locator("#start").click();
  await answerWithKeys(page, profile, true);
  await assertInjectedScriptBlocked(page);
  assert.ok(problems.every((p) => /Content Security Policy/.test(p)), problems.join("\n"));

  await page.evaluate(() => dispatchEvent(new Event("fitcheck-test-panic")));
  await page.locator("#crash-page").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#crash-download").click()]);
  assert.equal(download.suggestedFilename(), `fitcheck-progress-${profile.id}.json`);
  await context.close();
});

test("built without a hosted address, the single file says its results cannot be shared as a link", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-single-"));
  writeSingleFiles({ dist: DIST, out: dir });
  assert.doesNotMatch(fs.readFileSync(singleFile(profile.id, dir), "utf8"), /fitcheck-home/);
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(`${singleFileAddress(profile.id, dir)}results`);
  await page.locator("#no-share-link").waitFor();
  assert.match(await page.locator("#no-share-link").textContent(), /cannot make a share link\. Download the summary or print it instead\./);
  assert.equal(await page.locator("#share").count(), 0);
  await page.locator("#download-summary").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the hosted build's index.html opened from disk explains within a second what to do", async () => {
  const { context, page } = await freshPage(env.browser);
  const started = Date.now();
  await page.goto(pathToFileURL(path.join(DIST, "index.html")).href, { waitUntil: "commit" });
  const explanation = page.locator("#cannot-load");
  await explanation.waitFor({ timeout: 1000 });
  const shown = Date.now() - started;
  console.log(`dist/index.html from disk: explanation shown after ${shown} ms`);
  assert.ok(shown < 1000, `${shown} ms`);
  const text = await explanation.innerText();
  for (const part of [/cannot start from here/, /link you were given/, /fitcheck-<role>\.html/, /python3 -m http\.server/, /kann von hier aus nicht starten/]) {
    assert.match(text, part);
  }
  assert.equal(await page.locator("#boot-status").isVisible(), false, "no loading line that never ends");
  await context.close();

  // Served, the stylesheet hides it and shows the start page drawn at build time, or where that
  // does not apply (here a role asked for by name) the loading line.
  for (const [address, shown] of [["", "#start"], ["?profile=no-such-role", "#boot-status"]]) {
    const served = await freshPage(env.browser);
    await served.page.route(/\.wasm$/, () => {});
    await served.page.goto(`${env.server.url}${address}`);
    await served.page.locator(shown).waitFor();
    assert.equal(await served.page.locator("#cannot-load").isVisible(), false);
    await served.context.close();
  }
});

test("without WebAssembly, without modules, or with a WebAssembly too old for the app, either edition says so within a second", async () => {
  const editions = [["hosted", env.server.url], ["single file", singleFileAddress(profile.id)]];
  // What a browser does where WebAssembly is missing or turned off; where it cannot compile this
  // program (an older WebAssembly, without a feature the program uses); where JavaScript modules
  // are unknown (an old browser never runs the hosted start script).
  const cases = [
    { lacks: () => delete globalThis.WebAssembly, words: "WebAssembly is missing or turned off", where: editions },
    {
      lacks: () => {
        const refuse = () => Promise.reject(new WebAssembly.CompileError("invalid value type 0x63"));
        for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) WebAssembly[name] = refuse;
      },
      words: "This browser is too old to run Fitcheck",
      where: editions,
    },
    { lacks: () => delete HTMLScriptElement.prototype.noModule, words: "This browser is too old to run Fitcheck", where: editions.slice(0, 1), noModules: true },
  ];
  for (const { lacks, words, where, noModules } of cases) {
    for (const [edition, address] of where) {
      const { context, page } = await freshPage(env.browser);
      await page.addInitScript(lacks);
      if (noModules) await page.route(/\/start-[0-9a-f]+\.js$/, (route) => route.abort());
      const started = Date.now();
      await page.goto(address, { waitUntil: "commit" });
      await page.locator("#boot-status", { hasText: words }).waitFor({ timeout: 1000 });
      console.log(`${edition}: "${await page.locator("#boot-status").textContent()}" after ${Date.now() - started} ms`);
      assert.equal(await page.locator("#crash-page").count(), 0, `${edition}: no crash page`);
      await context.close();
    }
  }
});

test("with JavaScript off, either edition says what it needs, and no loading line", async () => {
  for (const address of [env.server.url, singleFileAddress(profile.id)]) {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(address);
    // (Playwright's text locators skip <noscript>; the page's text is what a reader sees.)
    const text = await page.locator("body").innerText();
    assert.match(text, /^Fitcheck runs in your browser and needs JavaScript and WebAssembly turned on\./);
    assert.match(text, /Fitcheck läuft in deinem Browser und braucht JavaScript und WebAssembly\./);
    assert.equal(await page.locator("#boot-status").isVisible(), false);
    await context.close();
  }
});
