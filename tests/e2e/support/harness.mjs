// The set-up most browser test files share: one static server and one Chromium for the file.
import { before, after } from "node:test";
import { startServer } from "./server.mjs";
import { launch } from "./browser.mjs";

/** Starts a server (with `options`) and a browser before the file's tests, stops them after. */
export function serveAndLaunch(options) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
