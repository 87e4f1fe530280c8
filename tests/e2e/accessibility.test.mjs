// Every page passes axe-core's WCAG 2.2 A/AA rules, in English and German, in light and dark mode,
// on a phone and on a desktop: the pages a candidate walks through, and the pages for what goes
// wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./support/axe.mjs";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder } from "./support/profile.mjs";
import { answerWithKeys } from "./support/flow.mjs";

const profile = defaultProfile();
const order = walkOrder(profile);
const firstQuestion = order.find((id) => profile.questions.some((q) => q.id === id));
const codeQuestion = profile.questions.find((q) => q.code)?.id ?? firstQuestion;
const env = serveAndLaunch();

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

// The browser's language picks the interface's.
const LOCALES = { en: "en-US", de: "de-DE" };

// Every pair of the three choices (language, colour scheme, size) is covered: each language in
// light and dark and on both sizes, each scheme on both sizes. Text length changes with the
// language, colours with the scheme, layout with the size. The full product (eight runs) takes
// twice as long; when the pairs were chosen it passed whole, as they do.
const RUNS = [
  ["en", "light", "phone"],
  ["en", "dark", "desktop"],
  ["de", "dark", "phone"],
  ["de", "light", "desktop"],
];

for (const [language, colorScheme, size] of RUNS) {
  const [locale, viewport] = [LOCALES[language], SIZES[size]];
  test(`no WCAG 2.2 A/AA violations on any page (${language}, ${colorScheme}, ${size})`, async () => {
    const { context, page } = await freshPage(env.browser, { colorScheme, viewport, locale });
    await page.goto(env.server.url);
    await page.locator("#start").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), language);
    assert.deepEqual(await violations(page), [], "start page");

    await page.locator("#start").click();
    await page.locator("#item-prompt").waitFor();
    await page.keyboard.press("2");
    assert.deepEqual(await violations(page), [], "self-rating");
    // Wrong answers, so that the results have a learning plan (folded sections) to check.
    for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, false);

    await page.goto(`${env.server.url}check/${codeQuestion}`);
    await page.locator("#item-prompt").waitFor();
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    assert.deepEqual(await violations(page), [], "question");

    // Evidence: the form, a refused address with its message, a link added.
    await page.goto(`${env.server.url}evidence`);
    await page.locator("#evidence-url").waitFor();
    assert.deepEqual(await violations(page), [], "evidence page");
    await page.locator("#evidence-url").fill("github.com/jane/project");
    await page.locator("#add-link").click();
    await page.locator("#evidence-outcome.error").waitFor();
    assert.deepEqual(await violations(page), [], "evidence page with a refused address");
    await page.locator("#evidence-url").fill("https://github.com/jane/project/pull/7");
    await page.locator("#evidence-note").fill("A FastAPI endpoint with tests");
    await page.locator("#add-link").click();
    await page.locator(".evidence a").waitFor();
    assert.deepEqual(await violations(page), [], "evidence page with a link");

    await page.goto(`${env.server.url}results`);
    await page.locator(".areas-table").waitFor({ state: "attached" });
    assert.deepEqual(await violations(page), [], "results");
    // Every folded section opened.
    const folded = page.locator("details:not([open]) > summary");
    assert.ok((await folded.count()) > 0, "the results have folded sections");
    while ((await folded.count()) > 0) await folded.first().click();
    assert.deepEqual(await violations(page), [], "results with every section open");

    await page.locator("#review-answers").click();
    await page.locator("#review").waitFor();
    assert.deepEqual(await violations(page), [], "review of the answers");
    await page.locator("#only-missed").check();
    assert.deepEqual(await violations(page), [], "review, only what was missed");
    await page.goto(`${env.server.url}practice/${firstQuestion}`);
    await page.locator('input[name="practice-answer"]').first().check();
    await page.locator("#practice-check").click();
    await page.locator("#practice-feedback").waitFor();
    assert.deepEqual(await violations(page), [], "practice with its feedback");
    await page.goto(`${env.server.url}results`);
    await page.locator("#share").waitFor();

    await page.locator("#share").click();
    const link = await page.locator("#share-link").inputValue();
    assert.deepEqual(await violations(page), [], "results with the share link");

    await page.locator("#start-over").click();
    await page.locator('[role="alertdialog"]').waitFor();
    assert.deepEqual(await violations(page), [], "start-over confirmation");

    await page.goto(link);
    await page.locator("#shared-table").waitFor();
    assert.deepEqual(await violations(page), [], "shared results");

    await page.goto(`${env.server.url}?profile=no-such-role`);
    await page.locator("#roles").waitFor();
    assert.deepEqual(await violations(page), [], "unknown role");

    await page.goto(`${env.server.url}no/such/page`);
    await page.locator("h1").waitFor();
    assert.deepEqual(await violations(page), [], "page not found");

    // Another tab saved progress this one cannot read: the out-of-date banner.
    await page.goto(`${env.server.url}check/${order[0]}`);
    await page.locator("#item-prompt").waitFor();
    const other = await context.newPage();
    await other.goto(env.server.url);
    await other.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith("fitcheck.progress."));
      localStorage.setItem(key, JSON.stringify({ schema_version: 99 }));
    });
    await page.locator("#out-of-date").waitFor();
    assert.deepEqual(await violations(page), [], "out-of-date banner");

    // A crash.
    await page.evaluate(() => dispatchEvent(new Event("fitcheck-test-panic")));
    await page.locator("#crash-page").waitFor();
    assert.deepEqual(await violations(page), [], "crash page");

    await context.close();

    // A profile that cannot be used (no service worker, which would answer with the good one).
    const fresh = await freshPage(env.browser, { colorScheme, viewport, locale, serviceWorkers: "block" });
    const broken = fresh.page;
    await broken.route(/profiles\/sumup[^/]*\.json$/, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"schema_version": "one"}' }));
    await broken.goto(env.server.url);
    await broken.locator(".error-page").waitFor();
    assert.deepEqual(await violations(broken), [], "profile error page");
    await fresh.context.close();
  });
}

test("focus goes to each new item's prompt, and to the safe choice when starting over is asked", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
  await page.goto(env.server.url);
  await page.locator("#start").click();
  for (let i = 0; i < 3; i++) {
    await page.locator("#item-prompt").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "item-prompt");
    assert.equal(await focused(), "item-prompt", `screen ${i + 1}`);
    await answerWithKeys(page, profile, true);
  }
  await page.locator("#back").click();
  await page.waitForFunction(() => document.activeElement?.id === "item-prompt");
  await page.goto(`${env.server.url}results`);
  await page.locator("#start-over").click();
  await page.waitForFunction(() => document.activeElement?.id === "cancel-start-over");
  await page.keyboard.press("Enter");
  await page.locator("#start-over").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
