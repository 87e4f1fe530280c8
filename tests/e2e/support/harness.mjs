// The set-up most browser test files share: one static server and one Chromium for the file.
import { before, after } from "node:test";
import { startServer } from "./server.mjs";
import { launch } from "./browser.mjs";
import { defaultProfile } from "./profile.mjs";
import { SINGLE_FILE, asSingleFile } from "./single-file.mjs";

/**
 * Starts a server (with `options`) and a browser before the file's tests, stops them after.
 * With FITCHECK_EDITION=single-file, `env.server.url` is the default role's single file instead
 * (see single-file.mjs), so the same tests drive it.
 */
export function serveAndLaunch(options) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(options);
    if (SINGLE_FILE) env.server = asSingleFile(env.server, defaultProfile().id);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
