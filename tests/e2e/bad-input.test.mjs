// Bad input never gives a blank or frozen page: a broken profile lists its problems, and
// unreadable saved progress is kept aside, said so, and not overwritten.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST } from "./support/server.mjs";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder, storageKey } from "./support/profile.mjs";

const profile = defaultProfile();
const index = JSON.parse(fs.readFileSync(path.join(DIST, "profiles/index.json"), "utf8"));
const profileFile = index.profiles.find((p) => p.id === index.default).file;
// Routed (replaced) files must reach the page, not a service worker's cache.
const NO_WORKER = { serviceWorkers: "block" };
const env = serveAndLaunch();

/** Opens the app with the default profile file replaced by `body`. */
async function openWithProfile(body) {
  const { context, page } = await freshPage(env.browser, NO_WORKER);
  await page.route(`**/profiles/${profileFile}`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body }),
  );
  await page.goto(env.server.url);
  await page.locator(".error-page").waitFor();
  const items = await page.$$eval(".problems li", (li) => li.map((l) => l.textContent));
  return { context, page, items };
}

test("a profile with wrong types, missing and unknown fields lists every problem", async () => {
  const broken = structuredClone(profile);
  broken.questions[0].difficulty = "hard";
  delete broken.questions[1].prompt;
  broken.requirements[0].colour = "blue";
  const { context, page, items } = await openWithProfile(JSON.stringify(broken));
  assert.match(await page.locator('[role="alert"]').textContent(), /found 3 problems/);
  const q0 = `questions[0] (${profile.questions[0].id})`;
  const q1 = `questions[1] (${profile.questions[1].id})`;
  const r0 = `requirements[0] (${profile.requirements[0].id})`;
  assert.ok(items.some((t) => t.startsWith(`${q0}: invalid type: string "hard"`)), items.join("\n"));
  assert.ok(items.some((t) => t.startsWith(`${q1}: missing field \`prompt\``)), items.join("\n"));
  assert.ok(items.some((t) => t.startsWith(`${r0}: unknown field \`colour\``)), items.join("\n"));
  await context.close();
});

test("a profile with a duplicate id and dangling references lists every problem", async () => {
  const broken = structuredClone(profile);
  broken.questions[2].id = broken.questions[1].id;
  broken.questions[3].area = "astrology";
  broken.questions[4].requirements = ["no-such-requirement"];
  broken.questions[5].options = broken.questions[5].options.map((o) => ({ text: o.text }));
  const { context, items } = await openWithProfile(JSON.stringify(broken));
  const at = (i) => `questions[${i}] (${broken.questions[i].id})`;
  const expected = [
    `${at(2)}: duplicate item id \`${broken.questions[1].id}\``,
    `${at(3)}: names area \`astrology\`, which is not in \`areas\``,
    `${at(4)}: names requirement \`no-such-requirement\`, which is not in \`requirements\``,
  ];
  for (const e of expected) assert.ok(items.includes(e), `expected «${e}» in:\n${items.join("\n")}`);
  assert.ok(items.some((t) => t.startsWith(`${at(5)}: `) && /has 0 correct option/.test(t)), items.join("\n"));
  await context.close();
});

test("a profile that is not JSON, or is missing, says so", async () => {
  const { context, items } = await openWithProfile("{ this is not json");
  assert.equal(items.length, 1);
  assert.match(items[0], /^file: is not valid JSON/);
  await context.close();

  const { context: c2, page } = await freshPage(env.browser, NO_WORKER);
  await page.route(`**/profiles/${profileFile}`, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.server.url);
  await page.locator(".error-page").waitFor();
  assert.match(await page.locator(".problems").textContent(), /the server answered 404/);
  await c2.close();
});

