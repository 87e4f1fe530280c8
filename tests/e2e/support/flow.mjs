// Steps a candidate takes, shared by the browser tests.
import assert from "node:assert/strict";
import { itemById, keysFor } from "./profile.mjs";

/**
 * The app's path in an address (a URL or its text): the path, or in the single-file edition
 * (`…/fitcheck-<role>.html#/check/<id>`, from disk or a host) the fragment.
 */
export function appPath(address) {
  const url = new URL(address);
  if (url.hash.startsWith("#/")) return url.hash.slice(1);
  return url.protocol === "file:" ? "/" : url.pathname;
}

/**
 * Until the app runs, a first visit may show the start page drawn at build time
 * (scripts/lib/prerender.mjs), whose controls only keep a start for the app. Waits until the app
 * has taken over the page.
 */
export async function appRunning(page) {
  await page.waitForFunction(() => !document.querySelector("#boot, .prerender") && document.querySelector("main"));
}

/** The item id in the page's address, or null when the page is not an item page. */
export function itemInUrl(page) {
  const match = appPath(page.url()).match(/\/check\/([^/]+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The keys that pick the profile's options `indices` (0-based) on the current page: options are
 * shuffled per candidate, so a key is read from the label that shows the option, as a person
 * reads the number beside the answer they mean.
 */
export async function keysOnScreen(page, indices) {
  const shown = await page.$$eval("fieldset .option", (labels) =>
    labels.map((l) => ({ index: Number(l.querySelector("input").value), key: l.querySelector("kbd").textContent.trim() })),
  );
  return indices.map((i) => {
    const option = shown.find((s) => s.index === i);
    assert.ok(option, `option ${i} is on the page`);
    return option.key;
  });
}

/** Answers the current item with digit keys (right or wrong) and goes on with Enter. */
export async function answerWithKeys(page, profile, right) {
  const id = itemInUrl(page);
  assert.ok(id, `expected an item page, got ${page.url()}`);
  await page.locator("#item-prompt").waitFor();
  const item = itemById(profile, id);
  // A self-ratings screen: one level key per rating shown (each goes to the next one not rated).
  const ratings = item.ratings ? await page.locator("fieldset[data-rating]").count() : 0;
  const keys = item.ratings
    ? Array(ratings).fill(right ? 4 : 0)
    : await keysOnScreen(page, keysFor(item, right).map((k) => k - 1));
  for (const key of keys) await page.keyboard.press(String(key));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !appPath(url).endsWith(`/check/${id}`));
  return id;
}

/** Answers the current item by pressing the key at screen position `position` (1-based). */
export async function pressPosition(page, profile, position) {
  const id = itemInUrl(page);
  assert.ok(id, `expected an item page, got ${page.url()}`);
  await page.locator("#item-prompt").waitFor();
  const item = itemById(profile, id);
  const presses = item.ratings ? await page.locator("fieldset[data-rating]").count() : 1;
  for (let i = 0; i < presses; i++) await page.keyboard.press(String(item.ratings ? 2 : position));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !appPath(url).endsWith(`/check/${id}`));
  return id;
}

/** Records every request the context makes, to check that none leaves `origin`. */
export function recordRequests(context) {
  const urls = [];
  context.on("request", (r) => urls.push(r.url()));
  return {
    urls,
    assertAllFrom(origin) {
      const foreign = urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));
      assert.deepEqual(foreign, [], "no request leaves the app's own origin");
    },
  };
}
