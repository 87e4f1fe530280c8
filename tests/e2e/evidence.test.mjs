// Evidence of the candidate's work: links per requirement, each checked as an https address,
// shown on the results, in the Markdown summary and (as far as they fit) in the share link.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, storageKey } from "./support/profile.mjs";
import { answerWithKeys } from "./support/flow.mjs";

const env = serveAndLaunch();
const profile = defaultProfile();
const PHONE = { width: 390, height: 844 };
const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), storageKey(profile));

async function addLink(page, requirement, url, note = "") {
  await page.locator("#evidence-requirement").selectOption(requirement);
  await page.locator("#evidence-url").fill(url);
  await page.locator("#evidence-note").fill(note);
  await page.locator("#add-link").click();
  const outcome = page.locator("#evidence-outcome");
  await outcome.waitFor();
  return { ok: (await outcome.getAttribute("class")).includes("ok"), text: await outcome.innerText() };
}

test("links are checked, kept per requirement, and reach the results, the Markdown summary and the share link", async () => {
  const { context, page, problems } = await freshPage(env.browser, { viewport: PHONE });
  await page.goto(env.server.url);
  await page.locator("#start").click();
  for (let i = 0; i < 5; i++) await answerWithKeys(page, profile, false);
  await page.goto(`${env.server.url}results`);
  await page.locator("#add-evidence").click();
  await page.waitForURL(/\/evidence$/);
  await page.locator("#evidence-none").waitFor();
  const [req, other] = profile.requirements;

  // Refused, each with what to do, and the field marked and focused.
  for (const [url, said] of [
    ["", /Paste or type/],
    ["github.com/jane/churn-model", /Start the address with https:\/\//],
    ["http://example.com/cert", /Only https:\/\//],
    ["javascript:alert(1)", /Only https:\/\//],
    ["https://jane:secret@example.com/", /user name or password/],
    ["https://localhost/x", /valid host name/],
  ]) {
    const outcome = await addLink(page, req.id, url);
    assert.equal(outcome.ok, false, url);
    assert.match(outcome.text, said, url);
    assert.equal(await page.locator("#evidence-url").getAttribute("aria-invalid"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.id), "evidence-url");
  }
  assert.equal(await page.locator(".evidence a").count(), 0);

  // Taken: three for one requirement (a long address wraps on the phone), a fourth refused.
  const long = `https://github.com/jane/churn-model/pull/12/files/${"a1b2c3d4".repeat(20)}`;
  const urls = ["https://github.com/jane/churn-model", long, "https://www.credly.com/badges/1234/public_url"];
  const added = await addLink(page, req.id, urls[0], "  My   churn model, with a FastAPI service ");
  assert.ok(added.ok, added.text);
  assert.match(added.text, new RegExp(req.text.replace(/[()]/g, ".")));
  assert.equal(await page.locator("#evidence-url").inputValue(), "", "the form is cleared");
  assert.equal(await page.locator("#evidence-url").getAttribute("aria-invalid"), null);
  assert.ok((await addLink(page, req.id, urls[1])).ok);
  assert.ok((await addLink(page, req.id, urls[2], "AWS certificate")).ok);
  const full = await addLink(page, req.id, "https://example.com/fourth");
  assert.match(full.text, /three links already/);
  assert.ok((await addLink(page, other.id, "https://gitlab.com/jane/infra", "Terraform for a side project")).ok);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, "no sideways scrolling");
  let progress = await saved(page);
  assert.deepEqual(progress.evidence[req.id].map((e) => e.url), urls);
  assert.equal(progress.evidence[req.id][0].note, "My churn model, with a FastAPI service");
  // Links open safely in a new tab.
  const anchor = page.locator(`.evidence a[href="${urls[0]}"]`);
  assert.equal(await anchor.getAttribute("rel"), "noopener noreferrer nofollow");
  // Removed with its own button, named by the link's host.
  await page.getByRole("button", { name: "Remove link to www.credly.com" }).click();
  progress = await saved(page);
  assert.deepEqual(progress.evidence[req.id].map((e) => e.url), urls.slice(0, 2));

  // The results: folded, with the count.
  await page.goto(`${env.server.url}results`);
  await page.locator("#fold-evidence > summary").click();
  assert.match(await page.locator("#evidence-heading").innerText(), /Evidence of your work \(3 links\)/);
  assert.equal(await page.locator("#fold-evidence .evidence a").count(), 3);
  assert.equal(await page.locator("#add-evidence").count(), 0, "the edit link is in the fold instead");

  // The Markdown summary.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-summary").click()]);
  const md = fs.readFileSync(await download.path(), "utf8");
  assert.ok(md.includes("## Evidence of my work"), md);
  assert.ok(md.includes(`- **${req.text}**`), md);
  assert.ok(md.includes(`  - <${urls[0]}> — My churn model, with a FastAPI service`), md);
  assert.ok(md.includes(`  - <${long}>`), md);

  // The share link carries them; the shared page shows them as links.
  await page.locator("#share").click();
  const link = await page.locator("#share-link").inputValue();
  assert.ok(link.length < 4200, `${link.length} characters`);
  assert.equal(await page.locator("#share-left-out").count(), 0);
  const reader = await freshPage(env.browser, { viewport: PHONE });
  await reader.page.goto(link);
  await reader.page.locator("#shared-evidence").waitFor();
  const shared = await reader.page.locator("#shared-evidence a").evaluateAll((a) => a.map((x) => x.href));
  assert.deepEqual(shared.sort(), [urls[0], long, "https://gitlab.com/jane/infra"].sort());
  assert.equal(await reader.page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("in German, a refused address is explained in German", async () => {
  const { context, page, problems } = await freshPage(env.browser, { locale: "de-DE" });
  await page.goto(`${env.server.url}evidence`);
  const outcome = await addLink(page, profile.requirements[0].id, "http://example.com");
  assert.equal(outcome.ok, false);
  assert.match(outcome.text, /Nur https:\/\/-Adressen werden angenommen/);
  assert.match(await page.locator("h1").innerText(), /Belege deiner Arbeit/);
  assert.deepEqual(problems, []);
  await context.close();
});