test("unreadable saved progress is kept under a backup key and the candidate is told", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const key = storageKey(profile);
  const garbage = '{"schema_version":1,"answers":{ truncated';
  await page.addInitScript(
    ([key, garbage]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(key, garbage);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [key, garbage],
  );
  await page.goto(env.server.url);
  const notice = page.locator(".notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read: it is not valid JSON/);
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const backups = Object.keys(stored).filter((k) => k.startsWith(`${key}.unreadable.`));
  assert.equal(backups.length, 1, `one backup key in ${Object.keys(stored)}`);
  assert.equal(stored[backups[0]], garbage, "the unreadable value is kept as it was");
  assert.match(await notice.textContent(), new RegExp(backups[0].replaceAll(".", "\\.")));

  // The app works on: answer, reload, the new answer is there and the backup is untouched.
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  const rated = await page.locator("fieldset[data-rating]").count();
  for (let i = 0; i < rated; i++) await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/check/${walkOrder(profile)[1]}$`));
  await page.reload();
  await page.locator("#item-prompt").waitFor();
  const after = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.equal(after[backups[0]], garbage);
  assert.equal(Object.keys(JSON.parse(after[key]).answers).length, rated);
  assert.deepEqual(problems, []);
  await context.close();
});

test("progress saved by a newer version is not overwritten silently", async () => {
  const { context, page } = await freshPage(env.browser);
  const key = storageKey(profile);
  const future = JSON.stringify({ schema_version: 99, profile_id: profile.id, answers: {} });
  await page.addInitScript(([key, v]) => localStorage.getItem(key) ?? localStorage.setItem(key, v), [key, future]);
  await page.goto(env.server.url);
  await page.locator(".notice").waitFor();
  assert.match(await page.locator(".notice").textContent(), /newer version of Fitcheck/);
  const stored = await page.evaluate(() => Object.values(localStorage));
  assert.ok(stored.includes(future), "the newer progress is still in storage");
  await context.close();
});

test("with storage blocked the app still runs, keeps answers in the tab and says what to do", async () => {
  // Blocked site data: every touch of localStorage throws, as in Chromium's "block all cookies".
  const { context, page, problems } = await freshPage(env.browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  const notice = page.locator(".notice").first();
  assert.match(await notice.textContent(), /blocks storage for this site/);
  assert.match(await notice.textContent(), /Save progress file/);

  // The check works in the tab: rate, answer, go back, and the answers are still there.
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  const rated = await page.locator("fieldset[data-rating]").count();
  for (let i = 0; i < rated; i++) await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/check/${walkOrder(profile)[1]}$`));
  await page.locator("#back").click();
  await page.waitForURL(new RegExp(`/check/${walkOrder(profile)[0]}$`));
  assert.equal(await page.locator("fieldset input:checked").count(), rated, "the ratings are kept in memory");
  assert.match(await page.locator(".notice").first().textContent(), /blocks storage/, "the notice stays");
  assert.deepEqual(problems, [], "no panic, no page error");
  await context.close();
});

test("when storage starts refusing writes, earlier answers stay and the candidate is told", async () => {
  // A full quota: the first few writes succeed, then every write throws.
  const { context, page, problems } = await freshPage(env.browser);
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith("fitcheck.progress.") && ++writes > 4) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  });
  await page.goto(env.server.url);
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  const rated = await page.locator("fieldset[data-rating]").count();
  for (let i = 0; i < rated; i++) await page.keyboard.press("2");
  await page.keyboard.press("Enter");
  for (let i = 0; i < 3; i++) {
    await page.locator("#item-prompt").waitFor();
    const keys = await page.locator(".option kbd").allInnerTexts();
    await page.keyboard.press(keys[0]);
    await page.keyboard.press("Enter");
    await page.waitForLoadState();
  }
  await page.locator(".notice").first().waitFor();
  assert.match(await page.locator(".notice").first().textContent(), /refused to save progress/);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
  assert.ok(Object.keys(stored.answers).length >= 1, "what was saved before the fault is still there");
  assert.deepEqual(problems, [], "no panic, no page error");
  await context.close();
});
