#!/usr/bin/env node
// The start page drawn at build time, so that a first visit shows the role, the time each check
// takes and the start buttons as soon as the HTML and the stylesheets arrive, not after the
// WebAssembly has downloaded and started. scripts/lib/post-build.mjs runs it after each release
// build, before the service worker's list of files is written; it can also be run on a built
// directory:  node scripts/lib/prerender.mjs <dir>
//
// The page is not written a second time: the built app itself runs in headless Chromium, once per
// interface language, and what it draws for the default role's start page is copied into
// index.html, as `<div class="prerender" id="prerender-<language>" lang="<language>" hidden>`
// before #boot, with `<meta name="fitcheck-prerender" content="<role id>" data-languages data-files>` in the head.
// public/boot.js shows the copy for the candidate's language where it is what the app would draw
// (the start page of that role, nothing saved for it yet); the app replaces it when it runs
// (src/browser.rs, end_boot). FITCHECK_PRERENDER=0 builds without it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./chromium.mjs";
import { startServer } from "./static-server.mjs";
import { baseHref } from "./built-html.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The interface's languages, one file each in locales/. */
export const LANGUAGES = fs
  .readdirSync(path.join(ROOT, "locales"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

const COPY = /\s*<div class="prerender" id="prerender-[a-z-]+" lang="[a-z-]+" hidden>[\s\S]*?<!-- end prerender -->\s*<\/div>/g;
const META = /\s*<meta name="fitcheck-prerender"[^>]*\/>/;

/** `html` without any prerendered start page (so the step can run again, and the single-file
 * edition, one file per role, can leave it out). */
export function withoutPrerender(html) {
  return html.replace(COPY, "").replace(META, "").replaceAll(LOW, "");
}

// With the start page drawn, the first frame needs only index.html, the stylesheet and the boot
// script; the program's files follow at low priority, so that they do not share the bandwidth
// with those (measured: the start page shown about 55 ms sooner on the phone profile, the first
// item no later).
const LOW = ' fetchpriority="low"';
const PROGRAM = /<(link rel="modulepreload"|link rel="preload"(?=[^>]*\.wasm")|script type="module")/g;

/** What the app draws on its start page in `language`, from the build served at `url`. */
async function draw(browser, url, language) {
  const context = await browser.newContext({ locale: language, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(url);
    await page.locator("main.welcome #start").waitFor({ timeout: 60_000 });
    // One more frame, for anything drawn after the button.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    if (errors.length) throw new Error(`the app reported errors: ${errors.join("; ")}`);
    const drawn = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      // The app's own elements: everything mounted into <body> but the start placeholder. Its
      // form fields (the progress file's chooser) are disabled in the copy: what they took before
      // the app runs would be lost.
      markup: [...document.body.children]
        .filter((e) => !e.matches("#boot, script, .prerender"))
        .map((e) => {
          const copy = e.cloneNode(true);
          for (const field of copy.querySelectorAll("input, select, textarea")) field.setAttribute("disabled", "");
          return copy.outerHTML;
        })
        .join("\n"),
    }));
    if (drawn.lang !== language) throw new Error(`asked for ${language}, the app chose ${drawn.lang}`);
    if (/<script/i.test(drawn.markup)) throw new Error("the start page holds a script");
    // The empty comments are the app's place markers for what it draws later; the copy needs none.
    return drawn.markup.replaceAll("<!---->", "");
  } finally {
    await context.close();
  }
}

/** Draws the start page of the build in `dir` into its index.html; returns what it wrote. */
export async function prerender(dir) {
  const file = path.join(dir, "index.html");
  const html = withoutPrerender(fs.readFileSync(file, "utf8"));
  const base = baseHref(html) ?? "/";
  const index = JSON.parse(fs.readFileSync(path.join(dir, "profiles", "index.json"), "utf8"));
  const server = await startServer({ root: dir, base });
  const browser = await launch();
  const copies = [];
  try {
    for (const language of LANGUAGES) {
      const markup = await draw(browser, server.url, language);
      copies.push(`<div class="prerender" id="prerender-${language}" lang="${language}" hidden>\n${markup}\n<!-- end prerender -->\n</div>`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (!/<base href="[^"]*" \/>/.test(html)) throw new Error("index.html has no <base href> to put the role after");
  if (!html.includes("<body>")) throw new Error("index.html has no <body>");
  // The role, the languages drawn, and the files the app reads first (public/boot.js fetches
  // them while the program downloads).
  const role = index.profiles.find((p) => p.id === index.default);
  if (!role) throw new Error(`profiles/index.json's default ${index.default} is not among its profiles`);
  const files = ["profiles/index.json", `profiles/${role.file}`];
  const meta = `<meta name="fitcheck-prerender" content="${role.id}" data-languages="${LANGUAGES.join(" ")}" data-files="${files.join(" ")}" />`;
  const written = html
    .replace(/<base href="[^"]*" \/>/, (tag) => `${tag}\n    ${meta}`)
    .replace("<body>", `<body>\n    ${copies.join("\n    ")}`)
    .replace(PROGRAM, (tag) => `${tag}${LOW}`);
  fs.writeFileSync(file, written);
  return { role: index.default, languages: LANGUAGES, bytes: written.length - html.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: prerender.mjs <built dir>");
    process.exit(2);
  }
  const done = await prerender(dir);
  console.log(`prerendered the start page of ${done.role} in ${done.languages.join(", ")} (${done.bytes} bytes)`);
}
