#!/usr/bin/env node
// The single-file edition: one HTML file per role that holds the whole app and works opened from
// disk (`file:`), as an email attachment or from any web host, with no other file and no network.
//
// It is made from a release build as it is (`dist/`, after scripts/lib/post-build.mjs), never
// built on its own, so the two editions run the same program, styles and start script:
//   node scripts/lib/single-file.mjs [--hosted-url https://…/] [dist] [out]
// (`./scripts/build --single-file` runs it). For every role in dist/profiles/index.json it writes
// `out/fitcheck-<role>.html`:
//   - the stylesheets as <style>, the icon as a data: URL, public/boot.js as an inline script;
//   - the WebAssembly program, base64, in a data block (<script type="application/octet-stream">,
//     which never runs), and wasm-bindgen's glue with a short start of its own as one inline
//     module script that decodes the program and instantiates it (no fetch: a `file:` page may
//     not fetch, and no decompression, so any browser that runs the hosted app runs this);
//   - the role's profile and a one-role index as JSON data blocks that src/browser.rs reads in
//     place of `profiles/…` files;
//   - <meta name="fitcheck-edition" content="single-file">: the app names its pages after `#`
//     (src/ui/route.rs) and boot.js knows nothing is downloaded; with --hosted-url, <meta
//     name="fitcheck-home">, the address share links point at;
//   - its own Content-Security-Policy: nothing may load from anywhere, and only these inline
//     scripts and styles, by their sha256 hashes, may run (see docs/hosting.md).
// Left out: the service worker and its registration (a file needs no offline copy), the web app
// manifest, index.html's explanation for a page whose files cannot load, and the start page
// drawn at build time (scripts/lib/prerender.mjs: the default role's, with the hosted links).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { withoutPrerender } from "./prerender.mjs";
import { TYPES } from "./static-server.mjs";
import { baseHref } from "./built-html.mjs";

const TAG_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>\s*/g;
const TAG_LINK = /<link\b([^>]*?)\/?>\s*/g;

const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
const attribute = (attributes, name) => attributes.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const escapeAttribute = (text) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text that goes inside a <script> or <style> element as it is: it must not end the element. */
function inline(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`${what} contains "</script", "</style" or "<!--"`);
  return text;
}

/** JSON for a data block: `<` only occurs inside JSON strings, where `\u003c` reads the same. */
const jsonBlock = (text) => text.replace(/</g, "\\u003c");

