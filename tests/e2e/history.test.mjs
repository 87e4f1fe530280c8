// The attempt history: each finished check is kept; the results of a later one say what changed
// since the one before; "Retake my gaps" asks only the areas that were below or not clear, with
// questions not seen before; the history survives a reload and travels in the progress file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./support/axe.mjs";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, storageKey } from "./support/profile.mjs";
import { answerWithKeys, itemInUrl } from "./support/flow.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();
/** The area of a screen, a question or a self-rating. */
const areaOf = (id) =>
  id.startsWith("self-ratings_") ? id.slice("self-ratings_".length) : [...profile.questions, ...profile.self_ratings].find((item) => item.id === id).area;
const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey(profile));

/** Walks the check from the current item to the results, answering right in `rightIn` areas; returns the screens seen. */
async function walk(page, rightIn) {
  const seen = [];
  while (itemInUrl(page)) {
    const id = itemInUrl(page);
    seen.push(id);
    await answerWithKeys(page, profile, rightIn.includes(areaOf(id)));
  }
  await page.waitForURL(/\/results$/);
  await page.locator("#area-glance").waitFor();
  return seen;
}

test("a retake asks only the gap areas with new questions, and its results say what changed since the first attempt", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: { width: 390, height: 844 } });
  // The candidate's option seed (browser::random_seed, from Math.random) decides which of equally
  // informative questions a quick check asks. With about one seed in twelve (found by pinning
  // Math.random to seeds 1-12: seed 9), the questions asked leave every area answered right short
  // of a clear "meets", and this test's premise below fails. The seed is fixed so that the test
  // checks the retake every time, not the draw.
  await page.addInitScript(() => {
    let state = 1;
    Math.random = () => {
      state = (state * 16807) % 2147483647;
      return (state - 1) / 2147483646;
    };
  });
  // Wrong in the first area only (below the level asked there), right everywhere else (one area
  // asks little enough for a quick check to say "meets").
  const first = profile.areas[0].id;
  const rest = profile.areas.slice(1).map((a) => a.id);
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  await walk(page, rest);
  // The first attempt: no comparison yet, one attempt kept, and a retake of the gaps offered.
  assert.equal(await page.locator("#since").count(), 0);
  let progress = await saved(page);
  assert.equal(progress.attempts.length, 1);
  assert.match(progress.attempts[0].date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(progress.attempts[0].mode, "quick");
  const verdicts = Object.fromEntries(progress.attempts[0].summary.areas.map((a) => [a.area_id, a.verdict?.verdict]));
  assert.equal(verdicts[first], "below", JSON.stringify(verdicts));
  const met = Object.keys(verdicts).filter((id) => verdicts[id] === "meets");
  assert.ok(met.length > 0, JSON.stringify(verdicts));
  const gaps = Object.keys(verdicts).filter((id) => verdicts[id] !== "meets");
  const askedFirst = new Set(Object.keys(progress.answers).filter((id) => profile.questions.some((q) => q.id === id)));
  assert.match(await page.locator("#retake-heading").innerText(), /Retake my gaps/);

  await page.locator("#retake-gaps").click();
  await page.locator("#item-prompt").waitFor();
  progress = await saved(page);
  assert.deepEqual(progress.focus, gaps);
  assert.equal(progress.run, 2);
  // The areas that met the level keep their answers; the gap areas start afresh.
  assert.ok(Object.keys(progress.answers).length > 0 && Object.keys(progress.answers).every((id) => met.includes(areaOf(id))));
  const retaken = await walk(page, profile.areas.map((a) => a.id));
  assert.ok(retaken.every((id) => gaps.includes(areaOf(id))), `only gap areas: ${retaken.join(" ")}`);
  const newQuestions = retaken.filter((id) => !id.startsWith("self-ratings_"));
  assert.deepEqual(newQuestions.filter((id) => askedFirst.has(id)), [], "no question of the first attempt again");

  // What changed: the first area, below before, is named with its new verdict and both levels.
  const since = page.locator("#since");
  await since.waitFor();
  assert.match(await page.locator("#since-heading").innerText(), /Since your last attempt \(\d{4}-\d{2}-\d{2}\)/);
  const changed = await since.locator("li[data-after]").evaluateAll((li) => li.map((l) => [l.dataset.area, l.dataset.after, l.textContent]));
  const [, after, text] = changed.find(([area]) => area === first) ?? [];
  assert.ok(text, JSON.stringify(changed));
  assert.notEqual(after, "below");
  const title = profile.areas[0].title;
  const [, before, now] = text.match(new RegExp(`^${title}: below → (?:meets|not clear yet) \\(level (\\d\\.\\d) → (\\d\\.\\d)\\)$`)) ?? [];
  assert.ok(Number(now) > Number(before), text);
  assert.match(await since.innerText(), /Readiness: \d+% → \d+%/);
  progress = await saved(page);
  assert.equal(progress.attempts.length, 2);
  assert.deepEqual(progress.attempts[1].areas, gaps);
  // The attempts, folded, newest first.
  await page.locator("#fold-attempts > summary").click();
  assert.deepEqual(await page.locator(".attempts > li").evaluateAll((li) => li.map((l) => l.dataset.attempt)), ["2", "1"]);
  assert.match(await page.locator('.attempts > li[data-attempt="2"]').innerText(), /retake of \d+ areas?/);
  assert.deepEqual(await violations(page), [], "results with the history");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await violations(page), [], "results with the history, dark");

  // A reload keeps it; "Start over" deletes the answers and keeps the history.
  await page.reload();
  await page.locator("#since").waitFor();
  await page.locator("#start-over").click();
  await page.locator("#confirm-start-over").click();
  await page.waitForURL((url) => url.pathname.endsWith("/"));
  progress = await saved(page);
  assert.deepEqual(progress.answers, {});
  assert.equal(progress.attempts.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});
