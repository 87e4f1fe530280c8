// The candidate's data moves only as they choose: a progress file to another device, a Markdown
// summary, a printed report, a share link; and a link can name the role.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { freshPage } from "./support/browser.mjs";
import { serveAndLaunch } from "./support/harness.mjs";
import { defaultProfile, walkOrder, storageKey } from "./support/profile.mjs";
import { answerWithKeys, appRunning, itemInUrl, recordRequests } from "./support/flow.mjs";
import { SINGLE_FILE } from "./support/single-file.mjs";

const profile = defaultProfile();
const order = walkOrder(profile);
const env = serveAndLaunch();

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const saved = async (page) => JSON.parse((await storage(page))[storageKey(profile)]);

async function answerSome(page, n, right = true) {
  await page.goto(env.server.url);
  await page.locator("#start").click();
  await page.waitForURL(/\/check\//);
  for (let i = 0; i < n; i++) await answerWithKeys(page, profile, i % 2 === 0 ? right : !right);
}

async function downloadOf(page, buttonId) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${buttonId}`).click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
}

test("export, clear the browser, import: the same progress comes back", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await answerSome(page, 7);
  const before = await saved(page);
  await page.goto(env.server.url);
  const file = await downloadOf(page, "export");
  assert.equal(file.name, `fitcheck-progress-${profile.id}.json`);
  assert.equal(JSON.parse(file.text).format, "fitcheck-progress");

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator("#start").waitFor();
  await page.setInputFiles("#import-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  const count = Object.keys(before.answers).length;
  assert.ok(count > 7, "seven screens, the first with several self-ratings");
  assert.match(await page.locator("#transfer-outcome").textContent(), new RegExp(`Imported ${count} answers?\\.`));
  assert.deepEqual(await saved(page), before, "the imported progress equals the exported one");
  assert.match(await page.locator("#continue").textContent(), new RegExp(`7 of ${order.length}`));
  await page.locator("#continue").click();
  assert.equal(itemInUrl(page), before.current);
  requests.assertAllFrom(env.server.origin);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt, foreign or future file is refused and changes nothing", async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await answerSome(page, 4);
  await page.goto(env.server.url);
  const good = JSON.parse((await downloadOf(page, "export")).text);
  const before = await storage(page);

  const future = structuredClone(good);
  future.version = 2;
  const futureSchema = structuredClone(good);
  futureSchema.progress.schema_version = 99;
  const otherRole = structuredClone(good);
  otherRole.progress.profile_id = "another-role";
  const misfit = structuredClone(good);
  misfit.progress.answers[profile.questions[0].id] = { kind: "choice", selected: [42] };
  const cases = [
    ["{ this is not json", /not a Fitcheck progress file \(it is not JSON\)/],
    [JSON.stringify({ hello: "world" }), /not a Fitcheck progress file/],
    [JSON.stringify(future), /exported by a newer version of Fitcheck/],
    [JSON.stringify(futureSchema), /saved by a newer version of Fitcheck/],
    [JSON.stringify(otherRole), /progress for another role \(`another-role`\)/],
    [JSON.stringify(misfit), /1 answer in the file does not fit/],
  ];
  for (const [text, message] of cases) {
    await page.setInputFiles("#import-file", { name: "progress.json", mimeType: "application/json", buffer: Buffer.from(text) });
    const outcome = page.locator('#transfer-outcome[role="alert"]');
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector("#transfer-outcome")?.textContent ?? ""), message.source);
    assert.match(await outcome.textContent(), /^Nothing was changed: /);
    assert.deepEqual(await storage(page), before, `storage unchanged after ${message}`);
  }
  assert.deepEqual(problems, []);
  requests.assertAllFrom(env.server.origin);
  await context.close();
});

test("importing over answers keeps the earlier ones under a backup key", async () => {
  const { context, page } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await answerSome(page, 3);
  const exported = Object.keys((await saved(page)).answers).length;
  await page.goto(env.server.url);
  const file = await downloadOf(page, "export");
  await page.locator("#start-over").click();
  await page.locator("#confirm-start-over").click();
  await answerSome(page, 5, false);
  const replaced = await saved(page);
  await page.goto(env.server.url);
  await page.setInputFiles("#import-file", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  assert.match(await page.locator("#transfer-outcome").textContent(), new RegExp(`Imported ${exported} answers?\\. Your previous ${Object.keys(replaced.answers).length} answers were kept`));
  const all = await storage(page);
  const backups = Object.keys(all).filter((k) => k.startsWith(`${storageKey(profile)}.unreadable.`));
  assert.equal(backups.length, 1);
  assert.deepEqual(JSON.parse(all[backups[0]]), replaced);
  requests.assertAllFrom(env.server.origin);
  await context.close();
});

async function finishQuick(page, right) {
  await page.goto(env.server.url);
  await page.locator("#start-quick").click();
  let n = 0;
  // Not all right: two in three, so the answers are clearly no guessing but leave gaps.
  while (itemInUrl(page)) await answerWithKeys(page, profile, right ? true : n++ % 3 !== 0);
  await page.waitForURL(/\/results$/);
  await page.locator("table.areas-table tbody tr").first().waitFor({ state: "attached" });
}

const tableRows = (page, selector) =>
  page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [r.dataset.area, ...[...r.querySelectorAll("th, td")].map((c) => c.textContent.trim())]));

// The single file's link points at its hosted address instead: single-file.test.mjs.
const hostedOnly = { skip: SINGLE_FILE && "hosted edition only" };

test("a share link shows the same summary in a fresh browser; a tampered one says so", hostedOnly, async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await finishQuick(page, false);
  const readiness = (await page.locator("#readiness").textContent()).trim();
  const mine = await tableRows(page, "table.areas-table");
  await page.locator("#share").click();
  const link = await page.locator("#share-link").inputValue();
  assert.ok(link.startsWith(`${env.server.url}shared?profile=${profile.id}#`), link);
  const fragment = new URL(link).hash.slice(1);
  console.log(`share link: ${link.length} characters, fragment ${fragment.length}`);
  requests.assertAllFrom(env.server.origin);

  // Someone else opens it: a new, empty browser profile.
  const other = await freshPage(env.browser);
  const theirRequests = recordRequests(other.context);
  await other.page.goto(link);
  await other.page.locator("#shared-table").waitFor();
  assert.equal(await other.page.locator("h1").textContent(), profile.role.title);
  assert.match(await other.page.locator("#shared-readiness").textContent(), new RegExp(`^${readiness} ready`));
  const theirs = await tableRows(other.page, "#shared-table");
  // Area, asked, shown and gap are the same; the shared table leaves out the self-rating.
  assert.deepEqual(
    theirs.map(([area, title, asked, shown, gap]) => [area, title, asked, shown, gap]),
    mine.map(([area, title, asked, shown, , gap]) => [area, title, asked, shown, gap]),
  );
  assert.equal(await other.page.evaluate(() => localStorage.length), 1, "only the chosen role is remembered");
  theirRequests.assertAllFrom(env.server.origin);

  // One changed character, a cut-off link, garbage: each is refused with a message.
  const flipped = fragment.slice(0, 10) + (fragment[10] === "A" ? "B" : "A") + fragment.slice(11);
  for (const bad of [flipped, fragment.slice(0, 20), "%%%not-a-link", ""]) {
    await other.page.goto(`${env.server.url}shared#${bad}`);
    await other.page.reload();
    await other.page.locator("#shared-error").waitFor();
    assert.match(await other.page.locator("#shared-error").textContent(), /damaged|carries no results/);
  }
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
  await context.close();
});

