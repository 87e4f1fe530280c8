// The static server (scripts/lib/static-server.mjs) serving the release build in dist/ unless a
// test names another.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer as serve } from "../../../scripts/lib/static-server.mjs";

export { TYPES } from "../../../scripts/lib/static-server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The release build for the site root, and the same built for the sub-path /fitcheck/. */
export const DIST = path.join(ROOT, "dist");
export const DIST_SUBPATH = path.join(ROOT, "dist-subpath");

/** Serves `root` (dist/ unless named) under `base`; see scripts/lib/static-server.mjs. */
export function startServer({ root = DIST, base = "/" } = {}) {
  return serve({ root, base });
}
