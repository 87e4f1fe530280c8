// A first visit as a new candidate makes it: a fresh browser profile opens the app and stays until
// the service worker has the whole build for offline use. Returns what the server sent meanwhile.
import { freshPage } from "./browser.mjs";

/** Opens `server.url` in a fresh context, waits until the app works offline, and returns
 * `{ transfers, byUrl, bytes }`: every response sent, the count per path, and the total bytes. */
export async function firstVisit(browser, server) {
  const from = server.transfers.length;
  const { context, page } = await freshPage(browser);
  await page.goto(server.url);
  await page.locator("#start").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    return keys.some((k) => k.startsWith("fitcheck-")) && navigator.serviceWorker.controller !== null;
  });
  // Late requests (an icon the browser fetches on its own) are counted too.
  await page.waitForTimeout(500);
  await context.close();
  const transfers = server.transfers.slice(from);
  const byUrl = {};
  for (const t of transfers) byUrl[t.url] = (byUrl[t.url] ?? 0) + 1;
  const bytes = transfers.reduce((n, t) => n + t.bytes, 0);
  return { transfers, byUrl, bytes };
}