test("the summary downloads as Markdown and the results print on at most two A4 pages", async () => {
  const { context, page } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await finishQuick(page, true);
  const readiness = (await page.locator("#readiness").textContent()).trim();
  const file = await downloadOf(page, "download-summary");
  assert.equal(file.name, `fitcheck-results-${profile.id}.md`);
  assert.ok(file.text.startsWith(`# Fitcheck results: ${profile.role.title}`));
  assert.ok(file.text.includes(`**Readiness: ${readiness}**`), file.text.slice(0, 400));
  for (const area of profile.areas) assert.ok(file.text.includes(`| ${area.title} |`), area.title);

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#keep").isVisible(), false, "buttons are not printed");
  // The folded table and plan print too.
  assert.equal(await page.locator("#fold-areas").getAttribute("open"), null);
  for (const part of [".areas-table", "#plan", ".chart"]) assert.ok(await page.locator(part).isVisible(), `${part} is printed`);
  const pdf = (await page.pdf({ format: "A4", printBackground: false })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`printed report: ${pages} page(s)`);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  requests.assertAllFrom(env.server.origin);
  await context.close();
});

// A single file holds one role.
test("?profile= picks a role; an unknown one lists the roles there are", hostedOnly, async () => {
  const { context, page, problems } = await freshPage(env.browser);
  const requests = recordRequests(context);
  await page.goto(`${env.server.url}?profile=no-such-role`);
  await page.locator("#roles").waitFor();
  assert.match(await page.locator('[role="alert"]').textContent(), /\u201cno-such-role\u201d/);
  const links = await page.$$eval("#roles a", (a) => a.map((l) => [l.textContent, l.getAttribute("href")]));
  assert.deepEqual(links, [[profile.role.title, `?profile=${profile.id}`]]);
  await page.locator("#roles a").click();
  await page.locator("#start").waitFor();
  await appRunning(page);
  assert.equal(await page.locator("h1").textContent(), profile.role.title);
  assert.deepEqual(problems, []);
  requests.assertAllFrom(env.server.origin);
  await context.close();
});
