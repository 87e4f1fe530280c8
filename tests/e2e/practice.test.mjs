// Practice: after each answer the right answer and every option's explanation; practice answers
// are kept apart and never change the results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, storageKey } from "./support/profile.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();

test("practice shows the right answer and each option's explanation, and never enters the results", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(env.server.url);
  await page.locator("#practice").focus();
  await page.keyboard.press("Enter");
  const first = profile.questions[0];
  await page.waitForURL(new RegExp(`/practice/${first.id}$`));
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");

  // Checking without a choice asks for one.
  await page.locator("#practice-check").click();
  await page.locator(".hint", { hasText: "Choose an answer first." }).waitFor();

  // A wrong choice, checked: every option with its own explanation, the choice and the key marked.
  const wrong = first.options.findIndex((o) => !o.correct);
  await page.locator(`input[name="practice-answer"][value="${wrong}"]`).check();
  await page.locator("#practice-check").click();
  await page.locator("#practice-feedback").waitFor();
  const options = page.locator("#practice-feedback .review-option");
  assert.equal(await options.count(), first.options.length);
  for (const [i, option] of first.options.entries()) {
    const shown = options.filter({ hasText: option.explanation });
    assert.equal(await shown.count(), 1, `option ${i}'s explanation`);
    assert.equal(await shown.getAttribute("data-chosen"), String(i === wrong));
    assert.equal(await shown.getAttribute("data-correct"), String(Boolean(option.correct)));
  }
  assert.ok(await page.locator(`input[name="practice-answer"][value="${wrong}"]`).isDisabled(), "a checked answer stays as it was");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "practice-feedback", "focus moves to the feedback");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);

  await page.locator("#practice-next").click();
  await page.waitForURL(new RegExp(`/practice/${profile.questions[1].id}$`));
  assert.equal(await page.locator("#practice-feedback").count(), 0, "the next question starts unanswered");

  // Kept apart: a practice key, no progress, and results with no knowledge answers.
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(stored.includes(`fitcheck.practice.v1.${profile.id}`), stored.join(", "));
  const progress = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), storageKey(profile));
  assert.ok(progress === null || Object.keys(progress.answers).length === 0, "practice is not progress");
  await page.goto(`${env.server.url}results`);
  await page.locator("#readiness-none").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
