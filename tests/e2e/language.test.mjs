// English and German: the language follows the browser, a visible switch changes it and is
// remembered, <html lang> matches, numbers and plurals follow it, and the summary, print, share
// page and crash page speak it too. No English interface text is left on a German page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile } from "./support/profile.mjs";
import { answerWithKeys, appRunning } from "./support/flow.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const locale = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, "locales", `${name}.json`), "utf8"));
const [EN, DE] = [locale("en"), locale("de")];
const lang = (page) => page.evaluate(() => document.documentElement.lang);

/** Every text of a locale file, flattened. */
function texts(tree) {
  return Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : texts(v)));
}

/**
 * The English interface's fixed phrases: each text cut at its placeholders and tags, the pieces
 * long enough to be telling, leaving out those German shares word for word ("Fitcheck", "English").
 */
const germanTexts = texts(DE).join("\n");
const englishPhrases = [...new Set(texts(EN).flatMap((t) => t.split(/\{\{[^}]*\}\}|<[^>]*>/)))]
  .map((piece) => piece.trim())
  .filter((piece) => piece.length >= 12 && !germanTexts.includes(piece));

/** The page's interface text: everything but the profile's own texts (marked lang="en"). */
function interfaceText(page) {
  return page.evaluate(() => {
    const main = document.body.cloneNode(true);
    main.querySelectorAll('[lang]:not([lang="de"]), script, style').forEach((e) => e.remove());
    return main.innerText + " " + [...main.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label")).join(" ");
  });
}

async function noEnglishLeft(page, where) {
  const text = await interfaceText(page);
  const left = englishPhrases.filter((phrase) => text.includes(phrase));
  assert.deepEqual(left, [], `English interface text on the German ${where}`);
}

test("a German browser gets the German interface, and is told once that the questions are in English", async () => {
  assert.ok(englishPhrases.length > 150, `the check looks for ${englishPhrases.length} English phrases`);
  const { context, page, problems } = await freshPage(env.browser, { locale: "de-DE" });
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  await appRunning(page);
  assert.equal(await lang(page), "de");
  assert.match(await page.locator("#start").innerText(), /^Vollständiger Check · etwa \d+ Min\.$/);
  assert.match(await page.locator("#start-quick").innerText(), /^Schnellcheck · etwa \d+ Min\.$/);
  assert.equal(await page.locator("#questions-language").innerText(), "Die Fragen sind auf Englisch.");
  assert.equal(await page.locator(".questions-language").count(), 1, "said once");
  // The profile's own texts are marked as English, for screen readers' pronunciation.
  assert.equal(await page.locator("h1").getAttribute("lang"), "en");
  // Plurals: the area lines count self-ratings and questions in German.
  const areas = await page.locator("ol.areas > li .muted").allInnerTexts();
  assert.equal(areas.length, profile.areas.length);
  profile.areas.forEach((area, i) => {
    const ratings = profile.self_ratings.filter((r) => r.area === area.id).length;
    const questions = profile.questions.filter((q) => q.area === area.id).length;
    const counted = (n, one, other) => `${n} ${n === 1 ? one : other}`;
    assert.ok(
      areas[i].startsWith(
        `(${counted(ratings, "Selbsteinschätzung", "Selbsteinschätzungen")} auf einer Seite und ` +
          `${counted(questions, "Wissensfrage", "Wissensfragen")}; ein Schnellcheck fragt eine Selbsteinschätzung und höchstens `,
      ),
      areas[i],
    );
  });
  await noEnglishLeft(page, "start page");

  // An item page: the interface in German around an English question.
  await page.locator("#start").click();
  await page.locator("#item-prompt").waitFor();
  assert.equal(await page.locator("#next").innerText(), "Weiter");
  assert.match(await page.locator("#progress-overall").innerText(), /^Erledigt: 0 von \d+$/);
  await noEnglishLeft(page, "self-rating page");
  for (let i = 0; i < 4; i++) await answerWithKeys(page, profile, false);
  await page.locator("#item-prompt").waitFor();
  assert.equal(await page.locator(".question h1").getAttribute("lang"), "en");
  await page.locator("#skip").click();
  await page.locator("#item-prompt").waitFor();
  await noEnglishLeft(page, "question page");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the switch changes the language at once, sets <html lang>, and is remembered after a reload", async () => {
  const { context, page, problems } = await freshPage(env.browser, { locale: "en-GB" });
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  assert.equal(await lang(page), "en");
  assert.equal(await page.locator("#questions-language").count(), 0, "English questions in an English interface: nothing to say");
  const german = page.locator('#language-switch button[data-language="de"]');
  assert.equal(await german.getAttribute("aria-pressed"), "false");
  assert.equal(await german.getAttribute("lang"), "de");
  await german.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.documentElement.lang === "de");
  assert.equal(await german.getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("h2#covers").innerText(), "Was der Check abdeckt");
  assert.equal(await page.evaluate(() => localStorage.getItem("fitcheck.language")), "de");

  await page.reload();
  await page.locator("#start").waitFor();
  assert.equal(await lang(page), "de");
  assert.equal(await page.locator("h2#covers").innerText(), "Was der Check abdeckt");

  await page.locator('#language-switch button[data-language="en"]').click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.locator("h2#covers").innerText(), "What the check covers");
  await page.reload();
  await page.locator("#start").waitFor();
  assert.equal(await lang(page), "en");
  assert.deepEqual(problems, []);
  await context.close();
});

