// What a candidate does: start, answer with the keyboard only, reload, resume, finish, see
// results that follow from the answers, start over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder, itemById, keysFor, storageKey } from "./support/profile.mjs";
import { appPath, itemInUrl, answerWithKeys as answerWithKeysIn, pressPosition } from "./support/flow.mjs";

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
  await page.locator("table.areas-table tbody tr").first().waitFor({ state: "attached" });
  return page.$$eval("table.areas-table tbody tr", (rows) =>
    rows.map((r) => {
      const cell = r.querySelector("td.verdict");
      const asked = Number(r.querySelectorAll("td")[0].textContent);
      return { area: r.dataset.area, asked, gap: Number(cell.dataset.gap), verdict: cell.dataset.verdict, text: cell.textContent.trim() };
    }),
  );
}

const readinessMean = async (page) => Number(await page.locator("#readiness").getAttribute("data-mean"));

test("keyboard only, every answer right: every area meets what is asked", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await walkEverything(page, true);
  assert.ok((await readinessMean(page)) >= 95, `readiness ${await page.locator("#readiness").textContent()}`);
  assert.match(await page.locator("#readiness").textContent(), /^\d+(\u2013\d+)?%$/);
  const byArea = await gaps(page);
  assert.equal(byArea.length, profile.areas.length);
  console.log(`all right, full check: ${byArea.map((a) => `${a.area} asks ${a.asked}: ${a.text}`).join("; ")}`);
  for (const { area, asked, gap, verdict, text } of byArea) {
    assert.equal(gap, 0, `area ${area} has no gap`);
    assert.notEqual(verdict, "below", `area ${area}: ${text}`);
    // 14 right answers settle any level asked below the hardest questions (3); at 3 and above,
    // questions no harder than 3 cannot show it with 97.5% certainty, and the verdict says so.
    if (asked <= 2.5) assert.equal(verdict, "meets", `area ${area} asks ${asked}: ${text}`);
  }
  assert.equal(await page.locator("#guessing-notice").count(), 0);
  await page.locator("#plan-empty").waitFor();
  // The review lists every question answered; "only what I missed" leaves none.
  await page.locator("#review-answers").click();
  await page.locator("#review").waitFor();
  assert.equal(await page.locator(".review-item").count(), profile.questions.length);
  await page.locator("#only-missed").focus();
  await page.keyboard.press("Space");
  await page.locator("#review-empty").waitFor();
  assert.match(await page.locator("#review-count").innerText(), /^0 questions$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only, every answer wrong: a gap in every area and a learning plan", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await walkEverything(page, false);
  // All wrong puts every estimate near 0; the prior keeps it just above, so readiness is low, not 0.
  const readiness = await readinessMean(page);
  assert.ok(readiness < 25, `readiness ${readiness}% is low`);
  const byArea = await gaps(page);
  console.log(`all wrong, full check: ${byArea.map((a) => `${a.area} asks ${a.asked}: ${a.text}`).join("; ")}`);
  for (const { area, asked, gap, verdict, text } of byArea) {
    assert.ok(gap > 0, `area ${area} shows a gap (${gap})`);
    assert.notEqual(verdict, "meets", `area ${area}: ${text}`);
    if (asked >= 1.5) assert.match(text, /^below \(gap of about \d\.\d\)$/, `area ${area} asks ${asked}`);
  }
  assert.equal(await page.locator("#guessing-notice").count(), 0, "all wrong is no guessing: it is far below chance");
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
  const expected = item.ratings ? item.ratings.map(() => "4") : keysFor(item, true).map((k) => String(k - 1));
  const checked = await page.$$eval("fieldset input:checked", (els) => els.map((e) => e.value));
  assert.deepEqual(checked.sort(), expected.sort());

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
  await page.waitForURL(/\/check\//);
  for (let i = 0; i < 3; i++) await answerWithKeys(page, true);
  await page.goto(env.server.url);
  await page.locator("#start-over").click();
  // Keeping the answers changes nothing.
  await page.locator("#cancel-start-over").click();
  await page.locator("#continue").waitFor();
  await page.locator("#start-over").click();
  const count = await page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)).answers).length, storageKey(profile));
  assert.ok(count > 3, `${count} answers after three screens`);
  assert.match(await page.locator('[role="alertdialog"]').textContent(), new RegExp(`deletes your ${count} saved answer`));
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

