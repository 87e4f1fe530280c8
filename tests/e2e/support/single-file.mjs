// The single-file edition (scripts/lib/single-file.mjs) as the browser tests open it: from disk,
// through a file: URL. `./scripts/test` writes it to dist-single/ with TEST_HOME as its hosted
// address, and runs some test files a second time against it with FITCHECK_EDITION=single-file.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "./server.mjs";

export const DIST_SINGLE = path.join(path.dirname(DIST), "dist-single");
/** The hosted address scripts/test builds the single files with (share links point there). */
export const TEST_HOME = "https://fitcheck.example/jobs/";
/** Whether this run drives the single file instead of the served dist/. */
export const SINGLE_FILE = process.env.FITCHECK_EDITION === "single-file";

/** The single file of the role `id` in `dir`. */
export const singleFile = (id, dir = DIST_SINGLE) => path.join(dir, `fitcheck-${id}.html`);

/** The address the single file's pages are appended to (`…/fitcheck-<id>.html#/` + `results`). */
export const singleFileAddress = (id, dir = DIST_SINGLE) => `${pathToFileURL(singleFile(id, dir)).href}#/`;

/**
 * `server` (serving dist/) as a test of FITCHECK_EDITION=single-file sees it: its `url` is the
 * single file's address, so `${server.url}results` opens the file's results page, and every
 * request stays on `file://`. `hosted` is the server itself.
 */
export function asSingleFile(server, id) {
  return { ...server, url: singleFileAddress(id), origin: "file://", hosted: server };
}