test("German results: decimal commas, the summary, print and the share page in German", async () => {
  const { context, page, problems } = await freshPage(env.browser, { locale: "de-DE", acceptDownloads: true });
  await page.goto(env.server.url);
  await page.locator("#start").click();
  for (let i = 0; i < 6; i++) await answerWithKeys(page, profile, false);
  await page.goto(`${env.server.url}results`);
  await page.locator(".areas-table").waitFor({ state: "attached" });
  assert.equal(await lang(page), "de");
  // The level asked, with a decimal comma.
  const asked = await page.locator(".areas-table tbody tr td:nth-child(2)").allTextContents();
  assert.ok(asked.length === profile.areas.length);
  for (const figure of asked) assert.match(figure, /^\d,\d$/);
  assert.equal(await page.locator(".areas-table thead th").first().textContent(), "Bereich");
  await page.locator("#plan details").first().waitFor({ state: "attached" });
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  await noEnglishLeft(page, "results page");

  // The Markdown summary.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-summary").click()]);
  const markdown = fs.readFileSync(await download.path(), "utf8");
  assert.match(markdown, /^# Fitcheck-Ergebnisse: /);
  assert.match(markdown, /\n## Nach Bereich\n/);
  assert.match(markdown, /\n\| Bereich \| Gefordert \| Gezeigt durch Antworten \| Urteil \| Selbsteinschätzung \| Beantwortet \|\n/);
  assert.match(markdown, /\n## Was du als Nächstes lernen solltest\n/);
  assert.doesNotMatch(markdown, /What to learn next|By area|Readiness/);
  assert.match(await page.locator("#keep-outcome").innerText(), /^Die Zusammenfassung wurde heruntergeladen\.$/);

  // Print: the print-only note is German.
  await page.emulateMedia({ media: "print" });
  assert.match(await page.locator(".print-only").innerText(), /^Die Fragen hinter jeder Lücke/);
  await page.emulateMedia({ media: "screen" });

  // The share link opens in German for a German reader, in English for an English one.
  await page.locator("#share").click();
  const link = await page.locator("#share-link").inputValue();
  await page.goto(link);
  await page.locator("#shared-table").waitFor();
  assert.equal(await page.locator(".eyebrow").innerText(), "Geteilte Ergebnisse · nur lesen");
  assert.match(await page.locator("#shared-readiness").innerText(), /bereit|Noch nicht genug Antworten/);
  await noEnglishLeft(page, "shared page");
  const english = await freshPage(env.browser, { locale: "en-US" });
  await english.page.goto(link);
  await english.page.locator("#shared-table").waitFor();
  assert.equal(await english.page.locator(".eyebrow").innerText(), "Shared results · read-only");
  await english.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the crash page and the page-not-found page speak the chosen language", async () => {
  const { context, page } = await freshPage(env.browser, { locale: "en-US" });
  await page.goto(env.server.url);
  await page.locator("#start").waitFor();
  await page.locator('#language-switch button[data-language="de"]').click();
  await page.waitForFunction(() => document.documentElement.lang === "de");
  await page.goto(`${env.server.url}no/such/page`);
  await page.locator("h1").waitFor();
  assert.equal(await page.locator("h1").innerText(), "Seite nicht gefunden");
  await page.evaluate(() => dispatchEvent(new Event("fitcheck-test-panic")));
  await page.locator("#crash-page").waitFor();
  assert.equal(await page.locator("#crash-page h1").innerText(), "Fitcheck wurde wegen eines Fehlers angehalten");
  assert.equal(await page.locator("#crash-reload").innerText(), "Neu laden");
  assert.equal(await lang(page), "de");
  await context.close();
});
