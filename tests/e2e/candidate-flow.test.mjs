// What a candidate does: start, answer with the keyboard only, reload, resume, finish, see
// results that follow from the answers, start over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder, itemById, keysFor, storageKey } from "./support/profile.mjs";
import { itemInUrl, answerWithKeys as answerWithKeysIn } from "./support/flow.mjs";

const profile = defaultProfile();
const order = walkOrder(profile);
const env = serveAndLaunch();

/** Tabs to the element with `id` the way a keyboard user would, then presses Enter. */
async function tabToAndPress(page, id) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((id) => document.activeElement?.id === id, id)) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  assert.fail(`could not reach #${id} with the Tab key`);
}

const answerWithKeys = (page, right) => answerWithKeysIn(page, profile, right);

async function walkEverything(page, right) {
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  await tabToAndPress(page, "start");
  await page.waitForURL(/\/check\//);
  const seen = [];
  while (itemInUrl(page)) seen.push(await answerWithKeys(page, right));
  await page.waitForURL(/\/results$/);
  assert.deepEqual(seen, order, "the check walks every item once, area by area");
}

async function gaps(page) {
  await page.locator("table.areas-table tbody tr").first().waitFor();
  return page.$$eval("table.areas-table tbody tr", (rows) =>
    rows.map((r) => ({ area: r.dataset.area, gap: Number(r.querySelector("td.gap").dataset.gap) })),
  );
}

test("keyboard only, every answer right: no knowledge gap and full readiness", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await walkEverything(page, true);
  assert.equal((await page.locator("#readiness").textContent()).trim(), "100%");
  const byArea = await gaps(page);
  assert.equal(byArea.length, profile.areas.length);
  for (const { area, gap } of byArea) assert.equal(gap, 0, `area ${area} has no gap`);
  await page.locator("#plan-empty").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only, every answer wrong: a gap in every area and a learning plan", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await walkEverything(page, false);
  // All wrong puts every estimate near 0; the prior keeps it just above, so readiness is low, not 0.
  const readiness = Number((await page.locator("#readiness").textContent()).replace("%", ""));
  assert.ok(readiness < 25, `readiness ${readiness}% is low`);
  for (const { area, gap } of await gaps(page)) assert.ok(gap > 0, `area ${area} shows a gap (${gap})`);
  const planned = await page.$$eval("#plan > li", (li) => li.map((l) => l.dataset.requirement));
  assert.equal(planned.length, profile.requirements.length, "every requirement is in the plan");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload in the middle resumes at the same item with earlier answers shown", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start").click();
  await page.waitForURL(/\/check\//);
  const answered = [];
  for (let i = 0; i < 5; i++) answered.push(await answerWithKeys(page, true));
  const here = itemInUrl(page);
  assert.equal(here, order[5]);

  await page.reload();
  await page.locator("#item-prompt").waitFor();
  assert.equal(itemInUrl(page), here, "the reload lands on the same item");
  assert.match(await page.locator("#progress-overall").textContent(), new RegExp(`5 of ${order.length}`));

  // Going back shows the answer given before the reload.
  await page.locator("#back").click();
  await page.waitForURL(new RegExp(`/check/${answered[4]}$`));
  const item = itemById(profile, answered[4]);
  const expected = item.anchors ? ["4"] : keysFor(item, true).map((k) => String(k - 1));
  const checked = await page.$$eval(`input[name="answer-${answered[4]}"]:checked`, (els) => els.map((e) => e.value));
  assert.deepEqual(checked, expected);

  // The start page now offers to continue where the candidate was.
  await page.goto(env.server.url);
  await page.locator("#continue").click();
  await page.waitForURL(new RegExp(`/check/${answered[4]}$`));
  assert.deepEqual(problems, []);
  await context.close();
});

test("start over asks first, then gives an empty run", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start").click();
  for (let i = 0; i < 3; i++) await answerWithKeys(page, true);
  await page.goto(env.server.url);
  await page.locator("#start-over").click();
  // Keeping the answers changes nothing.
  await page.locator("#cancel-start-over").click();
  await page.locator("#continue").waitFor();
  await page.locator("#start-over").click();
  assert.match(await page.locator('[role="alertdialog"]').textContent(), /deletes your 3 saved answer/);
  await page.locator("#confirm-start-over").click();
  await page.locator("#start").waitFor();
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
  assert.deepEqual(saved.answers, {});
  await page.locator("#start").click();
  await page.waitForURL(new RegExp(`/check/${order[0]}$`));
  assert.match(await page.locator("#progress-overall").textContent(), new RegExp(`0 of ${order.length}`));
  assert.deepEqual(problems, []);
  await context.close();
});

test("Enter without an answer asks for one; Skip moves on without counting it wrong", async () => {
  const { context, page } = await freshPage(env.browser);
  await page.goto(`${env.server.url}check/${order[1]}`);
  await page.locator("#item-prompt").waitFor();
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".hint").textContent(), /Choose an answer first/);
  assert.equal(itemInUrl(page), order[1]);
  await page.locator("#skip").click();
  await page.waitForURL(new RegExp(`/check/${order[2]}$`));
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
  assert.deepEqual(saved.answers[order[1]], { kind: "skipped" });
  await context.close();
});

test("a quick check asks at most half the questions and ends on the results page", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  await page.waitForURL(/\/check\//);
  const seen = [];
  while (itemInUrl(page)) seen.push(await answerWithKeys(page, true));
  await page.waitForURL(/\/results$/);
  const questions = seen.filter((id) => profile.questions.some((q) => q.id === id));
  assert.ok(questions.length <= profile.questions.length / 2, `${questions.length} questions asked`);
  assert.equal(seen.length - questions.length, profile.self_ratings.length, "every self-rating is asked");
  assert.equal(new Set(seen).size, seen.length, "no item is asked twice");
  // Every area still gets enough answers for a level, and all right leaves no gap.
  for (const { area, gap } of await gaps(page)) assert.equal(gap, 0, `area ${area}`);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
  assert.equal(saved.mode, "quick");

  // A reload keeps the quick check: the start page offers to continue it.
  await page.goto(env.server.url);
  assert.match(await page.locator("#continue").textContent(), /quick check/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("deep links open the same page after a reload", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(`${env.server.url}results`);
  await page.locator("#readiness-none").waitFor();
  await page.goto(`${env.server.url}check/${order[3]}`);
  await page.locator("#item-prompt").waitFor();
  assert.equal(await page.locator("#item-prompt").textContent(), itemById(profile, order[3]).prompt);
  await page.goto(`${env.server.url}check/no-such-item`);
  await page.getByText("This question isn\u2019t part of the check").waitFor();
  await page.goto(`${env.server.url}nowhere/at/all`);
  await page.getByText("Page not found").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
