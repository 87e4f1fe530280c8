// Size of the release build and of the single file, and speed in Chromium, as Markdown table rows
// (run by scripts/bench).
// Timings are medians of several runs side by side in one process; the machine is shared, so
// compare rows of one run, not figures across runs.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startServer, DIST } from "../e2e/support/server.mjs";
import { launch, freshPage } from "../e2e/support/browser.mjs";
import { defaultProfile, walkOrder } from "../e2e/support/profile.mjs";
import { answerWithKeys } from "../e2e/support/flow.mjs";
import { firstVisit } from "../e2e/support/first-visit.mjs";
import { DIST_SINGLE, singleFileAddress } from "../e2e/support/single-file.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sizes() {
  const groups = { wasm: /\.wasm$/, "JS": /\.js$/, CSS: /\.css$/, "role profiles (JSON)": /^profiles\// };
  const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile());
  const rows = [];
  for (const [name, re] of [...Object.entries(groups), ["whole dist/", /./]]) {
    const chosen = files.filter((f) => re.test(f));
    const raw = chosen.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    const gz = chosen.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length, 0);
    rows.push(`| size | ${name} (${chosen.length} file${chosen.length === 1 ? "" : "s"}) | raw / gzip -9 | ${kb(raw)} / ${kb(gz)} |`);
  }
  return rows;
}

/** The single-file edition: each role's file, raw and as a host or a mail server compresses it. */
function singleFileSizes() {
  return fs
    .readdirSync(DIST_SINGLE)
    .filter((f) => f.endsWith(".html"))
    .map((f) => {
      const body = fs.readFileSync(path.join(DIST_SINGLE, f));
      const gz = zlib.gzipSync(body, { level: 9 }).length;
      const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return `| size | single file \`${f}\` | raw / gzip -9 / brotli 11 | ${kb(body.length)} / ${kb(gz)} / ${kb(br)} |`;
    });
}

async function timings() {
  const profile = defaultProfile();
  const order = walkOrder(profile);
  const server = await startServer();
  const browser = await launch();
  const first = [];
  const fromDisk = [];
  const cached = [];
  const step = [];
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await freshPage(browser);
    let t = performance.now();
    await page.goto(server.url);
    await page.locator("#start").waitFor();
    first.push(performance.now() - t);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    t = performance.now();
    await page.reload();
    await page.locator("#start").waitFor();
    cached.push(performance.now() - t);
    await page.locator("#start").click();
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await answerWithKeys(page, profile, true);
      await page.locator("#item-prompt").waitFor();
      step.push(performance.now() - t);
    }
    await page.evaluate(
      ([key, ids]) => {
        const saved = JSON.parse(localStorage.getItem(key));
        for (const id of ids) saved.answers[id] = saved.answers[id] ?? { kind: "skipped" };
        localStorage.setItem(key, JSON.stringify(saved));
      },
      [`fitcheck.progress.v1.${profile.id}`, order],
    );
    t = performance.now();
    await page.goto(`${server.url}results`);
    await page.locator("table.areas-table tbody tr").first().waitFor({ state: "attached" });
    results.push(performance.now() - t);
    await context.close();

    const disk = await freshPage(browser);
    t = performance.now();
    await disk.page.goto(singleFileAddress(profile.id));
    await disk.page.locator("#start").waitFor();
    fromDisk.push(performance.now() - t);
    await disk.context.close();
  }
  await browser.close();
  await server.close();
  const ms = (xs) => `${median(xs).toFixed(0)} ms`;
  return [
    `| Chromium | first visit: address to start page | median of ${first.length} | ${ms(first)} |`,
    `| Chromium | reload from the offline cache to start page | median of ${cached.length} | ${ms(cached)} |`,
    `| Chromium | single file from disk: address to start page | median of ${fromDisk.length} | ${ms(fromDisk)} |`,
    `| Chromium | answer with the keyboard to the next item shown | median of ${step.length} | ${ms(step)} |`,
    `| Chromium | open the results page (every item answered or skipped) | median of ${results.length} | ${ms(results)} |`,
  ];
}

/** What a first visit costs on the wire: every response until the app works offline. */
async function firstVisitBytes() {
  const server = await startServer();
  const browser = await launch();
  const visit = await firstVisit(browser, server);
  await browser.close();
  await server.close();
  const most = Math.max(...Object.values(visit.byUrl));
  const build = fs
    .readdirSync(DIST, { recursive: true })
    .filter((f) => fs.statSync(path.join(DIST, f)).isFile())
    .reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
  return [
    `| network | first visit until offline-ready (uncompressed bodies) | ${visit.transfers.length} responses, each URL at most ${most}× | ${kb(visit.bytes)} (${(visit.bytes / build).toFixed(2)}× the build) |`,
  ];
}

for (const row of [...sizes(), ...singleFileSizes(), ...(await firstVisitBytes()), ...(await timings())]) console.log(row);
