// How long each kind of screen takes, measured from what the page really shows: the words a
// candidate reads (prompt and options, or each rating's prompt and the meaning of the level
// chosen) and the lines of code, at the rates documented in src/domain/timing.rs. The start
// page's estimates must add up from these measurements, and the quick check must be estimated
// at 15 minutes or less.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder } from "./support/profile.mjs";

const profile = defaultProfile();
const env = serveAndLaunch();

// The documented rates (src/domain/timing.rs): the measurement is the words and lines.
const WORDS_PER_MINUTE = 200;
const SECONDS_PER_CODE_LINE = 3;
const SECONDS_TO_ANSWER = 8;
const SECONDS_TO_RATE = 5;

const words = (text) => text.split(/\s+/).filter(Boolean).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function kindOf(id) {
  if (id.startsWith("self-ratings_")) return "self-ratings screen";
  const q = profile.questions.find((x) => x.id === id);
  if (q.kind === "multiple_select") return "multiple select";
  if (q.code) return "single choice with code";
  return q.format === "scenario" ? "single choice, scenario" : "single choice, concept";
}

/** Seconds for the screen now shown, from what it shows. */
async function measure(page) {
  const ratings = page.locator("fieldset[data-rating]");
  const n = await ratings.count();
  if (n > 0) {
    let seconds = 0;
    for (let i = 0; i < n; i++) {
      const group = ratings.nth(i);
      await group.locator('input[value="2"]').check();
      const read = words(await group.locator("legend").innerText()) + words(await group.locator(".rating-meaning").innerText());
      seconds += (read * 60) / WORDS_PER_MINUTE + SECONDS_TO_RATE;
    }
    return seconds;
  }
  const prompt = words(await page.locator("#item-prompt").innerText());
  const options = (await page.locator(".option-text").allInnerTexts()).reduce((sum, t) => sum + words(t), 0);
  const code = (await page.locator("pre.code").allInnerTexts()).join("\n").split("\n").filter((l) => l.trim()).length;
  return ((prompt + options) * 60) / WORDS_PER_MINUTE + code * SECONDS_PER_CODE_LINE + SECONDS_TO_ANSWER;
}

test("the start page's time estimates add up from what each screen shows", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  await page.goto(env.server.url);
  const shownMinutes = async (id) => Number((await page.locator(`#${id}`).innerText()).match(/about (\d+) min/)[1]);
  const full = await shownMinutes("start");
  const quick = await shownMinutes("start-quick");

  const byKind = new Map();
  let total = 0;
  for (const id of walkOrder(profile)) {
    await page.goto(`${env.server.url}check/${id}`);
    await page.locator("#item-prompt").waitFor();
    const seconds = await measure(page);
    total += seconds;
    const kind = kindOf(id);
    byKind.set(kind, [...(byKind.get(kind) ?? []), seconds]);
  }
  console.log("| kind of screen | screens | median seconds, measured | slowest |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [kind, xs] of byKind) {
    console.log(`| ${kind} | ${xs.length} | ${median(xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} |`);
  }
  console.log(`full check: ${(total / 60).toFixed(1)} min measured on screen; the start page says about ${full} min`);
  console.log(`quick check: the start page says about ${quick} min`);
  assert.ok(Math.abs(Math.ceil(total / 60) - full) <= 1, `measured ${(total / 60).toFixed(1)} min, start page ${full}`);
  assert.ok(quick <= 15, `the quick check is estimated at ${quick} min`);
  assert.ok(quick < full / 3, "a quick check is a fraction of the full one");
  assert.deepEqual(problems, []);
  await context.close();
});
