// What the build steps (scripts/lib/*.mjs) read from a built index.html.

/** The path the build is served under, from its `<base href>` ("/" or e.g. "/fitcheck/"); null
 * when it has none. */
export function baseHref(html) {
  return html.match(/<base href="([^"]*)"/)?.[1] ?? null;
}