test("keyboard only, a consistent candidate's quick check ends on verdicts in fewer than 30 questions", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start-quick").waitFor();
  await tabToAndPress(page, "start-quick");
  await page.waitForURL(/\/check\//);
  const seen = [];
  const labels = [];
  while (itemInUrl(page)) {
    await page.locator("#item-prompt").waitFor();
    labels.push(await page.locator("#next").innerText());
    seen.push(await answerWithKeys(page, true));
  }
  await page.waitForURL(/\/results$/);
  // Before each answer the button says where it leads: "Next" wherever another screen followed.
  assert.deepEqual(labels.slice(0, -1).filter((l) => l !== "Next"), [], labels.join(" | "));
  const questions = seen.filter((id) => profile.questions.some((q) => q.id === id));
  console.log(`quick check, every answer right: ${questions.length} knowledge questions`);
  assert.ok(questions.length < 30, `${questions.length} questions asked`);
  assert.equal(seen.length - questions.length, profile.areas.length, "one self-rating screen per area");
  const rated = Object.entries(
    await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers, storageKey(profile)),
  ).filter(([, a]) => a.kind === "rating");
  assert.equal(rated.length, profile.areas.length, "a quick check asks one self-rating per area");
  assert.equal(new Set(seen).size, seen.length, "no item is asked twice");
  // Every area shows a level and a verdict; answering everything right is never "below".
  // (Whether a verdict is already clear after three right answers depends on which questions
  // were drawn; the quick check says "not clear yet" rather than guess.)
  const byArea = await gaps(page);
  console.log(`quick check, every answer right: ${byArea.map((a) => `${a.area}: ${a.text}`).join("; ")}`);
  assert.equal(byArea.length, profile.areas.length);
  for (const { area, verdict, text } of byArea) {
    assert.notEqual(verdict, "below", `area ${area}: ${text}`);
    assert.ok(verdict === "meets" || /^not clear yet/.test(text), `area ${area}: ${text}`);
  }
  const shown = await page.$$eval("table.areas-table td.shown", (cells) => cells.map((c) => c.textContent));
  assert.ok(shown.every((t) => /^\d\.\d ± \d\.\d/.test(t)), shown.join(" | "));
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

test("a clicker who always presses the same key is told their answers look like guessing", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  await page.waitForURL(/\/check\//);
  while (itemInUrl(page)) await pressPosition(page, profile, 1);
  await page.waitForURL(/\/results$/);
  await page.locator("#guessing-notice").waitFor();
  assert.match(await page.locator("#guessing-notice").textContent(), /look like guessing/);
  for (const { area, verdict, text } of await gaps(page)) assert.notEqual(verdict, "meets", `area ${area}: ${text}`);
  assert.equal(await page.locator("#readiness").count(), 0, "no readiness figure rests on guesses");
  await page.locator("#readiness-withheld").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("each candidate's option order is shuffled and survives a reload", async () => {
  const orderOn = (page) => page.$$eval("fieldset .option input", (inputs) => inputs.map((i) => i.value).join(","));
  const question = profile.questions.find((q) => q.options.length >= 4);
  const orders = new Set();
  for (let candidate = 0; candidate < 4; candidate++) {
    const { context, page, problems } = await freshPage(env.browser);
    await page.goto(env.server.url);
    await page.locator("#start").click();
    await page.waitForURL(/\/check\//);
    await page.goto(`${env.server.url}check/${question.id}`);
    await page.locator("#item-prompt").waitFor();
    const first = await orderOn(page);
    await page.reload();
    await page.locator("#item-prompt").waitFor();
    assert.equal(await orderOn(page), first, "the same order after a reload");
    orders.add(first);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.ok(orders.size >= 2, `four candidates saw ${orders.size} order(s)`);
});

test("an area's self-ratings share one screen: keys rate the focused group, arrows move within it", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: { width: 390, height: 844 } });
  const area = profile.areas.find((a) => profile.self_ratings.filter((s) => s.area === a.id).length >= 3);
  const ratings = profile.self_ratings.filter((s) => s.area === area.id);
  await page.goto(`${env.server.url}check/self-ratings_${area.id}`);
  await page.locator("#item-prompt").waitFor();
  assert.equal(await page.locator("fieldset[data-rating]").count(), ratings.length);
  // Enter before rating asks for the ratings.
  await page.keyboard.press("Enter");
  assert.match(await page.locator(".hint").textContent(), /Rate each one first/);
  // A digit rates the first group not rated yet, and says what that level means for it.
  await page.keyboard.press("3");
  const first = page.locator(`fieldset[data-rating="${ratings[0].id}"]`);
  assert.equal(await first.locator("input:checked").getAttribute("value"), "3");
  assert.equal((await first.locator(".rating-meaning").textContent()).trim(), ratings[0].anchors[3]);
  // Arrow keys move within the focused group, as in any radio group.
  await first.locator('input[value="3"]').focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await first.locator("input:checked").getAttribute("value"), "4");
  // A digit with focus in a group rates that group.
  await page.locator(`fieldset[data-rating="${ratings[2].id}"] input`).first().focus();
  await page.keyboard.press("1");
  assert.equal(await page.locator(`fieldset[data-rating="${ratings[2].id}"] input:checked`).getAttribute("value"), "1");
  // Skip keeps what was rated and skips only the rest.
  await page.locator("#skip").click();
  await page.waitForURL((url) => !appPath(url).endsWith(`self-ratings_${area.id}`));
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).answers, storageKey(profile));
  assert.deepEqual(saved[ratings[0].id], { kind: "rating", level: 4 });
  assert.deepEqual(saved[ratings[1].id], { kind: "skipped" });
  assert.deepEqual(saved[ratings[2].id], { kind: "rating", level: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("after a quick check, only the areas not clear yet can be continued", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  await page.waitForURL(/\/check\//);
  let n = 0;
  const first = [];
  while (itemInUrl(page)) first.push(await answerWithKeys(page, n++ % 4 !== 0));
  await page.waitForURL(/\/results$/);
  const before = await gaps(page);
  const unclear = new Set(before.filter((a) => a.verdict === "not-clear").map((a) => a.area));
  assert.ok(unclear.size > 0, "a quick check of mixed answers leaves an area unclear");
  await page.locator("#continue-unclear").click();
  await page.waitForURL(/\/check\//);
  const more = [];
  while (itemInUrl(page)) more.push(await answerWithKeys(page, n++ % 4 !== 0));
  await page.waitForURL(/\/results$/);
  assert.ok(more.length > 0, "the continued check asks more questions");
  for (const id of more) {
    const q = profile.questions.find((x) => x.id === id);
    assert.ok(q, `${id} is a knowledge question`);
    assert.ok(unclear.has(q.area), `${id} is in an area that was not clear (${q.area})`);
    assert.ok(!first.includes(id), `${id} was not asked before`);
  }
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));
  assert.deepEqual(new Set(saved.continued), unclear);
  assert.deepEqual(problems, []);
  await context.close();
});
