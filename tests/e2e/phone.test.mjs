// On a phone (390 × 844): no page scrolls sideways, the start page shows the role, the times and
// the start buttons on its first screen, and the results open as a summary of at most four
// screens with the detail folded (and unfolded by the keyboard).
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile } from "./support/profile.mjs";
import { answerWithKeys, itemInUrl } from "./support/flow.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();
const PHONE = { width: 390, height: 844 };

/** The page's width beyond the viewport, in CSS pixels (0 when nothing scrolls sideways). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("the start page shows the role, the times and both start buttons on the first phone screen", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: PHONE });
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0);
  for (const selector of ["h1", ".role-meta", "#start", "#start-quick"]) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `${selector} ends at ${box && box.y + box.height} px`);
  }
  assert.match(await page.locator("#start").innerText(), /about \d+ min/);
  assert.match(await page.locator("#start-quick").innerText(), /about \d+ min/);
  assert.equal(await overflow(page), 0, "start page");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a full all-wrong check: no page scrolls sideways, and the results open in at most four screens", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: PHONE });
  await page.goto(env.server.url);
  await page.locator("#start").click();
  const widths = {};
  while (itemInUrl(page)) {
    await page.locator("#item-prompt").waitFor();
    const kind = profile.questions.find((q) => q.id === itemInUrl(page))?.code ? "question with code" : "item";
    widths[kind] = Math.max(widths[kind] ?? 0, await overflow(page));
    await answerWithKeys(page, profile, false);
  }
  await page.waitForURL(/\/results$/);
  await page.locator("#area-glance").waitFor();
  assert.deepEqual(widths, { item: 0, "question with code": 0 }, "item pages");
  assert.equal(await page.locator("#guessing-notice").count(), 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`results of a full all-wrong check at 390 px: ${height} px tall as it opens (${(height / PHONE.height).toFixed(1)} screens)`);
  assert.ok(height <= 4 * PHONE.height, `${height} px`);
  assert.equal(await overflow(page), 0, "results page");
  // The summary: one line per area, the first three things to learn.
  assert.equal(await page.locator("#area-glance li").count(), profile.areas.length);
  assert.equal(await page.locator("#top-steps li").count(), 3);
  // The detail is folded; the keyboard opens it.
  for (const id of ["fold-areas", "fold-plan"]) {
    assert.equal(await page.locator(`#${id}`).getAttribute("open"), null, `${id} starts folded`);
    await page.locator(`#${id} > summary`).focus();
    await page.keyboard.press("Enter");
    assert.notEqual(await page.locator(`#${id}`).getAttribute("open"), null, `${id} opens with Enter`);
  }
  assert.ok(await page.locator("#plan").isVisible());
  // Each missed question once in the plan, however many requirements it evidences.
  const listed = await page.$$eval("#plan .missed > li", (li) => li.map((l) => l.dataset.question));
  assert.ok(listed.length > 0);
  assert.equal(new Set(listed).size, listed.length, `no question twice: ${listed.join(" ")}`);
  // Under each missed question: the option the candidate chose, with that option's own explanation.
  const saved = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("fitcheck.progress."));
    return JSON.parse(localStorage.getItem(key)).answers;
  });
  for (const id of listed.slice(0, 5)) {
    const question = profile.questions.find((q) => q.id === id);
    const item = page.locator(`#plan .missed > li[data-question="${id}"]`);
    await item.locator("summary").click();
    const text = await item.innerText();
    const chosen = saved[id].selected.map((i) => question.options[i]);
    assert.ok(chosen.length > 0, id);
    for (const option of chosen) assert.ok(text.includes(option.explanation), `${id}: the chosen option's explanation is shown`);
    for (const other of question.options.filter((o, i) => !saved[id].selected.includes(i) && !o.correct))
      assert.ok(!text.includes(other.explanation), `${id}: only the chosen option's explanation`);
  }
  // The review: every answered question, the choice and the right answer marked, each option with
  // its own explanation, and nothing sideways.
  await page.locator("#review-answers").click();
  await page.locator("#review").waitFor();
  assert.equal(await page.locator(".review-item").count(), Object.keys(saved).filter((id) => profile.questions.some((q) => q.id === id)).length);
  assert.equal(await overflow(page), 0, "review page");
  const first = page.locator(".review-item").first();
  const id = await first.getAttribute("data-question");
  const question = profile.questions.find((q) => q.id === id);
  for (const [i, option] of question.options.entries()) {
    const shown = first.locator(".review-option").filter({ hasText: option.explanation });
    assert.equal(await shown.count(), 1, `${id}: option ${i}'s explanation`);
    assert.equal(await shown.getAttribute("data-correct"), String(Boolean(option.correct)));
    assert.equal(await shown.getAttribute("data-chosen"), String(saved[id].selected.includes(i)));
  }
  await page.locator("#only-missed").check();
  assert.equal(await page.locator('.review-item[data-missed="false"]').count(), 0);
  await page.goBack();
  await page.locator("#area-glance").waitFor();
  await page.locator("#share").waitFor();
  // The shared page of these results.
  await page.locator("#share").click();
  await page.goto(await page.locator("#share-link").inputValue());
  await page.locator("#shared-table").waitFor();
  assert.equal(await overflow(page), 0, "shared page");
  await page.goto(`${env.server.url}no/such/page`);
  await page.locator("h1").waitFor();
  assert.equal(await overflow(page), 0, "page not found");
  assert.deepEqual(problems, []);
  await context.close();
});
