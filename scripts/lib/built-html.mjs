// What the build steps (scripts/lib/*.mjs) read from a built index.html, and the integrity hash
// they write into it.
import crypto from "node:crypto";
import path from "node:path";

/** The path the build is served under, from its `<base href>` ("/" or e.g. "/fitcheck/"); null
 * when it has none. */
export function baseHref(html) {
  return html.match(/<base href="([^"]*)"/)?.[1] ?? null;
}

/** The file in `dir` that `href` names, as index.html links it under the build's `base`. */
export function linkedFile(dir, base, href) {
  return path.join(dir, href.startsWith(base) ? href.slice(base.length) : href);
}

/** The value of an `integrity` attribute for `content`, as Trunk writes them (SHA-384). */
export function integrity(content) {
  return `sha384-${crypto.createHash("sha384").update(content).digest("base64")}`;
}