/** The hosted address share links point at, checked and ending in `/`. */
export function hostedAddress(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--hosted-url ${text} is not an address (give it as https://example.com/fitcheck/)`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`--hosted-url ${text} is not an http(s) address`);
  if (url.search || url.hash) throw new Error(`--hosted-url ${text} has a query or fragment; give the app's address only`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The parts of the release build in `dist` that every role's file shares. */
function readBuild(dist) {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const base = baseHref(html);
  if (base === null) throw new Error(`${dist}/index.html has no <base href>`);
  /** The built file an address in index.html names. */
  const file = (address) => {
    if (!address.startsWith(base)) throw new Error(`${address} is outside the build's base ${base}`);
    const name = path.join(dist, decodeURIComponent(address.slice(base.length)));
    if (!fs.existsSync(name)) throw new Error(`index.html names ${address}, which the build lacks`);
    return name;
  };
  const text = (address) => fs.readFileSync(file(address), "utf8");
  const profiles = (name) => fs.readFileSync(path.join(dist, "profiles", name), "utf8");
  return { html, base, file, text, profiles, index: JSON.parse(profiles("index.json")) };
}

/** The inline module that starts the app: wasm-bindgen's glue, then the program from the page. */
function startScript(build, loader) {
  const glueAddress = loader.match(/from\s*'([^']+\.js)'/)?.[1];
  const programAddress = loader.match(/'([^']+_bg\.wasm)'/)?.[1];
  if (!glueAddress || !programAddress) throw new Error("Trunk's start script names no glue or no .wasm file");
  const glue = build.text(glueAddress);
  if (/^\s*import\b/m.test(glue)) throw new Error("the wasm-bindgen glue imports other files (snippets); they are not inlined");
  // A minified module names it with `$` and letters: `export{$ as default,…}`.
  const init = (glue.match(/export default ([\w$]+);/) ?? glue.match(/export\s*\{(?:[^}]*?,)?\s*([\w$]+) as default\b/))?.[1];
  if (!init) throw new Error("the wasm-bindgen glue has no default export to start it with");
  const program = fs.readFileSync(build.file(programAddress)).toString("base64");
  const start = `
// The single-file edition's start (scripts/lib/single-file.mjs): the program comes from the page.
{
  const block = document.getElementById("fitcheck-program");
  const text = atob(block.textContent);
  block.remove();
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const wasm = await ${init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
`;
  return { module: inline(`${glue}\n${start}`, glueAddress), program };
}

/** The single-file edition of `role` (an entry of the build's profiles/index.json). */
function roleFile(build, role, home) {
  const hashes = { script: [], style: [] };
  let start = null;
  let html = withoutPrerender(build.html).replace(/<base href="[^"]*"\s*\/?>\s*/, "").replace(/<!--[\s\S]*?-->\s*/g, "");
  html = html.replace(TAG_LINK, (whole, attributes) => {
    const rel = attribute(attributes, "rel");
    const href = attribute(attributes, "href");
    if (rel === "stylesheet") {
      const css = inline(build.text(href), href);
      hashes.style.push(sha256(css));
      return `<style>${css}</style>\n    `;
    }
    if (rel === "icon") {
      const type = TYPES[path.extname(href)] ?? "application/octet-stream";
      const data = fs.readFileSync(build.file(href)).toString("base64");
      return `<link rel="icon" href="data:${type};base64,${data}" />\n    `;
    }
    // Offline copy, installation and preloading are for the hosted build's files.
    if (["manifest", "apple-touch-icon", "preload", "modulepreload"].includes(rel)) return "";
    throw new Error(`index.html has a <link rel="${rel}"> the single-file edition does not know`);
  });
  html = html.replace(TAG_SCRIPT, (whole, attributes, body) => {
    const src = attribute(attributes, "src");
    if (!src && /^\s*$/.test(body)) return whole;
    if (src && /\/boot-[0-9a-f]+\.js$/.test(src)) {
      const boot = inline(build.text(src), src);
      hashes.script.push(sha256(boot));
      return `<script>${boot}</script>\n    `;
    }
    if (src && /\/offline-[0-9a-f]+\.js$/.test(src)) return "";
    if (src && attribute(attributes, "type") === "module") {
      start = startScript(build, build.text(src));
      hashes.script.push(sha256(start.module));
      return `<script type="module">${start.module}</script>\n    `;
    }
    throw new Error(`index.html has a script the single-file edition does not know: ${whole.slice(0, 80)}`);
  });
  if (!start) throw new Error("index.html has no start script (scripts/lib/csp.mjs writes start-<hash>.js)");
  html = html.replace(/<div id="cannot-load">[\s\S]*?<\/section>\s*<\/div>\s*/, "");
  if (html.includes(`id="cannot-load"`)) throw new Error("could not leave out index.html's #cannot-load");

  const policy = [
    "default-src 'none'",
    `script-src ${hashes.script.join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${hashes.style.join(" ")}`,
    "img-src data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const meta = [
    `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
    '<meta name="fitcheck-edition" content="single-file" />',
    ...(home ? [`<meta name="fitcheck-home" content="${escapeAttribute(home)}" />`] : []),
  ].join("\n    ");
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  if (!html.includes('<meta charset="utf-8" />')) throw new Error('index.html has no <meta charset="utf-8" />');
  html = html.replace('<meta charset="utf-8" />', (charset) => `${charset}\n    ${meta}`);

  // What the app reads in place of files (src/browser.rs, carried_file) and the program.
  const index = { ...build.index, default: role.id, profiles: [role] };
  const profile = build.profiles(role.file);
  const blocks = [
    `<script type="application/json" data-file="profiles/index.json">${jsonBlock(JSON.stringify(index))}</script>`,
    `<script type="application/json" data-file="profiles/${escapeAttribute(role.file)}">${jsonBlock(profile)}</script>`,
    `<script type="application/octet-stream" id="fitcheck-program">${start.program}</script>`,
  ].join("\n    ");
  if (!html.includes("</body>")) throw new Error("index.html has no </body>");
  return html.replace("</body>", `  ${blocks}\n  </body>`);
}

/** Writes `out`/fitcheck-<role>.html for every role of the build in `dist`; returns the files. */
export function writeSingleFiles({ dist = "dist", out = "dist-single", home = null } = {}) {
  const build = readBuild(dist);
  const address = home ? hostedAddress(home) : null;
  fs.mkdirSync(out, { recursive: true });
  for (const old of fs.readdirSync(out).filter((f) => /^fitcheck-.*\.html$/.test(f))) fs.rmSync(path.join(out, old));
  return build.index.profiles.map((role) => {
    const name = path.join(out, `fitcheck-${role.id}.html`);
    fs.writeFileSync(name, roleFile(build, role, address));
    return name;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let home = null;
  const at = args.indexOf("--hosted-url");
  if (at >= 0) [, home] = args.splice(at, 2);
  if (at >= 0 && !home) {
    console.error("usage: single-file.mjs [--hosted-url https://…/] [dist] [out]");
    process.exit(2);
  }
  const [dist = "dist", out = "dist-single"] = args;
  try {
    for (const file of writeSingleFiles({ dist, out, home })) {
      console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`);
    }
    if (!home) console.log("no --hosted-url: the files say that their results cannot be shared as a link");
  } catch (error) {
    console.error(`single-file: ${error.message}`);
    process.exit(1);
  }
}
