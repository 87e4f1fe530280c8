// Offline after the first visit, a clean update to a new deploy, any sub-path, installable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startServer, DIST, DIST_SUBPATH } from "./support/server.mjs";
import { launch, freshPage, launchWithProfile } from "./support/browser.mjs";
import { defaultProfile, walkOrder, storageKey } from "./support/profile.mjs";
import { answerWithKeys, recordRequests } from "./support/flow.mjs";

const profile = defaultProfile();
const order = walkOrder(profile);
const index = JSON.parse(fs.readFileSync(path.join(DIST, "profiles/index.json"), "utf8"));
const profileFile = index.profiles.find((p) => p.id === index.default).file;
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until the service worker has cached the build and controls the page. */
async function untilOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/** A copy of dist/ with the role's title changed and its service worker rewritten: a new deploy. */
function secondBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-v2-"));
  fs.cpSync(DIST, dir, { recursive: true });
  const file = path.join(dir, "profiles", profileFile);
  const changed = JSON.parse(fs.readFileSync(file, "utf8"));
  changed.role.title = `${profile.role.title} (updated)`;
  fs.writeFileSync(file, JSON.stringify(changed));
  execFileSync("node", [path.resolve(DIST, "../scripts/lib/service-worker.mjs"), dir]);
  return { dir, title: changed.role.title };
}

for (const base of ["/", "/fitcheck/"]) {
  test(`served from ${base}: after the first visit the app and its progress work offline`, { timeout: 60_000 }, async () => {
    const server = await startServer({ base, root: base === "/" ? DIST : DIST_SUBPATH });
    const { context, page, problems } = await freshPage(browser);
    const requests = recordRequests(context);
    await page.goto(server.url);
    await page.locator("#start").click();
    for (let i = 0; i < 3; i++) await answerWithKeys(page, profile, true);
    await untilOffline(page);
    assert.equal((await cacheNames(page)).filter((k) => k.startsWith("fitcheck-")).length, 1);
    requests.assertAllFrom(server.origin);

    // The network goes away: the browser is offline and the host is gone.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.locator("#item-prompt").waitFor();
    assert.equal(new URL(page.url()).pathname, `${base}check/${order[3]}`);
    assert.match(await page.locator("#progress-overall").textContent(), new RegExp(`3 of ${order.length}`));

    // Navigating, answering and opening other pages all work without a network.
    await answerWithKeys(page, profile, true);
    await page.goto(`${server.url}results`);
    await page.locator("h1").waitFor();
    await page.goto(server.url);
    await page.locator("#continue").waitFor();
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
    const firstRatings = profile.self_ratings.filter((s) => s.area === profile.areas[0].id).length;
    assert.equal(Object.keys(saved.answers).length, firstRatings + 3, "the first screen's self-ratings and three questions");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a new deploy is offered, then used whole, and the old cache is removed", { timeout: 60_000 }, async () => {
  const server = await startServer();
  const { context, page, problems } = await freshPage(browser);
  const requests = recordRequests(context);
  await page.goto(server.url);
  await page.locator("#start").click();
  await answerWithKeys(page, profile, true);
  await untilOffline(page);
  const [oldCache] = await cacheNames(page);

  const v2 = secondBuild();
  server.deploy(v2.dir);
  await page.goto(server.url);
  // The page still runs the build it started with, and offers the new one.
  const banner = page.locator("#update-banner");
  await banner.waitFor();
  assert.match(await banner.textContent(), /new version of Fitcheck is available/);
  assert.equal((await page.locator("h1").textContent()).trim(), profile.role.title);

  await page.locator("#update-reload").click();
  await page.waitForFunction((title) => document.querySelector("h1")?.textContent.trim() === title, v2.title);
  const caches = await cacheNames(page);
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  assert.notEqual(caches[0], oldCache, "the old build's cache is gone");
  const worker = await page.evaluate(() => fetch("sw.js").then((r) => r.text()));
  assert.equal(worker, fs.readFileSync(path.join(v2.dir, "sw.js"), "utf8"), "the new worker is in charge");
  // The saved answer survived the update.
  assert.match(await page.locator("#continue").textContent(), /1 of/);

  // Offline, the new build is what opens.
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await page.waitForFunction((title) => document.querySelector("h1")?.textContent.trim() === title, v2.title);
  requests.assertAllFrom(server.origin);
  assert.deepEqual(problems, []);
  await context.close();
  fs.rmSync(v2.dir, { recursive: true, force: true });
});

test("the browser finds the app installable (manifest, icons, service worker)", { timeout: 60_000 }, async () => {
  const server = await startServer({ base: "/fitcheck/", root: DIST_SUBPATH });
  // Incognito windows never offer to install, so this one has a real profile.
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-profile-"));
  const context = await launchWithProfile(profileDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = recordRequests(context);
  await page.goto(server.url);
  await page.locator("#start").waitFor();
  await untilOffline(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
  requests.assertAllFrom(server.origin);
  await context.close();
  await server.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
});
